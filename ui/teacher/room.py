"""The teacher's room: classes and roster, gradebook, results, content and draft review, behind a sign-in.

Nothing but the sign-in (or how to set one up) is drawn until ``teacher_auth.gate``
says yes. The tabs run lazily: only the open tab's code runs on each rerun,
so the dashboard's queries and charts cost nothing while the teacher is elsewhere.
"""

from __future__ import annotations

import streamlit as st

from ui.teacher import auth as teacher_auth
from ui.teacher.classes import classes_tab
from ui.teacher.content import content_tab, preview_tab
from ui.teacher.gradebook import gradebook_tab
from ui.teacher.results import dashboard_tab, export_tab, items_tab
from ui.teacher.review import review_tab

TAB_KEY = "teacher:tab"
TABS = {
    "Classes": classes_tab,
    "Gradebook": gradebook_tab,
    "Dashboard": dashboard_tab,
    "Item analysis": items_tab,
    "Export": export_tab,
    "Content": content_tab,
    "Preview": preview_tab,
    "Review drafts": review_tab,
}


def main() -> None:
    st.title("Teacher's room")
    if not teacher_auth.gate():
        return
    for tab, draw in zip(st.tabs(list(TABS), key=TAB_KEY, on_change="rerun"), TABS.values(), strict=True):
        if tab.open:
            with tab:
                draw()


main()
