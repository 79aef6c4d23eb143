"""On-screen keys for a touch-only kiosk: a number pad, and a date picker (day, month, year or decade or century, era).

A kiosk has no keyboard, so a date or number question gets its own keys (each at least
44 px, see ui/kiosk/idle.py). What the keys build is the text a student would type ("26
December 1991", "44 BC", "the 3rd century BCE", "3.5"), so it goes through the same check
and grader as a typed answer: nothing is graded here.
"""

from __future__ import annotations

import calendar
import time
from typing import Any

import streamlit as st

from classroom.content.course_file import course_era
from classroom.content.dates import (
    PRECISION_RANK,
    Era,
    Precision,
    Unit,
    describe_precision,
    era_words,
    from_parts,
    spoken,
)
from classroom.kinds import QuestionView
from ui.shared import course as shared_course
from ui.shared.answers.base import Widget
from ui.shared.safe import escape

KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]
MONTHS = list(calendar.month_name)[1:]
DAYS = list(range(1, 32))


ECHO_S = 5.0  # how long a value the keys replaced may still come back from a browser that has not redrawn yet


def _keys(field: str) -> str:
    return f"{field}:keys"


def _written(field: str) -> str:
    return f"{field}:written"


def current(field: str) -> str:
    """What the field holds: the keys' last value, unless the student has since typed at a keyboard.

    A tap reruns the page, and a second tap can reach the server before the browser has drawn the
    first one's text: the browser then sends the field's older value with it. A value that the keys
    replaced a moment ago is that stale copy, not typing; anything else the field holds was typed.
    """
    state = st.session_state
    shown = str(state.get(field) or "")
    keys = state.get(_keys(field))
    if keys is None or shown == keys:
        return shown
    recent = time.monotonic() - ECHO_S
    if any(value == shown and when >= recent for value, when in state.get(_written(field), [])):
        return keys
    return shown


def _set(field: str, text: str) -> None:
    """A key's new text, for this run and the next ones (see :func:`current`)."""
    state = st.session_state
    now = time.monotonic()
    replaced = [(value, when) for value, when in state.get(_written(field), []) if when >= now - ECHO_S]
    replaced.append((current(field), now))
    replaced.append((str(state.get(field) or ""), now))
    state[_written(field)] = replaced
    state[_keys(field)] = text
    state[field] = text


def _press(field: str, key: str) -> None:
    _set(field, current(field) + key)


def _delete(field: str) -> None:
    _set(field, current(field)[:-1])


def _clear(field: str) -> None:
    _set(field, "")


def keyed_field(label: str, field: str, **options: Any) -> None:
    """The text field the keys write into, given its true value first (a stale copy never wins)."""
    text = current(field)
    if st.session_state.get(field) != text:
        st.session_state[field] = text
    st.session_state[_keys(field)] = text
    st.text_input(label, key=field, **options)


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
        keyed_field("Your answer (a number)", key, disabled=disabled)
        st.markdown("Tap the keys to write the number, for example 12 or 3.5.")  # kiosk type: no small print
        number_pad(key, decimal=True)

    def read(self, view: QuestionView, key: str) -> Any:
        return current(key).strip()


# What the number pad writes for each unit a date question may ask for, and how to say it on the screen.
NUMBER_LABELS = {"year": "Year", "decade": "Decade", "century": "Century"}
HOW = {
    "year": "",
    "decade": " Tap its first year, which ends in 0 (1960 for the 1960s), then the era.",
    "century": " Tap its number (3 for the 3rd century), then the era.",
}
CIRCA = "about (c.)"


def unit_of(precision: Precision) -> Unit:
    """What the number pad writes: a century's number, a decade's first year, or a year (for days and months too)."""
    return precision if precision in ("century", "decade") else "year"


def written(
    unit: Unit,
    digits: str,
    earlier: bool,
    era: Era,
    month: str | None = None,
    day: int | None = None,
    circa: bool = False,
) -> str:
    """The answer as a student would type it ("15 March 44 BC", "the 3rd century BCE", "the 1960s").

    Keys that name a date are written in the engine's own words (``spoken``, which its parser reads
    back); anything else is written as the keys hold it, so the engine's check says what is missing.
    """
    before, after = era_words(era)
    digits = digits.strip()
    if digits.isdigit():
        month_number = MONTHS.index(month) + 1 if month in MONTHS else None
        date = from_parts(unit, int(digits), earlier, month_number, day, circa)
        if date is not None:
            return spoken(date, era)
    number = {"century": f"{digits} century", "decade": f"{digits}s"}.get(unit, digits) if digits else ""
    parts = [str(day) if day else "", month or "", number, (before if earlier else after) if digits else ""]
    return " ".join(part for part in parts if part)


class DatePicker(Widget[Any]):
    """The number on the number pad and the era in the course's words; the month and day as far as asked.

    A century question gets the century's number, a decade question the decade's first year,
    every other date question a year (and a month, and a day). The era starts at the later one
    (AD or CE); a year may be marked "about" (c.), as a typed answer may.
    """

    in_form = False

    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        precision: Precision = view.precision or "year"  # type: ignore[assignment]
        unit = unit_of(precision)
        era = course_era(shared_course.CONTENT_ROOT)
        before, after = era_words(era)
        st.markdown(f"Give {describe_precision(precision, era)}.{HOW[unit]}")
        if PRECISION_RANK[precision] >= PRECISION_RANK["day"]:
            st.selectbox("Day", DAYS, index=None, key=f"{key}:day", placeholder="Choose the day", disabled=disabled)
        if PRECISION_RANK[precision] >= PRECISION_RANK["month"]:
            st.pills("Month", MONTHS, key=f"{key}:month", disabled=disabled)
        with st.container(horizontal=True, gap="medium", vertical_alignment="bottom", key=f"datepick-{key}"):
            keyed_field(NUMBER_LABELS[unit], f"{key}:{unit}", disabled=disabled, width=320)
            st.segmented_control(
                "Era", [before, after], default=after, required=True, key=f"{key}:era", disabled=disabled
            )
            if unit == "year" and precision == "year":
                st.pills("Roughly?", [CIRCA], key=f"{key}:circa", disabled=disabled)
        number_pad(f"{key}:{unit}", decimal=False)
        text = self.read(view, key)
        if text:
            st.markdown(f"Your answer: **{escape(text)}**")

    def read(self, view: QuestionView, key: str) -> Any:
        """The date as a student would write it: "26 December 1991", "44 BC", "the 3rd century BCE", "the 1960s"."""
        unit = unit_of(view.precision or "year")  # type: ignore[arg-type]
        era = course_era(shared_course.CONTENT_ROOT)
        before, _ = era_words(era)
        state = st.session_state
        return written(
            unit,
            current(f"{key}:{unit}"),
            earlier=state.get(f"{key}:era") == before,
            era=era,
            month=state.get(f"{key}:month"),
            day=state.get(f"{key}:day"),
            circa=state.get(f"{key}:circa") == CIRCA,
        )


WIDGETS: dict[str, Widget[Any]] = {"number": NumberPad(), "date": DatePicker()}
