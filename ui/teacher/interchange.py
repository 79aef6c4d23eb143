"""Import questions (GIFT or Moodle XML, saved as drafts for review) and download quizzes as GIFT, Moodle XML or QTI.

Reading the bank, the import report, the check against the course and the
export are the engine's (``classroom/interchange/``); this screen only draws
them. Imported questions are written as draft quizzes under ``drafts/`` beside
the course, where the Review drafts tab lists them; nothing reaches students
until a teacher accepts it there.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from classroom.errors import UserError
from classroom.interchange import (
    BankImport,
    Note,
    export_quiz,
    guess_format,
    read_bank,
    timeline_json,
    write_bank,
)
from classroom.interchange.bank import MAX_BYTES, SUFFIX, export_items
from classroom.text import slug, valid_id
from ui.shared.course import course, library
from ui.shared.safe import escape, note
from ui.teacher.content import problem_rows

MAX_MB = MAX_BYTES / 1_000_000
IMPORTS = "interchange:imports"  # session state: how many banks were saved; part of the uploader's key
NOTICE = "interchange:notice"  # session state: (ok, message) after saving
FORMATS = {"Find out from the file name": None, "GIFT": "gift", "Moodle XML": "moodle-xml"}
DOWNLOADS = {
    "GIFT": ("gift", "text/plain"),
    "Moodle XML": ("moodle-xml", "application/xml"),
    "QTI 3.0": ("qti3", "application/zip"),
}
OUTCOME = {"imported": "Imported as it was", "changed": "Changed", "skipped": "Skipped"}


def report_rows(notes: list[Note]) -> list[dict[str, object]]:
    return [
        {
            "Line": n.line or "",
            "Question": escape(n.title),
            "Outcome": OUTCOME[n.outcome],
            "As": n.kind,
            "What changed, or why it was skipped": escape(n.detail),
        }
        for n in notes
    ]


def _save(bank: BankImport) -> None:
    first = next(iter(bank.quizzes))
    out = library().root / "drafts" / first
    try:
        written = write_bank(bank, out, overwrite=True)
    except (UserError, OSError) as error:
        st.session_state[NOTICE] = (False, f"Nothing was saved: {escape(str(error))}")
        return
    names = ", ".join(f"`{library().relative(p)}`" for p in written)
    st.session_state[NOTICE] = (True, f"Saved {names} as drafts. Open **Review drafts** to check and accept them.")
    st.session_state[IMPORTS] = st.session_state.get(IMPORTS, 0) + 1


def import_section() -> None:
    st.header("Import questions", anchor=False)
    st.markdown(
        f"A GIFT text file or a Moodle XML file (at most {MAX_MB:g} MB), as Moodle exports them. Every question "
        "becomes a **draft**: students never see it until you accept it in *Review drafts*. Each category of the "
        "file becomes a quiz of its own."
    )
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        ok, message = notice
        (st.success if ok else st.error)(message, icon=":material/check_circle:" if ok else ":material/error:")
    lessons = list(course().lessons.values())
    if not lessons:
        note("The course has no lesson yet: a quiz needs a lesson to draw on. Add a lesson first.")
        return
    uploaded = st.file_uploader(
        "Question bank (.gift, .txt or .xml)",
        type=["gift", "txt", "xml"],
        max_upload_size=max(1, round(MAX_MB)),
        key=f"interchange:upload:{st.session_state.get(IMPORTS, 0)}",
    )
    left, right = st.columns(2)
    chosen = left.multiselect(
        "Lessons the questions belong to",
        [lesson.id for lesson in lessons],
        default=[lessons[0].id],
        format_func=lambda i: course().lessons[i].title,
        key="interchange:lessons",
    )
    fmt_label = right.selectbox("Format", list(FORMATS), key="interchange:format")
    if uploaded is None:
        return
    name = Path(uploaded.name).name
    quiz_id = st.text_input(
        "Quiz id", value=slug(name.split(".")[0], fallback="imported"), key=f"interchange:id:{name}"
    ).strip()
    if not valid_id(quiz_id):
        st.error("The quiz id takes lowercase letters, digits and single dashes, like `moodle-unit-1`.")
        return
    if not chosen:
        st.error("Pick at least one lesson: every quiz draws on a lesson.")
        return
    fmt = FORMATS[fmt_label] or guess_format(name)
    try:
        bank = read_bank(uploaded.getvalue(), name, fmt, quiz_id, chosen)
    except UserError as error:
        st.error(f"{escape(str(error))}. Nothing was saved.", icon=":material/error:")
        return
    if bank.problems:
        count = len(bank.problems)
        st.error(
            f"{escape(name)} has {count} problem{'s' if count != 1 else ''}, so nothing was imported. "
            "Fix the file and upload it again.",
            icon=":material/error:",
        )
        st.table(problem_rows(bank.problems), alt="Problems found in the question bank, with line and column")
        return
    counts = bank.counts()
    st.markdown(
        f"**{escape(name)}**: {counts['imported']} imported as they were, {counts['changed']} changed, "
        f"{counts['skipped']} skipped, into {len(bank.quizzes)} draft quiz(zes): "
        + ", ".join(f"`{q}`" for q in bank.quizzes)
    )
    st.dataframe(report_rows(bank.notes), hide_index=True, width="stretch")
    if not bank.quizzes:
        note("No question could be imported, so there is nothing to save.")
        return
    _, problems = library().check({name: text.encode("utf-8") for name, text in bank.files().items()})
    if problems:
        st.error("These quizzes would clash with the course, so they cannot be saved yet:", icon=":material/error:")
        st.table(problem_rows(problems), alt="Problems the imported quizzes would have in the course")
        return
    st.button(
        "Save as drafts for review",
        type="primary",
        icon=":material/save:",
        key="interchange:save",
        on_click=_save,
        args=(bank,),
    )


def download_section() -> None:
    st.header("Download as", anchor=False)
    st.markdown(
        "A quiz as a file for Moodle (GIFT or Moodle XML) or for any platform that reads QTI 3.0. A kind a format "
        "lacks goes out as the nearest one (see the notes below the buttons)."
    )
    quizzes = course().quizzes
    if not quizzes:
        note("The course has no quiz yet.")
        return
    quiz_id = st.selectbox(
        "Quiz", list(quizzes), format_func=lambda i: quizzes[i].title, key="interchange:download-quiz"
    )
    quiz = quizzes[quiz_id]
    notes = [note for _, note in export_items(quiz) if note.detail]
    for column, (label, (fmt, mime)) in zip(st.columns(len(DOWNLOADS)), DOWNLOADS.items(), strict=True):
        column.download_button(
            label,
            data=lambda fmt=fmt: export_quiz(quiz, fmt)[0],  # made on the click: QTI is checked against its XSDs
            file_name=f"{quiz.id}{SUFFIX[fmt]}",
            mime=mime,
            icon=":material/download:",
            key=f"interchange:download:{fmt}",
            on_click="ignore",
        )
    if notes:
        with st.expander(f"What the formats change in this quiz ({len(notes)} question(s))"):
            st.table(report_rows(notes), alt="What each format changes, per question")
    st.download_button(
        "The course timeline (TimelineJS JSON)",
        data=timeline_json(list(course().lessons.values())),
        file_name="timeline.json",
        mime="application/json",
        icon=":material/timeline:",
        key="interchange:timeline",
        on_click="ignore",
        help="Every lesson's events and periods, for a TimelineJS page on a class website",
    )


def interchange_tab() -> None:
    import_section()
    st.divider()
    download_section()
