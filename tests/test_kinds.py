"""The registry of question kinds: one engine class and one widget per kind, and nothing else naming them."""

from __future__ import annotations

import ast
import random

import pytest
from pydantic import TypeAdapter, ValidationError

from classroom.content.load import load_course
from classroom.content.models import Question, Quiz
from classroom.kinds import KINDS, QUESTION_KINDS, Kind
from classroom.kinds.base import QuestionBase
from classroom.limits import MAX_OPTIONS
from classroom.quiz.attempts import describe_key, describe_response
from classroom.quiz.grading import grade, key_response
from support import ROOT, TESTDATA
from ui.shared.answers import WIDGETS


@pytest.fixture(scope="module")
def every_kind() -> Quiz:
    course = load_course([TESTDATA / "course" / "lessons", TESTDATA / "course" / "quizzes"])
    return course.quizzes["every-kind"]


def test_every_kind_has_one_model_one_grader_and_one_widget():
    assert set(QUESTION_KINDS) == set(KINDS) == set(WIDGETS)
    for name, kind in KINDS.items():
        assert isinstance(kind, Kind) and kind.name == name
        assert issubclass(kind.model, QuestionBase)
        assert kind.model.model_fields["kind"].annotation.__args__ == (name,)  # Literal[name]
        assert type(kind).grade is not Kind.grade and type(kind).key_response is not Kind.key_response


def test_the_fixture_quiz_covers_every_kind(every_kind):
    assert {question.kind for question in every_kind.questions} == set(KINDS)


def test_each_kinds_key_earns_full_marks_and_reads_as_the_key(every_kind):
    for question in every_kind.questions:
        key = key_response(question)
        assert grade(question, key).verdict == "correct", question.id
        assert describe_response(question, key) and describe_key(question), question.id


def test_option_orders_come_from_the_seed(every_kind):
    for question in every_kind.questions:
        kind = KINDS[question.kind]
        first = kind.option_order(question, random.Random(5), True)
        assert first == kind.option_order(question, random.Random(5), True), question.id


def kind_branches(source: str) -> list[int]:
    """Lines that compare a ``kind`` with a kind's name (``x.kind == "date"``, ``kind in ("text", ...)``)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and _is_kind(node.left):
            names = {c.value for c in node.comparators if isinstance(c, ast.Constant)}
            for c in node.comparators:
                if isinstance(c, (ast.Tuple, ast.List, ast.Set)):
                    names |= {e.value for e in c.elts if isinstance(e, ast.Constant)}
            if names & set(KINDS):
                lines.append(node.lineno)
    return lines


def _is_kind(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr == "kind"
    return isinstance(node, ast.Name) and node.id == "kind"


def test_the_branch_finder_finds_branches():
    branches = ['if view.kind == "order":', 'elif kind in ("date", "text"):', 'if block.kind == "heading":']
    source = "".join(f"{line}\n    pass\n" for line in branches)
    assert kind_branches(source) == [1, 3]


def test_no_code_outside_the_kinds_branches_on_a_kind_name():
    """Kind-specific behaviour has one home: comparing ``.kind`` with a kind's name elsewhere is a new branch."""
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for package in ("classroom", "ui", "charts", "server")
        for path in sorted((ROOT / package).rglob("*.py"))
        if path.parent.name not in ("kinds", "answers")  # the kinds themselves and their widgets
        for line in kind_branches(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# ---------------------------------------------------------------- MAX_OPTIONS (issue 14)

QuestionAdapter: TypeAdapter[Question] = TypeAdapter(Question)

_MANY = [f"Entry {i}" for i in range(MAX_OPTIONS + 1)]
_OVER = {
    "choice": ({"kind": "choice", "options": _MANY, "correct": ["Entry 0"]}, "options", MAX_OPTIONS),
    "order": ({"kind": "order", "items": _MANY}, "items", MAX_OPTIONS),
    "text": ({"kind": "text", "accept": _MANY}, "accept", MAX_OPTIONS),
    "match": (  # the pairs and distractors are counted together: all are choices on one screen
        {"kind": "match", "pairs": {f"P{i}": f"M{i}" for i in range(30)}, "distractors": [f"D{i}" for i in range(21)]},
        "distractors",
        MAX_OPTIONS - 30,
    ),
    "feedback": ({"kind": "text", "accept": ["Yes"], "feedback": {m: "No." for m in _MANY}}, "feedback", "Entry 50"),
}


@pytest.mark.parametrize("case", sorted(_OVER))
def test_every_kind_refuses_more_than_max_options_entries_pointing_at_the_first_too_many(case):
    fields, name, first_over = _OVER[case]
    data = {"id": "big", "ask": "Which?", **fields}
    with pytest.raises(ValidationError) as caught:
        QuestionAdapter.validate_python(data)
    [error] = caught.value.errors()
    [(at, message, _)] = error["ctx"]["issues"]
    assert at == (name, first_over)
    assert f"has {MAX_OPTIONS + 1} " in message and f"at most {MAX_OPTIONS}" in message
    assert "split it into two questions" in message


@pytest.mark.parametrize("case", sorted(_OVER))
def test_max_options_entries_are_allowed(case):
    fields, name, _ = _OVER[case]
    data = {"id": "big", "ask": "Which?", **fields}
    entries = data[name]
    data[name] = dict(list(entries.items())[:-1]) if isinstance(entries, dict) else entries[:-1]
    assert QuestionAdapter.validate_python(data).id == "big"
