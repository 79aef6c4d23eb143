"""Quiz: a start screen, then one question at a time with instant, final feedback.

Laid out for a phone first: a one-line header (the quiz title once, the progress), the question
in body size, the input and Submit; after submitting, the verdict and Next come first and the
longer feedback below them, so Submit and Next are on screen without scrolling at 390x844.
"""

from __future__ import annotations

import logging

import streamlit as st

from classroom.content.models import Quiz
from classroom.quiz.attempts import Attempt, askable, student_view
from ui import pages
from ui.shared import state
from ui.shared.course import course, student_quizzes
from ui.shared.questions import (
    answer_details,
    answer_input,
    progress_label,
    read_response,
    ready_to_submit,
    source_link,
    verdict_box,
)
from ui.shared.safe import friendly_content_problem, note, teacher_markdown
from ui.shared.style import action_link

log = logging.getLogger("classroom")


def pick_quiz() -> None:
    st.title("Quizzes")
    for quiz in student_quizzes().values():
        pages.link(pages.QUIZ, label=quiz.title, icon=":material/quiz:", query_params={"quiz": quiz.id})


def start_screen(quiz: Quiz) -> None:
    st.title(quiz.title)
    pool = len(askable(quiz))
    if pool == 0:
        st.info("This quiz has no questions yet.", icon=":material/hourglass_empty:")
        return
    count = min(quiz.draw or pool, pool)
    drawn = f", drawn from a pool of {pool}" if count < pool else ""
    st.markdown(f"**{count} question{'s' if count != 1 else ''}**{drawn}. You pass with **{quiz.pass_mark}%**.")
    st.markdown(
        "You see one question at a time. Once you submit an answer it is final, and you see at once "
        "whether it was right and why."
    )
    if state.student() is None:
        note("You are not signed in, so your answers are kept for this browser tab only.")
    if st.session_state.pop("start_failed", False):
        st.error("The quiz could not be started. Check the connection and try again.", icon=":material/error:")
    st.button("Start the quiz", type="primary", icon=":material/play_arrow:", on_click=_on_start, args=(quiz,))


def _on_start(quiz: Quiz) -> None:
    """A callback, so the run it triggers already shows the first question (no second run)."""
    try:
        attempt_id, _ = state.start_attempt(quiz)
    except Exception:  # the store is unreachable: say so on the start screen, never a traceback
        log.exception("could not start quiz %s", quiz.id)
        st.session_state["start_failed"] = True
        return
    st.query_params["attempt"] = attempt_id


def _showing_key(quiz: Quiz) -> str:
    return f"showing:{quiz.id}"


def _on_submit(quiz: Quiz, attempt_id: str, attempt: Attempt, question_id: str, confirmed: bool = False) -> None:
    question = quiz.question(question_id)
    view = student_view(question, attempt.plan)
    key = state.widget_key(quiz.id, question_id)
    response = read_response(view, key)
    if not ready_to_submit(question, key, response, confirmed):
        return
    if state.submit(quiz, attempt_id, attempt, question_id, response) is not None:
        st.session_state[_showing_key(quiz)] = question_id


def _on_next(quiz: Quiz, attempt: Attempt) -> None:
    st.session_state[_showing_key(quiz)] = attempt.plan.question_ids[attempt.position]


@st.fragment
def question_panel(quiz: Quiz, attempt_id: str, attempt: Attempt) -> None:
    """Only this part reruns while a question is answered."""
    try:
        _question(quiz, attempt_id, attempt)
    except Exception:  # never a traceback for a student; the answer already saved stays saved
        log.exception("quiz %s: question panel failed", quiz.id)
        st.error("Something went wrong showing this question. Your answers so far are saved; reload the page.")


def _question(quiz: Quiz, attempt_id: str, attempt: Attempt) -> None:
    ids = attempt.plan.question_ids
    showing = st.session_state.get(_showing_key(quiz))
    if showing not in ids:
        showing = ids[min(attempt.position, len(ids) - 1)]
    index = ids.index(showing)
    question = quiz.question(showing)
    view = student_view(question, attempt.plan)
    # Two elements, no containers: Streamlit's cost is per element, paid on every Submit and Next.
    st.progress(len(attempt.graded) / len(ids), text=progress_label(index, len(ids), view.points))
    st.subheader(view.ask, anchor=False)

    if showing in attempt.graded:
        graded = attempt.graded[showing]
        verdict_box(graded)
        if attempt.finished:
            action_link(
                pages.RESULTS,
                "See my result",
                ":material/leaderboard:",
                {"quiz": quiz.id, "attempt": attempt_id},
                key="see-result",
            )
        else:
            st.button(
                "Next question",
                type="primary",
                icon=":material/arrow_forward:",
                on_click=_on_next,
                args=(quiz, attempt),
            )
        answer_details(question, graded, attempt.responses.get(showing))  # the long part, below Next
        source_link(question)
        return

    if st.session_state.get("save_failed"):
        st.error("Your answer could not be saved. Check the connection and submit it again.", icon=":material/error:")
    if st.session_state.get("answer_refused"):
        st.error(f"This answer was not saved: {st.session_state['answer_refused']}", icon=":material/error:")
    key = state.widget_key(quiz.id, view.id)
    submit_args = (quiz, attempt_id, attempt, showing)
    answer_input(view, key, _on_submit, args=submit_args)
    if view.hint:
        with st.expander("Show a hint", icon=":material/lightbulb:"):
            teacher_markdown(view.hint)


def main() -> None:
    quiz_id = st.query_params.get("quiz")
    if not quiz_id:
        pick_quiz()
        return
    quiz = course().quizzes.get(quiz_id)
    if quiz is None:
        st.title("Quiz")
        friendly_content_problem("quiz")
        pages.link(pages.HOME, label="Back to the course", icon=":material/home:")
        return
    state.remember(state.Place("quiz", quiz.id))
    found = state.attempt(quiz)
    if found is None:
        start_screen(quiz)
        return
    with st.container(key="quiz-head"):  # outside the panel: drawn once, not again on every Submit and Next
        st.title(quiz.title, anchor=False)  # the page's one h1, drawn at body size by ui/shared/style.py
    question_panel(quiz, *found)


main()
