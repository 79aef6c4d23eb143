"""Security headers on every HTTP response: the browser may load nothing from a host other than the app's.

A pure ASGI middleware (passed to ``st.App`` by ``server/serve.py``) that adds to
each response, unless the app already set them:

- ``Content-Security-Policy``: every kind of resource from the app's own origin
  only, images also from ``data:`` (Streamlit draws some icons that way). An image
  a lesson points at on another site, a font from a web font host, a script from
  a CDN: the browser refuses them all. ``'unsafe-inline'`` for styles is what
  Streamlit's CSS-in-JS needs; for scripts it is what Streamlit's one inline line
  in index.html and the kiosk's idle watcher (``st.html`` with JavaScript) need.
  Neither opens any other origin.
- ``Referrer-Policy: no-referrer``: a link a student chooses to open does not tell
  the other site the classroom's address.
- ``X-Content-Type-Options: nosniff``: a file is only ever what its type says.

Websocket traffic passes through untouched.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",  # fonts Streamlit's bundle carries inline
        "connect-src 'self'",
        "media-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", POLICY.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
)


class SecurityHeaders:
    """Add ``HEADERS`` to every HTTP response that does not carry them already."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [
                    *message.get("headers", []),
                    *((name, value) for name, value in HEADERS if name not in present),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)
