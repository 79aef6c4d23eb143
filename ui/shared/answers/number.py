"""A number: a number box that accepts decimals."""

from __future__ import annotations

import streamlit as st

from classroom.kinds import QuestionView
from classroom.kinds.number import NumberQuestion
from ui.shared.answers.base import Data, Slots, Widget
from ui.shared.safe import note


class NumberWidget(Widget[NumberQuestion]):
    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        st.number_input("Your answer (a number)", value=None, step=1.0, format="%g", key=key, disabled=disabled)
        note("Write the number in digits, for example 12 or 3.5.")

    def editor(self, question: NumberQuestion, key: str, name: str) -> tuple[Data, Slots]:
        typed = st.number_input(
            f"{name}: right answer (a number)",
            value=float(question.answer),
            format="%g",
            key=f"{key}:answer",
            persist_state="session",
        )
        return {"answer": float(typed)}, {"answer": st.empty()}


WIDGET = NumberWidget()
