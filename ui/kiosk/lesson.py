"""The kiosk's lesson reader: one part at a time, the buttons at the top where a finger finds them."""

from __future__ import annotations

import streamlit as st

from classroom.content.models import Lesson
from classroom.kiosk import Offer
from ui.kiosk.attract import nav_button, start_over_button
from ui.kiosk.state import Screen
from ui.shared.lesson_view import CHECKS, check_box
from ui.shared.safe import note, teacher_markdown


def parts(lesson: Lesson) -> list[str]:
    """Headings of the parts: each passage, then the "check the claim" notes when there are any."""
    found = [passage.heading or f"Part {n}" for n, passage in enumerate(lesson.passages, start=1)]
    return [*found, CHECKS] if lesson.checks else found


def reader(lesson: Lesson, part: int, offer: Offer) -> None:
    headings = parts(lesson)
    part = max(0, min(part, len(headings) - 1))
    quizzes = offer.quizzes_for(lesson.id)
    last = part == len(headings) - 1

    row = st.columns(4, gap="small")
    with row[0]:
        nav_button("All lessons", Screen("lessons"), "kiosk-back", ":material/arrow_back:")
    with row[1]:
        start_over_button()
    with row[2]:
        if part > 0:
            nav_button("Previous part", Screen("lesson", lesson.id, part - 1), "kiosk-prev", ":material/chevron_left:")
    with row[3]:
        if not last:
            nav_button(
                "Next part", Screen("lesson", lesson.id, part + 1), "kiosk-next", ":material/chevron_right:", True
            )
        elif quizzes:
            nav_button("Take the quiz", Screen("quiz", quizzes[0].id), "kiosk-take-quiz", ":material/quiz:", True)

    st.title(lesson.title, anchor=False)
    note(f"Part {part + 1} of {len(headings)}")
    st.header(headings[part], anchor=False)
    if part < len(lesson.passages):
        teacher_markdown(lesson.passages[part].text)
    else:
        for check in lesson.checks:
            check_box(check)
