"""Reviewing drafts: what is reviewed, each edit checked by the models, and saving the result to the course.

A review holds units: a drafted lesson with its draft quiz (saved together), or
a quiz of the course that still has draft questions. Drafts come from an
article imported in the teacher's room, from a folder the importer wrote under
``drafts/``, or from the course itself. The teacher's room draws this model;
everything here is plain data and functions, tested without a screen.

Saving turns accepted questions ``ready``, drops rejected ones, keeps the rest
``draft`` (students never see those); both files are checked on their own, as a
pair, and against the rest of the course before anything is written, and are
then written by the ``Library`` (backup, atomic rename).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from classroom.content.library import Library, Written
from classroom.content.messages import FormErrors, form_errors
from classroom.content.models import QUESTION_KINDS, Lesson, Passage, Question, Quiz
from classroom.content.problems import Problem
from classroom.ingest.course import DraftCourse
from classroom.ingest.extract_dates import find_dates
from classroom.ingest.split import sentences
from classroom.ingest.verify import ImportReport
from classroom.ingest.write import quiz_yaml
from classroom.kinds import kind_of

KEEP, ACCEPT, REJECT = "Keep as draft", "Accept", "Reject"
DECISIONS = (KEEP, ACCEPT, REJECT)
SCHEMA_LINE = re.compile(r"\A# yaml-language-server: \$schema=\S*?/(lesson|quiz)\.schema\.json\n")
IMPORTED_FROM = re.compile(r"^# (?:Draft questions imported|Imported) from (.+?) by `python -m classroom ingest`", re.M)
QUESTION = TypeAdapter(Question)

Span = tuple[int, int]


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

    def targets(self) -> list[str]:
        """The files a save writes, relative to the content folder."""
        return [f for f in (self.lesson_file, self.quiz_file if self.quiz else None) if f]


@dataclass
class Review:
    number: int
    title: str
    origin: str
    units: list[Unit]
    removed: tuple[str, ...] = ()  # page furniture the importer left out
    problems: list[Problem] = field(default_factory=list)  # draft files that could not be read
    report: ImportReport | None = None  # what the import kept and dropped (an article imported here)

    def lessons(self) -> dict[str, Lesson]:
        return {u.lesson.id: u.lesson for u in self.units if u.lesson is not None}


def review_of_course(course: DraftCourse, number: int) -> Review:
    """An article just drafted: each lesson with its draft quiz."""
    units = [
        Unit(f"lesson:{d.lesson.id}", d.lesson, d.lesson_yaml, d.quiz, d.quiz_file, course.source_name)
        for d in course.lessons
    ]
    return Review(
        number, course.title, f"Drafted from {course.source_name}", units, course.removed, report=course.report
    )


def course_schema(text: str) -> str:
    """A draft file's text with its schema line pointing where lessons/ and quizzes/ find the schemas."""
    return SCHEMA_LINE.sub(lambda m: f"# yaml-language-server: $schema=../schema/{m[1]}.schema.json\n", text, count=1)


def review_of_folder(library: Library, folder: Path, number: int) -> Review:
    """The importer's output in ``drafts/...``: each quiz paired with the first lesson it draws on."""
    loaded = library.load_folder(folder)
    lessons: dict[str, tuple[Lesson, str]] = {}
    quizzes: list[Quiz] = []
    source_name: str | None = None
    for result in loaded:
        if isinstance(result.item, Lesson):
            lesson_text = course_schema((library.root / result.path).read_text(encoding="utf-8"))
            lessons[result.item.id] = (result.item, lesson_text)
            found = IMPORTED_FROM.search(lesson_text)
            source_name = source_name or (found[1] if found else None)
        elif isinstance(result.item, Quiz):
            quizzes.append(result.item)
    units: list[Unit] = []
    paired: set[str] = set()
    for quiz in quizzes:
        lesson_id = next((i for i in quiz.lessons if i in lessons and i not in paired), None)
        lesson: Lesson | None = None
        text: str | None = None
        if lesson_id:
            lesson, text = lessons[lesson_id]
            paired.add(lesson_id)
        units.append(Unit(f"quiz:{quiz.id}", lesson, text, quiz, f"quizzes/{quiz.id}.yaml", source_name))
    units += [
        Unit(f"lesson:{i}", les, text, None, None, source_name) for i, (les, text) in lessons.items() if i not in paired
    ]
    units.sort(key=lambda u: (u.lesson.order if u.lesson else 10**6, u.key))
    name = library.relative(folder)
    problems = [p for result in loaded for p in result.problems]
    return Review(number, name, f"Drafts in {name}/", units, problems=problems)


def review_of_quiz(quiz: Quiz, path: str, number: int) -> Review:
    """A quiz of the course that still has draft questions (``path``: its file, relative to the content)."""
    return Review(number, quiz.title, f"Draft questions in {path}", [Unit(f"quiz:{quiz.id}", None, None, quiz, path)])


def draft_count(quizzes: list[Quiz]) -> int:
    return sum(q.status == "draft" for quiz in quizzes for q in quiz.questions)


# ---------------------------------------------------------------- checking edits through the models


def check_question(data: dict[str, Any]) -> tuple[Question | None, FormErrors]:
    try:
        return QUESTION.validate_python(data), {}
    except ValidationError as error:
        return None, form_errors(error, tagged=data.get("kind") in QUESTION_KINDS)


def question_data(question: Question) -> dict[str, Any]:
    return question.model_dump(by_alias=True, exclude_defaults=True) | {
        "kind": question.kind,
        "status": question.status,
    }


def edited_question(question: Question, decision: str, ask: str, data: Mapping[str, Any]) -> Outcome:
    """One question as the teacher decided and edited it, checked by the models."""
    if decision == REJECT:
        return Outcome(question, decision, None, {})
    status = "ready" if decision == ACCEPT else "draft"
    edited, errors = check_question(question_data(question) | dict(data) | {"ask": ask.strip(), "status": status})
    return Outcome(question, decision, edited, errors)


def check_quiz(quiz: Quiz, title: str, questions: list[Question]) -> tuple[Quiz | None, FormErrors]:
    data = quiz.model_dump(by_alias=True, exclude_defaults=True)
    data["title"] = title.strip()
    data["questions"] = [question_data(q) for q in questions]
    try:
        return Quiz.model_validate(data), {}
    except ValidationError as error:
        return None, form_errors(error, tagged=False)


@dataclass
class Outcome:
    question: Question  # as drafted
    decision: str
    edited: Question | None  # the edited question, when it is valid (None when rejected or invalid)
    errors: FormErrors


def kept_questions(unit: Unit, outcomes: list[Outcome]) -> list[Question]:
    """The quiz's questions after the review: ready ones as they were, drafts as edited, rejected ones gone."""
    if unit.quiz is None:
        return []
    by_id = {o.question.id: o for o in outcomes}
    kept: list[Question] = []
    for question in unit.quiz.questions:
        outcome = by_id.get(question.id)
        if outcome is None:
            kept.append(question)  # a ready question: kept as it is
        elif outcome.decision != REJECT:
            kept.append(outcome.edited or question)
    return kept


def counts(outcomes: list[Outcome]) -> dict[str, int]:
    return {
        "accepted": sum(o.decision == ACCEPT for o in outcomes),
        "rejected": sum(o.decision == REJECT for o in outcomes),
        "drafts": sum(o.decision == KEEP for o in outcomes),
    }


# ---------------------------------------------------------------- the passage, with the answer in bold


def phrase_spans(text: str, phrases: tuple[str, ...]) -> list[Span]:
    """Where each phrase is written (any case; a line break counts as a space), as whole words."""
    spans = []
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
        spans += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    return spans


def date_spans(text: str, answer: str | None) -> list[Span]:
    """Dates written in the passage: the answer's (or, without an answer, every date)."""
    mentions = find_dates(text.replace("\n", " "))  # same length: the offsets hold for ``text``
    if answer is None:
        return [(m.start, m.end) for m in mentions]
    exact = [(m.start, m.end) for m in mentions if answer in (m.date, m.until)]
    return exact or [(m.start, m.end) for m in mentions if m.date.startswith(answer + "-")]


def answer_spans(question: Question, text: str) -> list[Span]:
    """Where the passage writes the question's answer (what its kind seeks), merged and in order."""
    sought = kind_of(question).sought(question)
    spans = phrase_spans(text, sought.phrases)
    if sought.date is not None:
        spans += date_spans(text, sought.date)
    if sought.any_date:
        spans += date_spans(text, None)
    merged: list[Span] = []
    for start, end in sorted(spans):
        if "\n\n" in text[start:end]:
            continue  # never across paragraphs: the bold would not hold
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@dataclass(frozen=True)
class Evidence:
    """The sentence a question was drafted from, and where in it the facts the question rests on are written."""

    sentence: str
    spans: tuple[Span, ...]  # offsets in ``sentence``: the answer, and the person a role question names


_ASKED_PERSON = re.compile(r"^(?:Which office did|Name one office that) (?P<name>.+?) (?:hold|held|take up)\b")


_QUOTED = re.compile(r"“([^”]+)”")


def _written_date_spans(sentence: str, answer: str) -> list[Span]:
    """Where a sentence writes an answer's month and day without its year ("September 9" for 1956-09-09)."""
    parts = answer.split("-")
    if len(parts) < 2 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return []
    month = calendar.month_name[int(parts[1])]
    if len(parts) == 3 and parts[2].isdigit():
        day = str(int(parts[2]))
        pattern = rf"\b{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month}\b|\b{month}\s+{day}(?:st|nd|rd|th)?\b"
    else:
        pattern = rf"\b{month}\b"
    return [m.span() for m in re.finditer(pattern, sentence)]


def evidence(question: Question, text: str) -> Evidence | None:
    """The passage's sentence that writes the answer, with the evidence marked; None when no sentence does.

    The sentence is the one holding the answer; for a date whose year the text
    gives in an earlier sentence ("On September 9, ..."), the sentence the
    question quotes in its explanation, with the month and day marked.
    """
    parts = sentences(text)  # a line ends a sentence, as it does where the draft was made
    spans = answer_spans(question, text)
    holder = next((s for s in parts if spans and s.start <= spans[0][0] < s.end), None)
    answer_date = kind_of(question).sought(question).date
    if holder is None and answer_date is not None and question.explain:
        quoted = [q for q in _QUOTED.findall(question.explain) if q in text]
        holder = next((s for s in parts if quoted and s.text == quoted[0]), None)
        if holder is not None:
            found = _written_date_spans(holder.text, answer_date)
            spans = [(a + holder.start, b + holder.start) for a, b in found]
    if holder is None or not spans:
        return None
    local = [(a - holder.start, b - holder.start) for a, b in spans if holder.start <= a and b <= holder.end]
    person = _ASKED_PERSON.match(question.ask)  # "Which office did X hold …?": mark X too
    if person:
        local += phrase_spans(holder.text, (person["name"],))
    merged: list[Span] = []
    for start, end in sorted(local):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return Evidence(holder.text, tuple(merged))


def answer_expected(question: Question) -> bool:
    """Whether the cited passage should write this question's answer (say so when it does not)."""
    return kind_of(question).sought(question).expected


def bolded(text: str, spans: list[Span]) -> str:
    """The passage's Markdown with ``**`` around each span."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "**", text[start:end], "**"]
        last = end
    return "".join([*out, text[last:]])


def find_passage(review: Review, course_lessons: Mapping[str, Lesson], source: str) -> Passage | None:
    """The passage a question cites: in the review's own lessons first, then in the course's."""
    lesson_id, _, passage_id = source.partition("#")
    lesson = review.lessons().get(lesson_id) or course_lessons.get(lesson_id)
    return lesson.passage(passage_id) if lesson else None


# ---------------------------------------------------------------- saving


@dataclass(frozen=True)
class Saved:
    """What a save did. ``lines`` are plain sentences (file names in backticks) for the teacher."""

    ok: bool
    lines: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    error: str | None = None  # why writing stopped part-way (an OSError's text), to show as written


def unit_files(unit: Unit, quiz: Quiz | None) -> dict[str, str]:
    """The files a save writes, relative path -> text: the lesson first, so the quiz never cites a missing lesson."""
    files: dict[str, str] = {}
    if unit.lesson_file and unit.lesson_text is not None:
        files[unit.lesson_file] = unit.lesson_text
    if quiz is not None and unit.quiz_file:
        files[unit.quiz_file] = quiz_yaml(quiz, unit.source_name)
    return files


def pair_problems(unit: Unit, quiz: Quiz | None) -> list[Problem]:
    """A drafted lesson and its quiz belong together: the quiz lists the lesson and cites its passages."""
    if unit.lesson is None or unit.lesson_text is None or quiz is None:
        return []
    where = unit.quiz_file or ""
    problems = []
    if unit.lesson.id not in quiz.lessons:
        problems.append(Problem(where, 1, 1, f"the quiz does not list the lesson '{unit.lesson.id}'"))
    for question in quiz.questions:
        lesson_id, _, passage_id = (question.source or "").partition("#")
        if question.source and (lesson_id != unit.lesson.id or unit.lesson.passage(passage_id) is None):
            problems.append(
                Problem(where, 1, 1, f"question {question.id} cites {question.source}, not a passage of this lesson")
            )
    return problems


def check_files(library: Library, unit: Unit, files: Mapping[str, str], quiz: Quiz | None) -> list[Problem]:
    """Each file on its own (the loader, on the text to be written), then as a pair, then with the course."""
    loaded, problems = library.check({relative: text.encode("utf-8") for relative, text in files.items()})
    own = [p for result in loaded for p in result.problems]
    if own:
        return own
    return pair_problems(unit, quiz) or problems


def _saved_words(library: Library, written: Written) -> str:
    if not written.written:
        return f"`{written.relative}` was already up to date."
    if written.backup is None:
        return f"Wrote `{written.relative}`."
    return f"Wrote `{written.relative}`; the previous version is kept as `{library.relative(written.backup)}`."


def save_unit(library: Library, unit: Unit, quiz: Quiz | None, tally: Mapping[str, int]) -> Saved:
    """Check and write the unit's files (nothing is written when any file would have a problem)."""
    files = unit_files(unit, quiz)
    if not files:
        return Saved(False, ("Nothing was saved: a quiz needs at least one question. Keep one, or delete the file.",))
    problems = check_files(library, unit, files, quiz)
    if problems:
        count = len(problems)
        return Saved(
            False,
            (f"Nothing was saved: the files would have {count} problem{'s' if count != 1 else ''}.",),
            tuple(problems),
        )
    done = []
    try:
        for relative, text in files.items():
            done.append(_saved_words(library, library.write(relative, text.encode("utf-8"))))
    except (OSError, ValueError) as error:
        return Saved(False, (*done, "Saving stopped:"), error=str(error))
    summary = (
        f"{tally['accepted']} accepted (students see them now), {tally['rejected']} rejected (removed), "
        f"{tally['drafts']} still draft (hidden from students)."
    )
    if quiz is None and unit.quiz is not None:
        summary = "Every question was rejected, so no quiz was written."
    unit.quiz = quiz
    unit.saves += 1
    return Saved(True, (*done, summary))
