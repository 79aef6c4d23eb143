"""Export then import gives back the same questions, for the shipped quizzes and for generated ones.

What must come back: the text, the kind, the key, the weights and the feedback
(and, through Moodle XML, the points, hint, topic and general feedback). Kinds a
format cannot express (order, date) go out as their nearest type with a note,
never silently dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classroom.content.library import Library
from classroom.content.models import Quiz
from classroom.interchange import bank
from classroom.interchange.mapping import _EXPORTERS, MOODLE_GRADES, QUESTION, moodle_grade_steps, to_item
from classroom.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
EXPRESSIBLE = {"choice", "true_false", "text", "number", "match"}
FORMATS = ("gift", "moodle-xml")


def round_trip(quiz: Quiz, fmt: str) -> tuple[Quiz, list[bank.Note]]:
    data, notes = bank.export_quiz(quiz, fmt)
    result = bank.read_bank(data, "back" + bank.SUFFIX[fmt], fmt, quiz.id, list(quiz.lessons))
    assert not result.problems, result.problems
    assert len(result.quizzes) == 1
    return next(iter(result.quizzes.values())), notes


def comparable(question: Any, fmt: str) -> dict[str, Any]:
    data = question.model_dump(exclude={"status", "source", "typos"})
    if "correct" in data:  # a set: the order options are listed in is what shows
        data["correct"] = sorted(data["correct"])
    if fmt == "gift":  # GIFT holds no marks and no hints
        data.pop("points")
        data.pop("hint")
    return data


def shipped_quizzes() -> list[Quiz]:
    return list(Library(ROOT).course().quizzes.values())


def test_every_kind_has_a_way_out():
    assert set(_EXPORTERS) == set(KINDS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_shipped_question_comes_back_the_same(fmt: str):
    quizzes = shipped_quizzes()
    assert quizzes
    compared = 0
    for quiz in quizzes:
        back, notes = round_trip(quiz, fmt)
        assert len(notes) == len(quiz.questions)  # every question reported, none dropped
        got = {q.id: q for q in back.questions}
        assert set(got) == {q.id for q in quiz.questions}
        for question in quiz.questions:
            assert got[question.id].status == "draft"
            if question.kind in EXPRESSIBLE:
                assert comparable(got[question.id], fmt) == comparable(question, fmt), (quiz.id, question.id)
                compared += 1
            else:
                note = next(n for n in notes if n.title == question.id)
                assert note.outcome == "changed" and note.detail
    assert compared >= 30


def test_order_and_date_go_out_as_their_nearest_type_with_a_note():
    quiz = Quiz.model_validate(
        {
            "id": "q",
            "title": "Q",
            "lessons": ["l"],
            "questions": [
                {"id": "o", "kind": "order", "ask": "Order", "items": ["a", "b", "c"]},
                {"id": "y", "kind": "date", "ask": "Year?", "answer": "1991", "tolerance": 1},
                {"id": "d", "kind": "date", "ask": "Day?", "answer": "1991-12-26"},
            ],
        }
    )
    back, notes = round_trip(quiz, "moodle-xml")
    kinds = {q.id: q for q in back.questions}
    assert kinds["o"].kind == "match" and dict(kinds["o"].pairs) == {"a": "1", "b": "2", "c": "3"}
    assert kinds["y"].kind == "number" and (kinds["y"].answer, kinds["y"].tolerance) == (1991, 1)
    assert kinds["d"].kind == "text" and kinds["d"].accept == ["1991-12-26", "26 December 1991"]
    assert all(n.outcome == "changed" and n.detail for n in notes)


def test_moodle_grades_are_the_twenty_one_steps_moodle_lists():
    assert [round(g, 7) for g in MOODLE_GRADES] == [
        0.0, 0.05, 0.1, 0.1111111, 0.125, 0.1428571, 0.1666667, 0.2, 0.25, 0.3, 0.3333333,
        0.4, 0.5, 0.6, 0.6666667, 0.7, 0.75, 0.8, 0.8333333, 0.9, 1.0,
    ]  # fmt: skip


def _moodle_grade(value: float) -> bool:
    return any(abs(abs(value) - grade) < 1e-5 for grade in MOODLE_GRADES)


@pytest.mark.parametrize("right", range(1, 26))
def test_pick_all_that_apply_goes_out_with_grades_moodle_accepts(right: int):
    options = [f"o{n}" for n in range(right + 2)]
    question = QUESTION.validate_python(
        {"id": "c", "kind": "choice", "ask": "Pick", "options": options, "correct": options[:right]}
    )
    item, _ = to_item(question)
    changed = moodle_grade_steps(item)
    grades = [a.fraction for a in item.answers]
    assert all(_moodle_grade(g) for g in grades), grades
    assert round(sum(g for g in grades if g > 0), 2) == 1  # Moodle's check before it saves the question
    assert all(g > 0 for g in grades[: min(right, 20)]) and all((g < 0) == (right > 1) for g in grades[right:])
    assert bool(changed) == (right > 10 and right != 20)


def test_the_export_report_says_when_grades_became_moodle_steps():
    quiz = Quiz.model_validate(
        {
            "id": "q",
            "title": "Q",
            "lessons": ["l"],
            "questions": [
                {
                    "id": "c",
                    "kind": "choice",
                    "ask": "?",
                    "options": list("abcdefghijklmn"),
                    "correct": list("abcdefghijkl"),
                }
            ],
        }
    )
    for fmt in FORMATS:
        data, notes = bank.export_quiz(quiz, fmt)
        assert "the 12 right options are worth 10% or 5% each" in notes[0].detail
        assert (b"%10%" if fmt == "gift" else b'fraction="10"') in data
    _, qti_notes = bank.export_quiz(quiz, "qti3")
    assert "grade steps" not in qti_notes[0].detail  # QTI keeps the equal shares


# ---------------------------------------------------------------- generated questions

SAFE = st.characters(codec="utf-8", categories=("L", "N", "Zs"), include_characters="~=#{}:\\.,?!'\"-()*_/&<>")
WORD = (
    st.text(SAFE, min_size=1, max_size=12)
    .map(str.strip)
    .filter(lambda s: bool(s) and s[0] not in "%[" and s != "*" and "->" not in s)
)
ASK = st.lists(WORD, min_size=1, max_size=4).map(lambda parts: "\n".join(parts))
POINTS = st.integers(min_value=1, max_value=100)


@st.composite
def choice(draw: st.DrawFn) -> dict[str, Any]:
    options = draw(st.lists(WORD, min_size=2, max_size=6, unique_by=str.casefold))
    correct = draw(st.lists(st.sampled_from(options), min_size=1, max_size=len(options), unique=True))
    wrong = [o for o in options if o not in correct]
    feedback = {o: draw(WORD) for o in wrong if draw(st.booleans())}
    return {"kind": "choice", "options": options, "correct": correct, "feedback": feedback}


@st.composite
def true_false(draw: st.DrawFn) -> dict[str, Any]:
    feedback = {key: draw(WORD) for key in ("true", "false") if draw(st.booleans())}
    return {"kind": "true_false", "answer": draw(st.booleans()), "feedback": feedback}


@st.composite
def text(draw: st.DrawFn) -> dict[str, Any]:
    words = draw(st.lists(WORD, min_size=1, max_size=6, unique_by=str.casefold))
    cut = draw(st.integers(min_value=1, max_value=len(words)))
    return {"kind": "text", "accept": words[:cut], "feedback": {w: draw(WORD) for w in words[cut:]}}


@st.composite
def number(draw: st.DrawFn) -> dict[str, Any]:
    finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
    tolerance = draw(st.floats(min_value=0, max_value=1e6, allow_nan=False))
    data: dict[str, Any] = {"kind": "number", "answer": draw(finite), "tolerance": tolerance}
    if draw(st.booleans()):
        data["near"] = tolerance + draw(st.floats(min_value=1e-3, max_value=1e6, allow_nan=False))
    wrong = draw(st.lists(st.integers(-10_000, 10_000).map(str), max_size=3, unique=True))
    data["feedback"] = {w: draw(WORD) for w in wrong if float(w) != data["answer"]}
    return data


@st.composite
def match(draw: st.DrawFn) -> dict[str, Any]:
    lefts = draw(st.lists(WORD, min_size=2, max_size=5, unique=True))
    rights = [draw(WORD) for _ in lefts]
    extra = draw(st.lists(WORD.filter(lambda w: w not in rights), max_size=2, unique=True))
    return {"kind": "match", "pairs": dict(zip(lefts, rights, strict=True)), "distractors": extra}


@st.composite
def quiz(draw: st.DrawFn) -> Quiz:
    questions = []
    for index in range(draw(st.integers(min_value=1, max_value=4))):
        body = draw(st.one_of(choice(), true_false(), text(), number(), match()))
        common: dict[str, Any] = {"id": f"q-{index + 1}", "ask": draw(ASK), "points": draw(POINTS)}
        if draw(st.booleans()):
            common["explain"] = draw(ASK)
        if draw(st.booleans()):
            common["hint"] = draw(WORD)
        common["topic"] = draw(st.sampled_from(["dates", "roles", "outcomes", "context"]))
        questions.append(QUESTION.validate_python(common | body))
    return Quiz(id="generated", title="Generated", lessons=["a-lesson"], questions=questions)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=quiz())
def test_generated_questions_come_back_the_same(fmt: str, generated: Quiz):
    back, notes = round_trip(generated, fmt)
    assert [n.outcome for n in notes if n.kind] == [
        "changed" if (q.kind == "text" or (fmt == "gift" and (q.points != 1 or q.hint))) else "imported"
        for q in generated.questions
    ]
    for original, read in zip(generated.questions, back.questions, strict=True):
        got, want = comparable(read, fmt), comparable(original, fmt)
        assert got == want
