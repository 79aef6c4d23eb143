"""The course as screens see it: each file parsed once per version, never on every rerun.

Each YAML file is cached under (path, modification time, size), so an edit on
disk shows up on the next rerun without a restart and only the edited file is
parsed again. ``st.cache_resource`` hands out the same frozen models to every
session without copying them (``st.cache_data`` would unpickle a copy per rerun).
"""

from __future__ import annotations

import hashlib
import os

import streamlit as st

from classroom import settings
from classroom.content.load import Course, Loaded, assemble, find_files, load_file
from classroom.content.models import Quiz
from classroom.quiz.attempts import askable

ROOT = settings.PROJECT_ROOT
CONTENT_ROOT = settings.content_root()  # CLASSROOM_CONTENT: another course (tests, a second course)
CONTENT_DIRS = (CONTENT_ROOT / "lessons", CONTENT_ROOT / "quizzes")


@st.cache_resource(max_entries=5000, show_spinner=False)
def _load_file(path: str, mtime_ns: int, size: int) -> Loaded:
    return load_file(path, shown_as=os.path.relpath(path, CONTENT_ROOT))


@st.cache_resource(max_entries=20, show_spinner=False)
def _assemble(key: str, _fingerprint: tuple[tuple[str, int, int], ...]) -> Course:
    """Keyed by a digest: Streamlit hashing a 1,000-entry tuple on every rerun costs ~30 ms."""
    return assemble([_load_file(*entry) for entry in _fingerprint])


def fingerprint() -> tuple[tuple[str, int, int], ...]:
    """(path, mtime, size) of every content file: the cache key for the whole course."""
    entries = []
    for path in find_files([d for d in CONTENT_DIRS if d.is_dir()]):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


def course() -> Course:
    found = fingerprint()
    return _assemble(hashlib.sha1(repr(found).encode()).hexdigest(), found)


def student_quizzes() -> dict[str, Quiz]:
    """Quizzes a student can take: at least one question is ready (not a draft)."""
    return {quiz_id: quiz for quiz_id, quiz in course().quizzes.items() if askable(quiz)}


def broken_files(kind: str) -> list[str]:
    """Files of a kind ("lessons" or "quizzes") that have problems, for a friendly notice."""
    return sorted({p.path for p in course().problems if p.path.startswith(kind + os.sep)})
