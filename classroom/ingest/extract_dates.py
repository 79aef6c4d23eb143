"""Find dates and periods in running text, each with the precision it is written with.

"March 2004" is a month, "2004" a year, "29 March 2004" a day; a teacher's key
must not claim more than the text does, so the form decides the precision.
Vague spans ("the early 1990s", "the 19th century") stay vague: they become
periods flagged as such, never a made-up exact year.

Plain regular expressions (standard library) instead of dateparser: the forms
found in history texts are few, and rules keep the false positives down
(dateparser reads "May" or a bare "12" as a date; we need to know why a match is one).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from classroom.content.dates import HistDate

_MONTH_NUMBER = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTH_NUMBER["sept"] = 9

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?<![\d$£€#/A-Za-z])(?<!\d[,.])(?:1\d{3}|20\d{2})(?!\d|[,.]\d|%|[A-Za-z])"  # not in "Kellogg1928a.jpg"
ISO_DAY = rf"{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
FULL = rf"(?:{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}|{MONTH}\s+{DAY},?\s+{YEAR}|{ISO_DAY})"
MONTH_YEAR = rf"{MONTH},?\s+(?:of\s+)?{YEAR}"
DAY_MONTH = rf"(?:{DAY}\s+(?:of\s+)?{MONTH}|{MONTH}\s+{DAY}(?!,?\s+\d))"
SIMPLE = rf"(?:{FULL}|{MONTH_YEAR}|{DAY_MONTH}|{YEAR})"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
PART = r"(?:early|late|mid|middle)"
FISCAL = r"(?:(?:the\s+)?(?:fiscal|financial)\s+years?\s+|FY\s*)?"  # "between fiscal year 1931 and fiscal year 1933"

_COUNT_NOUNS = (
    "tons|tonnes|men|women|people|soldiers|troops|sailors|ships|planes|aircraft|flights|missions|km|kilometres|"
    "kilometers|miles|metres|meters|feet|dollars|pounds|marks|francs|roubles|votes|members|casualties|deaths|dead|"
    "prisoners|years|days|hours|copies|pages|acres|hectares|guns|tanks|workers|students|delegates|seats|hours"
)
_NOT_A_YEAR_AFTER = re.compile(rf"^\s+(?:[a-z]+\s+)?(?:{_COUNT_NOUNS})\b")
_NOT_A_YEAR_BEFORE = re.compile(r"(?:\b(?:page|pages|p|pp|no|number|route|flight|room|platform)\.?\s*)$", re.I)


@dataclass(frozen=True)
class DateMention:
    """A date or period as written, with its ISO form(s).

    ``start``/``end`` are offsets in the text searched. ``until`` is the end of a
    period. ``vague`` marks spans such as decades ("the early 1990s") whose ISO
    bounds are a convention, not a claim of the text. ``inferred_year`` marks
    "6 November" whose year was taken from another date of the same passage.
    """

    text: str
    start: int
    end: int
    date: str
    until: str | None = None
    vague: bool = False
    inferred_year: bool = False

    @property
    def is_period(self) -> bool:
        return self.until is not None


@dataclass(frozen=True)
class _Partial:
    """A date being read: the year may be missing ("6 November") until the passage supplies it."""

    year: int | None
    month: int | None = None
    day: int | None = None

    def complete(self, year: int | None) -> HistDate | None:
        year = self.year if self.year is not None else year
        if year is None:
            return None
        if not 1 <= year <= 9999 or (self.month is not None and not 1 <= self.month <= 12):
            return None
        if self.day is not None and not 1 <= self.day <= calendar.monthrange(year, self.month or 1)[1]:
            return None  # "31 June 1950" is not a date
        return HistDate(year, self.month, self.day)


def _month(text: str) -> int:
    return _MONTH_NUMBER[text.rstrip(".").lower()]


def _read_simple(text: str) -> _Partial | None:
    """Read one date written as a day, a month, a year or any combination."""
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return _Partial(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    year_match = re.search(r"(\d{4})$", text)
    year = int(year_match.group(1)) if year_match else None
    month_match = re.search(MONTH, text)
    month = _month(month_match.group(0)) if month_match else None
    rest = text[: year_match.start()] if year_match else text
    day_match = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", rest)
    day = int(day_match.group(1)) if day_match else None
    if day is not None and month is None:
        return _Partial(year, None, day) if year is None else None
    if year is None and month is None:
        return None
    return _Partial(year, month, day)


def _point(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    partial = _read_simple(re.sub(rf"^(?:{PART}-?\s*|(?:the\s+)?{SEASON}\s+(?:of\s+)?)", "", match.group(0)))
    return (partial, None, False) if partial else None


def _range(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    first, second = match.group("a"), match.group("b")
    end = _read_simple(second) if len(second.strip()) > 2 else None
    if end is None and re.fullmatch(r"\s*\d{2}\s*", second):  # "1945–51"
        start_year = re.search(r"\d{4}", first)
        if not start_year:
            return None
        century = int(start_year.group(0)) // 100 * 100
        end = _Partial(century + int(second))
    start = _read_simple(first)
    if start is None or end is None:
        return None
    if start.year is None:  # "from May to September 1998", "5–6 November 1956"
        start = _Partial(end.year, start.month if start.month is not None else end.month, start.day)
    return start, end, False


def _bare_month(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    return _Partial(None, _month(match.group("m"))), None, False


def _decade(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    decade = int(match.group("d"))
    length = 100 if decade % 100 == 0 else 10  # "the early 1800s" is the early nineteenth century
    first, last = _part_of(match.group("p"), decade, length)
    if match.group("p2"):  # "the early-to-mid 1990s"
        last = _part_of(match.group("p2"), decade, length)[1]
    return _Partial(first), _Partial(last), True


def _century(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    number = int(match.group("n")) if match.group("n") else _ORDINALS[match.group("w").lower()]
    start = (number - 1) * 100
    if start < 1:
        return None
    half = (match.groupdict().get("h") or "").lower()
    if half:  # "the first half of the 19th century": 1800–1849; "the latter half": 1850–1899
        return (
            (_Partial(start), _Partial(start + 49), True)
            if half == "first"
            else (_Partial(start + 50), _Partial(start + 99), True)
        )
    first, last = _part_of(match.group("p"), start, 100)
    if match.group("p2"):  # "the early-to-mid 20th century": 1900–1966
        last = _part_of(match.group("p2"), start, 100)[1]
    return _Partial(first), _Partial(last), True


def _part_of(part: str | None, start: int, length: int) -> tuple[int, int]:
    """Early, mid and late cut a decade or a century in thirds: 1990–1993, 1994–1996, 1997–1999; 1800–1833,
    1834–1866, 1867–1899."""
    if not part:
        return start, start + length - 1
    part = part.lower()
    third = length // 3  # a decade: 3 years (1990–1993); a century: 33 (1800–1833)
    if part == "early":
        return start, start + third
    if part in ("mid", "middle"):
        return start + third + 1, start + 2 * third
    return start + 2 * third + 1, start + length - 1


_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "twenty-first",
]  # fmt: skip
_ORDINALS = {word: number for number, word in enumerate(_ORDINAL_WORDS, start=1)}


def _day_span(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    """ "February 4–11, 1945", "3 and 4 October 1989", "October 23 and 27, 1837": one month and year, two days."""
    year, month = int(match.group("y")), _month(match.group("m"))
    first, last = (int(re.sub(r"\D", "", match.group(g))) for g in ("d1", "d2"))
    if first >= last:
        return None
    return _Partial(year, month, first), _Partial(year, month, last), False


def _winter(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    """ "the winter of 1946–1947" (or "1946–47"): December to February."""
    first = int(match.group("a"))
    second = match.group("b")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return (_Partial(first, 12), _Partial(last, 2), False) if last == first + 1 else None


# Feasts on a fixed day of the year: "Christmas 1946" is 25 December 1946, not the year 1946. Movable feasts
# (Easter, Whitsun) are not here: "Easter 1916" names a season of days, so it stays a year.
_FEASTS = {
    r"Christmas\s+Eve": (12, 24),
    r"Christmas(?:\s+Day)?": (12, 25),
    r"Boxing\s+Day": (12, 26),
    r"New\s+Year[’']?s\s+Eve": (12, 31),
    r"New\s+Year[’']?s(?:\s+Day)?": (1, 1),
    r"Bastille\s+Day": (7, 14),
    r"All\s+Saints[’']?(?:\s+Day)?": (11, 1),
    r"Armistice\s+Day": (11, 11),
    r"Hallowe[’']?en": (10, 31),
    r"(?:St\.?\s+|Saint\s+)?Valentine[’']?s\s+Day": (2, 14),
}
_FEAST = re.compile(rf"\b(?P<f>{'|'.join(f'(?:{name})' for name in _FEASTS)})\s+(?:of\s+)?(?P<y>{YEAR})")


def feast_days(text: str) -> set[tuple[int, int]]:
    """(month, day) of every fixed feast named in ``text``: what "Christmas" says without writing "December 25"."""
    found = set()
    for pattern, date in _FEASTS.items():
        if re.search(rf"\b{pattern}\b", text):
            found.add(date)
    return found


def _feast(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    name = match.group("f")
    month, day = next(date for pattern, date in _FEASTS.items() if re.fullmatch(pattern, name))
    return _Partial(int(match.group("y")), month, day), None, False


# "the early-to-mid 20th century": from the start of the first part to the end of the second
PART_RANGE = rf"(?P<p>{PART})(?:[\s-]+(?:to|or|and)[\s-]+(?P<p2>{PART}))?"
_CENTURY_PART = rf"(?:{PART_RANGE}[\s-]+|(?P<h>first|second|latter)\s+half\s+of\s+(?:the\s+)?)?"
# A year written in words, as a radio script or a proclamation writes it: "eighteen-hundred-forty-two",
# "nineteen hundred and five", "two thousand twenty-four", "one thousand eight hundred and twelve".
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = {w: n for n, w in enumerate(_UNITS, start=1)} | {w: n for n, w in enumerate(_TEENS, start=10)}
_NUMBER_WORDS |= {w: n for n, w in enumerate(_TENS, start=2)} | {"hundred": 100, "thousand": 1000}
_W = r"[\s-]+"
_BELOW_100 = rf"(?:(?:{'|'.join(_TENS)})(?:{_W}(?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}|{'|'.join(_UNITS)})"
_AND = rf"{_W}(?:and{_W})?"
WORD_YEAR = (
    rf"(?:(?:{'|'.join(_TEENS)}|twenty){_W}hundred(?:{_AND}{_BELOW_100}(?![\w-]))?"
    rf"|(?:one|two){_W}thousand(?:{_AND}(?:{'|'.join(_UNITS)}){_W}hundred)?(?:{_AND}{_BELOW_100}(?![\w-]))?)"
)


def word_year(words: str) -> int | None:
    """The year a phrase of number words writes ("eighteen-hundred-forty-two" is 1842), or None."""
    total = current = 0
    for word in re.split(r"[\s-]+", words.lower().strip()):
        if word == "and":
            continue
        value = _NUMBER_WORDS.get(word)
        if value is None:
            return None
        if word in _TENS:
            value *= 10
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total, current = total + max(current, 1) * 1000, 0
        else:
            current += value
    year = total + current
    return year if 1000 <= year <= 2100 else None


def word_years_in(text: str) -> list[int]:
    """Every year written in words in ``text``."""
    return [y for m in re.finditer(rf"\b{WORD_YEAR}", text, re.I) if (y := word_year(m.group(0)))]


_ROUND = re.compile(r"(?:hundred|thousand)$", re.I)


# "the twentieth day of June, 1632", "the 4th day of July, 1776": a day written as an ordinal and the word "day"
_DAY_ORDINALS = {
    w: n
    for n, w in enumerate(
        [*_ORDINAL_WORDS[:20], *(f"twenty-{u}" for u in _ORDINAL_WORDS[:9]), "thirtieth", "thirty-first"], start=1
    )
}
_DAY_WORDS = "|".join("[ -]".join(w.split("-")) for w in sorted(_DAY_ORDINALS, key=len, reverse=True))
_DAY_WORD_RE = re.compile(rf"\b(?:{_DAY_WORDS})\b", re.I)
ORDINAL_DAY = rf"(?:(?P<dd>{DAY})|(?P<dw>{_DAY_WORDS}))"


def _day_number(word: str) -> int:
    return _DAY_ORDINALS[re.sub(r"[ -]+", "-", word.lower())]


def day_ordinals_in(text: str) -> set[int]:
    """The days ``text`` writes as ordinal words ("the twentieth day of …" gives 20)."""
    return {_day_number(m.group(0)) for m in _DAY_WORD_RE.finditer(text)}


def _ordinal_day(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    written = match.group("dd")
    day = int(re.sub(r"\D", "", written)) if written else _day_number(match.group("dw"))
    year = int(match.group("y"))
    month = _month(match.group("m"))
    if day > calendar.monthrange(year, month)[1]:
        return None
    return _Partial(year, month, day), None, False


def _word_year(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    """A year in words; a round one ("eighteen hundred", "two thousand") only after "the year" or a season,
    since alone it is as often a count ("two thousand men")."""
    year = word_year(match.group("wy"))
    if year is None or (_ROUND.search(match.group("wy")) and match.start("wy") == match.start()):
        return None
    return _Partial(year), None, False


_CENTURY_NUMBER = rf"(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<w>{'|'.join(_ORDINALS)}))"
_CENTURY_AND = (
    rf"\s+and\s+(?:the\s+)?(?:{PART}[\s-]+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS)})[\s-]+centur(?:y|ies)\b"
)


def _open_day_span(match: re.Match) -> tuple[_Partial, _Partial | None, bool] | None:
    """ "February 16-17" with no year: two days of one month, whose year the passage may give (see _year_for)."""
    month = _month(match.group("m"))
    first, last = (int(re.sub(r"\D", "", match.group(g))) for g in ("d1", "d2"))
    return (_Partial(None, month, first), _Partial(None, month, last), False) if first < last else None


# Each form and its reader, which turns a match into (start, end or None, vague). Longest matches win.
_FORMS: list[tuple[re.Pattern, object]] = [
    (re.compile(rf"\b(?:the\s+)?winter\s+of\s+(?P<a>{YEAR})\s*[–—/-]\s*(?P<b>{YEAR}|\d{{2}}(?!\d))"), _winter),
    (
        re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d1>{DAY})\s*(?:[–—-]|\s&\s|\sand\s)\s*(?P<d2>{DAY}),?\s+(?P<y>{YEAR})"),
        _day_span,
    ),
    (
        re.compile(
            rf"\b(?P<d1>{DAY})\s*(?:[–—-]|\s&\s|\sand\s)\s*(?P<d2>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})"
        ),
        _day_span,
    ),
    (re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d1>{DAY})\s*[–—-]\s*(?P<d2>{DAY})(?![\d–—-])(?!,?\s+\d)"), _open_day_span),
    (
        re.compile(
            rf"\b(?:[Ff]rom|[Bb]etween)\s+{FISCAL}(?P<a>{SIMPLE}|{MONTH}|{DAY}),?\s+(?:to|until|till|through|and)\s+"
            rf"{FISCAL}(?P<b>{FULL}|{MONTH_YEAR}|{YEAR}|{MONTH}(?!\s*\d))"
        ),
        _range,
    ),
    (
        re.compile(rf"(?P<a>{SIMPLE}|{MONTH}|{DAY})\s*[–—-]\s*(?P<b>{FULL}|{MONTH_YEAR}|{YEAR}|\d{{2}}(?![\d–-]))"),
        _range,
    ),
    (re.compile(rf"(?P<a>{YEAR})\s+to\s+(?P<b>{YEAR})"), _range),
    (re.compile(rf"\b(?:(?:the\s+)?{PART_RANGE}[\s-]+)?(?:the\s+)?(?P<d>1\d{{2}}0|20\d0)s\b"), _decade),
    (re.compile(rf"\b(?:the\s+)?{_CENTURY_PART}{_CENTURY_NUMBER}[\s-]+century\b", re.I), _century),
    # two centuries sharing one noun: "the late nineteenth and early twentieth centuries" is two periods
    (re.compile(rf"\b(?:the\s+)?{_CENTURY_PART}{_CENTURY_NUMBER}(?={_CENTURY_AND})", re.I), _century),
    (re.compile(rf"(?<=\band\s)(?:the\s+)?{_CENTURY_PART}{_CENTURY_NUMBER}[\s-]+centuries\b", re.I), _century),
    (
        re.compile(
            rf"\b(?:the\s+)?{ORDINAL_DAY}\s+day\s+of\s+(?P<m>{MONTH}),?\s+(?:in\s+the\s+year\s+)?(?P<y>{YEAR})",
            re.I,
        ),
        _ordinal_day,
    ),
    (_FEAST, _feast),
    (
        re.compile(
            rf"\b(?:(?:the\s+)?{SEASON}\s+of\s+|(?:the\s+)?year\s+(?:of\s+our\s+Lord\s+)?)?(?P<wy>{WORD_YEAR})",
            re.I,
        ),
        _word_year,
    ),
    (re.compile(rf"\b(?:{PART}-?\s*)?{FULL}"), _point),
    (re.compile(rf"\b(?:{PART}-?\s*)?{MONTH_YEAR}"), _point),
    (re.compile(rf"\b(?:(?:the\s+)?{SEASON}\s+(?:of\s+)?|{PART}-?\s*){YEAR}"), _point),
    (re.compile(rf"\b(?:{PART}-?\s*)?{DAY_MONTH}"), _point),
    (
        re.compile(
            rf"(?:\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Dd]uring|[Ff]rom|of)\s+(?=\w)|\b(?={PART}))"
            rf"(?P<w>(?:{PART}-?\s*)?(?P<m>{MONTH}))(?!\s*\d)"
        ),
        _bare_month,
    ),
    (re.compile(YEAR), _point),
]


def _is_count(text: str, start: int, end: int) -> bool:
    """1500 soldiers, page 1948, flight 1949: numbers that only look like years."""
    return bool(
        _NOT_A_YEAR_AFTER.match(text[end : end + 80]) or _NOT_A_YEAR_BEFORE.search(text[max(0, start - 40) : start])
    )


def _candidates(text: str) -> list[tuple[int, int, tuple[_Partial, _Partial | None, bool]]]:
    found = []
    for pattern, reader in _FORMS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if (pattern.pattern == YEAR or reader is _word_year) and _is_count(text, start, end):
                continue
            if reader is _bare_month:
                start = match.start("w")  # "in November": the preposition is not part of the date
            read = reader(match)  # type: ignore[operator]
            if read is not None:
                found.append((start, end, read))
    return found


_Read = tuple[_Partial, _Partial | None, bool]


def _years_of(read: _Read) -> set[int]:
    """The years a written date or period names: one, or both ends of a period across years."""
    return {part.year for part in read[:2] if part is not None and part.year is not None}


def _year_for(start: int, chosen: list[tuple[int, int, _Read]], earlier: Sequence[int]) -> int | None:
    """The year a day or month without one ("on 6 November") belongs to, or None when the text leaves it open.

    Only a date written before it counts: the last one with a month in the
    same passage (unless a bare year other than its own is written after it),
    else (when no bare year of the passage disagrees) the last
    one with a month in an earlier passage of the same section (``earlier``).
    A decade, a century or a later date never lends its year.
    """
    placed = [(s, read) for s, _, read in chosen if s < start and read[0].year is not None and not read[2]]
    before = [read for _, read in placed]
    with_month = [(s, read) for s, read in placed if read[0].month is not None]
    if with_month:
        at, last = with_month[-1]
        years = _years_of(last)
        since = {year for s, read in placed if s > at for year in _years_of(read)}  # bare years written after it
        if since - years:  # "March 1879 … in 1881 … 1884-85 … (February 16)": the story has moved on
            return None
        return years.pop() if len(years) == 1 else None  # "September 1814 to June 1815 ... in October": which?
    bare = {year for read in before for year in _years_of(read)}  # "the war of 1904–05 ... in August": open
    if earlier:
        return earlier[-1] if not bare or bare == {earlier[-1]} else None
    return bare.pop() if len(bare) == 1 else None


def find_dates(text: str, earlier: Sequence[int] = ()) -> list[DateMention]:
    """Every date and period in ``text`` (a passage), longest reading first, in text order.

    A day or month without a year ("on 6 November", "by mid-November") takes its
    year from a date written before it in the same section (see _year_for);
    ``earlier`` lists the years of the dates with a month in the section's
    earlier passages, oldest first. Without such a date it is left out.
    """
    chosen: list[tuple[int, int, _Read]] = []
    for start, end, read in sorted(_candidates(text), key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, read))
    chosen.sort(key=lambda c: c[0])
    mentions: list[DateMention] = []
    for index, (start, end, (first, last, vague)) in enumerate(chosen):
        year = None
        if first.year is None:
            year = _year_for(start, chosen, earlier)
            if year is not None:  # later yearless dates may chain on this one ("5 July ... 6 July")
                chosen[index] = (start, end, (replace(first, year=year), last, vague))
        begin = first.complete(year)
        finish = last.complete(year) if last is not None else None
        if begin is None or (last is not None and finish is None):
            continue
        if finish is not None and (finish.year, finish.month or 0, finish.day or 0) < (
            begin.year,
            begin.month or 0,
            begin.day or 0,
        ):
            continue
        written = text[start:end].strip()
        mention = DateMention(written, start, end, begin.iso(), finish.iso() if finish else None, vague)
        mentions.append(replace(mention, inferred_year=year is not None))
    return mentions


def sort_key(mention: DateMention) -> tuple[int, int, int]:
    """Chronological order of the start; undated parts of a date sort first within their year or month."""
    parts = [int(p) for p in mention.date.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else 0, parts[2] if len(parts) > 2 else 0
