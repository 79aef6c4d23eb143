"""The second sample course (courses/rome): valid, its keys earn full marks, BCE dates and a long timeline work."""

from __future__ import annotations

import pytest

from classroom.content.course_file import course_era, read_settings
from classroom.content.dates import parse_date
from classroom.content.load import load_course
from classroom.content.timeline import course_events, span_words, spans
from classroom.quiz.attempts import describe_key
from classroom.quiz.grading import grade, key_response
from support import ROOT

ROME = ROOT / "courses" / "rome"


@pytest.fixture(scope="module")
def rome():
    return load_course([ROME / "lessons", ROME / "quizzes"])


def test_the_course_loads_without_problems(rome):
    assert rome.problems == ()
    assert list(rome.lessons) == ["rome-republic", "rome-empire-end"]
    assert sum(len(quiz.questions) for quiz in rome.quizzes.values()) >= 15


def test_every_key_earns_full_marks(rome):
    for quiz in rome.quizzes.values():
        for question in quiz.questions:
            assert grade(question, key_response(question)).verdict == "correct", question.id


def test_the_course_writes_bce_and_ce_and_shows_them(rome, monkeypatch):
    assert read_settings(ROME) == (read_settings(ROME)[0], [])
    assert course_era(ROME) == "BCE/CE"
    monkeypatch.setenv("CLASSROOM_CONTENT", str(ROME))
    caesar = rome.quizzes["rome-republic-quiz"].question("caesar-day")
    assert describe_key(caesar) == "15 March 44 BCE"


def test_the_course_uses_bc_dates_circa_decades_and_centuries(rome):
    answers = [parse_date(q.answer) for quiz in rome.quizzes.values() for q in quiz.questions if q.kind == "date"]
    assert {a.precision for a in answers} >= {"century", "decade", "year", "day"}
    assert any(a.year <= 0 for a in answers) and any(a.circa for a in answers)


def test_students_answers_in_the_usual_forms_are_graded(rome):
    quiz = rome.quizzes["rome-republic-quiz"]
    assert grade(quiz.question("caesar-day"), "15 March 44 B.C.").verdict == "correct"
    assert grade(quiz.question("caesar-day"), "15 March 44 AD").feedback.startswith("Right day and month, wrong era")
    assert grade(quiz.question("punic-century"), "third century BC").verdict == "correct"
    assert grade(quiz.question("punic-century"), "264 BC").verdict == "correct"
    assert grade(quiz.question("caesar-decade"), "45 BC").verdict == "correct"
    wall = rome.quizzes["rome-empire-end-quiz"].question("wall-begun")
    assert grade(wall, "AD 130").verdict == "correct" and grade(wall, "AD 140").verdict == "wrong"


def test_the_timeline_runs_from_753_bce_to_1453(rome):
    events = course_events(rome, "BCE/CE")
    assert events[0].when == "21 April 753 BCE" and events[-1].when == "29 May 1453"
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert spans(events, "BCE/CE")[0].name == "Everything (753 BCE – 1453)"
    assert span_words(-26, 14.5, "BCE/CE") == "27 BCE – 14 CE"


def test_every_passage_cites_a_public_source(rome):
    for lesson in rome.lessons.values():
        for passage in lesson.passages:
            assert "*Source" in passage.text and "https://" in passage.text, (lesson.id, passage.id)
