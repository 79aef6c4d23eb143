"""Score by topic on the result screen: one horizontal bar per topic, 0 to 100 percent.

Each bar carries its "score / max" as text, so the chart can be read without
colour and without hovering; the description spells the scores out for
screen readers.
"""

from __future__ import annotations

import copy
import functools

import altair as alt

from charts.style import on_paper
from classroom.content.models import TOPICS

BAR_COLOUR = "#0072B2"
INSIDE_FROM = 40  # percent; from here on the "score / max" text fits inside the bar


def _points(value: float) -> str:
    """Points as people write them: 1.0 -> "1", 0.5 -> "0.5", 1.6667 -> "1.67"."""
    return f"{round(value, 2):g}"


def topic_rows(by_topic: dict[str, dict[str, float]]) -> list[dict]:
    """One record per topic present, known topics in their usual order, any others after them."""
    order = [t for t in TOPICS if t in by_topic] + [t for t in by_topic if t not in TOPICS]
    rows = []
    for topic in order:
        score, most = by_topic[topic]["score"], by_topic[topic]["max"]
        rows.append(
            {
                "topic": topic.capitalize(),
                "score": score,
                "max": most,
                "percent": round(100 * score / most, 1) if most else 0.0,
                "points": f"{_points(score)} / {_points(most)}",
            }
        )
    return rows


def _describe(rows: list[dict]) -> str:
    if not rows:
        return "Score by topic: no questions were scored."
    parts = [f"{row['topic']} {row['percent']:g}% ({row['points']})" for row in rows]
    return "Score by topic: " + "; ".join(parts) + "."


def topic_chart(by_topic: dict[str, dict[str, float]], title: str = "Score by topic") -> alt.LayerChart:
    """Horizontal bars of the percent scored per topic, labelled with "score / max"."""
    rows = topic_rows(by_topic)
    topics = [row["topic"] for row in rows]
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("topic:N", title=None, sort=topics, axis=alt.Axis(labelFontSize=13)),
        tooltip=[
            alt.Tooltip("topic:N", title="Topic"),
            alt.Tooltip("points:N", title="Points"),
            alt.Tooltip("percent:Q", title="Score (%)", format=".0f"),
        ],
    )
    x = alt.X(
        "percent:Q", title="Score (%)", scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=[0, 25, 50, 75, 100])
    )
    bars = base.mark_bar(color=BAR_COLOUR, height={"band": 0.7}).encode(x=x)
    # Long bars hold their label in white; short ones get it just past their end, in the text colour.
    inside = (
        base.transform_filter(f"datum.percent >= {INSIDE_FROM}")
        .mark_text(align="right", dx=-6, color="white", fontWeight="bold")
        .encode(x=x, text="points:N")
    )
    outside = (
        base.transform_filter(f"datum.percent < {INSIDE_FROM}")
        .mark_text(align="left", dx=6)
        .encode(x=x, text="points:N")
    )
    chart = alt.LayerChart(layer=[bars, inside, outside]).properties(
        title=title, width="container", height=alt.Step(40), description=_describe(rows)
    )
    return on_paper(chart)


@functools.lru_cache(maxsize=256)
def _topic_template(topics: tuple[str, ...], title: str) -> dict:
    """The chart for this list of topics, built and validated once: altair needs ~100 ms per build."""
    return topic_chart({topic: {"score": 0.0, "max": 1.0} for topic in topics}, title).to_dict()


def topic_spec(by_topic: dict[str, dict[str, float]], title: str = "Score by topic") -> dict:
    """``topic_chart(by_topic).to_dict()`` for the price of a copy: only the data and description differ.

    The few rows go inside each layer rather than at the top: Streamlit turns top-level data into an
    Arrow table (pandas and pyarrow, about a fifth of the result page's cost), inline layer data it
    leaves in the spec as it is. The chart drawn is the same.
    """
    rows = topic_rows(by_topic)
    spec = copy.deepcopy(_topic_template(tuple(by_topic), title))
    spec.pop("data", None)
    for layer in spec["layer"]:
        layer["data"] = {"values": rows}
    spec["description"] = _describe(rows)
    return spec
