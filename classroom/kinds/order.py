"""Put in order: items shown scrambled; credit for the longest run already in the right order."""

from __future__ import annotations

import bisect
import random
from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from classroom.content.fields import Issue, Text, Topic, duplicates, issue, raise_issues
from classroom.kinds.base import Graded, Kind, QuestionBase, Sought, as_list, picks, result
from classroom.limits import MAX_OPTIONS


class OrderQuestion(QuestionBase):
    kind: Literal["order"]
    topic: Topic = "dates"
    items: list[Text] = Field(min_length=2, max_length=MAX_OPTIONS, description="in the correct order")

    LIMITED: ClassVar[tuple[tuple[str, ...], ...]] = (("items",), ("feedback",))
    scoring: Literal["subset", "exact"] = "subset"

    @model_validator(mode="after")
    def _rules(self) -> OrderQuestion:
        found: list[Issue] = []
        for index in duplicates(self.items):
            found.append(issue(("items", index), f"item '{self.items[index]}' is listed twice"))
        raise_issues(found)
        return self


def longest_increasing_run(positions: list[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    for value in positions:
        index = bisect.bisect_left(tails, value)
        if index == len(tails):
            tails.append(value)
        else:
            tails[index] = value
    return len(tails)


def scrambled(items: list[str], rng: random.Random) -> list[str]:
    """A starting order that is never already the answer."""
    shuffled = items[:]
    while shuffled == items:
        rng.shuffle(shuffled)
    return shuffled


class OrderKind(Kind[OrderQuestion]):
    name = "order"
    words = "put in order"
    model = OrderQuestion

    def grade(self, question: OrderQuestion, response: Any) -> Graded:
        rank = {item: index for index, item in enumerate(question.items)}
        given = [rank[item] for item in dict.fromkeys(as_list(response)) if item in rank]
        total = len(question.items)
        if question.scoring == "exact":
            return result(question, 1.0 if given == list(range(total)) else 0.0)
        in_order = longest_increasing_run(given)
        feedback = (
            "" if in_order == total else f"{in_order} of {total} items are in the right order relative to each other."
        )
        return result(question, in_order / total, feedback)

    def check_response(self, question: OrderQuestion, response: Any) -> str | None:
        return picks(response, question.items, "The order")

    def key_response(self, question: OrderQuestion) -> Any:
        return list(question.items)

    def describe_key(self, question: OrderQuestion) -> str:
        return " → ".join(question.items)

    def option_order(self, question: OrderQuestion, rng: random.Random, shuffle: bool) -> tuple[str, ...]:
        return tuple(scrambled(list(question.items), rng))  # always: shown in order, it would be its own key

    def view(self, question: OrderQuestion, options: tuple[str, ...]) -> dict[str, Any]:
        return {"options": options}

    def sought(self, question: OrderQuestion) -> Sought:
        return Sought(phrases=tuple(question.items), any_date=True)


KIND = OrderKind()
