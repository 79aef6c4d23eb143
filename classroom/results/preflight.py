"""Before the server says it is running: can the results database be opened, read and written?

A corrupt file used to print the "app running" line and then a traceback; a
read-only one let the app start and fail on the first student's answer. The
server (``server/serve.py``) calls :func:`check_database` first and, when it
raises, prints its one line and exits with status 1: nothing is served from a
database that cannot keep answers.

The SQLite file (and its ``-wal`` and ``-shm`` files, which SQLite creates with
the same mode) is private to the user running the app: ``private_sqlite_file``
creates it with mode 0600 in a folder of mode 0700, and takes group and other
access away from a file made by an older version. It holds students' names
and answers.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import sqlalchemy as sa

from classroom import settings
from classroom.errors import UserError

SQLITE_HEADER = b"SQLite format 3\x00"
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


class DatabaseUnusable(UserError):
    """The results database cannot be used; the message is one line saying what to do."""


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL, an in-memory database, or a ``file:`` URI)."""
    parsed = sa.engine.make_url(url)
    if not parsed.drivername.startswith("sqlite") or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):
        return None
    return Path(parsed.database)


def private_sqlite_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable by its owner only; tighten an existing file's mode."""
    if not path.parent.exists():
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))  # no moment readable by others
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            found = name.stat()
            if stat.S_ISREG(found.st_mode) and found.st_mode & 0o077 and found.st_uid == os.getuid():
                name.chmod(stat.S_IMODE(found.st_mode) & ~0o077)
        except OSError:  # not there (no -wal yet), or not ours: the check below says what matters
            continue


def _shown(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else sa.engine.make_url(url).render_as_string(hide_password=True)


def _sqlite_file_problem(path: Path) -> str | None:
    """What is wrong with the file itself, found without opening it as a database."""
    if path.is_dir():
        return "is a folder, not a database file; set CLASSROOM_DATABASE_URL to a file"
    if not path.exists():
        return None
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        return f"cannot be read ({error.strerror or error}); give the user running the app read and write access"
    if header and header != SQLITE_HEADER:
        return "is not a SQLite database (corrupt or another kind of file); move it aside and restore a backup"
    return None


def check_database(url: str | None = None) -> None:
    """Open the store, bring its schema up to date, and prove a write would succeed; raise ``DatabaseUnusable``."""
    from classroom.results.store import Store

    url = url or settings.database_url()
    where = _shown(url)
    path = sqlite_path(url)
    if path is not None:
        problem = _sqlite_file_problem(path)
        if problem:
            raise DatabaseUnusable(f"the results database {where} {problem}")
    try:
        store = Store(url)
    except sa.exc.DBAPIError as error:
        raise DatabaseUnusable(f"the results database {where} cannot be used: {_reason(error)}") from error
    try:
        with store.engine.connect() as conn:
            if path is not None:
                verdict = conn.exec_driver_sql("PRAGMA quick_check").scalar()
                if verdict != "ok":
                    raise DatabaseUnusable(
                        f"the results database {where} is damaged ({verdict}); move it aside and restore a backup"
                    )
                conn.rollback()
            # A write of nothing, rolled back: SQLite still refuses it when the file is read-only.
            conn.exec_driver_sql("DELETE FROM schema_migrations WHERE 1 = 0")
            conn.rollback()
    except sa.exc.DBAPIError as error:
        raise DatabaseUnusable(f"the results database {where} cannot be used: {_reason(error)}") from error
    finally:
        store.close()


def _reason(error: sa.exc.DBAPIError) -> str:
    """The driver's own words, one line, with what to do for the usual causes."""
    text = " ".join(str(error.orig).split()) if error.orig is not None else str(error)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return f"{text}; answers could not be saved: make the file and its folder writable by the user running the app"
    if "not a database" in lowered or "malformed" in lowered:
        return f"{text}; move the file aside and restore a backup"
    if "unable to open" in lowered:
        return f"{text}; check that the folder exists and the user running the app may write there"
    return text
