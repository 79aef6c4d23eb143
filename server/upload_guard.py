"""Only a signed-in teacher's tab with an upload box on screen may upload a file.

Streamlit accepts a file upload (``PUT /_stcore/upload_file/<session>/<file>``) into any
live session, from anyone who knows its id, and keeps the file in memory: a student's own
tab could fill the server's memory without any upload box on their screen. This ASGI
middleware lets an upload through only when the Streamlit session it names (in this
process) is signed in as a teacher, with a session the database still has, and has a file
uploader among its widgets. Everything else gets 403 before a byte of the body is kept (what the client still sends is
read and dropped, so it gets the answer rather than a reset).
The size of what does get through is capped by ``server.maxUploadSize`` (server/options.py).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from starlette.concurrency import run_in_threadpool

from classroom.people import sessions
from server import auth_routes

log = logging.getLogger("classroom")

UPLOAD_PATH = re.compile(r"^/_stcore/upload_file/([^/]+)/[^/]+/?$")
TEACHER_SESSION_KEY = "identity:teacher:id"  # where ui/shared/identity.py keeps a tab's teacher session id
UPLOADER = "file_uploader_state_value"
REFUSED = b"Uploads are only for a signed-in teacher's upload box."
DISCARD_LIMIT_BYTES = 8 * 1024 * 1024  # a refused upload's body is read and dropped up to this much


def _streamlit_state(session_id: str) -> Any | None:
    """The session state of a live Streamlit session of this process, or None."""
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return None
    info = Runtime.instance()._session_mgr.get_active_session_info(session_id)  # noqa: SLF001 - no public way
    return None if info is None else info.session.session_state


def allowed(session_id: str) -> bool:
    """Whether this Streamlit session may upload now: a live teacher session and an uploader on screen."""
    try:
        state = _streamlit_state(session_id)
        if state is None:
            return False
        metadata = state._new_widget_state.widget_metadata.values()  # noqa: SLF001
        if not any(meta.value_type == UPLOADER for meta in metadata):
            return False
        teacher = state[TEACHER_SESSION_KEY] if TEACHER_SESSION_KEY in state else None  # noqa: SIM401 - no .get()
        if not isinstance(teacher, str):
            return False
        found = sessions.by_id(auth_routes.store(), teacher)
        return found is not None and found.role == sessions.TEACHER
    except Exception:  # anything unexpected closes the door
        log.exception("upload check failed for session %s", session_id)
        return False


async def _discard_body(receive: Any, limit: int = DISCARD_LIMIT_BYTES) -> None:
    """Read what the client is still sending and keep none of it, so it gets the answer, not a reset.

    Past ``limit`` the connection is simply left to close (the client then sees a reset).
    """
    seen = 0
    while seen <= limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


class UploadGuard:
    """Pure ASGI (the body is never touched): refuse uploads that :func:`allowed` does not allow."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("method") in ("PUT", "POST"):
            match = UPLOAD_PATH.match(scope.get("path", ""))
            if match and not await run_in_threadpool(allowed, match.group(1)):
                headers = [(b"content-type", b"text/plain")]
                await send({"type": "http.response.start", "status": 403, "headers": headers})
                await send({"type": "http.response.body", "body": REFUSED})
                await _discard_body(receive)
                return
        await self.app(scope, receive, send)
