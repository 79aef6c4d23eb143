"""On-screen keys for a touch-only kiosk: a number pad, and a year / month / day picker for dates.

A kiosk has no keyboard, so a date or number question gets its own keys (each at least
44 px, see ui/kiosk/idle.py). What the keys build is the text a student would type ("26
December 1991", "3.5"), so it goes through the same check and grader as a typed answer.
"""

from __future__ import annotations

import calendar
from typing import Any

import streamlit as st

from classroom.content.dates import PRECISION_RANK, describe_precision
from classroom.kinds import QuestionView
from ui.shared.answers.base import Widget

KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]
MONTHS = list(calendar.month_name)[1:]
DAYS = list(range(1, 32))


def _press(field: str, key: str) -> None:
    st.session_state[field] = (st.session_state.get(field) or "") + key


def _delete(field: str) -> None:
    st.session_state[field] = (st.session_state.get(field) or "")[:-1]


def _clear(field: str) -> None:
    st.session_state[field] = ""


def number_pad(field: str, decimal: bool) -> None:
    """One row of keys that type into the text field ``field``: digits, a point, Delete and Clear."""
    with st.container(horizontal=True, gap="small", key=f"keypad-{field}"):
        for key in KEYS + (["."] if decimal else []):
            st.button(key, key=f"{field}:key:{key}", on_click=_press, args=(field, key))
        st.button("Delete", key=f"{field}:delete", icon=":material/backspace:", on_click=_delete, args=(field,))
        st.button("Clear", key=f"{field}:clear", on_click=_clear, args=(field,))


class NumberPad(Widget[Any]):
    in_form = False  # each key reruns the page to show what it typed

    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        st.text_input("Your answer (a number)", key=key, disabled=disabled)
        st.markdown("Tap the keys to write the number, for example 12 or 3.5.")  # kiosk type: no small print
        number_pad(key, decimal=True)

    def read(self, view: QuestionView, key: str) -> Any:
        return (st.session_state.get(key) or "").strip()


class DatePicker(Widget[Any]):
    """The year on the number pad, then the month and the day as far as the question asks."""

    in_form = False

    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        precision = view.precision or "year"
        st.markdown(f"Give {describe_precision(precision)}.")  # type: ignore[arg-type]
        if PRECISION_RANK[precision] >= PRECISION_RANK["day"]:
            st.selectbox("Day", DAYS, index=None, key=f"{key}:day", placeholder="Choose the day", disabled=disabled)
        if PRECISION_RANK[precision] >= PRECISION_RANK["month"]:
            st.pills("Month", MONTHS, key=f"{key}:month", disabled=disabled)
        st.text_input("Year", key=f"{key}:year", disabled=disabled)
        number_pad(f"{key}:year", decimal=False)

    def read(self, view: QuestionView, key: str) -> Any:
        """The date as a student would write it: "26 December 1991", "December 1991" or "1991"."""
        parts = [st.session_state.get(f"{key}:{part}") for part in ("day", "month", "year")]
        return " ".join(str(part).strip() for part in parts if part not in (None, "")).strip()


WIDGETS: dict[str, Widget[Any]] = {"number": NumberPad(), "date": DatePicker()}
