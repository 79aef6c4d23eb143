"""The course as screens see it: the engine's ``Library`` with each file cached per version.

Each YAML file is cached under (path, modification time, size), so an edit on
disk shows up on the next rerun without a restart and only the edited file is
parsed again. ``st.cache_resource`` hands out the same frozen models to every
session without copying them (``st.cache_data`` would unpickle a copy per rerun).
Everything else (what a file is, how the course is checked, how files are
written) is the engine's: ``classroom/content/library.py``.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import streamlit as st

from classroom import settings
from classroom.content.library import Entry, Library
from classroom.content.load import Course, Loaded, assemble
from classroom.content.models import Quiz
from classroom.quiz.attempts import askable

CONTENT_ROOT = settings.content_root()  # CLASSROOM_CONTENT: another course (tests, a second course)


@st.cache_resource(max_entries=5000, show_spinner=False)
def _load_file(path: str, mtime_ns: int, size: int) -> Loaded:
    return Library(CONTENT_ROOT).read(path)


@st.cache_resource(max_entries=20, show_spinner=False)
def _assemble(key: str, _fingerprint: tuple[Entry, ...]) -> Course:
    """Keyed by a digest: Streamlit hashing a 1,000-entry tuple on every rerun costs ~30 ms."""
    return assemble(library().load_entries(_fingerprint))


def library() -> Library:
    """The content folder, reading through this process's cache."""
    return _library(CONTENT_ROOT)


@functools.lru_cache(maxsize=8)
def _library(root: str | Path) -> Library:
    """One per folder: making one resolves its path (system calls) and every page run asks for it."""
    return Library(root, load=_load_file)


def course() -> Course:
    found = library().fingerprint()
    return _assemble(hashlib.sha1(repr(found).encode()).hexdigest(), found)


def student_quizzes() -> dict[str, Quiz]:
    """Quizzes a student can take: at least one question is ready (not a draft)."""
    return {quiz_id: quiz for quiz_id, quiz in course().quizzes.items() if askable(quiz)}


def broken_files(kind: str) -> list[str]:
    """Files of a kind ("lessons" or "quizzes") that have problems, for a friendly notice."""
    return sorted({p.path for p in course().problems if p.path.startswith(kind + "/")})
