"""The content models: what a lesson and a quiz may contain, checked strictly.

Every model forbids unknown fields and does not coerce types, so a typo or a
wrong type in a teacher's file is reported instead of being guessed at.
Cross-field rules raise ``ContentError`` naming the field at fault, so the
loader can point at the right line.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from classroom.content.dates import HistDate, parse_iso

Topic = Literal["dates", "roles", "outcomes", "context"]
TOPICS: tuple[str, ...] = ("dates", "roles", "outcomes", "context")
Verdict = Literal["wrong", "misleading", "disputed", "supported"]
Status = Literal["draft", "ready"]


Issue = tuple[tuple[str | int, ...], str, bool]  # (path inside the model, message, point at the key?)


def issue(field: str | tuple[str | int, ...], message: str, at_key: bool = False) -> Issue:
    """A rule broken by ``field`` of the model (a name or a path inside it).

    ``at_key`` points the message at the key of a mapping entry rather than at its value.
    """
    return ((field,) if isinstance(field, str) else field, message, at_key)


def raise_issues(issues: list[Issue]) -> None:
    """Raise every broken rule at once; the loader turns each into its own located message."""
    if issues:
        summary = "; ".join(message for _, message, _ in issues)
        raise PydanticCustomError("content", "{summary}", {"summary": summary, "issues": issues})


def _number_as_text(value: Any) -> Any:
    """Unquoted 1991 or 3.5 in a text field means the text "1991" or "3.5"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _check_id(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value):
        raise PydanticCustomError(
            "content",
            "'{value}' is not a valid id: use lowercase letters, digits and single dashes, like 'after-1991'",
            {"value": value},
        )
    return value


def _check_date(value: str) -> str:
    if parse_iso(value) is None:
        raise PydanticCustomError(
            "content",
            '\'{value}\' is not a date: write "YYYY", "YYYY-MM" or "YYYY-MM-DD" in quotes',
            {"value": value},
        )
    return value


def _check_source(value: str) -> str:
    lesson, sep, passage = value.partition("#")
    if not sep or not lesson or not passage:
        raise PydanticCustomError(
            "content", "'{value}' is not a source: write lesson-id#passage-id, like after-1991#p1", {"value": value}
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("content", "this text is empty; write something or remove the field", {})
    return value


Text = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_not_blank)]
Id = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_check_id)]
DateText = Annotated[
    str,
    BeforeValidator(_number_as_text),
    AfterValidator(_check_date),
    Field(examples=["1991", "1991-12", "1991-12-26"]),
]
SourceRef = Annotated[str, AfterValidator(_check_source), Field(examples=["after-1991#p1"])]


def _duplicates(values: list[str]) -> list[int]:
    """Indexes of the entries that repeat an earlier one."""
    seen: set[str] = set()
    repeated = []
    for index, value in enumerate(values):
        if value in seen:
            repeated.append(index)
        seen.add(value)
    return repeated


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


# ---------------------------------------------------------------- lessons


class Passage(Strict):
    """A piece of the reading; questions cite it as ``lesson-id#passage-id``."""

    id: Id
    heading: Text | None = None
    text: Text = Field(description="Markdown; raw HTML is not rendered.")


class Event(Strict):
    """A dated event on the lesson's timeline; with ``end`` it is a period."""

    date: DateText
    end: DateText | None = None
    label: Text
    passage: Id | None = Field(default=None, description="id of the passage that tells this event")

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        found: list[Issue] = []
        if self.end is not None and _sort_key(self.end) < _sort_key(self.date):
            found.append(issue("end", f"the period ends ({self.end}) before it starts ({self.date})"))
        raise_issues(found)
        return self


def _sort_key(text: str) -> tuple[int, int, int]:
    date = parse_iso(text) or HistDate(0)
    return date.year, date.month or 0, date.day or 0


class Person(Strict):
    """Someone who held an office, and when."""

    name: Text
    role: Text
    from_: DateText | None = Field(default=None, alias="from")
    to: DateText | None = None


class Check(Strict):
    """A claim of the source that deserves a second look ("check the claim")."""

    claim: Text
    verdict: Verdict
    note: Text = Field(description="What the record shows.")
    sources: list[Text] = Field(min_length=1)


class Lesson(Strict):
    id: Id
    title: Text
    order: int = Field(ge=1, description="position in the course")
    summary: Text
    passages: list[Passage] = Field(min_length=1)
    events: list[Event] = []
    people: list[Person] = []
    checks: list[Check] = []

    @model_validator(mode="after")
    def _links(self) -> Lesson:
        found: list[Issue] = []
        ids = [passage.id for passage in self.passages]
        for index in _duplicates(ids):
            found.append(issue(("passages", index, "id"), f"passage id '{ids[index]}' is used twice in this lesson"))
        for index, event in enumerate(self.events):
            if event.passage is not None and event.passage not in ids:
                found.append(
                    issue(
                        ("events", index, "passage"),
                        f"no passage '{event.passage}' in this lesson (passages: {', '.join(ids)})",
                    )
                )
        raise_issues(found)
        return self

    def passage(self, passage_id: str) -> Passage | None:
        return next((p for p in self.passages if p.id == passage_id), None)


# ---------------------------------------------------------------- questions


class QuestionBase(Strict):
    id: Id
    ask: Text
    points: int = Field(default=1, ge=1, le=100)
    hint: Text | None = None
    explain: Text | None = Field(default=None, description="Shown after the student answers.")
    source: SourceRef | None = Field(default=None, description="lesson-id#passage-id the answer comes from")
    feedback: dict[str, Text] = Field(default={}, description="feedback for known wrong answers")
    status: Status = Field(default="ready", description="draft questions are never shown to students")


class DateQuestion(QuestionBase):
    kind: Literal["date"]
    topic: Topic = "dates"
    answer: DateText = Field(description="precision (year, month or day) comes from the form")
    tolerance: int = Field(default=0, ge=0, description="full credit within this many units of the precision")
    near: int | None = Field(default=None, ge=0, description="half credit within this many units")

    @model_validator(mode="after")
    def _rules(self) -> DateQuestion:
        found: list[Issue] = []
        found.extend(_check_near(self.tolerance, self.near))
        for key in self.feedback:
            if parse_iso(key) is None:
                found.append(
                    issue(
                        ("feedback", key), f'feedback key \'{key}\' is not a date like "2009" or "1991-12"', at_key=True
                    )
                )
        raise_issues(found)
        return self


def _check_near(tolerance: float, near: float | None) -> list[Issue]:
    found: list[Issue] = []
    if near is not None and near < tolerance:
        found.append(issue("near", f"'near' ({near:g}) must be at least 'tolerance' ({tolerance:g})"))
    return found


class TextQuestion(QuestionBase):
    kind: Literal["text"]
    topic: Topic = "context"
    accept: list[Text] = Field(min_length=1, description="accepted answers")
    typos: int | None = Field(
        default=None, ge=0, le=5, description="allowed edits per answer; default 0 up to 4 letters, 1 up to 8, else 2"
    )


class ChoiceQuestion(QuestionBase):
    kind: Literal["choice"]
    topic: Topic = "context"
    options: list[Text] = Field(min_length=2)
    correct: list[Text] = Field(min_length=1, description="several entries make it pick-all-that-apply")

    @model_validator(mode="after")
    def _rules(self) -> ChoiceQuestion:
        found: list[Issue] = []
        for index in _duplicates(self.options):
            found.append(issue(("options", index), f"option '{self.options[index]}' is listed twice"))
        for index, value in enumerate(self.correct):
            if value not in self.options:
                found.append(issue(("correct", index), f"'{value}' is not one of the options"))
        for index in _duplicates(self.correct):
            found.append(issue(("correct", index), f"'{self.correct[index]}' is listed twice"))
        for key in self.feedback:
            if key not in self.options:
                found.append(issue(("feedback", key), f"feedback key '{key}' is not one of the options", at_key=True))
        raise_issues(found)
        return self

    @property
    def several(self) -> bool:
        return len(self.correct) > 1


class TrueFalseQuestion(QuestionBase):
    kind: Literal["true_false"]
    topic: Topic = "context"
    answer: bool

    @model_validator(mode="after")
    def _rules(self) -> TrueFalseQuestion:
        found: list[Issue] = []
        for key in self.feedback:
            if key not in ("true", "false"):
                found.append(issue(("feedback", key), f"feedback key '{key}' must be true or false", at_key=True))
        raise_issues(found)
        return self


class OrderQuestion(QuestionBase):
    kind: Literal["order"]
    topic: Topic = "dates"
    items: list[Text] = Field(min_length=2, description="in the correct order")
    scoring: Literal["subset", "exact"] = "subset"

    @model_validator(mode="after")
    def _rules(self) -> OrderQuestion:
        found: list[Issue] = []
        for index in _duplicates(self.items):
            found.append(issue(("items", index), f"item '{self.items[index]}' is listed twice"))
        raise_issues(found)
        return self


class MatchQuestion(QuestionBase):
    kind: Literal["match"]
    topic: Topic = "roles"
    pairs: dict[Text, Text] = Field(min_length=2, description="left-hand item: its right-hand match")
    distractors: list[Text] = Field(default=[], description="extra right-hand options")

    @property
    def choices(self) -> list[str]:
        """Right-hand options: each match once, then the distractors."""
        return list(dict.fromkeys([*self.pairs.values(), *self.distractors]))


class NumberQuestion(QuestionBase):
    kind: Literal["number"]
    topic: Topic = "context"
    answer: float
    tolerance: float = Field(default=0, ge=0)
    near: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _rules(self) -> NumberQuestion:
        found: list[Issue] = []
        found.extend(_check_near(self.tolerance, self.near))
        raise_issues(found)
        return self


Question = Annotated[
    DateQuestion | TextQuestion | ChoiceQuestion | TrueFalseQuestion | OrderQuestion | MatchQuestion | NumberQuestion,
    Field(discriminator="kind"),
]
QUESTION_KINDS: tuple[str, ...] = ("date", "text", "choice", "true_false", "order", "match", "number")


class Quiz(Strict):
    id: Id
    title: Text
    lessons: list[Id] = Field(min_length=1, description="lessons it draws on")
    pass_mark: int = Field(default=60, ge=0, le=100, description="percent")
    shuffle: bool = Field(default=True, description="shuffle questions and options per attempt")
    draw: int | None = Field(default=None, ge=1, description="ask this many questions drawn from the pool")
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _rules(self) -> Quiz:
        found: list[Issue] = []
        ids = [question.id for question in self.questions]
        for index in _duplicates(ids):
            found.append(issue(("questions", index, "id"), f"question id '{ids[index]}' is used twice in this quiz"))
        if self.draw is not None and self.draw > len(self.questions):
            found.append(issue("draw", f"draw is {self.draw} but the quiz has only {len(self.questions)} questions"))
        raise_issues(found)
        return self

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)
