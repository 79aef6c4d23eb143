"""Every Streamlit option the project sets, in one place (the engine never names one).

Applied by ``server.serve.build_app`` over Streamlit's defaults, as ``streamlit run
--option value`` would; there is no ``.streamlit/config.toml``. Reasons and numbers for
the tuned ones: the docstring of ``server/serve.py`` and docs/benchmarks.md.
"""

from __future__ import annotations

import math
from typing import Any

from classroom.content.yamlread import MAX_FILE_BYTES
from classroom.ingest.course import MAX_ARTICLE_BYTES

# The largest file a teacher uploads (an article for the importer; a content file is smaller), in MB as
# Streamlit counts them. Streamlit's default is 200 MB per file, kept in memory (issue 14, finding 2).
UPLOAD_LIMIT_MB = math.ceil(max(MAX_FILE_BYTES, MAX_ARTICLE_BYTES) / (1024 * 1024))
# The largest websocket message a browser may send: widget values only (files come by HTTP), the biggest
# a text box holding a whole content file. Streamlit's default, 200 MB, is read whole before it is refused.
INCOMING_MESSAGE_LIMIT_BYTES = 2 * 1024 * 1024

# What every classroom server needs, whoever runs it.
CLASSROOM_OPTIONS: dict[str, Any] = {
    "client.showErrorDetails": "none",  # never a traceback for a student; details go to the server log
    "client.toolbarMode": "viewer",  # no developer menu for students
    "browser.gatherUsageStats": False,  # fully self-hosted: nothing leaves the laptop
    "server.headless": True,  # never try to open a browser on the classroom laptop
    "server.maxUploadSize": UPLOAD_LIMIT_MB,  # server/uploads.py: a signed-in teacher's only
}

# Measured for a class under load (docs/benchmarks.md).
TUNED_OPTIONS: dict[str, Any] = {
    "runner.postScriptGC": False,  # a full gc.collect after every rerun dominates under load
    "server.fileWatcherType": "none",  # nothing edits the code during a lesson
    "server.runOnSave": False,
}

# A public screen, on top of the classroom's: no menu, no header bar, never error details.
KIOSK_OPTIONS: dict[str, Any] = {
    "client.toolbarMode": "minimal",  # no menu, no deploy button
    "ui.hideTopBar": True,  # no header bar
    "client.showErrorDetails": "none",  # never a traceback on a public screen
}

# ``make dev``: authors see every saved file at once (slower; never for a class).
DEV_OPTIONS: dict[str, Any] = {
    "server.fileWatcherType": "auto",
    "server.runOnSave": True,
    "browser.serverAddress": "localhost",  # else Streamlit asks a public host for this machine's address
}


def server_options(kiosk: bool = False) -> dict[str, Any]:
    """The options of a classroom (or kiosk) server."""
    return {**CLASSROOM_OPTIONS, **TUNED_OPTIONS, **(KIOSK_OPTIONS if kiosk else {})}


def dev_options(port: int) -> dict[str, Any]:
    return {**CLASSROOM_OPTIONS, **DEV_OPTIONS, "server.port": port}
