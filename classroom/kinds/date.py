"""A date question: the student writes a date; precision (year, month, day) comes from the key."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from classroom.content.dates import PRECISION_RANK, HistDate, describe_precision, parse_answer, parse_iso, spoken
from classroom.content.fields import DateText, Issue, Topic, check_near, issue, raise_issues
from classroom.kinds.base import Graded, Kind, QuestionBase, Sought, result


class DateQuestion(QuestionBase):
    kind: Literal["date"]
    topic: Topic = "dates"
    answer: DateText = Field(description="precision (year, month or day) comes from the form")
    tolerance: int = Field(default=0, ge=0, description="full credit within this many units of the precision")
    near: int | None = Field(default=None, ge=0, description="half credit within this many units")

    @model_validator(mode="after")
    def _rules(self) -> DateQuestion:
        found: list[Issue] = []
        found.extend(check_near(self.tolerance, self.near))
        for key in self.feedback:
            if parse_iso(key) is None:
                found.append(
                    issue(
                        ("feedback", key), f'feedback key \'{key}\' is not a date like "2009" or "1991-12"', at_key=True
                    )
                )
        raise_issues(found)
        return self


def _key(question: DateQuestion) -> HistDate:
    key = parse_iso(question.answer)
    assert key is not None  # the model guarantees it
    return key


def _known_feedback(question: DateQuestion, given: HistDate) -> str:
    for key, text in question.feedback.items():
        wanted = parse_iso(key)
        if wanted is not None and given.distance(wanted, wanted.precision) == 0:
            return text
    return ""


class DateKind(Kind[DateQuestion]):
    name = "date"
    words = "date question"
    model = DateQuestion

    def grade(self, question: DateQuestion, response: Any) -> Graded:
        key = _key(question)
        problem = self.unreadable(question, response)
        given = parse_answer(str(response))
        if problem is not None or given is None:
            return result(question, 0, problem or "")
        distance = key.distance(given, key.precision)
        known = _known_feedback(question, given)
        if distance <= question.tolerance:
            return result(question, 1, known)
        if question.near is not None and distance <= question.near:
            return result(question, 0.5, known or f"Close: within {question.near} {key.precision}(s).")
        return result(question, 0, known)

    def unreadable(self, question: DateQuestion, response: Any) -> str | None:
        """The one place that says which date forms a student may write (it asks ``parse_answer``)."""
        wanted = describe_precision(_key(question).precision)
        given = parse_answer(str(response))
        if given is None:
            return f"“{response}” is not a date I can read. Write {wanted}."
        if PRECISION_RANK[given.precision] < PRECISION_RANK[_key(question).precision]:
            return f"“{response}” is not precise enough: this question asks for {wanted}."
        return None

    def key_response(self, question: DateQuestion) -> Any:
        return question.answer

    def describe_key(self, question: DateQuestion) -> str:
        return spoken(_key(question))

    def view(self, question: DateQuestion, options: tuple[str, ...]) -> dict[str, Any]:
        return {"precision": _key(question).precision}

    def sought(self, question: DateQuestion) -> Sought:
        return Sought(date=question.answer, expected=True)


KIND = DateKind()
