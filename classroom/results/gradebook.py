"""The class gradebook and a student's own record ("My work"): pure functions over the store's rows.

A *retry* attempt (only the questions missed) is practice: it shows as "practice: 5 of 6
right", never as a pass, and never counts towards the best score. Only whole-quiz attempts
are graded.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from classroom.results.export import csv_bytes, neutralise

NOT_STARTED, IN_PROGRESS, DONE = "not started", "in progress", "done"


@dataclass(frozen=True)
class QuizColumn:
    id: str
    title: str
    pass_mark: float


@dataclass(frozen=True)
class Cell:
    """One student at one quiz."""

    status: str  # NOT_STARTED, IN_PROGRESS or DONE (at least one whole attempt finished)
    best: float | None  # best percent over finished whole attempts
    attempts: int  # whole attempts, finished or not (practice not counted)
    practice: int  # practice rounds of missed questions
    passed: bool

    def text(self) -> str:
        """The cell as the gradebook shows it: "85% ✓ (2)", "in progress", "not started"."""
        if self.status == DONE and self.best is not None:
            return f"{self.best:g}%{' ✓' if self.passed else ''} ({self.attempts})"
        return self.status


@dataclass(frozen=True)
class Row:
    student_id: int
    student: str
    cells: dict[str, Cell]

    def done(self) -> int:
        return sum(cell.status == DONE for cell in self.cells.values())


def _cell(rows: Sequence[dict[str, Any]], pass_mark: float) -> Cell:
    whole = [row for row in rows if not row["retry"]]
    practice = len(rows) - len(whole)
    finished = [row["percent"] for row in whole if row["finished_at"] is not None and row["percent"] is not None]
    if finished:
        best = max(finished)
        return Cell(DONE, best, len(whole), practice, best >= pass_mark)
    if whole or practice:
        return Cell(IN_PROGRESS, None, len(whole), practice, False)
    return Cell(NOT_STARTED, None, 0, 0, False)


def gradebook(
    students: Iterable[Any], quizzes: Sequence[QuizColumn], attempt_rows: Iterable[dict[str, Any]]
) -> list[Row]:
    """Students (objects with ``id`` and ``display_name``) × quizzes, from ``Store.attempt_rows(class_id=...)``."""
    by_pair: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for row in attempt_rows:
        if row["student_id"] is not None:
            by_pair[row["student_id"], row["quiz_id"]].append(row)
    return [
        Row(
            student.id,
            student.display_name,
            {quiz.id: _cell(by_pair.get((student.id, quiz.id), []), quiz.pass_mark) for quiz in quizzes},
        )
        for student in students
    ]


def gradebook_csv(rows: Sequence[Row], quizzes: Sequence[QuizColumn]) -> bytes:
    """The whole gradebook for a spreadsheet: per quiz its best %, attempts and status; names neutralised."""
    columns = ["student"]
    for quiz in quizzes:
        columns += [f"{quiz.id} best %", f"{quiz.id} attempts", f"{quiz.id} passed", f"{quiz.id} status"]
    lines = []
    for row in rows:
        line: list[Any] = [neutralise(row.student)]
        for quiz in quizzes:
            cell = row.cells[quiz.id]
            line += ["" if cell.best is None else cell.best, cell.attempts, "true" if cell.passed else "false"]
            line.append(cell.status)
        lines.append(line)
    return csv_bytes(columns, lines)


@dataclass(frozen=True)
class WorkEntry:
    """One attempt as its student sees it in "My work"."""

    attempt_id: str
    quiz_id: str
    started_at: dt.datetime
    finished: bool
    practice: bool
    right: int  # questions answered right
    answered: int
    asked: int
    percent: float | None
    passed: bool | None

    def summary(self) -> str:
        if self.practice:
            return f"practice: {self.right} of {self.asked} right" + ("" if self.finished else " so far")
        if not self.finished:
            return f"in progress: {self.answered} of {self.asked} answered"
        return f"{self.percent:g}% — {'passed' if self.passed else 'not passed yet'}"


def my_work(attempt_rows: Iterable[dict[str, Any]], response_rows: Iterable[dict[str, Any]]) -> list[WorkEntry]:
    """A student's attempts, newest first, from ``Store.attempt_rows`` and ``Store.response_rows`` of that student."""
    right: dict[str, int] = defaultdict(int)
    answered: dict[str, int] = defaultdict(int)
    for response in response_rows:
        answered[response["attempt_id"]] += 1
        right[response["attempt_id"]] += response["verdict"] == "correct"
    entries = [
        WorkEntry(
            row["attempt_id"],
            row["quiz_id"],
            row["started_at"],
            row["finished_at"] is not None,
            bool(row["retry"]),
            right[row["attempt_id"]],
            answered[row["attempt_id"]],
            row.get("asked") or answered[row["attempt_id"]],
            None if row["retry"] else row["percent"],
            None if row["retry"] else row["passed"],
        )
        for row in attempt_rows
    ]
    return sorted(entries, key=lambda entry: entry.started_at, reverse=True)


def best_by_quiz(entries: Iterable[WorkEntry]) -> dict[str, float]:
    """Best percent per quiz over finished whole attempts (practice never counts)."""
    best: dict[str, float] = {}
    for entry in entries:
        if entry.finished and not entry.practice and entry.percent is not None:
            best[entry.quiz_id] = max(best.get(entry.quiz_id, entry.percent), entry.percent)
    return best
