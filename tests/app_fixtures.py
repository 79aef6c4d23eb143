"""Fixtures for AppTest screen tests: point the app at a content folder and reset its caches.

Imported by the screen test modules (``from app_fixtures import ...``): pytest uses the
fixtures a module imports, and ``use_course`` is autouse there.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import ui.shared.course

COURSE = Path(__file__).resolve().parent / "testdata" / "course"


def clear_content_caches() -> None:
    ui.shared.course._load_file.clear()
    ui.shared.course._assemble.clear()


@pytest.fixture(autouse=True)
def use_course(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], Path]]:
    """Point the app at a content folder (the fixture course unless a test picks another)."""

    def _use(root: Path) -> Path:
        root = root.resolve()
        monkeypatch.setenv("CLASSROOM_CONTENT", str(root))
        # ui.shared.course reads the variable once, at import: patch what it computed from it.
        monkeypatch.setattr(ui.shared.course, "CONTENT_ROOT", root)
        clear_content_caches()
        return root

    _use(COURSE)
    yield _use
    clear_content_caches()


@pytest.fixture
def course_copy(tmp_path: Path, use_course: Callable[[Path], Path]) -> Path:
    """A writable copy of the fixture course, in use by the app."""
    root = tmp_path / "course"
    shutil.copytree(COURSE, root)
    return use_course(root)
