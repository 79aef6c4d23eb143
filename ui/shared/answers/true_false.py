"""True or false: two radio buttons side by side."""

from __future__ import annotations

from typing import Any

import streamlit as st

from classroom.kinds import QuestionView
from classroom.kinds.true_false import TrueFalseQuestion
from ui.shared.answers.base import Data, Slots, Widget


class TrueFalseWidget(Widget[TrueFalseQuestion]):
    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        st.radio("True or false?", ["True", "False"], index=None, key=key, horizontal=True, disabled=disabled)

    def read(self, view: QuestionView, key: str) -> Any:
        picked = st.session_state.get(key)
        return None if picked is None else picked == "True"

    def editor(self, question: TrueFalseQuestion, key: str, name: str) -> tuple[Data, Slots]:
        picked = st.radio(
            f"{name}: right answer",
            ["True", "False"],
            index=0 if question.answer else 1,
            key=f"{key}:answer",
            horizontal=True,
            persist_state="session",
        )
        return {"answer": picked == "True"}, {"answer": st.empty()}


WIDGET = TrueFalseWidget()
