"""The kiosk's result: the score at a glance, each question reviewed, then the kiosk starts over by itself."""

from __future__ import annotations

import streamlit as st

from classroom.content.models import Quiz
from classroom.kiosk import KioskConfig
from classroom.quiz.attempts import Attempt
from ui.kiosk import state as kiosk_state
from ui.kiosk.attract import start_over_button
from ui.kiosk.idle import watcher
from ui.kiosk.state import ATTEMPT_KEY, SHOWING_KEY, VISIT_KEY, Screen
from ui.shared import state
from ui.shared.questions import pts, question_review


def _another_quiz() -> None:
    """Leave this result for the quiz list: the finished attempt and its widgets are dropped."""
    for key in [k for k in st.session_state if str(k).startswith(("kq:", "attempt:"))]:
        del st.session_state[key]
    for key in (ATTEMPT_KEY, SHOWING_KEY, VISIT_KEY):
        st.session_state.pop(key, None)
    kiosk_state.go(Screen("quizzes"))


def result_screen(quiz: Quiz, attempt_id: str, attempt: Attempt, config: KioskConfig, view: str) -> None:
    score = state.finish(quiz, attempt_id, attempt)  # idempotent: makes sure the store has the total

    row = st.columns([1, 1, 1.5], gap="small", vertical_alignment="center")
    with row[0]:
        start_over_button("Start over now")
    with row[1]:
        st.button(
            "Try another quiz",
            key="kiosk-another-quiz",
            icon=":material/quiz:",
            width="stretch",
            wrap=True,
            on_click=_another_quiz,
        )
    with row[2]:
        # The seconds are counted in the browser (see ui/kiosk/idle.py); then the kiosk starts over.
        watcher(
            view,
            idle=config.idle_seconds,
            warn=config.warning_seconds,
            result=config.result_seconds,
            countdown="Starting over in {n} s",
        )

    st.title(f"Your result: {score.percent:g}%", anchor=False)
    verdict = "Passed" if score.passed else "Not passed yet"
    icon = ":material/check_circle:" if score.passed else ":material/replay:"
    (st.success if score.passed else st.warning)(
        f"**{verdict}** — {pts(score.score)} of {pts(score.max)} points. You pass with {quiz.pass_mark}%.", icon=icon
    )
    question_review(quiz, attempt)
