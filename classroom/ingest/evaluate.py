"""Measure the importer against hand-made keys: precision and recall of dates and of person-office pairs.

    python -m classroom.ingest.evaluate [FOLDER] [--only ARTICLE ...] [--verbose] [--check]

FOLDER (default tests/testdata/ingest) holds articles and, beside each, a
``<name>.key.yaml`` listing every date of the running text as written with its
ISO form, and every person-office pair. A date counts as found when the
importer reports the same ISO start and end (so the precision — year, month,
day — must be right too) for a mention overlapping the written text. A pair
counts when the name matches and the drafted role question would accept the
key's office. The whole pipeline runs, boilerplate stripping included, so a
date left in a byline counts against precision. An article the importer
refuses (another language, no text) is reported as refused, with the
importer's message, and counts as nothing found: recall 0 on its key.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from classroom.ingest.course import ArticleError, draft_course, read_article_file
from classroom.ingest.extract_dates import DateMention
from classroom.ingest.extract_people import RoleMention, fold

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "tests" / "testdata" / "ingest"
TARGET = 0.9


@dataclass(frozen=True)
class Score:
    found: int  # what the importer reported
    expected: int  # what the key lists
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.found + other.found, self.expected + other.expected, self.matched + other.matched)


@dataclass
class ArticleReport:
    article: str
    style: str
    dates: Score
    people: Score
    when_right: int  # matched pairs whose from/to (as far as the key gives them) the importer got right
    when_keyed: int  # matched pairs for which the key gives a from or to
    misses: list[str] = field(default_factory=list)
    false_finds: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)  # false finds that misstate a fact the text gives
    duplicates: list[str] = field(default_factory=list)  # a keyed pair found again in other words
    refused: str = ""  # the importer's message when it drafted nothing from the article


def _written(text: str) -> str:
    return " ".join(text.lower().replace("–", "-").replace("—", "-").removeprefix("the ").split())


def _same_words(a: str, b: str) -> bool:
    a, b = _written(a), _written(b)
    return a in b or b in a


def _conflicts(mention: DateMention, entry: dict) -> bool:
    """Whether a reading contradicts the key (a wrong value), rather than only being less precise or vaguer."""
    if mention.vague and entry.get("vague"):
        return mention.date != str(entry["date"])  # "early" cut at another point is a convention, not a claim
    return not str(entry["date"]).startswith(mention.date)


def _date_matches(mention: DateMention, entry: dict) -> bool:
    a, b = _written(mention.text), _written(str(entry["text"]))
    return (
        mention.date == str(entry["date"])
        and mention.until == (str(entry["end"]) if entry.get("end") else None)
        and mention.vague == bool(entry.get("vague", False))
        and (a in b or b in a)
    )


def _pairs(roles: list[RoleMention]) -> list[tuple[str, set[str], RoleMention]]:
    """One entry per person and office: the name, every accepted form, and the first mention that says when."""
    merged: dict[tuple[str, str], tuple[str, set[str], RoleMention]] = {}
    for role in roles:
        name, forms, first = merged.setdefault(role.key, (role.name, set(), role))
        forms.update(fold(a) for a in role.accept)
        if first.start_date is None and first.end_date is None and (role.start_date or role.end_date):
            merged[role.key] = (name, forms, role)
    return list(merged.values())


def _pair_matches(name: str, forms: set[str], entry: dict) -> bool:
    names = {fold(str(entry["name"]))} | {fold(str(n)) for n in entry.get("also", [])}
    offices = [str(entry["office"]), *map(str, entry.get("accept", []))]
    return fold(name) in names and any(fold(o) in forms for o in offices)


def _keyed_date(entry: dict) -> str:
    """A key's date as the report lists it (a period with its ``/end``)."""
    return f"date {entry['text']!r} -> {entry['date']}{'/' + str(entry['end']) if entry.get('end') else ''}"


def _keyed_pair(entry: dict) -> str:
    return f"pair {entry['name']!r} as {entry['office']!r}"


def evaluate_article(article: Path, key: dict) -> ArticleReport:
    report = ArticleReport(article.name, str(key.get("style", "")), Score(0, 0, 0), Score(0, 0, 0), 0, 0)
    try:
        text, fmt = read_article_file(article)
        course = draft_course(text, article.name, fmt=fmt)
    except ArticleError as error:  # a refusal is a result to measure (nothing found), not a crash of the run
        report.refused = str(error)
        report.dates = Score(0, len(key.get("dates", [])), 0)
        report.people = Score(0, len(key.get("people", [])), 0)
        report.misses.extend(map(_keyed_date, key.get("dates", [])))
        report.misses.extend(map(_keyed_pair, key.get("people", [])))
        return report

    expected_dates = list(key.get("dates", []))
    found_dates = [mention for _, mention in course.dates()]
    open_dates = list(expected_dates)
    unmatched: list[tuple[DateMention, str]] = []
    matched = 0
    for mention in found_dates:
        entry = next((e for e in open_dates if _date_matches(mention, e)), None)
        if entry is None:
            found = f"date {mention.text!r} -> {mention.date}{'/' + mention.until if mention.until else ''}"
            report.false_finds.append(found)
            unmatched.append((mention, found))
        else:
            open_dates.remove(entry)
            matched += 1
    report.misses.extend(map(_keyed_date, open_dates))
    for mention, found in unmatched:  # a date of the text read with a value it does not say
        if any(_same_words(mention.text, str(e["text"])) and _conflicts(mention, e) for e in open_dates):
            report.invented.append(found)
    report.dates = Score(len(found_dates), len(expected_dates), matched)

    expected_people = list(key.get("people", []))
    found_pairs = _pairs([role for _, role in course.roles()])
    open_people = list(expected_people)
    matched = 0
    matched_names: list[tuple[str, dict]] = []  # (drafted name, key entry) of every match so far
    for name, forms, role in found_pairs:
        entry = next((e for e in open_people if _pair_matches(name, forms, e)), None)
        if entry is None and any(n == name and _pair_matches(name, forms, e) for n, e in matched_names):
            # the same person and keyed office in other words ("CTO", then "chief technical officer", both forms of
            # one key entry): one fact, counted once, neither a second find nor a false one
            report.duplicates.append(f"pair {name!r} as {role.office!r}")
            continue
        if entry is None:
            report.false_finds.append(f"pair {name!r} as {role.office!r}")
            keyed = {w for e in expected_people for n in [e["name"], *e.get("also", [])] for w in str(n).split()}
            if set(name.split()) & keyed:  # a person of the key, misnamed or given an office the text does not
                report.invented.append(f"pair {name!r} as {role.office!r}")
            continue
        open_people.remove(entry)
        matched_names.append((name, entry))
        matched += 1
        if entry.get("from") or entry.get("to"):
            report.when_keyed += 1
            right_from = not entry.get("from") or role.start_date == str(entry["from"])
            right_to = not entry.get("to") or role.end_date == str(entry["to"])
            report.when_right += right_from and right_to
    report.misses.extend(map(_keyed_pair, open_people))
    report.people = Score(len(found_pairs) - len(report.duplicates), len(expected_people), matched)
    return report


def evaluate_folder(folder: Path = DEFAULT_FOLDER, only: set[str] | None = None) -> list[ArticleReport]:
    """Every article of ``folder`` that has a key beside it (or only the named ones), in name order."""
    reports = []
    for key_path in sorted(folder.glob("*.key.yaml")):
        key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
        if only is None or key["article"] in only:
            reports.append(evaluate_article(folder / key["article"], key))
    return reports


def totals(reports: list[ArticleReport]) -> tuple[Score, Score]:
    dates, people = Score(0, 0, 0), Score(0, 0, 0)
    for report in reports:
        dates, people = dates + report.dates, people + report.people
    return dates, people


def _row(name: str, style: str, dates: Score, people: Score, invented: int) -> str:
    return (
        f"{name:38} {style:26} {dates.matched:>3}/{dates.found:<3} {dates.matched:>3}/{dates.expected:<3}"
        f" {dates.precision:>6.1%} {dates.recall:>6.1%}   {people.matched:>3}/{people.found:<3}"
        f" {people.matched:>3}/{people.expected:<3} {people.precision:>6.1%} {people.recall:>6.1%} {invented:>8}"
    )


def render(reports: list[ArticleReport], verbose: bool = False) -> str:
    """The table docs/importer.md quotes."""
    header = (
        f"{'article':38} {'style':26} {'dates: precision':>17} {'recall':>16}   {'pairs: precision':>17}"
        f" {'recall':>16} {'invented':>8}"
    )
    lines = [header]
    for report in reports:
        lines.append(_row(report.article, report.style, report.dates, report.people, len(report.invented)))
    dates, people = totals(reports)
    lines.append(_row("all articles", "", dates, people, sum(len(r.invented) for r in reports)))
    keyed = sum(r.when_keyed for r in reports)
    right = sum(r.when_right for r in reports)
    lines.append(f"when (from/to) right for {right} of {keyed} matched pairs whose key gives it")
    for report in reports:
        if report.refused:
            lines.append(f"{report.article}: REFUSED by the importer (counted as nothing found): {report.refused}")
    if verbose:
        for report in reports:
            for line in report.misses:
                lines.append(f"{report.article}: missed {line}")
            for line in report.false_finds:
                lines.append(f"{report.article}: not in the key: {line}")
            for line in report.invented:
                lines.append(f"{report.article}: INVENTED: {line}")
            for line in report.duplicates:
                lines.append(f"{report.article}: counted once (same keyed office in other words): {line}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m classroom.ingest.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--only", nargs="+", metavar="ARTICLE", help="measure only these articles (file names)")
    parser.add_argument("--verbose", action="store_true", help="list every miss and every find not in the key")
    parser.add_argument(
        "--check", action="store_true", help=f"exit 1 when a total is below {TARGET * 100:.0f}%%"
    )  # %% for argparse
    args = parser.parse_args(argv)
    only = set(args.only) if args.only else None
    reports = evaluate_folder(args.folder, only)
    if only and len(reports) != len(only):
        missing = sorted(only - {r.article for r in reports})
        parser.error(f"no key in {args.folder} for: {', '.join(missing)}")
    print(render(reports, args.verbose))
    dates, people = totals(reports)
    below = min(dates.precision, dates.recall, people.precision, people.recall) < TARGET
    return 1 if args.check and below else 0


if __name__ == "__main__":
    sys.exit(main())
