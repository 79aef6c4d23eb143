"""The one answer path: start an attempt, submit answers, finish with a score; each step saved first.

The student's quiz, the kiosk's quiz, the load benchmark and the tests all go
through these three functions, so what a test checks is what a student gets.
An answer counts only once the store has it: ``submit`` grades it, writes it,
and only then keeps it in the attempt. When the store fails, the attempt is
left as it was (the error goes to the caller, which asks the student to submit
again): a submitted answer is never half-counted and never lost silently.

Before an answer becomes final, :func:`check` says whether it is blank (the screen asks
"Submit an empty answer?") or in a form the grader cannot read (the screen says which
form is expected and keeps the question open). :func:`preview` grades without storing,
for the teacher's preview.

``store`` is a ``classroom.results.store.Store`` (anything with ``start_attempt``,
``record_answer`` and ``finish_attempt``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from classroom.content.models import Question, Quiz
from classroom.errors import UserError
from classroom.kinds import kind_of
from classroom.quiz.attempts import Attempt, plan_attempt
from classroom.quiz.grading import Graded, QuizScore, grade, is_blank

if TYPE_CHECKING:
    from classroom.results.store import Store, StoredAttempt


class RefusedAnswer(UserError):
    """An answer that is not stored: the message says why, in a student's words."""


class NotInAttempt(RefusedAnswer):
    """An answer to a question this attempt does not ask (a client can send any question id)."""


class InvalidAnswer(RefusedAnswer):
    """An answer that cannot answer its question: a made-up choice, text over the limit, the wrong shape."""


@dataclass(frozen=True)
class Submitted:
    """What one submission did: the answer's grade, and the total when it was the last question."""

    graded: Graded
    score: QuizScore | None = None


@dataclass(frozen=True)
class Held:
    """Why an answer is held back before it becomes final: ``empty`` (ask to confirm) or ``unreadable``."""

    reason: Literal["empty", "unreadable"]
    message: str


EMPTY_MESSAGE = "No answer yet. Submit an empty answer? It scores 0 and cannot be changed."


def check(question: Question, response: Any) -> Held | None:
    """None when ``response`` can be graded as it is; else why it should not become final yet.

    Advisory only: ``submit`` still grades whatever a client sends (blank or unreadable scores 0).
    """
    if is_blank(response):
        return Held("empty", EMPTY_MESSAGE)
    problem = kind_of(question).unreadable(question, response)
    return Held("unreadable", problem) if problem else None


def preview(question: Question, response: Any) -> Graded:
    """Exactly the grade ``submit`` would keep for ``response``, with nothing stored (the teacher's preview)."""
    return grade(question, response)


def start(
    store: Store,
    quiz: Quiz,
    seed: int,
    *,
    only: list[str] | None = None,
    student_id: int | None = None,
    class_id: int | None = None,
    kiosk: str | None = None,
) -> tuple[str, Attempt]:
    """Draw and shuffle an attempt from ``seed`` and save it before its first question is shown.

    A kiosk's attempt (``kiosk`` names the kiosk) is anonymous, filed under ``class_id`` when set;
    a student's is filed under the student (and so under their class).
    """
    plan = plan_attempt(quiz, seed, only=only)
    attempt_id = store.start_attempt(plan, student_id=student_id, class_id=class_id, kiosk=kiosk)
    return attempt_id, Attempt(plan)


def submit(store: Store, quiz: Quiz, attempt_id: str, attempt: Attempt, question_id: str, response: Any) -> Submitted:
    """Grade, save, then keep one answer; the first answer to a question is final.

    A repeat (a double click, a retry after a dropped connection) returns the first grade
    unchanged. The answer that completes the attempt also finishes it (see :func:`finish`).
    An answer its question cannot take (a choice not among the options, text over the limits
    in ``classroom/limits.py``) raises ``InvalidAnswer`` and is neither graded nor stored.
    """
    if question_id not in attempt.plan.question_ids:
        raise NotInAttempt(f"question '{question_id}' is not part of this attempt")
    if question_id in attempt.graded:
        return Submitted(attempt.graded[question_id])
    question = quiz.question(question_id)
    if question is None:  # the plan was checked against the quiz (Attempt.fits): a bug if it happens
        raise KeyError(f"quiz {quiz.id} has no question {question_id}")
    if not is_blank(response):
        problem = kind_of(question).check_response(question, response)
        if problem is not None:
            raise InvalidAnswer(f"{problem}.")
    saved = store.record_answer(attempt_id, response, grade(question, response))
    graded = attempt.accept(question_id, response, saved)
    return Submitted(graded, finish(store, quiz, attempt_id, attempt) if attempt.finished else None)


def finish(store: Store, quiz: Quiz, attempt_id: str, attempt: Attempt) -> QuizScore:
    """Score the attempt and save the total (saving again changes nothing: the first total stays)."""
    score = attempt.score(quiz)
    store.finish_attempt(attempt_id, score)
    return score


def resume(store: Store, quiz: Quiz, token: str | None, student_id: int | None) -> StoredAttempt | None:
    """The attempt to pick up: the one named by a ``?attempt=`` token, else the student's latest open one.

    A token opens only an anonymous attempt or the signed-in student's own: a link copied from a
    classmate's screen reaches nothing of theirs.
    """
    stored = store.load_attempt(token) if token else None
    if stored is not None and (stored.quiz_id != quiz.id or stored.student_id not in (None, student_id)):
        stored = None
    if stored is None and student_id is not None:
        stored = store.open_attempt(student_id, quiz.id)
    return stored
