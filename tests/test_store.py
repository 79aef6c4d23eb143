"""The results store, on SQLite always and on PostgreSQL when CLASSROOM_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from classroom.content.load import load_course
from classroom.errors import UserError
from classroom.quiz.attempts import plan_attempt
from classroom.quiz.grading import grade, key_response
from classroom.results.migrations import MIGRATIONS
from classroom.results.store import Store
from support import TESTDATA


@pytest.fixture(scope="module")
def quiz():
    course = load_course([TESTDATA / "course" / "lessons", TESTDATA / "course" / "quizzes"])
    return course.quizzes["every-kind"]


def answer_all(store, attempt_id, quiz, plan, wrong=()):
    for question_id in plan.question_ids:
        question = quiz.question(question_id)
        response = "nonsense" if question_id in wrong else key_response(question)
        store.record_answer(attempt_id, response, grade(question, response))


def test_migrations_run_once_from_an_empty_database(store):
    assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    assert store.migrate() == []
    reopened = Store(store.url)
    assert reopened.migrate() == [] and reopened.applied_migrations() == [name for name, _ in MIGRATIONS]
    reopened.close()


def test_sqlite_file_is_created_in_wal_mode(tmp_path):
    path = tmp_path / "deep" / "down" / "c.db"
    store = Store(f"sqlite:///{path}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert path.is_file()
    store.close()


def test_a_student_name_is_cleaned_and_unique_in_its_class(store):
    room = store.create_class("History 9B")
    assert len(room.join_code) == 6
    assert store.class_by_code(room.join_code.lower()) == room
    assert store.class_by_code("NOPE00") is None
    ana = store.add_student(room.id, "Ana \u200b Müller\u202e")
    assert ana.display_name == "Ana Müller"
    assert store.student_named(room.id, "  ana   MULLER ") == ana
    with pytest.raises(UserError, match="already has a student called"):
        store.add_student(room.id, "ANA muller")
    with pytest.raises(UserError, match="needs a name"):
        store.add_student(room.id, " \u200b ")
    other = store.create_class("History 9C")
    assert store.add_student(other.id, "Ana Müller").class_id == other.id  # the same name in another class is fine
    assert [s.display_name for s in store.students(room.id)] == ["Ana Müller"]


def test_a_submitted_answer_is_stored_at_once_and_survives_reopening(store, quiz):
    plan = plan_attempt(quiz, 5)
    attempt_id = store.start_attempt(plan)
    first = plan.question_ids[0]
    question = quiz.question(first)
    store.record_answer(attempt_id, key_response(question), grade(question, key_response(question)))
    reopened = Store(store.url)
    stored = reopened.load_attempt(attempt_id)
    reopened.close()
    assert stored.attempt.plan == plan
    assert stored.attempt.responses == {first: key_response(question)}
    assert stored.attempt.graded[first].verdict == "correct"
    assert stored.attempt.position == 1 and not stored.finished


def test_a_repeated_answer_keeps_the_first_and_counts_once(store, quiz):
    plan = plan_attempt(quiz, 5)
    attempt_id = store.start_attempt(plan)
    question = quiz.question("count")
    first = store.record_answer(attempt_id, 3, grade(question, 3))
    second = store.record_answer(attempt_id, 99, grade(question, 99))
    assert first == second and second.verdict == "correct"
    rows = store.response_rows()
    assert [(r["question_id"], r["response"]) for r in rows] == [("count", 3)]


def test_open_attempt_and_best_scores(store, quiz):
    room = store.create_class("9B")
    student = store.add_student(room.id, "Ben")
    plan = plan_attempt(quiz, 1)
    attempt_id = store.start_attempt(plan, student_id=student.id)
    assert store.open_attempt(student.id, quiz.id).id == attempt_id
    answer_all(store, attempt_id, quiz, plan, wrong={"count", "veto"})
    stored = store.load_attempt(attempt_id)
    store.finish_attempt(attempt_id, stored.attempt.score(quiz))
    assert store.open_attempt(student.id, quiz.id) is None
    assert store.best_scores(student.id) == {quiz.id: 75.0}
    [row] = store.attempt_rows(class_id=room.id)
    assert (row["student"], row["score"], row["max"], row["passed"]) == ("Ben", 6, 8, True)
    assert row["finished_at"].tzinfo is not None


def test_deleting_a_student_removes_all_their_data(store, quiz):
    room = store.create_class("9C")
    gone = store.add_student(room.id, "Cleo")
    kept = store.add_student(room.id, "Dan")
    for student in (gone, kept):
        plan = plan_attempt(quiz, 2)
        answer_all(store, store.start_attempt(plan, student_id=student.id), quiz, plan)
    exported = store.export_student(gone.id)
    assert exported["student"]["display_name"] == "Cleo"
    assert len(exported["attempts"]) == 1 and len(exported["responses"]) == len(quiz.questions)
    store.delete_student(gone.id)
    assert store.export_student(gone.id) == {}
    assert {r["student"] for r in store.response_rows(class_id=room.id)} == {"Dan"}
    assert [s.display_name for s in store.students(room.id)] == ["Dan"]


def test_kiosk_attempts_are_anonymous_and_filed_under_a_class(store, quiz):
    room = store.create_class("Museum")
    plan = plan_attempt(quiz, 4)
    attempt_id = store.start_attempt(plan, class_id=room.id, kiosk="hall")
    answer_all(store, attempt_id, quiz, plan)
    rows = store.response_rows(class_id=room.id, quiz_id=quiz.id)
    assert {(r["student"], r["kiosk"]) for r in rows} == {("(anonymous)", "hall")}


def test_fifty_threads_submitting_at_once_lose_nothing_and_count_nothing_twice(store, quiz):
    plan = plan_attempt(quiz, 8)
    attempt_ids = [store.start_attempt(plan) for _ in range(25)]
    question = quiz.question(plan.question_ids[0])
    barrier = threading.Barrier(50)
    errors = []

    def submit(index: int) -> None:
        attempt_id = attempt_ids[index % 25]  # two threads per attempt: the same answer submitted twice
        try:
            barrier.wait()
            response = key_response(question)
            store.record_answer(attempt_id, response, grade(question, response))
        except Exception as error:  # collected: a failure in a thread must fail the test
            errors.append(error)

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = store.response_rows(quiz_id=quiz.id)
    assert sorted(r["attempt_id"] for r in rows) == sorted(attempt_ids)
    assert sum(r["points"] for r in rows) == 25 * question.points


def _worker_submits(url: str, attempt_ids: list[str], start, results) -> None:
    """One server process (python -m server runs one per core): its own Store, answering every attempt."""
    course = load_course([TESTDATA / "course" / "lessons", TESTDATA / "course" / "quizzes"])
    quiz = course.quizzes["every-kind"]
    opened = Store(url)
    start.wait()
    try:
        for attempt_id in attempt_ids:
            stored = opened.load_attempt(attempt_id)
            for question_id in stored.attempt.plan.question_ids:
                response = key_response(quiz.question(question_id))
                opened.record_answer(attempt_id, response, grade(quiz.question(question_id), response))
        results.put("ok")
    except Exception as error:  # reported to the test, which fails on anything but "ok"
        results.put(repr(error))
    finally:
        opened.close()


def test_two_server_processes_answering_at_once_lose_nothing_and_count_nothing_twice(store, quiz):
    """Both processes answer the same 10 attempts at the same moment, as two workers might."""
    context = multiprocessing.get_context("spawn")
    plans = [plan_attempt(quiz, seed) for seed in range(10)]
    attempt_ids = [store.start_attempt(plan) for plan in plans]
    start, results = context.Event(), context.Queue()
    workers = [context.Process(target=_worker_submits, args=(store.url, attempt_ids, start, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    start.set()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(30)
    assert outcomes == ["ok", "ok"]
    rows = store.response_rows(quiz_id=quiz.id)
    assert len(rows) == sum(len(plan.question_ids) for plan in plans)  # one row per (attempt, question)
    assert {(r["attempt_id"], r["question_id"]) for r in rows} == {
        (attempt_id, question_id)
        for attempt_id, plan in zip(attempt_ids, plans, strict=True)
        for question_id in plan.question_ids
    }
    assert all(r["points"] == quiz.question(r["question_id"]).points for r in rows)


def test_a_retry_of_missed_questions_is_not_a_best_score(store, quiz):
    room = store.create_class("9D")
    student = store.add_student(room.id, "Eve")
    full = plan_attempt(quiz, 1)
    full_id = store.start_attempt(full, student_id=student.id)
    answer_all(store, full_id, quiz, full, wrong={"count", "veto"})
    store.finish_attempt(full_id, store.load_attempt(full_id).attempt.score(quiz))
    retry = plan_attempt(quiz, 2, only=["count", "veto"])
    retry_id = store.start_attempt(retry, student_id=student.id)
    answer_all(store, retry_id, quiz, retry)
    store.finish_attempt(retry_id, store.load_attempt(retry_id).attempt.score(quiz))
    assert store.load_attempt(retry_id).attempt.plan.retry is True
    assert store.best_scores(student.id) == {quiz.id: 75.0}
    assert [row["retry"] for row in store.attempt_rows(class_id=room.id)] == [False, True]
