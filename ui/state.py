"""Typed helpers around st.session_state; keys are derived from ids, in one place.

Until the results store lands, a student's progress lives in this browser
session only.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

import streamlit as st

from classroom.attempts import Attempt, plan_attempt
from classroom.grading import QuizScore
from classroom.models import Quiz


@dataclass(frozen=True)
class Place:
    """Where the student was last, for "continue where you left off"."""

    kind: str  # "lesson" or "quiz"
    id: str


def widget_key(quiz_id: str, question_id: str, part: str = "") -> str:
    return f"q:{quiz_id}:{question_id}" + (f":{part}" if part else "")


def _attempt_key(quiz_id: str) -> str:
    return f"attempt:{quiz_id}"


def attempt(quiz_id: str) -> Attempt | None:
    return st.session_state.get(_attempt_key(quiz_id))


def start_attempt(quiz: Quiz, only: list[str] | None = None) -> Attempt:
    """A new attempt with a fresh seed: a new draw and shuffle, stable across reruns."""
    new = Attempt(plan_attempt(quiz, secrets.randbits(32), only=only))
    st.session_state[_attempt_key(quiz.id)] = new
    for key in [k for k in st.session_state if str(k).startswith(f"q:{quiz.id}:")]:
        del st.session_state[key]
    return new


def drop_attempt(quiz_id: str) -> None:
    st.session_state.pop(_attempt_key(quiz_id), None)


def record_result(score: QuizScore) -> None:
    """Keep the best percent per quiz for the home screen."""
    best = st.session_state.setdefault("best", {})
    best[score.quiz] = max(best.get(score.quiz, 0.0), score.percent)


def best_percent(quiz_id: str) -> float | None:
    return st.session_state.get("best", {}).get(quiz_id)


def mark_read(lesson_id: str) -> None:
    st.session_state.setdefault("read", set()).add(lesson_id)
    remember(Place("lesson", lesson_id))


def was_read(lesson_id: str) -> bool:
    return lesson_id in st.session_state.get("read", set())


def remember(place: Place) -> None:
    st.session_state["last_place"] = place


def last_place() -> Place | None:
    return st.session_state.get("last_place")
