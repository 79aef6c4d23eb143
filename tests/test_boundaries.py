"""The engine never imports Streamlit: screens call the engine, not the other way round."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT


def test_engine_imports_without_streamlit():
    code = (
        "import sys, pkgutil, importlib, classroom\n"
        "for m in pkgutil.iter_modules(classroom.__path__):\n"
        "    if m.name != '__main__':\n"
        "        importlib.import_module('classroom.' + m.name)\n"
        "assert 'streamlit' not in sys.modules, 'the engine imported streamlit'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_no_engine_source_mentions_streamlit_imports():
    offenders = [
        path.name
        for path in (ROOT / "classroom").glob("*.py")
        if "import streamlit" in path.read_text(encoding="utf-8")
        or "from streamlit" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
