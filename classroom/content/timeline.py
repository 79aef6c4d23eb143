"""Lesson events flattened into one record each, ready for a timeline chart or a table.

Dates stay as the teacher wrote them (``date_text``) and are read out in the
course's era words (``when``); ``start`` and ``end`` are decimal astronomical
years (1 BC is 0, 1991-07 is 1991.5) so a chart can place any event from
3000 BC to today on a numeric axis, without calendar timestamps. A period
covers its whole end: "1998-09" ends on 30 September 1998, "3rd century BC"
at the end of 201 BC.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from classroom.content.dates import Era, HistDate, Precision, parse_date, spoken, year_words
from classroom.content.load import Course
from classroom.content.models import SHORT_LABEL, Event, Lesson

CLUSTER_SHARE = 0.02  # events closer than this share of the whole span belong to one cluster
CLUSTER_SIZE = 4  # events that make a cluster worth a close-up


@dataclass(frozen=True)
class TimelineEvent:
    """One dated event (or period) of a lesson, with everything a chart and a table need."""

    key: str  # "lesson-id:index", stable while the lesson's event list keeps its order
    lesson_id: str
    lesson_title: str
    lesson_order: int
    label: str
    short: str  # the label on the chart: the teacher's ``short``, else the label cut at a word
    date_text: str
    end_text: str | None
    start: float  # decimal astronomical year where the event (or period) starts
    end: float | None  # where a period ends (the end of its last day, month, year ...)
    precision: Precision
    passage: str | None
    is_period: bool
    when: str


@dataclass(frozen=True)
class Span:
    """A stretch of the timeline a student can pick to look at: the course, a lesson, a cluster."""

    name: str
    first: float
    last: float


def _parsed(text: str) -> HistDate:
    date = parse_date(text)
    if date is None:  # the models only let valid dates through
        raise ValueError(f"not a date: {text!r}")
    return date


def cut_label(label: str, limit: int = SHORT_LABEL) -> str:
    """``label`` cut at a word to at most ``limit`` characters, with an ellipsis when cut."""
    if len(label) <= limit:
        return label
    words = label[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–")
    return f"{words}…"


def timeline_event(lesson: Lesson, index: int, event: Event, era: Era = "BC/AD") -> TimelineEvent:
    """The record for ``lesson.events[index]``."""
    start = _parsed(event.date)
    end = _parsed(event.end) if event.end is not None else None
    when = spoken(start, era) if end is None else f"{spoken(start, era)} – {spoken(end, era)}"
    return TimelineEvent(
        key=f"{lesson.id}:{index}",
        lesson_id=lesson.id,
        lesson_title=lesson.title,
        lesson_order=lesson.order,
        label=event.label,
        short=event.short or cut_label(event.label),
        date_text=event.date,
        end_text=event.end,
        start=start.decimal_year(),
        end=end.decimal_year(end=True) if end is not None else None,
        precision=start.precision,
        passage=event.passage,
        is_period=end is not None,
        when=when,
    )


def _chronological(events: list[TimelineEvent]) -> list[TimelineEvent]:
    # The sort is stable, so the written order breaks ties within a lesson.
    return sorted(events, key=lambda e: (e.start, e.lesson_order, e.lesson_id))


def lesson_events(lesson: Lesson, era: Era = "BC/AD") -> list[TimelineEvent]:
    """A single lesson's events, earliest first."""
    return _chronological([timeline_event(lesson, index, event, era) for index, event in enumerate(lesson.events)])


def course_events(course: Course, era: Era = "BC/AD") -> list[TimelineEvent]:
    """Every lesson's events on one timeline: by start date, then by lesson order."""
    return _chronological([event for lesson in course.lessons.values() for event in lesson_events(lesson, era)])


# ---------------------------------------------------------------- what to look at


def extent(events: list[TimelineEvent]) -> tuple[float, float]:
    """From the first start to the last end (a lone point gets a year either side)."""
    if not events:
        return 0.0, 1.0
    first = min(e.start for e in events)
    last = max(e.end if e.end is not None else e.start for e in events)
    return (first - 1, last + 1) if last - first < 1 else (first, last)


def view_of(events: list[TimelineEvent]) -> tuple[float, float]:
    """The stretch a chart of ``events`` shows: all of them, with a little air."""
    if not events:
        return 0.0, 1.0
    return _around([e.start for e in events] + [last_moment(e) for e in events])


def span_words(first: float, last: float, era: Era = "BC/AD") -> str:
    """The years from the moment ``first`` to the moment ``last`` in words: "1949 – 2009", "753 BC – AD 476"."""
    a, b = math.floor(first), max(math.floor(first), math.floor(last))
    return year_words(a, era) if a == b else f"{year_words(a, era)} – {year_words(b, era)}"


def last_moment(event: TimelineEvent) -> float:
    """The event's last moment: its start, or just before its period's end (the end of 2008 is still 2008)."""
    return event.end - 1e-9 if event.end is not None else event.start


def clusters(events: list[TimelineEvent]) -> list[list[TimelineEvent]]:
    """Runs of at least ``CLUSTER_SIZE`` events packed closer than ``CLUSTER_SHARE`` of the whole span."""
    first, last = extent(events)
    gap = (last - first) * CLUSTER_SHARE
    runs: list[list[TimelineEvent]] = []
    for event in sorted(events, key=lambda e: e.start):
        if runs and event.start - runs[-1][-1].start <= gap:
            runs[-1].append(event)
        else:
            runs.append([event])
    return [run for run in runs if len(run) >= CLUSTER_SIZE]


def _around(starts: list[float]) -> tuple[float, float]:
    """The stretch from the first to the last start, with a margin of a twentieth (at least a month) each side."""
    first, last = min(starts), max(starts)
    margin = max((last - first) / 20, 1 / 12)
    return first - margin, last + margin


def _named(prefix: str, events: list[TimelineEvent], era: Era) -> Span:
    """A span over ``events`` named with the years they really cover, with a little air around them."""
    starts = [e.start for e in events]
    ends = [last_moment(e) for e in events]
    first, last = _around(starts + ends)
    return Span(f"{prefix} ({span_words(min(starts), max(ends), era)})", first, last)


def spans(events: list[TimelineEvent], era: Era = "BC/AD") -> list[Span]:
    """What the period selector offers: the whole course, each lesson, each dense cluster."""
    if not events:
        return []
    found = [_named("Everything", events, era)]
    lessons: dict[tuple[int, str], list[TimelineEvent]] = {}
    for event in events:
        lessons.setdefault((event.lesson_order, event.lesson_id), []).append(event)
    if len(lessons) > 1:
        for _, members in sorted(lessons.items()):
            found.append(_named(f"Lesson: {members[0].lesson_title}", members, era))
    for run in clusters(events):
        starts = [e.start for e in run]
        a, b = _around(starts)
        found.append(Span(f"Close-up: {span_words(min(starts), max(starts), era)} ({len(run)} events)", a, b))
    return found
