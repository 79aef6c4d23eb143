"""Historical dates from 3000 BC to today, as teachers write them and as students type them.

Years are kept in ISO 8601's astronomical numbering (1 BC is year 0, 44 BC is
year -43), so distances across the BC/AD boundary come out right: 1 BC to AD 1
is one year. Everything a person reads goes through :func:`spoken`, which uses
historical numbering (there is no year 0) and the course's era words.

A date names a day, a month, a year, a decade or a century; it may be "circa"
(the grader then allows a tolerance) and a day may carry its calendar ("O.S."
for the Julian calendar, "N.S." for the Gregorian). A dual date ("25 October
1917 O.S. = 7 November 1917 N.S.") is one day written in both calendars.
Days before 15 October 1582 are counted in the Julian calendar unless marked,
the way historians write them.

Dates stay text in the content (YAML must not turn them into date objects);
:func:`parse_date` reads the content forms, :func:`parse_answer` the looser
forms students type, :func:`parse_iso` only the ISO form (the importer's).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from typing import Literal

Precision = Literal["century", "decade", "year", "month", "day"]
Unit = Literal["year", "decade", "century"]
Calendar = Literal["julian", "gregorian"]
Era = Literal["BC/AD", "BCE/CE"]
ERAS: tuple[Era, ...] = ("BC/AD", "BCE/CE")
PRECISION_RANK = {"century": -2, "decade": -1, "year": 0, "month": 1, "day": 2}
FIRST_YEAR, LAST_YEAR = -9998, 9999  # astronomical: 9999 BC to AD 9999
CIRCA_YEARS = 10  # full credit within this many years of a "c." key, unless the question sets its own tolerance
GREGORIAN_START = (1582, 10, 15)  # the first Gregorian day; earlier days are Julian unless marked

ACCEPTED_FORMS = (
    '"1991", "1991-12", "1991-12-26", "476", "44 BC" (or BCE), "AD 9" (or 9 CE), "15 March 44 BC", '
    '"c. 1200", "the 1960s", "3rd century BC" (docs/authoring.md lists every form)'
)

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_ORDINAL_WORDS = {
    word: number
    for number, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
        start=1,
    )
}
_ORDINAL_WORDS["twenty-first"] = 21
_ORDINAL_WORDS["twenty first"] = 21

_ERA = r"(?P<era>bce|bc|ce|ad)"
_YEAR = r"(?P<year>\d{1,4})"
_MONTH = r"(?P<month>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_ISO = re.compile(r"^(?P<sign>-)?(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def _with_era(core: str) -> list[re.Pattern[str]]:
    """``core`` (which holds the year) with the era before or after the year, or without one."""
    before = core.replace(_YEAR, rf"{_ERA}\s*{_YEAR}")
    return [re.compile(rf"^{core}(?:\s*{_ERA})?$"), re.compile(rf"^{before}$")]


_YEAR_FORMS = [
    *_with_era(_YEAR),
    *_with_era(rf"{_MONTH}\s+{_YEAR}"),
    *_with_era(rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"),
    *_with_era(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),
    re.compile(r"^(?P<month>\d{1,2})[/.](?P<year>\d{4})$"),
]
_DECADE = re.compile(rf"^(?P<decade>\d{{0,3}}0)'?s(?:\s*{_ERA})?$")
_CENTURY = re.compile(
    r"^(?:(?P<number>\d{1,2})(?:st|nd|rd|th)|(?P<word>[a-z]+(?:[ -]first)?))"
    rf"[\s-]*(?:century|cent\.?|c\.?)(?:\s*{_ERA})?$"
)
_CIRCA = re.compile(r"^(?:circa|ca\.?|c\.?|approx\.?|about|around|~)\s*(?=\d|(?:ad|bce?|ce)\s*\d|[a-z]+\.?\s+\d)")
_CALENDAR = re.compile(r"\s*\(?\b(?P<mark>os|ns|old style|new style|julian|gregorian)\)?$")
_DUAL = re.compile(r"\s*=\s*|\s+/\s+|\s+or\s+")


@dataclass(frozen=True)
class HistDate:
    """A date known to a day, a month, a year, a decade or a century.

    ``year`` is astronomical (0 is 1 BC); for a decade or a century it is the first
    year it covers. ``dual`` is the same day in the other calendar.
    """

    year: int
    month: int | None = None
    day: int | None = None
    unit: Unit = "year"
    circa: bool = False
    calendar: Calendar | None = None
    dual: HistDate | None = None

    @property
    def precision(self) -> Precision:
        if self.unit != "year":
            return self.unit
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def last_year(self) -> int:
        """The last (astronomical) year the date covers."""
        return self.year + {"year": 0, "decade": 9, "century": 99}[self.unit]

    def sides(self) -> tuple[HistDate, ...]:
        """The date, and for a dual date the same day in the other calendar."""
        return (self,) if self.dual is None else (replace(self, dual=None), self.dual)

    def day_number(self) -> int:
        """The Julian Day Number of the date's first day (Julian before 1582-10-15 unless marked)."""
        return _day_number(self.year, self.month or 1, self.day or 1, self.calendar)

    def sort_key(self) -> tuple[int, int, int]:
        return self.year, self.month or 0, self.day or 0

    def decimal_year(self, end: bool = False) -> float:
        """Where the date starts (or, with ``end``, ends) on a numeric year axis: 1991-07 -> 1991.5."""
        if self.unit != "year" or self.month is None:
            return float(self.last_year + 1 if end else self.year)
        if self.day is None:
            month = self.month + (1 if end else 0)
            return self.year + (month - 1) / 12
        length = _month_length(self.year, self.month, self.calendar)
        return self.year + (self.month - 1) / 12 + (self.day - (0 if end else 1)) / length / 12

    def index(self, precision: Precision) -> int:
        """The date's position counted in ``precision`` units (decades and centuries of history)."""
        if precision == "century":
            # A decade answer to a century question counts where most of it lies.
            return (self.year + (5 if self.unit == "decade" else 0) - 1) // 100
        if precision == "decade":
            historical = self.year if self.year > 0 else self.year - 1  # 1 BC is -1: the "0s BC" sit below zero
            return historical // 10 if historical > 0 else -((-historical) // 10) - 1
        if precision == "year":
            return self.year
        if precision == "month":
            return self.year * 12 + (self.month or 1) - 1
        return self.day_number()

    def distance(self, other: HistDate, precision: Precision) -> int:
        """How many centuries, decades, years, months or days apart the two dates are at ``precision``."""
        return abs(self.index(precision) - other.index(precision))

    def iso(self) -> str:
        """The ISO 8601 form (astronomical years: "-0043" is 44 BC); only for days, months and years."""
        parts = [f"-{-self.year:04d}" if self.year < 0 else f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


# ---------------------------------------------------------------- calendars


def _is_julian(year: int, month: int, day: int, marked: Calendar | None) -> bool:
    return marked == "julian" if marked is not None else (year, month, day) < GREGORIAN_START


def _month_length(year: int, month: int, marked: Calendar | None) -> int:
    if month != 2:
        return calendar.monthrange(2001, month)[1]
    julian = _is_julian(year, 2, 28, marked)
    leap = year % 4 == 0 if julian else (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    return 29 if leap else 28


def _day_number(year: int, month: int, day: int, marked: Calendar | None) -> int:
    """Julian Day Number by the Fliegel-Van Flandern arithmetic (floor division keeps it right below zero)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    base = day + (153 * m + 2) // 5 + 365 * y + y // 4
    if _is_julian(year, month, day, marked):
        return base - 32083
    return base - y // 100 + y // 400 - 32045


# ---------------------------------------------------------------- reading


def _build(
    year: int, month: int | None = None, day: int | None = None, marked: Calendar | None = None
) -> HistDate | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= _month_length(year, month, marked)):
        return None
    return HistDate(year, month, day, calendar=marked if day is not None else None)


def _astronomical(year: int, era: str | None) -> int | None:
    """A historical year (no year 0) with its era as an astronomical year."""
    if year == 0:
        return None
    return 1 - year if era in ("bc", "bce") else year


def parse_iso(text: str) -> HistDate | None:
    """Parse the ISO form "YYYY", "YYYY-MM", "YYYY-MM-DD" (a leading "-" for astronomical years before 1)."""
    match = _ISO.match(text.strip())
    if not match:
        return None
    year = int(match["year"]) * (-1 if match["sign"] else 1)
    if match["sign"] and year == 0:
        return None
    month, day = match["month"], match["day"]
    return _build(year, int(month) if month else None, int(day) if day else None)


def _normalise(text: str) -> str:
    """Lower case, single spaces, era and style abbreviations without dots, no leading "the"."""
    cleaned = " ".join(str(text).replace(",", ", ").split()).strip().lower()
    for dotted, plain in (("b.c.e.", "bce"), ("b.c.", "bc"), ("a.d.", "ad"), ("c.e.", "ce")):
        cleaned = cleaned.replace(dotted, plain)
    cleaned = re.sub(r"\bo\.\s?s\.?(?=\W|$)", "os", cleaned)
    cleaned = re.sub(r"\bn\.\s?s\.?(?=\W|$)", "ns", cleaned)
    cleaned = re.sub(r"(?<=\d)(bce|bc|ce|ad)\b", r" \1", cleaned)  # "44bc"
    cleaned = re.sub(r",\s*$", "", cleaned)
    return re.sub(r"^the\s+", "", cleaned).strip()


def _calendar_of(mark: str) -> Calendar:
    return "julian" if mark in ("os", "old style", "julian") else "gregorian"


def _read_one(text: str) -> HistDate | None:
    """One date (no dual form) in any accepted shape, normalised text in."""
    circa = _CIRCA.match(text)
    if circa:
        inner = _read_one(text[circa.end() :])
        if inner is not None and not inner.circa and inner.unit == "year" and inner.dual is None:
            return replace(inner, circa=True)
    marked: Calendar | None = None
    style = _CALENDAR.search(text)
    if style and style.start() > 0:
        marked = _calendar_of(style["mark"])
        text = text[: style.start()].strip()
    found = _read_plain(text, marked)
    if found is not None and marked is not None and found.day is None:
        return None  # a calendar mark only makes sense on a day
    return found


def _read_plain(text: str, marked: Calendar | None) -> HistDate | None:
    iso = _ISO.match(text)
    if iso:
        date = parse_iso(text)
        return _build(date.year, date.month, date.day, marked) if date else None
    for pattern in _YEAR_FORMS:
        match = pattern.match(text)
        if match:
            return _from_parts(match.groupdict(), marked)
    decade = _DECADE.match(text)
    if decade:
        return _decade(int(decade["decade"]), decade["era"])
    century = _CENTURY.match(text)
    if century:
        number = int(century["number"]) if century["number"] else _ORDINAL_WORDS.get(century["word"] or "")
        return _century(number, century["era"]) if number else None
    return None


def _from_parts(parts: dict[str, str | None], marked: Calendar | None) -> HistDate | None:
    year = _astronomical(int(parts["year"] or 0), parts.get("era"))
    if year is None:
        return None
    month_text = parts.get("month")
    month = None
    if month_text is not None:
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
        if month is None:
            return None
    day_text = parts.get("day")
    day = int(day_text) if day_text else None
    if month is not None and day is None and parts.get("era") is None and len(parts["year"] or "") <= 2:
        return None  # "March 15" is a day without its year, not March AD 15 ("March AD 15" is)
    return _build(year, month, day, marked)


def _decade(number: int, era: str | None) -> HistDate | None:
    if number == 0:
        return None  # "the 0s" are nine years on either side of the missing year 0
    if era is None and number < 100:
        return None  # "the 60s" could be the 1960s or AD 60-69: ask for the full number
    # "the 40s BC" runs from 49 BC down to 40 BC.
    first = _astronomical(number + 9, era) if era in ("bc", "bce") else number
    if first is None or not FIRST_YEAR <= first <= LAST_YEAR:
        return None
    return HistDate(first, unit="decade")


def _century(number: int, era: str | None) -> HistDate | None:
    if not 1 <= number <= 99:
        return None
    first = 1 - number * 100 if era in ("bc", "bce") else (number - 1) * 100 + 1
    if not FIRST_YEAR <= first <= LAST_YEAR:
        return None
    return HistDate(first, unit="century")


def from_parts(
    unit: Unit, number: int, earlier: bool, month: int | None = None, day: int | None = None, circa: bool = False
) -> HistDate | None:
    """The date a picker's parts name (the kiosk's keys), or None when they name none.

    ``number`` is a century's number, a decade's first year or a year, counted in the era
    ``earlier`` says (BC/BCE when true, else AD/CE: the picker always has one chosen).
    """
    era = "bc" if earlier else "ad"
    if unit == "century":
        return _century(number, era)
    if unit == "decade":
        return _decade(number, era) if number % 10 == 0 else None
    year = _astronomical(number, era)
    found = _build(year, month, day) if year is not None else None
    return replace(found, circa=True) if found is not None and circa else found


def parse_date(text: str) -> HistDate | None:
    """Read a date in any content form (see ``ACCEPTED_FORMS``); None when it is not one.

    A dual date must give one day in each calendar, marked O.S. and N.S., and both
    sides must be the same day.
    """
    cleaned = _normalise(text)
    if not cleaned:
        return None
    halves = _DUAL.split(cleaned)
    if len(halves) == 1:
        return _read_one(cleaned)
    if len(halves) != 2:
        return None
    first, second = (_read_one(half) for half in halves)
    if first is None or second is None or first.day is None or second.day is None:
        return None
    if {first.calendar, second.calendar} != {"julian", "gregorian"} or first.circa or second.circa:
        return None
    if first.day_number() != second.day_number():
        return None
    return replace(first, dual=second)


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a date, when a precise reason is known (None: show the accepted forms)."""
    cleaned = _normalise(text)
    halves = _DUAL.split(cleaned)
    if len(halves) == 2:
        first, second = (_read_one(half) for half in halves)
        if first is not None and second is not None:
            return _dual_problem(first, second)
    if re.fullmatch(r"0+(\s*(bce|bc|ce|ad))?|(bce|bc|ce|ad)\s*0+", cleaned):
        return 'there is no year 0: 1 BC is followed by AD 1 (ISO\'s "0000" is 1 BC)'
    if re.fullmatch(r"-\d{1,3}(-.*)?", cleaned):
        return 'an ISO year before AD 1 has four digits and counts 1 BC as "0000": "-0043" is 44 BC, or write "44 BC"'
    if re.fullmatch(r"\d0'?s", cleaned):
        return "write a decade with its century, like the 1960s (or the 60s AD, the 40s BC)"
    if re.fullmatch(r"(circa|ca\.?|c\.?)\s*.*", cleaned) and _read_one(_normalise(re.sub(r"^\S+\s*", "", cleaned))):
        return 'circa ("c.") goes with a year, a month or a day, like "c. 1200"'
    return None


def _dual_problem(first: HistDate, second: HistDate) -> str | None:
    if first.day is None or second.day is None:
        return "a dual date is one day written in both calendars: both sides must be full days"
    if {first.calendar, second.calendar} != {"julian", "gregorian"}:
        return 'mark one side O.S. (Julian) and the other N.S. (Gregorian), like "1917-10-25 O.S. = 1917-11-07 N.S."'
    if first.day_number() != second.day_number():
        other: Calendar = "gregorian" if first.calendar == "julian" else "julian"
        same = _same_day(first, other)
        return f"{spoken(first)} {_style(first)} is {spoken(same)} {_style(same)}, not {spoken(second)}"
    return None


def _same_day(date: HistDate, marked: Calendar) -> HistDate:
    """``date`` written in the ``marked`` calendar (searched near it: calendars differ by days, not years)."""
    target = date.day_number()
    year = date.year
    for month_offset in range(-3, 4):
        months = year * 12 + (date.month or 1) - 1 + month_offset
        y, m = divmod(months, 12)
        for d in range(1, _month_length(y, m + 1, marked) + 1):
            if _day_number(y, m + 1, d, marked) == target:
                return HistDate(y, m + 1, d, calendar=marked)
    raise ValueError(f"no {marked} day for {date}")  # calendars never differ by more than a season here


def parse_answer(text: str) -> HistDate | None:
    """Read a student's date ("44 B.C.", "BC 44", "c1200", "the 1960s", "third century BC", ...)."""
    cleaned = re.sub(r"[()]", " ", _normalise(text)).strip()
    return _read_one(" ".join(cleaned.split())) if cleaned else None


# ---------------------------------------------------------------- words


def describe_precision(precision: Precision, era: Era = "BC/AD") -> str:
    """Words for a student: what form of date a question wants (the example in the course's era words)."""
    return {
        "century": f"a century (for example the 3rd century {era_words(era)[0]})",
        "decade": "a decade (for example the 1960s)",
        "year": "a year (for example 1991)",
        "month": "a month and a year (for example December 1991)",
        "day": "a full date (for example 26 December 1991)",
    }[precision]


def precision_name(precision: Precision) -> str:
    return {"century": "a century", "decade": "a decade", "year": "a year", "month": "a month", "day": "a day"}[
        precision
    ]


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def era_words(era: Era = "BC/AD") -> tuple[str, str]:
    """The words for the years before and after AD 1 in the course's convention: ("BC", "AD") or ("BCE", "CE")."""
    return ("BC", "AD") if era == "BC/AD" else ("BCE", "CE")


def year_words(year: int, era: Era = "BC/AD") -> str:
    """An astronomical year as people write it: -43 -> "44 BC", 476 -> "AD 476", 1991 -> "1991"."""
    before, after = era_words(era)
    if year <= 0:
        return f"{1 - year} {before}"
    if year >= 1000:
        return str(year)
    return f"AD {year}" if after == "AD" else f"{year} CE"


def _style(date: HistDate) -> str:
    return "(Old Style)" if date.calendar == "julian" else "(New Style)"


def spoken(date: HistDate, era: Era = "BC/AD") -> str:
    """A date in words at the precision it was written: "15 March 44 BC", "the 1960s", "c. 1200"."""
    if date.dual is not None:
        first, second = date.sides()
        return f"{spoken(first, era)} {_style(first)} = {spoken(second, era)} {_style(second)}"
    before, after = era_words(era)
    if date.unit == "century":
        bc = date.year <= 0
        number = (-date.year) // 100 + 1 if bc else (date.year - 1) // 100 + 1
        marker = f" {before}" if bc else (f" {after}" if number <= 10 else "")
        return f"the {_ordinal(number)} century{marker}"
    if date.unit == "decade":
        if date.year <= 0:
            return f"the {1 - date.year - 9}s {before}"
        start = date.year - date.year % 10
        return f"the {start}s" if start >= 1000 else f"the {start}s {after}"
    words = year_words(date.year, era)
    if date.month is not None:
        month = calendar.month_name[date.month]
        words = f"{month} {words}" if date.day is None else f"{date.day} {month} {words}"
    return f"c. {words}" if date.circa else words
