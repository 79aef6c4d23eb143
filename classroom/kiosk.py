"""The kiosk: a server mode, its configuration file, and what a kiosk offers from the course.

A kiosk is chosen when the server starts, never by a URL (``classroom.settings.server_mode``:
``CLASSROOM_MODE=kiosk``, or ``CLASSROOM_KIOSK=path`` as ``python -m server --kiosk`` sets it).
``kiosk.yaml`` is read with the same YAML reader and the same message translation as lessons
and quizzes, so every mistake comes back as ``path:line:column: message``.

``python -m classroom.kiosk [kiosk.yaml]`` checks a file (and the course it points
into) and exits 1 when there are problems: ``make kiosk`` runs it before serving.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from classroom import settings
from classroom.content.load import Course
from classroom.content.messages import problems_from
from classroom.content.models import Id, Issue, Lesson, Quiz, Strict, Text, issue, raise_issues
from classroom.content.problems import Problem
from classroom.content.yamlread import YamlDocument, read_yaml
from classroom.quiz.attempts import askable
from classroom.settings import Mode

# ---------------------------------------------------------------- server mode

_STARTED: dict[str, Mode] = {}


def process_mode() -> Mode:
    """``settings.server_mode()`` of this process, read once: the first time a page runs."""
    if "mode" not in _STARTED:
        _STARTED["mode"] = settings.server_mode()
    return _STARTED["mode"]


# ---------------------------------------------------------------- the file


def _class_ref(value: Any) -> Any:
    """A class is named by its join code (text) or its number in the teacher's room."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise PydanticCustomError(
            "content", "class: write the class's join code (like K7M2QP) or its number (like 3)", {}
        )
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("content", "class is empty: write a join code, or remove the line", {})
    if isinstance(value, int) and value < 1:
        raise PydanticCustomError("content", "class: a class number is 1 or more", {})
    return value


ClassRef = Annotated[int | str, BeforeValidator(_class_ref)]


class KioskConfig(Strict):
    """One kiosk: what it offers, how it greets visitors, and when it starts over."""

    name: Id = Field(default="kiosk", description="stored with every attempt made at this kiosk")
    title: Text = Field(default="Welcome!", description="large title of the welcome screen")
    welcome: Text | None = Field(default=None, description="a line under the title")
    lessons: list[Id] = Field(default=[], description="ids of the lessons offered, in this order")
    quizzes: list[Id] = Field(default=[], description="ids of the quizzes offered, in this order")
    idle_seconds: int = Field(default=90, ge=3, le=3600, description="no touch or key for this long: warn")
    warning_seconds: int = Field(default=15, ge=2, le=300, description="the warning counts down this long")
    result_seconds: int = Field(default=30, ge=2, le=3600, description="a quiz result stays on screen this long")
    class_: ClassRef | None = Field(
        default=None,
        alias="class",
        description="join code or number of the class that anonymous attempts are filed under",
    )

    @model_validator(mode="after")
    def _rules(self) -> KioskConfig:
        found: list[Issue] = []
        if not self.lessons and not self.quizzes:
            found.append(issue((), "a kiosk offers at least one lesson or quiz: add 'lessons:' or 'quizzes:'"))
        for field in ("lessons", "quizzes"):
            ids: list[str] = getattr(self, field)
            seen: set[str] = set()
            for index, value in enumerate(ids):
                if value in seen:
                    found.append(issue((field, index), f"'{value}' is listed twice"))
                seen.add(value)
        raise_issues(found)
        return self


def load_kiosk_config(
    path: str | Path, course: Course | None = None, shown_as: str | None = None
) -> tuple[KioskConfig | None, list[Problem]]:
    """Read and validate a kiosk file; with ``course``, also check that every id it lists exists.

    Returns the config (None when there is any problem) and every problem found.
    A listed lesson or quiz whose *file* has a content error is not a config problem:
    the kiosk leaves it out while it is broken (see ``offer``).
    """
    name = shown_as or str(path)
    doc, problems = read_yaml(path, name)
    if doc is None:
        return None, problems
    if not isinstance(doc.data, dict):
        return None, [Problem(name, 1, 1, "a kiosk file must be 'field: value' lines")]
    try:
        config = KioskConfig.model_validate(doc.data)
    except ValidationError as error:
        return None, problems_from(error, KioskConfig, doc, name)
    if course is not None:
        problems = unknown_ids(config, doc, course, name)
    return (None if problems else config), problems


def unknown_ids(config: KioskConfig, doc: YamlDocument, course: Course, path: str) -> list[Problem]:
    """Listed ids with no lesson or quiz file at all (a typo), located in the kiosk file."""
    found = []
    for field, known in (("lessons", known_ids(course, "lessons")), ("quizzes", known_ids(course, "quizzes"))):
        kind = field[:-1] if field == "lessons" else "quiz"
        for index, value in enumerate(getattr(config, field)):
            if value not in known:
                found.append(Problem(path, *doc.where((field, index)), f"no {kind} '{value}'{_suggest(value, known)}"))
    return found


def known_ids(course: Course, folder: str) -> set[str]:
    """Ids of the valid items plus the names of the files of that kind that have problems."""
    valid = set(course.lessons if folder == "lessons" else course.quizzes)
    broken = {Path(p.path).stem for p in course.problems if Path(p.path).parent.name == folder}
    return valid | broken


def _suggest(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


# ---------------------------------------------------------------- what the kiosk offers now


@dataclass(frozen=True)
class Offer:
    """The lessons and quizzes a kiosk shows right now, in the configured order."""

    lessons: tuple[Lesson, ...]
    quizzes: tuple[Quiz, ...]
    left_out: tuple[str, ...]  # listed, but broken (or without questions) at the moment

    def lesson(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def quiz(self, quiz_id: str) -> Quiz | None:
        return next((quiz for quiz in self.quizzes if quiz.id == quiz_id), None)

    def quizzes_for(self, lesson_id: str) -> tuple[Quiz, ...]:
        """Offered quizzes about this one lesson (a course-wide quiz is not "this lesson's quiz")."""
        return tuple(quiz for quiz in self.quizzes if list(quiz.lessons) == [lesson_id])


def offer(config: KioskConfig, course: Course) -> Offer:
    """Keep what is valid now; a content error in one quiz removes only that quiz."""
    lessons = [course.lessons[i] for i in config.lessons if i in course.lessons]
    quizzes = [course.quizzes[i] for i in config.quizzes if i in course.quizzes and askable(course.quizzes[i])]
    kept = {lesson.id for lesson in lessons} | {quiz.id for quiz in quizzes}
    left_out = tuple(i for i in (*config.lessons, *config.quizzes) if i not in kept)
    return Offer(tuple(lessons), tuple(quizzes), left_out)


# ---------------------------------------------------------------- the class attempts are filed under


def resolve_class(classes: Sequence[Any], ref: int | str | None) -> Any | None:
    """The class named by ``ref`` among ``classes`` (``Store.classes()``): by number, else by join code."""
    if ref is None:
        return None
    text = str(ref).strip()
    if isinstance(ref, int) or text.isdigit():
        by_id = next((room for room in classes if room.id == int(text)), None)
        if by_id is not None:
            return by_id
    code = "".join(ch for ch in text.upper() if ch.isalnum())
    return next((room for room in classes if room.join_code == code), None)


# ---------------------------------------------------------------- start-up check


def check(path: str, content_paths: Sequence[str | Path] = ("lessons", "quizzes"), store: Any = None) -> list[Problem]:
    """Every problem that would stop a kiosk from starting: the file, its ids, and its class.

    ``store`` (a ``Store``) is only consulted when the file names a class.
    """
    from classroom.content.load import load_course

    course = load_course(content_paths)
    config, problems = load_kiosk_config(path, course)
    if config is None or config.class_ is None or store is None:
        return problems
    if resolve_class(store.classes(), config.class_) is None:
        doc, _ = read_yaml(path, path)
        where = doc.where(("class",)) if doc else (1, 1)
        problems.append(Problem(path, *where, f"no class '{config.class_}': use a join code from the teacher's room"))
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m classroom.kiosk [kiosk.yaml]``: 0 when the kiosk can start, 1 with every problem printed."""
    from classroom.content.load import load_course
    from classroom.results.store import Store

    args = list(sys.argv[1:] if argv is None else argv)
    path = args[0] if args else settings.kiosk_config_path()
    root = settings.content_root()
    folders = [root / "lessons", root / "quizzes"]
    config, _ = load_kiosk_config(path)
    store = Store() if config is not None and config.class_ is not None else None
    try:
        problems = check(path, folders, store)
    finally:
        if store is not None:
            store.close()
    for problem in problems:
        print(problem)
    if problems:
        print(f"the kiosk cannot start: fix {len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    assert config is not None
    for item_id in offer(config, load_course(folders)).left_out:
        print(f"warning: {item_id} is left out until its file is fixed (python -m classroom check)", file=sys.stderr)
    print(f"{path}: kiosk configuration is valid", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
