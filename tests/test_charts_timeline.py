"""The timeline chart: a numeric year axis from 3000 BC on, every event labelled, no two labels on top of each other."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.elements.vega_charts import _extract_selection_parameters

from charts.timeline import (
    GAP_PX,
    PALETTE,
    ROW,
    axis_ticks,
    layout,
    lesson_timeline_chart,
    place_labels,
    timeline_chart,
    year_ticks,
)
from classroom.content.load import load_course
from classroom.content.models import Lesson
from classroom.content.timeline import TimelineEvent, course_events, extent, lesson_events
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


ROME = make_lesson(
    "rome",
    1,
    [
        {"date": "753 BC", "label": "Rome is founded, in the legend"},
        {"date": "509 BC", "label": "The Republic begins"},
        {"date": "15 March 44 BC", "label": "Caesar is killed", "passage": "p1"},
        {"date": "27 BC", "end": "AD 14", "label": "Augustus rules"},
        {"date": "476", "label": "The last western emperor is deposed"},
    ],
)


def spec_rows(spec: dict) -> list[dict]:
    """The event rows (the layer of points carries them all, like every event layer)."""
    if "datasets" in spec:
        [rows] = [rows for rows in spec["datasets"].values() if rows and "key" in rows[0]]
        return rows
    return layer_by_mark(spec, "point")[0]["data"]["values"]


def layer_by_mark(spec: dict, mark: str) -> list[dict]:
    return [layer for layer in spec["layer"] if layer["mark"]["type"] == mark]


@pytest.fixture
def rome() -> dict:
    return timeline_chart(lesson_events(ROME)).to_dict()


def test_no_calendar_time_anywhere_in_the_spec(rome):
    text = json.dumps(rome)
    assert "temporal" not in text and '"utc"' not in text
    [points] = layer_by_mark(rome, "point")
    assert (points["encoding"]["y"]["field"], points["encoding"]["y"]["type"]) == ("start", "quantitative")


def test_the_year_axis_runs_down_the_page_and_writes_era_words(rome):
    [points] = layer_by_mark(rome, "point")
    y = points["encoding"]["y"]
    assert y["scale"]["range"][0] == 0 and y["scale"]["range"][-1] == rome["height"]  # earliest at the top
    assert y["scale"]["domain"][0] < -752 and y["scale"]["domain"][-1] > 476
    ticks = y["axis"]["values"]
    assert -499 in ticks  # 500 BC (astronomical -499) and AD years on round numbers
    assert "BC" in y["axis"]["labelExpr"] and "AD" in y["axis"]["labelExpr"]
    bce = timeline_chart(lesson_events(ROME), era="BCE/CE").to_dict()
    assert "BCE" in layer_by_mark(bce, "point")[0]["encoding"]["y"]["axis"]["labelExpr"]


def test_year_ticks_fall_on_round_historical_years():
    assert year_ticks(-760, 480, 1200) == [-699, -599, -499, -399, -299, -199, -99, 100, 200, 300, 400]
    assert year_ticks(-760, 480, 600) == [-599, -399, -199, 200, 400]  # fewer ticks on a shorter chart
    assert year_ticks(1949, 2009, 700)[:3] == [1950, 1955, 1960]


def test_every_event_has_a_label_and_a_leader_line(rome):
    [labels] = layer_by_mark(rome, "text")[:1]
    assert labels["encoding"]["text"]["field"] == "short"
    rows = spec_rows(rome)
    assert len(rows) == 5 and all(row["short"] for row in rows)
    leaders = [layer for layer in layer_by_mark(rome, "rule") if layer["encoding"].get("y2")]
    assert leaders and leaders[0]["encoding"]["y2"]["field"] == "label_y"


def test_periods_are_bars_from_start_to_end(rome):
    [bars] = layer_by_mark(rome, "bar")
    assert bars["transform"] == [{"filter": "datum.is_period"}]
    assert (bars["encoding"]["y"]["field"], bars["encoding"]["y2"]["field"]) == ("bar_start", "bar_end")
    augustus = next(row for row in spec_rows(rome) if row["label"] == "Augustus rules")
    assert (augustus["bar_start"], augustus["bar_end"]) == (-26, 15)


def test_selection_is_a_point_selection_named_event_on_key(rome):
    [param] = rome["params"]
    assert param["name"] == "event"
    assert param["select"] == {"type": "point", "fields": ["key"], "on": "click", "clear": "dblclick"}
    assert _extract_selection_parameters(rome) == {"event"}


def test_tooltips_show_the_date_as_written_in_words(rome):
    [points] = layer_by_mark(rome, "point")
    assert [(t["field"], t["type"]) for t in points["encoding"]["tooltip"]] == [
        ("when", "nominal"),
        ("label", "nominal"),
        ("lesson_title", "nominal"),
    ]
    caesar = next(row for row in spec_rows(rome) if row["label"] == "Caesar is killed")
    assert caesar["when"] == "15 March 44 BC"


def test_colours_are_colour_blind_safe_and_doubled_by_shape(rome):
    [points] = layer_by_mark(rome, "point")
    assert points["encoding"]["color"]["scale"]["range"] == PALETTE
    assert points["encoding"]["shape"]["field"] == "lesson_title"


def test_the_chart_describes_itself_for_screen_readers(rome):
    assert rome["description"].startswith("Timeline from 753 BC – AD 476, earliest at the top: 4 dated events")
    assert "1 period shown as bars" in rome["description"]
    [points] = layer_by_mark(rome, "point")
    assert points["encoding"]["description"]["field"] == "spoken"


def test_a_stretch_shows_only_the_events_inside_it():
    spec = timeline_chart(lesson_events(ROME), between=(-60.0, 20.0)).to_dict()
    assert {row["label"] for row in spec_rows(spec)} == {"Caesar is killed", "Augustus rules"}


def test_an_empty_timeline_still_builds():
    spec = json.loads(timeline_chart([]).to_json())
    assert spec["description"] == "Timeline with no dated events in this stretch."


def test_the_lesson_chart_is_the_same_labelled_chart():
    spec = lesson_timeline_chart(lesson_events(ROME), era="BCE/CE").to_dict()
    assert spec["title"] == "Timeline of this lesson"
    assert layer_by_mark(spec, "text")


# ---------------------------------------------------------------- labels never overlap


def test_labels_already_apart_stay_at_their_marks():
    assert place_labels([10.0, 50.0, 90.0], 20, 0, 100) == [10.0, 50.0, 90.0]


def test_crowded_labels_spread_evenly_around_their_marks():
    placed = place_labels([50.0, 50.0, 50.0], 20, 0, 200)
    assert placed == pytest.approx([30.0, 50.0, 70.0])


def test_labels_stay_inside_the_chart():
    assert place_labels([0.0, 0.0], 20, 10, 100) == [10.0, 30.0]
    assert place_labels([100.0, 100.0], 20, 10, 90) == [70.0, 90.0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(-2999, 2025), st.integers(0, 40)), min_size=1, max_size=40))
def test_no_two_labels_overlap_from_3000_bc_to_today(spans):
    events = [
        {"date": f"{abs(y) + (1 if y <= 0 else 0)} BC" if y <= 0 else str(y), "label": f"e{i}"}
        | (
            {"end": str(y + length) if y + length > 0 else f"{1 - (y + length)} BC"}
            if length and y + length != 0
            else {}
        )
        for i, (y, length) in enumerate(spans)
    ]
    found = lesson_events(make_lesson("many", 1, events))
    first, last = extent(found)
    placed = layout(found, first, last)
    rows = sorted(placed.to_px(year) for year in placed.label_at.values())
    assert len(rows) == len(found)
    assert all(b - a >= ROW - 1e-6 for a, b in zip(rows, rows[1:], strict=False))
    assert all(ROW / 2 - 1e-6 <= px <= placed.height - ROW / 2 + 1e-6 for px in rows)


def test_the_shipped_course_squeezes_its_empty_decades_and_labels_every_event():
    events = course_events(load_course([ROOT / "lessons"]))
    first, last = extent(events)
    placed = layout(events, first, last)
    [(a, b)] = placed.gaps
    assert a < 1957 and b > 1989  # 1956 to 1990: no events
    assert placed.to_px(b) - placed.to_px(a) == pytest.approx(GAP_PX)
    assert all(not a < tick < b for tick in axis_ticks(placed))
    assert set(placed.label_at) == {e.key for e in events}
    # The six 1991 events get a row each, near their marks: none is pushed above the squeezed gap.
    late = [placed.label_at[e.key] for e in events if 1991 <= e.start < 1992]
    assert len(late) >= 6 and min(late) > b


def test_chart_sizes_grow_with_the_events_not_with_the_years():
    short = layout(lesson_events(ROME), *extent(lesson_events(ROME)))
    assert short.height < 500
    many: list[TimelineEvent] = lesson_events(
        make_lesson("busy", 1, [{"date": f"{1900 + i}", "label": f"y{i}"} for i in range(60)])
    )
    assert layout(many, *extent(many)).height >= ROW * 60
