"""A course's own settings: ``course.yaml`` beside its ``lessons/`` and ``quizzes/`` folders.

Only one setting today: ``era``, the words every date is shown with ("BC/AD",
the default, or "BCE/CE"). The file is optional; a broken one is reported as
``path:line:column: message`` and the default is used meanwhile, so a typo
never stops a lesson from opening.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from classroom import settings
from classroom.content.dates import Era
from classroom.content.fields import Strict
from classroom.content.problems import Problem
from classroom.content.yamlread import read_yaml

FILE_NAME = "course.yaml"


class CourseSettings(Strict):
    """What ``course.yaml`` may say."""

    era: Era = "BC/AD"


def read_settings(root: Path | str) -> tuple[CourseSettings, list[Problem]]:
    """The course's settings and the problems of its file (the defaults when there is no file)."""
    path = Path(root) / FILE_NAME
    if not path.is_file():
        return CourseSettings(), []
    doc, problems = read_yaml(path, str(path))
    if doc is None:
        return CourseSettings(), problems
    if doc.data is None:
        return CourseSettings(), []
    if not isinstance(doc.data, dict):
        return CourseSettings(), [
            Problem(str(path), 1, 1, "course.yaml must be 'field: value' lines, like era: BCE/CE")
        ]
    try:
        return CourseSettings.model_validate(doc.data), []
    except ValidationError as error:
        from classroom.content.messages import problems_from  # messages imports the kinds, which read the era

        return CourseSettings(), problems_from(error, CourseSettings, doc, str(path))


def course_roots(paths: list[str]) -> list[Path]:
    """The course folders that ``check PATHS`` touches: where a ``course.yaml`` of theirs would sit."""
    roots: dict[Path, None] = {}
    for given in map(Path, paths):
        if given.is_dir() and given.name in ("lessons", "quizzes"):
            roots[given.resolve().parent] = None
        elif given.is_dir():
            roots[given.resolve()] = None
        elif given.parent.name in ("lessons", "quizzes"):
            roots[given.resolve().parent.parent] = None
    return list(roots)


@lru_cache(maxsize=8)
def _era_of(path: str, mtime_ns: int) -> Era:
    return read_settings(path)[0].era


def course_era(root: Path | str | None = None) -> Era:
    """The era words of the course at ``root`` (default: the configured content folder)."""
    folder = Path(root) if root is not None else settings.content_root()
    try:
        mtime = (folder / FILE_NAME).stat().st_mtime_ns
    except OSError:
        mtime = 0
    return _era_of(str(folder), mtime)
