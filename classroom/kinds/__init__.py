"""The question kinds, one file each, and the registry the rest of the engine asks.

Adding a kind is this package's one new file (a ``Kind`` subclass and its model,
listed in ``KINDS`` below) plus its widget in ``ui/shared/answers/``; nothing else
in the engine names a kind. ``tests/test_kinds.py`` checks that every kind has a
widget and that its key earns full marks.
"""

from __future__ import annotations

from typing import Any

from classroom.kinds import choice, date, match, number, order, text, true_false
from classroom.kinds.base import Graded, Kind, QuestionBase, QuestionView, Sought, Verdict, is_blank

KINDS: dict[str, Kind[Any]] = {
    kind.name: kind
    for kind in (date.KIND, text.KIND, choice.KIND, true_false.KIND, order.KIND, match.KIND, number.KIND)
}
QUESTION_KINDS: tuple[str, ...] = tuple(KINDS)


def kind_of(question: QuestionBase) -> Kind[Any]:
    """The kind of a validated question (its ``kind`` field names it)."""
    return KINDS[question.kind]


__all__ = [
    "KINDS",
    "QUESTION_KINDS",
    "Graded",
    "Kind",
    "QuestionBase",
    "QuestionView",
    "Sought",
    "Verdict",
    "is_blank",
    "kind_of",
]
