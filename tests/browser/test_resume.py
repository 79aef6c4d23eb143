"""An attempt survives a server restart: the page reconnects and continues where the student was."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from browser_helpers import (
    expect_question,
    expect_result,
    expect_verdict,
    main,
    next_question,
    pick_option,
    see_result,
    start_quiz,
    submit,
)
from conftest import AppServer
from playwright.sync_api import Page, expect

RECONNECT_TIMEOUT_MS = 60_000


@pytest.fixture
def server(tmp_path) -> Iterator[AppServer]:
    """A server of this test's own, since the test stops and restarts it."""
    own = AppServer(tmp_path)
    own.start()
    yield own
    own.stop()


def answer_text(page: Page, label: str, text: str) -> None:
    page.get_by_label(label, exact=True).fill(text)


def test_killed_server_mid_quiz_resumes_the_attempt_after_restart(
    server: AppServer, new_page: Callable[..., Page]
) -> None:
    page = new_page()
    start_quiz(page, server.base, "leak-check", total=4)
    answer_text(page, "Your answer (a date)", "17 July 1777")
    submit(page)
    expect_verdict(page, "Correct")
    next_question(page, 2, 4)
    answer_text(page, "Your answer", "Quetzalcoatlus")
    submit(page)
    expect_verdict(page, "Correct")
    next_question(page, 3, 4)
    attempt_url = page.url
    assert "attempt=" in attempt_url

    server.stop(kill=True)  # no clean shutdown: as if the laptop lost power
    expect(page.get_by_test_id("stConnectionStatus")).to_be_visible(timeout=RECONNECT_TIMEOUT_MS)
    server.start()

    # The open page reconnects by itself and the attempt continues at question 3.
    expect(main(page).get_by_text(re.compile(r"^Question 3 of 4 · "))).to_be_visible(timeout=RECONNECT_TIMEOUT_MS)
    expect_question(page, 3, 4)
    answer_text(page, "Your answer (a number)", "48210")
    submit(page)
    expect_verdict(page, "Correct")
    next_question(page, 4, 4)
    pick_option(page, "Pick one answer", "Basalt")
    submit(page)
    see_result(page).click()
    expect(main(page).get_by_text("Your result", exact=True)).to_be_visible()
    expect_result(page, "4 / 4", "100%")

    # The same attempt opened later from its link, in another browser session, shows it finished.
    other = new_page()
    other.goto(attempt_url.replace("/quiz?", "/results?"))
    expect(main(other).get_by_text("Your result", exact=True)).to_be_visible()
    expect_result(other, "4 / 4", "100%")
