"""Matching: a drop-down of matches beside each item."""

from __future__ import annotations

from typing import Any

import streamlit as st

from classroom.kinds import QuestionView
from classroom.kinds.match import MatchQuestion
from classroom.quiz.attempts import describe_key
from ui.shared.answers.base import Data, Slots, Widget
from ui.shared.safe import escape


class MatchWidget(Widget[MatchQuestion]):
    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        st.markdown("**Choose a match for each item.**")
        for index, prompt in enumerate(view.prompts):
            st.selectbox(
                prompt, view.options, index=None, key=f"{key}:{index}", placeholder="Choose a match", disabled=disabled
            )

    def read(self, view: QuestionView, key: str) -> Any:
        return {prompt: st.session_state.get(f"{key}:{index}") for index, prompt in enumerate(view.prompts)}

    def editor(self, question: MatchQuestion, key: str, name: str) -> tuple[Data, Slots]:
        st.markdown(f"**{name}: pairs** (edit them in the file): {escape(describe_key(question))}")
        return {}, {}


WIDGET = MatchWidget()
