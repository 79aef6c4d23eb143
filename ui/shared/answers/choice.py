"""Multiple choice: radio buttons for one answer, checkboxes for pick-all-that-apply."""

from __future__ import annotations

from typing import Any

import streamlit as st

from classroom.kinds import QuestionView
from classroom.kinds.choice import ChoiceQuestion
from ui.shared.answers.base import Data, Slots, Widget


class ChoiceWidget(Widget[ChoiceQuestion]):
    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        if view.several:
            st.markdown("**Pick every answer that applies.**")
            for index, option in enumerate(view.options):
                st.checkbox(option, key=f"{key}:{index}", disabled=disabled)
        else:
            st.radio("Pick one answer", view.options, index=None, key=key, disabled=disabled)

    def read(self, view: QuestionView, key: str) -> Any:
        if view.several:
            return [option for index, option in enumerate(view.options) if st.session_state.get(f"{key}:{index}")]
        return st.session_state.get(key)

    def editor(self, question: ChoiceQuestion, key: str, name: str) -> tuple[Data, Slots]:
        st.markdown(f"**{name}: options.** Tick every right answer; clear an option's text to remove it.")
        options, correct = [], []
        for index, option in enumerate(question.options, start=1):
            text_col, right_col = st.columns([3, 1], vertical_alignment="bottom")
            with text_col:
                typed = st.text_input(
                    f"{name}: option {index}", value=option, key=f"{key}:option:{index}", persist_state="session"
                )
            with right_col:
                right = st.checkbox(
                    f"Option {index} is right",
                    value=option in question.correct,
                    key=f"{key}:right:{index}",
                    persist_state="session",
                )
            if typed.strip():
                options.append(typed.strip())
                if right:
                    correct.append(typed.strip())
        slot = st.empty()
        return {"options": options, "correct": correct}, {"options": slot, "correct": slot}


WIDGET = ChoiceWidget()
