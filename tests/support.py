"""Paths and databases shared by the tests (a plain module: every conftest.py is named the same)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = Path(__file__).resolve().parent / "testdata"

# The store's suites run on SQLite always and on a real PostgreSQL when make test found one.
POSTGRES_URL = os.environ.get("CLASSROOM_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


def drop_everything(url: str) -> None:
    """Empty a database by reflection: a migration under test may leave tables store.py does not know."""
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        present = sa.MetaData()
        present.reflect(conn)
        present.drop_all(conn)
    engine.dispose()


@contextmanager
def empty_database(backend: str, sqlite_file: Path) -> Iterator[str]:
    """The URL of an empty database of ``backend``; the shared PostgreSQL one is emptied before and after."""
    if backend == "sqlite":
        yield f"sqlite:///{sqlite_file}"
        return
    assert POSTGRES_URL is not None
    drop_everything(POSTGRES_URL)
    try:
        yield POSTGRES_URL
    finally:
        drop_everything(POSTGRES_URL)


def run_async(coroutine: Any) -> Any:
    """``asyncio.run`` in a thread of its own: after a Playwright test, this thread's event loop is taken."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
