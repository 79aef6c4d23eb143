"""Historical dates as teachers write them: "1991", "1991-12" or "1991-12-26".

Dates stay text in the content (YAML must not turn them into date objects);
this module gives them a precision and turns students' free-form answers
("Dec 26, 1991", "26 December 1991") into the same shape for grading.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_MONTH_WORD = r"([A-Za-z]+)\.?"
_LOOSE_FORMS = [  # (pattern, group order) for answers typed by students
    (re.compile(rf"^{_MONTH_WORD}\s+(\d{{4}})$"), ("month", "year")),
    (re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD},?\s+(\d{{4}})$"), ("day", "month", "year")),
    (re.compile(rf"^{_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$"), ("month", "day", "year")),
    (re.compile(r"^(\d{1,2})[/.](\d{4})$"), ("month", "year")),
]


@dataclass(frozen=True)
class HistDate:
    """A date known to a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def distance(self, other: HistDate, precision: Precision) -> int:
        """How many years, months or days apart the two dates are at ``precision``."""
        if precision == "year":
            return abs(self.year - other.year)
        if precision == "month":
            return abs((self.year * 12 + (self.month or 1)) - (other.year * 12 + (other.month or 1)))
        return abs(self._ordinal() - other._ordinal())

    def _ordinal(self) -> int:
        return dt.date(self.year, self.month or 1, self.day or 1).toordinal()

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


def _build(year: int, month: int | None, day: int | None) -> HistDate | None:
    if not 1 <= year <= 9999:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    return HistDate(year, month, day)


def parse_iso(text: str) -> HistDate | None:
    """Parse the content form "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None when it is not a real date."""
    match = _ISO.match(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return _build(int(year), int(month) if month else None, int(day) if day else None)


def parse_answer(text: str) -> HistDate | None:
    """Read a student's date in any of the forms the grader accepts; None when unreadable."""
    cleaned = " ".join(str(text).replace(",", ", ").split()).strip()
    iso = parse_iso(cleaned)
    if iso is not None:
        return iso
    for pattern, order in _LOOSE_FORMS:
        match = pattern.match(cleaned)
        if not match:
            continue
        values = dict(zip(order, match.groups(), strict=True))
        month_text = values["month"]
        month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower())
        if month is None:
            return None
        day = int(values["day"]) if "day" in values else None
        return _build(int(values["year"]), month, day)
    return None


def describe_precision(precision: Precision) -> str:
    """Words for a student: what form of date a question wants."""
    return {
        "year": "a year (for example 1991)",
        "month": "a month and a year (for example December 1991)",
        "day": "a full date (for example 26 December 1991)",
    }[precision]


def spoken(date: HistDate) -> str:
    """A date in words at the precision it was written: "4 April 1949", "January 1996", "1991"."""
    if date.month is None:
        return str(date.year)
    month = calendar.month_name[date.month]
    if date.day is None:
        return f"{month} {date.year}"
    return f"{date.day} {month} {date.year}"
