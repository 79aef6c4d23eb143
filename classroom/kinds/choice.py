"""Multiple choice: one right option, or several (pick all that apply, wrong picks cost points)."""

from __future__ import annotations

import random
from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from classroom.content.fields import Issue, Text, Topic, duplicates, issue, raise_issues
from classroom.kinds.base import Graded, Kind, QuestionBase, Sought, as_list, picks, result
from classroom.limits import MAX_OPTIONS


class ChoiceQuestion(QuestionBase):
    kind: Literal["choice"]
    topic: Topic = "context"
    options: list[Text] = Field(min_length=2, max_length=MAX_OPTIONS)
    correct: list[Text] = Field(
        min_length=1, max_length=MAX_OPTIONS, description="several entries make it pick-all-that-apply"
    )

    LIMITED: ClassVar[tuple[tuple[str, ...], ...]] = (("options",), ("correct",), ("feedback",))

    @model_validator(mode="after")
    def _rules(self) -> ChoiceQuestion:
        found: list[Issue] = []
        for index in duplicates(self.options):
            found.append(issue(("options", index), f"option '{self.options[index]}' is listed twice"))
        for index, value in enumerate(self.correct):
            if value not in self.options:
                found.append(issue(("correct", index), f"'{value}' is not one of the options"))
        for index in duplicates(self.correct):
            found.append(issue(("correct", index), f"'{self.correct[index]}' is listed twice"))
        for key in self.feedback:
            if key not in self.options:
                found.append(issue(("feedback", key), f"feedback key '{key}' is not one of the options", at_key=True))
        raise_issues(found)
        return self

    @property
    def several(self) -> bool:
        return len(self.correct) > 1


class ChoiceKind(Kind[ChoiceQuestion]):
    name = "choice"
    words = "multiple choice"
    model = ChoiceQuestion

    def grade(self, question: ChoiceQuestion, response: Any) -> Graded:
        picked = list(dict.fromkeys(as_list(response)))
        correct = set(question.correct)
        notes = [question.feedback[p] for p in picked if p in question.feedback and p not in correct]
        if not question.several:
            return result(question, 1.0 if picked == question.correct else 0.0, " ".join(notes))
        right = sum(1 for p in picked if p in correct)
        wrong = sum(1 for p in picked if p not in correct)
        return result(question, (right - wrong) / len(correct), " ".join(notes))

    def check_response(self, question: ChoiceQuestion, response: Any) -> str | None:
        if question.several:
            return picks(response, question.options, "The answer")
        if not isinstance(response, str) or response not in question.options:
            return "The answer must be one of the question's options"
        return None

    def key_response(self, question: ChoiceQuestion) -> Any:
        return list(question.correct) if question.several else question.correct[0]

    def describe_key(self, question: ChoiceQuestion) -> str:
        return ", ".join(question.correct)

    def describe_response(self, question: ChoiceQuestion, response: Any) -> str:
        if isinstance(response, (list, tuple)):
            return ", ".join(map(str, response))
        return super().describe_response(question, response)

    def option_order(self, question: ChoiceQuestion, rng: random.Random, shuffle: bool) -> tuple[str, ...]:
        options = list(question.options)
        if shuffle:
            rng.shuffle(options)
        return tuple(options)

    def view(self, question: ChoiceQuestion, options: tuple[str, ...]) -> dict[str, Any]:
        return {"options": options, "several": question.several}

    def sought(self, question: ChoiceQuestion) -> Sought:
        return Sought(phrases=tuple(question.correct), expected=True)


KIND = ChoiceKind()
