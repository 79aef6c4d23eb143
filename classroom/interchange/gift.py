"""GIFT, Moodle's plain-text question format: read into ``Item`` records, write them back.

Read as Moodle's own importer reads it: questions are separated by blank lines,
``//`` lines are comments, ``$CATEGORY:`` switches the category, ``::title::``
names a question, ``[html]``/``[markdown]``/``[plain]``/``[moodle]`` give the
text's format, and the answers sit between ``{`` and ``}`` (text after the
closing brace makes it a missing-word question). ``\\`` escapes the special
characters ``~ = # { } :`` and ``\\n`` is a line break. Every syntax error in the
file is reported at once as ``path:line:column: message`` with what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classroom.content.problems import Problem
from classroom.interchange.items import Answer, Item
from classroom.interchange.richtext import html_to_markdown

SPECIAL = "~=#{}:"
FORMATS = ("html", "markdown", "plain", "moodle")
MISSING_WORD = "_____"
TRUE_FALSE = {"t": True, "true": True, "f": False, "false": False}
TAG = re.compile(r"\[tag:([^\]]+)\]")
NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"


@dataclass
class _Block:
    """One question's text with the file position of each of its characters."""

    text: str
    where: list[tuple[int, int]]  # (line, column) of each character

    def at(self, index: int) -> tuple[int, int]:
        if not self.where:
            return (1, 1)
        return self.where[min(max(index, 0), len(self.where) - 1)]


class GiftError(Exception):
    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index
        self.message = message


# ---------------------------------------------------------------- escapes


def find(text: str, target: str, start: int = 0) -> int:
    """Index of the first unescaped ``target`` at or after ``start``, or -1."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(target, index):
            return index
        index += 1
    return -1


def unescape(text: str) -> str:
    """GIFT text as it reads: ``\\:`` is ``:``, ``\\n`` a line break; other backslashes stay."""
    out = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            if following in SPECIAL or following == "\\":
                out.append(following)
                index += 2
                continue
            if following == "n":
                out.append("\n")
                index += 2
                continue
        out.append(char)
        index += 1
    return "".join(out)


def escape(text: str) -> str:
    """``text`` as GIFT: special characters escaped, line breaks as ``\\n``."""
    text = text.replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\n", "\\n")


# ---------------------------------------------------------------- reading


PHP_SPACE = " \t\n\r\0\x0b"


def _blocks(source: str) -> list[tuple[_Block, int, list[str]]]:
    """The file cut into questions at blank lines, comment lines left out (but their ``[tag:...]`` kept)."""
    blocks: list[tuple[_Block, int, list[str]]] = []
    tags: list[str] = []
    text: list[str] = []
    where: list[tuple[int, int]] = []
    first = 0
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            if text:
                blocks.append((_Block("".join(text), where), first, tags))
                text, where, tags = [], [], []
            continue
        if line.lstrip().startswith("//"):
            tags.extend(TAG.findall(line))
            continue
        if not text:
            first = number
        else:
            text.append("\n")
            where.append((where[-1][0], where[-1][1] + 1))
        # Moodle trims every line (PHP's trim: no Unicode spaces), so indented continuation lines lose the indent.
        indent = len(line) - len(line.lstrip(PHP_SPACE))
        line = line.strip(PHP_SPACE)
        text.append(line)
        where.extend((number, indent + column) for column in range(1, len(line) + 1))
    if text:
        blocks.append((_Block("".join(text), where), first, tags))
    return blocks


def _text(raw: str, fmt: str, changes: list[str]) -> str:
    """A piece of question text in Markdown, by its format (an answer may name its own)."""
    raw = raw.strip()
    found = re.match(r"\[(html|markdown|plain|moodle)\]", raw)
    if found:
        fmt, raw = found[1], raw[found.end() :]
    text = unescape(raw).strip()
    return html_to_markdown(text, changes) if fmt == "html" else text


def read(source: str, path: str = "<gift>") -> tuple[list[Item], list[Problem]]:
    """Every question in a GIFT file, or every syntax error in it (then no questions)."""
    items: list[Item] = []
    problems: list[Problem] = []
    category = ""
    source = source.removeprefix("\ufeff")
    for block, first, tags in _blocks(source):
        stripped = block.text.strip()
        if stripped.startswith("$CATEGORY:"):
            category = stripped.removeprefix("$CATEGORY:").strip().removeprefix("$course$/").strip()
            category = category.removeprefix("top/").strip()
            continue
        try:
            item = _question(block)
        except GiftError as error:
            line, column = block.at(error.index)
            problems.append(Problem(path, line, column, error.message))
            continue
        item.line, item.category, item.tags = first, category, [t.strip() for t in tags]
        items.append(item)
    return ([] if problems else items), problems


def _question(block: _Block) -> Item:
    text = block.text
    start = len(text) - len(text.lstrip())
    title = ""
    if text.startswith("::", start):
        end = find(text, "::", start + 2)
        if end < 0:
            raise GiftError(start, "the title opened with '::' is not closed: expected '::' after it")
        title = unescape(text[start + 2 : end]).strip()
        start = end + 2
    body_start = start
    fmt = "moodle"
    found = re.match(r"\s*\[(html|markdown|plain|moodle)\]", text[start:])
    if found:
        fmt = found[1]
        body_start = start + found.end()
    opening = find(text, "{", body_start)
    changes: list[str] = []
    if opening < 0:
        closing = find(text, "}", body_start)
        if closing >= 0:
            raise GiftError(closing, "a '}' with no '{' before it: write \\} for a brace in the text")
        return Item("description", _text(text[body_start:], fmt, changes), title, changes=changes)
    closing = find(text, "}", opening + 1)
    if closing < 0:
        raise GiftError(opening, "the answers opened with '{' are not closed: expected '}'")
    nested = find(text, "{", opening + 1)
    if 0 <= nested < closing:
        raise GiftError(nested, "a '{' inside the answers: expected '}' first (write \\{ for a brace in the text)")
    after = text[closing + 1 :]
    again = find(after, "{")
    if again >= 0:
        raise GiftError(closing + 1 + again, "a second answer block: GIFT allows one '{...}' per question")
    before = _text(text[body_start:opening], fmt, changes)
    trailing = _text(after, fmt, changes)
    ask = before
    if trailing:  # a missing word: the blank stands where the answers were, spacing as written
        gap_before = " " if before and text[opening - 1].isspace() else ""
        gap_after = " " if after[:1].isspace() else ""
        ask = f"{before}{gap_before}{MISSING_WORD}{gap_after}{trailing}"
    item = Item("", ask, title, changes=changes)
    _answers(block, opening + 1, closing, fmt, item)
    return item


def _answers(block: _Block, start: int, end: int, fmt: str, item: Item) -> None:
    """Fill ``item`` from the text between the braces (``block.text[start:end]``)."""
    raw = block.text[start:end]
    general = find(raw, "####")
    if general >= 0:
        item.general_feedback = _text(raw[general + 4 :], fmt, item.changes)
        raw = raw[:general]
    body = raw.strip()
    offset = start + (len(raw) - len(raw.lstrip()))
    if not body:
        item.type = "essay"
        return
    if body.startswith("#"):
        item.type = "numerical"
        _numerical(block, offset + 1, body[1:], fmt, item)
        return
    marks = [i for i in (find(body, "~"), find(body, "=")) if i >= 0]
    if not marks:
        head = body.split("#", 1)[0].strip().lower()
        if head in TRUE_FALSE:
            _true_false(body, fmt, item)
            return
        text, _, feedback = _cut(body, "#")  # one short answer may go without its '=' (Moodle accepts it)
        item.type = "shortanswer"
        item.answers.append(Answer(_text(text, fmt, item.changes), 1.0, _text(feedback, fmt, item.changes)))
        return
    if min(marks) and body[: min(marks)].strip():
        raise GiftError(offset, "text before the first answer: each answer starts with '=' (right) or '~' (wrong)")
    answers = _split_answers(body)
    if find(body, "~") < 0 and all(find(a, "->") >= 0 for _, a in answers):
        item.type = "matching"
        for _, answer in answers:
            left, _, right = _cut(answer, "->")
            item.answers.append(Answer(_text(right, fmt, item.changes), 1.0, left=_text(left, fmt, item.changes)))
        return
    item.type = "multichoice" if find(body, "~") >= 0 else "shortanswer"
    for mark, answer in answers:
        fraction = 1.0 if mark == "=" else 0.0
        weight = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", answer)
        if weight:
            fraction = float(weight[1]) / 100
            answer = answer[weight.end() :]
        text, _, feedback = _cut(answer, "#")
        item.answers.append(Answer(_text(text, fmt, item.changes), fraction, _text(feedback, fmt, item.changes)))
    if item.type == "multichoice":
        item.single = sum(1 for a in item.answers if a.fraction > 0) == 1 or any(
            abs(a.fraction - 1) < 1e-9 for a in item.answers
        )


def _cut(text: str, mark: str) -> tuple[str, str, str]:
    index = find(text, mark)
    return (text, "", "") if index < 0 else (text[:index], mark, text[index + len(mark) :])


def _split_answers(body: str) -> list[tuple[str, str]]:
    """``=a ~b`` as [("=", "a"), ("~", "b")]: as in Moodle, every unescaped ``=`` or ``~`` starts an answer."""
    parts: list[tuple[str, str]] = []
    index, mark, begin = 0, "", 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 2
            continue
        if char in "=~":
            if mark:
                parts.append((mark, body[begin:index]))
            mark, begin = char, index + 1
        index += 1
    if mark:
        parts.append((mark, body[begin:]))
    return parts


def _true_false(body: str, fmt: str, item: Item) -> None:
    head, _, rest = _cut(body, "#")
    wrong, _, right = _cut(rest, "#")
    answer = TRUE_FALSE[head.strip().lower()]
    item.type = "truefalse"
    right_text, wrong_text = _text(right, fmt, item.changes), _text(wrong, fmt, item.changes)
    item.answers = [
        Answer("true", 1.0 if answer else 0.0, right_text if answer else wrong_text),
        Answer("false", 0.0 if answer else 1.0, wrong_text if answer else right_text),
    ]


def _numerical(block: _Block, start: int, body: str, fmt: str, item: Item) -> None:
    if find(body, "=") < 0 and find(body, "~") < 0:
        value, _, feedback = _cut(body, "#")
        item.answers.append(_number(block, start, value, 1.0, _text(feedback, fmt, item.changes)))
        return
    first = min(i for i in (find(body, "="), find(body, "~")) if i >= 0)
    answers = _split_answers(body)
    if body[:first].strip():  # "#3:2 ~#wrong": the first answer may go without its '='
        answers.insert(0, ("=", body[:first]))
    for mark, answer in answers:
        fraction = 1.0 if mark == "=" else 0.0
        weight = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", answer)
        if weight:
            fraction = float(weight[1]) / 100
            answer = answer[weight.end() :]
        value, _, feedback = _cut(answer, "#")
        position = start + body.find(answer)
        if mark == "~" and not value.strip():
            item.answers.append(Answer("*", 0.0, _text(feedback, fmt, item.changes)))
            continue
        item.answers.append(_number(block, position, value, fraction, _text(feedback, fmt, item.changes)))


def _number(block: _Block, start: int, value: str, fraction: float, feedback: str) -> Answer:
    text = value.strip()
    ranged = re.fullmatch(rf"({NUMBER})\s*\.\.\s*({NUMBER})", text)
    if ranged:
        low, high = sorted((float(ranged[1]), float(ranged[2])))
        return Answer(f"{(low + high) / 2:.10g}", fraction, feedback, round((high - low) / 2, 10))
    plain = re.fullmatch(rf"({NUMBER})(?:\s*:\s*({NUMBER}))?", text)
    if not plain:
        raise GiftError(start, f"'{text}' is not a number: expected 1822, 1822:5 (with a margin) or 1820..1824")
    return Answer(plain[1].lstrip("+"), fraction, feedback, abs(float(plain[2] or 0)))


# ---------------------------------------------------------------- writing


def write(items: list[tuple[Item, str]]) -> str:
    """A GIFT file: each question with a ``//`` comment (its kind, and what the format changed)."""
    out: list[str] = []
    category = None
    for item, comment in items:
        if item.category and item.category != category:
            category = item.category
            out.append(f"$CATEGORY: $course$/{category}\n")
        if comment:
            out.extend(f"// {line}" for line in comment.splitlines())
        if item.tags:
            out.append("// " + " ".join(f"[tag:{tag}]" for tag in item.tags))
        out.append(_question_text(item) + "\n")
    return "\n".join(out)


def _number_text(value: str, tolerance: float) -> str:
    return f"{value}:{tolerance!r}" if tolerance else value


def _question_text(item: Item) -> str:
    head = f"::{escape(item.title)}::" if item.title else ""
    head += f"[markdown]{escape(item.text)}"
    lines: list[str] = []
    feedback = lambda a: f"#{escape(a.feedback)}" if a.feedback else ""  # noqa: E731
    if item.type == "truefalse":
        right = next(a for a in item.answers if a.fraction > 0)
        wrong = next(a for a in item.answers if a is not right)
        tail = f"#{escape(wrong.feedback)}#{escape(right.feedback)}" if right.feedback or wrong.feedback else ""
        lines.append(("TRUE" if right.text == "true" else "FALSE") + tail)
    elif item.type == "numerical":
        lines.append("#")
        for answer in item.answers:
            weight = "" if answer.fraction == 1 else f"%{answer.fraction * 100:g}%"
            lines.append(f"\t={weight}{_number_text(answer.text, answer.tolerance)}{feedback(answer)}")
    elif item.type == "matching":
        for answer in item.answers:
            lines.append(f"\t={escape(answer.left)} -> {escape(answer.text)}")
    else:
        for answer in item.answers:
            if item.type == "shortanswer" or item.single:
                mark = (
                    "=" if answer.fraction == 1 else ("~" if answer.fraction == 0 else f"~%{answer.fraction * 100:g}%")
                )
                if item.type == "shortanswer" and answer.fraction == 0:
                    mark = "=%0%"
            else:
                mark = f"~%{answer.fraction * 100:.5g}%"
            lines.append(f"\t{mark}{escape(answer.text)}{feedback(answer)}")
    if item.general_feedback:
        lines.append(f"\t####{escape(item.general_feedback)}")
    return head + "{\n" + "\n".join(lines) + "\n}"
