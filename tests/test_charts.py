"""Chart builders checked through their Vega-Lite spec: fields, types, tooltips, selection, data."""

from __future__ import annotations

import json

import pytest
from streamlit.elements.vega_charts import _extract_selection_parameters

from charts.scores import topic_chart
from charts.timeline import PALETTE, lesson_timeline_chart, timeline_chart
from classroom.content.models import Lesson
from classroom.content.timeline import TimelineEvent, lesson_events


def make_lesson(lesson_id: str, order: int, title: str, events: list[dict]) -> Lesson:
    return Lesson.model_validate(
        {
            "id": lesson_id,
            "title": title,
            "order": order,
            "summary": "A summary.",
            "passages": [{"id": "p1", "text": "Some text."}],
            "events": events,
        }
    )


COLD_WAR = make_lesson(
    "cold-war",
    1,
    "Two camps",
    [
        {"date": "1949-04-04", "label": "NATO is born", "passage": "p1"},
        {"date": "1954-05", "label": "Proposal rejected"},
    ],
)
NINETIES = make_lesson(
    "nineties",
    2,
    "The 1990s",
    [
        {"date": "1996-01", "end": "1998-09", "label": "Talks"},
        {"date": "1997-05-27", "label": "Founding Act"},
    ],
)


def course_events() -> list[TimelineEvent]:
    # Later lesson first, to show the lanes follow lesson order rather than input order.
    return lesson_events(NINETIES) + lesson_events(COLD_WAR)


def spec_rows(spec: dict) -> list[dict]:
    """The inline data rows, wherever Altair put them."""
    if "datasets" in spec:
        [rows] = spec["datasets"].values()
        return rows
    return spec["data"]["values"]


def layer_by_mark(spec: dict, mark: str) -> dict:
    [layer] = [layer for layer in spec["layer"] if layer["mark"]["type"] == mark]
    return layer


# ---------------------------------------------------------------- timeline


@pytest.fixture
def timeline() -> dict:
    return timeline_chart(course_events()).to_dict()


def test_timeline_has_bars_for_periods_and_points_for_events(timeline):
    bars = layer_by_mark(timeline, "bar")
    points = layer_by_mark(timeline, "point")
    assert bars["transform"] == [{"filter": "datum.is_period"}]
    assert points["transform"] == [{"filter": "!datum.is_period"}]
    assert bars["encoding"]["x"]["field"] == "start_iso"
    assert bars["encoding"]["x2"]["field"] == "end_iso"
    assert "x2" not in points["encoding"]


def test_timeline_x_is_a_utc_time_axis_labelled_with_years(timeline):
    for layer in timeline["layer"]:
        x = layer["encoding"]["x"]
        assert (x["field"], x["type"]) == ("start_iso", "temporal")
        assert x["scale"]["type"] == "utc"
        assert x["axis"]["format"] == "%Y"
        assert x["axis"]["tickCount"]["interval"] == "year"


def test_timeline_year_ticks_thin_out_over_long_spans(timeline):
    # 1949 to 1998: fifty years, so not a label every year.
    assert timeline["layer"][0]["encoding"]["x"]["axis"]["tickCount"]["step"] > 1
    short = timeline_chart(lesson_events(NINETIES)).to_dict()
    assert short["layer"][0]["encoding"]["x"]["axis"]["tickCount"]["step"] == 1


def test_timeline_lanes_are_lessons_in_course_order(timeline):
    for layer in timeline["layer"]:
        y = layer["encoding"]["y"]
        assert (y["field"], y["type"]) == ("lesson_title", "nominal")
        assert y["sort"] == ["Two camps", "The 1990s"]


def test_timeline_colours_are_colour_blind_safe_and_doubled_by_shape(timeline):
    points = layer_by_mark(timeline, "point")
    colour = points["encoding"]["color"]
    assert colour["field"] == "lesson_title"
    assert colour["scale"]["range"] == PALETTE
    assert colour["scale"]["domain"] == ["Two camps", "The 1990s"]
    assert points["encoding"]["shape"]["field"] == "lesson_title"


def test_timeline_tooltips_show_the_written_date_label_and_lesson(timeline):
    for layer in timeline["layer"]:
        tooltip = layer["encoding"]["tooltip"]
        assert [(t["field"], t["title"]) for t in tooltip] == [
            ("when", "Date"),
            ("label", "Event"),
            ("lesson_title", "Lesson"),
        ]
        assert all(t["type"] == "nominal" for t in tooltip), "a temporal tooltip would show a machine timestamp"


def test_timeline_selection_is_a_point_selection_named_event_on_key(timeline):
    [param] = timeline["params"]
    assert param["name"] == "event"
    assert param["select"]["type"] == "point"
    assert param["select"]["fields"] == ["key"]
    assert param["select"]["on"] == "click"
    # The name Streamlit's selection_mode="event" looks for.
    assert _extract_selection_parameters(timeline) == {"event"}


def test_timeline_highlights_the_selected_event(timeline):
    for layer in timeline["layer"]:
        opacity = layer["encoding"]["opacity"]
        assert opacity["condition"][0] == {"param": "event", "value": 1.0}
        assert opacity["value"] < 1
    size = layer_by_mark(timeline, "point")["encoding"]["size"]
    assert size["condition"][0]["param"] == "event"
    assert size["condition"][0]["empty"] is False
    assert size["condition"][0]["value"] > size["value"]


def test_timeline_data_keeps_iso_day_strings(timeline):
    rows = {row["key"]: row for row in spec_rows(timeline)}
    assert set(rows) == {"cold-war:0", "cold-war:1", "nineties:0", "nineties:1"}
    nato = rows["cold-war:0"]
    assert nato["start_iso"] == "1949-04-04"
    assert nato["end_iso"] is None
    assert nato["when"] == "4 April 1949"
    assert nato["is_period"] is False
    talks = rows["nineties:0"]
    assert talks["is_period"] is True
    assert (talks["start_iso"], talks["end_iso"]) == ("1996-01-01", "1998-09-30")
    assert talks["when"] == "January 1996 – September 1998"
    assert rows["cold-war:1"]["start_iso"] == "1954-05-01"


def test_timeline_describes_itself_for_screen_readers(timeline):
    description = timeline["description"]
    assert "1949 to 1998" in description
    assert "3 dated events" in description
    assert "1 period " in description
    for layer in timeline["layer"]:
        assert layer["encoding"]["description"]["field"] == "spoken"
    rows = {row["key"]: row for row in spec_rows(timeline)}
    assert rows["cold-war:0"]["spoken"] == "4 April 1949: NATO is born (Two camps)"


def test_timeline_has_a_title_and_fills_its_container(timeline):
    assert timeline["title"] == "Course timeline"
    assert timeline["width"] == "container"


def test_a_single_lane_timeline_has_no_lanes_and_a_legend_for_several_lessons():
    spec = timeline_chart(course_events(), lanes="single").to_dict()
    points = layer_by_mark(spec, "point")
    assert "y" not in points["encoding"]
    assert points["encoding"]["color"]["legend"]["title"] == "Lesson"


def test_lesson_timeline_is_one_lane_without_legend():
    spec = lesson_timeline_chart(lesson_events(COLD_WAR)).to_dict()
    for layer in spec["layer"]:
        assert "y" not in layer["encoding"]
        assert layer["encoding"]["color"]["legend"] is None
    assert [p["name"] for p in spec["params"]] == ["event"]
    assert "1949 to 1954" in spec["description"]
    assert "a single row" in spec["description"]


def test_unknown_lanes_are_refused():
    with pytest.raises(ValueError, match="lanes"):
        timeline_chart(course_events(), lanes="theme")


def test_an_empty_timeline_still_builds():
    spec = json.loads(timeline_chart([]).to_json())
    assert spec_rows(spec) == []
    assert spec["description"] == "Timeline with no dated events."


# ---------------------------------------------------------------- scores


def test_topic_percent_comes_from_score_and_max():
    spec = topic_chart({"dates": {"score": 1, "max": 2}}).to_dict()
    [row] = spec_rows(spec)
    assert row["topic"] == "Dates"
    assert row["percent"] == 50
    assert row["points"] == "1 / 2"


def test_topics_keep_the_course_order_and_only_those_present():
    spec = topic_chart(
        {"outcomes": {"score": 0.5, "max": 3}, "dates": {"score": 2, "max": 2}, "roles": {"score": 0, "max": 1}}
    ).to_dict()
    assert [row["topic"] for row in spec_rows(spec)] == ["Dates", "Roles", "Outcomes"]
    assert [row["percent"] for row in spec_rows(spec)] == [100, 0, 16.7]
    assert [row["points"] for row in spec_rows(spec)] == ["2 / 2", "0 / 1", "0.5 / 3"]
    for layer in spec["layer"]:
        assert layer["encoding"]["y"]["sort"] == ["Dates", "Roles", "Outcomes"]


def test_topic_bars_run_from_0_to_100_percent():
    spec = topic_chart({"dates": {"score": 1, "max": 2}, "context": {"score": 1, "max": 1}}).to_dict()
    bars = layer_by_mark(spec, "bar")
    x = bars["encoding"]["x"]
    assert (x["field"], x["type"]) == ("percent", "quantitative")
    assert x["scale"]["domain"] == [0, 100]
    assert x["title"] == "Score (%)"
    y = bars["encoding"]["y"]
    assert (y["field"], y["type"]) == ("topic", "nominal")


def test_every_topic_bar_carries_its_points_as_text():
    spec = topic_chart({"dates": {"score": 1, "max": 2}}).to_dict()
    texts = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"]
    assert texts, "no text layer"
    for layer in texts:
        assert layer["encoding"]["text"] == {"field": "points", "type": "nominal"}
        assert layer["encoding"]["x"]["field"] == "percent"
    # Inside and outside labels split the bars between them: each row is labelled exactly once.
    filters = sorted(layer["transform"][0]["filter"] for layer in texts)
    assert filters == ["datum.percent < 40", "datum.percent >= 40"]


def test_topic_tooltips_and_description():
    spec = topic_chart({"dates": {"score": 1, "max": 2}, "roles": {"score": 3, "max": 4}}).to_dict()
    tooltip = spec["layer"][0]["encoding"]["tooltip"]
    assert [(t["field"], t["title"]) for t in tooltip] == [
        ("topic", "Topic"),
        ("points", "Points"),
        ("percent", "Score (%)"),
    ]
    assert spec["description"] == "Score by topic: Dates 50% (1 / 2); Roles 75% (3 / 4)."
    assert spec["title"] == "Score by topic"


def test_a_topic_with_no_points_available_scores_zero_instead_of_failing():
    [row] = spec_rows(topic_chart({"context": {"score": 0, "max": 0}}).to_dict())
    assert row["percent"] == 0


# ---------------------------------------------------------------- serialising


@pytest.mark.parametrize(
    "build",
    [
        lambda: timeline_chart(course_events()),
        lambda: lesson_timeline_chart(lesson_events(NINETIES)),
        lambda: topic_chart({"dates": {"score": 1, "max": 2}, "outcomes": {"score": 0, "max": 1}}),
    ],
    ids=["timeline", "lesson-timeline", "topics"],
)
def test_charts_serialise_to_vega_lite_json(build):
    spec = json.loads(build().to_json())
    assert "vega-lite/v6" in spec["$schema"]


def test_every_chart_is_dark_ink_on_white_paper_in_both_themes():
    from charts.scores import topic_chart
    from charts.style import INK, PAPER
    from charts.timeline import lesson_timeline_chart, timeline_chart

    events = lesson_events(
        Lesson.model_validate(
            {
                "id": "x",
                "title": "X",
                "order": 1,
                "summary": "s",
                "passages": [{"id": "p1", "text": "t"}],
                "events": [{"date": "1949-04-04", "label": "Treaty"}],
            }
        )
    )
    for chart in (
        timeline_chart(events),
        lesson_timeline_chart(events),
        topic_chart({"dates": {"score": 1, "max": 2}}),
    ):
        config = chart.to_dict()["config"]
        assert config["background"] == PAPER
        assert config["axis"]["labelColor"] == INK and config["axis"]["titleColor"] == INK
        assert config["text"]["color"] == INK


def test_topic_spec_from_the_cached_template_equals_the_full_chart():
    from charts.scores import topic_spec

    for scores in (
        {"dates": {"score": 1, "max": 2}},
        {"roles": {"score": 0, "max": 3}, "outcomes": {"score": 2, "max": 2}},
    ):
        assert topic_spec(scores) == topic_chart(scores).to_dict()
