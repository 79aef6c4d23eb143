"""Review drafts: each draft question beside the passage it cites; edit, accept or reject it, save to the course.

Drafts come from an article uploaded here (the importer runs once, with its
progress shown, and its result is kept in session state), from a folder the
importer wrote under ``drafts/``, or from a quiz in ``quizzes/`` that still
has draft questions. Each question is shown beside its passage, with the
answer's words in bold where the passage writes them. Every edit is checked
by the content models as it is made; a problem is shown under its field, in a
teacher's words.

What a review is, how each edit is checked and how the files are saved is
the engine's (``classroom/ingest/review.py``, writing through the content
``Library``); this screen only draws it. The course cache is keyed by
modification time, so saved files are picked up on the next rerun.

The widgets keep their values with ``persist_state="session"``, so edits
survive switching lessons or tabs (Streamlit otherwise forgets the state of a
widget that is not drawn). Their keys carry the review's number and the
lesson's save count, so a new review or a save starts from fresh widgets.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import streamlit as st

from classroom.content.models import Lesson, Question, Quiz
from classroom.ingest import FORMATS, ArticleError, draft_course, read_article_file
from classroom.ingest.review import (
    DECISIONS,
    REJECT,
    Outcome,
    Review,
    Unit,
    answer_expected,
    answer_spans,
    bolded,
    check_quiz,
    counts,
    draft_count,
    edited_question,
    evidence,
    find_passage,
    kept_questions,
    review_of_course,
    review_of_folder,
    review_of_quiz,
    save_unit,
)
from classroom.kinds import KINDS
from classroom.text import slug, valid_id
from ui.shared.answers import WIDGETS
from ui.shared.course import course, library
from ui.shared.safe import escape, note, teacher_markdown
from ui.teacher import auth as teacher_auth
from ui.teacher.content import lesson_preview, problem_rows

log = logging.getLogger("classroom")

MAX_ARTICLE_MB = 2  # a saved web page is rarely more; the importer takes about 1.5 s per 100,000 characters
MAX_ARTICLE_BYTES = MAX_ARTICLE_MB * 1024 * 1024
ARTICLE_TYPES = sorted({suffix.lstrip(".") for suffix in FORMATS})
REVIEW = "review:current"  # session state: the Review being worked on
COUNT = "review:count"  # session state: how many reviews were opened; part of every widget key
NOTICE = "review:notice"  # session state: (ok, message) after saving, shown once


def _next_number() -> int:
    st.session_state[COUNT] = st.session_state.get(COUNT, 0) + 1
    return st.session_state[COUNT]


# ---------------------------------------------------------------- the passage, with the answer in bold


def passage_panel(review: Review, lessons: Mapping[str, Lesson], question: Question) -> None:
    if not question.source:
        st.info("This question cites no passage: check its answer against the whole lesson.", icon=":material/info:")
        return
    passage = find_passage(review, lessons, question.source)
    if passage is None:
        st.warning(
            f"This question cites `{question.source}`, which is not a passage of the lesson: check the source.",
            icon=":material/link_off:",
        )
        return
    found = evidence(question, passage.text)
    with st.container(border=True):
        if found is not None:
            st.markdown("**The sentence it comes from**")
            teacher_markdown("> " + bolded(found.sentence, list(found.spans)))
            note(":material/fact_check: The evidence is in **bold**: the answer, and the person the question names.")
        heading = f" · {escape(passage.heading)}" if passage.heading else ""
        st.markdown(f"**The passage it cites** · `{question.source}`{heading}")
        spans = answer_spans(question, passage.text)
        teacher_markdown(bolded(passage.text, spans))
        if spans:
            note(":material/format_bold: The answer is in **bold** where the passage writes it.")
        elif answer_expected(question):
            note(":material/search_off: The answer is not written in this passage as it stands: check it.")


# ---------------------------------------------------------------- one question


def question_block(
    review: Review, lessons: Mapping[str, Lesson], question: Question, key: str, number: int, total: int
) -> Outcome:
    with st.container(border=True):
        left, right = st.columns(2, gap="large")
        with left:
            st.markdown(
                f"**Question {number} of {total}** · {KINDS[question.kind].words} · topic {question.topic} · "
                f"id `{question.id}`"
            )
            ask = st.text_area(
                f"Question {number}: wording", value=question.ask, key=f"{key}:ask", persist_state="session"
            )
            ask_slot = st.empty()
            data, slots = WIDGETS[question.kind].editor(question, key, f"Question {number}")
            slots["ask"] = ask_slot
            if question.explain:
                note(f"Shown after answering: {escape(question.explain)}")
            decision = st.radio(
                f"Question {number}: decision",
                DECISIONS,
                key=f"{key}:decision",
                horizontal=True,
                help="Accept: students are asked it once you save. Reject: it is left out of the file. "
                "Keep as draft: it is saved with your edits but students don't see it.",
                persist_state="session",
            )
            general = st.empty()
        outcome = edited_question(question, decision, ask, data)
        by_slot: dict[int, tuple[Any, list[str]]] = {}
        for name, messages in outcome.errors.items():
            slot = slots.get(name, general)
            by_slot.setdefault(id(slot), (slot, []))[1].extend(messages)
        for slot, messages in by_slot.values():
            slot.error("\n\n".join(escape(m) for m in dict.fromkeys(messages)), icon=":material/error:")
        with right:
            passage_panel(review, lessons, outcome.edited or question)
    return outcome


# ---------------------------------------------------------------- saving


def save_section(review: Review, unit: Unit, key: str, outcomes: list[Outcome], title: str, title_slot: Any) -> None:
    quiz = None
    quiz_errors: dict[str, list[str]] = {}
    kept = kept_questions(unit, outcomes)
    if kept:
        assert unit.quiz is not None
        quiz, quiz_errors = check_quiz(unit.quiz, title, kept)
        if quiz_errors.get("title"):
            title_slot.error(" ".join(escape(m) for m in quiz_errors["title"]), icon=":material/error:")
        others = [m for name, messages in quiz_errors.items() if name != "title" for m in messages]
        if others:
            st.error(" ".join(escape(m) for m in others), icon=":material/error:")
    st.subheader("Save to the course", anchor=False)
    content = library()
    described = [
        f"- `{relative}`"
        + (
            " (replaces the file there, comments included; a copy goes to `data/backups/` first)"
            if content.exists(relative)
            else " (new)"
        )
        for relative in unit.targets()
    ]
    if described:
        st.markdown("Saving writes:\n\n" + "\n".join(described))
    if unit.lesson_file:
        note(
            ":material/visibility: Students can read the lesson as soon as it is saved. "
            "They are asked only the questions you accept."
        )
    clicked = st.button("Save to the course", type="primary", icon=":material/save:", key=f"{key}:save")
    notice = st.session_state.pop(NOTICE, None)
    if notice:
        ok, message = notice
        (st.success if ok else st.error)(message, icon=":material/check_circle:" if ok else ":material/error:")
    if not clicked or not teacher_auth.is_teacher():
        return
    broken = [o for o in outcomes if o.decision != REJECT and o.errors]
    if broken:
        several = len(broken) != 1
        st.error(
            f"Nothing was saved: {len(broken)} question{'s have' if several else ' has'} a problem, marked in red "
            f"above. Fix {'them' if several else 'it'}, or reject {'those questions' if several else 'that question'}.",
            icon=":material/error:",
        )
        return
    if quiz_errors:
        st.error("Nothing was saved: the quiz has a problem, marked in red above.", icon=":material/error:")
        return
    saved = save_unit(content, unit, quiz, counts(outcomes))
    message = " ".join([*saved.lines, *([escape(saved.error)] if saved.error else [])])
    if not saved.ok:
        st.error(message, icon=":material/error:")
        if saved.problems:
            st.table(problem_rows(saved.problems), alt="Problems found in the files to be saved, with line and column")
        return
    st.session_state[NOTICE] = (True, message)
    st.rerun()


# ---------------------------------------------------------------- the screen


def unit_section(review: Review, unit: Unit) -> None:
    key = f"review:{review.number}:{unit.key}:{unit.saves}"
    if unit.lesson is not None:
        with st.expander("Read the whole lesson as students will see it", icon=":material/menu_book:"):
            lesson_preview(unit.lesson)
    title, title_slot = "", None
    outcomes: list[Outcome] = []
    if unit.quiz is None:
        st.info("No questions were drafted for this lesson. You can still save the lesson.", icon=":material/info:")
    else:
        title = st.text_input(
            "Quiz title (students see it)",
            value=unit.quiz.title.removeprefix("Draft questions: "),
            key=f"{key}:title",
            persist_state="session",
        )
        title_slot = st.empty()
        drafts = unit.drafts()
        ready = len(unit.quiz.questions) - len(drafts)
        if ready:
            note(
                f"{ready} question{'s' if ready != 1 else ''} of this quiz {'are' if ready != 1 else 'is'} ready "
                "already and kept as they are."
            )
        if not drafts:
            st.success("No draft questions are left in this quiz.", icon=":material/task_alt:")
        lessons = course().lessons  # once per rerun, not once per question (each call stats every file)
        for number, question in enumerate(drafts, start=1):
            outcomes.append(question_block(review, lessons, question, f"{key}:{question.id}", number, len(drafts)))
    save_section(review, unit, key, outcomes, title, title_slot)


def report_section(review: Review) -> None:
    """The import report: what was kept, and every fact or question dropped because its sentence did not support it."""
    report = review.report
    assert report is not None
    dropped = len(report.dropped)
    with st.expander(
        f"Import report: {report.kept_questions} question{'s' if report.kept_questions != 1 else ''} drafted, "
        f"{dropped} item{'s' if dropped != 1 else ''} dropped",
        icon=":material/summarize:",
    ):
        st.markdown(
            f"- Kept: {report.kept_dates} date{'s' if report.kept_dates != 1 else ''}, {report.kept_roles} "
            f"person–office pair{'s' if report.kept_roles != 1 else ''}, {report.kept_questions} "
            f"question{'s' if report.kept_questions != 1 else ''}.\n"
            f"- Left out as page furniture: {report.removed_furniture} piece"
            f"{'s' if report.removed_furniture != 1 else ''} (listed below).\n"
            "- Every date, person, office and answer was checked against the sentence it came from; "
            "whatever the sentence did not support was dropped rather than guessed."
        )
        if report.dropped:
            st.table(
                [
                    {"What": item.kind, "Drafted": item.what, "Where": item.source, "Why it was dropped": item.reason}
                    for item in report.dropped
                ],
                alt="Facts and questions the importer dropped, with the reason for each",
            )
        else:
            note("Nothing was dropped: every drafted fact is written in its sentence.")


def review_section(review: Review) -> None:
    st.header(f"Reviewing: {escape(review.title)}", anchor=False)
    note(escape(review.origin))
    if review.problems:
        st.warning("Some draft files have problems and are left out until they are fixed.", icon=":material/build:")
        st.table(problem_rows(review.problems), alt="Problems found in the draft files, with line and column")
    if review.report is not None:
        report_section(review)
    if review.removed:
        with st.expander(f"Left out of the article as page furniture ({len(review.removed)})"):
            st.markdown("\n".join(f"- {escape(text)}" for text in review.removed))
    if not review.units:
        st.info("There is nothing to review here.", icon=":material/info:")
        return
    labels = {index: unit.label() for index, unit in enumerate(review.units)}
    index = st.selectbox(
        "Lesson to review",
        list(labels),
        format_func=labels.get,
        key=f"review:{review.number}:unit",
        persist_state="session",
    )
    unit_section(review, review.units[index])


def _draft_article(name: str, data: bytes, prefix: str) -> Review | None:
    """Run the importer once, its progress shown line by line."""
    with st.status(f"Drafting lessons and questions from {escape(name)}…", expanded=True) as box:
        try:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / name
                path.write_bytes(data)
                text, fmt = read_article_file(path)
            course = draft_course(text, name, course_id=prefix, fmt=fmt, progress=lambda line: note(escape(line)))
        except ArticleError as error:
            box.update(label="The article could not be imported", state="error", expanded=True)
            st.error(escape(str(error)), icon=":material/error:")
            return None
        except Exception:  # an article the importer chokes on must not take the room down
            log.exception("importing %s failed", name)
            box.update(label="The article could not be imported", state="error", expanded=True)
            st.error(
                "The importer failed on this article. Try saving it as plain text (.txt).", icon=":material/error:"
            )
            return None
        total = len(course.questions())
        box.update(
            label=f"Drafted {total} question{'s' if total != 1 else ''} in {len(course.lessons)} "
            f"lesson{'s' if len(course.lessons) != 1 else ''}",
            state="complete",
            expanded=False,
        )
    return review_of_course(course, _next_number())


def import_section() -> None:
    st.markdown(
        f"A history article saved as `.txt`, `.md` or `.html` (at most {MAX_ARTICLE_MB} MB, UTF-8). "
        "The importer drafts lessons and questions from it; nothing reaches students until you save, "
        "and a draft question only once you accept it."
    )
    uploaded = st.file_uploader(
        "Article file", type=ARTICLE_TYPES, max_upload_size=MAX_ARTICLE_MB, key="review:article"
    )
    if uploaded is None:
        return
    name = Path(uploaded.name).name or "article.txt"
    if uploaded.size > MAX_ARTICLE_BYTES:
        st.error(
            f"{escape(name)} is {uploaded.size / 1024 / 1024:.1f} MB; the limit is {MAX_ARTICLE_MB} MB. "
            "Import a bigger article with `python -m classroom ingest`.",
            icon=":material/error:",
        )
        return
    prefix = st.text_input(
        "Lesson ids start with",
        value=slug(Path(name).stem),
        key=f"review:prefix:{uploaded.file_id}",
        help="The lessons become PREFIX-1, PREFIX-2, …, and their quizzes PREFIX-1-draft, …",
    ).strip()
    if not valid_id(prefix):
        st.error(
            f"“{escape(prefix)}” can't start an id: use lowercase letters, digits and single dashes, like `cold-war`.",
            icon=":material/error:",
        )
        return
    if library().exists(f"lessons/{prefix}-1.yaml"):
        st.info(
            f"The course has a lesson `{prefix}-1` already. Saving a lesson of the same id replaces it "
            "(the old file is kept in `data/backups/`); choose another start to keep both.",
            icon=":material/history:",
        )
    if st.button("Draft lessons and questions", type="primary", icon=":material/auto_awesome:", key="review:draft"):
        review = _draft_article(name, uploaded.getvalue(), prefix)
        if review is not None:
            st.session_state[REVIEW] = review


def pick_section() -> None:
    options: dict[str, str] = {}
    content = library()
    for folder in content.draft_folders():
        loaded = content.load_folder(folder)
        lessons = sum(isinstance(r.item, Lesson) for r in loaded)
        drafts = draft_count([r.item for r in loaded if isinstance(r.item, Quiz)])
        options[f"folder:{folder}"] = (
            f"{content.relative(folder)}/ — {lessons} lesson{'s' if lessons != 1 else ''}, {drafts} draft questions"
        )
    current = course()
    for quiz_id, quiz in current.quizzes.items():
        drafts = sum(q.status == "draft" for q in quiz.questions)
        if drafts:
            options[f"quiz:{quiz_id}"] = (
                f"{current.files[quiz_id]} — {drafts} draft question{'s' if drafts != 1 else ''}"
            )
    if not options:
        st.info(
            "No drafts in the content folder. `python -m classroom ingest ARTICLE` writes them to `drafts/`, "
            "or import an article here.",
            icon=":material/inbox:",
        )
        return
    choice = st.selectbox("Drafts to review", list(options), format_func=options.get, key="review:pick")
    if st.button("Open for review", icon=":material/rate_review:", key="review:open"):
        kind, _, value = choice.partition(":")
        number = _next_number()
        if kind == "folder":
            st.session_state[REVIEW] = review_of_folder(library(), Path(value), number)
        else:
            path = Path(current.files[value]).as_posix()
            st.session_state[REVIEW] = review_of_quiz(current.quizzes[value], path, number)


SOURCES: dict[str, Callable[[], None]] = {
    "Import an article": import_section,
    "Drafts in the content folder": pick_section,
}


def review_tab() -> None:
    source = st.radio("Where are the drafts?", list(SOURCES), horizontal=True, key="review:source")
    SOURCES[source]()
    review = st.session_state.get(REVIEW)
    if review is None:
        return
    st.divider()
    review_section(review)
