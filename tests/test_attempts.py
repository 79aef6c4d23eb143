"""Attempts: reproducible draws and shuffles, key-free question views, final answers."""

from __future__ import annotations

import dataclasses

import pytest

from classroom.content.load import load_course
from classroom.content.models import Quiz
from classroom.quiz.attempts import (
    askable,
    describe_key,
    describe_response,
    plan_attempt,
    student_view,
)
from classroom.quiz.grading import key_response
from support import TESTDATA


@pytest.fixture(scope="module")
def quizzes() -> dict[str, Quiz]:
    course = load_course([TESTDATA / "course" / "lessons", TESTDATA / "course" / "quizzes"])
    return course.quizzes


def pool_quiz(draw: int | None = 3, shuffle: bool = True, drafts: int = 0) -> Quiz:
    questions = [{"id": f"q{i}", "kind": "number", "ask": f"Number {i}?", "answer": i} for i in range(10)]
    for question in questions[:drafts]:
        question["status"] = "draft"
    return Quiz.model_validate(
        {"id": "pool", "title": "Pool", "lessons": ["x"], "draw": draw, "shuffle": shuffle, "questions": questions}
    )


def test_same_seed_gives_the_same_plan(quizzes):
    quiz = quizzes["every-kind"]
    assert plan_attempt(quiz, 7) == plan_attempt(quiz, 7)


def test_draw_picks_that_many_questions_and_differs_between_seeds():
    quiz = pool_quiz(draw=3)
    plans = {plan_attempt(quiz, seed).question_ids for seed in range(30)}
    assert all(len(ids) == 3 and len(set(ids)) == 3 for ids in plans)
    assert len(plans) > 10


def test_without_shuffle_questions_keep_the_file_order(quizzes):
    quiz = quizzes["every-kind"]
    assert plan_attempt(quiz, 1).question_ids == tuple(q.id for q in quiz.questions)


def test_draw_without_shuffle_keeps_file_order_of_the_drawn():
    quiz = pool_quiz(draw=4, shuffle=False)
    ids = plan_attempt(quiz, 3).question_ids
    assert list(ids) == sorted(ids, key=lambda qid: int(qid[1:]))


def test_drafts_are_never_asked():
    quiz = pool_quiz(draw=None, drafts=4)
    assert [q.id for q in askable(quiz)] == [f"q{i}" for i in range(4, 10)]
    assert set(plan_attempt(quiz, 5).question_ids) == {f"q{i}" for i in range(4, 10)}


def test_retry_asks_only_the_given_questions_without_drawing():
    quiz = pool_quiz(draw=2)
    assert sorted(plan_attempt(quiz, 9, only=["q1", "q5", "q7"]).question_ids) == ["q1", "q5", "q7"]


def test_order_questions_never_start_in_the_right_order(quizzes):
    quiz = quizzes["every-kind"]
    order = quiz.question("sequence")
    for seed in range(50):
        assert list(plan_attempt(quiz, seed).option_orders["sequence"]) != order.items


def test_match_choices_are_shuffled_even_without_shuffle(quizzes):
    quiz = quizzes["every-kind"]
    orders = {plan_attempt(quiz, seed).option_orders["offices"] for seed in range(20)}
    assert len(orders) > 1
    assert all(sorted(o) == sorted(quiz.question("offices").choices) for o in orders)


@pytest.mark.parametrize("quiz_id", ["every-kind", "leak-check"])
def test_student_view_never_carries_the_key(quizzes, quiz_id):
    quiz = quizzes[quiz_id]
    plan = plan_attempt(quiz, 11)
    for question in quiz.questions:
        view = student_view(question, plan)
        fields = {f.name for f in dataclasses.fields(view)}
        assert fields == {"id", "kind", "ask", "points", "hint", "options", "prompts", "several", "precision"}
        text = repr(view)
        if question.kind in ("date", "text", "number"):
            key = key_response(question)
            assert str(key) not in text and (not isinstance(key, float) or f"{key:g}" not in text)
        if question.explain:
            assert question.explain not in text
        for feedback in question.feedback.values():
            assert feedback not in text


def test_choice_view_says_whether_several_answers_apply(quizzes):
    quiz = quizzes["every-kind"]
    plan = plan_attempt(quiz, 2)
    assert student_view(quiz.question("joined"), plan).several is True
    assert student_view(quiz.question("members"), plan).several is False
    assert student_view(quiz.question("founded"), plan).precision == "year"


def test_descriptions_for_the_result_page(quizzes):
    quiz = quizzes["every-kind"]
    assert describe_key(quiz.question("sequence")) == "Treaty signed → Solana takes office → Three countries join"
    assert describe_key(quiz.question("veto")) == "False"
    assert describe_key(quiz.question("founded")) == "1949"
    assert describe_key(quiz.question("count")) == "3"
    assert describe_response(quiz.question("joined"), ["Poland", "Croatia"]) == "Poland, Croatia"
    assert describe_response(quiz.question("sequence"), ["b", "a"]) == "b → a"
    assert describe_response(quiz.question("founded"), "  ") == "(no answer)"
    assert describe_response(quiz.question("offices"), {"Javier Solana": None}) == "(no answer)"  # no pair chosen
    assert (
        describe_response(quiz.question("offices"), {"Javier Solana": None, "Boris Yeltsin": "x"})
        == "Javier Solana → (none); Boris Yeltsin → x"
    )


def test_a_date_key_is_described_in_words_at_its_precision():
    quiz = Quiz.model_validate(
        {
            "id": "d",
            "title": "D",
            "lessons": ["x"],
            "questions": [
                {"id": "day", "kind": "date", "ask": "?", "answer": "1997-05-27"},
                {"id": "month", "kind": "date", "ask": "?", "answer": "1996-01"},
            ],
        }
    )
    assert describe_key(quiz.question("day")) == "27 May 1997"
    assert describe_key(quiz.question("month")) == "January 1996"
