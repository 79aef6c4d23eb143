"""The teacher's dashboard charts: how the scores spread, and how the class does from day to day.

Data in (the records of ``classroom.results.analysis``), ``alt.Chart`` out. Like the
other charts, each one can be read without colour and without hovering
(counts and percents are written on the marks) and carries a description
that spells the numbers out for screen readers; the screen adds a table.
Days go to Vega as ISO day strings on a UTC time scale, so a day never
shifts with the viewer's time zone. Like every chart, they are drawn on white
paper (``charts.style.on_paper``): the screen shows them with ``theme=None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import altair as alt

from charts.style import on_paper
from classroom.results.analysis import DayProgress, ScoreBin

BAR_COLOUR = "#0072B2"  # Okabe–Ito blue, as on the student's score chart
LINE_COLOUR = "#0072B2"
PASS_COLOUR = "#D55E00"  # Okabe–Ito vermilion: the pass mark, also told by a dashed line and its label
DAY_STEPS = (1, 2, 7, 14, 30, 61, 91, 182, 365)


def _percent(value: float) -> str:
    return f"{round(value):g}%"


def histogram_rows(bins: Sequence[ScoreBin]) -> list[dict]:
    """One record per band: its edges, middle, label and count."""
    return [
        {
            "low": b.low,
            "high": b.high,
            "middle": (b.low + b.high) / 2,
            "band": b.label,
            "count": b.count,
        }
        for b in bins
    ]


def _describe_histogram(rows: list[dict], pass_mark: float | None) -> str:
    total = sum(row["count"] for row in rows)
    if not total:
        return "Score distribution: no finished attempts yet."
    bands = "; ".join(f"{row['band']}: {row['count']}" for row in rows if row["count"])
    mark = f" The pass mark is {_percent(pass_mark)}." if pass_mark is not None else ""
    attempts = f"{total} finished attempt{'s' if total != 1 else ''}"
    return f"Score distribution of {attempts}, by score band (empty bands left out): {bands}.{mark}"


def _pass_rule(pass_mark: float, axis: str) -> alt.LayerChart:
    """A dashed line at the pass mark with the words "pass mark" next to it."""
    data = alt.Data(values=[{"pass_mark": pass_mark, "label": f"pass mark {_percent(pass_mark)}"}])
    position = {axis: alt.X("pass_mark:Q") if axis == "x" else alt.Y("pass_mark:Q")}
    rule = alt.Chart(data).mark_rule(color=PASS_COLOUR, strokeDash=[6, 4], strokeWidth=2).encode(**position)
    if axis == "x":  # at the top, just right of the line
        text = rule.mark_text(color=PASS_COLOUR, align="left", baseline="top", dx=4, y=2, fontWeight="bold")
    else:  # under the line at the right end, away from the first points' labels
        text = rule.mark_text(color=PASS_COLOUR, align="right", baseline="top", dy=3, x="width", fontWeight="bold")
    return alt.LayerChart(layer=[rule, text.encode(text="label:N")])


def score_histogram(
    bins: Sequence[ScoreBin], pass_mark: float | None = None, title: str = "Score distribution"
) -> alt.LayerChart:
    """Finished attempts per score band (0–100 %), each bar labelled with its count; a dashed pass-mark line."""
    rows = histogram_rows(bins)
    x = alt.X(
        "low:Q",
        title="Score (%)",
        scale=alt.Scale(domain=[0, 100]),
        axis=alt.Axis(values=[round(row["low"], 6) for row in rows] + [100], format="d"),
    )
    base = alt.Chart().encode(
        tooltip=[
            alt.Tooltip("band:N", title="Score band"),
            alt.Tooltip("count:Q", title="Attempts"),
        ]
    )
    bars = base.mark_bar(color=BAR_COLOUR, stroke="white", strokeWidth=1).encode(
        x=x,
        x2="high:Q",
        y=alt.Y("count:Q", title="Attempts", axis=alt.Axis(tickMinStep=1, format="d")),
        y2=alt.datum(0),  # with x and x2 both set, Vega-Lite needs to be told the bars grow up from zero
    )
    counts = (
        base.transform_filter("datum.count > 0")
        .mark_text(baseline="bottom", dy=-3, fontWeight="bold")
        .encode(x="middle:Q", y="count:Q", text="count:Q")
    )
    layers = [bars, counts]
    if pass_mark is not None:
        layers.append(_pass_rule(pass_mark, "x"))
    chart = alt.LayerChart(layer=layers, data=alt.Data(values=rows)).properties(
        title=title, width="container", height=220, description=_describe_histogram(rows, pass_mark)
    )
    return on_paper(chart)


def _day_label(iso_day: str) -> str:
    """ "2026-11-26" -> "26 Nov 2026": the day as people write it, for tooltips and the description."""
    return dt.date.fromisoformat(iso_day).strftime("%-d %b %Y")


def _day_step(rows: list[dict]) -> int:
    """Days between axis ticks: about eight labels at most, never the same day twice."""
    if len(rows) < 2:
        return 1
    span = (dt.date.fromisoformat(rows[-1]["day"]) - dt.date.fromisoformat(rows[0]["day"])).days + 1
    return next((step for step in DAY_STEPS if span / step <= 8), DAY_STEPS[-1])


def progress_rows(days: Sequence[DayProgress]) -> list[dict]:
    """One record per day: the ISO day, the mean percent (rounded for the labels) and the attempts."""
    return [
        {
            "day": day.day,
            "day_label": _day_label(day.day),
            "mean": round(day.mean_percent, 1),
            "label": _percent(day.mean_percent),
            "attempts": day.attempts,
        }
        for day in days
    ]


def _describe_progress(rows: list[dict], pass_mark: float | None) -> str:
    if not rows:
        return "Progress over time: no finished attempts yet."
    days = "; ".join(
        f"{row['day_label']}: {row['label']} ({row['attempts']} attempt{'s' if row['attempts'] != 1 else ''})"
        for row in rows
    )
    mark = f" The pass mark is {_percent(pass_mark)}." if pass_mark is not None else ""
    return f"Mean score per day of finishing, oldest first: {days}.{mark}"


def progress_chart(
    days: Sequence[DayProgress], pass_mark: float | None = None, title: str = "Progress over time"
) -> alt.LayerChart:
    """Mean percent of the attempts finished each day: points joined by a line, each labelled with its percent."""
    rows = progress_rows(days)
    base = alt.Chart().encode(
        x=alt.X(
            "day:T",
            title="Day",
            scale=alt.Scale(type="utc", padding=28),
            axis=alt.Axis(format="%-d %b", labelAngle=0, tickCount={"interval": "day", "step": _day_step(rows)}),
        ),
        y=alt.Y("mean:Q", title="Mean score (%)", scale=alt.Scale(domain=[0, 100])),
        tooltip=[
            alt.Tooltip("day_label:N", title="Day"),
            alt.Tooltip("label:N", title="Mean score"),
            alt.Tooltip("attempts:Q", title="Finished attempts"),
        ],
    )
    line = base.mark_line(color=LINE_COLOUR, strokeWidth=2)
    points = base.mark_point(filled=True, size=90, color=LINE_COLOUR, stroke="white", strokeWidth=1)
    labels = base.mark_text(baseline="bottom", dy=-8, fontWeight="bold").encode(text="label:N")
    layers = [line, points, labels]
    if pass_mark is not None:
        layers.insert(0, _pass_rule(pass_mark, "y"))
    chart = alt.LayerChart(layer=layers, data=alt.Data(values=rows)).properties(
        title=title, width="container", height=240, description=_describe_progress(rows, pass_mark)
    )
    return on_paper(chart)
