"""Typed helpers around st.session_state and the results store; keys derived from ids, in one place.

A signed-in student (``ui/shared/identity.py``) has every answer and every lesson read in
the store and finds them again on any device; without signing in, progress lives in this
browser tab (an anonymous attempt can still be resumed with the token in its URL).
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Any

import streamlit as st

from classroom.content.models import Quiz
from classroom.quiz import answering
from classroom.quiz.attempts import Attempt
from classroom.quiz.grading import Graded, QuizScore
from classroom.results.store import Student
from ui.shared import identity
from ui.shared.db import store

log = logging.getLogger("classroom")


@dataclass(frozen=True)
class Place:
    """Where the student was last, for "continue where you left off"."""

    kind: str  # "lesson" or "quiz"
    id: str


def widget_key(quiz_id: str, question_id: str, part: str = "") -> str:
    return f"q:{quiz_id}:{question_id}" + (f":{part}" if part else "")


# ---------------------------------------------------------------- the student


def student() -> Student | None:
    """The signed-in student (from the database, through this browser's session), or None."""
    found = identity.session(identity.sessions.STUDENT)
    if found is None or found.student_id is None:
        st.session_state.pop("student", None)
        return None
    known = st.session_state.get("student")
    if known is None or known.id != found.student_id:
        known = store().student(found.student_id)
        for key in ("student", "best", "read", "last_place"):
            st.session_state.pop(key, None)
        if known is None:
            return None
        st.session_state["student"] = known
    return known


def forget_student() -> None:
    """After signing out: nothing of the student stays in this tab."""
    for key in [k for k in st.session_state if str(k).startswith(("attempt:", "q:", "showing:"))]:
        del st.session_state[key]
    for key in ("student", "best", "read", "last_place", "finished"):
        st.session_state.pop(key, None)
    st.query_params.pop("attempt", None)


# ---------------------------------------------------------------- attempts


def _attempt_key(quiz_id: str) -> str:
    return f"attempt:{quiz_id}"


def attempt(quiz: Quiz) -> tuple[str, Attempt] | None:
    """The attempt in progress at this quiz: this session's, the URL's resume token, or the student's."""
    found = st.session_state.get(_attempt_key(quiz.id))
    if found is None:
        found = _resume(quiz)
    if found is not None and not found[1].fits(quiz):
        drop_attempt(quiz.id)
        st.info("Your teacher changed this quiz since you started, so it starts again.", icon=":material/info:")
        return None
    return found


def _resume(quiz: Quiz) -> tuple[str, Attempt] | None:
    me = student()
    stored = answering.resume(store(), quiz, st.query_params.get("attempt"), me.id if me else None)
    if stored is None:
        return None
    found = (stored.id, stored.attempt)
    st.session_state[_attempt_key(quiz.id)] = found
    st.query_params["attempt"] = stored.id
    return found


def start_attempt(
    quiz: Quiz, only: list[str] | None = None, kiosk: str | None = None, class_id: int | None = None
) -> tuple[str, Attempt]:
    """A new attempt with a fresh seed (a new draw and shuffle), saved before the first question.

    At a kiosk (``kiosk`` names it) the attempt is anonymous, filed under ``class_id`` when the
    kiosk has a class; its id never goes into the URL, so no later visitor can resume it.
    """
    seed = secrets.randbits(32)
    if kiosk is not None:
        found = answering.start(store(), quiz, seed, only=only, class_id=class_id, kiosk=kiosk)
    else:
        me = student()
        found = answering.start(store(), quiz, seed, only=only, student_id=me.id if me else None)
    st.session_state[_attempt_key(quiz.id)] = found
    for key in [k for k in st.session_state if str(k).startswith((f"q:{quiz.id}:", f"showing:{quiz.id}"))]:
        del st.session_state[key]
    return found


def drop_attempt(quiz_id: str) -> None:
    st.session_state.pop(_attempt_key(quiz_id), None)
    st.session_state.pop(f"showing:{quiz_id}", None)
    st.query_params.pop("attempt", None)


def submit(quiz: Quiz, attempt_id: str, current: Attempt, question_id: str, response: Any) -> Graded | None:
    """The engine's answer path (``answering.submit``); None, and a flag for the screen, when saving failed."""
    try:
        done = answering.submit(store(), quiz, attempt_id, current, question_id, response)
    except answering.NotInAttempt:  # a client sent an answer to a question it was not asked
        log.warning("attempt %s: refused an answer to %r", attempt_id, question_id)
        return None
    except Exception:  # the store is unreachable: the answer is not counted, the student submits it again
        log.exception("could not save an answer for attempt %s", attempt_id)
        st.session_state["save_failed"] = True
        return None
    st.session_state.pop("save_failed", None)
    if done.score is not None:
        _finished(attempt_id, current, done.score)
    return done.graded


def finish(quiz: Quiz, attempt_id: str, current: Attempt) -> QuizScore:
    """The attempt's total, saved once per session (the result page asks on every rerun)."""
    if attempt_id in st.session_state.get("finished", set()):
        return current.score(quiz)
    score = answering.finish(store(), quiz, attempt_id, current)
    _finished(attempt_id, current, score)
    return score


def _finished(attempt_id: str, current: Attempt, score: QuizScore) -> None:
    st.session_state.setdefault("finished", set()).add(attempt_id)
    if not current.plan.retry:
        best = st.session_state.setdefault("best", {})
        best[score.quiz] = max(best.get(score.quiz, 0.0), score.percent)


def best_percent(quiz_id: str) -> float | None:
    me = student()
    if me is not None and "best" not in st.session_state:
        st.session_state["best"] = store().best_scores(me.id)
    return st.session_state.get("best", {}).get(quiz_id)


# ---------------------------------------------------------------- reading


def mark_read(lesson_id: str) -> None:
    read = _read()
    if lesson_id not in read:
        read.add(lesson_id)
    me = student()
    if me is not None:
        try:
            store().record_read(me.id, lesson_id)
        except Exception:  # reading goes on; only the tick on "My work" waits for the database
            log.exception("could not record that lesson %s was read", lesson_id)
    remember(Place("lesson", lesson_id))


def _read() -> set[str]:
    """Lessons read: this tab's, plus the store's for a signed-in student (read once per tab)."""
    if "read" not in st.session_state:
        me = student()
        try:
            st.session_state["read"] = set(store().lessons_read(me.id)) if me else set()
        except Exception:
            log.exception("could not read the lessons read")
            return set()
    return st.session_state["read"]


def was_read(lesson_id: str) -> bool:
    return lesson_id in _read()


def remember(place: Place) -> None:
    st.session_state["last_place"] = place


def last_place() -> Place | None:
    """Where this tab was last; for a signed-in student in a new tab, their latest lesson or open quiz."""
    place = st.session_state.get("last_place")
    me = student()
    if place is None and me is not None:
        try:
            place = _stored_place(me)
        except Exception:
            log.exception("could not find where the student left off")
    return place


def _stored_place(me: Student) -> Place | None:
    reads = store().lessons_read(me.id)
    open_quizzes = [row for row in store().attempt_rows(student_id=me.id) if row["finished_at"] is None]
    moments = [(moment, Place("lesson", lesson_id)) for lesson_id, moment in reads.items()]
    moments += [(row["started_at"], Place("quiz", row["quiz_id"])) for row in open_quizzes]
    return max(moments, key=lambda pair: pair[0])[1] if moments else None
