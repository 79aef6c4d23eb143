"""Answer widgets, one per question kind, and the verdict shown after submitting.

Widgets receive a ``QuestionView`` only: the key of an unanswered question
never reaches the browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from classroom.attempts import QuestionView, describe_key, describe_response
from classroom.dates import describe_precision
from classroom.grading import Graded
from classroom.models import Question
from ui.safe import escape, teacher_markdown

VERDICTS = {  # icon and words: colour is never the only signal
    "correct": (":material/check_circle:", "Correct"),
    "partial": (":material/contrast:", "Partly right"),
    "wrong": (":material/cancel:", "Not right"),
    "blank": (":material/radio_button_unchecked:", "No answer"),
}


def _date(view: QuestionView, key: str) -> Any:
    wanted = describe_precision(view.precision or "year")
    return st.text_input("Your answer (a date)", key=key, placeholder=f"Write {wanted}", help=f"Write {wanted}.")


def _text(view: QuestionView, key: str) -> Any:
    return st.text_input("Your answer", key=key, placeholder="Type your answer")


def _choice(view: QuestionView, key: str) -> Any:
    if view.several:
        st.markdown("**Pick every answer that applies.**")
        return [option for index, option in enumerate(view.options) if st.checkbox(option, key=f"{key}:{index}")]
    return st.radio("Pick one answer", view.options, index=None, key=key)


def _true_false(view: QuestionView, key: str) -> Any:
    picked = st.radio("True or false?", ["True", "False"], index=None, key=key, horizontal=True)
    return None if picked is None else picked == "True"


def _match(view: QuestionView, key: str) -> Any:
    st.markdown("**Choose a match for each item.**")
    return {
        prompt: st.selectbox(prompt, view.options, index=None, key=f"{key}:{index}", placeholder="Choose a match")
        for index, prompt in enumerate(view.prompts)
    }


def _number(view: QuestionView, key: str) -> Any:
    return st.number_input("Your answer (a number)", value=None, step=1.0, format="%g", key=key)


FORM_INPUTS: dict[str, Callable[[QuestionView, str], Any]] = {
    "date": _date,
    "text": _text,
    "choice": _choice,
    "true_false": _true_false,
    "match": _match,
    "number": _number,
}


def order_input(view: QuestionView, key: str) -> list[str]:
    """Reorder with buttons (keyboard and clicks; no dragging needed). Returns the current order."""
    current: list[str] = st.session_state.setdefault(key, list(view.options))
    st.markdown("**Put the items in order, earliest first.** Use the Up and Down buttons.")
    for index, item in enumerate(current):
        text, up, down = st.columns([6, 1, 1], vertical_alignment="center")
        text.markdown(f"{index + 1}. {escape(item)}")
        if up.button(
            "Up", key=f"{key}:up:{index}", disabled=index == 0, help=f"Move “{item}” up", icon=":material/arrow_upward:"
        ):
            current[index - 1], current[index] = current[index], current[index - 1]
            st.rerun(scope="fragment")
        if down.button(
            "Down",
            key=f"{key}:down:{index}",
            disabled=index == len(current) - 1,
            help=f"Move “{item}” down",
            icon=":material/arrow_downward:",
        ):
            current[index + 1], current[index] = current[index], current[index + 1]
            st.rerun(scope="fragment")
    return list(current)


def show_verdict(question: Question, graded: Graded, response: Any) -> None:
    """The outcome of a submitted question: verdict, points, feedback, explanation, source."""
    icon, words = VERDICTS[graded.verdict]
    box = {"correct": st.success, "partial": st.warning, "wrong": st.error, "blank": st.info}[graded.verdict]
    box(f"**{words}** — {graded.points:g} of {graded.max:g} point{'s' if graded.max != 1 else ''}", icon=icon)
    st.markdown(f"**Your answer:** {escape(describe_response(question, response))}")
    if graded.verdict != "correct":
        st.markdown(f"**Right answer:** {escape(describe_key(question))}")
    if graded.feedback:
        st.markdown(escape(graded.feedback))
    if question.explain:
        teacher_markdown(question.explain)
    source_link(question)


def source_link(question: Question) -> None:
    if question.source:
        lesson_id, _, passage_id = question.source.partition("#")
        st.page_link(
            "ui/lesson.py",
            label="Read where this comes from",
            icon=":material/menu_book:",
            query_params={"lesson": lesson_id, "passage": passage_id},
        )
