"""The content models: what a lesson and a quiz may contain, checked strictly.

The field types and the rules every model follows are in ``classroom/content/fields.py``;
each question kind's model is in its own file under ``classroom/kinds/``. A quiz's
``questions`` accept any registered kind, told apart by its ``kind`` field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, Union

from pydantic import Field, model_validator

from classroom.content.dates import parse_date
from classroom.content.fields import (
    TOPICS,
    DateText,
    Id,
    Issue,
    Status,
    Strict,
    Text,
    Topic,
    duplicates,
    issue,
    raise_issues,
)
from classroom.kinds import KINDS, QUESTION_KINDS, QuestionBase
from classroom.kinds.choice import ChoiceQuestion
from classroom.kinds.date import DateQuestion
from classroom.kinds.match import MatchQuestion
from classroom.kinds.number import NumberQuestion
from classroom.kinds.order import OrderQuestion
from classroom.kinds.text import TextQuestion
from classroom.kinds.true_false import TrueFalseQuestion
from classroom.limits import MAX_QUESTIONS_PER_QUIZ

CheckVerdict = Literal["wrong", "misleading", "disputed", "supported"]  # of a "check the claim" note

__all__ = [  # the kinds' models are named here too, so content code imports every model from one place
    "TOPICS",
    "QUESTION_KINDS",
    "ChoiceQuestion",
    "DateQuestion",
    "MatchQuestion",
    "NumberQuestion",
    "OrderQuestion",
    "TextQuestion",
    "TrueFalseQuestion",
    "Check",
    "CheckVerdict",
    "DateText",
    "Event",
    "Id",
    "Issue",
    "Lesson",
    "Passage",
    "Person",
    "Question",
    "Quiz",
    "Status",
    "Strict",
    "Text",
    "Topic",
    "issue",
    "raise_issues",
]


# ---------------------------------------------------------------- lessons


class Passage(Strict):
    """A piece of the reading; questions cite it as ``lesson-id#passage-id``."""

    id: Id
    heading: Text | None = None
    text: Text = Field(description="Markdown; raw HTML is not rendered.")


SHORT_LABEL = 40  # characters: what fits beside a phone's timeline


class Event(Strict):
    """A dated event on the lesson's timeline; with ``end`` it is a period."""

    date: DateText
    end: DateText | None = None
    label: Text
    short: Text | None = Field(
        default=None, description=f"the label on the timeline chart, at most {SHORT_LABEL} characters"
    )
    passage: Id | None = Field(default=None, description="id of the passage that tells this event")

    @model_validator(mode="after")
    def _end_after_start(self) -> Event:
        found: list[Issue] = []
        if self.short is not None and len(self.short) > SHORT_LABEL:
            found.append(issue("short", f"a short label has at most {SHORT_LABEL} characters ({len(self.short)} here)"))
        if self.end is not None and _sort_key(self.end) < _sort_key(self.date):
            found.append(issue("end", f"the period ends ({self.end}) before it starts ({self.date})"))
        raise_issues(found)
        return self


def _sort_key(text: str) -> tuple[int, int, int]:
    date = parse_date(text)
    return date.sort_key() if date is not None else (0, 0, 0)


class Person(Strict):
    """Someone who held an office, and when."""

    name: Text
    role: Text
    from_: DateText | None = Field(default=None, alias="from")
    to: DateText | None = None


class Check(Strict):
    """A claim of the source that deserves a second look ("check the claim")."""

    claim: Text
    verdict: CheckVerdict
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
        for index in duplicates(ids):
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

if TYPE_CHECKING:
    Question = QuestionBase
else:  # every registered kind, told apart by its ``kind`` value
    Question = Annotated[Union[tuple(kind.model for kind in KINDS.values())], Field(discriminator="kind")]  # noqa: UP007


class Quiz(Strict):
    id: Id
    title: Text
    lessons: list[Id] = Field(min_length=1, description="lessons it draws on")
    pass_mark: int = Field(default=60, ge=0, le=100, description="percent")
    shuffle: bool = Field(default=True, description="shuffle questions and options per attempt")
    draw: int | None = Field(default=None, ge=1, description="ask this many questions drawn from the pool")
    questions: list[Question] = Field(min_length=1, max_length=MAX_QUESTIONS_PER_QUIZ)

    @model_validator(mode="after")
    def _rules(self) -> Quiz:
        found: list[Issue] = []
        ids = [question.id for question in self.questions]
        for index in duplicates(ids):
            found.append(issue(("questions", index, "id"), f"question id '{ids[index]}' is used twice in this quiz"))
        if self.draw is not None and self.draw > len(self.questions):
            found.append(issue("draw", f"draw is {self.draw} but the quiz has only {len(self.questions)} questions"))
        raise_issues(found)
        return self

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)
