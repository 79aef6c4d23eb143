"""How a lesson looks: passages, people and offices, its timeline and "check the claim" notes.

Shared by the student's lesson page and the teacher's preview, so both show the same thing.
"""

from __future__ import annotations

import streamlit as st

from charts.timeline import lesson_timeline_chart
from classroom.content.course_file import course_era
from classroom.content.models import Check, Lesson
from classroom.content.timeline import lesson_events
from ui.shared import course as shared_course
from ui.shared.safe import note, teacher_markdown

CHECKS = "Check the claim"
VERDICT_LOOK = {  # words and icon for each verdict of a check, never colour alone
    "wrong": (st.error, ":material/report:", "The record says otherwise"),
    "misleading": (st.warning, ":material/warning:", "Misleading"),
    "disputed": (st.warning, ":material/help:", "Disputed"),
    "supported": (st.success, ":material/verified:", "Supported by the record"),
}


def scroll_to(anchor: str) -> None:
    """Bring the linked passage into view (anchor ids are validated: letters, digits, dashes)."""
    st.html(
        f"<script>setTimeout(() => window.parent.document.getElementById('{anchor}')"
        f"?.scrollIntoView({{behavior: 'smooth', block: 'start'}}), 300)</script>",
        unsafe_allow_javascript=True,
    )


ARRIVED = {  # the note on a linked passage says what brought the reader there
    "question": ":material/my_location: The answer to your question comes from this part.",
    "timeline": ":material/my_location: The timeline event you chose is told in this part.",
}
LINKED = ":material/my_location: The link you followed points to this part."


def passages(lesson: Lesson, highlight: str | None, arrived_from: str | None = None) -> None:
    for number, passage in enumerate(lesson.passages, start=1):
        anchor = f"{lesson.id}-{passage.id}"
        heading = passage.heading or f"Part {number}"
        box = st.container(border=True) if passage.id == highlight else st.container()
        with box:
            st.header(heading, anchor=anchor)
            if passage.id == highlight:
                note(ARRIVED.get(arrived_from or "", LINKED))
            teacher_markdown(passage.text)


def people(lesson: Lesson) -> None:
    if not lesson.people:
        return
    st.header("People and offices", anchor=False)
    st.table(
        [{"Person": p.name, "Office": p.role, "From": p.from_ or "", "To": p.to or ""} for p in lesson.people],
    )


def timeline(lesson: Lesson) -> None:
    era = course_era(shared_course.CONTENT_ROOT)  # read at call time: tests point it at another course
    events = lesson_events(lesson, era)
    if not events:
        return
    st.header("Timeline", anchor=False)
    st.altair_chart(lesson_timeline_chart(events, era=era), width="stretch", theme=None)
    with st.expander("Timeline as a list"):
        for event in events:
            st.markdown(f"- **{event.when}** — {event.label}")


def checks(lesson: Lesson) -> None:
    if not lesson.checks:
        return
    st.header(CHECKS, anchor=False)
    for check in lesson.checks:
        check_box(check)


def check_box(check: Check) -> None:
    """One "check the claim" note: the verdict in words and icon, the claim, the record, the sources."""
    box, icon, words = VERDICT_LOOK[check.verdict]
    box(
        f"**{CHECKS} — {words}**\n\n"
        f"**The article says:** {check.claim}\n\n"
        f"**What the record shows:** {check.note}\n\n"
        f"*Sources:* {'; '.join(check.sources)}",
        icon=icon,
    )


def lesson_body(lesson: Lesson, highlight: str | None = None, arrived_from: str | None = None) -> None:
    """Everything of a lesson below its title, in reading order."""
    teacher_markdown(f"*{lesson.summary}*")
    passages(lesson, highlight, arrived_from)
    people(lesson)
    timeline(lesson)
    checks(lesson)
