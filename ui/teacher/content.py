"""Content: the check of every lesson and quiz, a quiz upload, and a preview of what students see.

Nothing here writes to the results store. The upload is checked by the same
loader as the files on disk (same messages, with line and column), against
the lessons the course has now, and is saved only when it has no problem;
a file it replaces is first copied to ``data/backups/``, never inside
``quizzes/`` (the loader reads every YAML file there). The course cache is
keyed by each file's modification time, so a saved or edited file shows up on
the next rerun without a restart. Checking and writing are the engine's
(``classroom/content/library.py``); this screen only draws them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import streamlit as st

from classroom.content.load import Loaded
from classroom.content.models import Lesson, Question, Quiz
from classroom.content.problems import Problem
from classroom.kinds import QuestionView
from classroom.limits import PREVIEW_PAGE_QUESTIONS
from classroom.quiz import answering
from classroom.quiz.attempts import askable, describe_key, plan_attempt, student_view
from ui import pages
from ui.shared.course import course, library
from ui.shared.lesson_view import lesson_body
from ui.shared.questions import answer_details, answer_input, read_response, ready_to_submit, verdict_box
from ui.shared.safe import escape, note, teacher_markdown
from ui.teacher import auth as teacher_auth

MAX_UPLOAD_MB = 1
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
UPLOADS = "teacher:uploads"  # session state: how many quizzes were saved; part of the uploader's key
UPLOAD_NOTICE = "teacher:upload-notice"  # session state: (ok, message) after saving


# ---------------------------------------------------------------- check


def problem_rows(problems: Iterable[Problem]) -> list[dict[str, object]]:
    """File, line, column, message: the text escaped, so a quoted value from a file shows as written."""
    return [
        {"File": escape(p.path), "Line": p.line, "Column": p.column, "Message": escape(p.message)} for p in problems
    ]


def check_section() -> None:
    st.header("Check of every lesson and quiz", anchor=False)
    current = course()
    files = len(library().fingerprint())
    ready = f"{len(current.lessons)} lesson(s) and {len(current.quizzes)} quiz(zes) ready"
    found = f"{files} file{'s' if files != 1 else ''}: {ready}"
    if not current.problems:
        st.success(f"No problems in {found}.", icon=":material/check_circle:")
    else:
        broken = len({p.path for p in current.problems})
        st.warning(
            f"{len(current.problems)} problem{'s' if len(current.problems) != 1 else ''} in {broken} "
            f"file{'s' if broken != 1 else ''} ({found}). Students don't see a file with a problem until it is "
            "fixed; everything else keeps working.",
            icon=":material/build:",
        )
        st.table(problem_rows(current.problems), alt="Problems found in the content files, with line and column")
    left, right = st.columns([4, 1], vertical_alignment="center")
    with left:
        note("The same check as `python -m classroom check`. Files edited on disk are read again on the next click.")
    right.button("Check again", icon=":material/refresh:", key="teacher:check-again")


# ---------------------------------------------------------------- upload


def _shown_as(name: str) -> str:
    return f"quizzes/{name}"


def validate_upload(name: str, data: bytes) -> tuple[Loaded, list[Problem]]:
    """The uploaded file on its own, then its links checked against the course as it is on disk now.

    The file of the same name on disk (if any) is left out: the upload would replace it.
    """
    loaded, problems = library().check({_shown_as(name): data})
    return loaded[0], problems


def _save(name: str, data: bytes) -> None:
    """The Save button: checked again (the course may have changed since the upload), then written."""
    if not teacher_auth.is_teacher():
        return
    _, problems = validate_upload(name, data)
    if problems:
        st.session_state[UPLOAD_NOTICE] = (
            False,
            f"{escape(name)} was not saved: the course changed and it has problems now.",
        )
        return
    content = library()
    try:
        written = content.write(_shown_as(name), data)
    except (OSError, ValueError) as error:
        st.session_state[UPLOAD_NOTICE] = (False, f"{escape(name)} could not be saved: {escape(str(error))}")
        return
    backup = written.backup
    kept = f" The previous version is kept as {escape(content.relative(backup))}." if backup else ""
    st.session_state[UPLOAD_NOTICE] = (True, f"Saved {escape(_shown_as(name))}: students see it now.{kept}")
    st.session_state[UPLOADS] = st.session_state.get(UPLOADS, 0) + 1  # a fresh, empty uploader


def upload_section() -> None:
    st.header("Upload a quiz", anchor=False)
    st.markdown(
        f"A quiz YAML file of at most {MAX_UPLOAD_MB} MB, named after its id (`my-quiz.yaml` for `id: my-quiz`). "
        "It is checked like the files above and saved to `quizzes/` only when it has no problem. "
        "A quiz of the same name is backed up to `data/backups/` first."
    )
    notice = st.session_state.pop(UPLOAD_NOTICE, None)
    if notice:
        ok, message = notice
        (st.success if ok else st.error)(message, icon=":material/check_circle:" if ok else ":material/error:")
    uploaded = st.file_uploader(
        "Quiz file (.yaml or .yml)",
        type=["yaml", "yml"],
        max_upload_size=MAX_UPLOAD_MB,
        key=f"teacher:upload:{st.session_state.get(UPLOADS, 0)}",
    )
    if uploaded is None:
        return
    name = Path(uploaded.name).name
    if uploaded.size > MAX_UPLOAD_BYTES:
        st.error(
            f"{escape(name)} is {uploaded.size / 1024 / 1024:.1f} MB; the limit is {MAX_UPLOAD_MB} MB. "
            "Nothing was saved.",
            icon=":material/error:",
        )
        return
    data = uploaded.getvalue()
    loaded, problems = validate_upload(name, data)
    if problems or not isinstance(loaded.item, Quiz):
        count = len(problems)
        st.error(
            f"{escape(name)} has {count} problem{'s' if count != 1 else ''}, so it was not saved. "
            f"Fix {'it' if count == 1 else 'them'} and upload the file again.",
            icon=":material/error:",
        )
        st.table(problem_rows(problems), alt="Problems found in the uploaded quiz, with line and column")
        return
    quiz = loaded.item
    replaces = library().exists(_shown_as(name))
    st.success(
        f"{escape(name)} has no problems: “{escape(quiz.title)}”, {len(quiz.questions)} "
        f"question{'s' if len(quiz.questions) != 1 else ''}.",
        icon=":material/check_circle:",
    )
    if replaces:
        st.info(
            f"`{_shown_as(name)}` exists already. Saving replaces it and keeps the old version in `data/backups/`.",
            icon=":material/history:",
        )
    if st.toggle("Preview it before saving", key="teacher:upload-preview"):
        quiz_preview(quiz, prefix="upload")
    st.button(
        f"Save to {_shown_as(name)}",
        type="primary",
        icon=":material/save:",
        key="teacher:save-upload",
        on_click=_save,
        args=(name, data),
    )


def content_tab() -> None:
    check_section()
    st.divider()
    upload_section()


# ---------------------------------------------------------------- preview: lessons


def lesson_preview(lesson: Lesson) -> None:
    """The lesson exactly as the student's page draws it (ui.shared.lesson_view), in a frame."""
    with st.container(border=True):
        st.header(lesson.title, anchor=False)
        lesson_body(lesson)


# ---------------------------------------------------------------- preview: quizzes
# The student's widgets (ui/shared/answers/) and Submit, working: the teacher sees exactly the verdict,
# feedback and points a student would get (``answering.preview``), and nothing is recorded.


def teacher_notes(question) -> None:  # noqa: ANN001 - any question kind
    with st.expander("For the teacher: key, explanation, feedback, source", icon=":material/key:"):
        st.text(f"Right answer: {describe_key(question)}")
        note(f"id {question.id} · {question.kind.replace('_', ' ')} · topic {question.topic}")
        if question.explain:
            st.markdown("**Explanation** (shown after answering):")
            teacher_markdown(question.explain)
        if question.feedback:
            st.markdown("**Feedback for known wrong answers:**")
            st.table([{"Answer": escape(answer), "Feedback": text} for answer, text in question.feedback.items()])
        if question.source:
            lesson_id, _, passage_id = question.source.partition("#")
            pages.link(
                pages.LESSON,
                label=f"Source: {question.source}",
                icon=":material/menu_book:",
                query_params={"lesson": lesson_id, "passage": passage_id},
            )


def _tried_key(key: str) -> str:
    return f"{key}:tried"


def _on_try(question: Question, view: QuestionView, key: str, confirmed: bool = False) -> None:
    """The student's Submit, graded by the engine without storing anything."""
    response = read_response(view, key)
    if ready_to_submit(question, key, response, confirmed):
        st.session_state[_tried_key(key)] = (response, answering.preview(question, response))


def _try_again(key: str) -> None:
    st.session_state.pop(_tried_key(key), None)


def quiz_preview(quiz: Quiz, prefix: str = "preview") -> None:
    """Every question a student can be asked, as the student sees it, plus the key for the teacher."""
    pool = askable(quiz)
    with st.container(border=True):
        st.header(quiz.title, anchor=False)
        if not pool:
            st.info("This quiz has no questions yet.", icon=":material/hourglass_empty:")
        else:
            count = min(quiz.draw or len(pool), len(pool))
            drawn = f", drawn from a pool of {len(pool)}" if count < len(pool) else ""
            st.markdown(f"**{count} question{'s' if count != 1 else ''}**{drawn}. You pass with **{quiz.pass_mark}%**.")
        plan = plan_attempt(quiz, seed=0, only=[q.id for q in pool])  # the whole pool, in one student's order
        total = len(plan.question_ids)
        first = 0
        if total > PREVIEW_PAGE_QUESTIONS:  # one page at a time: drawing every widget of a long quiz stalls the server
            first = st.selectbox(
                "Questions shown",
                range(0, total, PREVIEW_PAGE_QUESTIONS),
                format_func=lambda start: f"{start + 1}–{min(start + PREVIEW_PAGE_QUESTIONS, total)} of {total}",
                key=f"{prefix}:{quiz.id}:page",
            )
        shown = plan.question_ids[first : first + PREVIEW_PAGE_QUESTIONS]
        for number, question_id in enumerate(shown, start=first + 1):
            question = quiz.question(question_id)
            view = student_view(question, plan)
            key = f"{prefix}:{quiz.id}:{question_id}"
            with st.container(border=True):
                st.progress((number - 1) / total, text=f"Question {number} of {total}")
                st.subheader(view.ask, anchor=False)
                note(f"{view.points} point{'s' if view.points != 1 else ''}")
                if view.hint:
                    with st.expander("Show a hint", icon=":material/lightbulb:"):
                        teacher_markdown(view.hint)
                tried = st.session_state.get(_tried_key(key))
                if tried is None:
                    answer_input(view, key, _on_try, args=(question, view, key))
                else:
                    response, graded = tried
                    verdict_box(graded)
                    st.button("Try another answer", key=f"{key}:again", on_click=_try_again, args=(key,))
                    answer_details(question, graded, response)
                teacher_notes(question)
        drafts = [q.id for q in quiz.questions if q.status == "draft"]
        if drafts:
            st.info(
                f"{len(drafts)} draft question{'s are' if len(drafts) != 1 else ' is'} not shown to students: "
                f"{', '.join(drafts)}.",
                icon=":material/edit_note:",
            )


def preview_tab() -> None:
    current = course()
    options = [f"lesson:{i}" for i in current.lessons] + [f"quiz:{i}" for i in current.quizzes]
    if not options:
        st.info("There is nothing to preview yet: add lessons and quizzes, or fix the files listed in Content.")
        return

    def label(option: str) -> str:
        kind, item_id = option.split(":", 1)
        if kind == "lesson":
            return f"Lesson · {current.lessons[item_id].title}"
        return f"Quiz · {current.quizzes[item_id].title}"

    choice = st.selectbox("Lesson or quiz to preview", options, format_func=label, key="teacher:preview")
    note(
        "What a student sees. The answer boxes are switched off and nothing here is recorded. "
        "Files with a problem (see Content) can't be previewed until they are fixed."
    )
    kind, item_id = choice.split(":", 1)
    if kind == "lesson":
        lesson_preview(current.lessons[item_id])
    else:
        quiz_preview(current.quizzes[item_id])
