"""Quiz: a start screen, then one question at a time with instant, final feedback."""

from __future__ import annotations

import streamlit as st

from classroom.attempts import Attempt, askable, student_view
from classroom.models import Quiz
from ui import state
from ui.course import course
from ui.questions import FORM_INPUTS, order_input, show_verdict
from ui.safe import friendly_content_problem, teacher_markdown


def pick_quiz() -> None:
    st.title("Quizzes")
    for quiz in course().quizzes.values():
        st.page_link("ui/quiz.py", label=quiz.title, icon=":material/quiz:", query_params={"quiz": quiz.id})


def start_screen(quiz: Quiz) -> None:
    st.title(quiz.title)
    count = quiz.draw or len(askable(quiz))
    drawn = f", drawn from a pool of {len(askable(quiz))}" if quiz.draw else ""
    st.markdown(f"**{count} questions**{drawn}. You pass with **{quiz.pass_mark}%**.")
    st.markdown(
        "You see one question at a time. Once you submit an answer it is final, and you see at once "
        "whether it was right and why."
    )
    if st.button("Start the quiz", type="primary", icon=":material/play_arrow:"):
        state.start_attempt(quiz)
        st.rerun()


def _showing_key(quiz: Quiz) -> str:
    return f"showing:{quiz.id}"


@st.fragment
def question_panel(quiz: Quiz) -> None:
    """Only this part reruns while a question is answered."""
    attempt = state.attempt(quiz.id)
    if attempt is None:
        st.rerun()
        return
    total = len(attempt.plan.question_ids)
    showing = st.session_state.get(_showing_key(quiz))
    if showing not in attempt.plan.question_ids:
        showing = attempt.plan.question_ids[min(attempt.position, total - 1)]
    index = attempt.plan.question_ids.index(showing)
    st.progress(len(attempt.graded) / total, text=f"Question {index + 1} of {total}")
    question = quiz.question(showing)
    assert question is not None
    view = student_view(question, attempt.plan)
    st.subheader(view.ask, anchor=False)
    st.caption(f"{view.points} point{'s' if view.points != 1 else ''}")

    if showing in attempt.graded:
        show_verdict(question, attempt.graded[showing], attempt.responses.get(showing))
        _next_button(quiz, attempt)
        return

    if view.hint:
        with st.expander("Show a hint", icon=":material/lightbulb:"):
            teacher_markdown(view.hint)
    key = state.widget_key(quiz.id, view.id)
    if view.kind == "order":
        response = order_input(view, key)
        submitted = st.button("Submit answer", type="primary", key=f"{key}:submit")
    else:
        with st.form(key=f"{key}:form", border=False):
            response = FORM_INPUTS[view.kind](view, key)
            submitted = st.form_submit_button("Submit answer", type="primary")
    if submitted:
        attempt.submit(quiz, showing, response)
        st.session_state[_showing_key(quiz)] = showing
        st.rerun(scope="fragment")


def _next_button(quiz: Quiz, attempt: Attempt) -> None:
    if attempt.finished:
        if st.button("See my result", type="primary", icon=":material/leaderboard:"):
            st.session_state.pop(_showing_key(quiz), None)
            st.switch_page("ui/results.py", query_params={"quiz": quiz.id})
    elif st.button("Next question", type="primary", icon=":material/arrow_forward:"):
        st.session_state[_showing_key(quiz)] = attempt.plan.question_ids[attempt.position]
        st.rerun(scope="fragment")


def main() -> None:
    quiz_id = st.query_params.get("quiz")
    if not quiz_id:
        pick_quiz()
        return
    current = course()
    quiz = current.quizzes.get(quiz_id)
    if quiz is None:
        st.title("Quiz")
        friendly_content_problem("quiz")
        st.page_link("ui/home.py", label="Back to the course", icon=":material/home:")
        return
    state.remember(state.Place("quiz", quiz.id))
    if state.attempt(quiz.id) is None:
        start_screen(quiz)
        return
    st.title(quiz.title)
    question_panel(quiz)


main()
