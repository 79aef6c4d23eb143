"""The timeline: time runs down the page on a numeric year axis, every event labelled.

Years are plain numbers (astronomical: 1 BC is 0, 44 BC is -43), never
calendar timestamps, so 3000 BC plots as well as 1991; the axis writes them
in the course's era words. Events are points and periods are bars, each on
the axis at its true date; the labels sit in a column to the right, pushed
apart just enough not to overlap (``place_labels``), with a thin leader line
from each label to its mark. Time down the page reads the same on a laptop
and on a 390 px phone: the width only decides how much of a label shows.

Clicking a point, bar or label selects it through the point selection named
``event`` on the field ``key``; ``st.altair_chart(chart, on_select="rerun",
selection_mode="event")`` hands that key back to the screen.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import altair as alt

from charts.style import INK, on_paper
from classroom.content.dates import Era, year_words
from classroom.content.timeline import TimelineEvent, last_moment, span_words, view_of

SELECTION = "event"
# Okabe–Ito colours (safe for colour-blind readers), without the yellow and black
# that vanish on a light or a dark background.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
SHAPES = ["circle", "square", "diamond", "triangle-up", "triangle-down", "cross"]
ROW = 22  # pixels from one label to the next: 12 px text and air
MIN_HEIGHT = 300
TICK_GAP = 56  # pixels between year ticks at least
GAP_SHARE = 0.12  # a stretch without events longer than this share of the chart is squeezed
GAP_PX = 44  # pixels a squeezed stretch keeps
YEAR_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)
LANE = 9  # pixels per period lane (bars 7 px wide)
LABEL_FONT = 12


@dataclass(frozen=True)
class Layout:
    """Where everything goes: the chart's height, the year scale, each label's row, the period lanes.

    The scale is piecewise linear (``domain`` years to ``pixels``, top down): a long
    stretch without events is squeezed to ``GAP_PX`` so it does not push the rest apart.
    """

    height: int
    domain: list[float]
    pixels: list[float]
    gaps: list[tuple[float, float]]  # the squeezed stretches (years)
    label_at: dict[str, float]  # event key -> the year the label's middle sits at
    lane_of: dict[str, int]  # period key -> its lane (0 is leftmost)
    first: float
    last: float

    def to_px(self, year: float) -> float:
        return _interpolate(year, self.domain, self.pixels)

    def to_year(self, px: float) -> float:
        return _interpolate(px, self.pixels, self.domain)


def _interpolate(value: float, xs: list[float], ys: list[float]) -> float:
    """Piecewise-linear map through the points (xs[i], ys[i]); xs ascending, straight on past the ends."""
    index = next((i for i in range(1, len(xs) - 1) if value < xs[i]), len(xs) - 1)
    x0, x1, y0, y1 = xs[index - 1], xs[index], ys[index - 1], ys[index]
    return y0 if x1 == x0 else y0 + (value - x0) * (y1 - y0) / (x1 - x0)


def empty_stretches(events: list[TimelineEvent], first: float, last: float) -> list[tuple[float, float]]:
    """Stretches with no event and no period, longer than ``GAP_SHARE`` of first..last."""
    covered = sorted((e.start, e.end if e.end is not None else e.start) for e in events)
    found = []
    reach = first
    for start, end in covered:
        if start - reach > (last - first) * GAP_SHARE:
            found.append((reach, start))
        reach = max(reach, end)
    if last - reach > (last - first) * GAP_SHARE:
        found.append((reach, last))
    # Keep a little air on both sides of each squeezed stretch.
    air = (last - first) * 0.01
    return [(a + air, b - air) for a, b in found if b - a > 2 * air]


def _isotonic(targets: list[float]) -> list[float]:
    """The non-decreasing sequence closest to ``targets`` (least squares): pool adjacent violators."""
    blocks: list[list[float]] = []  # [mean, weight]
    for value in targets:
        blocks.append([value, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, weight = blocks.pop()
            previous = blocks[-1]
            total = previous[1] + weight
            previous[0] = (previous[0] * previous[1] + mean * weight) / total
            previous[1] = total
    result: list[float] = []
    for mean, weight in blocks:
        result.extend([mean] * int(weight))
    return result


def place_labels(anchors: list[float], gap: float, low: float, high: float) -> list[float]:
    """Label positions (pixels, ascending anchors in) at least ``gap`` apart, inside [low, high], each as
    close to its anchor as that allows (least squares). Needs ``high - low >= gap * (len - 1)``."""
    if not anchors:
        return []
    shifted = [anchor - index * gap for index, anchor in enumerate(anchors)]
    top = high - (len(anchors) - 1) * gap
    pooled = [min(max(value, low), top) for value in _isotonic(shifted)]
    return [value + index * gap for index, value in enumerate(pooled)]


def _lanes(events: list[TimelineEvent]) -> dict[str, int]:
    """Periods that overlap in time go side by side: each takes the first lane free at its start."""
    ends: list[float] = []
    lanes = {}
    for event in sorted((e for e in events if e.is_period), key=lambda e: e.start):
        lane = next((i for i, end in enumerate(ends) if end <= event.start), len(ends))
        if lane == len(ends):
            ends.append(0.0)
        ends[lane] = event.end or event.start
        lanes[event.key] = lane
    return lanes


def layout(events: list[TimelineEvent], first: float, last: float) -> Layout:
    """Place the labels of ``events`` (those inside first..last) on a chart tall enough for all of them."""
    shown = sorted(events, key=lambda e: (e.start, e.key))
    gaps = empty_stretches(shown, first, last)
    edges = [first, *(year for gap in gaps for year in gap), last]
    pieces = list(zip(edges[::2], edges[1::2], strict=True))  # the stretches that keep their events
    kept = sum(b - a for a, b in pieces) or 1e-9
    density = max(MIN_HEIGHT, ROW * (len(shown) + 1)) / kept  # pixels per year, before the rows are counted
    domain, pixels = [first], [0.0]
    for index, (a, b) in enumerate(pieces):
        count = sum(a <= e.start <= b for e in shown)
        pixels.append(pixels[-1] + max((b - a) * density, ROW * (count + 1)))  # room for each of its labels
        domain.append(b)
        if index < len(gaps):
            domain.append(gaps[index][1])
            pixels.append(pixels[-1] + GAP_PX)
    height = int(round(pixels[-1]))
    pixels[-1] = float(height)
    placed = Layout(height, domain, pixels, gaps, {}, _lanes(shown), first, last)
    label_at: dict[str, float] = {}
    for a, b in pieces:  # labels stay beside their own stretch, never across a squeezed one
        inside = [e for e in shown if a <= e.start <= b]
        top, bottom = placed.to_px(a), placed.to_px(b)
        rows = place_labels([placed.to_px(e.start) for e in inside], ROW, top + ROW, bottom - ROW)
        label_at.update({e.key: placed.to_year(px) for e, px in zip(inside, rows, strict=True)})
    return Layout(height, domain, pixels, gaps, label_at, placed.lane_of, first, last)


def visible(events: list[TimelineEvent], first: float, last: float) -> list[TimelineEvent]:
    """The events that touch first..last (a period seen in part counts)."""
    return [e for e in events if e.start <= last and (e.end if e.end is not None else e.start) >= first]


def year_ticks(first: float, last: float, height: int) -> list[int]:
    """Round historical years for the axis (astronomical values): "500 BC" sits at -499."""
    span = max(last - first, 1.0)
    most = max(2, int(height / TICK_GAP))
    step = next((s for s in YEAR_STEPS if span / s <= most), YEAR_STEPS[-1] * (int(span / most / 1000) + 1))
    ticks = []
    for value in range(int(first // step) * step, int(last) + step + 1, step):
        if value >= 1 and first <= value <= last:
            ticks.append(value)
    for historical in range(step, int(1 - first) + step, step):  # BC: 1 - year is the BC number
        value = 1 - historical
        if first <= value <= last:
            ticks.append(value)
    return sorted(set(ticks))


def axis_ticks(placed: Layout) -> list[int]:
    """Year ticks at the density of the unsqueezed parts, none inside a squeezed stretch."""
    per_year = (placed.pixels[1] - placed.pixels[0]) / max(placed.domain[1] - placed.domain[0], 1e-9)
    ticks = year_ticks(placed.first, placed.last, int((placed.last - placed.first) * per_year))
    return [t for t in ticks if not any(a - 1 < t < b + 1 for a, b in placed.gaps)]


def _gap_rows(placed: Layout) -> list[dict]:
    rows = []
    for a, b in placed.gaps:
        years = int(round(b - a))
        rows.append({"middle": (a + b) / 2, "words": f"⋮ {years} year{'s' * (years != 1)}"})
    return rows


def _axis_label_expression(era: Era, first: float) -> str:
    """Vega expression writing an astronomical tick value in the era's words."""
    before, after = ("BC", "AD") if era == "BC/AD" else ("BCE", "CE")
    ad = f"'{after} ' + datum.value" if after == "AD" else f"datum.value + ' {after}'"
    early_ad = f"datum.value < 1000 ? {ad} : '' + datum.value"
    return f"datum.value < 1 ? (1 - datum.value) + ' {before}' : ({early_ad})"


def _rows(events: list[TimelineEvent], placed: Layout, lessons: list[str]) -> list[dict]:
    """One plain record per event: where its mark, its leader and its label go, and what it says."""
    rows = []
    points_x = 8 + LANE * (max(placed.lane_of.values(), default=-1) + 1) + 6
    for event in events:
        row = asdict(event)
        lane = placed.lane_of.get(event.key)
        anchor_x = 8 + lane * LANE + 3.5 if lane is not None else points_x
        row.update(
            kind="period" if event.is_period else "event",
            spoken=f"{event.when}: {event.label} ({event.lesson_title})",
            label_y=placed.label_at[event.key],
            bar_x=anchor_x - 3.5,
            bar_x2=anchor_x + 3.5,
            anchor_x=anchor_x + (4 if event.is_period else 6),
            label_x=points_x + 26,
            shown_end=event.end if event.end is not None else event.start,
            bar_end=min(event.end or event.start, placed.last),
            bar_start=max(event.start, placed.first),
            lesson_rank=lessons.index(event.lesson_title),
        )
        rows.append(row)
    return rows


def _lessons(events: list[TimelineEvent]) -> list[str]:
    """Lesson titles in course order, each once."""
    ordered = sorted({(e.lesson_order, e.lesson_id): e.lesson_title for e in events}.items())
    return list(dict.fromkeys(title for _, title in ordered))


def _describe(events: list[TimelineEvent], lessons: list[str], era: Era) -> str:
    if not events:
        return "Timeline with no dated events in this stretch."
    periods = sum(e.is_period for e in events)
    points = len(events) - periods
    return (
        f"Timeline from {span_words(min(e.start for e in events), max(map(last_moment, events)), era)}, "
        f"earliest at the top: {points} dated "
        f"event{'s' * (points != 1)} shown as points and {periods} period{'s' * (periods != 1)} "
        f"shown as bars, from {len(lessons)} lesson{'s' * (len(lessons) != 1)}, each labelled. "
        "Select an event to see its details; the table below lists every event."
    )


def timeline_chart(
    events: list[TimelineEvent],
    title: str = "Course timeline",
    era: Era = "BC/AD",
    between: tuple[float, float] | None = None,
) -> alt.LayerChart:
    """Events as points and periods as bars on a vertical numeric year axis, every one labelled.

    ``between`` limits the chart to a stretch of years (a lesson, a close-up); by
    default it covers every event.
    """
    first, last = between if between is not None else view_of(events)
    shown = visible(events, first, last)
    placed = layout(shown, first, last)
    lessons = _lessons(shown)
    rows = _rows(shown, placed, lessons)
    selected = alt.selection_point(name=SELECTION, fields=["key"], on="click", clear="dblclick")
    colour = alt.Color(
        "lesson_title:N", scale=alt.Scale(domain=lessons or ["-"], range=PALETTE), legend=None, title="Lesson"
    )
    y_scale = alt.Scale(domain=placed.domain, range=placed.pixels, nice=False, zero=False)
    y = alt.Y(
        "start:Q",
        title=None,
        scale=y_scale,
        axis=alt.Axis(
            values=axis_ticks(placed),
            labelExpr=_axis_label_expression(era, first),
            labelFontSize=12,
            grid=True,
            gridDash=[2, 3],
        ),
    )
    tooltip = [
        alt.Tooltip("when:N", title="Date"),
        alt.Tooltip("label:N", title="Event"),
        alt.Tooltip("lesson_title:N", title="Lesson"),
    ]
    chosen = alt.when(selected, empty=False)
    base = alt.Chart(alt.Data(values=rows))
    periods = (
        base.transform_filter("datum.is_period")
        .mark_bar(cornerRadius=3)
        .encode(
            x=alt.X("bar_x:Q", scale=None, axis=None),
            x2="bar_x2:Q",
            y=alt.Y("bar_start:Q", scale=y_scale, title=None),
            y2="bar_end:Q",
            color=colour,
            stroke=chosen.then(alt.value("#222222")).otherwise(alt.value("white")),
            strokeWidth=chosen.then(alt.value(2)).otherwise(alt.value(1)),
            tooltip=tooltip,
            description=alt.Description("spoken:N"),
        )
    )
    points = (
        base.transform_filter("!datum.is_period")
        .mark_point(filled=True, stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("anchor_x:Q", scale=None, axis=None),
            y=y,
            color=colour,
            shape=alt.Shape("lesson_title:N", scale=alt.Scale(domain=lessons or ["-"], range=SHAPES), legend=None),
            size=chosen.then(alt.value(260)).otherwise(alt.value(90)),
            tooltip=tooltip,
            description=alt.Description("spoken:N"),
        )
    )
    leaders = base.mark_rule(strokeWidth=1, color="#8A8D96", aria=False).encode(
        x=alt.X("anchor_x:Q", scale=None, axis=None),
        x2="label_x:Q",
        y=alt.Y("start:Q", scale=y_scale, title=None),
        y2="label_y:Q",
    )
    labels = base.mark_text(align="left", baseline="middle", fontSize=LABEL_FONT, dx=4, aria=False).encode(
        x=alt.X("label_x:Q", scale=None, axis=None),
        y=alt.Y("label_y:Q", scale=y_scale, title=None),
        text="short:N",
        color=alt.value(INK),
        size=chosen.then(alt.value(LABEL_FONT + 2)).otherwise(alt.value(LABEL_FONT)),
        tooltip=tooltip,
    )
    layers: list = [periods, leaders, points.add_params(selected), labels]
    if placed.gaps:
        gap_rows = _gap_rows(placed)
        layers.append(
            alt.Chart(alt.Data(values=gap_rows))
            .mark_text(align="left", baseline="middle", fontSize=11, fontStyle="italic", aria=False)
            .encode(
                x=alt.value(2),
                y=alt.Y("middle:Q", scale=y_scale, title=None),
                text="words:N",
                color=alt.value(INK),
            )
        )
        layers.insert(
            0,
            alt.Chart(alt.Data(values=[r for g in placed.gaps for r in ({"y": g[0]}, {"y": g[1]})]))
            .mark_rule(strokeDash=[4, 4], color="#8A8D96", aria=False)
            .encode(y=alt.Y("y:Q", scale=y_scale, title=None)),
        )
    chart = alt.LayerChart(layer=layers).properties(
        # Fit the width only: the label rows are laid out for exactly this height (Streamlit's
        # default "fit" would squeeze the title into it and push the last rows out of the picture).
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        title=title,
        width="container",
        height=placed.height,
        description=_describe(shown, lessons, era),
    )
    return on_paper(chart)


def lesson_timeline_chart(
    events: list[TimelineEvent], title: str = "Timeline of this lesson", era: Era = "BC/AD"
) -> alt.LayerChart:
    """A single lesson's events: the same labelled chart (the lesson is known, so colour says nothing new)."""
    return timeline_chart(events, title=title, era=era)


def year_label(year: float, era: Era = "BC/AD") -> str:
    """A slider's or a caption's year in words (astronomical in)."""
    return year_words(int(year // 1), era)
