"""No question gives away another's answer (issue 14, finding 10): the finder, and the shipped course."""

from __future__ import annotations

import pytest

from classroom.content.dates import parse_iso
from classroom.content.load import load_course
from classroom.content.models import Quiz
from classroom.quiz.leaks import Leak, leaks
from support import ROOT

DAY = {"id": "ussr-end", "kind": "date", "ask": "On which day did the USSR end?", "answer": "1991-12-26"}
WHO = {"id": "letter", "kind": "text", "ask": "Who sent the letter?", "accept": ["Boris Yeltsin", "Yeltsin"]}


def _quiz(*questions: dict) -> Quiz:
    return Quiz.model_validate({"id": "q", "title": "Q", "lessons": ["a"], "questions": list(questions)})


def test_an_explanation_that_writes_another_questions_day_is_a_leak():
    other = {
        "id": "events",
        "kind": "true_false",
        "ask": "The Warsaw Pact ended in 1991.",
        "answer": True,
        "explain": "It ended in July; the USSR itself ended on 26 December 1991.",
    }
    assert leaks(_quiz(DAY, other)) == [Leak("q", "events", "explain", "ussr-end", "26 December 1991")]


def test_a_match_that_pairs_another_questions_answer_is_a_leak():
    match = {
        "id": "offices",
        "kind": "match",
        "ask": "Pair each person with an office.",
        "pairs": {"Boris Yeltsin": "President of Russia", "Manfred Wörner": "NATO Secretary General"},
    }
    assert [(leak.shown_in, leak.where, leak.answers) for leak in leaks(_quiz(WHO, match))] == [
        ("offices", "pairs[Boris Yeltsin]", "letter")
    ]


@pytest.mark.parametrize("field", ["hint", "explain"])
def test_hints_feedback_and_options_are_read_but_a_question_never_leaks_to_itself(field):
    own = {**WHO, field: "Yeltsin wrote it."}  # its own answer, after answering: not a leak
    choice = {
        "id": "pick",
        "kind": "choice",
        "ask": "Which came first?",
        "options": ["The letter", "The vote"],
        "correct": ["The letter"],
        "feedback": {"The vote": "No: Yeltsin's letter came first."},
    }
    found = leaks(_quiz(own, choice))
    assert [(leak.shown_in, leak.where) for leak in found] == [("pick", "feedback[The vote]")]


def test_a_year_elsewhere_does_not_give_away_a_day():
    other = {"id": "other", "kind": "true_false", "ask": "It was 1991.", "answer": True, "explain": "Yes, in 1991."}
    assert leaks(_quiz(DAY, other)) == []


# ---------------------------------------------------------------- the shipped course


def _course_leaks() -> list[tuple[Quiz, Leak]]:
    course = load_course([ROOT / "lessons", ROOT / "quizzes"])
    assert course.problems == ()
    return [(quiz, leak) for quiz in course.quizzes.values() for leak in leaks(quiz)]


def test_no_shipped_text_gives_away_another_questions_day_or_month():
    """The issue's first case: the explanation of "events of 1991" gave the day the USSR ended."""
    found = []
    for quiz, leak in _course_leaks():
        answered, shown_in = quiz.question(leak.answers), quiz.question(leak.shown_in)
        assert answered is not None and shown_in is not None
        in_text = not leak.where.startswith(("options", "items", "pairs", "distractors"))
        key = parse_iso(answered.answer) if answered.kind == "date" else None
        if in_text and key is not None and key.precision != "year":
            found.append(str(leak))
    assert found == []


def test_no_shipped_match_offers_another_questions_answer():
    """The issue's second case: a match question's options included the answer of another question."""
    found = []
    for quiz, leak in _course_leaks():
        answered, shown_in = quiz.question(leak.answers), quiz.question(leak.shown_in)
        assert answered is not None and shown_in is not None
        if shown_in.kind == "match" and answered.kind in ("text", "choice"):
            found.append(str(leak))
    assert found == []
