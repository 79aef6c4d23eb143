"""Matching: each left-hand item gets one right-hand match (people and their offices, say)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from pydantic import Field

from classroom.content.fields import Text, Topic
from classroom.kinds.base import Graded, Kind, QuestionBase, Sought, result
from classroom.limits import MAX_OPTIONS


class MatchQuestion(QuestionBase):
    kind: Literal["match"]
    topic: Topic = "roles"
    pairs: dict[Text, Text] = Field(
        min_length=2, max_length=MAX_OPTIONS, description="left-hand item: its right-hand match"
    )
    distractors: list[Text] = Field(
        default=[],
        max_length=MAX_OPTIONS,
        description=f"extra right-hand options (at most {MAX_OPTIONS} with the pairs)",
    )

    LIMITED: ClassVar[tuple[tuple[str, ...], ...]] = (("pairs", "distractors"), ("feedback",))

    @property
    def choices(self) -> list[str]:
        """Right-hand options: each match once, then the distractors."""
        return list(dict.fromkeys([*self.pairs.values(), *self.distractors]))


class MatchKind(Kind[MatchQuestion]):
    name = "match"
    words = "matching"
    model = MatchQuestion

    def grade(self, question: MatchQuestion, response: Any) -> Graded:
        if not isinstance(response, Mapping):
            return result(question, 0, "Pick a match for each item.")
        right = sum(1 for left, match in question.pairs.items() if str(response.get(left, "")) == match)
        feedback = "" if right == len(question.pairs) else f"{right} of {len(question.pairs)} pairs are right."
        return result(question, right / len(question.pairs), feedback)

    def check_response(self, question: MatchQuestion, response: Any) -> str | None:
        if not isinstance(response, Mapping):
            return "Pick a match for each item"
        choices = question.choices
        for left, right in response.items():
            if left not in question.pairs:
                return "The answer names an item the question does not have"
            if right is not None and right != "" and right not in choices:
                return "The answer holds a match that is not one of the question's choices"
        return None

    def key_response(self, question: MatchQuestion) -> Any:
        return dict(question.pairs)

    def describe_key(self, question: MatchQuestion) -> str:
        return "; ".join(f"{left} → {right}" for left, right in question.pairs.items())

    def option_order(self, question: MatchQuestion, rng: random.Random, shuffle: bool) -> tuple[str, ...]:
        choices = question.choices
        rng.shuffle(choices)  # always: listing matches in pair order would give them away
        return tuple(choices)

    def view(self, question: MatchQuestion, options: tuple[str, ...]) -> dict[str, Any]:
        return {"options": options, "prompts": tuple(question.pairs)}

    def sought(self, question: MatchQuestion) -> Sought:
        return Sought(phrases=(*question.pairs, *question.pairs.values()))


KIND = MatchKind()
