"""Write lessons and quizzes as YAML a teacher can read and ``python -m classroom check`` accepts.

Field order follows the authoring guide (id, kind, ask first); passages are
literal blocks wrapped at 76 columns; dates are always double-quoted strings,
so no YAML reader can turn them into numbers or date objects.

The text is made by libyaml's C emitter when PyYAML has it (PyYAML's own
emitter, pure Python, took 0.6 s of a 10,000-word import). libyaml
cannot indent a list under its key, so ``indent_sequences`` shifts those lists
by two spaces afterwards; the result is the same text the Python emitter writes
(tests/test_ingest_write.py compares the two). libyaml escapes characters
beyond U+FFFF (emoji) even with ``allow_unicode``, so such a file is left to
the Python emitter.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import yaml

from classroom.content.dates import parse_iso
from classroom.content.models import Lesson, Quiz

SCHEMA_BASE = "../schema"  # where lessons/ and quizzes/ find the schemas in a course folder
WIDTH = 76


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key, as the shipped lessons do (pure Python; the reference output)."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if parse_iso(value) is not None:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)

_CDumper: type | None = None
if yaml.__with_libyaml__:  # PyYAML built with libyaml (the wheels are)

    class _FastDumper(yaml.CSafeDumper):
        """The same representation, emitted by libyaml."""

    _FastDumper.add_representer(str, _represent_str)
    _CDumper = _FastDumper

_PREFIX = re.compile(r" *(?:- )*")  # a line's indentation plus the "- " of the list items it opens
_BLOCK_HEADER = re.compile(r"(?:^|: )[|>][-+0-9]*$")  # "key: |-", or a list item that is a block scalar


def indent_sequences(text: str) -> str:
    """Indent every block list two spaces under the key that holds it (libyaml writes them flush with the key).

    Each such list, with everything nested in it, moves right by two spaces per
    enclosing list so shifted; literal block scalars move with their key and
    their lines are never read as keys or list items.
    """
    lines = text.split("\n")
    out: list[str] = []
    shifted: list[int] = []  # the key columns whose list is shifted, outermost first
    block_end: int | None = None  # a block scalar's lines are indented more than this column
    for number, line in enumerate(lines):
        body = line.lstrip(" ")
        column = len(line) - len(body)
        if block_end is not None:
            if not body or column > block_end:
                out.append(" " * (2 * len(shifted)) + line if body else line)
                continue
            block_end = None
        if not body:
            out.append(line)
            continue
        while shifted and (column < shifted[-1] or (column == shifted[-1] and not body.startswith("- "))):
            shifted.pop()
        out.append(" " * (2 * len(shifted)) + line)
        key_column = _PREFIX.match(line).end()  # type: ignore[union-attr]
        rest = line[key_column:]
        if _BLOCK_HEADER.search(rest):
            block_end = key_column if rest[:1] not in "|>" else key_column - 2
        elif rest.endswith(":") and number + 1 < len(lines):
            following = lines[number + 1]
            if following.startswith(" " * key_column + "- "):
                shifted.append(key_column)
    return "\n".join(out)


def wrap(text: str) -> str:
    """Wrap each paragraph (and each "- " list item) for reading; Markdown joins the lines again."""
    blocks = []
    for paragraph in text.split("\n\n"):
        lines = []
        for line in paragraph.split("\n"):
            indent = "  " if line.startswith("- ") else ""
            lines.append(
                textwrap.fill(line, WIDTH, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


_QUESTION_FIRST = ("id", "kind", "ask")
_QUESTION_LAST = ("topic", "points", "hint", "explain", "source", "feedback", "status")


def _question_dict(data: dict[str, Any]) -> dict[str, Any]:
    middle = [k for k in data if k not in _QUESTION_FIRST + _QUESTION_LAST]
    return {k: data[k] for k in (*_QUESTION_FIRST, *middle, *_QUESTION_LAST) if k in data}


def _dump(data: dict[str, Any], fast: bool = True) -> str:
    """YAML text of ``data``; ``fast=False`` forces PyYAML's Python emitter (the reference the tests compare)."""
    if fast and _CDumper is not None:
        text = yaml.dump(data, Dumper=_CDumper, allow_unicode=True, sort_keys=False, width=10_000)
        if "\\U" not in text:  # libyaml escapes characters beyond U+FFFF (emoji); Python writes them as they are
            if text.endswith("\n...\n"):  # libyaml ends a document holding a "|+" block with "...": optional
                text = text[:-4]
            return indent_sequences(text)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def lesson_yaml(lesson: Lesson, source_name: str | None = None, schema_base: str = SCHEMA_BASE) -> str:
    """The lesson as file text, starting with the schema line editors use."""
    data = lesson.model_dump(by_alias=True, exclude_defaults=True)
    for passage in data["passages"]:
        passage["text"] = wrap(passage["text"])
    header = f"# yaml-language-server: $schema={schema_base}/lesson.schema.json\n"
    if source_name:
        header += (
            f"# Imported from {source_name} by `python -m classroom ingest`: check the passages,\n"
            "# the events (dates and labels) and the people before students read it.\n"
        )
    return header + _dump(data)


def quiz_yaml(quiz: Quiz, source_name: str | None = None, schema_base: str = SCHEMA_BASE) -> str:
    """The quiz as file text; draft questions keep ``status: draft`` so students never see them."""
    data = quiz.model_dump(by_alias=True, exclude_defaults=True)
    data["questions"] = [
        _question_dict(q.model_dump(by_alias=True, exclude_defaults=True) | {"status": q.status})
        for q in quiz.questions
    ]
    for question in data["questions"]:
        if question["status"] == "ready":
            del question["status"]
    header = f"# yaml-language-server: $schema={schema_base}/quiz.schema.json\n"
    if source_name and any(q.status == "draft" for q in quiz.questions):
        header += (
            f"# Draft questions imported from {source_name} by `python -m classroom ingest`.\n"
            "# Students never see a question with status: draft. Check each one against the\n"
            "# passage it cites (source), edit it, then set status: ready (or delete it).\n"
        )
    return header + _dump(data)
