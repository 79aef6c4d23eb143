"""Lesson events flattened into one record each, ready for a timeline chart or a table.

Dates stay as the teacher wrote them (``when``, ``date_text``) for anything a
student reads; the ISO day strings (``start_iso``, ``end_iso``) exist only so
a chart can place the event. A period covers its whole end: "1998-09" ends on
30 September 1998, not on the first of the month.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from classroom.content.dates import HistDate, Precision, parse_iso, spoken
from classroom.content.load import Course
from classroom.content.models import Event, Lesson


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event (or period) of a lesson, with everything a chart and a table need."""

    key: str  # "lesson-id:index", stable while the lesson's event list keeps its order
    lesson_id: str
    lesson_title: str
    lesson_order: int
    label: str
    date_text: str
    end_text: str | None
    start_iso: str
    end_iso: str | None
    precision: Precision
    passage: str | None
    is_period: bool
    when: str


def first_day(date: HistDate) -> str:
    """The first day of the period a date names: "1991" -> "1991-01-01"."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}"


def last_day(date: HistDate) -> str:
    """The last day of the period a date names: "1998-09" -> "1998-09-30", "1999" -> "1999-12-31"."""
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return f"{date.year:04d}-{month:02d}-{day:02d}"


def _parsed(text: str) -> HistDate:
    date = parse_iso(text)
    if date is None:  # the models only let valid dates through
        raise ValueError(f"not a date: {text!r}")
    return date


def timeline_event(lesson: Lesson, index: int, event: Event) -> TimelineEvent:
    """The record for ``lesson.events[index]``."""
    start = _parsed(event.date)
    end = _parsed(event.end) if event.end is not None else None
    when = spoken(start) if end is None else f"{spoken(start)} – {spoken(end)}"
    return TimelineEvent(
        key=f"{lesson.id}:{index}",
        lesson_id=lesson.id,
        lesson_title=lesson.title,
        lesson_order=lesson.order,
        label=event.label,
        date_text=event.date,
        end_text=event.end,
        start_iso=first_day(start),
        end_iso=last_day(end) if end is not None else None,
        precision=start.precision,
        passage=event.passage,
        is_period=end is not None,
        when=when,
    )


def _chronological(events: list[TimelineEvent]) -> list[TimelineEvent]:
    # ISO day strings sort like dates; the sort is stable, so the written order breaks ties within a lesson.
    return sorted(events, key=lambda e: (e.start_iso, e.lesson_order, e.lesson_id))


def lesson_events(lesson: Lesson) -> list[TimelineEvent]:
    """A single lesson's events, earliest first."""
    return _chronological([timeline_event(lesson, index, event) for index, event in enumerate(lesson.events)])


def course_events(course: Course) -> list[TimelineEvent]:
    """Every lesson's events on one timeline: by start date, then by lesson order."""
    return _chronological([event for lesson in course.lessons.values() for event in lesson_events(lesson)])
