"""The kiosk's session: which screen shows, the visitor's attempt, and the reset between visitors.

Everything of a visitor lives in ``st.session_state`` (never in the URL), so one
``reset()`` forgets all of it: the screen, the answers, the attempt, the widgets.
Kiosk screens move by changing ``Screen`` in session state, not the URL: the
browser's history never gains an entry, so the Back button has no earlier
visitor's screen to return to.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from classroom import settings
from classroom.content.models import Quiz
from classroom.content.problems import Problem
from classroom.kiosk import KioskConfig, Offer, known_ids, load_kiosk_config, offer, resolve_class
from classroom.quiz.attempts import Attempt
from ui.shared import state
from ui.shared.course import course

log = logging.getLogger("classroom")

SCREEN_KEY = "kiosk:screen"
ATTEMPT_KEY = "kiosk:attempt"
SHOWING_KEY = "kiosk:showing"
VISIT_KEY = "kiosk:visit"  # a random label for the widgets of one visit
RESET_KEY = "kiosk-reset"  # hidden buttons the idle watcher presses (see ui/kiosk/idle.py)
REFRESH_KEY = "kiosk-refresh"

ScreenName = Literal["attract", "lessons", "quizzes", "lesson", "quiz", "result"]


@dataclass(frozen=True)
class Screen:
    name: ScreenName = "attract"
    item: str = ""  # the lesson or quiz id
    part: int = 0  # the part of a lesson being read


# ---------------------------------------------------------------- configuration


@dataclass(frozen=True)
class Setup:
    """The kiosk file as loaded: the config, or the problems that keep the kiosk from starting."""

    path: str
    config: KioskConfig | None
    problems: tuple[Problem, ...]


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(path: str, mtime_ns: int, size: int, shown_as: str) -> Setup:
    config, problems = load_kiosk_config(path, shown_as=shown_as)
    for problem in problems:
        log.error("kiosk configuration: %s", problem)
    return Setup(shown_as, config, tuple(problems))


def setup() -> Setup:
    """The kiosk configuration, parsed once per version of the file (an edit shows on the next rerun)."""
    root = settings.PROJECT_ROOT
    path = root / settings.kiosk_config_path()  # an absolute path stays as it is
    shown_as = os.path.relpath(path, root) if path.is_relative_to(root) else str(path)
    try:
        stat = path.stat()
    except OSError as error:
        return Setup(shown_as, None, (Problem(shown_as, 1, 1, f"cannot read the file: {error.strerror or error}"),))
    return _load(str(path), stat.st_mtime_ns, stat.st_size, shown_as)


def current_offer(config: KioskConfig) -> Offer:
    """What this kiosk offers now: a broken or missing lesson or quiz is left out, the rest stays."""
    current = course()
    found = offer(config, current)
    if found.left_out:
        known = known_ids(current, "lessons") | known_ids(current, "quizzes")
        broken = tuple(i for i in found.left_out if i in known)
        _note_left_out(broken, tuple(i for i in found.left_out if i not in known))
    return found


@st.cache_resource(max_entries=50, show_spinner=False)
def _note_left_out(broken: tuple[str, ...], unknown: tuple[str, ...]) -> None:
    """Log each set of left-out items once, not on every rerun."""
    if broken:
        log.warning("kiosk: left out until their files are fixed: %s", ", ".join(broken))
    if unknown:
        log.warning("kiosk: the kiosk file lists ids the course does not have: %s", ", ".join(unknown))


@st.cache_resource(ttl=60, show_spinner=False)
def _class_id(ref: int | str) -> int | None:
    """The class that kiosk attempts are filed under (looked up again each minute)."""
    found = resolve_class(state.store().classes(), ref)
    if found is None:
        log.warning("kiosk: no class '%s'; attempts are stored without a class", ref)
    return found.id if found is not None else None


# ---------------------------------------------------------------- screens


def screen() -> Screen:
    return st.session_state.get(SCREEN_KEY, Screen())


def go(target: Screen) -> None:
    """Show another screen (use as a button's ``on_click``: the rerun that follows draws it)."""
    st.session_state[SCREEN_KEY] = target


def reset() -> None:
    """Forget the visitor: every session key (answers, attempt, screen, widgets) and the query string."""
    st.session_state.clear()
    st.query_params.clear()
    forget_widgets()


def forget_widgets() -> None:
    """Drop Streamlit's record of every widget the session has drawn (call it from a callback).

    Streamlit keeps each widget's metadata, with its callback and the callback's
    arguments, for as long as the session lives, even once the widget is gone and
    ``st.session_state`` is cleared (streamlit/streamlit#9403). A kiosk session lives all
    day and gives each visit new widget keys, so every visit's widgets, and the quiz
    attempts their callbacks point to, stayed in memory: about 10 KB a visit in the
    soak (docs/benchmarks.md, "Kiosk soak"). This reaches into Streamlit's internals,
    so a Streamlit without them is logged, not fatal; ``tests/test_kiosk_screens.py``
    checks that the record stays flat from visit to visit.
    """
    from streamlit.runtime.state.session_state_proxy import get_session_state

    try:
        safe = get_session_state()
        with safe._lock:
            safe._state.clear()  # key <-> widget id maps and old values, which session_state.clear() leaves
            safe._state._new_widget_state.widget_metadata.clear()
    except AttributeError:
        log.warning("this Streamlit has no widget metadata to drop; kiosk memory may grow", exc_info=True)


# ---------------------------------------------------------------- the visitor's attempt


def attempt(quiz: Quiz) -> tuple[str, Attempt] | None:
    """The visitor's attempt at ``quiz`` (this session only: a kiosk never resumes from a URL)."""
    found = st.session_state.get(ATTEMPT_KEY)
    if found is None or found[1].plan.quiz_id != quiz.id:
        return None
    if not found[1].fits(quiz):  # the quiz file changed under the visitor: start afresh
        st.session_state.pop(ATTEMPT_KEY, None)
        return None
    return found


START_FAILED_KEY = "kiosk:start-failed"


def start(quiz: Quiz, config: KioskConfig) -> None:
    """Start the visitor's attempt (a button callback); a store that cannot save it is said kindly."""
    try:
        class_id = _class_id(config.class_) if config.class_ is not None else None
        st.session_state[ATTEMPT_KEY] = state.start_attempt(quiz, kiosk=config.name, class_id=class_id)
    except Exception:
        log.exception("kiosk: could not start an attempt at %s", quiz.id)
        st.session_state[START_FAILED_KEY] = True
        return
    st.session_state.pop(START_FAILED_KEY, None)
    st.session_state.pop(SHOWING_KEY, None)
    go(Screen("quiz", quiz.id))


def widget_key(attempt_id: str, question_id: str) -> str:
    """Widget keys carry the attempt id: no widget value can outlive its attempt."""
    return f"kq:{attempt_id}:{question_id}"
