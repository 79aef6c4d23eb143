"""A date: a text box saying which precision is asked; the editor takes dates as teachers write them."""

from __future__ import annotations

import streamlit as st

from classroom.content.dates import HistDate, describe_precision, parse_date, spoken
from classroom.content.messages import DATE_FORMS
from classroom.kinds import QuestionView
from classroom.kinds.date import DateQuestion
from classroom.limits import MAX_DATE_ANSWER_CHARS
from ui.shared.answers.base import Data, Slots, Widget
from ui.shared.safe import note


class DateWidget(Widget[DateQuestion]):
    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        wanted = describe_precision(view.precision or "year")
        st.text_input("Your answer (a date)", key=key, max_chars=MAX_DATE_ANSWER_CHARS, disabled=disabled)
        note(f"Write {wanted}.")  # visible all the time, not a placeholder that vanishes while typing

    def editor(self, question: DateQuestion, key: str, name: str) -> tuple[Data, Slots]:
        current = parse_date(question.answer)
        typed = st.text_input(
            f"{name}: right answer (a date)",
            value=spoken(current) if current else question.answer,
            key=f"{key}:answer",
            help=f"Write {DATE_FORMS}. Students must give the date as precisely as you write it.",
            persist_state="session",
        )
        slots = {"answer": st.empty()}
        parsed = parse_date(typed)
        if parsed:
            note(f"Saved as `{_stored(parsed)}`: students must give {describe_precision(parsed.precision)}.")
        return {"answer": _stored(parsed) if parsed else typed.strip()}, slots


def _stored(date: HistDate) -> str:
    """ISO for a plain day, month or year; the written words (which read back the same) for the other forms."""
    plain = date.unit == "year" and not date.circa and date.dual is None and date.calendar is None
    return date.iso() if plain else spoken(date)


WIDGET = DateWidget()
