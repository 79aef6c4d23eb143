"""Timeline records: dates kept as written, periods covering their whole end, stable ordering."""

from __future__ import annotations

import dataclasses

import pytest

from classroom.content.load import Course, load_course
from classroom.content.models import SHORT_LABEL, Lesson
from classroom.content.timeline import course_events, cut_label, lesson_events, span_words, spans
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
    assert event.start == pytest.approx(1949 + 3 / 12 + 3 / 30 / 12)  # 4 April: three days into April
    assert event.end is None
    assert event.is_period is False
    assert event.precision == "day"
    assert event.when == "4 April 1949"
    assert event.date_text == "1949-04-04"
    assert event.end_text is None
    assert event.passage == "p1"
    assert event.label == "NATO is born"


def test_a_month_starts_on_its_first_day_and_reads_as_month_and_year():
    event = only_event({"date": "1954-05", "label": "Rejected"})
    assert event.start == pytest.approx(1954 + 4 / 12)
    assert event.precision == "month"
    assert event.when == "May 1954"
    assert event.passage is None


def test_a_year_starts_on_the_first_of_january():
    event = only_event({"date": "1991", "label": "A year"})
    assert event.start == 1991
    assert event.precision == "year"
    assert event.when == "1991"


def test_a_month_period_ends_on_the_last_day_of_its_end_month():
    event = only_event({"date": "1996-01", "end": "1998-09", "label": "Talks"})
    assert event.is_period is True
    assert event.start == 1996
    assert event.end == pytest.approx(1998.75)  # the end of September
    assert event.end_text == "1998-09"
    assert event.when == "January 1996 – September 1998"


def test_a_year_period_ends_on_the_31st_of_december():
    event = only_event({"date": "2000", "end": "2008", "label": "In office"})
    assert (event.start, event.end) == (2000, 2009)  # the end of 2008
    assert event.when == "2000 – 2008"


@pytest.mark.parametrize("day", ["2000-02-29", "1999-02-28", "1900-02-28"])
def test_the_last_day_of_february_ends_with_the_month(day):
    """A period ending on February's last day, in leap and common years, ends where March begins."""
    year = int(day[:4])
    assert only_event({"date": "1899", "end": day, "label": "x"}).end == pytest.approx(year + 2 / 12)


def test_a_day_period_ends_on_that_day():
    event = only_event({"date": "1991-12-25", "end": "1991-12-26", "label": "Two days"})
    assert event.end == pytest.approx(1991 + 11 / 12 + 26 / 31 / 12)
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
    assert any(e.start < 1970 for e in events)
    assert any(e.is_period and e.end is not None and e.end > e.start for e in events)
    assert len({e.key for e in events}) == len(events)
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert {e.lesson_id for e in events} <= set(course.lessons)


# ---------------------------------------------------------------- before Christ, era words, short labels


def test_bc_events_sit_on_the_astronomical_axis_and_read_in_era_words():
    lesson = make_lesson(
        "rome",
        1,
        [
            {"date": "15 March 44 BC", "label": "Caesar is killed"},
            {"date": "27 BC", "end": "AD 14", "label": "Augustus rules"},
            {"date": "3rd century BC", "label": "A century"},
            {"date": "c. 1200", "label": "Circa"},
        ],
    )
    events = {e.label: e for e in lesson_events(lesson, era="BCE/CE")}
    assert events["Caesar is killed"].start == pytest.approx(-43 + 2 / 12 + 14 / 31 / 12)
    assert events["Caesar is killed"].when == "15 March 44 BCE"
    assert (events["Augustus rules"].start, events["Augustus rules"].end) == (-26, 15)
    assert events["Augustus rules"].when == "27 BCE – 14 CE"
    assert (events["A century"].start, events["A century"].precision) == (-299, "century")
    assert events["Circa"].when == "c. 1200"
    assert [e.label for e in lesson_events(lesson)][:2] == ["A century", "Caesar is killed"]


def test_a_long_label_is_cut_at_a_word_for_the_chart_unless_a_short_one_is_given():
    long = "At the opening session of the North Atlantic Cooperation Council, a letter is read out"
    assert only_event({"date": "1991", "label": long}).short == "At the opening session of the North…"
    assert len(only_event({"date": "1991", "label": long}).short) <= SHORT_LABEL
    assert only_event({"date": "1991", "label": long, "short": "Yeltsin's letter"}).short == "Yeltsin's letter"
    assert cut_label("Short enough") == "Short enough"


def test_spans_offer_the_course_each_lesson_and_dense_clusters():
    busy = [{"date": f"1991-{month:02d}", "label": f"m{month}"} for month in range(1, 7)]
    course = make_course(
        make_lesson("a", 1, [{"date": "1949", "label": "start"}, *busy]),
        make_lesson("b", 2, [{"date": "2009", "label": "end"}]),
    )
    found = spans(course_events(course))
    names = [span.name for span in found]
    assert names[0] == "Everything (1949 – 2009)"
    assert names[1:3] == ["Lesson: Lesson a (1949 – 1991)", "Lesson: Lesson b (2009)"]
    [close_up] = [span for span in found if span.name.startswith("Close-up")]
    assert close_up.name == "Close-up: 1991 (6 events)"
    assert close_up.first < 1991 and 1991 + 5 / 12 < close_up.last < 1992  # January to June, and some air
    for span in found:
        assert span.first < span.last


def test_span_words_cross_the_era_boundary():
    assert span_words(-752, 476.5) == "753 BC – AD 476"
    assert span_words(-752, 476.5, "BCE/CE") == "753 BCE – 476 CE"
    assert span_words(1991, 1991.5) == "1991"
