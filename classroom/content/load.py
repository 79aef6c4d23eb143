"""Load lessons and quizzes from YAML: validate each file, cross-check the links between them.

Returns what is valid together with every problem, so one broken file never
hides the good ones. An item with any problem (its own or a broken link) is
left out of the valid set; the problem says why.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import ValidationError

from classroom.content.messages import problems_from
from classroom.content.models import Lesson, Quiz
from classroom.content.problems import Problem
from classroom.content.yamlread import YamlDocument, parse_yaml, read_yaml
from classroom.limits import MAX_QUESTIONS_PER_FILE

DEFAULT_PATHS = ("lessons", "quizzes")


@dataclass
class Loaded:
    """One file's result: the model when valid, its YAML positions, and its problems."""

    path: str
    item: Lesson | Quiz | None
    doc: YamlDocument | None
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Course:
    """Every valid lesson (in course order) and quiz, plus all problems found."""

    lessons: dict[str, Lesson]
    quizzes: dict[str, Quiz]
    problems: tuple[Problem, ...]
    files: dict[str, str]  # item id -> file it came from

    def problems_in(self, path: str) -> list[Problem]:
        return [p for p in self.problems if p.path == path]


def model_for(path: Path, doc: YamlDocument | None) -> type[Lesson] | type[Quiz]:
    """A file is a quiz when it sits in a ``quizzes`` folder or has ``questions``."""
    if path.parent.name == "quizzes" or (doc and isinstance(doc.data, dict) and "questions" in doc.data):
        return Quiz
    return Lesson


def load_file(path: str | Path, shown_as: str | None = None, raw: bytes | None = None) -> Loaded:
    """Validate a single file on its own (no links to other files are checked)."""
    path = Path(path)
    name = shown_as or str(path)
    doc, problems = parse_yaml(raw, name) if raw is not None else read_yaml(path, name)
    if doc is None:
        return Loaded(name, None, None, problems)
    model = model_for(path, doc)
    crowded = _too_many_questions(name, doc)
    if crowded:  # before validation: checking thousands of questions would itself stall the server
        return Loaded(name, None, doc, crowded)
    if not isinstance(doc.data, dict):
        kind = "quiz" if model is Quiz else "lesson"
        return Loaded(name, None, doc, [Problem(name, 1, 1, f"a {kind} file must be 'field: value' lines")])
    try:
        item: Lesson | Quiz = model.model_validate(doc.data)
    except ValidationError as error:
        return Loaded(name, None, doc, problems_from(error, model, doc, name))
    problems = []
    if path.suffix in (".yaml", ".yml") and path.stem != item.id:
        problems.append(
            Problem(
                name,
                *doc.where(("id",)),
                f"the file name must match the id: rename the file to {item.id}.yaml or set id: {path.stem}",
            )
        )
    return Loaded(name, None if problems else item, doc, problems)


def _too_many_questions(name: str, doc: YamlDocument) -> list[Problem]:
    """A file with more questions than a quiz may have, reported at the first one over the limit."""
    questions = doc.data.get("questions") if isinstance(doc.data, dict) else None
    if not isinstance(questions, list) or len(questions) <= MAX_QUESTIONS_PER_FILE:
        return []
    message = (
        f"this file has {len(questions):,} questions; a quiz may have at most {MAX_QUESTIONS_PER_FILE}: "
        "split it into several quizzes"
    )
    return [Problem(name, *doc.where(("questions", MAX_QUESTIONS_PER_FILE)), message)]


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """YAML files under the given files or folders, in a stable order."""
    found: list[Path] = []
    for entry in map(Path, paths):
        if entry.is_dir():
            found.extend(Path(item.path) for item in yaml_files_in(str(entry)))
        else:
            found.append(entry)
    return found


def yaml_files_in(folder: str) -> list[os.DirEntry[str]]:
    """Every YAML file under ``folder`` (linked folders are not entered), sorted folder by folder.

    Walked with ``os.scandir``: its entries know whether they are files without a system call, and
    the app's course fingerprint (``Library.fingerprint``) walks the folders on every full page run.
    """
    found: list[os.DirEntry[str]] = []
    try:
        listing = os.scandir(folder)
    except OSError:  # no such folder (or not one): nothing in it
        return found
    with listing:
        for item in listing:
            try:
                if item.is_dir(follow_symlinks=False):
                    found.extend(yaml_files_in(item.path))
                elif os.path.splitext(item.name)[1] in (".yaml", ".yml") and item.is_file():
                    found.append(item)
            except OSError:  # removed since the listing: it is simply not there
                continue
    return sorted(found, key=lambda item: item.path.split(os.sep))  # the order sorted() gives Path objects


def load_course(paths: Iterable[str | Path] = DEFAULT_PATHS) -> Course:
    """Load every file, then check ids across files and the links from quizzes to lessons."""
    return assemble([load_file(path) for path in find_files(paths)])


@dataclass(frozen=True)
class Checked:
    """``check PATH...``: the files asked about, the lessons read only to check links, and the result."""

    asked: list[Path]
    context: list[Path]
    course: Course  # its problems are those of the asked files only


def course_lessons(file: Path) -> Path | None:
    """The ``lessons`` folder of the course a file sits in (beside its ``quizzes`` folder, or beside it)."""
    for folder in (file.resolve().parent.parent, file.resolve().parent):
        if (folder / "lessons").is_dir():
            return folder / "lessons"
    return None


def check_paths(paths: Iterable[str | Path]) -> Checked:
    """Check files and folders; a single file's links are checked against its own course's lessons.

    ``check quizzes/one.yaml`` must not report every lesson it names as missing: the lessons of
    the course folder the file sits in are read too, and only the asked files' problems reported.
    """
    asked = find_files(paths)
    seen = {path.resolve() for path in asked}
    context: list[Path] = []
    for folder in dict.fromkeys(filter(None, (course_lessons(p) for p in map(Path, paths) if p.is_file()))):
        for lesson in find_files([folder]):
            if lesson.resolve() not in seen:
                seen.add(lesson.resolve())
                context.append(lesson)
    course = assemble([load_file(path) for path in [*asked, *context]])
    names = {str(path) for path in asked}
    kept = tuple(problem for problem in course.problems if problem.path in names)
    return Checked(asked, context, replace(course, problems=kept))


def assemble(loaded: list[Loaded]) -> Course:
    """Build the course from files loaded one by one (so a caller can cache each file)."""
    problems = [problem for result in loaded for problem in result.problems]
    lessons: dict[str, tuple[Lesson, Loaded]] = {}
    quizzes: dict[str, tuple[Quiz, Loaded]] = {}
    for result in loaded:
        if result.item is None:
            continue
        item = result.item
        taken = lessons.get(item.id) if isinstance(item, Lesson) else quizzes.get(item.id)
        if taken is not None:
            problems.append(_at(result, ("id",), f"id '{item.id}' is already used by {taken[1].path}"))
        elif isinstance(item, Lesson):
            lessons[item.id] = (item, result)
        else:
            quizzes[item.id] = (item, result)
    broken: set[str] = set()
    for quiz, result in quizzes.values():
        link_problems = _quiz_links(quiz, result, {k: v[0] for k, v in lessons.items()})
        if link_problems:
            broken.add(quiz.id)
            problems.extend(link_problems)
    ordered = sorted(lessons.values(), key=lambda pair: (pair[0].order, pair[0].id))
    place = {lesson.id: index for index, (lesson, _) in enumerate(ordered)}
    kept = [quiz for qid, (quiz, _) in quizzes.items() if qid not in broken]
    return Course(
        lessons={lesson.id: lesson for lesson, _ in ordered},
        quizzes={quiz.id: quiz for quiz in sorted(kept, key=lambda quiz: course_place(quiz, place))},
        problems=tuple(sorted(problems)),
        files={
            **{lesson.id: result.path for lesson, result in lessons.values()},
            **{quiz.id: result.path for quiz, result in quizzes.values()},
        },
    )


def course_place(quiz: Quiz, place: dict[str, int]) -> tuple[int, int, str]:
    """Where a quiz stands in the course: after the last lesson it covers; a quiz over more lessons
    (the final) after a one-lesson quiz at the same place; quizzes linked to no lesson at the end."""
    covered = [place[lesson_id] for lesson_id in quiz.lessons if lesson_id in place]
    return (max(covered) if covered else len(place), len(covered), quiz.id)


def _at(result: Loaded, loc: tuple, message: str) -> Problem:
    assert result.doc is not None
    return Problem(result.path, *result.doc.where(loc), message)


def _quiz_links(quiz: Quiz, result: Loaded, lessons: dict[str, Lesson]) -> list[Problem]:
    problems = []
    for index, lesson_id in enumerate(quiz.lessons):
        if lesson_id not in lessons:
            problems.append(
                _at(result, ("lessons", index), f"no lesson with id '{lesson_id}'{_suggest(lesson_id, lessons)}")
            )
    for index, question in enumerate(quiz.questions):
        if question.source is None:
            continue
        lesson_id, _, passage_id = question.source.partition("#")
        where = ("questions", index, "source")
        lesson = lessons.get(lesson_id)
        if lesson is None:
            problems.append(
                _at(result, where, f"source '{question.source}': no lesson '{lesson_id}'{_suggest(lesson_id, lessons)}")
            )
        elif lesson.passage(passage_id) is None:
            ids = ", ".join(p.id for p in lesson.passages)
            problems.append(
                _at(
                    result,
                    where,
                    f"source '{question.source}': lesson '{lesson_id}' has no passage '{passage_id}' (it has {ids})",
                )
            )
    return problems


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""
