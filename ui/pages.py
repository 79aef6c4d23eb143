"""The page files, named once: app.py registers them and every link points at them by these names."""

import base64
import copy
import functools
from pathlib import Path

import streamlit as st

HOME = "ui/student/home.py"
LESSON = "ui/student/lesson.py"
TIMELINE = "ui/student/timeline.py"
QUIZ = "ui/student/quiz.py"
RESULTS = "ui/student/results.py"
MY_WORK = "ui/student/my_work.py"
TEACHER = "ui/teacher/room.py"
KIOSK = "ui/kiosk/page.py"

# The browser tab's icon, served by the app itself. A ":material/...:" page icon would make every
# browser fetch the icon from a web font host (Streamlit builds that URL in the browser): the visit
# would leave the classroom, and offline the icon would be missing.
# It is a data: URL, read once: given a file path, Streamlit reads, hashes and stores the image again on
# every page run (a twentieth of a page load's CPU, measured with py-spy).
FAVICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parent / "static" / "favicon.png").read_bytes()
).decode("ascii")

# The classroom's pages as st.navigation lists them: (file, title, icon, url path; "" for the default page).
CLASSROOM = (
    (HOME, "Home", ":material/home:", ""),
    (LESSON, "Lessons", ":material/menu_book:", "lesson"),
    (TIMELINE, "Timeline", ":material/timeline:", "timeline"),
    (QUIZ, "Quizzes", ":material/quiz:", "quiz"),
    (RESULTS, "Results", ":material/leaderboard:", "results"),
    (MY_WORK, "My work", ":material/assignment_ind:", "my-work"),
    (TEACHER, "Teacher", ":material/admin_panel_settings:", "teacher"),
)


_ROOT = Path(__file__).resolve().parent.parent  # absolute: the same files whichever script runs first


@functools.cache
def _made_once() -> dict[str, st.Page]:
    """The page objects, made in the first run of this process (st.Page needs a running script)."""
    return {
        path: st.Page(_ROOT / path, title=title, icon=icon, url_path=url_path or None, default=not url_path)
        for path, title, icon, url_path in CLASSROOM
    }


def classroom_pages() -> list[st.Page]:
    """Fresh page objects for this run's ``st.navigation``, copied from the ones made once.

    Making an ``st.Page`` from a file resolves the file's path, a system call per folder, and every
    full run makes seven: a tenth of a millisecond per student action. A copy does not resolve
    anything. Copies, not the shared objects: ``st.navigation`` marks the page it picks on the
    object itself, and two sessions running at once must not mark each other's.
    """
    return [copy.copy(page) for page in _made_once().values()]


def target(path: str) -> st.Page:
    """The page object for a link or a switch (``st.switch_page(target(QUIZ), ...)``; links use :func:`link`).

    Given a file name instead, Streamlit checks and resolves the path (system calls) on every call,
    and links are drawn on every full page run, a question's source link on every Submit. Not for the
    kiosk, which has one page."""
    return _made_once()[path]


def link(path: str, label: str, icon: str | None = None, query_params: dict[str, str] | None = None) -> None:
    """``st.page_link`` to a classroom page (one of the names above), through its page object made once."""
    st.page_link(target(path), label=label, icon=icon, query_params=query_params)
