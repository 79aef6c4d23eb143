"""A class's roster: add students with personal sign-in codes, print their cards, new code, move, remove.

Codes are shown only when made (only their hash is stored): the cards of the students just
added, or just given a new code, can be downloaded until the teacher closes the list.
Names are shown escaped (``ui.shared.safe.escape``) exactly as typed; a name that only looks
like a classmate's (a Cyrillic "А" for a Latin "A") is flagged.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import streamlit as st

from classroom.errors import UserError
from classroom.people import cards, roster
from classroom.results import times
from classroom.results.store import ClassRoom, Student
from classroom.text import slug
from ui.shared.db import store
from ui.shared.safe import escape, note
from ui.teacher import auth as teacher_auth


def issued_key(room: ClassRoom) -> str:
    return f"teacher:issued:{room.id}"


def base_url() -> str:
    """The address students open (from the teacher's own address bar): what the QR codes point at."""
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else "http://localhost:8501"


def _keep(room: ClassRoom, issued: list[roster.Issued]) -> None:
    kept = st.session_state.setdefault(issued_key(room), [])
    kept.extend(issued)


def add_form(room: ClassRoom) -> None:
    with st.form(f"teacher:add-students:{room.id}", clear_on_submit=True, border=False):
        names = st.text_area(
            "Add students (one name per line)",
            height=120,
            max_chars=20_000,
            help="Each student gets a personal sign-in code, printed on a card with a QR code.",
        )
        added = st.form_submit_button("Add and make their cards", icon=":material/badge:")
    if not added:
        return
    if not teacher_auth.is_teacher():
        return
    try:
        result = roster.add_students(store(), room.id, names)
    except UserError as error:
        st.error(str(error), icon=":material/error:")
        return
    _keep(room, result.issued)
    st.session_state[skipped_key(room)] = result.skipped
    st.rerun()  # the class list above counts the new students too


def skipped_key(room: ClassRoom) -> str:
    return f"teacher:skipped:{room.id}"


def cards_panel(room: ClassRoom) -> None:
    for reason in st.session_state.pop(skipped_key(room), []):
        st.warning(f"Not added: {escape(reason)}", icon=":material/person_off:")
    issued: list[roster.Issued] = st.session_state.get(issued_key(room), [])
    if not issued:
        return
    with st.container(border=True):
        st.success(
            f"{len(issued)} new sign-in code{'s' if len(issued) != 1 else ''}. Print the cards now: "
            "the codes are shown only once (a lost card just needs a new code).",
            icon=":material/badge:",
        )
        st.table(
            [{"Student": escape(item.student.display_name), "Code": item.code} for item in issued],
            alt="New sign-in codes",
        )
        left, right = st.columns(2)
        left.download_button(
            "Download the cards to print",
            data=cards.card_sheet(room.name, issued, base_url()).encode("utf-8"),
            file_name=f"sign-in-cards-{slug(room.name, 60, 'class')}.html",
            mime="text/html",
            icon=":material/print:",
            key=f"teacher:cards:{room.id}",
            on_click="ignore",
        )
        if right.button("Done: hide the codes", key=f"teacher:hide-codes:{room.id}"):
            st.session_state.pop(issued_key(room), None)
            st.rerun()


def _new_code(room: ClassRoom, student: Student) -> None:
    if teacher_auth.is_teacher():
        _keep(room, [roster.new_code(store(), student)])


def _move(student: Student, rooms: dict[int, ClassRoom], key: str) -> None:
    target = rooms.get(st.session_state.get(key) or -1)
    if target is None or not teacher_auth.is_teacher():
        return
    try:
        roster.move(store(), student, target)
    except UserError as error:
        st.session_state["teacher:notice"] = escape(str(error))
    else:
        st.session_state["teacher:notice"] = f"Moved {escape(student.display_name)} to {escape(target.name)}."


def student_tools(room: ClassRoom, student: Student, rooms: dict[int, ClassRoom], code_since: str) -> None:
    """New code and move for one student (export and delete are in ``ui/teacher/classes.py``)."""
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    left.button(
        "New sign-in code",
        icon=":material/key:",
        key=f"teacher:new-code:{student.id}",
        help=f"Make a new code for {escape(student.display_name)}; the old one stops working and signs them out",
        on_click=_new_code,
        args=(room, student),
    )
    others = {rid: other for rid, other in rooms.items() if rid != room.id}
    if others:
        key = f"teacher:move:{student.id}"
        right.selectbox(
            f"Move {escape(student.display_name)} to",
            [None, *others],
            format_func=lambda rid: "Move to another class…" if rid is None else others[rid].name,
            key=key,
            on_change=_move,
            args=(student, others, key),
            label_visibility="collapsed",
        )
    note(code_since)


def code_status(when) -> str:  # noqa: ANN001 - a datetime or None
    if when is None:
        return "No sign-in code yet: give one with “New sign-in code”."
    return f"Sign-in code made {times.shown(when)}."


def lookalike_warning(names: list[str]) -> None:
    st.warning(
        "This name looks like " + ", ".join(escape(name) for name in names) + " but is written with other letters. "
        "Check it is not someone posing as a classmate.",
        icon=":material/warning:",
    )
