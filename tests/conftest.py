"""Shared fixtures: paths to the test data and a writer for small YAML files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from classroom.results.store import Store
from support import BACKENDS, empty_database

# Results written by tests (AppTest, the browser server) go to a throwaway database, never data/.
os.environ.setdefault("CLASSROOM_DATABASE_URL", f"sqlite:///{tempfile.mkdtemp(prefix='classroom-tests-')}/results.db")


@pytest.fixture
def write(tmp_path: Path):
    """Write ``text`` to ``tmp_path/name`` (folders created) and return the path."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty results store on each backend: SQLite always, PostgreSQL when make test found one."""
    with empty_database(request.param, tmp_path / "nested" / "classroom.db") as url:
        opened = Store(url)
        yield opened
        opened.close()
