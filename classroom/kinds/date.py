"""A date question: the student writes a date; precision (century ... day) comes from the key.

A "c." key allows ``CIRCA_YEARS`` either side unless the question sets its own
``tolerance``; a dual-dated key (O.S. = N.S.) accepts either day and names both.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from pydantic import Field, model_validator

from classroom.content.course_file import course_era
from classroom.content.dates import (
    CIRCA_YEARS,
    PRECISION_RANK,
    HistDate,
    describe_precision,
    parse_answer,
    parse_date,
    precision_name,
    spoken,
)
from classroom.content.fields import DateText, Issue, Topic, check_near, issue, raise_issues
from classroom.kinds.base import Graded, Kind, QuestionBase, Sought, result, short_text
from classroom.limits import MAX_DATE_ANSWER_CHARS

UNIT_WORDS = {"century": "century", "decade": "decade", "year": "year", "month": "month", "day": "day"}


class DateQuestion(QuestionBase):
    kind: Literal["date"]
    topic: Topic = "dates"
    answer: DateText = Field(description="precision (century, decade, year, month or day) comes from the form")
    tolerance: int = Field(
        default=0, ge=0, description="full credit within this many units of the precision (a 'c.' key: 10 years)"
    )
    near: int | None = Field(default=None, ge=0, description="half credit within this many units")

    @model_validator(mode="after")
    def _rules(self) -> DateQuestion:
        found: list[Issue] = []
        key = parse_date(self.answer)
        found.extend(check_near(tolerance_of(self, key) if key else self.tolerance, self.near))
        for text in self.feedback:
            if parse_date(text) is None:
                found.append(
                    issue(
                        ("feedback", text),
                        f'feedback key \'{text}\' is not a date like "2009", "1991-12" or "44 BC"',
                        at_key=True,
                    )
                )
        raise_issues(found)
        return self


def tolerance_of(question: DateQuestion, key: HistDate) -> int:
    """The question's tolerance; for a "c." key without one, ``CIRCA_YEARS``."""
    if key.circa and "tolerance" not in question.model_fields_set:
        return CIRCA_YEARS
    return question.tolerance


def _key(question: DateQuestion) -> HistDate:
    key = parse_date(question.answer)
    assert key is not None  # the model guarantees it
    return key


def _distance(key: HistDate, given: HistDate) -> int:
    """The smallest distance from ``given`` to any side of the key, each side read in its own calendar."""
    distances = []
    for side in key.sides():
        unmarked = given.calendar is None and given.day is not None
        seen = replace(given, calendar=side.calendar) if unmarked else given
        distances.append(side.distance(seen, key.precision))
    return min(distances)


def _known_feedback(question: DateQuestion, given: HistDate) -> str:
    for text, words in question.feedback.items():
        wanted = parse_date(text)
        precise_enough = wanted is not None and PRECISION_RANK[given.precision] >= PRECISION_RANK[wanted.precision]
        if wanted is not None and precise_enough and _distance(wanted, given) == 0:
            return words
    return ""


class DateKind(Kind[DateQuestion]):
    name = "date"
    words = "date question"
    model = DateQuestion

    def grade(self, question: DateQuestion, response: Any) -> Graded:
        key = _key(question)
        given = parse_answer(str(response))
        if given is None:  # the same words the screens show before the answer is final
            return result(question, 0, self.unreadable(question, response) or "")
        if PRECISION_RANK[given.precision] < PRECISION_RANK[key.precision]:
            return result(
                question,
                0,
                f"This question asks for {describe_precision(key.precision, course_era())}; "
                f"your answer names {precision_name(given.precision)}.",
            )
        distance = _distance(key, given)
        known = _known_feedback(question, given)
        both = f"Both are right: {spoken(key, course_era())}." if key.dual is not None else ""
        if distance <= tolerance_of(question, key):
            return result(question, 1, " ".join(part for part in (known, both) if part))
        unit = UNIT_WORDS[key.precision]
        if question.near is not None and distance <= question.near:
            return result(question, 0.5, known or f"Close: within {question.near} {unit}(s).")
        return result(question, 0, known)

    def check_response(self, question: DateQuestion, response: Any) -> str | None:
        return short_text(response, MAX_DATE_ANSWER_CHARS, "A date")

    def unreadable(self, question: DateQuestion, response: Any) -> str | None:
        """The one place that says which date forms a student may write (it asks ``parse_answer``)."""
        wanted = describe_precision(_key(question).precision, course_era())
        given = parse_answer(str(response))
        if given is None:
            return f"“{response}” is not a date I can read. Write {wanted}."
        if PRECISION_RANK[given.precision] < PRECISION_RANK[_key(question).precision]:
            return f"“{response}” is not precise enough: this question asks for {wanted}."
        return None

    def key_response(self, question: DateQuestion) -> Any:
        return question.answer

    def describe_key(self, question: DateQuestion) -> str:
        return spoken(_key(question), course_era())

    def view(self, question: DateQuestion, options: tuple[str, ...]) -> dict[str, Any]:
        return {"precision": _key(question).precision}

    def sought(self, question: DateQuestion) -> Sought:
        key = _key(question)
        # The review finds ISO dates in passages: a decade, a century or a circa year has no ISO match.
        return Sought(date=key.iso() if key.unit == "year" and not key.circa else None, expected=True)


KIND = DateKind()
