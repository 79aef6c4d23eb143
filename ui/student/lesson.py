"""Lesson page: one lesson to read, a link to its quiz; a passage can be linked to directly."""

from __future__ import annotations

import streamlit as st

from ui import pages
from ui.shared import state
from ui.shared.course import course, student_quizzes
from ui.shared.lesson_view import lesson_body, scroll_to
from ui.shared.safe import friendly_content_problem
from ui.shared.style import action_link


def pick_lesson() -> None:
    st.title("Lessons")
    for number, lesson in enumerate(course().lessons.values(), start=1):
        pages.link(
            pages.LESSON,
            label=f"{number}. {lesson.title}",
            icon=":material/menu_book:",
            query_params={"lesson": lesson.id},
        )


def main() -> None:
    lesson_id = st.query_params.get("lesson")
    if not lesson_id:
        pick_lesson()
        return
    current = course()
    lesson = current.lessons.get(lesson_id)
    if lesson is None:
        st.title("Lesson")
        friendly_content_problem("lesson")
        pages.link(pages.HOME, label="Back to the course", icon=":material/home:")
        return
    state.mark_read(lesson.id)
    st.title(lesson.title)
    highlight = st.query_params.get("passage")
    lesson_body(lesson, highlight, st.query_params.get("from"))
    quizzes = [q for q in student_quizzes().values() if lesson.id in q.lessons and len(q.lessons) == 1]
    for quiz in quizzes:
        action_link(
            pages.QUIZ, f"Take the quiz: {quiz.title}", ":material/quiz:", {"quiz": quiz.id}, key=f"quiz-{quiz.id}"
        )
    if highlight and lesson.passage(highlight):
        scroll_to(f"{lesson.id}-{highlight}")


main()
