"""A question's input with its Submit button, and the verdict shown after submitting.

Each kind's input is in ``ui/shared/answers/``; it receives a ``QuestionView`` only,
so the key of an unanswered question never reaches the browser.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from classroom.content.models import Question, Quiz
from classroom.kinds import QuestionView
from classroom.quiz import answering
from classroom.quiz.attempts import Attempt, describe_key, describe_response
from classroom.quiz.grading import Graded
from ui import pages
from ui.shared.answers import WIDGETS
from ui.shared.answers.base import Widget
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


def progress_label(index: int, count: int, points: float) -> str:
    """ "Question 3 of 8 · 2 points": where the student is and what this question is worth, on one line."""
    return f"Question {index + 1} of {count} · {pts(points)} point{'s' if points != 1 else ''}"


def answer_input(
    view: QuestionView,
    key: str,
    submit: Callable[..., None] | None = None,
    widget: Widget[Any] | None = None,
    **submit_args: Any,
) -> None:
    """The question's input and its Submit button (in a form, unless the input reruns the page itself).

    Enter in a text box never submits (``enter_to_submit=False``): only the Submit button makes an
    answer final, so a half-typed answer is never sent by accident. An answer the engine held back
    (:func:`ready_to_submit`) is explained right above the button; a blank one asks for confirmation.
    ``widget`` replaces the kind's usual input (the kiosk's on-screen keys).
    """
    widget = widget or WIDGETS[view.kind]
    button_args = {"type": "primary", "on_click": submit, **submit_args}
    held = st.session_state.get(_held_key(key))
    if not widget.in_form:
        widget.answer(view, key)
        _unreadable(held)
        st.button("Submit answer", key=f"{key}:submit", **button_args)
    else:
        with st.form(key=f"{key}:form", border=False, enter_to_submit=False):
            widget.answer(view, key)
            _unreadable(held)
            st.form_submit_button("Submit answer", **button_args)
    if held is not None and held.reason == "empty":
        confirm_empty(key, button_args)


def _held_key(key: str) -> str:
    return f"{key}:held"


def _unreadable(held: answering.Held | None) -> None:
    if held is not None and held.reason == "unreadable":
        st.warning(held.message, icon=":material/edit_note:")


def confirm_empty(key: str, button_args: dict[str, Any]) -> None:
    """ "Submit an empty answer?": the blank answer becomes final only on a second, explicit choice."""
    confirm_args = {**button_args, "type": "secondary", "kwargs": {"confirmed": True}, "width": "content"}
    # One row (wrapping on a phone), so the question grows by as little as possible.
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key=f"confirm-{key}"):
        st.warning(answering.EMPTY_MESSAGE, icon=":material/help:", width="stretch")
        st.button("Submit it empty", key=f"{key}:confirm-empty", **confirm_args)


def clear_held(key: str) -> None:
    st.session_state.pop(_held_key(key), None)


def ready_to_submit(question: Question, key: str, response: Any, confirmed: bool = False) -> bool:
    """In a Submit callback: True when the answer may become final; otherwise keep why, for the screen.

    The engine decides (``answering.check``): a blank answer needs ``confirmed``; an answer the grader
    cannot read (a date or number in the wrong form) is never submitted, and the question stays open.
    """
    held = answering.check(question, response)
    if held is None or (confirmed and held.reason == "empty"):
        clear_held(key)
        return True
    st.session_state[_held_key(key)] = held
    return False


def read_response(view: QuestionView, key: str, widget: Widget[Any] | None = None) -> Any:
    """The response as the widgets hold it (read in a callback, before the screen is drawn again)."""
    return (widget or WIDGETS[view.kind]).read(view, key)


def verdict_box(graded: Graded) -> None:
    """The short outcome line: verdict in words and icon, and the points."""
    icon, words = VERDICTS[graded.verdict]
    box = {"correct": st.success, "partial": st.warning, "wrong": st.error, "blank": st.info}[graded.verdict]
    box(f"**{words}** — {pts(graded.points)} of {pts(graded.max)} point{'s' if graded.max != 1 else ''}", icon=icon)


def show_verdict(question: Question, graded: Graded, response: Any) -> None:
    """The outcome of a submitted question: verdict, points, feedback, explanation, source."""
    verdict_box(graded)
    answer_details(question, graded, response)
    source_link(question)


def answer_details(question: Question, graded: Graded, response: Any) -> None:
    """Under a verdict: the student's answer, the right one when it differs, feedback, explanation."""
    parts = [f"**Your answer:** {escape(describe_response(question, response))}"]
    if graded.verdict != "correct":
        parts.append(f"**Right answer:** {escape(describe_key(question))}")
    if graded.feedback:
        parts.append(escape(graded.feedback))
    if question.explain:
        parts.append(question.explain)  # teacher text: Markdown, raw HTML shown as text (see teacher_markdown)
    teacher_markdown("\n\n".join(parts))  # one element: Streamlit's cost is per element, paid on every submit


def source_link(question: Question) -> None:
    if question.source:
        lesson_id, _, passage_id = question.source.partition("#")
        pages.link(
            pages.LESSON,
            label="Read where this comes from",
            icon=":material/menu_book:",
            query_params={"lesson": lesson_id, "passage": passage_id, "from": "question"},
        )


REVIEW_RULE = "\n\n---\n\n"  # between two questions of the result review


def question_review(quiz: Quiz, attempt: Attempt) -> None:
    """Every question of a finished attempt: verdict, points, the answer given and, if missed, the key."""
    st.header("Question by question", anchor=False)
    cards = []
    for number, question_id in enumerate(attempt.plan.question_ids, start=1):
        question = quiz.question(question_id)
        graded = attempt.graded[question_id]
        icon, words = VERDICTS[graded.verdict]
        lines = [
            f"**{number}. {question.ask}**",
            f"{icon} **{words}** — {pts(graded.points)} of {pts(graded.max)}",
            f"Your answer: {escape(describe_response(question, attempt.responses.get(question_id)))}",  # as typed
        ]
        if graded.verdict != "correct":
            lines.append(f"Right answer: {escape(describe_key(question))}")
        cards.append("\n\n".join(lines))
    # One Markdown element for the whole review, a rule between questions: Streamlit's cost is per element,
    # and a class reaches this page together.
    st.markdown(REVIEW_RULE.join(cards))
