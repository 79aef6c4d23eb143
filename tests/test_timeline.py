"""Timeline records: dates kept as written, periods covering their whole end, stable ordering."""

from __future__ import annotations

import dataclasses

import pytest

from classroom.content.load import Course, load_course
from classroom.content.models import Lesson
from classroom.content.timeline import course_events, lesson_events
from support import ROOT


def make_lesson(lesson_id: str, order: int, events: list[dict]) -> Lesson:
    return Lesson.model_validate(
        {
            "id": lesson_id,
            "title": f"Lesson {lesson_id}",
            "order": order,
            "summary": "A summary.",
            "passages": [{"id": "p1", "text": "Some text."}],
            "events": events,
        }
    )


def make_course(*lessons: Lesson) -> Course:
    return Course(lessons={lesson.id: lesson for lesson in lessons}, quizzes={}, problems=(), files={})


def only_event(event: dict):
    [result] = lesson_events(make_lesson("solo", 1, [event]))
    return result


def test_a_day_before_1970_keeps_its_date_and_reads_as_written():
    event = only_event({"date": "1949-04-04", "label": "NATO is born", "passage": "p1"})
    assert event.key == "solo:0"
    assert (event.lesson_id, event.lesson_title, event.lesson_order) == ("solo", "Lesson solo", 1)
    assert event.start_iso == "1949-04-04"
    assert event.end_iso is None
    assert event.is_period is False
    assert event.precision == "day"
    assert event.when == "4 April 1949"
    assert event.date_text == "1949-04-04"
    assert event.end_text is None
    assert event.passage == "p1"
    assert event.label == "NATO is born"


def test_a_month_starts_on_its_first_day_and_reads_as_month_and_year():
    event = only_event({"date": "1954-05", "label": "Rejected"})
    assert event.start_iso == "1954-05-01"
    assert event.precision == "month"
    assert event.when == "May 1954"
    assert event.passage is None


def test_a_year_starts_on_the_first_of_january():
    event = only_event({"date": "1991", "label": "A year"})
    assert event.start_iso == "1991-01-01"
    assert event.precision == "year"
    assert event.when == "1991"


def test_a_month_period_ends_on_the_last_day_of_its_end_month():
    event = only_event({"date": "1996-01", "end": "1998-09", "label": "Talks"})
    assert event.is_period is True
    assert event.start_iso == "1996-01-01"
    assert event.end_iso == "1998-09-30"
    assert event.end_text == "1998-09"
    assert event.when == "January 1996 – September 1998"


def test_a_year_period_ends_on_the_31st_of_december():
    event = only_event({"date": "2000", "end": "2008", "label": "In office"})
    assert (event.start_iso, event.end_iso) == ("2000-01-01", "2008-12-31")
    assert event.when == "2000 – 2008"


@pytest.mark.parametrize(
    ("end", "last"), [("2000-02", "2000-02-29"), ("1999-02", "1999-02-28"), ("1900-02", "1900-02-28")]
)
def test_february_ends_on_the_right_day_in_leap_and_common_years(end, last):
    assert only_event({"date": "1899", "end": end, "label": "x"}).end_iso == last


def test_a_day_period_ends_on_that_day():
    event = only_event({"date": "1991-12-25", "end": "1991-12-26", "label": "Two days"})
    assert event.end_iso == "1991-12-26"
    assert event.when == "25 December 1991 – 26 December 1991"


def test_records_are_frozen():
    event = only_event({"date": "1991", "label": "x"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.label = "changed"  # type: ignore[misc]


def test_lesson_events_are_chronological_and_keys_keep_the_written_position():
    lesson = make_lesson(
        "l",
        1,
        [
            {"date": "1999", "label": "late"},
            {"date": "1949-04-04", "label": "early"},
            {"date": "1991-12", "label": "middle"},
        ],
    )
    events = lesson_events(lesson)
    assert [e.label for e in events] == ["early", "middle", "late"]
    assert [e.key for e in events] == ["l:1", "l:2", "l:0"]


def test_course_events_sort_by_date_then_lesson_order_then_written_order():
    second = make_lesson("second", 2, [{"date": "1991-12-20", "label": "b1"}, {"date": "1949", "label": "b0"}])
    first = make_lesson("first", 1, [{"date": "1991-12-20", "label": "a1"}, {"date": "1991-12-20", "label": "a2"}])
    events = course_events(make_course(second, first))  # the dict order must not matter
    assert [e.label for e in events] == ["b0", "a1", "a2", "b1"]


def test_a_course_without_events_gives_an_empty_timeline():
    assert course_events(make_course(make_lesson("empty", 1, []))) == []


def test_shipped_lessons_give_a_usable_timeline():
    course = load_course([ROOT / "lessons"])
    events = course_events(course)
    assert events, "the shipped lessons have no events"
    assert any(e.start_iso < "1970-01-01" for e in events)
    assert any(e.is_period and e.end_iso is not None and e.end_iso > e.start_iso for e in events)
    assert len({e.key for e in events}) == len(events)
    assert [e.start_iso for e in events] == sorted(e.start_iso for e in events)
    assert {e.lesson_id for e in events} <= set(course.lessons)
