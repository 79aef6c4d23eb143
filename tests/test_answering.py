"""The one answer path: start, submit, finish, each saved before it counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from classroom.content.load import load_course
from classroom.content.models import Quiz
from classroom.kinds import kind_of
from classroom.limits import MAX_DATE_ANSWER_CHARS, MAX_NUMBER_ANSWER_CHARS, MAX_TEXT_ANSWER_CHARS
from classroom.quiz import answering
from classroom.quiz.grading import key_response
from classroom.results.store import Store
from support import TESTDATA


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    course = load_course([TESTDATA / "course" / "lessons", TESTDATA / "course" / "quizzes"])
    return course.quizzes["every-kind"]


@pytest.fixture
def store(tmp_path: Path):
    opened = Store(f"sqlite:///{tmp_path / 'results.db'}")
    yield opened
    opened.close()


def test_start_saves_the_attempt_before_the_first_question(store, quiz):
    attempt_id, attempt = answering.start(store, quiz, seed=3, kiosk="hall")
    stored = store.load_attempt(attempt_id)
    assert stored is not None and stored.attempt.plan == attempt.plan and not stored.finished
    assert store.attempt_rows()[0]["kiosk"] == "hall"


def test_a_submitted_answer_is_saved_and_final(store, quiz):
    attempt_id, attempt = answering.start(store, quiz, seed=3)
    first = answering.submit(store, quiz, attempt_id, attempt, "founded", "1949")
    second = answering.submit(store, quiz, attempt_id, attempt, "founded", "1800")
    assert first.graded == second.graded and first.graded.verdict == "correct"
    assert attempt.responses["founded"] == "1949"
    assert store.load_attempt(attempt_id).attempt.responses == {"founded": "1949"}


def test_the_last_answer_finishes_the_attempt_with_its_score(store, quiz):
    attempt_id, attempt = answering.start(store, quiz, seed=3)
    results = []
    for question_id in attempt.plan.question_ids:
        response = key_response(quiz.question(question_id)) if question_id != "count" else 7
        results.append(answering.submit(store, quiz, attempt_id, attempt, question_id, response))
    assert [r.score is None for r in results] == [True] * (len(results) - 1) + [False]
    score = results[-1].score
    assert attempt.finished and attempt.missed() == ["count"]
    assert (score.score, score.max, score.passed) == (7, 8, True)
    row = store.attempt_rows()[0]
    assert (row["score"], row["max"], row["passed"]) == (7, 8, True) and row["finished_at"] is not None


def test_finishing_twice_keeps_the_first_total(store, quiz):
    attempt_id, attempt = answering.start(store, quiz, seed=3)
    for question_id in attempt.plan.question_ids:
        answering.submit(store, quiz, attempt_id, attempt, question_id, key_response(quiz.question(question_id)))
    finished_at = store.attempt_rows()[0]["finished_at"]
    assert answering.finish(store, quiz, attempt_id, attempt).percent == 100
    assert store.attempt_rows()[0]["finished_at"] == finished_at


def test_a_question_outside_the_attempt_is_refused_and_nothing_is_stored(store, quiz):
    attempt_id, attempt = answering.start(store, quiz, seed=3, only=["founded"])
    with pytest.raises(answering.NotInAttempt, match="'count' is not part of this attempt"):
        answering.submit(store, quiz, attempt_id, attempt, "count", 3)
    assert attempt.graded == {} and store.response_rows() == []


def test_when_the_store_fails_the_answer_is_not_counted_and_can_be_sent_again(store, quiz, monkeypatch):
    attempt_id, attempt = answering.start(store, quiz, seed=3)
    real = store.record_answer

    def down(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store, "record_answer", down)
    with pytest.raises(OSError):
        answering.submit(store, quiz, attempt_id, attempt, "founded", "1949")
    assert attempt.graded == {} and attempt.responses == {}
    monkeypatch.setattr(store, "record_answer", real)
    assert answering.submit(store, quiz, attempt_id, attempt, "founded", "1949").graded.verdict == "correct"
    assert store.load_attempt(attempt_id).attempt.responses == {"founded": "1949"}


# ---------------------------------------------------------------- answers checked against their question (issue 14, #4)

TOO_LONG = "x" * (MAX_TEXT_ANSWER_CHARS + 1)
REFUSED = [
    ("members", "13"),  # a choice that is not an option
    ("members", ["12"]),  # a list for a one-answer choice
    ("joined", ["Poland", "Atlantis"]),
    ("joined", ["Poland", "Poland"]),
    ("joined", "Poland"),
    ("secgen", TOO_LONG),
    ("secgen", 3_000_000 * "y"),
    ("secgen", {"a": "b"}),
    ("founded", "1" * (MAX_DATE_ANSWER_CHARS + 1)),
    ("count", "9" * (MAX_NUMBER_ANSWER_CHARS + 1)),
    ("count", True),
    ("veto", "perhaps"),
    ("veto", 1),
    ("sequence", ["Treaty signed", "Made up"]),
    ("sequence", ["Treaty signed"] * 3),
    ("sequence", "Treaty signed"),
    ("offices", {"Javier Solana": "King of Spain"}),
    ("offices", {"Someone else": "NATO Secretary General"}),
    ("offices", ["NATO Secretary General"]),
]


@pytest.mark.parametrize(("question_id", "response"), REFUSED, ids=[f"{q}-{i}" for i, (q, _) in enumerate(REFUSED)])
def test_an_answer_its_question_cannot_take_is_refused_and_not_stored(store, quiz, question_id, response):
    attempt_id, attempt = answering.start(store, quiz, seed=3)
    with pytest.raises(answering.InvalidAnswer) as refused:
        answering.submit(store, quiz, attempt_id, attempt, question_id, response)
    assert str(refused.value).endswith(".") and len(str(refused.value)) < 200
    assert attempt.graded == {} and store.response_rows() == []


ALLOWED = [
    ("members", "12"),
    ("members", "10"),
    ("joined", ["Croatia"]),
    ("joined", []),
    ("secgen", "x" * MAX_TEXT_ANSWER_CHARS),
    ("founded", "26 December 1991"),
    ("count", 3.0),
    ("count", "1,000"),
    ("veto", False),
    ("veto", "true"),
    ("sequence", ["Three countries join", "Treaty signed"]),
    ("offices", {"Javier Solana": "Prime Minister of Russia", "Boris Yeltsin": None}),
    ("offices", {}),
    ("secgen", None),
]


@pytest.mark.parametrize(("question_id", "response"), ALLOWED, ids=[f"{q}-{i}" for i, (q, _) in enumerate(ALLOWED)])
def test_every_answer_a_widget_can_send_is_taken(store, quiz, question_id, response):
    attempt_id, attempt = answering.start(store, quiz, seed=3)
    answering.submit(store, quiz, attempt_id, attempt, question_id, response)
    assert len(store.response_rows()) == 1


def test_every_kinds_key_is_a_valid_answer(quiz):
    for question in quiz.questions:
        assert kind_of(question).check_response(question, key_response(question)) is None, question.id


def test_a_resume_token_opens_only_an_anonymous_attempt_or_the_students_own(store, quiz):
    room = store.create_class("9B")
    ana, ben = store.add_student(room.id, "Ana"), store.add_student(room.id, "Ben")
    anas, _ = answering.start(store, quiz, seed=1, student_id=ana.id)
    anonymous, _ = answering.start(store, quiz, seed=2)
    assert answering.resume(store, quiz, anas, ana.id).id == anas
    assert answering.resume(store, quiz, anas, ben.id) is None  # a classmate's link reaches nothing
    assert answering.resume(store, quiz, anas, None) is None  # nor does it when signed out
    assert answering.resume(store, quiz, anonymous, None).id == anonymous
    assert answering.resume(store, quiz, anonymous, ben.id).id == anonymous
    assert answering.resume(store, quiz, "no-such-token", ana.id).id == anas  # her own open attempt instead
    assert answering.resume(store, quiz, None, ben.id) is None


# ---------------------------------------------------------------- before an answer becomes final


@pytest.mark.parametrize(
    ("question_id", "response"),
    [("founded", None), ("founded", "   "), ("secgen", ""), ("joined", []), ("offices", {"Javier Solana": None})],
)
def test_check_holds_back_a_blank_answer_for_confirmation(quiz, question_id, response):
    held = answering.check(quiz.question(question_id), response)
    assert held == answering.Held("empty", answering.EMPTY_MESSAGE)
    assert held.message.startswith("No answer yet. Submit an empty answer?")


def test_check_names_the_date_form_expected_with_an_example(quiz):
    held = answering.check(quiz.question("founded"), "the late forties")
    assert held == answering.Held(
        "unreadable", "“the late forties” is not a date I can read. Write a year (for example 1991)."
    )


def test_check_says_a_date_is_not_precise_enough_for_a_day_question():
    day = Quiz.model_validate(
        {
            "id": "q",
            "title": "Q",
            "lessons": ["l"],
            "questions": [{"id": "d", "kind": "date", "ask": "Which day?", "answer": "1997-05-27"}],
        }
    )
    held = answering.check(day.question("d"), "May 1997")
    assert held == answering.Held(
        "unreadable",
        "“May 1997” is not precise enough: this question asks for a full date (for example 26 December 1991).",
    )
    assert answering.check(day.question("d"), "27 May 1997") is None


def test_check_names_the_number_form_expected(quiz):
    held = answering.check(quiz.question("count"), "three")
    assert held == answering.Held(
        "unreadable", "“three” is not a number I can read. Write the number in digits, for example 12, 1,000 or 3.5."
    )
    assert answering.check(quiz.question("count"), "1,000") is None


@pytest.mark.parametrize(
    ("question_id", "response"),
    [("founded", "1949"), ("secgen", "anything at all"), ("veto", False), ("offices", {"Javier Solana": "x"})],
)
def test_check_lets_a_readable_answer_through(quiz, question_id, response):
    assert answering.check(quiz.question(question_id), response) is None


@pytest.mark.parametrize(
    ("question_id", "response"),
    [("founded", "1949"), ("founded", "1955"), ("founded", "soon"), ("count", 4), ("secgen", None), ("veto", True)],
)
def test_preview_grades_as_submit_does_and_stores_nothing(store, quiz, question_id, response):
    before = (store.attempt_rows(), store.response_rows())
    previewed = answering.preview(quiz.question(question_id), response)
    assert (store.attempt_rows(), store.response_rows()) == before
    attempt_id, attempt = answering.start(store, quiz, seed=3)
    assert answering.submit(store, quiz, attempt_id, attempt, question_id, response).graded == previewed
