"""The two small routes beside the app that set and clear the sign-in cookies.

A Streamlit page cannot set a cookie, so a page that has just signed someone in shows a
1-pixel image whose address carries a one-time claim (``classroom/people/sessions.py``):

- ``GET /auth/claim?c=CLAIM`` trades the claim for a session token and sets it as an
  HttpOnly, SameSite=Lax cookie (Secure when served over HTTPS), valid as long as the session;
- ``GET /auth/clear?role=student|teacher`` ends the session of that cookie and deletes it.

Both answer with the same transparent GIF whatever happens, and never cache.
"""

from __future__ import annotations

import base64
import functools
import logging

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from classroom.people import sessions
from classroom.results.store import Store

log = logging.getLogger("classroom")

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


@functools.cache
def store() -> Store:
    """This process's connection pool to the results database (the sessions themselves live there)."""
    return Store()


def _pixel() -> Response:
    return Response(PIXEL, media_type="image/gif", headers=NO_STORE)


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


async def claim(request: Request) -> Response:
    response = _pixel()
    secret = request.query_params.get("c", "")
    if not secret or len(secret) > 200:
        return response
    try:
        found = await run_in_threadpool(sessions.claim, store(), secret)
    except Exception:  # the database is down: no cookie; the tab that signed in still works
        log.exception("could not claim a session cookie")
        return response
    if found is not None:
        session, token = found
        response.set_cookie(
            sessions.COOKIE[session.role],
            token,
            max_age=int(sessions.LIFETIME[session.role].total_seconds()),  # the database decides the real end
            path="/",
            httponly=True,
            samesite="lax",
            secure=_secure(request),
        )
    return response


async def clear(request: Request) -> Response:
    response = _pixel()
    role = request.query_params.get("role", "")
    if role not in sessions.COOKIE:
        return response
    token = request.cookies.get(sessions.COOKIE[role])
    if token:
        try:
            await run_in_threadpool(sessions.end_by_token, store(), token)
        except Exception:
            log.exception("could not end a session on sign-out")
    response.delete_cookie(sessions.COOKIE[role], path="/", httponly=True, samesite="lax", secure=_secure(request))
    return response


def routes() -> list[Route]:
    return [Route("/auth/claim", claim, methods=["GET"]), Route("/auth/clear", clear, methods=["GET"])]
