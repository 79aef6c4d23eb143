"""Results as files a teacher can open: CSV for spreadsheets, JSON for one student's data.

The CSV files open cleanly in Excel and LibreOffice: UTF-8 with a byte order
mark (so accents and emoji are not garbled), one header row, ISO 8601 times
in UTC, and no formula injection. A student can type ``=HYPERLINK(...)`` as
their name or answer; a spreadsheet would run it, so every text cell that
starts with a formula character gets a leading apostrophe, which spreadsheets
read as "this is text". Numbers we wrote ourselves (scores, points) are left
as numbers so the teacher can still sum and sort them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

ATTEMPT_COLUMNS = (
    "quiz_id",
    "student",
    "student_id",
    "class_id",
    "kiosk",
    "attempt_id",
    "started_at",
    "finished_at",
    "score",
    "max",
    "percent",
    "passed",
    "retry",  # true: only the questions missed last time, so not a score for the whole quiz
)
RESPONSE_COLUMNS = (
    "quiz_id",
    "student",
    "student_id",
    "kiosk",
    "attempt_id",
    "question_id",
    "kind",
    "topic",
    "response",
    "verdict",
    "points",
    "max",
    "feedback",
    "answered_at",
)


def iso_utc(moment: dt.datetime) -> str:
    """One unambiguous time format for every file: UTC, to the second. Naive times are taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def response_text(value: Any) -> str:
    """A stored answer as a reader would write it: lists as "a; b", matches as "left → right; ..."."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(response_text(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{response_text(left)} → {response_text(right)}" for left, right in value.items())
    return str(value)


def neutralise(text: str) -> str:
    """Stop a spreadsheet from running a cell as a formula: a leading apostrophe makes it text."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _cell(value: Any) -> Any:
    """A value ready for the csv module: numbers stay numbers, every text is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, dt.datetime):
        return iso_utc(value)
    if isinstance(value, str):
        return neutralise(value)
    return neutralise(response_text(value))


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM tells Excel the file is UTF-8


def attempts_csv(attempt_rows: Iterable[dict[str, Any]]) -> bytes:
    """One row per attempt (``Store.attempt_rows``), for the teacher's spreadsheet."""
    return csv_bytes(ATTEMPT_COLUMNS, ([_cell(row.get(column)) for column in ATTEMPT_COLUMNS] for row in attempt_rows))


def _response_cells(row: dict[str, Any]) -> list[Any]:
    # The answer column is always text, even when the student's answer was a number.
    return [
        neutralise(response_text(row.get(column))) if column == "response" else _cell(row.get(column))
        for column in RESPONSE_COLUMNS
    ]


def responses_csv(response_rows: Iterable[dict[str, Any]]) -> bytes:
    """One row per student per question (``Store.response_rows``), with the answer as text."""
    return csv_bytes(RESPONSE_COLUMNS, (_response_cells(row) for row in response_rows))


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return iso_utc(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def student_json(export: dict[str, Any]) -> bytes:
    """Everything stored about one student (``Store.export_student``) as readable UTF-8 JSON."""
    text = json.dumps(export, ensure_ascii=False, indent=2, default=_json_value)
    return text.encode("utf-8")
