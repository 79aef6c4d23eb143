"""The course folder as one object: read its files, check a replacement against the rest, write safely.

Every screen that reads or changes the lessons and quizzes goes through a
``Library``: the course the students see, the teacher's content check, a quiz
upload, and saving reviewed drafts. Reading goes through a loader hook keyed by
(path, modification time, size), so the app can cache each file per version
(``ui/shared/course.py`` passes a Streamlit cache) while the engine and its
tests read straight from disk.

Writing never leaves a half-written file where the loader reads: the new text
goes to a temporary name (not ``.yaml``) and is renamed into place; a file it
replaces is first copied to ``data/backups/`` beside the content (never inside
``lessons/`` or ``quizzes/``, whose every YAML file is loaded).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from classroom.content.load import Course, Loaded, assemble, load_file, yaml_files_in
from classroom.content.problems import Problem
from classroom.errors import UserError
from classroom.text import ID_PATTERN

FOLDERS = ("lessons", "quizzes")
CONTENT_FILE = re.compile(rf"(lessons|quizzes)/{ID_PATTERN}\.ya?ml")  # where a screen may write
Entry = tuple[str, int, int]  # (absolute path, modification time in ns, size): one version of one file
Loader = Callable[[str, int, int], Loaded]


@dataclass(frozen=True)
class Written:
    """One file saved: whether anything changed, and where the version it replaced was kept."""

    relative: str
    written: bool  # False: the file already held exactly this text
    backup: Path | None


def _versions(folder: str) -> Iterator[Entry]:
    """(path, mtime, size) of each YAML file under ``folder``, one ``stat`` per file."""
    for item in yaml_files_in(folder):
        try:
            stat = item.stat()
        except OSError:  # removed since the listing: it is simply not there
            continue
        yield (item.path, stat.st_mtime_ns, stat.st_size)


class Library:
    """The ``lessons/`` and ``quizzes/`` folders under ``root``, and ``drafts/`` and ``data/backups/`` beside them."""

    def __init__(self, root: Path | str, load: Loader | None = None) -> None:
        self.root = Path(root).resolve()
        self._load = load or self.read

    # ------------------------------------------------------------ reading

    def read(self, path: str, mtime_ns: int = 0, size: int = 0) -> Loaded:
        """One file from disk, named relative to the root in its problems (the uncached loader)."""
        return load_file(path, shown_as=self.relative(path))

    def relative(self, path: str | Path) -> str:
        return os.path.relpath(path, self.root)

    def fingerprint(self, folders: Iterable[Path] | None = None) -> tuple[Entry, ...]:
        """(path, mtime, size) of every content file: what a cache of the whole course is keyed by."""
        wanted = [self.root / name for name in FOLDERS] if folders is None else list(folders)
        return tuple(entry for folder in wanted for entry in _versions(str(folder)))

    def load_entries(self, entries: Iterable[Entry]) -> list[Loaded]:
        return [self._load(*entry) for entry in entries]

    def course(self) -> Course:
        """Every lesson and quiz, checked together."""
        return assemble(self.load_entries(self.fingerprint()))

    def load_folder(self, folder: Path) -> list[Loaded]:
        """The files of another folder laid out like the course (an importer's ``drafts/...``)."""
        return self.load_entries(self.fingerprint([folder / name for name in FOLDERS]))

    def draft_folders(self) -> list[Path]:
        """Folders under ``drafts/`` that hold a ``lessons/`` or ``quizzes/`` folder (the importer's output)."""
        drafts = self.root / "drafts"
        if not drafts.is_dir():
            return []
        return sorted({p.parent for p in drafts.rglob("*") if p.name in FOLDERS and p.is_dir()})

    def exists(self, relative: str) -> bool:
        return (self.root / relative).exists()

    # ------------------------------------------------------------ checking

    def check(self, files: Mapping[str, bytes]) -> tuple[list[Loaded], list[Problem]]:
        """Files about to be written (relative path -> content): each on its own, then with the rest.

        The files on disk that these would replace are left out, so the check sees the course
        as it will be. The new files come last: a clash of ids is reported on them.
        """
        loaded = [load_file(Path(relative), shown_as=relative, raw=data) for relative, data in files.items()]
        targets = {str(Path(relative)) for relative in files}
        others = [entry for entry in self.fingerprint() if self.relative(entry[0]) not in targets]
        together = assemble([*self.load_entries(others), *loaded])
        return loaded, [problem for problem in together.problems if problem.path in targets]

    # ------------------------------------------------------------ writing

    def write(self, relative: str, data: bytes) -> Written:
        """Write ``data`` to ``lessons/ID.yaml`` or ``quizzes/ID.yaml`` atomically, backing up what it replaces.

        An identical file is left alone (nothing written, nothing backed up).
        """
        if not CONTENT_FILE.fullmatch(relative):
            raise UserError(f"not a lesson or quiz file name: {relative!r} (use lessons/ID.yaml or quizzes/ID.yaml)")
        target = self.root / relative
        backup = None
        if target.exists():
            if target.read_bytes() == data:
                return Written(relative, False, None)
            backup = self.backup_path(target.stem)
            backup.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, backup)
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"  # not .yaml: never read half-written
        try:
            temp.write_bytes(data)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
        return Written(relative, True, backup)

    def backup_path(self, stem: str) -> Path:
        """``data/backups/<stem>.<UTC timestamp>.yaml`` beside the content, never a name already used."""
        folder = self.root / "data" / "backups"
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        path = folder / f"{stem}.{stamp}.yaml"
        number = 2
        while path.exists():
            path = folder / f"{stem}.{stamp}-{number}.yaml"
            number += 1
        return path


def write_new_files(out: Path, files: Mapping[str, str]) -> list[Path]:
    """Write ``files`` (relative name -> text) under ``out``, making folders; the caller has refused overwrites.

    Drafts written by the command line (the article importer, a question-bank import) go here.
    """
    written = []
    for name, text in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
