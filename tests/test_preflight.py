"""The results database at start-up (issue 14, finding 7): private file modes, and one clear line when unusable."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from classroom.results import preflight
from classroom.results.store import Store
from support import ROOT


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_and_shm_files_are_private(tmp_path):
    path = tmp_path / "data" / "classroom.db"
    store = Store(f"sqlite:///{path}")
    try:
        store.create_class("7B")  # a write: the -wal and -shm files exist while the store is open
        assert _mode(path) == 0o600
        assert _mode(Path(f"{path}-wal")) == 0o600 and _mode(Path(f"{path}-shm")) == 0o600
        assert _mode(path.parent) == 0o700
    finally:
        store.close()


def test_an_existing_database_readable_by_others_is_made_private(tmp_path):
    path = tmp_path / "classroom.db"
    Store(f"sqlite:///{path}").close()
    path.chmod(0o644)
    Store(f"sqlite:///{path}").close()
    assert _mode(path) == 0o600


def _corrupt(tmp_path: Path) -> str:
    path = tmp_path / "corrupt.db"
    path.write_bytes(b"this is not a database\n" * 400)
    return f"sqlite:///{path}"


def _damaged(tmp_path: Path) -> str:
    """A real SQLite file whose pages were overwritten after the header."""
    path = tmp_path / "damaged.db"
    store = Store(f"sqlite:///{path}")
    for number in range(300):
        store.create_class(f"class {number}")
    store.close()
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)
    path.write_bytes(bytes(data))
    return f"sqlite:///{path}"


def _read_only(tmp_path: Path) -> str:
    """A database only readable by this process (a URI opens it read-only, even for root)."""
    path = tmp_path / "readonly.db"
    Store(f"sqlite:///{path}").close()
    return f"sqlite:///file:{path}?mode=ro&uri=true"


def _folder(tmp_path: Path) -> str:
    (tmp_path / "a-folder.db").mkdir()
    return f"sqlite:///{tmp_path / 'a-folder.db'}"


UNUSABLE = {
    "corrupt": (_corrupt, "is not a SQLite database"),
    "damaged": (_damaged, "move"),
    "read-only": (_read_only, "readonly database; answers could not be saved"),
    "a-folder": (_folder, "is a folder"),
}


@pytest.mark.parametrize("case", UNUSABLE)
def test_an_unusable_database_is_refused_with_one_line(tmp_path, case):
    make, words = UNUSABLE[case]
    with pytest.raises(preflight.DatabaseUnusable) as refused:
        preflight.check_database(make(tmp_path))
    assert words in str(refused.value) and "\n" not in str(refused.value)


def test_a_good_database_passes(tmp_path):
    preflight.check_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    preflight.check_database(f"sqlite:///{tmp_path / 'fresh.db'}")  # and again, once it exists


@pytest.mark.parametrize("case", ["corrupt", "read-only"])
def test_the_server_stops_before_it_says_it_runs(tmp_path, case):
    make, words = UNUSABLE[case]
    env = {**os.environ, "CLASSROOM_DATABASE_URL": make(tmp_path), "CLASSROOM_WORKERS": "2"}
    done = subprocess.run(
        [sys.executable, "-m", "server", "--port", "0", "--host", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout == ""  # never "Classroom app: http://..."
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: the results database") and words in line


def test_sqlite_reports_read_only_the_way_the_check_expects(tmp_path):
    """The check reads the driver's words; this pins them for the SQLite this machine has."""
    path = tmp_path / "x.db"
    sqlite3.connect(path).execute("create table t(a)").connection.commit()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("delete from t where 1 = 0")
