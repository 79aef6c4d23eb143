"""The course's events and periods as TimelineJS JSON, for a teacher to publish on a class website.

TimelineJS reads a JSON document of ``events`` (each with a ``start_date``, an
optional ``end_date`` and a ``text``); a period is an event with an end date.
Dates are given only as precisely as the lesson wrote them (a year stays a
year), and each event is grouped under its lesson. Text is plain: TimelineJS
shows ``text`` as HTML, so everything is escaped.
"""

from __future__ import annotations

import html
import json
from typing import Any

from classroom.content.dates import HistDate, parse_date
from classroom.content.models import Lesson
from classroom.content.timeline import TimelineEvent, lesson_events


def _date(text: str, display: str) -> dict[str, Any]:
    date: HistDate | None = parse_date(text)
    if date is None:  # the models only let valid dates through
        raise ValueError(f"not a date: {text!r}")
    # TimelineJS counts years before AD 1 as negative numbers with no year 0 (-44 is 44 BC);
    # ours are astronomical (-43 is 44 BC). The exact words go in display_date.
    out: dict[str, Any] = {"year": date.year if date.year > 0 else date.year - 1}
    if date.month:
        out["month"] = date.month
    if date.day:
        out["day"] = date.day
    out["display_date"] = display
    return out


def _event(event: TimelineEvent) -> dict[str, Any]:
    data: dict[str, Any] = {
        "unique_id": event.key.replace(":", "-"),
        "start_date": _date(event.date_text, event.when),
        "text": {"headline": html.escape(event.label), "text": html.escape(event.when)},
        "group": html.escape(event.lesson_title),
    }
    if event.end_text is not None:
        data["end_date"] = _date(event.end_text, event.when)
    return data


def timeline(lessons: list[Lesson], title: str = "Course timeline") -> dict[str, Any]:
    """The TimelineJS document of these lessons' events, earliest first."""
    events = sorted(
        (e for lesson in lessons for e in lesson_events(lesson)),
        key=lambda e: (e.start, e.lesson_order, e.lesson_id),
    )
    summary = f"{len(events)} events from {len(lessons)} lesson(s)"
    return {"title": {"text": {"headline": html.escape(title), "text": summary}}, "events": [_event(e) for e in events]}


def timeline_json(lessons: list[Lesson], title: str = "Course timeline") -> bytes:
    return json.dumps(timeline(lessons, title), ensure_ascii=False, indent=2).encode("utf-8")
