"""The neutral question record every format reads into and writes from, and the import report's lines.

An ``Item`` is a question as Moodle thinks of it (a type, a text, answers with a
fraction of the marks each and their feedback); GIFT and Moodle XML both map
onto it one to one, so each format module stays a plain reader and writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["imported", "changed", "skipped"]


@dataclass
class Answer:
    """One answer: its text, the fraction of the marks it earns (-1..1), its feedback."""

    text: str
    fraction: float = 0.0
    feedback: str = ""
    tolerance: float = 0.0  # numerical answers: full marks within this distance
    left: str = ""  # matching: the left-hand item ("subquestion"); empty for a distractor


@dataclass
class Item:
    """A question in a bank file, before it is one of our kinds (or after it was, on export)."""

    type: str  # Moodle's names: truefalse, multichoice, shortanswer, numerical, matching, essay, description, ...
    text: str  # Markdown
    title: str = ""
    answers: list[Answer] = field(default_factory=list)
    general_feedback: str = ""
    single: bool = True  # multichoice: one answer, or several
    points: float = 1.0
    penalty: float | None = None
    hints: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    category: str = ""
    line: int = 1  # where the question starts in its file
    changes: list[str] = field(default_factory=list)  # what reading the format already changed (HTML, images)


@dataclass(frozen=True)
class Note:
    """One line of a report: a question imported as it was, changed (and how), or skipped (and why)."""

    outcome: Outcome
    line: int
    title: str
    detail: str = ""
    kind: str = ""  # the kind it became (import) or the Moodle type it was written as (export)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        what = f"{self.outcome} as {self.kind}" if self.kind and self.outcome != "skipped" else self.outcome
        return f"{where}{self.title}: {what}" + (f" — {self.detail}" if self.detail else "")
