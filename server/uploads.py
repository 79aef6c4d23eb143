"""Teachers' file uploads, taken by whichever server process the request reaches, into the database.

Streamlit's own upload route (``PUT /_stcore/upload_file/<page session>/<file>``) keeps
the file in the memory of the process that serves the page, and refuses an upload for
a page another process serves: behind a load balancer with no stickiness, half the
uploads would fail. It also accepts a file into any live page from anyone who knows the
page's id, so a student's own client could fill the server's memory (issue 14, finding 2).

This ASGI middleware answers every upload request itself, before Streamlit's route:

- ``PUT``: the browser's XSRF token must match its cookie (as Streamlit checks), and the
  request must carry a live *teacher* sign-in cookie (``classroom/people/sessions.py``);
  anything else gets 403 before a byte of the body is kept. The body is read up to the
  size limit (413 past it), and the one file in it is written to the database
  (``classroom/results/shared_files.py``, which also caps how many files wait per teacher).
  The page reads it there (``server/shared_storage.py``), whichever process serves it.
- ``DELETE``: the same checks, then the row goes.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request

from classroom import limits
from classroom.people import sessions
from classroom.results import shared_files
from server import auth_routes

log = logging.getLogger("classroom")

UPLOAD_PATH = re.compile(r"^/_stcore/upload_file/([^/]{1,64})/([^/]{1,64})/?$")
REFUSED = b"Uploads are only for a signed-in teacher's upload box."
TOO_LARGE = f"A file may have at most {limits.MAX_UPLOAD_BYTES // (1024 * 1024)} MB.".encode()
MULTIPART_OVERHEAD_BYTES = 64 * 1024  # the form's boundaries and headers around the one file
DISCARD_LIMIT_BYTES = 8 * 1024 * 1024  # a refused upload's body is read and dropped up to this much


def _xsrf_ok(request: Request) -> bool:
    from streamlit.web.server.server_util import is_xsrf_enabled
    from streamlit.web.server.starlette.starlette_app_utils import validate_xsrf_token
    from streamlit.web.server.starlette.starlette_server_config import XSRF_COOKIE_NAME

    if not is_xsrf_enabled():
        return True
    return validate_xsrf_token(request.headers.get("X-Xsrftoken"), request.cookies.get(XSRF_COOKIE_NAME))


def teacher_session(token: str | None) -> str | None:
    """The id of the live teacher session this cookie's token belongs to, or None."""
    if not token:
        return None
    try:
        found = sessions.by_token(auth_routes.store(), token)
    except Exception:  # the database is away: no upload, and the teacher is told so by the upload box
        log.exception("could not check an upload's sign-in")
        return None
    return found.id if found is not None and found.role == sessions.TEACHER else None


async def _discard_body(receive: Any, limit: int = DISCARD_LIMIT_BYTES) -> None:
    """Read what the client is still sending and keep none of it, so it gets the answer, not a reset."""
    seen = 0
    while seen <= limit:
        message = await receive()
        if message["type"] != "http.request":
            return
        seen += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _read_capped(receive: Any, cap: int) -> bytes | None:
    """The whole request body, or None as soon as it passes ``cap`` bytes."""
    chunks, seen = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        body = message.get("body", b"")
        seen += len(body)
        if seen > cap:
            return None
        chunks.append(body)
        if not message.get("more_body", False):
            return b"".join(chunks)


async def _the_file(scope: Any, body: bytes) -> UploadFile | None:
    """The single file of a multipart form body, or None."""

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(scope, replay).form(max_files=1, max_fields=10)
    files = [value for value in form.values() if isinstance(value, UploadFile)]
    return files[0] if len(files) == 1 else None


class Uploads:
    """Pure ASGI: every upload request ends here (see the module docstring); the rest passes on."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        match = UPLOAD_PATH.match(scope.get("path", "")) if scope["type"] == "http" else None
        if match is None or scope.get("method") not in ("PUT", "DELETE"):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        owner = await run_in_threadpool(teacher_session, request.cookies.get(sessions.COOKIE[sessions.TEACHER]))
        if owner is None or not _xsrf_ok(request):
            await self._answer(send, 403, REFUSED)
            await _discard_body(receive)
            return
        page, file_id = match.groups()
        if scope["method"] == "DELETE":
            await run_in_threadpool(shared_files.remove_upload, auth_routes.store(), page, file_id)
            await self._answer(send, 204)
            return
        declared = request.headers.get("content-length", "")
        cap = limits.MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES
        if declared.isdigit() and int(declared) > cap:
            await self._answer(send, 413, TOO_LARGE)
            await _discard_body(receive)
            return
        body = await _read_capped(receive, cap)
        if body is None:
            await self._answer(send, 413, TOO_LARGE)
            return
        try:
            upload = await _the_file(scope, body)
        except Exception:  # not a multipart form at all
            upload = None
        if upload is None:
            await self._answer(send, 400, b"Send one file as a multipart form.")
            return
        data = await upload.read()
        try:
            await run_in_threadpool(
                shared_files.put_upload,
                auth_routes.store(),
                page,
                file_id,
                owner,
                upload.filename or "",
                upload.content_type or "application/octet-stream",
                data,
            )
        except shared_files.UploadRefused as refused:
            await self._answer(send, 413, str(refused).encode())
            return
        await self._answer(send, 204)

    @staticmethod
    async def _answer(send: Any, status: int, body: bytes = b"") -> None:
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"cache-control", b"no-store")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
