"""One student's attempt at a quiz: which questions, in which order, and what was answered.

The plan is drawn and shuffled from a seed, so re-running a page (or
restoring an attempt after a restart) always shows the same questions in the
same order. ``student_view`` is the only shape of a question that may reach
the browser before it is answered: prompts and options, never the key.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from classroom.content.models import Question, Quiz
from classroom.kinds import QuestionView, is_blank, kind_of
from classroom.quiz.grading import Graded, QuizScore, score_total


@dataclass(frozen=True)
class AttemptPlan:
    """The questions of one attempt in the order shown, and each one's option order."""

    quiz_id: str
    seed: int
    question_ids: tuple[str, ...]
    option_orders: dict[str, tuple[str, ...]]
    retry: bool = False  # only the questions missed last time: not a score for the whole quiz


def askable(quiz: Quiz) -> list[Question]:
    """Questions students may be asked: drafts stay with the teacher."""
    return [question for question in quiz.questions if question.status == "ready"]


def plan_attempt(quiz: Quiz, seed: int, only: list[str] | None = None) -> AttemptPlan:
    """Draw and shuffle the questions for one attempt, reproducibly from ``seed``.

    ``only`` restricts the attempt to some questions (retrying the missed ones);
    they are asked in full, without drawing.
    """
    rng = random.Random(f"{quiz.id}:{seed}")
    pool = askable(quiz)
    if only is not None:
        pool = [question for question in pool if question.id in set(only)]
    elif quiz.draw is not None and quiz.draw < len(pool):
        pool = rng.sample(pool, quiz.draw)
        if not quiz.shuffle:
            pool.sort(key=quiz.questions.index)
    if quiz.shuffle:
        rng.shuffle(pool)
    orders = {question.id: kind_of(question).option_order(question, rng, quiz.shuffle) for question in pool}
    option_orders = {k: v for k, v in orders.items() if v}
    return AttemptPlan(quiz.id, seed, tuple(q.id for q in pool), option_orders, retry=only is not None)


def student_view(question: Question, plan: AttemptPlan) -> QuestionView:
    """Prompts and options in this attempt's order, and what its kind adds; never the key."""
    options = plan.option_orders.get(question.id, ())
    return QuestionView(
        id=question.id,
        kind=question.kind,
        ask=question.ask,
        points=question.points,
        hint=question.hint,
        **kind_of(question).view(question, options),
    )


@dataclass
class Attempt:
    """An attempt in progress: the plan plus each submitted response and its grade.

    Answers arrive through ``classroom.quiz.answering.submit`` (graded and saved first);
    a submitted answer is final: ``accept`` keeps the first answer to a question.
    """

    plan: AttemptPlan
    responses: dict[str, Any] = field(default_factory=dict)
    graded: dict[str, Graded] = field(default_factory=dict)

    @property
    def position(self) -> int:
        """Index of the first unanswered question (len(plan) when all are answered)."""
        for index, question_id in enumerate(self.plan.question_ids):
            if question_id not in self.graded:
                return index
        return len(self.plan.question_ids)

    @property
    def finished(self) -> bool:
        return self.position == len(self.plan.question_ids)

    def accept(self, question_id: str, response: Any, graded: Graded) -> Graded:
        """Keep an answer already graded and saved; the first one wins."""
        if question_id not in self.graded:
            self.responses[question_id] = response
            self.graded[question_id] = graded
        return self.graded[question_id]

    def fits(self, quiz: Quiz) -> bool:
        """Whether the quiz still has every question of this attempt (a teacher may have edited it)."""
        ready = {question.id for question in askable(quiz)}
        return self.plan.quiz_id == quiz.id and set(self.plan.question_ids) <= ready

    def score(self, quiz: Quiz) -> QuizScore:
        return score_total(quiz, [self.graded[qid] for qid in self.plan.question_ids if qid in self.graded])

    def missed(self) -> list[str]:
        return [qid for qid in self.plan.question_ids if qid in self.graded and self.graded[qid].verdict != "correct"]


def describe_key(question: Question) -> str:
    """The right answer in words, for the result page (only after the question is answered)."""
    return kind_of(question).describe_key(question)


def describe_response(question: Question, response: Any) -> str:
    """A student's response as plain text (the screen escapes it)."""
    if is_blank(response):
        return "(no answer)"
    return kind_of(question).describe_response(question, response)
