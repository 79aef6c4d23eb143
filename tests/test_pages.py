"""The page objects app.py hands to st.navigation (ui/pages.py), checked in a running script."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _two_runs_of_the_page_list() -> None:
    import streamlit as st

    from ui import pages

    first, second = pages.classroom_pages(), pages.classroom_pages()
    st.session_state["same_objects"] = [a is b for a, b in zip(first, second, strict=True)]
    st.session_state["paths"] = [page.url_path for page in first]
    st.session_state["titles"] = [page.title for page in second]
    st.session_state["defaults"] = [page.url_path for page in first if page._default]
    st.session_state["link"] = pages.target(pages.LESSON).url_path


def test_every_run_gets_its_own_page_objects_with_the_same_pages():
    at = AppTest.from_function(_two_runs_of_the_page_list, default_timeout=30).run()
    assert not at.exception
    # Never the same object twice: st.navigation marks the page it picks on the object itself.
    assert at.session_state["same_objects"] == [False] * 7
    assert at.session_state["paths"] == ["", "lesson", "timeline", "quiz", "results", "my-work", "teacher"]
    assert at.session_state["titles"] == ["Home", "Lessons", "Timeline", "Quizzes", "Results", "My work", "Teacher"]
    assert at.session_state["defaults"] == [""]
    assert at.session_state["link"] == "lesson"


def test_the_page_icon_is_a_small_png_carried_in_the_page_itself():
    """Sent with every full page run (a data: URL, never a request elsewhere), so its size is paid each time."""
    import base64
    import struct

    from ui import pages

    head, _, data = pages.FAVICON.partition(",")
    assert head == "data:image/png;base64"
    png = base64.b64decode(data)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (64, 64)  # width, height
    assert len(pages.FAVICON) < 1_500  # a 32-colour palette: a full-colour PNG of the same icon was 4.5 KB
