"""The dashboard's charts checked through their Vega-Lite spec: marks, fields, scales, labels, description."""

from __future__ import annotations

import datetime as dt

from charts.dashboard import PASS_COLOUR, progress_chart, score_histogram
from charts.style import INK, PAPER
from classroom.results.analysis import DayProgress, progress_over_time, score_distribution

UTC = dt.UTC


def finished(percent: float, day: str = "2026-11-20") -> dict:
    moment = dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")
    return {"finished_at": moment, "percent": percent, "passed": percent >= 50, "student_id": 1}


ROWS = [finished(p) for p in (100, 87.5, 75, 50, 37.5)] + [finished(95, "2026-11-26"), finished(45, "2026-11-26")]


def marks(spec: dict) -> list[str]:
    """Mark types of every layer, nested layers flattened, in drawing order."""
    found = []
    for layer in spec["layer"]:
        if "layer" in layer:
            found.extend(marks(layer))
        else:
            found.append(layer["mark"]["type"])
    return found


def layer_of(spec: dict, mark: str) -> dict:
    return next(layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == mark)


# ---------------------------------------------------------------- score distribution


def test_histogram_has_a_bar_per_band_from_0_to_100_with_counts_written_on_them() -> None:
    spec = score_histogram(score_distribution(ROWS)).to_dict()
    assert marks(spec) == ["bar", "text"]
    rows = spec["data"]["values"]
    assert [(row["low"], row["high"]) for row in rows] == [(10 * i, 10 * (i + 1)) for i in range(10)]
    assert sum(row["count"] for row in rows) == len(ROWS)
    assert {row["band"]: row["count"] for row in rows if row["count"]} == {
        "30–40%": 1,
        "40–50%": 1,
        "50–60%": 1,
        "70–80%": 1,
        "80–90%": 1,
        "90–100%": 2,
    }
    bar = layer_of(spec, "bar")["encoding"]
    assert bar["x"]["field"] == "low" and bar["x2"]["field"] == "high"
    assert bar["x"]["scale"]["domain"] == [0, 100]
    assert bar["y"] == {
        "field": "count",
        "type": "quantitative",
        "title": "Attempts",
        "axis": {"format": "d", "tickMinStep": 1},
    }
    assert [t["field"] for t in bar["tooltip"]] == ["band", "count"]
    text = layer_of(spec, "text")
    assert text["encoding"]["text"]["field"] == "count"
    assert text["transform"] == [{"filter": "datum.count > 0"}]  # no "0" floating over empty bands


def test_histogram_marks_the_pass_mark_in_colour_dash_and_words() -> None:
    spec = score_histogram(score_distribution(ROWS), pass_mark=60).to_dict()
    assert marks(spec) == ["bar", "text", "rule", "text"]
    rule_layer = spec["layer"][2]
    assert rule_layer["data"]["values"] == [{"pass_mark": 60, "label": "pass mark 60%"}]
    rule, label = rule_layer["layer"]
    assert rule["mark"]["color"] == PASS_COLOUR and rule["mark"]["strokeDash"] == [6, 4]
    assert rule["encoding"]["x"]["field"] == "pass_mark"
    assert label["encoding"]["text"]["field"] == "label"


def test_both_charts_are_drawn_on_white_paper_like_every_chart() -> None:
    for chart in (score_histogram(score_distribution(ROWS)), progress_chart(progress_over_time(ROWS, tz=UTC))):
        config = chart.to_dict()["config"]
        assert config["background"] == PAPER
        assert config["axis"]["labelColor"] == INK and config["text"]["color"] == INK


def test_histogram_description_spells_out_the_bands() -> None:
    spec = score_histogram(score_distribution(ROWS), pass_mark=50).to_dict()
    assert spec["title"] == "Score distribution"
    assert spec["description"] == (
        "Score distribution of 7 finished attempts, by score band (empty bands left out): "
        "30–40%: 1; 40–50%: 1; 50–60%: 1; 70–80%: 1; 80–90%: 1; 90–100%: 2. The pass mark is 50%."
    )


def test_histogram_of_nothing_says_so() -> None:
    spec = score_histogram(score_distribution([])).to_dict()
    assert spec["description"] == "Score distribution: no finished attempts yet."
    assert {row["count"] for row in spec["data"]["values"]} == {0}


def test_histogram_with_five_bands_labels_each_edge() -> None:
    spec = score_histogram(score_distribution(ROWS, bins=5)).to_dict()
    assert layer_of(spec, "bar")["encoding"]["x"]["axis"]["values"] == [0, 20, 40, 60, 80, 100]


# ---------------------------------------------------------------- progress over time


def test_progress_is_a_line_of_labelled_points_per_day_on_a_utc_day_axis() -> None:
    spec = progress_chart(progress_over_time(ROWS, tz=UTC)).to_dict()
    assert marks(spec) == ["line", "point", "text"]
    assert spec["data"]["values"] == [
        {"day": "2026-11-20", "day_label": "20 Nov 2026", "mean": 70.0, "label": "70%", "attempts": 5},
        {"day": "2026-11-26", "day_label": "26 Nov 2026", "mean": 70.0, "label": "70%", "attempts": 2},
    ]
    encoding = layer_of(spec, "line")["encoding"]
    assert encoding["x"]["field"] == "day" and encoding["x"]["type"] == "temporal"
    assert encoding["x"]["scale"]["type"] == "utc"  # a day stays that day in every time zone
    assert encoding["x"]["axis"]["tickCount"] == {"interval": "day", "step": 1}
    assert encoding["y"]["scale"]["domain"] == [0, 100]
    assert [t["field"] for t in encoding["tooltip"]] == ["day_label", "label", "attempts"]
    assert layer_of(spec, "text")["encoding"]["text"]["field"] == "label"


def test_progress_description_and_pass_line() -> None:
    spec = progress_chart(progress_over_time(ROWS, tz=UTC), pass_mark=60).to_dict()
    assert marks(spec) == ["rule", "text", "line", "point", "text"]
    assert spec["layer"][0]["layer"][0]["encoding"]["y"]["field"] == "pass_mark"
    assert spec["description"] == (
        "Mean score per day of finishing, oldest first: 20 Nov 2026: 70% (5 attempts); "
        "26 Nov 2026: 70% (2 attempts). The pass mark is 60%."
    )


def test_progress_over_months_thins_the_day_ticks() -> None:
    days = [DayProgress("2026-09-01", 1, 40.0), DayProgress("2026-12-15", 3, 80.0)]
    spec = progress_chart(days).to_dict()
    assert layer_of(spec, "line")["encoding"]["x"]["axis"]["tickCount"] == {"interval": "day", "step": 14}


def test_progress_of_nothing_says_so() -> None:
    spec = progress_chart([]).to_dict()
    assert spec["description"] == "Progress over time: no finished attempts yet."
    assert spec["data"]["values"] == []
