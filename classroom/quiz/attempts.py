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

from classroom.content.dates import parse_iso, spoken
from classroom.content.models import (
    ChoiceQuestion,
    DateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)
from classroom.quiz.grading import Graded, QuizScore, grade, is_blank, score_total


@dataclass(frozen=True)
class AttemptPlan:
    """The questions of one attempt in the order shown, and each one's option order."""

    quiz_id: str
    seed: int
    question_ids: tuple[str, ...]
    option_orders: dict[str, tuple[str, ...]]
    retry: bool = False  # only the questions missed last time: not a score for the whole quiz


@dataclass(frozen=True)
class QuestionView:
    """What a student may see of a question before answering it (nothing that reveals the key)."""

    id: str
    kind: str
    ask: str
    points: int
    hint: str | None
    options: tuple[str, ...] = ()  # choice options, order items (scrambled), or match right-hand choices
    prompts: tuple[str, ...] = ()  # match left-hand items
    several: bool = False  # choice: pick all that apply
    precision: str | None = None  # date: the form asked for (year, month or day)


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
    orders = {question.id: _option_order(question, rng, quiz.shuffle) for question in pool}
    option_orders = {k: v for k, v in orders.items() if v}
    return AttemptPlan(quiz.id, seed, tuple(q.id for q in pool), option_orders, retry=only is not None)


def _option_order(question: Question, rng: random.Random, shuffle: bool) -> tuple[str, ...]:
    if isinstance(question, ChoiceQuestion):
        options = list(question.options)
        if shuffle:
            rng.shuffle(options)
        return tuple(options)
    if isinstance(question, OrderQuestion):
        return tuple(_scrambled(list(question.items), rng))
    if isinstance(question, MatchQuestion):
        choices = question.choices
        rng.shuffle(choices)  # always: listing matches in pair order would give them away
        return tuple(choices)
    return ()


def _scrambled(items: list[str], rng: random.Random) -> list[str]:
    """A starting order for an order question that is never already the answer."""
    scrambled = items[:]
    while scrambled == items:
        rng.shuffle(scrambled)
    return scrambled


def student_view(question: Question, plan: AttemptPlan) -> QuestionView:
    options = plan.option_orders.get(question.id, ())
    base: dict[str, Any] = {
        "id": question.id,
        "kind": question.kind,
        "ask": question.ask,
        "points": question.points,
        "hint": question.hint,
    }
    if isinstance(question, ChoiceQuestion):
        return QuestionView(**base, options=options, several=question.several)
    if isinstance(question, OrderQuestion):
        return QuestionView(**base, options=options)
    if isinstance(question, MatchQuestion):
        return QuestionView(**base, options=options, prompts=tuple(question.pairs))
    if isinstance(question, DateQuestion):
        key = parse_iso(question.answer)
        return QuestionView(**base, precision=key.precision if key else None)
    return QuestionView(**base)


@dataclass
class Attempt:
    """An attempt in progress: the plan plus each submitted response and its grade.

    A submitted answer is final: ``submit`` refuses a second answer to the same question.
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

    def submit(self, quiz: Quiz, question_id: str, response: Any) -> Graded:
        """Grade and keep an answer; a question already answered keeps its first answer."""
        if question_id not in self.plan.question_ids:
            raise KeyError(f"question {question_id} is not part of this attempt")
        if question_id in self.graded:
            return self.graded[question_id]
        question = quiz.question(question_id)
        if question is None:
            raise KeyError(f"quiz {quiz.id} has no question {question_id}")
        return self.accept(question_id, response, grade(question, response))

    def accept(self, question_id: str, response: Any, graded: Graded) -> Graded:
        """Keep an answer graded elsewhere (already saved in the store); the first one wins."""
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
    if isinstance(question, DateQuestion):
        key = parse_iso(question.answer)
        return spoken(key) if key else question.answer
    if isinstance(question, TextQuestion):
        return question.accept[0]
    if isinstance(question, ChoiceQuestion):
        return ", ".join(question.correct)
    if isinstance(question, TrueFalseQuestion):
        return "True" if question.answer else "False"
    if isinstance(question, OrderQuestion):
        return " → ".join(question.items)
    if isinstance(question, MatchQuestion):
        return "; ".join(f"{left} → {right}" for left, right in question.pairs.items())
    return f"{question.answer:g}"


def describe_response(question: Question, response: Any) -> str:
    """A student's response as plain text (the screen escapes it)."""
    if is_blank(response):
        return "(no answer)"
    if isinstance(question, ChoiceQuestion) and isinstance(response, (list, tuple)):
        return ", ".join(map(str, response))
    if isinstance(response, bool):
        return "True" if response else "False"
    if isinstance(response, dict):
        return "; ".join(f"{left} → {right or '(none)'}" for left, right in response.items())
    if isinstance(response, (list, tuple)):
        return " → ".join(map(str, response))
    if isinstance(response, float):
        return f"{response:g}"
    return str(response)
