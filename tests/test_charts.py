"""Chart builders checked through their Vega-Lite spec: fields, types, tooltips, selection, data."""

from __future__ import annotations

import json

import pytest

from charts.scores import topic_chart
from charts.timeline import lesson_timeline_chart, timeline_chart
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
        full = topic_chart(scores).to_dict()
        spec = topic_spec(scores)
        assert "data" not in spec  # Streamlit would make top-level data an Arrow table
        assert all(layer.pop("data") == full["data"] for layer in spec["layer"])
        full.pop("data")
        assert spec == full
