"""Answer widgets, one per question kind, and the verdict shown after submitting.

Widgets receive a ``QuestionView`` only: the key of an unanswered question
never reaches the browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from classroom.content.dates import describe_precision
from classroom.content.models import Question, Quiz
from classroom.quiz.attempts import Attempt, QuestionView, describe_key, describe_response
from classroom.quiz.grading import Graded
from ui import pages
from ui.shared.safe import escape, teacher_markdown

VERDICTS = {  # icon and words: colour is never the only signal
    "correct": (":material/check_circle:", "Correct"),
    "partial": (":material/contrast:", "Partly right"),
    "wrong": (":material/cancel:", "Not right"),
    "blank": (":material/radio_button_unchecked:", "No answer"),
}


def pts(value: float) -> str:
    """Points for people: 0.33, not 0.3333."""
    return f"{round(value, 2):g}"


def _date(view: QuestionView, key: str) -> None:
    wanted = describe_precision(view.precision or "year")
    st.text_input("Your answer (a date)", key=key, placeholder=f"Write {wanted}", help=f"Write {wanted}.")


def _text(view: QuestionView, key: str) -> None:
    st.text_input("Your answer", key=key, placeholder="Type your answer")


def _choice(view: QuestionView, key: str) -> None:
    if view.several:
        st.markdown("**Pick every answer that applies.**")
        for index, option in enumerate(view.options):
            st.checkbox(option, key=f"{key}:{index}")
    else:
        st.radio("Pick one answer", view.options, index=None, key=key)


def _true_false(view: QuestionView, key: str) -> None:
    st.radio("True or false?", ["True", "False"], index=None, key=key, horizontal=True)


def _match(view: QuestionView, key: str) -> None:
    st.markdown("**Choose a match for each item.**")
    for index, prompt in enumerate(view.prompts):
        st.selectbox(prompt, view.options, index=None, key=f"{key}:{index}", placeholder="Choose a match")


def _number(view: QuestionView, key: str) -> None:
    st.number_input("Your answer (a number)", value=None, step=1.0, format="%g", key=key)


FORM_INPUTS: dict[str, Callable[[QuestionView, str], None]] = {
    "date": _date,
    "text": _text,
    "choice": _choice,
    "true_false": _true_false,
    "match": _match,
    "number": _number,
}


def read_response(view: QuestionView, key: str) -> Any:
    """The response as the widgets hold it (read in a callback, before the screen is drawn again)."""
    state = st.session_state
    if view.kind == "choice" and view.several:
        return [option for index, option in enumerate(view.options) if state.get(f"{key}:{index}")]
    if view.kind == "true_false":
        picked = state.get(key)
        return None if picked is None else picked == "True"
    if view.kind == "match":
        return {prompt: state.get(f"{key}:{index}") for index, prompt in enumerate(view.prompts)}
    if view.kind == "order":
        return list(state.get(key, view.options))
    return state.get(key)


def _move(key: str, index: int, step: int) -> None:
    current = st.session_state[key]
    current[index], current[index + step] = current[index + step], current[index]


def order_input(view: QuestionView, key: str) -> None:
    """Reorder with Up and Down buttons: keyboard and clicks, no dragging needed."""
    current: list[str] = st.session_state.setdefault(key, list(view.options))
    st.markdown("**Put the items in order, earliest first.** Use the Move up and Move down buttons.")
    for index, item in enumerate(current):
        text, up, down = st.columns([4, 2, 2], vertical_alignment="center")
        text.markdown(f"{index + 1}. {escape(item)}")
        # The label names the position shown beside the item, so a screen reader can tell the buttons apart.
        up.button(
            f"Move {index + 1} up",
            key=f"{key}:up:{index}",
            disabled=index == 0,
            icon=":material/arrow_upward:",
            on_click=_move,
            args=(key, index, -1),
        )
        down.button(
            f"Move {index + 1} down",
            key=f"{key}:down:{index}",
            disabled=index == len(current) - 1,
            icon=":material/arrow_downward:",
            on_click=_move,
            args=(key, index, 1),
        )


def show_verdict(question: Question, graded: Graded, response: Any) -> None:
    """The outcome of a submitted question: verdict, points, feedback, explanation, source."""
    icon, words = VERDICTS[graded.verdict]
    box = {"correct": st.success, "partial": st.warning, "wrong": st.error, "blank": st.info}[graded.verdict]
    box(f"**{words}** — {pts(graded.points)} of {pts(graded.max)} point{'s' if graded.max != 1 else ''}", icon=icon)
    answer_details(question, graded, response)
    source_link(question)


def answer_details(question: Question, graded: Graded, response: Any) -> None:
    """Under a verdict: the student's answer, the right one when it differs, feedback, explanation."""
    st.markdown(f"**Your answer:** {escape(describe_response(question, response))}")
    if graded.verdict != "correct":
        st.markdown(f"**Right answer:** {escape(describe_key(question))}")
    if graded.feedback:
        st.markdown(escape(graded.feedback))
    if question.explain:
        teacher_markdown(question.explain)


def source_link(question: Question) -> None:
    if question.source:
        lesson_id, _, passage_id = question.source.partition("#")
        st.page_link(
            pages.LESSON,
            label="Read where this comes from",
            icon=":material/menu_book:",
            query_params={"lesson": lesson_id, "passage": passage_id},
        )


def question_review(quiz: Quiz, attempt: Attempt) -> None:
    """Every question of a finished attempt: verdict, points, the answer given and, if missed, the key."""
    st.header("Question by question", anchor=False)
    for number, question_id in enumerate(attempt.plan.question_ids, start=1):
        question = quiz.question(question_id)
        graded = attempt.graded[question_id]
        icon, words = VERDICTS[graded.verdict]
        with st.container(border=True):
            st.markdown(f"**{number}. {question.ask}**")
            st.markdown(f"{icon} **{words}** — {pts(graded.points)} of {pts(graded.max)}")
            st.text(f"Your answer: {describe_response(question, attempt.responses.get(question_id))}")  # never Markdown
            if graded.verdict != "correct":
                st.text(f"Right answer: {describe_key(question)}")
