"""A number question: "1,000" is a thousand, "3,5" three and a half; tolerance gives full or half credit."""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, model_validator

from classroom.content.fields import Issue, Topic, check_near, raise_issues
from classroom.kinds.base import Graded, Kind, QuestionBase, Sought, result, short_text
from classroom.limits import MAX_NUMBER_ANSWER_CHARS


class NumberQuestion(QuestionBase):
    kind: Literal["number"]
    topic: Topic = "context"
    answer: float
    tolerance: float = Field(default=0, ge=0)
    near: float | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _rules(self) -> NumberQuestion:
        found: list[Issue] = []
        found.extend(check_near(self.tolerance, self.near))
        raise_issues(found)
        return self


NUMBER_FORM = "Write the number in digits, for example 12, 1,000 or 3.5."


def read_number(response: Any) -> float | None:
    """A number typed by a student: "1,000" is a thousand, "3,5" is three and a half."""
    if isinstance(response, bool):
        return None
    text = str(response).strip().replace(" ", "")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    try:
        value = float(text.replace(",", "."))
    except (ValueError, OverflowError):
        return None
    return value if value == value and abs(value) != float("inf") else None


def _same_number(text: str, value: float) -> bool:
    try:
        return float(text) == value
    except ValueError:
        return False


class NumberKind(Kind[NumberQuestion]):
    name = "number"
    words = "number question"
    model = NumberQuestion

    def grade(self, question: NumberQuestion, response: Any) -> Graded:
        given = read_number(response)
        if given is None:
            return result(question, 0, self.unreadable(question, response) or "")
        known = next((text for key, text in question.feedback.items() if _same_number(key, given)), "")
        difference = abs(given - question.answer)
        if difference <= question.tolerance:
            return result(question, 1, known)
        if question.near is not None and difference <= question.near:
            return result(question, 0.5, known or "Close, but not exact.")
        return result(question, 0, known)

    def check_response(self, question: NumberQuestion, response: Any) -> str | None:
        if isinstance(response, (int, float)) and not isinstance(response, bool):
            return None
        return short_text(response, MAX_NUMBER_ANSWER_CHARS, "A number")

    def unreadable(self, question: NumberQuestion, response: Any) -> str | None:
        if read_number(response) is not None:
            return None
        return f"“{response}” is not a number I can read. {NUMBER_FORM}"

    def key_response(self, question: NumberQuestion) -> Any:
        return question.answer

    def describe_key(self, question: NumberQuestion) -> str:
        return f"{question.answer:g}"

    def sought(self, question: NumberQuestion) -> Sought:
        return Sought(phrases=(f"{question.answer:g}",))


KIND = NumberKind()
