"""The kiosk's quiz: a start screen, then one question at a time, the next step right under the verdict.

Answers are graded and saved exactly as in the classroom (``state.submit``); the
attempt is anonymous and filed under the kiosk's name and class. Widget keys carry a
random number of this visit, so no widget value can carry over to the next visitor.
"""

from __future__ import annotations

import secrets

import streamlit as st

from classroom.content.models import Quiz
from classroom.kiosk import KioskConfig
from classroom.quiz.attempts import Attempt, askable, student_view
from ui.kiosk import keypad
from ui.kiosk import state as kiosk_state
from ui.kiosk.attract import nav_button, start_over_button
from ui.kiosk.state import SHOWING_KEY, VISIT_KEY, Screen
from ui.shared import state
from ui.shared.questions import VERDICTS, answer_details, answer_input, pts, read_response, ready_to_submit
from ui.shared.safe import note, teacher_markdown


def _visit() -> str:
    """A random label for this visit's widgets (never the attempt id: that is a resume token)."""
    return st.session_state.setdefault(VISIT_KEY, secrets.token_hex(4))


def start_screen(quiz: Quiz, config: KioskConfig) -> None:
    row = st.columns(4, gap="small")
    with row[0]:
        nav_button("All quizzes", Screen("quizzes"), "kiosk-back", ":material/arrow_back:")
    with row[1]:
        start_over_button()
    st.title(quiz.title, anchor=False)
    pool = len(askable(quiz))
    count = min(quiz.draw or pool, pool)
    st.markdown(f"**{count} question{'s' if count != 1 else ''}**, one at a time. You pass with **{quiz.pass_mark}%**.")
    st.markdown("Once you submit an answer it is final, and you see at once whether it was right and why.")
    note("Nobody's name is saved: your answers help the teacher see which questions are hard.")
    if st.session_state.get(kiosk_state.START_FAILED_KEY):
        st.error("The quiz could not start just now. Please try again in a moment.", icon=":material/error:")
    st.button(
        "Start the quiz",
        key="kiosk-start-quiz",
        type="primary",
        icon=":material/play_arrow:",
        width="stretch",
        on_click=kiosk_state.start,
        args=(quiz, config),
    )


def _on_submit(
    quiz: Quiz, attempt_id: str, attempt: Attempt, question_id: str, key: str, confirmed: bool = False
) -> None:
    question = quiz.question(question_id)
    view = student_view(question, attempt.plan)
    response = read_response(view, key, keypad.WIDGETS.get(view.kind))
    if not ready_to_submit(question, key, response, confirmed):
        return
    if state.submit(quiz, attempt_id, attempt, question_id, response) is not None:
        st.session_state[SHOWING_KEY] = question_id


def _on_next(attempt: Attempt) -> None:
    st.session_state[SHOWING_KEY] = attempt.plan.question_ids[attempt.position]


def showing(attempt: Attempt) -> str:
    ids = attempt.plan.question_ids
    current = st.session_state.get(SHOWING_KEY)
    return current if current in ids else ids[min(attempt.position, len(ids) - 1)]


def question_screen(quiz: Quiz, attempt_id: str, attempt: Attempt) -> None:
    ids = attempt.plan.question_ids
    question_id = showing(attempt)
    index = ids.index(question_id)
    question = quiz.question(question_id)
    view = student_view(question, attempt.plan)

    top = st.columns([1, 3], gap="medium", vertical_alignment="center")
    with top[0]:
        start_over_button()
    with top[1]:
        st.progress(len(attempt.graded) / len(ids), text=f"{quiz.title} — question {index + 1} of {len(ids)}")
    st.header(view.ask, anchor=False)

    if question_id in attempt.graded:
        graded = attempt.graded[question_id]
        icon, words = VERDICTS[graded.verdict]
        box = {"correct": st.success, "partial": st.warning, "wrong": st.error, "blank": st.info}[graded.verdict]
        box(f"**{words}** — {pts(graded.points)} of {pts(graded.max)} point{'s' if graded.max != 1 else ''}", icon=icon)
        if attempt.finished:
            nav_button("See my result", Screen("result", quiz.id), "kiosk-see-result", ":material/leaderboard:", True)
        else:
            st.button(
                "Next question",
                key="kiosk-next-question",
                type="primary",
                icon=":material/arrow_forward:",
                width="stretch",
                on_click=_on_next,
                args=(attempt,),
            )
        answer_details(question, graded, attempt.responses.get(question_id))
        return

    if st.session_state.get("save_failed"):
        st.error("Your answer could not be saved. Please try again.", icon=":material/error:")
    if st.session_state.get("answer_refused"):
        st.error(f"This answer was not saved: {st.session_state['answer_refused']}", icon=":material/error:")
    key = kiosk_state.widget_key(_visit(), view.id)
    submit_args = (quiz, attempt_id, attempt, question_id, key)
    with st.container(key="kiosk-answer"):  # tighter rows (see ui/kiosk/idle.py) so long questions fit
        answer_input(view, key, _on_submit, keypad.WIDGETS.get(view.kind), args=submit_args, width="stretch")
    if view.hint:
        with st.expander("Show a hint", icon=":material/lightbulb:"):
            teacher_markdown(view.hint)


def quiz_screen(quiz: Quiz, config: KioskConfig) -> None:
    found = kiosk_state.attempt(quiz)
    if found is None:
        start_screen(quiz, config)
        return
    question_screen(quiz, *found)
