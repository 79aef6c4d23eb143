"""The rooms keep to themselves: the engine never imports Streamlit, the UI or the charts; charts never
import Streamlit; the UI never reaches into the engine's private names.

Checked two ways: by importing every module of a package in a fresh interpreter (what is loaded is
what counts), and by reading every source file under the package, sub-packages included.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT


def _imported_names(path: Path) -> set[str]:
    """Top-level module names a file imports, wherever the import statement stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _sources(package: str) -> list[Path]:
    found = sorted((ROOT / package).rglob("*.py"))
    assert found, f"no sources under {package}/"
    return found


def _offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in _sources(package):
        for name in _imported_names(path):
            if name.split(".")[0] in forbidden:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_the_source_walk_sees_sub_packages():
    """The check once globbed classroom/*.py only and never looked into classroom/ingest/."""
    seen = {path.relative_to(ROOT).parts[1] for path in _sources("classroom")}
    assert {"ingest", "content", "quiz", "results", "kinds"} <= seen


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("classroom", ("streamlit", "ui", "charts", "server")),
        ("charts", ("streamlit", "ui", "server")),
        ("server", ("ui", "charts")),
    ],
)
def test_no_source_file_imports_across_the_boundary(package: str, forbidden: tuple[str, ...]):
    assert _offenders(package, forbidden) == []


def test_a_forbidden_import_is_caught(tmp_path: Path, monkeypatch):
    """The checker itself: a nested engine module importing Streamlit inside a function is found."""
    nested = tmp_path / "classroom" / "deep" / "inner.py"
    nested.parent.mkdir(parents=True)
    nested.write_text("def draw():\n    import streamlit as st\n    from ui.shared import safe\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert sorted(_offenders("classroom", ("streamlit", "ui"))) == [
        "classroom/deep/inner.py imports streamlit",
        "classroom/deep/inner.py imports ui.shared",
    ]


@pytest.mark.parametrize("package", ["classroom", "charts"])
def test_importing_every_module_loads_no_streamlit(package: str):
    code = (
        "import sys, pkgutil, importlib\n"
        f"import {package} as root\n"
        "for m in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "    if not m.name.endswith('__main__'):\n"
        "        importlib.import_module(m.name)\n"
        "assert 'streamlit' not in sys.modules, 'streamlit was imported'\n"
        "assert not [n for n in sys.modules if n == 'ui' or n.startswith('ui.')], 'the UI was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_screens_use_no_private_name_of_the_engine():
    """Screens call the engine's public functions (three once called ``ui.course._load_file``)."""
    bad = []
    for path in _sources("ui"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("classroom", "ui")):
                bad += [f"{path.relative_to(ROOT)}: {a.name}" for a in node.names if a.name.startswith("_")]
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                owner = node.value
                if isinstance(owner, ast.Name) and owner.id in {"course_files", "state", "course", "library"}:
                    bad.append(f"{path.relative_to(ROOT)}: {owner.id}.{node.attr}")
    assert bad == []
