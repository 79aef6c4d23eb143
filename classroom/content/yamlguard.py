"""Refuse a YAML text too deep or too wide to parse safely, before any YAML parser sees it.

libyaml's composer (and PyYAML's) builds nested lists and mappings by recursion: a
60 KB file of ``[`` × 30,000 overflows the C stack and kills the process (exit 139),
which no ``try`` can catch. So this module reads the text itself, with a small
scanner that knows just enough YAML to measure nesting:

- block nesting: the stack of indentation columns, plus a level for every ``- ``,
  ``? `` or ``: `` that opens a nested node on the same line (``- - - x``);
- flow nesting: ``[`` and ``{`` that open a collection (at the start of a value, or
  inside another flow collection), outside quotes and comments;
- block scalars (``|`` and ``>``) and quoted text are skipped, so brackets inside
  text never count.

The measure errs on the high side (a sequence written at its mapping's indentation
adds a real level the columns do not show, so real nesting is at most about twice the
measure plus the flow depth), which is why ``MAX_DEPTH`` only needs to be a small
multiple of what a course uses. Lines longer than ``MAX_LINE_CHARS`` are refused
too: nothing a teacher writes needs them, and a 1 MB line is only a way to make the
parser slow.
"""

from __future__ import annotations

import re

from classroom.content.problems import Problem
from classroom.limits import MAX_DEPTH, MAX_GUARD_PROBLEMS, MAX_LINE_CHARS

_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")
_KEY_END = re.compile(r":(?:[ \t]+|$)| #")  # the end of a plain key, or a comment
_PROPERTY = re.compile(r"[&!][^\s,\[\]{}]*\s*")  # an anchor or a tag before a node


def _too_deep(path: str, line: int, column: int) -> Problem:
    return Problem(
        path,
        line,
        column,
        f"nested more than {MAX_DEPTH} levels deep (lists inside lists or mappings); "
        "a lesson or quiz needs only a few levels: remove the extra brackets or indentation",
    )


class _Scanner:
    """One pass over the lines; stops at the first place nesting goes beyond the limit."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.indents: list[int] = []  # block levels: the column each one starts at
        self.flow = 0  # open [ and { not yet closed
        self.quote: str | None = None  # a quoted scalar still open at the end of the last line
        self.block_scalar: int | None = None  # inside a | or > scalar whose parent line has this indent
        self.deep: Problem | None = None
        self.current_indent = 0

    def _push(self, column: int, number: int) -> None:
        if self.indents and self.indents[-1] >= column:
            return
        self.indents.append(column)
        if len(self.indents) + self.flow > MAX_DEPTH and self.deep is None:
            self.deep = _too_deep(self.path, number, column + 1)

    def line(self, number: int, text: str) -> None:
        self.current_indent = len(text) - len(text.lstrip(" "))
        if self.block_scalar is not None:
            stripped = text.strip()
            if not stripped or len(text) - len(text.lstrip(" ")) > self.block_scalar:
                return
            self.block_scalar = None
        if self.quote or self.flow:
            self._flow(number, text, 0, at_start=False)
            return
        stripped = text.lstrip(" ")
        if not stripped or stripped.startswith("#") or stripped.startswith("%"):
            return
        indent = len(text) - len(stripped)
        if text.startswith(("---", "...")) and text[3:4] in ("", " ", "\t"):
            self.indents.clear()
            indent = 4
            if not text[4:].strip():
                return
        while self.indents and self.indents[-1] > indent:
            self.indents.pop()
        self._push(indent, number)
        self._node(number, text, indent, indent)

    def _node(self, number: int, text: str, at: int, indent: int) -> None:
        """A node starts at column ``at``: indicators, then a flow collection, a quote, a block scalar or plain text."""
        while at < len(text) and self.deep is None:
            rest = text[at:]
            if rest[0] in "-?:" and (len(rest) == 1 or rest[1] in " \t"):
                at += 1
                while at < len(text) and text[at] in " \t":
                    at += 1
                if at < len(text) and text[at] != "#":
                    self._push(at, number)
                continue
            prop = _PROPERTY.match(rest)
            if prop and prop.end():
                at += prop.end()
                continue
            if rest[0] in "[{":
                self._flow(number, text, at, at_start=True)
                return
            if rest[0] in "'\"":
                end = self._quoted(text, at + 1, rest[0])
                if end is None:
                    self.quote = rest[0]
                    return
                value = self._after_key(text, end)
                if value is None:
                    return
                at = value
                continue
            if _BLOCK_SCALAR.match(rest):
                self.block_scalar = indent
                return
            if rest[0] in "#*":
                return
            value = self._after_key(text, at)
            if value is None:
                return
            at = value

    def _after_key(self, text: str, at: int) -> int | None:
        """Where the value starts when ``text[at:]`` is a plain key followed by ': ' (None: a plain value)."""
        match = _KEY_END.search(text, at)
        if match is None or match.group().endswith("#"):
            return None
        column = match.start() + 1
        while column < len(text) and text[column] in " \t":
            column += 1
        return column if column < len(text) else None

    @staticmethod
    def _quoted(text: str, at: int, quote: str) -> int | None:
        """The column after the closing ``quote`` (None when the quote stays open past this line)."""
        while at < len(text):
            char = text[at]
            if quote == '"' and char == "\\":
                at += 2
                continue
            if char == quote:
                if quote == "'" and text[at + 1 : at + 2] == "'":
                    at += 2
                    continue
                return at + 1
            at += 1
        return None

    def _flow(self, number: int, text: str, at: int, at_start: bool) -> None:
        """Inside flow collections (or an open quote): count brackets until the line ends or the flow closes."""
        if self.quote:
            end = self._quoted(text, at, self.quote)
            if end is None:
                return
            self.quote = None
            at = end
            if not self.flow:  # a quoted key may be followed by its value on this line
                value = self._after_key(text, at)
                if value is not None:
                    self._node(number, text, value, self.current_indent)
                return
        while at < len(text) and self.deep is None:
            char = text[at]
            if char in "[{":
                self.flow += 1
                if len(self.indents) + self.flow > MAX_DEPTH:
                    self.deep = _too_deep(self.path, number, at + 1)
                at_start = True
            elif char in "]}":
                self.flow = max(0, self.flow - 1)
                if not self.flow:
                    return
                at_start = False
            elif char in ",?" or (char == ":" and text[at + 1 : at + 2] in ("", " ", "\t", ",", "]", "}")):
                at_start = True
            elif char == "#" and (at == 0 or text[at - 1] in " \t"):
                return
            elif char in "'\"" and at_start:
                end = self._quoted(text, at + 1, char)
                if end is None:
                    self.quote = char
                    return
                at = end
                at_start = False
                continue
            elif char not in " \t":
                at_start = False
            at += 1


def guard(text: str, path: str) -> list[Problem]:
    """Problems that make ``text`` unsafe to hand to a YAML parser: too deep, or lines too long. Empty when safe."""
    problems: list[Problem] = []
    scanner = _Scanner(path)
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if len(line) > MAX_LINE_CHARS:
            if len(problems) < MAX_GUARD_PROBLEMS:
                problems.append(
                    Problem(
                        path,
                        number,
                        MAX_LINE_CHARS + 1,
                        f"line is {len(line):,} characters long; the limit is {MAX_LINE_CHARS:,}: "
                        "break it (a block of text under '|' or '>' can span many lines)",
                    )
                )
            continue
        if scanner.deep is None:
            scanner.line(number, line)
    if scanner.deep is not None:
        problems.append(scanner.deep)
    return sorted(problems)
