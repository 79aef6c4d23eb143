"""What every question kind provides, and the records they share.

A kind is one small class (:class:`Kind`) in one file of this package: its
content model, its grader, the right answer in words and as a response, what a
student may see of it before answering, and what its answer looks like in a
passage (for the teacher's review). The registry in ``classroom/kinds/__init__.py``
maps each ``kind:`` value to its class; the rest of the engine asks the registry
and never branches on a kind's name. Its widget lives in ``ui/shared/answers/``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar

from pydantic import Field, model_validator

from classroom.content.fields import Id, Issue, SourceRef, Status, Strict, Text, Topic, issue, raise_issues
from classroom.limits import MAX_OPTIONS, MAX_TEXT_ANSWER_CHARS

Verdict = Literal["correct", "partial", "wrong", "blank"]


class QuestionBase(Strict):
    """The fields every question has, whatever its kind."""

    id: Id
    ask: Text
    points: int = Field(default=1, ge=1, le=100)
    hint: Text | None = None
    explain: Text | None = Field(default=None, description="Shown after the student answers.")
    source: SourceRef | None = Field(default=None, description="lesson-id#passage-id the answer comes from")
    feedback: dict[str, Text] = Field(
        default={}, max_length=MAX_OPTIONS, description="feedback for known wrong answers"
    )
    status: Status = Field(default="ready", description="draft questions are never shown to students")

    # Lists of entries held to MAX_OPTIONS, each group counted together (a match's pairs and
    # distractors are all choices on one screen); every kind names its own.
    LIMITED: ClassVar[tuple[tuple[str, ...], ...]] = (("feedback",),)

    @model_validator(mode="before")
    @classmethod
    def _not_too_many(cls, data: Any) -> Any:
        """Refuse more than MAX_OPTIONS entries before any is validated, pointing at the first one too many.

        Runs for every path a question takes into the engine (a course file, an upload, the
        question-bank import, the article importer's drafts), since all of them build this model.
        """
        if isinstance(data, dict):
            raise_issues(too_many(data, cls.LIMITED))
        return data

    if TYPE_CHECKING:  # every kind declares both as fields of its own, with its own values
        kind: str
        topic: Topic


Q = TypeVar("Q", bound=QuestionBase)

_ENTRY_WORDS = {
    "options": "options",
    "correct": "correct options",
    "items": "items",
    "pairs": "pairs and distractors",
    "accept": "accepted answers",
    "feedback": "feedback entries",
}


def too_many(data: dict[str, Any], groups: tuple[tuple[str, ...], ...]) -> list[Issue]:
    """One issue for each group of fields in ``data`` with more than MAX_OPTIONS entries in all."""
    found: list[Issue] = []
    for group in groups:
        seen = 0
        for name in group:
            entries = data.get(name)
            if not isinstance(entries, (list, dict)):
                continue
            if seen + len(entries) > MAX_OPTIONS:
                total = sum(len(v) for v in (data.get(n) for n in group) if isinstance(v, (list, dict)))
                first_over = MAX_OPTIONS - seen
                at = list(entries)[first_over] if isinstance(entries, dict) else first_over
                words = _ENTRY_WORDS.get(group[0], group[0])
                found.append(
                    issue(
                        (name, at),
                        f"this question has {total:,} {words}; a question may have at most {MAX_OPTIONS}: "
                        "keep the ones that test the point, or split it into two questions",
                        at_key=isinstance(entries, dict),
                    )
                )
                break
            seen += len(entries)
    return found


@dataclass(frozen=True)
class Graded:
    """The outcome of one question."""

    id: str
    kind: str
    topic: str
    verdict: Verdict
    points: float
    max: float
    feedback: str = ""


@dataclass(frozen=True)
class QuestionView:
    """What a student may see of a question before answering it (nothing that reveals the key)."""

    id: str
    kind: str
    ask: str
    points: int
    hint: str | None
    options: tuple[str, ...] = ()  # choice options, order items (scrambled), or match right-hand choices
    prompts: tuple[str, ...] = ()  # match left-hand items
    several: bool = False  # choice: pick all that apply
    precision: str | None = None  # date: the form asked for (year, month or day)


@dataclass(frozen=True)
class Sought:
    """What a question's answer looks like in a passage, for the review's bold highlights."""

    phrases: tuple[str, ...] = ()  # written as words (any case, whole words)
    date: str | None = None  # this ISO date, or a date within it
    any_date: bool = False  # every date the passage writes
    expected: bool = False  # the passage should write the answer: say so when it does not


# ---------------------------------------------------------------- helpers for graders


def is_blank(response: Any) -> bool:
    """No answer at all: None, empty or white-space text, an empty list or mapping."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, dict):  # a matching question: blank when no item has a match chosen
        return all(is_blank(value) for value in response.values())
    if isinstance(response, (list, tuple, set)):
        return len(response) == 0
    return False


def result(question: QuestionBase, fraction: float, feedback: str = "") -> Graded:
    """The record for ``fraction`` of the question's points (clamped to 0..1)."""
    fraction = min(1.0, max(0.0, fraction))
    verdict: Verdict
    if fraction >= 1:
        verdict = "correct"
    elif fraction > 0:
        verdict = "partial"
    else:
        verdict = "wrong"
    points = round(question.points * fraction, 4)
    return Graded(question.id, question.kind, question.topic, verdict, points, question.points, feedback)


def blank(question: QuestionBase) -> Graded:
    return Graded(question.id, question.kind, question.topic, "blank", 0, question.points, "No answer was given.")


def short_text(response: Any, limit: int, what: str) -> str | None:
    """Why ``response`` is not text of at most ``limit`` characters (None when it is)."""
    if not isinstance(response, str):
        return f"{what} must be written as text"
    if len(response) > limit:
        return f"{what} is {len(response):,} characters long; write at most {limit:,}"
    return None


def picks(response: Any, allowed: list[str] | tuple[str, ...], what: str) -> str | None:
    """Why ``response`` is not a list of distinct values from ``allowed`` (None when it is)."""
    if not isinstance(response, (list, tuple)):
        return f"{what} must be a list"
    if len(response) > len(allowed):
        return f"{what} has more entries than there are to choose from"
    if any(not isinstance(item, str) or item not in allowed for item in response):
        return f"{what} holds something that is not one of the question's {len(allowed)} choices"
    if len(set(response)) != len(response):
        return f"{what} names the same choice twice"
    return None


def as_list(response: Any) -> list[str]:
    if isinstance(response, (list, tuple)):
        return [str(item) for item in response]
    return [str(response)]


# ---------------------------------------------------------------- the kind


class Kind(Generic[Q]):
    """One question kind. Subclasses set ``name``, ``words`` and ``model`` and write ``grade``."""

    name: ClassVar[str]  # the ``kind:`` value in a quiz file
    words: ClassVar[str]  # how a teacher calls it: "multiple choice"
    model: type[Q]

    def grade(self, question: Q, response: Any) -> Graded:
        """Grade a response that is not blank (``classroom.quiz.grading.grade`` handles blanks)."""
        raise NotImplementedError

    def check_response(self, question: Q, response: Any) -> str | None:
        """Why a (non-blank) response cannot be an answer to ``question``, in a student's words; None when it can.

        Any client can send any value, so ``classroom.quiz.answering.submit`` asks this before grading or
        storing: a choice must be one of the options, text is capped (``classroom/limits.py``). The default
        allows short text only; every kind with another answer shape says what it accepts.
        """
        return short_text(response, MAX_TEXT_ANSWER_CHARS, "The answer")

    def unreadable(self, question: Q, response: Any) -> str | None:
        """Why a (non-blank) response is in a form the grader cannot read, with the form expected; None if readable.

        The screens show it before the answer becomes final and keep the attempt open.
        """
        return None

    def key_response(self, question: Q) -> Any:
        """A response that earns full marks: the key in the form a student would give it."""
        raise NotImplementedError

    def describe_key(self, question: Q) -> str:
        """The right answer in words, for a student who has answered (never before)."""
        return str(self.key_response(question))

    def describe_response(self, question: Q, response: Any) -> str:
        """A student's (non-blank) response as plain text; the screen escapes it.

        By the response's shape, so that whatever a client sent is shown as it was stored.
        """
        if isinstance(response, bool):
            return "True" if response else "False"
        if isinstance(response, dict):
            return "; ".join(f"{left} → {right or '(none)'}" for left, right in response.items())
        if isinstance(response, (list, tuple)):
            return " → ".join(map(str, response))
        if isinstance(response, float):
            return f"{response:g}"
        return str(response)

    def option_order(self, question: Q, rng: random.Random, shuffle: bool) -> tuple[str, ...]:
        """The order this attempt shows the options in (empty for kinds without options)."""
        return ()

    def view(self, question: Q, options: tuple[str, ...]) -> dict[str, Any]:
        """What this kind adds to a student's ``QuestionView`` (never the key)."""
        return {}

    def sought(self, question: Q) -> Sought:
        """What the answer looks like in the passage the question cites."""
        return Sought()
