"""The kiosk's welcome (attract) screen, the lesson and quiz choosers, and the buttons every screen shares."""

from __future__ import annotations

import streamlit as st

from classroom.kiosk import KioskConfig, Offer
from classroom.quiz.attempts import askable
from ui.kiosk import state as kiosk_state
from ui.kiosk.state import Screen
from ui.shared.safe import note, teacher_markdown


def start_over_button(label: str = "Start over") -> None:
    """Back to the welcome screen, forgetting everything of this visit."""
    st.button(
        label, key="kiosk-start-over", icon=":material/home:", width="stretch", wrap=True, on_click=kiosk_state.reset
    )


def nav_button(label: str, target: Screen, key: str, icon: str, primary: bool = False) -> None:
    st.button(
        label,
        key=key,
        icon=icon,
        type="primary" if primary else "secondary",
        width="stretch",
        wrap=True,
        on_click=kiosk_state.go,
        args=(target,),
    )


def attract(config: KioskConfig, offer: Offer) -> None:
    st.title(config.title, anchor=False)
    if config.welcome:
        with st.container(key="kiosk-welcome"):
            teacher_markdown(config.welcome)
    choices = []
    if offer.lessons:
        choices.append(("Read a lesson", Screen("lessons"), "kiosk-go-lessons", ":material/menu_book:"))
    if offer.quizzes:
        choices.append(("Take a quiz", Screen("quizzes"), "kiosk-go-quizzes", ":material/quiz:"))
    if not choices:
        st.info("Nothing to show here right now. Please come back later.", icon=":material/build:")
        return
    for column, (label, target, key, icon) in zip(st.columns(len(choices), gap="large"), choices, strict=True):
        with column:
            nav_button(label, target, key, icon, primary=True)
    note("Touch a button to start. When nobody uses it for a while, this screen starts over by itself.")


def _grid(entries: list[tuple[str, Screen, str]], icon: str) -> None:
    """Big buttons, two to a row, so that a whole course fits on one screen."""
    for start in range(0, len(entries), 2):
        columns = st.columns(2, gap="medium")
        for column, (label, target, item_id) in zip(columns, entries[start : start + 2], strict=False):
            with column:
                nav_button(label, target, f"kiosk-item-{item_id}", icon)


def choose_lesson(offer: Offer) -> None:
    back, _ = st.columns([1, 3])
    with back:
        st.button("Back", key="kiosk-back", icon=":material/arrow_back:", width="stretch", on_click=kiosk_state.reset)
    st.title("Choose a lesson", anchor=False)
    _grid(
        [(f"{n}. {lesson.title}", Screen("lesson", lesson.id), lesson.id) for n, lesson in enumerate(offer.lessons, 1)],
        ":material/menu_book:",
    )


def choose_quiz(offer: Offer) -> None:
    back, _ = st.columns([1, 3])
    with back:
        st.button("Back", key="kiosk-back", icon=":material/arrow_back:", width="stretch", on_click=kiosk_state.reset)
    st.title("Choose a quiz", anchor=False)
    entries = []
    for quiz in offer.quizzes:
        count = min(quiz.draw or len(askable(quiz)), len(askable(quiz)))
        entries.append(
            (f"{quiz.title} ({count} question{'s' if count != 1 else ''})", Screen("quiz", quiz.id), quiz.id)
        )
    _grid(entries, ":material/quiz:")
