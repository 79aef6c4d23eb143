"""Review drafts: each draft question beside the passage it cites; edit, accept or reject it, save to the course.

Drafts come from an article uploaded here (the importer runs once, with its
progress shown, and its result is kept in session state), from a folder the
importer wrote under ``drafts/``, or from a quiz in ``quizzes/`` that still
has draft questions. Each question is shown beside its passage, with the
answer's words in bold where the passage writes them. Every edit is checked
by the content models as it is made; a problem is shown under its field, in a
teacher's words.

Saving writes the lesson to ``lessons/`` and the quiz to ``quizzes/``:
accepted questions become ``ready``, rejected ones are dropped, the others
stay ``draft`` (students never see those). Both files are checked by the
loader, and against the rest of the course, before anything is written; a
file they replace is copied to ``data/backups/`` first, and each file is
written atomically. The course cache is keyed by modification time, so the
files are picked up on the next rerun.

The widgets keep their values with ``persist_state="session"``, so edits
survive switching lessons or tabs (Streamlit otherwise forgets the state of a
widget that is not drawn). Their keys carry the review's number and the
lesson's save count, so a new review or a save starts from fresh widgets.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st
from pydantic import TypeAdapter, ValidationError

from classroom.content.dates import describe_precision, parse_answer, parse_iso, spoken
from classroom.content.load import Loaded, assemble, find_files, load_file
from classroom.content.models import QUESTION_KINDS, Lesson, Passage, Question, Quiz
from classroom.content.problems import Problem
from classroom.ingest import FORMATS, ArticleError, DraftCourse, draft_course, quiz_yaml, read_article_file, slug
from classroom.ingest import valid_id as is_valid_id
from classroom.ingest.extract_dates import find_dates
from classroom.quiz.attempts import describe_key
from ui.shared import course as course_files
from ui.shared.safe import escape, note, teacher_markdown
from ui.teacher import auth as teacher_auth
from ui.teacher.content import backup_path, lesson_preview, problem_rows

log = logging.getLogger("classroom")

MAX_ARTICLE_MB = 2  # a saved web page is rarely more; the importer takes about 1.5 s per 100,000 characters
MAX_ARTICLE_BYTES = MAX_ARTICLE_MB * 1024 * 1024
ARTICLE_TYPES = sorted({suffix.lstrip(".") for suffix in FORMATS})
REVIEW = "review:current"  # session state: the Review being worked on
COUNT = "review:count"  # session state: how many reviews were opened; part of every widget key
NOTICE = "review:notice"  # session state: (ok, message) after saving, shown once
KEEP, ACCEPT, REJECT = "Keep as draft", "Accept", "Reject"
DECISIONS = (KEEP, ACCEPT, REJECT)
KIND_WORDS = {
    "date": "date question",
    "text": "written answer",
    "choice": "multiple choice",
    "true_false": "true or false",
    "order": "put in order",
    "match": "matching",
    "number": "number question",
}
DATE_FORMS = "a year (1956), a month and a year (July 1956) or a full date (26 July 1956)"
TOO_SHORT = {
    "accept": "Give at least one accepted answer.",
    "options": "Give at least two options.",
    "correct": "Tick at least one right answer.",
    "items": "Give at least two items, one per line.",
    "questions": "Keep at least one question.",
}
EMPTY = {"ask": "The question is empty: write what students are asked.", "title": "Give the quiz a title."}
SCHEMA_LINE = re.compile(r"\A# yaml-language-server: \$schema=\S*?/(lesson|quiz)\.schema\.json\n")
IMPORTED_FROM = re.compile(r"^# (?:Draft questions imported|Imported) from (.+?) by `python -m classroom ingest`", re.M)
QUESTION = TypeAdapter(Question)

Errors = dict[str, list[str]]  # field -> messages for the teacher


# ---------------------------------------------------------------- what is being reviewed


@dataclass
class Unit:
    """A lesson and its draft quiz, saved together; or a quiz of the course alone (``lesson`` None)."""

    key: str
    lesson: Lesson | None
    lesson_text: str | None  # the file to write to lessons/; None: the lesson is the course's own, left alone
    quiz: Quiz | None
    quiz_file: str | None  # where the quiz is saved, relative to the content folder
    source_name: str | None = None  # the article, named in the files' header comment
    saves: int = 0  # bumped by every save: fresh widgets for what is left to review

    @property
    def lesson_file(self) -> str | None:
        return f"lessons/{self.lesson.id}.yaml" if self.lesson and self.lesson_text is not None else None

    def drafts(self) -> list[Question]:
        return [q for q in self.quiz.questions if q.status == "draft"] if self.quiz else []

    def label(self) -> str:
        count = len(self.drafts())
        what = f"{count} draft question{'s' if count != 1 else ''}"
        if self.lesson is not None:
            return f"Lesson {self.lesson.order}: {self.lesson.title} — {what}"
        return f"Quiz: {self.quiz.title if self.quiz else self.key} — {what}"


@dataclass
class Review:
    number: int
    title: str
    origin: str
    units: list[Unit]
    removed: tuple[str, ...] = ()  # page furniture the importer left out
    problems: list[Problem] = field(default_factory=list)  # draft files that could not be read

    def lessons(self) -> dict[str, Lesson]:
        return {u.lesson.id: u.lesson for u in self.units if u.lesson is not None}


def _next_number() -> int:
    st.session_state[COUNT] = st.session_state.get(COUNT, 0) + 1
    return st.session_state[COUNT]


def review_of_course(course: DraftCourse, number: int) -> Review:
    units = [
        Unit(f"lesson:{d.lesson.id}", d.lesson, d.lesson_yaml, d.quiz, d.quiz_file, course.source_name)
        for d in course.lessons
    ]
    return Review(number, course.title, f"Drafted from {course.source_name}", units, course.removed)


def _course_schema(text: str) -> str:
    """A draft file's text with its schema line pointing where lessons/ and quizzes/ find the schemas."""
    return SCHEMA_LINE.sub(lambda m: f"# yaml-language-server: $schema=../schema/{m[1]}.schema.json\n", text, count=1)


def _load(path: Path) -> Loaded:
    stat = path.stat()
    return course_files._load_file(str(path), stat.st_mtime_ns, stat.st_size)


def draft_folders() -> list[Path]:
    """Folders under ``drafts/`` that hold a ``lessons/`` or ``quizzes/`` folder (the importer's output)."""
    root = course_files.CONTENT_ROOT / "drafts"
    if not root.is_dir():
        return []
    return sorted({p.parent for p in root.rglob("*") if p.name in ("lessons", "quizzes") and p.is_dir()})


def _folder_files(folder: Path) -> list[Loaded]:
    return [_load(p) for p in find_files([d for d in (folder / "lessons", folder / "quizzes") if d.is_dir()])]


def review_of_folder(folder: Path, number: int) -> Review:
    loaded = _folder_files(folder)
    lessons: dict[str, tuple[Lesson, str]] = {}
    quizzes: list[Quiz] = []
    source_name = None
    for result in loaded:
        if isinstance(result.item, Lesson):
            text = _course_schema((course_files.CONTENT_ROOT / result.path).read_text(encoding="utf-8"))
            lessons[result.item.id] = (result.item, text)
            found = IMPORTED_FROM.search(text)
            source_name = source_name or (found[1] if found else None)
        elif isinstance(result.item, Quiz):
            quizzes.append(result.item)
    units: list[Unit] = []
    paired: set[str] = set()
    for quiz in quizzes:
        lesson_id = next((i for i in quiz.lessons if i in lessons and i not in paired), None)
        lesson, text = lessons[lesson_id] if lesson_id else (None, None)
        if lesson_id:
            paired.add(lesson_id)
        units.append(Unit(f"quiz:{quiz.id}", lesson, text, quiz, f"quizzes/{quiz.id}.yaml", source_name))
    units += [
        Unit(f"lesson:{i}", les, text, None, None, source_name) for i, (les, text) in lessons.items() if i not in paired
    ]
    units.sort(key=lambda u: (u.lesson.order if u.lesson else 10**6, u.key))
    name = os.path.relpath(folder, course_files.CONTENT_ROOT)
    problems = [p for result in loaded for p in result.problems]
    return Review(number, name, f"Drafts in {name}/", units, problems=problems)


def review_of_quiz(quiz_id: str, number: int) -> Review:
    current = course_files.course()
    quiz = current.quizzes[quiz_id]
    path = Path(current.files[quiz_id]).as_posix()
    return Review(number, quiz.title, f"Draft questions in {path}", [Unit(f"quiz:{quiz_id}", None, None, quiz, path)])


# ---------------------------------------------------------------- checking edits through the models


def _sentence(text: str) -> str:
    text = text.replace(" in quotes", "").strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def _words(where: str, item: dict[str, Any], message: str | None) -> str:
    """One pydantic error in a teacher's words, for a form rather than a file."""
    kind = item["type"]
    message = message or (item.get("ctx") or {}).get("message") or item["msg"]
    if kind == "content" and message.startswith("this text is empty"):
        return EMPTY.get(where, "This is empty: write something.")
    if kind == "content" and where == "answer" and "is not a date" in message:
        value = str(item.get("input") or "").strip()
        if not value:
            return f"Write the right date: {DATE_FORMS}."
        return f"“{value}” is not a date. Write {DATE_FORMS}."
    if kind == "too_short":
        return TOO_SHORT.get(where, "Give at least one entry.")
    if kind == "content":
        return _sentence(message)
    return _sentence(f"{where}: {item['msg']}")


def teacher_errors(error: ValidationError, tagged: bool) -> Errors:
    """Field -> messages. ``tagged``: the first part of every location is the question kind (a union tag)."""
    found: Errors = {}
    for item in error.errors(include_url=False):
        loc = list(item["loc"])[1 if tagged else 0 :]
        ctx = item.get("ctx") or {}
        bundle = ctx.get("issues") if item["type"] == "content" else None
        entries = [(loc + list(at), message) for at, message, _ in bundle] if bundle else [(loc, None)]
        for where, message in entries:
            name = str(where[0]) if where else "general"
            found.setdefault(name, []).append(_words(name, item, message))
    return found


def check_question(data: dict[str, Any]) -> tuple[Question | None, Errors]:
    try:
        return QUESTION.validate_python(data), {}
    except ValidationError as error:
        return None, teacher_errors(error, tagged=data.get("kind") in QUESTION_KINDS)


def question_data(question: Question) -> dict[str, Any]:
    return question.model_dump(by_alias=True, exclude_defaults=True) | {
        "kind": question.kind,
        "status": question.status,
    }


def check_quiz(quiz: Quiz, title: str, questions: list[Question]) -> tuple[Quiz | None, Errors]:
    data = quiz.model_dump(by_alias=True, exclude_defaults=True)
    data["title"] = title.strip()
    data["questions"] = [question_data(q) for q in questions]
    try:
        return Quiz.model_validate(data), {}
    except ValidationError as error:
        return None, teacher_errors(error, tagged=False)


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------- the passage, with the answer in bold


def _phrase_spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Where each phrase is written (any case; a line break counts as a space), as whole words."""
    spans = []
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
        spans += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    return spans


def _date_spans(text: str, answer: str | None) -> list[tuple[int, int]]:
    """Dates written in the passage: the answer's (or, without an answer, every date)."""
    mentions = find_dates(text.replace("\n", " "))  # same length: the offsets hold for ``text``
    if answer is None:
        return [(m.start, m.end) for m in mentions]
    exact = [(m.start, m.end) for m in mentions if answer in (m.date, m.until)]
    return exact or [(m.start, m.end) for m in mentions if m.date.startswith(answer + "-")]


def answer_spans(question: Question, text: str) -> list[tuple[int, int]]:
    """Where the passage writes the question's answer, merged and in order."""
    kind = question.kind
    if kind == "date":
        spans = _date_spans(text, question.answer)
    elif kind == "text":
        spans = _phrase_spans(text, question.accept)
    elif kind == "choice":
        spans = _phrase_spans(text, question.correct)
    elif kind == "order":
        spans = _phrase_spans(text, question.items) + _date_spans(text, None)
    elif kind == "match":
        spans = _phrase_spans(text, [*question.pairs, *question.pairs.values()])
    elif kind == "number":
        spans = _phrase_spans(text, [f"{question.answer:g}"])
    else:
        spans = []
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if "\n\n" in text[start:end]:
            continue  # never across paragraphs: the bold would not hold
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def bolded(text: str, spans: list[tuple[int, int]]) -> str:
    """The passage's Markdown with ``**`` around each span."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "**", text[start:end], "**"]
        last = end
    return "".join([*out, text[last:]])


def find_passage(review: Review, source: str) -> Passage | None:
    lesson_id, _, passage_id = source.partition("#")
    lesson = review.lessons().get(lesson_id) or course_files.course().lessons.get(lesson_id)
    return lesson.passage(passage_id) if lesson else None


def passage_panel(review: Review, question: Question) -> None:
    if not question.source:
        st.info("This question cites no passage: check its answer against the whole lesson.", icon=":material/info:")
        return
    passage = find_passage(review, question.source)
    if passage is None:
        st.warning(
            f"This question cites `{question.source}`, which is not a passage of the lesson: check the source.",
            icon=":material/link_off:",
        )
        return
    with st.container(border=True):
        heading = f" · {escape(passage.heading)}" if passage.heading else ""
        st.markdown(f"**The passage it cites** · `{question.source}`{heading}")
        spans = answer_spans(question, passage.text)
        teacher_markdown(bolded(passage.text, spans))
        if spans:
            note(":material/format_bold: The answer is in **bold** where the passage writes it.")
        elif question.kind in ("date", "text", "choice"):
            note(":material/search_off: The answer is not written in this passage as it stands: check it.")


# ---------------------------------------------------------------- one question


@dataclass
class Outcome:
    question: Question  # as drafted
    decision: str
    edited: Question | None  # the edited question, when it is valid (None when rejected or invalid)
    errors: Errors


def _fields(question: Question, key: str, number: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The widgets for the key of a question of any kind: its new values, and a place for each field's errors."""
    data: dict[str, Any] = {}
    slots: dict[str, Any] = {}
    name = f"Question {number}"
    if question.kind == "date":
        current = parse_iso(question.answer)
        typed = st.text_input(
            f"{name}: right answer (a date)",
            value=spoken(current) if current else question.answer,
            key=f"{key}:answer",
            help=f"Write {DATE_FORMS}. Students must give the date as precisely as you write it.",
            persist_state="session",
        )
        slots["answer"] = st.empty()
        parsed = parse_answer(typed)
        data["answer"] = parsed.iso() if parsed else typed.strip()
        if parsed:
            note(f"Saved as `{parsed.iso()}`: students must give {describe_precision(parsed.precision)}.")
    elif question.kind == "text":
        typed = st.text_area(
            f"{name}: accepted answers, one per line",
            value="\n".join(question.accept),
            key=f"{key}:accept",
            help="An answer counts when it matches any line; small typos are forgiven.",
            persist_state="session",
        )
        slots["accept"] = st.empty()
        data["accept"] = lines(typed)
    elif question.kind == "choice":
        st.markdown(f"**{name}: options.** Tick every right answer; clear an option's text to remove it.")
        options, correct = [], []
        for index, option in enumerate(question.options, start=1):
            text_col, right_col = st.columns([3, 1], vertical_alignment="bottom")
            with text_col:
                typed = st.text_input(
                    f"{name}: option {index}", value=option, key=f"{key}:option:{index}", persist_state="session"
                )
            with right_col:
                right = st.checkbox(
                    f"Option {index} is right",
                    value=option in question.correct,
                    key=f"{key}:right:{index}",
                    persist_state="session",
                )
            if typed.strip():
                options.append(typed.strip())
                if right:
                    correct.append(typed.strip())
        slots["options"] = slots["correct"] = st.empty()
        data["options"], data["correct"] = options, correct
    elif question.kind == "order":
        typed = st.text_area(
            f"{name}: items in the right order, earliest first, one per line",
            value="\n".join(question.items),
            key=f"{key}:items",
            persist_state="session",
        )
        slots["items"] = st.empty()
        data["items"] = lines(typed)
    elif question.kind == "true_false":
        picked = st.radio(
            f"{name}: right answer",
            ["True", "False"],
            index=0 if question.answer else 1,
            key=f"{key}:answer",
            horizontal=True,
            persist_state="session",
        )
        slots["answer"] = st.empty()
        data["answer"] = picked == "True"
    elif question.kind == "number":
        data["answer"] = float(
            st.number_input(
                f"{name}: right answer (a number)",
                value=float(question.answer),
                format="%g",
                key=f"{key}:answer",
                persist_state="session",
            )
        )
        slots["answer"] = st.empty()
    else:  # match: the pairs are edited in the file
        st.markdown(f"**{name}: pairs** (edit them in the file): {escape(describe_key(question))}")
    return data, slots


def question_block(review: Review, question: Question, key: str, number: int, total: int) -> Outcome:
    with st.container(border=True):
        left, right = st.columns(2, gap="large")
        with left:
            st.markdown(
                f"**Question {number} of {total}** · {KIND_WORDS[question.kind]} · topic {question.topic} · "
                f"id `{question.id}`"
            )
            ask = st.text_area(
                f"Question {number}: wording", value=question.ask, key=f"{key}:ask", persist_state="session"
            )
            ask_slot = st.empty()
            data, slots = _fields(question, key, number)
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
        if decision == REJECT:
            edited, errors = None, {}
        else:
            status = "ready" if decision == ACCEPT else "draft"
            edited, errors = check_question(question_data(question) | data | {"ask": ask.strip(), "status": status})
        by_slot: dict[int, tuple[Any, list[str]]] = {}
        for name, messages in errors.items():
            slot = slots.get(name, general)
            by_slot.setdefault(id(slot), (slot, []))[1].extend(messages)
        for slot, messages in by_slot.values():
            slot.error("\n\n".join(escape(m) for m in dict.fromkeys(messages)), icon=":material/error:")
        with right:
            passage_panel(review, edited or question)
    return Outcome(question, decision, edited, errors)


# ---------------------------------------------------------------- saving


def write_file(relative: str, text: str) -> tuple[bool, Path | None]:
    """Write ``text`` to the content folder atomically; a file it replaces is backed up first.

    Returns (written, backup): an identical file is left alone (nothing written, nothing backed up).
    """
    folder_name, _, name = relative.partition("/")
    if folder_name not in ("lessons", "quizzes") or not name.endswith((".yaml", ".yml")) or ".." in Path(name).parts:
        raise ValueError(f"not a lesson or quiz file: {relative!r}")
    target = course_files.CONTENT_ROOT / relative
    data = text.encode("utf-8")
    backup = None
    if target.exists():
        if target.read_bytes() == data:
            return False, None
        backup = backup_path(target.stem)
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(target, backup)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"  # not .yaml: never read half-written
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return True, backup


def check_files(unit: Unit, files: dict[str, str], quiz: Quiz | None) -> list[Problem]:
    """Each file on its own (the loader, on the text to be written), its links, then the course with it."""
    loaded = [load_file(Path(rel), shown_as=rel, raw=text.encode("utf-8")) for rel, text in files.items()]
    problems = [p for result in loaded for p in result.problems]
    if problems:
        return problems
    if unit.lesson is not None and unit.lesson_text is not None and quiz is not None:
        where = unit.quiz_file or ""
        if unit.lesson.id not in quiz.lessons:
            problems.append(Problem(where, 1, 1, f"the quiz does not list the lesson '{unit.lesson.id}'"))
        for question in quiz.questions:
            lesson_id, _, passage_id = (question.source or "").partition("#")
            if question.source and (lesson_id != unit.lesson.id or unit.lesson.passage(passage_id) is None):
                problems.append(
                    Problem(
                        where, 1, 1, f"question {question.id} cites {question.source}, not a passage of this lesson"
                    )
                )
        if problems:
            return problems
    root = course_files.CONTENT_ROOT
    targets = {str(Path(rel)) for rel in files}
    others = [
        course_files._load_file(*entry)
        for entry in course_files.fingerprint()
        if os.path.relpath(entry[0], root) not in targets
    ]
    together = assemble([*others, *loaded])
    return [p for p in together.problems if p.path in targets]


def _saved_words(relative: str, written: bool, backup: Path | None) -> str:
    if not written:
        return f"`{relative}` was already up to date."
    if backup is None:
        return f"Wrote `{relative}`."
    return (
        f"Wrote `{relative}`; the previous version is kept as `{os.path.relpath(backup, course_files.CONTENT_ROOT)}`."
    )


def save_unit(unit: Unit, quiz: Quiz | None, counts: dict[str, int]) -> tuple[bool, str, list[Problem]]:
    """Check and write the unit's files; returns (ok, message, problems)."""
    files: dict[str, str] = {}
    if unit.lesson_file and unit.lesson_text is not None:
        files[unit.lesson_file] = unit.lesson_text
    if quiz is not None and unit.quiz_file:
        files[unit.quiz_file] = quiz_yaml(quiz, unit.source_name)
    if not files:
        return False, "Nothing was saved: a quiz needs at least one question. Keep one, or delete the file.", []
    problems = check_files(unit, files, quiz)
    if problems:
        count = len(problems)
        return False, f"Nothing was saved: the files would have {count} problem{'s' if count != 1 else ''}.", problems
    done = []
    try:
        for relative, text in files.items():  # the lesson first: the quiz never points at a missing lesson
            done.append(_saved_words(relative, *write_file(relative, text)))
    except (OSError, ValueError) as error:
        return False, " ".join([*done, f"Saving stopped: {escape(str(error))}"]), []
    summary = (
        f"{counts['accepted']} accepted (students see them now), {counts['rejected']} rejected (removed), "
        f"{counts['drafts']} still draft (hidden from students)."
    )
    if quiz is None and unit.quiz is not None:
        summary = "Every question was rejected, so no quiz was written."
    return True, " ".join([*done, summary]), []


def save_section(review: Review, unit: Unit, key: str, outcomes: list[Outcome], title: str, title_slot: Any) -> None:
    quiz = None
    quiz_errors: Errors = {}
    if unit.quiz is not None:
        by_id = {o.question.id: o for o in outcomes}
        kept: list[Question] = []
        for question in unit.quiz.questions:
            outcome = by_id.get(question.id)
            if outcome is None:
                kept.append(question)  # a ready question: kept as it is
            elif outcome.decision != REJECT:
                kept.append(outcome.edited or question)
        if kept:
            quiz, quiz_errors = check_quiz(unit.quiz, title, kept)
            if quiz_errors.get("title"):
                title_slot.error(" ".join(escape(m) for m in quiz_errors["title"]), icon=":material/error:")
            others = [m for name, messages in quiz_errors.items() if name != "title" for m in messages]
            if others:
                st.error(" ".join(escape(m) for m in others), icon=":material/error:")
    targets = [f for f in (unit.lesson_file, unit.quiz_file if unit.quiz else None) if f]
    st.subheader("Save to the course", anchor=False)
    described = []
    for relative in targets:
        exists = (course_files.CONTENT_ROOT / relative).exists()
        described.append(
            f"- `{relative}`"
            + (
                " (replaces the file there, comments included; a copy goes to `data/backups/` first)"
                if exists
                else " (new)"
            )
        )
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
    counts = {
        "accepted": sum(o.decision == ACCEPT for o in outcomes),
        "rejected": sum(o.decision == REJECT for o in outcomes),
        "drafts": sum(o.decision == KEEP for o in outcomes),
    }
    ok, message, problems = save_unit(unit, quiz, counts)
    if not ok:
        st.error(message, icon=":material/error:")
        if problems:
            st.table(problem_rows(problems), alt="Problems found in the files to be saved, with line and column")
        return
    unit.quiz = quiz
    unit.saves += 1
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
        for number, question in enumerate(drafts, start=1):
            outcomes.append(question_block(review, question, f"{key}:{question.id}", number, len(drafts)))
    save_section(review, unit, key, outcomes, title, title_slot)


def review_section(review: Review) -> None:
    st.header(f"Reviewing: {escape(review.title)}", anchor=False)
    note(escape(review.origin))
    if review.problems:
        st.warning("Some draft files have problems and are left out until they are fixed.", icon=":material/build:")
        st.table(problem_rows(review.problems), alt="Problems found in the draft files, with line and column")
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
    if not is_valid_id(prefix):
        st.error(
            f"“{escape(prefix)}” can't start an id: use lowercase letters, digits and single dashes, like `cold-war`.",
            icon=":material/error:",
        )
        return
    if (course_files.CONTENT_ROOT / "lessons" / f"{prefix}-1.yaml").exists():
        st.info(
            f"The course has a lesson `{prefix}-1` already. Saving a lesson of the same id replaces it "
            "(the old file is kept in `data/backups/`); choose another start to keep both.",
            icon=":material/history:",
        )
    if st.button("Draft lessons and questions", type="primary", icon=":material/auto_awesome:", key="review:draft"):
        review = _draft_article(name, uploaded.getvalue(), prefix)
        if review is not None:
            st.session_state[REVIEW] = review


def _draft_count(loaded: list[Loaded]) -> int:
    return sum(q.status == "draft" for r in loaded if isinstance(r.item, Quiz) for q in r.item.questions)


def pick_section() -> None:
    options: dict[str, str] = {}
    for folder in draft_folders():
        name = os.path.relpath(folder, course_files.CONTENT_ROOT)
        loaded = _folder_files(folder)
        lessons = sum(isinstance(r.item, Lesson) for r in loaded)
        options[f"folder:{folder}"] = (
            f"{name}/ — {lessons} lesson{'s' if lessons != 1 else ''}, {_draft_count(loaded)} draft questions"
        )
    current = course_files.course()
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
        st.session_state[REVIEW] = (
            review_of_folder(Path(value), number) if kind == "folder" else review_of_quiz(value, number)
        )


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
