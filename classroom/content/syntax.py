"""YAML syntax errors in a teacher's words, at the line and column where the mistake starts.

PyYAML reports where it *noticed* a problem: an unclosed quote is noticed at the end
of the file, a missing ``]`` on the next line. This module looks at the error and the
text around it and moves the position back to where the mistake starts (the opening
quote or bracket, the wrongly indented line, the line without a colon), then says what
is wrong and how to fix it. Anything it does not recognise keeps PyYAML's position and
wording, so no error is ever hidden.
"""

from __future__ import annotations

import re

import yaml

Position = tuple[int, int]  # 1-based line and column
Found = tuple[int, int, str] | None  # where the mistake starts and what to do, or None: not this explainer

_KEY_START = re.compile(r"^(\s*(?:-\s+)?)([^\s:#\"'][^:#]*?):(?:\s|$)")  # "  - key: " up to the value
_NEW_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?:\s|$)")  # a line that starts a new field


def explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and a plain message (with the fix) for a YAML syntax error in ``text``."""
    lines = text.splitlines()
    quote = _unclosed_quote(lines)
    if quote is not None:  # checked first: an open quote swallows the lines after it and confuses the rest
        return quote
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    where = _pos(mark) if mark else (1, 1)
    start = _pos(error.context_mark) if error.context_mark else where
    for explainer in (_documents, _alias, _escape, _flow, _missing_colon, _colon_in_value, _indentation, _bad_start):
        found = explainer(problem, context, where, start, lines)
        if found is not None:
            return found
    fallback = f"{problem} ({context})" if context else problem or "this is not valid YAML"
    return *where, f"YAML syntax: {fallback}"


def _pos(mark: yaml.Mark) -> Position:
    return mark.line + 1, mark.column + 1


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def _value_start(line: str) -> int | None:
    """The 0-based column where the value of ``key: value`` on ``line`` starts (None: no key)."""
    match = _KEY_START.match(line)
    if match is None:
        return None
    rest = line[match.end() :]
    return match.end() + (len(rest) - len(rest.lstrip(" "))) if rest.strip() else None


# ---------------------------------------------------------------- quotes


def _unclosed_quote(lines: list[str]) -> Found:
    """A value that opens a quote its line never closes, followed by a line that starts a new field."""
    for number, line in enumerate(lines, start=1):
        column = _value_start(line)
        if column is None:
            stripped = line.lstrip(" ")
            if not stripped.startswith("- "):
                continue
            column = _indent(line) + 2 + (len(stripped[2:]) - len(stripped[2:].lstrip(" ")))
        if column >= len(line) or line[column] not in "\"'":
            continue
        quote = line[column]
        if _closes(line[column + 1 :], quote):
            continue
        following = next((later for later in lines[number:] if later.strip()), None)
        if following is None or _NEW_KEY.match(following) or following.lstrip(" ").startswith("- "):
            return number, column + 1, _quote_message(quote, number)
    return None


def _closes(rest: str, quote: str) -> bool:
    """Whether ``rest`` (the text after an opening quote) closes it on this line."""
    if quote == "'":
        return "'" in rest.replace("''", "")
    index = 0
    while index < len(rest):
        if rest[index] == "\\":
            index += 2
            continue
        if rest[index] == '"':
            return True
        index += 1
    return False


def _quote_message(quote: str, number: int) -> str:
    name = 'double quote (")' if quote == '"' else "single quote (')"
    inside = 'write \\" for a quote inside the text' if quote == '"' else "write '' for an apostrophe inside the text"
    return f"a {name} opened on line {number} is never closed; add {quote} at the end of the value ({inside})"


def _documents(problem: str, context: str, where: Position, start: Position, lines: list[str]) -> Found:
    if "found another document" not in problem:
        return None
    return *where, f"line {where[0]} (---) starts a second document, but a file holds one lesson or quiz; remove it"


def _alias(problem: str, context: str, where: Position, start: Position, lines: list[str]) -> Found:
    found = re.match(r"found undefined alias '(.*)'", problem)
    if found is None:
        return None
    return *where, f"a value starting with * (*{found.group(1)}) is read as a reference; put the whole value in quotes"


def _escape(problem: str, context: str, where: Position, start: Position, lines: list[str]) -> Found:
    found = re.match(r"found unknown escape character '(.)'", problem)
    if found is None:
        return None
    return (
        where[0],
        max(1, where[1] - 1),
        f"\\{found.group(1)} is not an escape YAML knows inside double quotes; "
        "write \\\\ for a backslash, or use single quotes",
    )


# ---------------------------------------------------------------- brackets


def _flow(problem: str, context: str, where: Position, start: Position, lines: list[str]) -> Found:
    kinds = {"while parsing a flow sequence": ("[", "]", "list"), "while parsing a flow mapping": ("{", "}", "mapping")}
    if context not in kinds:
        return None
    opening, closing, name = kinds[context]
    wrong = re.search(r"but got '([\]}])'", problem)
    if wrong and wrong.group(1) != closing:
        return (
            *where,
            f"the {name} opened with {opening} at line {start[0]}, column {start[1]} "
            f"must end with {closing}, not {wrong.group(1)}",
        )
    if start[0] == where[0]:  # closed on the same line, but something between is wrong
        return (
            *where,
            f"inside the {opening} … {closing} {name} opened at column {start[1]}, separate the entries with commas; "
            "put an entry that contains a comma or colon in quotes",
        )
    return (
        *start,
        f"a {name} opened with {opening} on line {start[0]} is never closed; add {closing} at the end of that line",
    )


# ---------------------------------------------------------------- colons


def _missing_colon(problem: str, context: str, where: Position, start: Position, lines: list[str]) -> Found:
    if not problem.startswith("could not find expected ':'"):
        return None
    line = _line(lines, start[0])
    words = line.strip().removeprefix("- ").split(None, 1)
    example = f" (for example `{words[0]}: {words[1]}`)" if len(words) == 2 else ""
    return *start, f"line {start[0]} has no colon after its field name; write it as `name: value`{example}"


def _colon_in_value(problem: str, context: str, where: Position, start: Position, lines: list[str]) -> Found:
    if not problem.startswith("mapping values are not allowed here"):
        return None
    line = _line(lines, where[0])
    value = _value_start(line)
    if value is not None and value < where[1] - 1:  # a key earlier on this line: the colon is in its value
        return (
            where[0],
            value + 1,
            f'the value on line {where[0]} contains ": "; put the whole value in quotes, '
            f'like {line[:value].strip()} "{line[value:].strip()}"',
        )
    return _over_indented(where[0], lines)


# ---------------------------------------------------------------- indentation


def _over_indented(number: int, lines: list[str]) -> Found:
    """``number`` is indented more than the field above it, so YAML read it as that field's text."""
    line = _line(lines, number)
    above = next((lines[n - 1] for n in range(number - 1, 0, -1) if lines[n - 1].strip()), None)
    if above is None or _indent(line) <= _indent(above):
        return None
    return (
        number,
        _indent(line) + 1,
        f"line {number} is indented more than the line above it ({_spaces(_indent(line))}, not {_indent(above)}), "
        f"so it is read as part of that line's value; if it is a field of its own, indent it by {_indent(above)}",
    )


def _indentation(problem: str, context: str, where: Position, start: Position, lines: list[str]) -> Found:
    if not problem.startswith("expected <block end>"):
        return None
    number = where[0]
    line = _line(lines, number)
    if where[1] - 1 > _indent(line):  # something after a value on the same line
        value = _value_start(line)
        column = (value if value is not None else _indent(line)) + 1
        opening = line[column - 1] if column - 1 < len(line) else ""
        if opening in "\"'" and opening and line[where[1] - 2 : where[1] - 1] != " ":
            other = "'" if opening == '"' else '"'
            twice = "''" if opening == "'" else '\\"'
            return (
                number,
                column,
                f"the {opening} inside the value on line {number} ends its quotes early; write it as {twice} "
                f"or put the value in {other} quotes instead",
            )
        if opening in "\"'" and opening:
            return (
                number,
                column,
                f"line {number} has more text after the closing quote of its value; put the whole value in one "
                "pair of quotes (a quote inside double quotes is written \\\", inside single quotes '')",
            )
        return (
            number,
            column,
            f"line {number} has more text after its value than YAML expects; check the brackets and quotes, "
            "or put the whole value in quotes",
        )
    siblings = [text for text in lines[start[0] - 1 : number - 1] if text.strip() and not text.lstrip().startswith("#")]
    expected = _indent(siblings[-1]) if siblings else 0
    if expected == _indent(line):
        return (
            number,
            _indent(line) + 1,
            f"line {number} does not fit with the lines above it: one block holds either fields (`name: value`) "
            "or list entries (`- ...`), not both; indent the line under the field it belongs to",
        )
    if siblings and siblings[-1].lstrip().startswith("- ") and not line.lstrip().startswith("- "):
        return (
            number,
            _indent(line) + 1,
            f"line {number} is not a list entry like the lines above it; start it with '- ' "
            "or indent it under the entry it belongs to",
        )
    return (
        number,
        _indent(line) + 1,
        f"line {number} is indented by {_spaces(_indent(line))}, but the lines it belongs with by {expected}; "
        f"line them up (indent by {expected} spaces)",
    )


def _bad_start(problem: str, context: str, where: Position, start: Position, lines: list[str]) -> Found:
    found = re.match(r"found character '(.)' that cannot start any token", problem)
    if found is None:
        return None
    return *where, f"a value cannot start with {found.group(1)}; put the whole value in quotes"
