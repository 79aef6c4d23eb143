"""The gradebook: every student of a class × every quiz, one student's detail, and the whole of it as CSV.

A cell says the best whole-quiz score, a tick when the pass mark is met and how many
attempts, or "in progress" / "not started"; practice rounds of missed questions never count
(``classroom/results/gradebook.py``). Names and answers are shown in tables, as plain text.
"""

from __future__ import annotations

import streamlit as st

from classroom.results import gradebook, times
from classroom.results.export import response_text
from classroom.text import slug
from ui.shared.course import course, student_quizzes
from ui.shared.db import store
from ui.shared.safe import note

CLASS_KEY = "teacher:gradebook:class"
STUDENT_KEY = "teacher:gradebook:student"


def _columns() -> list[gradebook.QuizColumn]:
    return [gradebook.QuizColumn(quiz.id, quiz.title, quiz.pass_mark) for quiz in student_quizzes().values()]


def gradebook_tab() -> None:
    rooms = store().classes()
    if not rooms:
        st.info("No classes yet. Create one in the Classes tab.", icon=":material/groups:")
        return
    by_id = {room.id: room for room in rooms}
    class_id = st.selectbox(
        "Class", list(by_id), format_func=lambda rid: f"{by_id[rid].name} ({by_id[rid].join_code})", key=CLASS_KEY
    )
    room = by_id[class_id]
    people = store().students(room.id)
    quizzes = _columns()
    rows = gradebook.gradebook(people, quizzes, store().attempt_rows(class_id=room.id))
    if not people:
        note("Nobody is in this class yet.")
        return
    table = []
    for row in rows:
        line: dict[str, object] = {"Student": row.student}
        for quiz in quizzes:
            line[quiz.title] = row.cells[quiz.id].text()
        line["Quizzes passed"] = sum(cell.passed for cell in row.cells.values())
        table.append(line)
    st.dataframe(table, hide_index=True, width="stretch")  # sortable by any column; names as plain text
    note(
        "Each cell: best score (✓ when the pass mark is met) and the number of whole attempts. Click a heading to sort."
    )
    waiting = {quiz.title: sum(row.cells[quiz.id].status == gradebook.NOT_STARTED for row in rows) for quiz in quizzes}
    st.markdown(
        "**Not started:** " + "; ".join(f"{title}: {count}" for title, count in waiting.items() if count) or "nobody"
    )
    st.download_button(
        "Download the gradebook (CSV)",
        data=gradebook.gradebook_csv(rows, quizzes),
        file_name=f"gradebook-{slug(room.name, 60, 'class')}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        key="teacher:gradebook:csv",
    )
    student_detail(people)


def student_detail(people: list) -> None:  # noqa: ANN001 - store.Student objects
    st.subheader("One student", anchor=False)
    by_id = {student.id: student for student in people}
    chosen = st.selectbox(
        "Student",
        [None, *by_id],
        format_func=lambda sid: "Choose…" if sid is None else by_id[sid].display_name,
        key=STUDENT_KEY,
    )
    if chosen is None:
        return
    zone, zone_name = times.school_zone()
    entries = gradebook.my_work(store().attempt_rows(student_id=chosen), store().response_rows(student_id=chosen))
    answers = store().response_rows(student_id=chosen)
    titles = {quiz.id: quiz.title for quiz in course().quizzes.values()}
    if not entries:
        note("No attempt yet.")
    for entry in entries:
        label = (
            f"{times.shown(entry.started_at, zone)} · {titles.get(entry.quiz_id, entry.quiz_id)} · {entry.summary()}"
        )
        with st.expander(label):
            st.dataframe(
                [
                    {
                        "Question": answer["question_id"],
                        "Answer": response_text(answer["response"]),
                        "Marked": answer["verdict"],
                        "Points": f"{answer['points']:g} / {answer['max']:g}",
                        "When": times.shown(answer["answered_at"], zone),
                    }
                    for answer in answers
                    if answer["attempt_id"] == entry.attempt_id
                ],
                hide_index=True,
                width="stretch",
            )
    note(f"Times in {zone_name}.")
