"""A written answer: accepted answers, compared the way a teacher would, with typos forgiven."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import Field
from rapidfuzz.distance import Levenshtein

from classroom.content.fields import Text, Topic
from classroom.kinds.base import Graded, Kind, QuestionBase, Sought, result, short_text
from classroom.limits import MAX_OPTIONS, MAX_TEXT_ANSWER_CHARS
from classroom.text import fold


class TextQuestion(QuestionBase):
    kind: Literal["text"]
    topic: Topic = "context"
    accept: list[Text] = Field(min_length=1, max_length=MAX_OPTIONS, description="accepted answers")
    typos: int | None = Field(
        default=None, ge=0, le=5, description="allowed edits per answer; default 0 up to 4 letters, 1 up to 8, else 2"
    )

    LIMITED: ClassVar[tuple[tuple[str, ...], ...]] = (("accept",), ("feedback",))


def default_typos(answer: str) -> int:
    """Edits allowed by default: 0 up to 4 letters, 1 up to 8, else 2."""
    letters = len(answer.replace(" ", ""))
    if letters <= 4:
        return 0
    return 1 if letters <= 8 else 2


def _within(question: TextQuestion, given: str, wanted: str) -> bool:
    budget = question.typos if question.typos is not None else default_typos(wanted)
    return Levenshtein.distance(given, wanted, score_cutoff=budget) <= budget


class TextKind(Kind[TextQuestion]):
    name = "text"
    words = "written answer"
    model = TextQuestion

    def grade(self, question: TextQuestion, response: Any) -> Graded:
        given = fold(str(response))
        accepted = [fold(answer) for answer in question.accept]
        known_wrong = {fold(key): text for key, text in question.feedback.items()}
        if given in accepted:
            return result(question, 1)
        if given in known_wrong:
            return result(question, 0, known_wrong[given])
        for answer, original in zip(accepted, question.accept, strict=True):
            if _within(question, given, answer):
                return result(question, 1, f"Accepted, allowing for spelling: '{original}'.")
        for wrong, text in known_wrong.items():
            if _within(question, given, wrong):
                return result(question, 0, text)
        return result(question, 0)

    def check_response(self, question: TextQuestion, response: Any) -> str | None:
        return short_text(response, MAX_TEXT_ANSWER_CHARS, "The answer")

    def key_response(self, question: TextQuestion) -> Any:
        return question.accept[0]

    def sought(self, question: TextQuestion) -> Sought:
        return Sought(phrases=tuple(question.accept), expected=True)


KIND = TextKind()
