"""A date: a text box saying which precision is asked; the editor takes dates as teachers write them."""

from __future__ import annotations

import streamlit as st

from classroom.content.dates import describe_precision, parse_answer, parse_iso, spoken
from classroom.content.messages import DATE_FORMS
from classroom.kinds import QuestionView
from classroom.kinds.date import DateQuestion
from ui.shared.answers.base import Data, Slots, Widget
from ui.shared.safe import note


class DateWidget(Widget[DateQuestion]):
    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        wanted = describe_precision(view.precision or "year")
        st.text_input("Your answer (a date)", key=key, disabled=disabled)
        note(f"Write {wanted}.")  # visible all the time, not a placeholder that vanishes while typing

    def editor(self, question: DateQuestion, key: str, name: str) -> tuple[Data, Slots]:
        current = parse_iso(question.answer)
        typed = st.text_input(
            f"{name}: right answer (a date)",
            value=spoken(current) if current else question.answer,
            key=f"{key}:answer",
            help=f"Write {DATE_FORMS}. Students must give the date as precisely as you write it.",
            persist_state="session",
        )
        slots = {"answer": st.empty()}
        parsed = parse_answer(typed)
        if parsed:
            note(f"Saved as `{parsed.iso()}`: students must give {describe_precision(parsed.precision)}.")
        return {"answer": parsed.iso() if parsed else typed.strip()}, slots


WIDGET = DateWidget()
