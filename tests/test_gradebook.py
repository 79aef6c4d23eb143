"""The gradebook and "My work": best whole-quiz scores, statuses, practice never counted as a pass."""

from __future__ import annotations

import datetime as dt

from classroom.results import gradebook
from classroom.results.store import Student

T = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
QUIZZES = [gradebook.QuizColumn("q1", "Quiz one", 60), gradebook.QuizColumn("q2", "Quiz two", 80)]


def attempt(attempt_id, student_id, quiz_id, percent=None, retry=False, finished=True, minutes=0, asked=6):
    return {
        "attempt_id": attempt_id,
        "student_id": student_id,
        "quiz_id": quiz_id,
        "percent": percent,
        "passed": None if percent is None else percent >= 60,
        "retry": retry,
        "finished_at": T if finished else None,
        "started_at": T + dt.timedelta(minutes=minutes),
        "asked": asked,
    }


def answer(attempt_id, verdict):
    return {"attempt_id": attempt_id, "verdict": verdict}


def test_cells_show_best_whole_attempt_and_practice_never_counts():
    people = [Student(1, 1, "Ana"), Student(2, 1, "Ben"), Student(3, 1, "Cleo")]
    rows = [
        attempt("a1", 1, "q1", 57.0),
        attempt("a2", 1, "q1", 92.0, retry=True),  # practice of the missed ones: 92% of a few questions
        attempt("a3", 1, "q2", finished=False),
        attempt("b1", 2, "q1", 50.0),
        attempt("b2", 2, "q1", 75.0),
        attempt(None, None, "q1", 100.0),  # an anonymous kiosk attempt: nobody's
    ]
    book = {row.student: row for row in gradebook.gradebook(people, QUIZZES, rows)}
    ana, ben, cleo = book["Ana"], book["Ben"], book["Cleo"]
    assert ana.cells["q1"] == gradebook.Cell("done", 57.0, 1, 1, False)
    assert ana.cells["q1"].text() == "57% (1)"
    assert ana.cells["q2"].status == "in progress" and ana.cells["q2"].text() == "in progress"
    assert ben.cells["q1"].text() == "75% ✓ (2)"
    assert cleo.cells["q1"].text() == "not started" and cleo.done() == 0
    assert ben.done() == 1


def test_the_csv_has_a_row_per_student_and_neutralises_names():
    people = [Student(1, 1, "=HYPERLINK(1)")]
    book = gradebook.gradebook(people, QUIZZES, [attempt("a", 1, "q1", 70.0)])
    text = gradebook.gradebook_csv(book, QUIZZES).decode("utf-8-sig").splitlines()
    assert text[0] == "student,q1 best %,q1 attempts,q1 passed,q1 status,q2 best %,q2 attempts,q2 passed,q2 status"
    assert text[1] == "'=HYPERLINK(1),70.0,1,true,done,,0,false,not started"


def test_my_work_lists_newest_first_with_practice_as_practice():
    rows = [
        attempt("a1", 1, "q1", 57.0, minutes=0, asked=14),
        attempt("a2", 1, "q1", 92.0, retry=True, minutes=10, asked=6),
        attempt("a3", 1, "q2", finished=False, minutes=20, asked=8),
    ]
    answers = [answer("a1", "correct")] * 8 + [answer("a1", "wrong")] * 6
    answers += [answer("a2", "correct")] * 5 + [answer("a2", "wrong")]
    answers += [answer("a3", "correct")] * 3
    entries = gradebook.my_work(rows, answers)
    assert [entry.attempt_id for entry in entries] == ["a3", "a2", "a1"]
    assert [entry.summary() for entry in entries] == [
        "in progress: 3 of 8 answered",
        "practice: 5 of 6 right",
        "57% — not passed yet",
    ]
    assert gradebook.best_by_quiz(entries) == {"q1": 57.0}
