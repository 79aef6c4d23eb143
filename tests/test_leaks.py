"""No question gives away another's answer (issue 14, finding 10): the finder, and the shipped course."""

from __future__ import annotations

import pytest

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


def test_what_a_question_shows_after_its_own_answer_is_not_a_leak_to_itself():
    own = {**WHO, "explain": "Yeltsin wrote it.", "feedback": {"Gorbachev": "No: it was Yeltsin."}}
    assert leaks(_quiz(own)) == []


def test_a_year_elsewhere_does_not_give_away_a_day():
    other = {"id": "other", "kind": "true_false", "ask": "It was 1991.", "answer": True, "explain": "Yes, in 1991."}
    assert leaks(_quiz(DAY, other)) == []


# One case for each kind of leak the shipped course is held to zero of: (the question whose
# answer leaks, the question or quiz title that writes it, the field expected to be reported).
YEAR = {"id": "pfp", "kind": "date", "ask": "In which year did Russia join Partnership for Peace?", "answer": "1994"}
MONTH = {"id": "letter-month", "kind": "date", "ask": "In which month was the letter read out?", "answer": "1991-12"}
CITY = {"id": "city", "kind": "choice", "ask": "Where?", "options": ["Rome", "Paris"], "correct": ["Rome"]}
TF = {"id": "tf", "kind": "true_false", "ask": "It happened.", "answer": True}
CASES = {
    "a day in another question's explanation": (DAY, {**TF, "explain": "It ended on 26 December 1991."}, "explain"),
    "a month in another question's feedback": (
        MONTH,
        {**TF, "feedback": {"false": "In December 1991."}},
        "feedback[false]",
    ),
    "a year in another question's explanation": (YEAR, {**TF, "explain": "Russia joined in 1994."}, "explain"),
    "a year in another question's hint": (YEAR, {**TF, "hint": "Think of 1994."}, "hint"),
    "a name in another question's feedback": (WHO, {**TF, "feedback": {"false": "Yeltsin did."}}, "feedback[false]"),
    "a name among a choice question's options": (
        WHO,
        {"id": "pick", "kind": "choice", "ask": "Who?", "options": ["Yeltsin", "Putin"], "correct": ["Putin"]},
        "options[0]",
    ),
    "a name among an order question's items": (
        WHO,
        {"id": "seq", "kind": "order", "ask": "Order them.", "items": ["The treaty", "Yeltsin writes"]},
        "items[1]",
    ),
    "a name in a match question's pairs": (
        WHO,
        {"id": "pairs", "kind": "match", "ask": "Pair them.", "pairs": {"Boris Yeltsin": "President", "B": "C"}},
        "pairs[Boris Yeltsin]",
    ),
    "a name among a match question's distractors": (
        WHO,
        {"id": "pairs", "kind": "match", "ask": "Pair.", "pairs": {"A": "B", "C": "D"}, "distractors": ["Yeltsin"]},
        "distractors[0]",
    ),
    "a choice answer in another question's explanation": (CITY, {**TF, "explain": "It was Rome."}, "explain"),
    "an answer in another question's ask": (WHO, {**TF, "ask": "Yeltsin sent a letter in 1991."}, "ask"),
    "an answer in the question's own ask": (None, {**WHO, "ask": "Who sent the letter, Yeltsin or Gorbachev?"}, "ask"),
    "an answer in the question's own hint": (None, {**YEAR, "hint": "The year was 1994."}, "hint"),
    "an answer in the quiz's title": (YEAR, "Quiz: Partnership for Peace, 1994", "title"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_kind_of_leak_is_found(case):
    answered, leaking, field = CASES[case]
    if isinstance(leaking, str):  # a title
        quiz = Quiz.model_validate({"id": "q", "title": leaking, "lessons": ["a"], "questions": [answered]})
    else:
        quiz = _quiz(*([answered] if answered else []), leaking)
    found = leaks(quiz)
    assert [leak.where for leak in found] == [field], found
    answered_id = (answered or leaking)["id"] if not isinstance(leaking, str) else answered["id"]
    assert found[0].answers == answered_id


# ---------------------------------------------------------------- the shipped course


def test_no_shipped_text_gives_any_answer_away():
    """Issue 14, finding 10: no question's text, options or title writes another's answer, or its own before answering.

    It started with "events of 1991", whose explanation gave the day the USSR ended, and a match
    question whose pairs held another question's answer; it now holds every kind the finder knows
    (years and names included, and asks and titles), each proved found by the cases above.
    """
    course = load_course([ROOT / "lessons", ROOT / "quizzes"])
    assert course.problems == ()
    assert len(course.quizzes) == 7
    found = [str(leak) for quiz in course.quizzes.values() for leak in leaks(quiz)]
    assert found == []
