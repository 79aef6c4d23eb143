"""True or false: a statement to judge."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from classroom.content.fields import Issue, Topic, issue, raise_issues
from classroom.kinds.base import Graded, Kind, QuestionBase, result

WORDS = {"true": True, "false": False, "yes": True, "no": False}


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


class TrueFalseKind(Kind[TrueFalseQuestion]):
    name = "true_false"
    words = "true or false"
    model = TrueFalseQuestion

    def grade(self, question: TrueFalseQuestion, response: Any) -> Graded:
        if isinstance(response, str):
            if response.strip().casefold() not in WORDS:
                return result(question, 0, "Answer true or false.")
            response = WORDS[response.strip().casefold()]
        if not isinstance(response, bool):
            return result(question, 0, "Answer true or false.")
        feedback = question.feedback.get("true" if response else "false", "")
        return result(question, 1.0 if response == question.answer else 0.0, feedback)

    def check_response(self, question: TrueFalseQuestion, response: Any) -> str | None:
        if isinstance(response, bool) or (
            isinstance(response, str) and len(response) <= 20 and response.strip().casefold() in WORDS
        ):
            return None
        return "Answer true or false"

    def key_response(self, question: TrueFalseQuestion) -> Any:
        return question.answer

    def describe_key(self, question: TrueFalseQuestion) -> str:
        return "True" if question.answer else "False"


KIND = TrueFalseKind()
