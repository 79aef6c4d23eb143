"""Timeline: the whole course (or a lesson, or a close-up) on one labelled chart, the events as a table below.

The chart runs down the page, so it reads the same on a laptop and a phone.
A click (or the keyboard picker) opens the event's card beside the chart on a
wide screen and right under it on a phone (Streamlit stacks the columns), and
the card is scrolled into view.
"""

from __future__ import annotations

import streamlit as st

from charts.timeline import timeline_chart, year_label, year_ticks
from classroom.content.course_file import course_era
from classroom.content.dates import Era
from classroom.content.timeline import Span, TimelineEvent, course_events, spans
from ui import pages
from ui.shared.course import CONTENT_ROOT, course, library
from ui.shared.safe import escape, note

CARD = "timeline-card"


@st.cache_resource(max_entries=4, show_spinner=False)
def _events(content_version: tuple, era: Era) -> tuple[list[TimelineEvent], list[Span]]:
    """Built once per content version."""
    events = course_events(course(), era)
    return events, spans(events, era)


@st.cache_resource(max_entries=64, show_spinner=False)
def _chart(content_version: tuple, era: Era, first: float, last: float) -> object:
    """One chart per stretch of years: a rerun (a click) reuses it."""
    events, _ = _events(content_version, era)
    return timeline_chart(events, era=era, between=(first, last))


def _zoom(span: Span, era: Era) -> tuple[float, float]:
    """Zoom and pan within the chosen stretch: a first and a last year, on round years.

    Two select boxes rather than a range slider: Streamlit's slider draws its values in the
    theme's accent colour, which falls below WCAG AA contrast in the dark theme.
    """
    stops = sorted({span.first, span.last, *(float(t) for t in year_ticks(span.first, span.last, 2400))})
    if len(stops) < 3:
        return span.first, span.last
    start_side, end_side = st.columns(2)
    first = start_side.selectbox(
        "From", stops[:-1], index=0, format_func=lambda year: year_label(year, era), key=f"zoom-from:{span.name}"
    )
    later = [year for year in stops if year > first]
    last = end_side.selectbox(
        "To", later, index=len(later) - 1, format_func=lambda year: year_label(year, era), key=f"zoom-to:{span.name}"
    )
    return first, last


def _card(chosen: TimelineEvent) -> None:
    with st.container(border=True, key=CARD):
        st.markdown(f"**{escape(chosen.when)}** — {escape(chosen.label)}")
        note(f"Lesson: {escape(chosen.lesson_title)}")
        pages.link(
            pages.LESSON,
            label=f"Read it in: {chosen.lesson_title}",
            icon=":material/menu_book:",
            query_params={
                "lesson": chosen.lesson_id,
                **({"passage": chosen.passage, "from": "timeline"} if chosen.passage else {}),
            },
        )
    # Bring the card into view: beside the chart it may sit above a long chart's clicked row,
    # under the chart (a phone) it is below the fold. The key makes each choice a new script.
    st.html(
        f"<script>/* {escape(chosen.key)} */ (() => {{ const show = () => {{"
        f"const card = window.parent.document.querySelector('.st-key-{CARD}');"
        "if (card) { card.style.scrollMarginTop = '5rem'; card.style.scrollMarginBottom = '1rem';"
        "card.scrollIntoView({behavior: 'instant', block: 'nearest'}); } };"
        "[150, 600, 1200].forEach(wait => setTimeout(show, wait)); })();</script>",
        unsafe_allow_javascript=True,
    )


def main() -> None:
    st.title("Timeline")
    st.write(
        "Every event of the course, earliest at the top. Points are days, months or years; bars are periods. "
        "Select a point, bar or label to see where the course tells it."
    )
    era = course_era(CONTENT_ROOT)
    version = library().fingerprint()
    events, stretches = _events(version, era)
    if not events:
        st.info("No dated events yet.")
        return
    span = st.selectbox(
        "Show",
        stretches,
        format_func=lambda s: s.name,
        help="The whole course, one lesson's years, or a close-up where many events come together.",
    )
    first, last = _zoom(span, era)
    chart_side, card_side = st.columns([3, 2], gap="medium")
    with chart_side:
        picked = st.altair_chart(
            _chart(version, era, first, last),
            width="stretch",
            theme=None,
            on_select="rerun",
            selection_mode="event",
            key=f"course-timeline:{first}:{last}",
        )
    keys = [row.get("key") for row in (picked.selection.get("event") or [])] if picked else []
    clicked = next((e for e in events if e.key in keys), None)
    with card_side:
        # The same choice without a mouse: a labelled select that keyboards and screen readers can use.
        listed = st.selectbox(
            "Or choose an event",
            events,
            index=None,
            format_func=lambda e: f"{e.when}: {e.label}",
            placeholder="Choose an event",
        )
        chosen = clicked or listed
        if chosen is not None:
            _card(chosen)
        else:
            note("The event you select shows here.")

    st.header("All events", anchor=False)
    st.table([{"When": e.when, "Event": e.label, "Lesson": e.lesson_title} for e in events])


main()
