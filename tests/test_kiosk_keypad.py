"""What the kiosk's date keys write: the text a student would type, read back by the engine as the date meant.

Each expected date is written the way a teacher writes it in content ("3rd century BC",
"the 40s BCE") and read with ``parse_date``; the keys' text is read with ``parse_answer``,
as a typed answer is. Keys that name no date write text the engine refuses, so its check
(not the screen) says what is missing.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from classroom.content.dates import parse_answer, parse_date
from ui.kiosk import keypad
from ui.kiosk.keypad import MONTHS, unit_of, written


@pytest.mark.parametrize(
    ("keys", "typed", "content"),
    [
        (("year", "44", True, "BC/AD"), "44 BC", "44 BC"),
        (("year", "44", True, "BCE/CE"), "44 BCE", "44 BC"),
        (("year", "79", False, "BCE/CE"), "79 CE", "AD 79"),
        (("year", "9", False, "BC/AD"), "AD 9", "9 CE"),
        (("year", "1991", False, "BC/AD"), "1991", "1991"),
        (("year", "1200", True, "BC/AD"), "1200 BC", "1200 BC"),
        (("year", "122", False, "BCE/CE", None, None, True), "c. 122 CE", "c. 122"),
        (("year", "44", True, "BCE/CE", "March", 15), "15 March 44 BCE", "15 March 44 BC"),
        (("year", "1777", False, "BC/AD", "July", 17), "17 July 1777", "1777-07-17"),
        (("year", "1954", False, "BC/AD", "May"), "May 1954", "1954-05"),
        (("century", "3", True, "BCE/CE"), "the 3rd century BCE", "3rd century BC"),
        (("century", "5", False, "BCE/CE"), "the 5th century CE", "5th century"),
        (("century", "1", True, "BC/AD"), "the 1st century BC", "1st century BC"),
        (("century", "12", False, "BC/AD"), "the 12th century", "12th century"),
        (("century", "21", False, "BC/AD"), "the 21st century", "21st century"),
        (("decade", "40", True, "BCE/CE"), "the 40s BCE", "the 40s BC"),
        (("decade", "1960", False, "BC/AD"), "the 1960s", "the 1960s"),
        (("decade", "60", False, "BC/AD"), "the 60s AD", "the 60s AD"),
    ],
)
def test_keys_write_what_a_student_would_type(keys, typed, content):
    assert written(*keys) == typed
    assert parse_answer(typed) == parse_date(content)


@pytest.mark.parametrize(
    ("keys", "typed"),
    [
        (("year", "", False, "BC/AD", "July"), "July"),  # no year yet
        (("year", "0", True, "BC/AD"), "0 BC"),  # there is no year 0
        (("year", "1991", False, "BC/AD", "February", 30), "30 February 1991 AD"),  # no such day
        (("year", "1991", False, "BC/AD", None, 17), "17 1991 AD"),  # a day without its month
        (("decade", "45", True, "BCE/CE"), "45s BCE"),  # a decade starts at a year ending in 0
        (("century", "0", False, "BC/AD"), "0 century AD"),
        (("year", "99999", False, "BC/AD"), "99999 AD"),  # beyond AD 9999
    ],
)
def test_keys_that_name_no_date_write_text_the_engine_refuses(keys, typed):
    assert written(*keys) == typed
    assert parse_answer(typed) is None


def test_no_keys_write_nothing():
    assert written("year", "", False, "BC/AD") == ""
    assert written("century", "", True, "BCE/CE") == ""


@pytest.mark.parametrize(
    ("precision", "unit"),
    [("day", "year"), ("month", "year"), ("year", "year"), ("decade", "decade"), ("century", "century")],
)
def test_the_number_pad_writes_the_unit_asked_for(precision, unit):
    assert unit_of(precision) == unit


@given(
    year=st.integers(min_value=1, max_value=3000),
    earlier=st.booleans(),
    era=st.sampled_from(["BC/AD", "BCE/CE"]),
    month=st.sampled_from([None, *MONTHS]),
    day=st.integers(min_value=1, max_value=28),
)
def test_every_year_month_and_day_reads_back_as_picked(year, earlier, era, month, day):
    text = written("year", str(year), earlier, era, month, day if month else None)
    found = parse_answer(text)
    assert found is not None, text
    assert found.year == (1 - year if earlier else year)  # astronomical: 1 BC is year 0
    assert found.month == (MONTHS.index(month) + 1 if month else None)
    assert found.day == (day if month else None)


@given(number=st.integers(min_value=1, max_value=30), earlier=st.booleans(), era=st.sampled_from(["BC/AD", "BCE/CE"]))
def test_every_century_reads_back_as_picked(number, earlier, era):
    text = written("century", str(number), earlier, era)
    mark = "BC" if earlier else "AD"
    assert parse_answer(text) == parse_date(
        f"{number}{'th' if 4 <= number <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')} century {mark}"
    ), text


@given(tens=st.integers(min_value=1, max_value=299), earlier=st.booleans(), era=st.sampled_from(["BC/AD", "BCE/CE"]))
def test_every_decade_reads_back_as_picked(tens, earlier, era):
    text = written("decade", str(tens * 10), earlier, era)
    assert parse_answer(text) == parse_date(f"the {tens * 10}s {'BC' if earlier else 'AD'}"), text


# ---------------------------------------------------------------- taps faster than the page redraws


@pytest.fixture
def session(monkeypatch: pytest.MonkeyPatch) -> dict:
    """The keys' callbacks run against a plain dict standing for Streamlit's session state."""
    state: dict = {}
    monkeypatch.setattr(keypad.st, "session_state", state)
    return state


def test_a_tap_that_arrives_with_the_fields_older_value_keeps_every_key(session: dict) -> None:
    keypad._press("answer", "5")
    session["answer"] = ""  # the browser had not yet drawn "5" when the next tap left it
    keypad._press("answer", "0")
    session["answer"] = "5"  # one redraw behind again
    keypad._press("answer", "9")
    assert session["answer"] == "509"
    assert keypad.current("answer") == "509"


def test_a_stale_copy_sent_with_submit_is_not_what_is_graded(session: dict) -> None:
    for key in "1949":
        keypad._press("answer", key)
    session["answer"] = "194"  # the submit tap carries the field as the browser last drew it
    assert keypad.current("answer") == "1949"


def test_delete_and_clear_work_on_the_keys_value_not_on_a_stale_copy(session: dict) -> None:
    for key in "1949":
        keypad._press("answer", key)
    session["answer"] = "19"
    keypad._delete("answer")
    assert session["answer"] == "194"
    keypad._clear("answer")
    session["answer"] = "194"
    assert keypad.current("answer") == ""


def test_typing_at_a_keyboard_replaces_what_the_keys_wrote(session: dict) -> None:
    for key in "1949":
        keypad._press("answer", key)
    session["answer"] = "1812"  # never written by the keys: typed
    assert keypad.current("answer") == "1812"
    keypad._press("answer", "0")
    assert session["answer"] == "18120"


def test_an_old_value_coming_back_later_is_typing_not_a_stale_copy(session: dict, monkeypatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(keypad.time, "monotonic", lambda: clock[0])
    keypad._press("answer", "1")
    keypad._press("answer", "2")
    clock[0] += keypad.ECHO_S + 1  # long after the tap: the browser has drawn "12" and the student typed "1"
    session["answer"] = "1"
    assert keypad.current("answer") == "1"
