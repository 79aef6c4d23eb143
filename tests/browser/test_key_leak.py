"""No key reaches the browser before its question is submitted: checked on the raw websocket frames.

Streamlit sends every element as a binary protobuf frame over one websocket. The test records
every frame the browser receives while a student takes the ``leak-check`` quiz (four questions in a
fixed order, each with distinctive keys) and, before each submit, searches all frames so far for the
keys of every question not yet submitted. After each submit the question's own key or explanation
must show up in the frames: that proves the capture sees what the student sees, so the test can fail.
"""

from __future__ import annotations

import re
import struct

from browser_helpers import (
    expect_question,
    expect_verdict,
    main,
    next_question,
    open_url,
    pick_option,
    shot,
    submit,
)
from playwright.sync_api import Page, WebSocket, expect

QUIZ = "leak-check"

# Question by question, in the order asked: the prompt, the strings that must not be received before the
# question is submitted, and what must be received once it is (proof that the capture works): for each
# entry, at least one of its spellings (the right date may be shown as written or in words).
QUESTIONS = [
    {
        "ask": "Which day is the secret date?",
        "secrets": ["1777-07-17", "17 July 1777", "July 1777", "Revealed only after submitting"],
        "revealed": [("1777-07-17", "17 July 1777"), ("Revealed only after submitting.",)],
    },
    {
        "ask": "What is the secret word?",
        "secrets": ["Quetzalcoatlus", "Zanzibarion", "Pterodactylus", "Close relative, wrong name."],
        "revealed": [("Quetzalcoatlus",), ("Close relative, wrong name.",)],
    },
    {
        "ask": "What is the secret number?",
        "secrets": ["48213"],
        "revealed": [("48213",)],
    },
    {
        "ask": "Which option is right?",
        # "Basalt" is the right option, but it is also shown as an option, so it is not searched for.
        "secrets": ["Amber-feedback-sentinel"],
        "revealed": [("Amber-feedback-sentinel",)],
    },
]
MARKDOWN_ESCAPE = re.compile(r"\\(.)")
# The number key could also travel as a protobuf double or float (e.g. a widget's value or bounds).
NUMBER_AS_BINARY = [struct.pack("<d", 48213.0), struct.pack("<f", 48213.0)]


class FrameLog:
    """Every websocket frame the page receives, searchable as raw bytes and as decoded text."""

    def __init__(self, page: Page) -> None:
        self.frames: list[bytes] = []
        page.on("websocket", self._watch)

    def _watch(self, socket: WebSocket) -> None:
        socket.on("framereceived", self._keep)

    def _keep(self, payload: str | bytes) -> None:
        self.frames.append(payload if isinstance(payload, bytes) else payload.encode("utf-8"))

    def blob(self) -> bytes:
        return b"".join(self.frames)

    def found(self, needles: list[str], binary: list[bytes] | None = None) -> list[str]:
        """Which needles occur in the frames so far.

        Searched as raw bytes, as utf-8 text with bad bytes dropped, and as that text with Markdown
        backslash escapes removed (the app escapes answers, so "1777-07-17" travels as "1777\\-07\\-17").
        """
        raw = self.blob()
        text = raw.decode("utf-8", errors="ignore")
        unescaped = MARKDOWN_ESCAPE.sub(r"\1", text)
        hits = [needle for needle in needles if needle.encode("utf-8") in raw or needle in text or needle in unescaped]
        hits += [f"binary {packed.hex()}" for packed in binary or [] if packed in raw]
        return hits


def assert_no_keys_of(log: FrameLog, unanswered: list[dict], when: str) -> None:
    secrets = [secret for question in unanswered for secret in question["secrets"]]
    binary = NUMBER_AS_BINARY if any("48213" in q["secrets"] for q in unanswered) else []
    leaked = log.found(secrets, binary)
    assert not leaked, f"{when}: the browser already received keys of unanswered questions: {leaked}"


def test_no_key_reaches_the_browser_before_its_question_is_submitted(page: Page, app_url: str) -> None:
    log = FrameLog(page)
    open_url(page, f"{app_url}/quiz?quiz={QUIZ}", "Start the quiz")
    assert log.frames, "no websocket frame was captured: the check would prove nothing"
    assert log.found(["Keys that must stay on the server"]), "the quiz title is not in the frames: capture broken"
    assert_no_keys_of(log, QUESTIONS, "start screen")

    page.get_by_role("button", name="Start the quiz").click()
    total = len(QUESTIONS)
    answers = [
        lambda: page.get_by_role("textbox", name="Your answer (a date)").fill("1700-01-01"),
        lambda: page.get_by_role("textbox", name="Your answer", exact=True).fill("Pterodactylus"),
        lambda: page.get_by_role("spinbutton", name="Your answer (a number)").fill("1"),
        lambda: pick_option(page, "Pick one answer", "Amber"),
    ]
    for index, (question, answer) in enumerate(zip(QUESTIONS, answers, strict=True)):
        number = index + 1
        if number == 1:
            expect_question(page, 1, total)
        else:
            next_question(page, number, total)
        expect(main(page).get_by_role("heading", name=question["ask"])).to_be_visible()
        assert log.found([question["ask"]]), f"question {number}'s prompt is not in the frames: capture broken"
        answer()  # answers in a form stay in the browser until submitted
        assert_no_keys_of(log, QUESTIONS[index:], f"question {number}, before submitting")

        submit(page)
        expect_verdict(page, "Not right — 0 of 1 point")
        missing = [spellings for spellings in question["revealed"] if not log.found(list(spellings))]
        assert not missing, f"question {number}: after submitting, the frames lack {missing}: capture broken"
        assert_no_keys_of(log, QUESTIONS[number:], f"question {number}, after submitting")
    shot(page, "30-leak-check-last-verdict")
