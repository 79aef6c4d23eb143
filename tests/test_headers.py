"""The security headers middleware (issue 14, finding 8): on every HTTP response, never on a websocket."""

from __future__ import annotations

from server.headers import POLICY, SecurityHeaders
from support import run_async


def _run(scope_type: str, headers: list[tuple[bytes, bytes]]) -> list[dict]:
    sent: list[dict] = []

    async def app(scope, receive, send):
        await send(
            {
                "type": f"{scope_type}.response.start" if scope_type == "http" else "websocket.accept",
                "headers": list(headers),
            }
        )

    async def send(message):
        sent.append(message)

    async def receive():
        return {}

    run_async(SecurityHeaders(app)({"type": scope_type}, receive, send))
    return sent


def test_every_http_response_gets_the_policy_and_no_referrer():
    [start] = _run("http", [(b"content-type", b"text/html")])
    headers = dict(start["headers"])
    assert headers[b"content-security-policy"] == POLICY.encode()
    assert headers[b"referrer-policy"] == b"no-referrer" and headers[b"x-content-type-options"] == b"nosniff"


def test_a_header_the_app_set_is_left_alone():
    [start] = _run("http", [(b"Referrer-Policy", b"same-origin")])
    assert [value for name, value in start["headers"] if name.lower() == b"referrer-policy"] == [b"same-origin"]


def test_websockets_pass_through_untouched():
    [accept] = _run("websocket", [])
    assert accept["headers"] == []


def test_the_policy_allows_the_apps_own_origin_only():
    sources = [part.split()[1:] for part in POLICY.split("; ")]
    allowed = {source for listed in sources for source in listed}
    assert allowed <= {"'self'", "'none'", "'unsafe-inline'", "data:"}
    assert "img-src 'self' data:" in POLICY and "default-src 'self'" in POLICY
