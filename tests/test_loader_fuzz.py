"""Arbitrary bytes and arbitrary YAML never make the loader raise: they give problems."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from classroom.content.load import load_file
from classroom.content.problems import Problem

YAMLISH = st.lists(
    st.sampled_from(
        [
            "id: x",
            "title: t",
            "questions:",
            "  - kind: date",
            "  - [",
            "  ]",
            ": :",
            "&a",
            "*a",
            "\t",
            "- ",
            "'",
            '"',
            "{",
            "}",
            "#",
        ]
    )
    | st.text(max_size=20),
    max_size=15,
).map("\n".join)


def _check(raw: bytes, name: str) -> None:
    result = load_file(Path(name), raw=raw)
    assert all(isinstance(p, Problem) for p in result.problems)
    assert (result.item is None) == bool(result.problems) or result.item is not None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_problems_not_exceptions(raw):
    _check(raw, "quizzes/fuzz.yaml")
    _check(raw, "lessons/fuzz.yaml")


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_yaml_like_text_gives_problems_not_exceptions(text):
    _check(text.encode("utf-8", "surrogatepass"), "quizzes/fuzz.yaml")
