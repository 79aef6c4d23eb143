"""TimelineJS export: the course's events and periods, dated as precisely as the lessons date them."""

from __future__ import annotations

import json
from pathlib import Path

from classroom.content.library import Library
from classroom.content.models import Lesson
from classroom.interchange.timelinejs import timeline, timeline_json

ROOT = Path(__file__).resolve().parent.parent


def lesson(events: list[dict]) -> Lesson:
    return Lesson.model_validate(
        {
            "id": "l",
            "title": "A <b>lesson</b>",
            "order": 1,
            "summary": "s",
            "passages": [{"id": "p", "text": "t"}],
            "events": events,
        }
    )


def test_dates_keep_their_precision_and_periods_get_an_end():
    doc = timeline(
        [
            lesson(
                [
                    {"date": "1991-12-26", "label": "USSR <dissolved>"},
                    {"date": "1991", "label": "A year"},
                    {"date": "1998-09", "end": "1999-03", "label": "A period"},
                ]
            )
        ]
    )
    events = doc["events"]
    assert [e["start_date"] for e in events] == [
        {"year": 1991, "display_date": "1991"},
        {"year": 1991, "month": 12, "day": 26, "display_date": "26 December 1991"},
        {"year": 1998, "month": 9, "display_date": "September 1998 – March 1999"},
    ]
    assert "end_date" not in events[0] and events[2]["end_date"] == {
        "year": 1999,
        "month": 3,
        "display_date": "September 1998 – March 1999",
    }
    assert events[1]["text"]["headline"] == "USSR &lt;dissolved&gt;"  # TimelineJS shows text as HTML
    assert {e["group"] for e in events} == {"A &lt;b&gt;lesson&lt;/b&gt;"}


def test_the_whole_course_exports_as_json_with_every_event():
    course = Library(ROOT).course()
    lessons = list(course.lessons.values())
    doc = json.loads(timeline_json(lessons))
    assert len(doc["events"]) == sum(len(les.events) for les in lessons) > 0
    starts = [
        (e["start_date"]["year"], e["start_date"].get("month", 0), e["start_date"].get("day", 0)) for e in doc["events"]
    ]
    assert starts == sorted(starts)
    assert len({e["unique_id"] for e in doc["events"]}) == len(doc["events"])
