"""The course timeline: dated events as points, periods as bars, one lane per lesson.

Dates go to Vega as ISO day strings ("1949-04-04") on a UTC time scale, so
years before 1970 and the year labels come out right in every time zone.
Students never see a machine-formatted timestamp: tooltips and screen-reader
text use the date as the teacher wrote it (``TimelineEvent.when``).

Clicking an event selects it through the point selection named ``event`` on
the field ``key``; ``st.altair_chart(chart, on_select="rerun",
selection_mode="event")`` hands that key back to the screen.
"""

from __future__ import annotations

from dataclasses import asdict

import altair as alt

from charts.style import on_paper
from classroom.content.timeline import TimelineEvent

SELECTION = "event"
LANES = ("lesson", "single")
# Okabe–Ito colours (safe for colour-blind readers), without the yellow and black
# that vanish on a light or a dark background.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
SHAPES = ["circle", "square", "diamond", "triangle-up", "triangle-down", "cross"]
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)


def _rows(events: list[TimelineEvent]) -> list[dict]:
    """One plain record per event, plus the sentence a screen reader reads for it."""
    rows = []
    for event in events:
        row = asdict(event)
        row["kind"] = "period" if event.is_period else "event"
        row["spoken"] = f"{event.when}: {event.label} ({event.lesson_title})"
        rows.append(row)
    return rows


def _lessons(events: list[TimelineEvent]) -> list[str]:
    """Lesson titles in course order, each once."""
    ordered = sorted({(e.lesson_order, e.lesson_id): e.lesson_title for e in events}.items())
    return list(dict.fromkeys(title for _, title in ordered))


def _years(events: list[TimelineEvent]) -> tuple[int, int]:
    starts = [int(e.start_iso[:4]) for e in events]
    ends = [int((e.end_iso or e.start_iso)[:4]) for e in events]
    return (min(starts), max(ends)) if events else (0, 0)


def _year_step(first: int, last: int) -> int:
    """Whole years between ticks: about a dozen labels at most, never a repeated year."""
    span = last - first + 1
    return next((step for step in YEAR_STEPS if span / step <= 12), YEAR_STEPS[-1])


def _describe(events: list[TimelineEvent], lessons: list[str]) -> str:
    if not events:
        return "Timeline with no dated events."
    first, last = _years(events)
    periods = sum(e.is_period for e in events)
    points = len(events) - periods
    span = str(first) if first == last else f"{first} to {last}"
    layout = "one row per lesson" if len(lessons) > 1 else "a single row"
    return (
        f"Timeline from {span}: {points} dated event{'s' * (points != 1)} shown as points and "
        f"{periods} period{'s' * (periods != 1)} shown as bars, from {len(lessons)} "
        f"lesson{'s' * (len(lessons) != 1)}, {layout}. Select an event to see its details."
    )


def timeline_chart(
    events: list[TimelineEvent], lanes: str = "lesson", title: str = "Course timeline"
) -> alt.LayerChart:
    """Events as points and periods as bars on a year axis.

    ``lanes="lesson"`` gives each lesson its own row (in course order);
    ``lanes="single"`` puts everything on one row and tells lessons apart by
    colour and point shape, with a legend when there is more than one.
    """
    if lanes not in LANES:
        raise ValueError(f"lanes must be one of {', '.join(LANES)}, not {lanes!r}")
    lessons = _lessons(events)
    first, last = _years(events)
    selected = alt.selection_point(name=SELECTION, fields=["key"], on="click", clear="dblclick")

    show_legend = lanes == "single" and len(lessons) > 1
    legend = alt.Legend(title="Lesson", orient="bottom", columns=1, labelLimit=400) if show_legend else None
    colour = alt.Color("lesson_title:N", scale=alt.Scale(domain=lessons, range=PALETTE), legend=legend)
    x = alt.X(
        "start_iso:T",
        title="Year",
        scale=alt.Scale(type="utc", nice="year"),
        axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": _year_step(first, last)}, labelFontSize=12),
    )
    tooltip = [
        alt.Tooltip("when:N", title="Date"),
        alt.Tooltip("label:N", title="Event"),
        alt.Tooltip("lesson_title:N", title="Lesson"),
    ]
    shared = {
        "x": x,
        "color": colour,
        "tooltip": tooltip,
        "description": alt.Description("spoken:N"),
        "opacity": alt.when(selected).then(alt.value(1.0)).otherwise(alt.value(0.35)),
    }
    if lanes == "lesson":
        shared["y"] = alt.Y(
            "lesson_title:N",
            title=None,
            sort=lessons,
            axis=alt.Axis(labelLimit=260, labelFontSize=12),
        )

    base = alt.Chart(alt.Data(values=_rows(events)))
    # Bars sit a little below the lane's centre line so the points of the same lane stay visible,
    # and a thin outline keeps two overlapping periods apart.
    periods = (
        base.transform_filter("datum.is_period")
        .mark_bar(height=10, yOffset=9, cornerRadius=3)
        .encode(
            x2="end_iso:T",
            stroke=alt.when(selected, empty=False).then(alt.value("#222222")).otherwise(alt.value("white")),
            strokeWidth=alt.when(selected, empty=False).then(alt.value(3)).otherwise(alt.value(1)),
            **shared,
        )
    )
    points = (
        base.transform_filter("!datum.is_period")
        .mark_point(filled=True, stroke="white", strokeWidth=1)
        .encode(
            shape=alt.Shape("lesson_title:N", scale=alt.Scale(domain=lessons, range=SHAPES), legend=legend),
            size=alt.when(selected, empty=False).then(alt.value(320)).otherwise(alt.value(110)),
            **shared,
        )
    )
    # Points are drawn over bars. A click anywhere in the layered view updates the selection,
    # so declaring it on one layer makes both points and bars selectable.
    height = alt.Step(48) if lanes == "lesson" else 90
    chart = alt.LayerChart(layer=[periods, points.add_params(selected)]).properties(
        title=title, width="container", height=height, description=_describe(events, lessons)
    )
    return on_paper(chart)


def lesson_timeline_chart(events: list[TimelineEvent], title: str = "Timeline of this lesson") -> alt.LayerChart:
    """A single lesson's events on one row: the lesson is known, so no lane labels or legend."""
    return timeline_chart(events, lanes="single", title=title)
