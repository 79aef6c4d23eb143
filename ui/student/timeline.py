"""Timeline: the whole course on one interactive chart, with the same events as a table below."""

from __future__ import annotations

import streamlit as st

from charts.timeline import timeline_chart
from classroom.content.timeline import TimelineEvent, course_events
from ui import pages
from ui.shared.course import course, library


@st.cache_resource(max_entries=4, show_spinner=False)
def _chart_and_events(content_version: tuple) -> tuple[object, list[TimelineEvent]]:
    """Built once per content version: a rerun reuses the same chart."""
    events = course_events(course())
    return timeline_chart(events), events


def main() -> None:
    st.title("Timeline")
    st.write(
        "Every event of the course. Points are single days, months or years; bars are periods. "
        "Select a point or bar to see where the course tells it."
    )
    chart, events = _chart_and_events(library().fingerprint())
    if not events:
        st.info("No dated events yet.")
        return
    picked = st.altair_chart(
        chart,
        width="stretch",
        theme=None,
        on_select="rerun",
        selection_mode="event",
        key="course-timeline",
    )
    keys = [row.get("key") for row in (picked.selection.get("event") or [])] if picked else []
    clicked = next((e for e in events if e.key in keys), None)
    # The same choice without a mouse: a labelled select that keyboards and screen readers can use.
    listed = st.selectbox(
        "Or choose an event",
        events,
        index=None,
        format_func=lambda e: f"{e.when}: {e.label}",
        placeholder="Choose an event to see where the course tells it",
    )
    chosen = clicked or listed
    if chosen is not None:
        with st.container(border=True):
            st.markdown(f"**{chosen.when}** — {chosen.label}")
            st.page_link(
                pages.LESSON,
                label=f"Read it in: {chosen.lesson_title}",
                icon=":material/menu_book:",
                query_params={
                    "lesson": chosen.lesson_id,
                    **({"passage": chosen.passage, "from": "timeline"} if chosen.passage else {}),
                },
            )

    st.header("All events", anchor=False)
    st.table([{"When": e.when, "Event": e.label, "Lesson": e.lesson_title} for e in events])


main()
