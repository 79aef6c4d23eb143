"""Classes and students: create a class and show its join code; export or delete a student's data.

Names typed by students are shown escaped (``ui.shared.safe.escape``): a name like
``**Ana**`` or ``:red[x]`` reads exactly as typed, in text, labels and tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from classroom.people import roster
from classroom.results.export import student_json
from classroom.results.store import ClassRoom, Store, Student
from classroom.text import slug
from ui.shared.db import store
from ui.shared.safe import escape, note
from ui.teacher import auth as teacher_auth
from ui.teacher import roster as roster_ui

NEW_CLASS = "teacher:new-class"  # session state: id of the class just created, to show its code large
DELETING = "teacher:deleting"  # session state: id of the student whose deletion awaits confirmation
NOTICE = "teacher:notice"  # session state: a message for the next run ("Deleted ...")
NAME_LIMIT = 60  # characters of a name in a download's file name


def today() -> str:
    return dt.datetime.now().astimezone().date().isoformat()


def student_file_name(room: ClassRoom, student: Student) -> str:
    who, where = slug(student.display_name, NAME_LIMIT, "student"), slug(room.name, NAME_LIMIT, "class")
    return f"student-{student.id}-{who}-{where}-{today()}.json"


def _export_for(the_store: Store, student_id: int) -> Callable[[], bytes]:
    """The student's data as JSON, made only when the teacher clicks (not on every rerun)."""
    return lambda: student_json(the_store.export_student(student_id))


def _ask_to_delete(student_id: int) -> None:
    st.session_state[DELETING] = student_id


def _cancel_delete() -> None:
    st.session_state.pop(DELETING, None)


def _delete(student: Student) -> None:
    st.session_state.pop(DELETING, None)
    if not teacher_auth.is_teacher():  # a stale click from a signed-out session changes nothing
        return
    roster.remove(store(), student)
    st.session_state[NOTICE] = f"Deleted {escape(student.display_name)} and all their answers."


def create_class() -> None:
    st.header("Create a class", anchor=False)
    with st.form("teacher:create-class", clear_on_submit=True, border=False):
        name = st.text_input("Class name", max_chars=200, placeholder="e.g. History 9B")
        created = st.form_submit_button("Create class", type="primary", icon=":material/group_add:")
    if created:
        try:
            room = store().create_class(name)
        except ValueError:
            st.error("Give the class a name first.", icon=":material/error:")
        else:
            st.session_state[NEW_CLASS] = room.id
    new_id = st.session_state.get(NEW_CLASS)
    room = next((r for r in store().classes() if r.id == new_id), None)
    if room is not None:
        with st.container(border=True):
            st.success(f"Class **{escape(room.name)}** is ready. Write its join code on the board:")
            st.metric("Join code", room.join_code)
            note(
                "Add your students to the class below to print their sign-in cards, or let them join: on the home "
                "page, “Join the class” with this code and their name gives each a personal code."
            )


def student_row(
    room: ClassRoom,
    student: Student,
    the_store: Store,
    rooms: dict[int, ClassRoom],
    code_since: str,
    similar: list[str],
) -> None:
    name = escape(student.display_name)
    text, export, delete = st.columns([3, 2, 2], vertical_alignment="center")
    text.markdown(name)
    export.download_button(
        "Export data",
        data=_export_for(the_store, student.id),
        file_name=student_file_name(room, student),
        mime="application/json",
        icon=":material/download:",
        key=f"teacher:export:{student.id}",
        help=f"Download everything stored about {name} as a JSON file",
        on_click="ignore",
    )
    delete.button(
        "Delete",
        icon=":material/delete:",
        key=f"teacher:delete:{student.id}",
        help=f"Delete {name} and all their answers",
        on_click=_ask_to_delete,
        args=(student.id,),
    )
    if similar:
        roster_ui.lookalike_warning(similar)
    roster_ui.student_tools(room, student, rooms, code_since)
    if st.session_state.get(DELETING) != student.id:
        return
    with st.container(border=True):
        st.warning(f"Delete **{name}**? This cannot be undone.", icon=":material/warning:")
        sure = st.checkbox(f"I understand this deletes all of {name}'s answers", key=f"teacher:sure:{student.id}")
        yes, no = st.columns(2)
        yes.button(
            "Delete for good",
            type="primary",
            icon=":material/delete_forever:",
            disabled=not sure,
            key=f"teacher:delete-for-good:{student.id}",
            on_click=_delete,
            args=(student,),
        )
        no.button("Cancel", key=f"teacher:cancel-delete:{student.id}", on_click=_cancel_delete)


def class_list() -> None:
    st.header("Your classes", anchor=False)
    the_store = store()
    rooms = the_store.classes()
    if not rooms:
        st.info("No classes yet. Create one above and share its join code with your students.")
        return
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        st.success(notice, icon=":material/check_circle:")
    members = {room.id: the_store.students(room.id) for room in rooms}
    st.table(
        [
            {"Class": escape(room.name), "Join code": room.join_code, "Students": len(members[room.id])}
            for room in rooms
        ],
        alt="Your classes with their join codes and number of students",
    )
    for room in rooms:
        people = members[room.id]
        label = f"{escape(room.name)} — code {room.join_code} — {len(people)} student{'s' if len(people) != 1 else ''}"
        expanded = st.session_state.get(DELETING) in {s.id for s in people} or bool(
            st.session_state.get(roster_ui.issued_key(room))
        )
        with st.expander(label, icon=":material/groups:", expanded=expanded):
            roster_ui.add_form(room)
            roster_ui.cards_panel(room)
            if not people:
                note(f"Nobody has joined yet. Add them above, or students join with the code {room.join_code}.")
            since = the_store.code_set_at(room.id)
            flagged = roster.flagged_names(the_store, room.id)
            by_id = {other.id: other for other in rooms}
            for student in people:
                st.divider()
                student_row(
                    room,
                    student,
                    the_store,
                    by_id,
                    roster_ui.code_status(since.get(student.id)),
                    flagged.get(student.id, []),
                )


def classes_tab() -> None:
    create_class()
    st.divider()
    class_list()
