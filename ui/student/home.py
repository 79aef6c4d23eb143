"""Home: the course at a glance, what the student has done, and where to go on."""

from __future__ import annotations

import streamlit as st

from ui import pages
from ui.shared import signin, state
from ui.shared.course import broken_files, course, student_quizzes
from ui.shared.safe import note
from ui.shared.style import action_link

st.title("Did Russia want to join NATO?")


signin.panel()
if state.student() is not None:
    pages.link(pages.MY_WORK, label="My work: every quiz and lesson so far", icon=":material/assignment_ind:")
current = course()
st.write(f"A short course in {len(current.lessons)} lessons: read, explore the timeline, then test yourself.")
place = state.last_place()
go_on = ":material/play_arrow:"
if place and place.kind == "lesson" and place.id in current.lessons:
    label = f"Continue where you left off: {current.lessons[place.id].title}"
    action_link(pages.LESSON, label, go_on, {"lesson": place.id}, key="continue", primary=True)
elif place and place.kind == "quiz" and place.id in current.quizzes:
    label = f"Continue where you left off: {current.quizzes[place.id].title}"
    action_link(pages.QUIZ, label, go_on, {"quiz": place.id}, key="continue", primary=True)
elif current.lessons:
    first = next(iter(current.lessons.values()))
    action_link(pages.LESSON, f"Start with lesson 1: {first.title}", go_on, {"lesson": first.id}, "start", primary=True)

quiz_for = {}
for quiz in student_quizzes().values():
    if len(quiz.lessons) == 1:
        quiz_for.setdefault(quiz.lessons[0], quiz)

st.header("Lessons")
for number, lesson in enumerate(current.lessons.values(), start=1):
    with st.container(border=True):
        st.subheader(f"{number}. {lesson.title}", anchor=False)
        st.markdown(lesson.summary)
        done = [
            ":material/check_circle: Read"
            if state.was_read(lesson.id)
            else ":material/radio_button_unchecked: Not read yet"
        ]
        quiz = quiz_for.get(lesson.id)
        if quiz is not None:
            best = state.best_percent(quiz.id)
            done.append(f"Quiz best: {best:g}%" if best is not None else "Quiz not taken")
        note(" · ".join(done))
        with st.container(horizontal=True, gap="small"):
            action_link(
                pages.LESSON, "Read the lesson", ":material/menu_book:", {"lesson": lesson.id}, f"read-{lesson.id}"
            )
            if quiz is not None:
                action_link(pages.QUIZ, "Take the quiz", ":material/quiz:", {"quiz": quiz.id}, f"quiz-{lesson.id}")

st.header("Quizzes")
for quiz in student_quizzes().values():
    best = state.best_percent(quiz.id)
    suffix = f" — best so far {best:g}%" if best is not None else ""
    pages.link(pages.QUIZ, label=f"{quiz.title}{suffix}", icon=":material/quiz:", query_params={"quiz": quiz.id})

missing = len(broken_files("lessons")) + len(broken_files("quizzes"))
if missing:
    st.info(
        f"{missing} lesson or quiz file(s) are being fixed by your teacher and are hidden for now.",
        icon=":material/build:",
    )
if not current.lessons:
    st.info("No lessons yet. Your teacher adds them as YAML files in the lessons folder.")
