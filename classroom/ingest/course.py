"""Article in, draft course out: the importer's pipeline and the objects a review screen works with.

The pipeline is clean -> split -> extract -> draft -> write, each stage a plain
function of the one before, so a screen can show any stage's result. Lessons
and quizzes come back both as validated models and as YAML text, so a screen
can show, edit and save them without knowing how they were made.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from classroom.content.library import write_new_files
from classroom.content.models import Lesson, Passage, Question, Quiz
from classroom.content.schema import SCHEMA_DIR
from classroom.errors import UserError
from classroom.ingest.clean import Article, read_article
from classroom.ingest.draft import (
    DraftEvent,
    PassageFindings,
    StatementIndex,
    date_question,
    events_of,
    order_question,
    outcome_questions,
    role_question,
    statements_of,
)
from classroom.ingest.extract_dates import DateMention, find_dates
from classroom.ingest.extract_people import (
    NameBook,
    RoleMention,
    find_roles,
    fold,
    names_an_office,
    names_in,
    only_person_named,
)
from classroom.ingest.nlp import LANGUAGE_CONFIDENCE, article_language, language_name, parse_all
from classroom.ingest.split import LessonPlan, Sentence, plan_lessons, sentences
from classroom.ingest.verify import Dropped, ImportReport, question_problem, verify_findings, without_bare_titles
from classroom.ingest.write import SCHEMA_BASE, lesson_yaml, quiz_yaml
from classroom.text import slug, valid_id

FORMATS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt"}
MAX_ARTICLE_BYTES = 5_000_000
PROGRESS_CHARS = 50_000  # about 8,000 words: below this the whole import takes well under a second
SUMMARY_WORDS = 40

Progress = Callable[[str], None]


class ArticleError(UserError):
    """The article cannot be imported; the message says why and what to do, in a teacher's words."""


@dataclass(frozen=True)
class DraftLesson:
    """One imported lesson, its draft quiz (None when nothing could be asked), and what was found in it."""

    lesson: Lesson
    quiz: Quiz | None
    lesson_yaml: str
    quiz_yaml: str | None
    findings: tuple[PassageFindings, ...]

    @property
    def lesson_file(self) -> str:
        return f"lessons/{self.lesson.id}.yaml"

    @property
    def quiz_file(self) -> str | None:
        return f"quizzes/{self.quiz.id}.yaml" if self.quiz else None


@dataclass(frozen=True)
class DraftCourse:
    """Everything drafted from one article."""

    id: str
    title: str
    source_name: str
    lessons: tuple[DraftLesson, ...]
    removed: tuple[str, ...] = field(default=())  # page furniture stripped from the article
    report: ImportReport = field(default_factory=lambda: ImportReport("en"))  # kept, dropped and why

    def files(self, schema_base: str = SCHEMA_BASE) -> dict[str, str]:
        """Relative path -> YAML text, for every lesson and quiz (``schema_base``: where the schemas are)."""
        out: dict[str, str] = {}
        for draft in self.lessons:
            out[draft.lesson_file] = _with_schema(draft.lesson_yaml, schema_base)
            if draft.quiz_yaml is not None and draft.quiz_file is not None:
                out[draft.quiz_file] = _with_schema(draft.quiz_yaml, schema_base)
        return out

    def passage(self, source: str) -> Passage | None:
        """The passage a question cites ("lesson-id#p2"), to show beside it."""
        lesson_id, _, passage_id = source.partition("#")
        lesson = next((d.lesson for d in self.lessons if d.lesson.id == lesson_id), None)
        return lesson.passage(passage_id) if lesson else None

    def questions(self) -> list[tuple[DraftLesson, Question]]:
        return [(d, q) for d in self.lessons if d.quiz for q in d.quiz.questions]

    def dates(self) -> list[tuple[str, DateMention]]:
        """Every date found, with the source ("lesson-id#p1") of its passage."""
        return [(f"{d.lesson.id}#{f.passage_id}", m) for d in self.lessons for f in d.findings for m in f.dates]

    def roles(self) -> list[tuple[str, RoleMention]]:
        """Every person-office mention found, with its source."""
        return [(f"{d.lesson.id}#{f.passage_id}", r) for d in self.lessons for f in d.findings for r in f.roles]


def _with_schema(text: str, schema_base: str) -> str:
    """The same file text with its first line pointing at schemas in ``schema_base``."""
    first, _, rest = text.partition("\n")
    return first.replace(f"$schema={SCHEMA_BASE}/", f"$schema={schema_base}/", 1) + "\n" + rest


def read_article_file(path: str | Path) -> tuple[str, str]:
    """The text of a .txt, .md or .html file and its format; ArticleError when it cannot be read."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise ArticleError(f"{path.name}: cannot import this kind of file; save the article as one of {known}")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{path}: cannot read the file: {error.strerror or error}") from error
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path.name} is {len(raw):,} bytes; the limit is {MAX_ARTICLE_BYTES:,}: split the article")
    if raw.lstrip()[:5] == b"%PDF-":
        raise ArticleError(
            f"{path.name} is a PDF file, not {fmt} text: open it, copy the article's text into a .txt file"
            " (or save the web page as .html), and import that"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(f"{path.name} is not UTF-8 text; save it again with UTF-8 encoding") from error
    controls = sum(1 for ch in text if _CONTROL.match(ch))
    if controls > max(8, len(text) // 100):
        raise ArticleError(f"{path.name} looks like a binary file ({controls:,} control characters), not text")
    return text, fmt


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _format_of(text: str, source_name: str) -> str:
    fmt = FORMATS.get(Path(source_name).suffix.lower())
    if fmt:
        return fmt
    return "html" if re.match(r"\s*<(?:!doctype|html|head|body|article)", text, re.I) else "txt"


def _find(
    plan: LessonPlan, split: list[list[Sentence]], book: NameBook, known: set[str]
) -> tuple[PassageFindings, ...]:
    """Dates and people of each passage of one lesson, given each passage's sentences (``split``)."""
    found = []
    earlier: list[int] = []  # years of the dates with a month so far in this section
    for number, (passage, parts) in enumerate(zip(plan.passages, split, strict=True), start=1):
        text = passage.text
        dates = find_dates(text, earlier)
        earlier.extend(int(m.date[:4]) for m in dates if not m.vague and "-" in m.date)
        roles: list[RoleMention] = []
        recent: list[str] = []
        for sentence in parts:
            in_sentence = find_roles(sentence.text, sentence.start, dates, book, recent, known)
            roles.extend(in_sentence)
            known.update(r.name for r in in_sentence)
            recent.extend(names_in(sentence.text, book, known))
            recent.extend(r.name for r in in_sentence if r.written_name.lower() not in ("he", "she"))
            if (only := only_person_named(sentence.text, book, known)) is not None:
                recent.append(only)  # "Ada Lind was born in 1901. She became …": she is Ada Lind
        found.append(PassageFindings(f"p{number}", text, tuple(parts), tuple(dates), tuple(roles)))
    return tuple(found)


def _summary(findings: tuple[PassageFindings, ...]) -> str:
    first = findings[0].sentences[0].text if findings[0].sentences else findings[0].text
    words = first.split()
    return first if len(words) <= SUMMARY_WORDS else " ".join(words[:SUMMARY_WORDS]) + "…"


def _people(findings: tuple[PassageFindings, ...]) -> list[dict]:
    people: dict[tuple[str, str], dict] = {}
    for passage in findings:
        for role in passage.roles:
            entry = people.setdefault(role.key, {"name": role.name, "role": role.office[:1].upper() + role.office[1:]})
            if role.start_date and "from" not in entry:
                entry["from"] = role.start_date
            if role.end_date and "to" not in entry:
                entry["to"] = role.end_date
    return [p for p in people.values() if not ("from" in p and "to" in p and p["to"] < p["from"])]


def _best_roles(findings: tuple[PassageFindings, ...], asked: set[tuple[str, str]]) -> list[tuple[RoleMention, str]]:
    """One mention per person-office pair not asked in an earlier lesson: the first that says when."""
    chosen: dict[tuple[str, str], tuple[RoleMention, str]] = {}
    for passage in findings:
        for role in passage.roles:
            if role.key in asked:
                continue
            current = chosen.get(role.key)
            if current is None or (current[0].when is None and role.when is not None):
                chosen[role.key] = (role, passage.passage_id)
    return list(chosen.values())


def _offices(
    all_findings: list[tuple[PassageFindings, ...]], course_id: str
) -> dict[str, list[tuple[RoleMention, str]]]:
    """Person -> every office mention of the article, with its source: a role question must know them all."""
    offices: dict[str, list[tuple[RoleMention, str]]] = {}
    for number, found in enumerate(all_findings, start=1):
        for passage in found:
            for role in passage.roles:
                offices.setdefault(role.name, []).append((role, f"{course_id}-{number}#{passage.passage_id}"))
    return offices


def _lesson(
    lesson_id: str, number: int, plan: LessonPlan, found: tuple[PassageFindings, ...], events: list[DraftEvent]
) -> Lesson:
    return Lesson.model_validate(
        {
            "id": lesson_id,
            "title": plan.title,
            "order": number,
            "summary": _summary(found),
            "passages": [
                {"id": f.passage_id, "text": f.text} | ({"heading": p.heading} if p.heading else {})
                for f, p in zip(found, plan.passages, strict=True)
            ],
            "events": [
                {"date": e.mention.date, "label": e.label, "passage": e.passage_id}
                | ({"end": e.mention.until} if e.mention.until else {})
                for e in events
            ],
            "people": _people(found),
        }
    )


def _questions(
    lesson_id: str,
    findings: tuple[PassageFindings, ...],
    events: list[DraftEvent],
    statements: StatementIndex,
    asked: set[tuple[str, str]],
    offices: dict[str, list[tuple[RoleMention, str]]],
) -> list[dict]:
    questions: list[dict] = []
    for event in events:
        drafted = date_question(event, lesson_id, len(questions) + 1)
        if drafted:
            questions.append(drafted)
    number = 0
    for role, passage_id in _best_roles(findings, asked):
        if role.key in asked:  # merged into an earlier question of this lesson
            continue
        ref = f"{lesson_id}#{passage_id}"
        other = [(r, where) for r, where in offices.get(role.name, []) if fold(r.core) != fold(role.core)]
        here = [r for r, where in other if where == ref]
        elsewhere = [r.core for r, where in other if where != ref]
        if role.when is None and elsewhere:
            continue  # "which office did X hold?" would have two right answers in two places
        asked.add(role.key)
        if role.when is None:
            asked.update(r.key for r in here)
        number += 1
        questions.append(role_question(role, passage_id, lesson_id, number, here, elsewhere))
    order = order_question(events, lesson_id)
    if order:
        questions.append(order)
    questions.extend(outcome_questions(list(findings), lesson_id, statements))
    return questions


def _valid_quiz(lesson_id: str, title: str, questions: list[dict], dropped: list[Dropped]) -> Quiz | None:
    """The lesson's draft quiz; a question the content model refuses is dropped and reported, never raised."""

    def quiz(chosen: list[dict]) -> Quiz:
        fields = {"id": f"{lesson_id}-draft", "title": f"Draft questions: {title}", "lessons": [lesson_id]}
        return Quiz.model_validate(fields | {"questions": chosen})

    if not questions:
        return None
    try:
        return quiz(questions)
    except ValidationError:
        good = []
        for question in questions:
            try:
                quiz([question])
                good.append(question)
            except ValidationError as error:
                reason = f"not a valid question: {error.errors()[0]['msg']}"
                dropped.append(Dropped("question", str(question.get("ask", "")), question["source"], "", reason))
        return quiz(good) if good else None


def draft_course(
    text: str,
    source_name: str,
    course_id: str | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
) -> DraftCourse:
    """Draft lessons and quizzes from an article's text.

    ``source_name`` is the file name (it picks the format when ``fmt`` is not
    given and names the source in the files). ``course_id`` prefixes every
    lesson id (default: from the file name). ``progress`` receives one line per
    stage. Raises ArticleError when no article text is found.
    """
    say = progress or (lambda message: None)
    fmt = fmt or _format_of(text, source_name)
    course_id = course_id or slug(Path(source_name).stem)
    if not valid_id(course_id):
        raise ArticleError(f"'{course_id}' is not a valid id: use lowercase letters, digits and dashes")
    say(f"reading {len(text):,} characters as {fmt}")
    text = _CONTROL.sub(" ", text)  # a NUL or another control character would end up in the YAML files
    article: Article = read_article(text, fmt)
    say(f"kept {len(article.blocks)} headings and paragraphs; removed {len(article.removed)} pieces of page furniture")
    language, confidence = article_language(b.text for b in article.blocks)
    if language != "en" and confidence >= LANGUAGE_CONFIDENCE:
        raise ArticleError(
            f"{source_name}: this article is written in {language_name(language)}, not English. The importer"
            " reads English only (its date forms, office patterns and question templates are English), so it"
            " drafts nothing rather than wrong questions. Import an English version of the article, or write"
            " the lessons by hand."
        )
    fallback = Path(source_name).stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Imported article"
    plans = plan_lessons(article, fallback)
    if not plans:
        raise ArticleError(f"{source_name}: no article text found (only page furniture, or an empty file)")
    say(f"planned {len(plans)} lesson(s)")
    book = NameBook(p for plan in plans for passage in plan.passages for p in passage.paragraphs)
    known: set[str] = set()
    all_findings: list[tuple[PassageFindings, ...]] = []
    # spaCy parses a batch for about half the cost per sentence of one call each, so the sentences the
    # stages below will parse go through it together: those naming an office (for the extractor and the
    # check), then, once the dates are found, the dated ones (for the events' labels).
    split = [[sentences(passage.text) for passage in plan.passages] for plan in plans]
    parse_all(s.text for lesson in split for parts in lesson for s in parts if names_an_office(s.text))
    for number, (plan, lesson_split) in enumerate(zip(plans, split, strict=True), start=1):
        found = _find(plan, lesson_split, book, known)
        all_findings.append(found)
        if number == len(plans) or number % max(1, len(plans) // 10) == 0:  # about ten lines, however long
            dates = sum(len(f.dates) for f in found)
            people = sum(len(f.roles) for f in found)
            say(f"lesson {number}/{len(plans)}: {dates} date(s), {people} person-office mention(s)")
    parse_all(p.sentence_of(m.start).text for found in all_findings for p in found for m in p.dates)
    full_names = sorted({name for names in book.full.values() for name in names})
    dropped: list[Dropped] = []
    for index, found in enumerate(all_findings):
        all_findings[index], refused = verify_findings(found, f"{course_id}-{index + 1}", full_names)
        dropped.extend(refused)
    all_findings, bare = without_bare_titles(all_findings, course_id)
    dropped.extend(bare)
    say(f"checked every date and person-office pair against its sentence: dropped {len(dropped)}")
    statements = StatementIndex(
        s for n, found in enumerate(all_findings, start=1) for s in statements_of(f"{course_id}-{n}", found)
    )
    article_text = " ".join(f.text for found in all_findings for f in found)
    held: dict[str, set[str]] = {}
    for found in all_findings:
        for passage in found:
            for role in passage.roles:
                held.setdefault(fold(role.name), set()).update(fold(a) for a in (role.core, role.office, *role.accept))
    offices = _offices(all_findings, course_id)
    asked: set[tuple[str, str]] = set()  # person-office pairs already asked: one question per pair per course
    drafts = []
    for number, (plan, found) in enumerate(zip(plans, all_findings, strict=True), start=1):
        lesson_id = f"{course_id}-{number}"
        events = events_of(found)
        try:
            lesson = _lesson(lesson_id, number, plan, found, events)
        except ValidationError as error:  # a safety net: the stages above should never let this happen
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise ArticleError(
                f"{source_name}: lesson {number} could not be drafted ({where}: {first['msg']});"
                " the article's text there may be only symbols or markup"
            ) from error
        questions = []
        for question in _questions(lesson_id, found, events, statements, asked, offices):
            cited = next((f.text for f in found if f"{lesson_id}#{f.passage_id}" == question["source"]), "")
            if problem := question_problem(question, cited, article_text, held):
                dropped.append(Dropped("question", question["ask"], question["source"], cited, problem))
            else:
                questions.append(question)
        quiz = _valid_quiz(lesson_id, plan.title, questions, dropped)
        drafts.append(
            DraftLesson(
                lesson,
                quiz,
                lesson_yaml(lesson, source_name),
                quiz_yaml(quiz, source_name) if quiz else None,
                found,
            )
        )
    total = sum(len(d.quiz.questions) for d in drafts if d.quiz)
    say(f"drafted {total} question(s) in {len(drafts)} lesson(s)")
    title = article.title or fallback
    report = ImportReport(
        language=language,
        kept_dates=sum(len(f.dates) for found in all_findings for f in found),
        kept_roles=sum(len(f.roles) for found in all_findings for f in found),
        kept_questions=total,
        removed_furniture=len(article.removed),
        dropped=tuple(dropped),
    )
    say(report.summary())
    return DraftCourse(course_id, title, source_name, tuple(drafts), article.removed, report)


def write_course(
    course: DraftCourse, out_dir: str | Path, overwrite: bool = False, schema_base: str | None = None
) -> list[Path]:
    """Write DIR/lessons/*.yaml and DIR/quizzes/*.yaml; refuses to replace files unless ``overwrite``.

    ``schema_base`` defaults to the path from DIR/lessons to the project's
    schema folder, so editors find the schema wherever DIR is.
    """
    out = Path(out_dir)
    if schema_base is None:
        try:
            schema_base = Path(os.path.relpath(SCHEMA_DIR, (out / "lessons").resolve())).as_posix()
        except ValueError:  # another drive on Windows: no relative path exists
            schema_base = SCHEMA_BASE
    files = course.files(schema_base)
    existing = [out / name for name in files if (out / name).exists()]
    if existing and not overwrite:
        names = ", ".join(str(p) for p in existing[:3]) + (" …" if len(existing) > 3 else "")
        raise ArticleError(f"these files already exist: {names}; choose another --out folder or --id, or use --force")
    return write_new_files(out, files)
