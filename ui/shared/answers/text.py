"""A written answer: one text box; the editor lists the accepted answers one per line."""

from __future__ import annotations

import streamlit as st

from classroom.kinds import QuestionView
from classroom.kinds.text import TextQuestion
from classroom.limits import MAX_TEXT_ANSWER_CHARS
from ui.shared.answers.base import Data, Slots, Widget, lines


class TextWidget(Widget[TextQuestion]):
    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        st.text_input(
            "Your answer",
            key=key,
            placeholder="Type your answer",
            max_chars=MAX_TEXT_ANSWER_CHARS,  # the engine refuses longer answers; the box stops the typing first
            disabled=disabled,
        )

    def editor(self, question: TextQuestion, key: str, name: str) -> tuple[Data, Slots]:
        typed = st.text_area(
            f"{name}: accepted answers, one per line",
            value="\n".join(question.accept),
            key=f"{key}:accept",
            help="An answer counts when it matches any line; small typos are forgiven.",
            persist_state="session",
        )
        return {"accept": lines(typed)}, {"accept": st.empty()}


WIDGET = TextWidget()
