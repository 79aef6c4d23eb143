"""Grading a quiz: each kind's grader (``classroom/kinds/``) per question, then the totals.

A grader takes a question and the student's response and returns a ``Graded``
record. ``grade_quiz`` adds the records up; ``score_total`` is the single
place where points become a score and a pass or fail.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from classroom.content.fields import TOPICS
from classroom.content.models import Question, Quiz
from classroom.errors import InternalError
from classroom.kinds import kind_of
from classroom.kinds.base import Graded, Verdict, blank, is_blank

__all__ = ["Graded", "QuizScore", "Verdict", "grade", "grade_quiz", "is_blank", "key_response", "score_total"]


@dataclass(frozen=True)
class QuizScore:
    """A whole quiz's outcome."""

    quiz: str
    score: float
    max: float
    percent: float
    passed: bool
    by_topic: dict[str, dict[str, float]]
    questions: tuple[Graded, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "quiz": self.quiz,
            "score": self.score,
            "max": self.max,
            "percent": self.percent,
            "passed": self.passed,
            "by_topic": self.by_topic,
            "questions": [g.__dict__.copy() for g in self.questions],
        }


def grade(question: Question, response: Any) -> Graded:
    """Grade one response; a blank response is 'blank' and scores 0. Each kind grades its own."""
    if is_blank(response):
        return blank(question)
    return kind_of(question).grade(question, response)


# ---------------------------------------------------------------- totals


def score_total(quiz: Quiz, graded: list[Graded]) -> QuizScore:
    """Add up points; raise when the records are inconsistent (a bug, never a student's fault)."""
    by_topic: dict[str, dict[str, float]] = {}
    for record in graded:
        if not 0 <= record.points <= record.max:
            raise InternalError(f"question {record.id}: {record.points} points out of {record.max}")
        bucket = by_topic.setdefault(record.topic, {"score": 0.0, "max": 0.0})
        bucket["score"] += record.points
        bucket["max"] += record.max
    score = round(sum(record.points for record in graded), 4)
    most = float(sum(record.max for record in graded))
    if score > most:
        raise InternalError(f"score {score} exceeds the maximum {most}")
    percent = round(100 * score / most, 1) if most else 0.0
    ordered = {topic: by_topic[topic] for topic in TOPICS if topic in by_topic}
    return QuizScore(quiz.id, score, most, percent, percent >= quiz.pass_mark, ordered, tuple(graded))


def grade_quiz(quiz: Quiz, responses: Mapping[str, Any], asked: list[str] | None = None) -> QuizScore:
    """Grade the questions asked (default: all of them, or when the quiz draws, those answered)."""
    if asked is None:
        asked = [q.id for q in quiz.questions if quiz.draw is None or q.id in responses]
    records = []
    for question_id in asked:
        question = quiz.question(question_id)
        if question is None:
            raise KeyError(f"quiz {quiz.id} has no question {question_id}")
        records.append(grade(question, responses.get(question_id)))
    return score_total(quiz, records)


def key_response(question: Question) -> Any:
    """A response that earns full marks: the answer key in the form a student would give it."""
    return kind_of(question).key_response(question)
