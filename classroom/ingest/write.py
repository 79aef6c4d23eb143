"""Write lessons and quizzes as YAML a teacher can read and ``python -m classroom check`` accepts.

Field order follows the authoring guide (id, kind, ask first); passages are
literal blocks wrapped at 76 columns; dates are always double-quoted strings,
so no YAML reader can turn them into numbers or date objects.
"""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from classroom.content.dates import parse_iso
from classroom.content.models import Lesson, Quiz

SCHEMA_BASE = "../schema"  # where lessons/ and quizzes/ find the schemas in a course folder
WIDTH = 76


class _Dumper(yaml.SafeDumper):
    """Indent list items under their key, as the shipped lessons do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> Any:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if parse_iso(value) is not None:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


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


def _dump(data: dict[str, Any]) -> str:
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
