"""Moodle XML, the question bank format Moodle imports and exports: read into ``Item`` records, write back.

Reads the question types the classroom has an equivalent for (and names the
rest so the report can say why they were skipped), with their feedback, hints,
penalties, marks and tags; HTML text becomes safe Markdown. Writes the kinds'
nearest types with ``format="markdown"`` text, which Moodle renders as Markdown,
so nothing the teacher wrote is reformatted on the way out.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from classroom.content.problems import Problem
from classroom.interchange.items import Answer, Item
from classroom.interchange.richtext import html_to_markdown
from classroom.interchange.safexml import parse


def _float(text: str | None, default: float = 0.0) -> float:
    try:
        return float((text or "").strip().replace(",", "."))
    except ValueError:
        return default


def _text(element: Any, changes: list[str], default_format: str = "html") -> str:
    """The ``<text>`` inside ``element`` (or the element's own text), as Markdown by its ``format``."""
    if element is None:
        return ""
    inner = element.find("text")
    raw = (inner.text if inner is not None else element.text) or ""
    fmt = element.get("format", default_format)
    return html_to_markdown(raw, changes) if fmt == "html" else raw.strip()


def read(source: str, path: str = "<xml>") -> tuple[list[Item], list[Problem]]:
    """Every question in a Moodle XML file, or why the file cannot be read."""
    root, problems = parse(source, path)
    if root is None:
        return [], problems
    if root.tag != "quiz":
        return [], [Problem(path, root.sourceline or 1, 1, f"expected a <quiz> element, found <{root.tag}>")]
    items: list[Item] = []
    category = ""
    for element in root.iter("question"):
        qtype = element.get("type", "")
        if qtype == "category":
            name = element.find("category")
            category = (_text(name, [], "plain") if name is not None else "").removeprefix("$course$/")
            category = category.removeprefix("top/").removeprefix("top").strip("/")
            continue
        if not qtype:
            problems.append(Problem(path, element.sourceline or 1, 1, "a <question> without a type attribute"))
            continue
        items.append(_question(element, qtype, category))
    return ([] if problems else items), problems


def _question(element: Any, qtype: str, category: str) -> Item:
    changes: list[str] = []
    item = Item(qtype, _text(element.find("questiontext"), changes), changes=changes)
    item.title = _text(element.find("name"), changes, "plain")
    item.general_feedback = _text(element.find("generalfeedback"), changes)
    item.points = _float(element.findtext("defaultgrade"), 1.0)
    penalty = element.findtext("penalty")
    item.penalty = _float(penalty) if penalty is not None else None
    item.hints = [_text(hint, changes) for hint in element.findall("hint")]
    item.tags = [t for t in (_text(tag, changes, "plain") for tag in element.findall("tags/tag")) if t]
    item.category = category
    item.line = element.sourceline or 1
    overall = ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")
    if any(_text(element.find(tag), []) for tag in overall):
        changes.append("the overall feedback for right, partly right and wrong answers is dropped")
    single = (element.findtext("single") or "true").strip().lower()
    item.single = single in ("true", "1")
    if qtype == "matching":
        for sub in element.findall("subquestion"):
            answer = sub.find("answer")
            left = _text(sub, changes)  # empty: a distractor (an extra right-hand answer)
            item.answers.append(Answer(_text(answer, changes, "plain"), 1.0 if left else 0.0, left=left))
        return item
    for answer in element.findall("answer"):
        fraction = _float(answer.get("fraction"), 0.0) / 100
        text = _text(answer, changes, "plain" if qtype in ("truefalse", "shortanswer", "numerical") else "html")
        feedback = _text(answer.find("feedback"), changes)
        item.answers.append(Answer(text, fraction, feedback, abs(_float(answer.findtext("tolerance")))))
    return item


# ---------------------------------------------------------------- writing


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _rich(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    element = _sub(parent, tag, format="markdown", **attrs)
    _sub(element, "text", text)
    return element


def _fraction(value: float) -> str:
    return f"{value * 100:.7g}"


def write(items: list[Item]) -> bytes:
    """A Moodle XML file: a category per quiz, then each question."""
    root = etree.Element("quiz")
    category = None
    for item in items:
        if item.category and item.category != category:
            category = item.category
            holder = _sub(root, "question", type="category")
            _sub(_sub(holder, "category"), "text", f"$course$/top/{category}")
        question = _sub(root, "question", type=item.type)
        _sub(_sub(question, "name"), "text", item.title)
        _rich(question, "questiontext", item.text)
        _rich(question, "generalfeedback", item.general_feedback)
        _sub(question, "defaultgrade", f"{item.points:g}")
        _sub(question, "penalty", "0")
        _sub(question, "hidden", "0")
        _write_answers(question, item)
        for hint in item.hints:
            _rich(question, "hint", hint)
        if item.tags:
            tags = _sub(question, "tags")
            for tag in item.tags:
                _sub(_sub(tags, "tag"), "text", tag)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _write_answers(question: Any, item: Item) -> None:
    if item.type == "matching":
        _sub(question, "shuffleanswers", "true")
        for answer in item.answers:
            sub = _rich(question, "subquestion", answer.left)
            _sub(_sub(sub, "answer"), "text", answer.text)
        return
    if item.type == "multichoice":
        _sub(question, "single", "true" if item.single else "false")
        _sub(question, "shuffleanswers", "true")
        _sub(question, "answernumbering", "abc")
    if item.type == "shortanswer":
        _sub(question, "usecase", "0")
    for answer in item.answers:
        element = _sub(question, "answer", fraction=_fraction(answer.fraction), format="markdown")
        _sub(element, "text", answer.text)
        _rich(element, "feedback", answer.feedback)
        if item.type == "numerical":
            _sub(element, "tolerance", repr(answer.tolerance))
