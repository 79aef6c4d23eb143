"""Nothing leaves the classroom (issue 14, finding 8): a whole student journey, every request recorded.

Before, every page's icon came from a web font host (Streamlit builds that address in
the browser for a ``:material/...:`` page icon), so each visit told that host who was in
the classroom, and offline the icon was missing. The journey below records every request
and websocket the browser opens and fails on any to a host other than the app's; a
second test checks the Content-Security-Policy refuses an outside image outright.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from browser_helpers import (
    choose_match,
    expect_verdict,
    main,
    next_question,
    open_url,
    pick_option,
    see_result,
    start_quiz,
    submit,
    tick,
    wait_for_charts,
    wait_idle,
)
from conftest import DEFAULT_TIMEOUT_MS, VIEWPORT
from playwright.sync_api import Browser, Page, expect


class Recorder:
    """Every URL the browser asked for (documents, scripts, fonts, images, websockets) in one context."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.refused: list[str] = []  # the browser's console lines about the policy refusing something

    def outside(self, app_url: str) -> list[str]:
        ours = urlsplit(app_url).netloc
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != ours
        ]


@pytest.fixture
def recorded(browser: Browser) -> Iterator[tuple[Page, Recorder]]:
    recorder = Recorder()
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.on("request", lambda request: recorder.urls.append(request.url))
    page = context.new_page()
    page.on("websocket", lambda socket: recorder.urls.append(socket.url))
    page.on(
        "console",
        lambda message: recorder.refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    yield page, recorder
    context.close()


def test_a_whole_student_journey_makes_no_request_outside_the_app(recorded, app_url: str) -> None:
    page, recorder = recorded
    open_url(page, app_url, "Did Russia want to join NATO?")
    main(page).get_by_role("link", name="Read the lesson").click()
    expect(page.get_by_role("heading", name="A test lesson about an alliance", level=1)).to_be_visible()
    wait_idle(page)
    wait_for_charts(page)
    open_url(page, f"{app_url}/timeline", "All events")
    wait_for_charts(page)

    start_quiz(page, app_url, "every-kind", 8)
    page.get_by_role("textbox", name="Your answer (a date)").fill("1949")
    submit(page)
    expect_verdict(page, "Correct")
    next_question(page, 2, 8)
    page.get_by_role("textbox", name="Your answer", exact=True).fill("Solana")
    submit(page)
    next_question(page, 3, 8)
    pick_option(page, "Pick one answer", "12")
    submit(page)
    next_question(page, 4, 8)
    tick(page, "Poland")
    submit(page)
    next_question(page, 5, 8)
    pick_option(page, "True or false?", "False")
    submit(page)
    next_question(page, 6, 8)
    submit(page)  # the order as shown
    next_question(page, 7, 8)
    choose_match(page, "Javier Solana", "NATO Secretary General")
    submit(page)
    next_question(page, 8, 8)
    page.get_by_role("spinbutton", name="Your answer (a number)").fill("3")
    submit(page)
    see_result(page).click()
    expect(page.get_by_role("heading", name="Question by question")).to_be_visible()
    wait_idle(page)
    wait_for_charts(page)
    open_url(page, f"{app_url}/teacher", "Teacher")

    assert any(url.endswith("/_stcore/stream") for url in recorder.urls), "the journey never opened the websocket"
    assert any("/media/" in url for url in recorder.urls), "the page icon was not served by the app"
    assert recorder.outside(app_url) == []
    assert recorder.refused == []  # and the policy broke nothing the app itself does


def test_the_content_security_policy_refuses_an_outside_image(recorded, app_url: str) -> None:
    page, recorder = recorded
    response = page.goto(app_url)
    assert response is not None
    policy = response.headers.get("content-security-policy", "")
    assert "default-src 'self'" in policy and "img-src 'self' data:" in policy
    assert response.headers.get("referrer-policy") == "no-referrer"
    wait_idle(page)
    outside = "http://127.0.0.2:9/tracker.png"  # another host (nothing listens there)
    blocked = page.evaluate(
        """(url) => new Promise((resolve) => {
            document.addEventListener('securitypolicyviolation', (event) => resolve(event.blockedURI), {once: true});
            const image = document.createElement('img');
            image.src = url;
            document.body.appendChild(image);
            setTimeout(() => resolve(null), 3000);
        })""",
        outside,
    )
    assert blocked == outside
