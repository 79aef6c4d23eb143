"""My work: a signed-in student's own record, on any device: attempts, best scores, lessons read.

Practice rounds (only the questions missed) show as practice, never as a pass, and never
count as the best score (classroom/results/gradebook.py).
"""

from __future__ import annotations

import logging

import streamlit as st

from classroom.results import gradebook, times
from ui import pages
from ui.shared import signin, state
from ui.shared.course import course, student_quizzes
from ui.shared.db import store
from ui.shared.safe import note

log = logging.getLogger("classroom")


def _continue_link() -> None:
    place = state.last_place()
    current = course()
    if place and place.kind == "lesson" and place.id in current.lessons:
        pages.link(
            pages.LESSON,
            label=f"Continue where you left off: {current.lessons[place.id].title}",
            icon=":material/play_arrow:",
            query_params={"lesson": place.id},
        )
    elif place and place.kind == "quiz" and place.id in current.quizzes:
        pages.link(
            pages.QUIZ,
            label=f"Continue where you left off: {current.quizzes[place.id].title}",
            icon=":material/play_arrow:",
            query_params={"quiz": place.id},
        )


def main() -> None:
    st.title("My work")
    me = state.student()
    if me is None:
        st.info("Sign in to see your work from every device.", icon=":material/lock:")
        signin.panel(expanded=True)
        return
    signin.signed_in_bar()
    try:
        entries = gradebook.my_work(store().attempt_rows(student_id=me.id), store().response_rows(student_id=me.id))
        read = store().lessons_read(me.id)
    except Exception:
        log.exception("could not read the work of student %s", me.id)
        st.error(
            "Your work cannot be read just now: the classroom's database is not answering.", icon=":material/cloud_off:"
        )
        return
    _continue_link()
    current = course()
    zone, zone_name = times.school_zone()

    st.header("Best scores", anchor=False)
    best = gradebook.best_by_quiz(entries)
    rows = []
    for quiz in student_quizzes().values():
        score = best.get(quiz.id)
        rows.append(
            {
                "Quiz": quiz.title,
                "Best": "not taken yet" if score is None else f"{score:g}%",
                "Pass mark met": "" if score is None else ("yes" if score >= quiz.pass_mark else "not yet"),
            }
        )
    st.table(rows, alt="Your best score in each quiz")

    st.header("Every attempt", anchor=False)
    if not entries:
        note("No quiz taken yet.")
    else:
        st.table(
            [
                {
                    "When": times.shown(entry.started_at, zone),
                    "Quiz": current.quizzes[entry.quiz_id].title if entry.quiz_id in current.quizzes else entry.quiz_id,
                    "Result": entry.summary(),
                }
                for entry in entries
            ],
            alt="Every quiz attempt, newest first",
        )
        note(f"Times in {zone_name}.")
        open_ones = [e for e in entries if not e.finished and e.quiz_id in current.quizzes]
        for entry in open_ones[:3]:
            pages.link(
                pages.QUIZ,
                label=f"Finish: {current.quizzes[entry.quiz_id].title}",
                icon=":material/play_arrow:",
                query_params={"quiz": entry.quiz_id, "attempt": entry.attempt_id},
            )

    st.header("Lessons", anchor=False)
    st.table(
        [
            {
                "Lesson": lesson.title,
                "Read": times.shown(read[lesson.id], zone) if lesson.id in read else "not yet",
            }
            for lesson in current.lessons.values()
        ],
        alt="The lessons and when you last read each",
    )


main()
