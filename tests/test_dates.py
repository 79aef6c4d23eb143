"""Historical dates: the content form (ISO, three precisions) and the forms students type."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from classroom.content.dates import (
    ERAS,
    FIRST_YEAR,
    LAST_YEAR,
    HistDate,
    date_problem,
    describe_precision,
    from_parts,
    parse_answer,
    parse_date,
    parse_iso,
    spoken,
)

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
        "-0000",  # minus zero is not a year (plain "0000" is ISO's 1 BC)
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
        "the 90s",  # the 1990s or AD 90-99: a decade needs its full number
        "0",  # there is no year 0
        "-44",  # an ISO year needs four digits
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


def test_describe_precision_gives_its_example_in_the_course_era_words():
    assert describe_precision("century") == "a century (for example the 3rd century BC)"
    assert describe_precision("century", "BCE/CE") == "a century (for example the 3rd century BCE)"


# ================================================================ before AD 1000 and before Christ


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("44 BC", HistDate(-43)),
        ("44 BCE", HistDate(-43)),
        ("AD 9", HistDate(9)),
        ("9 CE", HistDate(9)),
        ("9", HistDate(9)),
        ("476", HistDate(476)),
        ("-0043", HistDate(-43)),  # ISO 8601 astronomical numbering: year 0 is 1 BC
        ("0000", HistDate(0)),
        ("1 BC", HistDate(0)),
        ("15 March 44 BC", HistDate(-43, 3, 15)),
        ("March 44 BC", HistDate(-43, 3)),
        ("c. 1200", HistDate(1200, circa=True)),
        ("1960s", HistDate(1960, unit="decade")),
        ("the 40s BC", HistDate(-48, unit="decade")),  # 49 BC down to 40 BC
        ("3rd century BC", HistDate(-299, unit="century")),  # 300 BC down to 201 BC
        ("1st century BC", HistDate(-99, unit="century")),
        ("1st century", HistDate(1, unit="century")),
        ("12th century", HistDate(1101, unit="century")),
    ],
)
def test_parse_date_reads_every_content_form(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("44 B.C.", HistDate(-43)),
        ("BC 44", HistDate(-43)),
        ("44bc", HistDate(-43)),
        ("44 b.c.e.", HistDate(-43)),
        ("a.d. 9", HistDate(9)),
        ("c1200", HistDate(1200, circa=True)),
        ("ca. 1200", HistDate(1200, circa=True)),
        ("circa 44 BC", HistDate(-43, circa=True)),
        ("the 1960s", HistDate(1960, unit="decade")),
        ("1960's", HistDate(1960, unit="decade")),
        ("3rd c. BC", HistDate(-299, unit="century")),
        ("third century BC", HistDate(-299, unit="century")),
        ("the twelfth century", HistDate(1101, unit="century")),
        ("twenty-first century", HistDate(2001, unit="century")),
        ("12th-century", HistDate(1101, unit="century")),
        ("the Ides: 15th of March, 44 BC", None),
        ("7 November 1917 (N.S.)", HistDate(1917, 11, 7, calendar="gregorian")),
        ("25 October 1917 O.S.", HistDate(1917, 10, 25, calendar="julian")),
    ],
)
def test_parse_answer_reads_the_usual_variants(text, expected):
    assert parse_answer(text) == expected


def test_there_is_no_year_zero_in_historical_numbering():
    assert parse_date("0") is None
    assert parse_date("0 BC") is None
    assert parse_answer("AD 0") is None
    assert date_problem("0").startswith("there is no year 0")


def test_one_bc_to_ad_one_is_one_year():
    assert parse_date("1 BC").distance(parse_date("AD 1"), "year") == 1
    assert parse_date("44 BC").distance(parse_date("AD 14"), "year") == 57


def test_distances_across_the_boundary_in_decades_and_centuries():
    assert parse_date("1st century BC").distance(parse_date("1st century"), "century") == 1
    assert parse_date("3rd century BC").distance(parse_date("2nd century"), "century") == 4
    assert parse_date("1 BC").distance(parse_date("AD 1"), "decade") == 1
    assert parse_date("the 40s BC").distance(parse_date("the 30s BC"), "decade") == 1
    assert parse_date("40 BC").distance(parse_date("49 BC"), "decade") == 0


def test_a_year_lies_in_its_century_and_decade():
    assert parse_date("201 BC").distance(parse_date("3rd century BC"), "century") == 0
    assert parse_date("200 BC").distance(parse_date("3rd century BC"), "century") == 1
    assert parse_date("1200").distance(parse_date("12th century"), "century") == 0
    assert parse_date("1201").distance(parse_date("12th century"), "century") == 1
    assert parse_date("1969").distance(parse_date("1960s"), "decade") == 0


def test_days_before_1582_are_julian_and_the_reform_skips_ten_days():
    assert parse_date("1582-10-04").distance(parse_date("1582-10-15"), "day") == 1
    assert parse_date("29 February 1500") is not None  # a Julian leap year
    assert parse_date("29 February 1700") is None  # Gregorian: not a leap year
    assert parse_date("29 February 46 BC") is None  # proleptic Julian: 45 BC (year -44) is the leap year
    assert parse_date("29 February 45 BC") is not None
    assert parse_date("1 January 4713 BC").day_number() == 0  # where Julian Day Numbers start, by definition
    assert parse_date("2000-01-01").day_number() == 2451545
    # 15 March 44 BC is Julian Day 1705426 (the day Caesar died, as astronomers count it).
    assert parse_date("15 March 44 BC").day_number() == 1705426


def test_a_dual_date_is_one_day_in_two_calendars():
    date = parse_date("1917-10-25 O.S. = 1917-11-07 N.S.")
    old, new = date.sides()
    assert (old.calendar, new.calendar) == ("julian", "gregorian")
    assert old.day_number() == new.day_number()
    assert spoken(date) == "25 October 1917 (Old Style) = 7 November 1917 (New Style)"
    assert parse_date("7 November 1917 NS / 25 October 1917 OS").sides()[0] == new


def test_a_dual_date_must_be_the_same_day():
    assert parse_date("1917-10-25 O.S. = 1917-11-08 N.S.") is None
    assert date_problem("1917-10-25 O.S. = 1917-11-08 N.S.") == (
        "25 October 1917 (Old Style) is 7 November 1917 (New Style), not 8 November 1917"
    )
    assert "mark one side O.S." in date_problem("1917-10-25 = 1917-11-07")


@pytest.mark.parametrize(
    ("text", "bc_ad", "bce_ce"),
    [
        ("44 BC", "44 BC", "44 BCE"),
        ("476", "AD 476", "476 CE"),
        ("1991", "1991", "1991"),
        ("15 March 44 BC", "15 March 44 BC", "15 March 44 BCE"),
        ("c. 1200", "c. 1200", "c. 1200"),
        ("c. 500 BC", "c. 500 BC", "c. 500 BCE"),
        ("1960s", "the 1960s", "the 1960s"),
        ("the 40s BC", "the 40s BC", "the 40s BCE"),
        ("3rd century BC", "the 3rd century BC", "the 3rd century BCE"),
        ("1st century", "the 1st century AD", "the 1st century CE"),
        ("12th century", "the 12th century", "the 12th century"),
    ],
)
def test_spoken_follows_the_era_convention(text, bc_ad, bce_ce):
    date = parse_date(text)
    assert (spoken(date), spoken(date, "BCE/CE")) == (bc_ad, bce_ce)


def test_iso_writes_astronomical_years():
    assert HistDate(-43, 3, 15).iso() == "-0043-03-15"
    assert HistDate(0).iso() == "0000"


def test_decimal_years_place_dates_on_a_numeric_axis():
    assert parse_date("1991").decimal_year() == 1991
    assert parse_date("1991").decimal_year(end=True) == 1992
    assert parse_date("1991-07").decimal_year() == 1991.5
    assert parse_date("3rd century BC").decimal_year() == -299
    assert parse_date("3rd century BC").decimal_year(end=True) == -199


# ---------------------------------------------------------------- properties

YEARS = st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR)


@st.composite
def hist_dates(draw) -> HistDate:
    """Any single date the content may write: a day, a month, a year (maybe circa), a decade or a century."""
    shape = draw(st.sampled_from(["day", "month", "year", "circa", "decade", "century"]))
    if shape == "century":
        number = draw(st.integers(1, 99))
        bc = draw(st.booleans()) and number <= 99
        return HistDate(1 - number * 100 if bc else (number - 1) * 100 + 1, unit="century")
    if shape == "decade":
        decade = draw(st.integers(1, 999)) * 10
        if draw(st.booleans()):
            return HistDate(1 - (decade + 9), unit="decade")
        return HistDate(decade, unit="decade")
    year = draw(YEARS)
    if shape in ("year", "circa"):
        return HistDate(year, circa=shape == "circa")
    month = draw(st.integers(1, 12))
    if shape == "month":
        return HistDate(year, month)
    day = draw(st.integers(1, 31))
    assume(parse_date(HistDate(year, month).iso() + f"-{day:02d}") is not None)
    return HistDate(year, month, day)


@given(hist_dates(), st.sampled_from(ERAS))
def test_round_trip_text_to_date_to_text(date, era):
    words = spoken(date, era)
    assert parse_answer(words) == date
    assert parse_date(words) == date
    assert spoken(parse_date(words), era) == words


@given(YEARS, st.one_of(st.none(), st.integers(1, 12)))
def test_round_trip_through_iso(year, month):
    date = HistDate(year, month)
    assert parse_iso(date.iso()) == date


@given(hist_dates(), hist_dates(), st.sampled_from(["century", "decade", "year"]))
def test_distance_is_symmetric_and_zero_only_within_a_unit(a, b, precision):
    assert a.distance(b, precision) == b.distance(a, precision)
    assert a.distance(a, precision) == 0


@given(YEARS, YEARS)
def test_year_distance_counts_no_year_zero(a, b):
    """Between two historical years the distance skips the missing year 0 exactly when they straddle it."""

    def historical(year: int) -> int:
        return year if year > 0 else year - 1  # 1 BC is -1, 44 BC is -44

    straddles = (historical(a) < 0) != (historical(b) < 0)
    expected = abs(historical(a) - historical(b)) - (1 if straddles else 0)
    assert HistDate(a).distance(HistDate(b), "year") == expected


@given(hist_dates(), hist_dates())
def test_ordering_agrees_with_the_axis(a, b):
    if a.sort_key() < b.sort_key():
        assert a.decimal_year() <= b.decimal_year()


@given(st.integers(min_value=HistDate(-2999, 1, 1).day_number(), max_value=HistDate(2100, 1, 1).day_number()))
def test_day_numbers_have_no_gaps_or_repeats(number):
    """Walking the calendar one day at a time moves the Julian Day Number by exactly one."""
    date = _date_of(number)
    assert date.day_number() == number


def _date_of(number: int) -> HistDate:
    """The calendar date of a Julian Day Number, found by searching (independent of the arithmetic tested)."""
    year = int((number - 1721426) / 365.25) + 1  # AD 1 January 1 is JDN 1721426; the estimate is a year off at most
    for y in (year - 1, year, year + 1):
        for m in range(1, 13):
            first = HistDate(y, m, 1).day_number()
            if first <= number:
                last = first + 31
                if number < last:
                    candidate = HistDate(y, m, number - first + 1)
                    if parse_date(candidate.iso()) is not None and candidate.day_number() == number:
                        return candidate
    raise AssertionError(f"no date for day {number}")


# ---------------------------------------------------------------- golden check messages


def test_bad_dates_give_the_golden_check_messages(monkeypatch):
    """Each broken date form in tests/testdata/bad-dates is reported at its line with its reason or the forms."""
    from classroom.content.load import load_course
    from support import ROOT

    testdata = ROOT / "tests" / "testdata"
    monkeypatch.chdir(testdata / "bad-dates")
    course = load_course(["lessons", "quizzes"])
    expected = (testdata / "bad-dates.expected").read_text(encoding="utf-8").splitlines()
    assert [str(problem) for problem in course.problems] == expected


def test_every_form_in_the_guides_table_reads_and_is_shown_as_documented():
    from support import ROOT

    guide = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    table = guide.split("<!-- date-forms:")[1].split("\n\n")[0]
    rows = [line.split(" | ") for line in table.splitlines() if line.startswith('| `"')]
    assert len(rows) >= 15
    for written, _, shown in rows:
        forms = re.findall(r'`"([^`]+)"`', written)
        dates = {parse_date(form) for form in forms}
        assert None not in dates and len(dates) == 1, written
        assert spoken(dates.pop()) == shown.rstrip(" |"), written


def test_real_date_phrases_from_public_pages_read_as_their_keys():
    """Phrases printed on public pages (tests/testdata/dates/real-forms.yaml, keys written before the run)."""
    import yaml

    from support import ROOT

    rows = yaml.safe_load((ROOT / "tests" / "testdata" / "dates" / "real-forms.yaml").read_text(encoding="utf-8"))
    assert len(rows) >= 15
    for text, _source, wanted in rows:
        assert parse_answer(text) == (parse_date(wanted) if wanted else None), text


@pytest.mark.parametrize(
    ("parts", "content"),
    [
        (("year", 44, True), "44 BC"),
        (("year", 9, False), "AD 9"),
        (("year", 44, True, 3, 15), "15 March 44 BC"),
        (("year", 1991, False, 12), "December 1991"),
        (("year", 1200, False, None, None, True), "c. 1200"),
        (("century", 3, True), "3rd century BC"),
        (("century", 12, False), "12th century"),
        (("decade", 40, True), "the 40s BC"),
        (("decade", 60, False), "the 60s AD"),
        (("decade", 1960, False), "1960s"),
    ],
)
def test_a_pickers_parts_name_the_date_the_content_form_does(parts, content):
    assert from_parts(*parts) == parse_date(content)


@pytest.mark.parametrize(
    "parts",
    [
        ("year", 0, True),  # there is no year 0
        ("year", 2023, False, 2, 29),  # no 29 February in 2023
        ("year", 1991, False, None, 26),  # a day needs its month
        ("decade", 45, False),  # a decade starts on a year ending in 0
        ("decade", 0, True),
        ("century", 0, False),
        ("century", 100, True),
        ("year", 10_000, False),
    ],
)
def test_parts_that_name_no_date_give_none(parts):
    assert from_parts(*parts) is None
