"""The kiosk: the only page a kiosk server has (app.py registers nothing else in kiosk mode).

Every kiosk screen is drawn from ``kiosk_state.screen()`` at this one URL: the URL never
says what a visitor did, so neither a link, a query parameter nor the Back button can
bring a screen of the previous visitor back. Any query string is dropped on arrival.
"""

from __future__ import annotations

import logging

import streamlit as st

from classroom.kiosk import KioskConfig, Offer
from ui.kiosk import state as kiosk_state
from ui.kiosk.attract import attract, choose_lesson, choose_quiz, nav_button, start_over_button
from ui.kiosk.idle import chrome, hidden_buttons, watcher
from ui.kiosk.lesson import reader
from ui.kiosk.quiz import quiz_screen, showing
from ui.kiosk.result import result_screen
from ui.kiosk.state import Screen, Setup

log = logging.getLogger("classroom")


def setup_problem(found: Setup) -> None:
    """A kiosk file with mistakes: say which, where, and how to check it (shown at start-up)."""
    st.title("This kiosk is not set up yet", anchor=False)
    st.error(
        f"The kiosk's settings file **{found.path}** has {len(found.problems)} problem(s). "
        f"Fix them, then reload this page. To check the file: `python -m classroom.kiosk {found.path}`",
        icon=":material/settings_alert:",
    )
    st.code("\n".join(str(problem) for problem in found.problems), language=None, wrap_lines=True)


def gone(what: str, back: Screen) -> None:
    """A lesson or quiz that broke during the visit (its file is being edited): never a traceback."""
    st.title(f"This {what} is not available right now", anchor=False)
    st.info(f"Please choose another {what}.", icon=":material/build:")
    row = st.columns(4, gap="small")
    with row[0]:
        nav_button("All lessons" if what == "lesson" else "All quizzes", back, "kiosk-back", ":material/arrow_back:")
    with row[1]:
        start_over_button()


def draw(current: Screen, config: KioskConfig, offer: Offer) -> str | None:
    """Draw the current screen; return its view name for the idle watcher (None: it drew its own)."""
    if current.name == "lessons":
        choose_lesson(offer)
        return "lessons"
    if current.name == "quizzes":
        choose_quiz(offer)
        return "quizzes"
    if current.name == "lesson":
        lesson = offer.lesson(current.item)
        if lesson is None:
            gone("lesson", Screen("lessons"))
            return "lesson-gone"
        reader(lesson, current.part, offer)
        return f"lesson:{lesson.id}:{current.part}"
    if current.name in ("quiz", "result"):
        quiz = offer.quiz(current.item)
        if quiz is None:
            gone("quiz", Screen("quizzes"))
            return "quiz-gone"
        found = kiosk_state.attempt(quiz)
        if current.name == "result" and found is not None and found[1].finished:
            result_screen(quiz, *found, config, view=f"result:{quiz.id}")
            return None
        quiz_screen(quiz, config)
        if found is None:
            return f"quiz:{quiz.id}:start"
        attempt = found[1]
        question_id = showing(attempt)
        return f"quiz:{quiz.id}:{attempt.plan.question_ids.index(question_id)}:{question_id in attempt.graded}"
    attract(config, offer)
    return "attract"


def main() -> None:
    chrome()
    hidden_buttons()
    if st.query_params:
        st.query_params.clear()
    found = kiosk_state.setup()
    if found.config is None:
        setup_problem(found)
        return
    config = found.config
    view: str | None = "error"
    try:
        view = draw(kiosk_state.screen(), config, kiosk_state.current_offer(config))
    except Exception:  # a visitor never sees a traceback; the kiosk starts over by itself
        log.exception("kiosk screen %s failed", kiosk_state.screen())
        st.error("Something went wrong on this screen.", icon=":material/error:")
        start_over_button()
    if view is not None:
        idle = 0 if view == "attract" else config.idle_seconds
        watcher(view, idle=idle, warn=config.warning_seconds)


main()
