"""Historical dates: the content form (ISO, three precisions) and the forms students type."""

from __future__ import annotations

import pytest

from classroom.content.dates import HistDate, describe_precision, parse_answer, parse_iso

# ---------------------------------------------------------------- parse_iso


def test_parse_iso_accepts_a_year():
    assert parse_iso("1991") == HistDate(1991)


def test_parse_iso_accepts_a_month():
    assert parse_iso("1991-12") == HistDate(1991, 12)


def test_parse_iso_accepts_a_day():
    assert parse_iso("1991-12-26") == HistDate(1991, 12, 26)


def test_parse_iso_ignores_surrounding_white_space():
    assert parse_iso("  1991-12 ") == HistDate(1991, 12)


def test_parse_iso_accepts_a_leap_day():
    assert parse_iso("1992-02-29") == HistDate(1992, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "1991-13",  # no month 13
        "1991-00",  # no month 0
        "1991-02-30",  # February has no 30th
        "1991-02-29",  # 1991 is not a leap year
        "1991-12-32",
        "0000",  # there is no year 0
        "91",  # two-digit year
        "1991/12",  # wrong separator
        "1991-1-5",  # month and day need two digits
        "December 1991",  # student form, not content form
        "",
    ],
)
def test_parse_iso_rejects_what_is_not_an_iso_date(text):
    assert parse_iso(text) is None


# ---------------------------------------------------------------- parse_answer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1991", HistDate(1991)),
        ("1991-12", HistDate(1991, 12)),
        ("1991-12-26", HistDate(1991, 12, 26)),
        ("December 1991", HistDate(1991, 12)),
        ("december 1991", HistDate(1991, 12)),
        ("Dec 1991", HistDate(1991, 12)),
        ("Sept 1991", HistDate(1991, 9)),
        ("12/1991", HistDate(1991, 12)),
        ("26 December 1991", HistDate(1991, 12, 26)),
        ("Dec 26, 1991", HistDate(1991, 12, 26)),
        ("Dec. 26 1991", HistDate(1991, 12, 26)),
        ("December 26,1991", HistDate(1991, 12, 26)),
        ("26th of December 1991", HistDate(1991, 12, 26)),
        ("1st January 1992", HistDate(1992, 1, 1)),
        ("  26   December   1991  ", HistDate(1991, 12, 26)),
    ],
)
def test_parse_answer_reads_the_forms_students_type(text, expected):
    assert parse_answer(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "sometime in the nineties",
        "December",  # no year
        "26 December",  # no year
        "Smarch 1991",  # not a month
        "13/1991",  # no month 13
        "30 February 1991",  # no such day
        "32 December 1991",
        "1991/12",
        "91",
        "the 1990s",
    ],
)
def test_parse_answer_rejects_garbage(text):
    assert parse_answer(text) is None


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("1991", "year"),
        ("1991-12", "month"),
        ("December 1991", "month"),
        ("12/1991", "month"),
        ("1991-12-26", "day"),
        ("26 December 1991", "day"),
        ("Dec 26, 1991", "day"),
        ("26th of December 1991", "day"),
    ],
)
def test_parsed_dates_have_the_precision_of_their_form(text, precision):
    assert parse_answer(text).precision == precision


def test_iso_round_trips_with_zero_padding():
    assert HistDate(999).iso() == "0999"
    assert HistDate(1991, 2).iso() == "1991-02"
    assert HistDate(1991, 2, 3).iso() == "1991-02-03"
    assert parse_iso(HistDate(1054, 7, 4).iso()) == HistDate(1054, 7, 4)


# ---------------------------------------------------------------- distance


def test_distance_in_years():
    assert HistDate(1991).distance(HistDate(1995), "year") == 4


def test_distance_is_symmetric():
    assert HistDate(1995).distance(HistDate(1991), "year") == 4


def test_distance_in_years_ignores_months_and_days():
    assert HistDate(1991, 1, 1).distance(HistDate(1991, 12, 31), "year") == 0


def test_distance_in_years_across_new_year_is_one():
    assert HistDate(1991, 12, 31).distance(HistDate(1992, 1, 1), "year") == 1


def test_distance_in_months():
    assert HistDate(1991, 3).distance(HistDate(1991, 12), "month") == 9


def test_distance_in_months_across_a_year_boundary():
    assert HistDate(1991, 12).distance(HistDate(1992, 1), "month") == 1


def test_distance_in_months_ignores_days():
    assert HistDate(1991, 12, 1).distance(HistDate(1991, 12, 31), "month") == 0


def test_distance_in_days():
    assert HistDate(1991, 12, 8).distance(HistDate(1991, 12, 26), "day") == 18


def test_distance_in_days_across_a_year_boundary():
    assert HistDate(1991, 12, 31).distance(HistDate(1992, 1, 1), "day") == 1


def test_distance_in_days_counts_a_leap_day():
    assert HistDate(1992, 2, 28).distance(HistDate(1992, 3, 1), "day") == 2
    assert HistDate(1991, 2, 28).distance(HistDate(1991, 3, 1), "day") == 1


# ---------------------------------------------------------------- before 1970


def test_dates_before_1970_parse():
    assert parse_iso("1949-04-04") == HistDate(1949, 4, 4)
    assert parse_answer("4 April 1949") == HistDate(1949, 4, 4)


def test_day_distance_before_1970():
    assert parse_iso("1949-04-04").distance(parse_iso("1949-04-24"), "day") == 20


def test_day_distance_across_1970():
    assert HistDate(1969, 12, 31).distance(HistDate(1970, 1, 1), "day") == 1


def test_medieval_year_parses():
    assert parse_iso("1054") == HistDate(1054)
    assert parse_answer("1054") == HistDate(1054)
    assert parse_answer("July 1054") == HistDate(1054, 7)


def test_medieval_distances():
    assert parse_iso("1054").distance(parse_iso("1991"), "year") == 937
    assert HistDate(1054, 7, 4).distance(HistDate(1054, 7, 20), "day") == 16


# ---------------------------------------------------------------- describe_precision


@pytest.mark.parametrize(
    ("precision", "words"),
    [("year", "a year"), ("month", "a month and a year"), ("day", "a full date")],
)
def test_describe_precision_names_what_is_asked(precision, words):
    assert describe_precision(precision).startswith(words + " (for example")
