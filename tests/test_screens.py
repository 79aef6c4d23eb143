"""The student screens through Streamlit's AppTest: home, lesson, timeline, quiz, results.

Every test runs the real entry point (``app.py``) on the fixture course in
``tests/testdata/course`` (or a copy of it in ``tmp_path``) and checks what a
student would see. Every run is also checked for crashes: no Streamlit
exception element and no "Something went wrong" box from ``app.py``'s guard;
when one shows up, the server log of the crash is part of the failure message.

AppTest notes (Streamlit 1.67):
- ``AppTest.switch_page`` is sticky: every later ``run()`` asks for that page
  again, even after the app moved on with ``st.switch_page``. After the app
  switches page, the tests call ``at.switch_page`` with the page it went to.
- AppTest has no fragment-scoped reruns: a click inside ``@st.fragment`` reruns
  the whole script, as a browser does when a fragment interaction is folded
  into a pending full-app rerun.
"""

from __future__ import annotations

import logging
import os
import random
import re
import sqlite3
import traceback
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import classroom.content.library
import ui.shared.course
import ui.shared.state
from app_fixtures import COURSE, clear_content_caches, course_copy, use_course  # noqa: F401 (pytest fixtures)
from classroom.content.load import load_course
from classroom.content.models import Quiz
from classroom.quiz import answering
from classroom.quiz.attempts import Attempt
from classroom.quiz.grading import key_response
from ui.shared.questions import REVIEW_RULE
from ui.shared.safe import escape

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"

HOME, LESSON, TIMELINE, QUIZ, RESULTS = (
    "ui/student/home.py",
    "ui/student/lesson.py",
    "ui/student/timeline.py",
    "ui/student/quiz.py",
    "ui/student/results.py",
)
CRASH = "Something went wrong on this screen."
LESSON_TITLE = "A test lesson about an alliance"
QUIZ_TITLE = "One question of every kind"
EVERY_KIND = ["founded", "secgen", "members", "joined", "veto", "sequence", "offices", "count"]
ORDER_KEY = ["Treaty signed", "Solana takes office", "Three countries join"]
HIGHLIGHT = ":material/my_location: The answer to your question comes from this part."
FROM_TIMELINE = ":material/my_location: The timeline event you chose is told in this part."
FROM_A_LINK = ":material/my_location: The link you followed points to this part."


# ---------------------------------------------------------------- fixtures and helpers


class _Log(logging.Handler):
    """Keeps the crashes the app logs (``app.py`` logs every screen failure to "classroom")."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        # An error inside @st.fragment arrives wrapped in FragmentHandledException(original).
        while error is not None and error.args and isinstance(error.args[0], BaseException):
            error = error.args[0]
        where = ""
        if error is not None and error.__traceback__ is not None:
            frames = traceback.extract_tb(error.__traceback__)
            ours = [f for f in frames if f.filename.startswith(str(ROOT)) and ".venv" not in f.filename]
            frame = (ours or frames)[-1]  # the app's own line that failed
            where = f" at {os.path.relpath(frame.filename, ROOT)}:{frame.lineno} ({frame.line})"
        self.lines.append(record.getMessage() + (f": {type(error).__name__}: {error}{where}" if error else ""))


_LOG = _Log()


@pytest.fixture(autouse=True)
def _crash_log() -> Iterator[None]:
    logger = logging.getLogger("classroom")
    logger.addHandler(_LOG)
    _LOG.lines.clear()
    yield
    logger.removeHandler(_LOG)


def assert_clean(at: AppTest) -> None:
    """No exception element and no crash box: a student never sees a failure."""
    problems = [f"exception: {e.value}" for e in at.exception]
    problems += [f"error box: {e.value}" for e in at.error if e.value.startswith(CRASH)]
    assert not problems, f"the screen failed: {problems}; server log: {_LOG.lines}"


def run(at: AppTest) -> AppTest:
    _LOG.lines.clear()
    at.run()
    assert_clean(at)
    return at


def click(at: AppTest, widget: Any) -> AppTest:
    widget.click()
    return run(at)


def open_app(page: str = HOME, **params: str) -> AppTest:
    """A new browser session on ``page`` with these query parameters."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    run(at)  # the home page; registers the pages so that switch_page can find them
    if page == HOME and not params:
        return at
    at.switch_page(page)
    at.query_params.clear()
    at.query_params.update(params)
    return run(at)


def values(elements: Any) -> list[Any]:
    return [element.value for element in elements]


def paragraphs(at: AppTest) -> list[str]:
    """The Markdown on screen, a paragraph each (one element may hold several: see answer_details)."""
    return [part for text in values(at.markdown) for part in text.split("\n\n")]


def button(at: AppTest, label: str) -> Any:
    found = [b for b in at.button if b.label == label]
    assert len(found) == 1, f"expected one {label!r} button, found {[b.label for b in at.button]}"
    return found[0]


def notes(at: AppTest) -> list[str]:
    """Small secondary texts (ui.shared.safe.note), without their :small[...] wrapper."""
    return [m[len(":small[") : -1] for m in values(at.markdown) if m.startswith(":small[") and m.endswith("]")]


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def page_links(at: AppTest) -> dict[str, str]:
    """Label -> query string of every page link on the screen."""
    return {link.value: link.proto.query_string for link in at.page_link}


def progress_text(at: AppTest) -> list[str]:
    return [bar.proto.text for bar in at.progress]


def fixture_quiz(quiz_id: str = "every-kind") -> Quiz:
    return load_course([COURSE / "lessons", COURSE / "quizzes"]).quizzes[quiz_id]


def live_attempt(at: AppTest, quiz_id: str = "every-kind") -> Attempt:
    attempt_id, attempt = at.session_state[f"attempt:{quiz_id}"]
    return attempt


def submit_answer(at: AppTest, quiz: Quiz, question_id: str, response: Any) -> None:
    """What the screen does on submit: the engine's answer path, saved to the app's store."""
    attempt_id, attempt = at.session_state[f"attempt:{quiz.id}"]
    answering.submit(ui.shared.state.store(), quiz, attempt_id, attempt, question_id, response)


def started_quiz(quiz_id: str = "every-kind") -> AppTest:
    at = open_app(QUIZ, quiz=quiz_id)
    return click(at, button(at, "Start the quiz"))


def quiz_at(question_id: str) -> AppTest:
    """The every-kind quiz started, the questions before ``question_id`` already answered right."""
    at = started_quiz()
    quiz = fixture_quiz()
    for earlier in EVERY_KIND[: EVERY_KIND.index(question_id)]:
        submit_answer(at, quiz, earlier, key_response(quiz.question(earlier)))
    run(at)
    assert progress_text(at) == [f"Question {EVERY_KIND.index(question_id) + 1} of 8 · 1 point"]
    assert values(at.subheader) == [quiz.question(question_id).ask]
    return at


def order_shown(at: AppTest, question_id: str = "sequence") -> list[str]:
    return list(at.session_state[f"q:every-kind:{question_id}"])


def arrange(at: AppTest, target: list[str], question_id: str = "sequence") -> None:
    """Reach ``target`` with the Up buttons only, the way a keyboard user would."""
    for place, item in enumerate(target):
        while (index := order_shown(at, question_id).index(item)) > place:
            click(at, at.button(key=f"q:every-kind:{question_id}:up:{index}"))
    assert order_shown(at, question_id) == target
    items = [m for m in values(at.markdown) if m[:1].isdigit()]
    assert items == [f"{number}. {item}" for number, item in enumerate(target, start=1)]


def answer(at: AppTest, question_id: str, response: Any) -> None:
    """Fill in the widget for ``question_id`` (None leaves it blank)."""
    key = f"q:every-kind:{question_id}"
    kind = fixture_quiz().question(question_id).kind
    if response is None:
        return
    if isinstance(response, bool):  # true/false keys are booleans; the radio shows words
        response = "True" if response else "False"
    if kind in ("date", "text"):
        at.text_input(key=key).input(response)
    elif kind == "true_false" or (kind == "choice" and isinstance(response, str)):
        at.radio(key=key).set_value(response)
    elif kind == "choice":
        for box in at.checkbox:
            if box.label in response:
                box.check()
    elif kind == "match":
        for box in at.selectbox:
            box.set_value(response[box.label])
    elif kind == "number":
        at.number_input(key=key).set_value(response)
    elif kind == "order":
        arrange(at, response, question_id)


def submit(at: AppTest) -> AppTest:
    return click(at, button(at, "Submit answer"))


def answer_widgets(at: AppTest) -> int:
    return sum(
        len(found)
        for found in (at.text_input, at.radio, at.checkbox, at.selectbox, at.number_input, at.form_submit_button)
    )


# ---------------------------------------------------------------- home


def test_home_lists_the_lesson_and_the_quizzes() -> None:
    at = open_app()
    assert values(at.title) == ["Did Russia want to join NATO?"]
    assert f"1. {LESSON_TITLE}" in values(at.subheader)
    assert "A small lesson used by the screen tests." in values(at.markdown)
    assert ":material/radio_button_unchecked: Not read yet · Quiz not taken" in notes(at)
    links = page_links(at)
    assert links["Read the lesson"] == "lesson=alliance"
    assert links["Take the quiz"] == "quiz=every-kind"
    assert links[QUIZ_TITLE] == "quiz=every-kind"
    assert links["Keys that must stay on the server"] == "quiz=leak-check"
    assert links[f"Start with lesson 1: {LESSON_TITLE}"] == "lesson=alliance"
    assert "A quiz with a mistake" not in " ".join(links)


def test_home_says_a_broken_file_is_hidden_for_now() -> None:
    at = open_app()
    assert values(at.info) == ["1 lesson or quiz file(s) are being fixed by your teacher and are hidden for now."]


def test_home_offers_to_continue_the_lesson_last_read() -> None:
    at = open_app(LESSON, lesson="alliance")
    at.switch_page(HOME)
    at.query_params.clear()
    run(at)
    links = page_links(at)
    assert links[f"Continue where you left off: {LESSON_TITLE}"] == "lesson=alliance"
    assert not [label for label in links if label.startswith("Start with lesson")]
    assert ":material/check_circle: Read · Quiz not taken" in notes(at)


def test_home_offers_to_continue_the_quiz_last_opened() -> None:
    at = open_app(QUIZ, quiz="every-kind")
    at.switch_page(HOME)
    at.query_params.clear()
    run(at)
    assert page_links(at)[f"Continue where you left off: {QUIZ_TITLE}"] == "quiz=every-kind"


# ---------------------------------------------------------------- lesson


def test_lesson_shows_its_passages_in_order() -> None:
    at = open_app(LESSON, lesson="alliance")
    assert values(at.title) == [LESSON_TITLE]
    assert values(at.header)[:2] == ["The founding", "Later years"]
    shown = values(at.markdown)
    assert shown[:3] == [
        "*A small lesson used by the screen tests.*",
        "The alliance was founded in **1949** with twelve members.",
        "In 1999 three countries joined; *Javier Solana* was Secretary General.",
    ]
    assert HIGHLIGHT not in notes(at)


def test_lesson_shows_people_and_offices_as_a_table() -> None:
    at = open_app(LESSON, lesson="alliance")
    assert "People and offices" in values(at.header)
    assert len(at.table) == 1
    table = at.table[0].value
    assert list(table.columns) == ["Person", "Office", "From", "To"]
    assert table.values.tolist() == [["Javier Solana", "NATO Secretary General", "1995", "1999"]]


def test_lesson_timeline_lists_dates_as_written() -> None:
    at = open_app(LESSON, lesson="alliance")
    assert "Timeline" in values(at.header)
    assert "- **4 April 1949** — Treaty signed" in values(at.markdown)
    assert "- **December 1995 – October 1999** — Solana in office" in values(at.markdown)


def test_lesson_check_the_claim_callout_has_verdict_words_and_sources() -> None:
    at = open_app(LESSON, lesson="alliance")
    assert "Check the claim" in values(at.header)
    assert len(at.error) == 1
    assert at.error[0].value == (
        "**Check the claim — The record says otherwise**\n\n"
        "**The article says:** The source says the alliance began in 1950.\n\n"
        "**What the record shows:** It began in 1949.\n\n"
        "*Sources:* Test source, 2020"
    )
    assert at.error[0].icon == ":material/report:"


def test_lesson_links_to_its_quizzes() -> None:
    at = open_app(LESSON, lesson="alliance")
    links = page_links(at)
    assert links[f"Take the quiz: {QUIZ_TITLE}"] == "quiz=every-kind"
    assert links["Take the quiz: Keys that must stay on the server"] == "quiz=leak-check"


def test_unknown_lesson_shows_the_friendly_message() -> None:
    at = open_app(LESSON, lesson="no-such-lesson")
    assert values(at.title) == ["Lesson"]
    assert len(at.warning) == 1
    assert at.warning[0].value.startswith("This lesson can't be opened right now")
    assert "Everything else in the course still works." in at.warning[0].value
    assert page_links(at) == {"Back to the course": ""}


def test_lesson_without_id_lists_the_lessons() -> None:
    at = open_app(LESSON)
    assert values(at.title) == ["Lessons"]
    assert page_links(at) == {f"1. {LESSON_TITLE}": "lesson=alliance"}


@pytest.mark.parametrize(
    ("arrived_from", "banner"), [("timeline", FROM_TIMELINE), (None, FROM_A_LINK), ("elsewhere", FROM_A_LINK)]
)
def test_a_linked_passage_says_what_brought_the_reader_there(arrived_from: str | None, banner: str) -> None:
    params = {"lesson": "alliance", "passage": "p2", **({"from": arrived_from} if arrived_from else {})}
    at = open_app(LESSON, **params)
    assert [note for note in notes(at) if "my_location" in note] == [banner]


def test_linked_passage_is_highlighted_and_scrolled_to() -> None:
    at = open_app(LESSON, lesson="alliance", passage="p2", **{"from": "question"})
    assert notes(at).count(HIGHLIGHT) == 1
    boxes = [box for box in at.container if f":small[{HIGHLIGHT}]" in values(box.markdown)]
    innermost = min(boxes, key=lambda box: len(list(box.header)))
    assert values(innermost.header) == ["Later years"]
    assert [m for m in values(innermost.markdown) if "1999" in m] == [
        "In 1999 three countries joined; *Javier Solana* was Secretary General."
    ]
    scripts = [html.proto.body for html in at.html if "<script" in html.proto.body]
    assert len(scripts) == 1 and "getElementById('alliance-p2')" in scripts[0]


def test_unknown_passage_is_not_highlighted_nor_put_in_a_script() -> None:
    at = open_app(LESSON, lesson="alliance", passage="p9');alert(1);//")
    assert HIGHLIGHT not in notes(at)
    assert [html for html in at.html if "<script" in html.proto.body] == []
    assert values(at.header)[:2] == ["The founding", "Later years"]


# ---------------------------------------------------------------- timeline


def test_timeline_table_lists_events_with_dates_as_written() -> None:
    at = open_app(TIMELINE)
    assert values(at.title) == ["Timeline"]
    assert len(at.table) == 1
    table = at.table[0].value
    assert list(table.columns) == ["When", "Event", "Lesson"]
    assert table.values.tolist() == [
        ["4 April 1949", "Treaty signed", LESSON_TITLE],
        ["December 1995 – October 1999", "Solana in office", LESSON_TITLE],
    ]


# ---------------------------------------------------------------- quiz


def test_quiz_start_screen_shows_title_count_and_pass_mark() -> None:
    at = open_app(QUIZ, quiz="every-kind")
    assert values(at.title) == [QUIZ_TITLE]
    assert values(at.markdown)[0] == "**8 questions**. You pass with **50%**."
    assert labels(at) == ["Start the quiz"]
    assert answer_widgets(at) == 0


def test_starting_the_quiz_shows_question_1_of_8() -> None:
    at = started_quiz()
    assert values(at.title) == [QUIZ_TITLE]
    assert progress_text(at) == ["Question 1 of 8 · 1 point"]
    assert values(at.subheader) == ["In which year was the alliance founded?"]
    assert [t.label for t in at.text_input] == ["Your answer (a date)"]
    assert "Look at the first part of the lesson." in values(at.markdown)  # the hint
    assert labels(at) == ["Submit answer"]


def _store_down(*_args: Any, **_kwargs: Any) -> None:
    raise OSError("database is unreachable")


def test_quiz_that_cannot_be_saved_at_start_says_so_and_stays_on_the_start_screen(monkeypatch) -> None:
    at = open_app(QUIZ, quiz="every-kind")
    with monkeypatch.context() as patch:
        patch.setattr(ui.shared.state.store(), "start_attempt", _store_down)
        click(at, button(at, "Start the quiz"))
    assert values(at.error) == ["The quiz could not be started. Check the connection and try again."]
    assert labels(at) == ["Start the quiz"]
    assert "attempt" not in at.query_params
    # The connection is back: the same button works.
    click(at, button(at, "Start the quiz"))
    assert progress_text(at) == ["Question 1 of 8 · 1 point"]
    assert values(at.error) == []


def test_answer_that_cannot_be_saved_stays_on_screen_to_submit_again(monkeypatch) -> None:
    at = started_quiz()
    answer(at, "founded", "1949")
    with monkeypatch.context() as patch:
        patch.setattr(ui.shared.state.store(), "record_answer", _store_down)
        submit(at)
    assert values(at.error) == ["Your answer could not be saved. Check the connection and submit it again."]
    assert at.text_input[0].value == "1949"  # the student's answer is still there
    submit(at)
    assert values(at.error) == []
    assert values(at.success) == ["**Correct** — 1 of 1 point"]


def test_quiz_without_id_lists_the_quizzes() -> None:
    at = open_app(QUIZ)
    assert values(at.title) == ["Quizzes"]
    assert page_links(at) == {QUIZ_TITLE: "quiz=every-kind", "Keys that must stay on the server": "quiz=leak-check"}


RIGHT_DATE = "**Right answer:** 1949"
VERDICT_CASES = [
    # question, response, (alert kind, alert text), "your answer" line, "right answer" line, feedback line
    pytest.param(
        "founded",
        "1949",
        ("success", "**Correct** — 1 of 1 point"),
        "**Your answer:** 1949",
        None,
        None,
        id="date-right",
    ),
    pytest.param(
        "founded",
        "1950",
        ("warning", "**Partly right** — 0.5 of 1 point"),
        "**Your answer:** 1950",
        RIGHT_DATE,
        "Close\\: within 1 year\\(s\\)\\.",
        id="date-near",
    ),
    pytest.param(
        "founded",
        "1955",
        ("error", "**Not right** — 0 of 1 point"),
        "**Your answer:** 1955",
        RIGHT_DATE,
        "1955 is the year of the rival pact\\.",
        id="date-wrong-with-feedback",
    ),
    pytest.param(
        "founded",
        None,
        ("info", "**No answer** — 0 of 1 point"),
        "**Your answer:** \\(no answer\\)",
        RIGHT_DATE,
        "No answer was given\\.",
        id="date-blank",
    ),
    pytest.param(
        "secgen",
        "Javier Solanna",
        ("success", "**Correct** — 1 of 1 point"),
        "**Your answer:** Javier Solanna",
        None,
        "Accepted, allowing for spelling\\: 'Javier Solana'\\.",
        id="text-typo",
    ),
    pytest.param(
        "secgen",
        "Kofi Annan",
        ("error", "**Not right** — 0 of 1 point"),
        "**Your answer:** Kofi Annan",
        "**Right answer:** Javier Solana",
        None,
        id="text-wrong",
    ),
    pytest.param(
        "members",
        "14",
        ("error", "**Not right** — 0 of 1 point"),
        "**Your answer:** 14",
        "**Right answer:** 12",
        None,
        id="choice-one-wrong",
    ),
    pytest.param(
        "joined",
        ["Poland", "Hungary", "Croatia"],
        ("warning", "**Partly right** — 0.33 of 1 point"),
        "**Your answer:** Poland, Hungary, Croatia",
        "**Right answer:** Poland, Hungary, Czech Republic",
        None,
        id="choice-several-one-wrong-pick",
    ),
    pytest.param(
        "veto",
        "False",
        ("success", "**Correct** — 1 of 1 point"),
        "**Your answer:** False",
        None,
        None,
        id="true-false-right",
    ),
    pytest.param(
        "sequence",
        ORDER_KEY,
        ("success", "**Correct** — 1 of 1 point"),
        "**Your answer:** Treaty signed → Solana takes office → Three countries join",
        None,
        None,
        id="order-right-with-up-buttons",
    ),
    pytest.param(
        "sequence",
        ORDER_KEY[::-1],
        ("warning", "**Partly right** — 0.33 of 1 point"),
        "**Your answer:** Three countries join → Solana takes office → Treaty signed",
        "**Right answer:** Treaty signed → Solana takes office → Three countries join",
        "1 of 3 items are in the right order relative to each other\\.",
        id="order-reversed",
    ),
    pytest.param(
        "offices",
        {"Javier Solana": "NATO Secretary General", "Boris Yeltsin": "Prime Minister of Russia"},
        ("warning", "**Partly right** — 0.5 of 1 point"),
        "**Your answer:** Javier Solana → NATO Secretary General; Boris Yeltsin → Prime Minister of Russia",
        "**Right answer:** Javier Solana → NATO Secretary General; Boris Yeltsin → President of Russia",
        "1 of 2 pairs are right\\.",
        id="match-half",
    ),
    pytest.param(
        "count",
        3,
        ("success", "**Correct** — 1 of 1 point"),
        "**Your answer:** 3",
        None,
        None,
        id="number-right",
    ),
    pytest.param(
        "count",
        4,
        ("error", "**Not right** — 0 of 1 point"),
        "**Your answer:** 4",
        "**Right answer:** 3",
        None,
        id="number-wrong",
    ),
]


@pytest.mark.parametrize(("question_id", "response", "alert", "yours", "right", "feedback"), VERDICT_CASES)
def test_submitting_shows_the_verdict(
    question_id: str,
    response: Any,
    alert: tuple[str, str],
    yours: str,
    right: str | None,
    feedback: str | None,
) -> None:
    at = quiz_at(question_id)
    answer(at, question_id, response)
    submit(at)
    if response is None:  # a blank answer becomes final only when the student confirms it
        click(at, button(at, "Submit it empty"))
    kind, text = alert
    shown = {name: values(getattr(at, name)) for name in ("success", "warning", "error", "info")}
    assert shown == {name: [text] if name == kind else [] for name in shown}
    lines = paragraphs(at)
    assert yours in lines
    assert [line for line in lines if line.startswith("**Right answer:**")] == ([right] if right else [])
    if feedback:
        assert feedback in lines
    assert progress_text(at) == [f"Question {EVERY_KIND.index(question_id) + 1} of 8 · 1 point"]


def test_after_submitting_the_answer_can_no_longer_be_changed() -> None:
    at = quiz_at("founded")
    answer(at, "founded", "1955")
    submit(at)
    assert answer_widgets(at) == 0
    assert labels(at) == ["Next question"]
    run(at)  # a rerun keeps the verdict and still offers no way to answer again
    assert values(at.error) == ["**Not right** — 0 of 1 point"]
    assert answer_widgets(at) == 0
    assert live_attempt(at).responses == {"founded": "1955"}


def test_verdict_links_to_the_source_passage_and_explains() -> None:
    at = quiz_at("founded")
    answer(at, "founded", "1949")
    submit(at)
    assert page_links(at)["Read where this comes from"] == "lesson=alliance&passage=p1&from=question"
    assert "The treaty was signed in April 1949." in paragraphs(at)


def test_order_control_moves_items_with_up_and_down() -> None:
    at = quiz_at("sequence")
    start = order_shown(at)
    assert sorted(start) == sorted(ORDER_KEY) and start != ORDER_KEY  # scrambled, never the answer
    click(at, at.button(key="q:every-kind:sequence:down:0"))
    assert order_shown(at) == [start[1], start[0], start[2]]
    click(at, at.button(key="q:every-kind:sequence:up:2"))
    assert order_shown(at) == [start[1], start[2], start[0]]
    assert at.button(key="q:every-kind:sequence:up:0").disabled
    assert at.button(key="q:every-kind:sequence:down:2").disabled


def test_match_offers_every_choice_for_each_item() -> None:
    at = quiz_at("offices")
    assert [box.label for box in at.selectbox] == ["Javier Solana", "Boris Yeltsin"]
    for box in at.selectbox:
        assert box.value is None
        assert sorted(box.options) == ["NATO Secretary General", "President of Russia", "Prime Minister of Russia"]


def test_whole_quiz_one_question_at_a_time_ends_with_see_my_result() -> None:
    quiz = fixture_quiz()
    at = started_quiz()
    for number, question_id in enumerate(EVERY_KIND, start=1):
        assert progress_text(at) == [f"Question {number} of 8 · 1 point"]
        assert values(at.subheader) == [quiz.question(question_id).ask]
        answer(at, question_id, key_response(quiz.question(question_id)))
        submit(at)
        assert values(at.success) == ["**Correct** — 1 of 1 point"]
        assert answer_widgets(at) == 0
        last = number == len(EVERY_KIND)
        assert labels(at) == ([] if last else ["Next question"])
        if not last:
            click(at, button(at, "Next question"))
    attempt_id = at.session_state["attempt:every-kind"][0]
    assert page_links(at)["See my result"] == f"quiz=every-kind&attempt={attempt_id}"
    at.switch_page("ui/student/results.py")
    run(at)
    assert values(at.title) == ["Your result"]
    assert [metric.value for metric in at.metric] == ["8 / 8", "100%", "50%"]


def test_broken_quiz_shows_the_friendly_message_and_home_still_works() -> None:
    at = open_app(QUIZ, quiz="broken")
    assert values(at.title) == ["Quiz"]
    assert len(at.warning) == 1
    assert at.warning[0].value.startswith("This quiz can't be opened right now")
    assert labels(at) == []
    at.switch_page(HOME)
    at.query_params.clear()
    run(at)
    assert values(at.title) == ["Did Russia want to join NATO?"]
    assert f"1. {LESSON_TITLE}" in values(at.subheader)


def test_a_quiz_file_broken_on_disk_is_friendly_and_the_lesson_still_works(course_copy: Path) -> None:
    at = open_app(QUIZ, quiz="every-kind")
    assert values(at.title) == [QUIZ_TITLE]
    path = course_copy / "quizzes" / "every-kind.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("pass_mark: 50", "pass_mark: fifty"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a new version even on coarse clocks
    run(at)
    assert values(at.title) == ["Quiz"]
    assert at.warning[0].value.startswith("This quiz can't be opened right now")
    at.switch_page(LESSON)
    at.query_params.clear()
    at.query_params["lesson"] = "alliance"
    run(at)
    assert values(at.title) == [LESSON_TITLE]


def test_student_text_answer_is_shown_escaped() -> None:
    at = quiz_at("secgen")
    answer(at, "secgen", "**bold** <b>x</b>")
    submit(at)
    assert values(at.error) == ["**Not right** — 0 of 1 point"]
    assert "**Your answer:** \\*\\*bold\\*\\* \\<b\\>x\\</b\\>" in paragraphs(at)


# ---------------------------------------------------------------- results

# founded 1950: 0.5; secgen right; members wrong; joined right; veto right; sequence right; offices 0.5; count right
RESULT_RESPONSES = {
    "founded": "1950",
    "secgen": "Solana",
    "members": "14",
    "offices": {"Javier Solana": "NATO Secretary General", "Boris Yeltsin": "Prime Minister of Russia"},
}


def finished_quiz(responses: dict[str, Any]) -> AppTest:
    """The every-kind quiz answered to the end (right unless ``responses`` says otherwise), on the result page."""
    quiz = fixture_quiz()
    at = started_quiz()
    for question_id in EVERY_KIND:
        submit_answer(at, quiz, question_id, responses.get(question_id, key_response(quiz.question(question_id))))
    at.switch_page(RESULTS)
    return run(at)


def test_result_shows_score_percent_and_passed() -> None:
    at = finished_quiz(RESULT_RESPONSES)
    assert values(at.title) == ["Your result"]
    assert [(metric.label, metric.value) for metric in at.metric] == [
        ("Score", "6 / 8"),
        ("Percent", "75%"),
        ("Pass mark", "50%"),
    ]
    assert values(at.success) == ["**Passed**"]
    assert values(at.warning) == []


def test_result_has_score_by_topic_as_a_table_too() -> None:
    at = finished_quiz(RESULT_RESPONSES)
    (table,) = [m for m in values(at.markdown) if m.startswith("| Topic |")]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()]
    assert rows[0] == ["Topic", "Score", "Percent"] and set(rows[1]) == {"---"}
    # Cells are escaped like any shown text ("1\\.5" is drawn as 1.5); the scores are RESULT_RESPONSES' by topic.
    assert rows[2:] == [
        ["dates", escape("1.5 / 2"), "75%"],
        ["roles", escape("1.5 / 2"), "75%"],
        ["outcomes", "2 / 2", "100%"],
        ["context", "1 / 2", "50%"],
    ]


def test_result_says_not_passed_yet_below_the_pass_mark() -> None:
    at = finished_quiz(dict.fromkeys(EVERY_KIND))  # every question left blank
    assert [metric.value for metric in at.metric] == ["0 / 8", "0%", "50%"]
    assert values(at.warning) == ["**Not passed yet**"]
    assert values(at.success) == []
    assert labels(at) == ["Retry the 8 I missed", "Take the whole quiz again"]


def _review_blocks(at) -> list[list[str]]:
    """The question-by-question review (one Markdown element, a rule between questions): each question's lines."""
    (review,) = [m for m in values(at.markdown) if re.match(r"\*\*1\. ", m)]
    return [card.split("\n\n") for card in review.split(REVIEW_RULE)]


def test_result_reviews_every_question_with_the_right_answer_for_misses() -> None:
    at = finished_quiz(RESULT_RESPONSES)
    blocks = _review_blocks(at)
    assert [block[0] for block in blocks] == [
        f"**{number}. {fixture_quiz().question(qid).ask}**" for number, qid in enumerate(EVERY_KIND, start=1)
    ]
    assert [block[1] for block in blocks] == [
        ":material/contrast: **Partly right** — 0.5 of 1",
        ":material/check_circle: **Correct** — 1 of 1",
        ":material/cancel: **Not right** — 0 of 1",
        ":material/check_circle: **Correct** — 1 of 1",
        ":material/check_circle: **Correct** — 1 of 1",
        ":material/check_circle: **Correct** — 1 of 1",
        ":material/contrast: **Partly right** — 0.5 of 1",
        ":material/check_circle: **Correct** — 1 of 1",
    ]
    said = [(line.split(": ", 1)[0], line.split(": ", 1)[1]) for block in blocks for line in block[2:]]
    assert said == [
        ("Your answer", escape("1950")),
        ("Right answer", escape("1949")),
        ("Your answer", escape("Solana")),
        ("Your answer", escape("14")),
        ("Right answer", escape("12")),
        ("Your answer", escape("Poland, Hungary, Czech Republic")),
        ("Your answer", escape("False")),
        ("Your answer", escape("Treaty signed → Solana takes office → Three countries join")),
        ("Your answer", escape("Javier Solana → NATO Secretary General; Boris Yeltsin → Prime Minister of Russia")),
        ("Right answer", escape("Javier Solana → NATO Secretary General; Boris Yeltsin → President of Russia")),
        ("Your answer", escape("3")),
    ]


def test_result_shows_a_student_answer_literally() -> None:
    at = finished_quiz({"secgen": "**bold** <b>x</b>"})
    (block,) = [b for b in _review_blocks(at) if any(line.startswith("Your answer: \\*") for line in b)]
    # Every Markdown and HTML character is escaped, so the page shows exactly what was typed.
    assert "Your answer: \\*\\*bold\\*\\* \\<b\\>x\\</b\\>" in block
    assert not [m for m in values(at.markdown) if "<b>" in m or "**bold**" in m]


def test_retry_the_missed_starts_an_attempt_with_only_those() -> None:
    at = finished_quiz(RESULT_RESPONSES)
    assert labels(at) == ["Retry the 3 I missed", "Take the whole quiz again"]
    click(at, button(at, "Retry the 3 I missed"))
    assert at.query_params["quiz"] == "every-kind"
    assert at.query_params["attempt"] == at.session_state["attempt:every-kind"][0]
    assert values(at.title) == [QUIZ_TITLE]
    assert progress_text(at) == ["Question 1 of 3 · 1 point"]
    assert values(at.subheader) == ["In which year was the alliance founded?"]
    assert live_attempt(at).plan.question_ids == ("founded", "members", "offices")
    assert live_attempt(at).graded == {}


def test_a_new_attempt_that_cannot_be_saved_says_so_and_stays_on_the_result(monkeypatch) -> None:
    at = finished_quiz(RESULT_RESPONSES)
    finished = at.query_params["attempt"]
    with monkeypatch.context() as patch:
        patch.setattr(ui.shared.state.store(), "start_attempt", _store_down)
        click(at, button(at, "Take the whole quiz again"))
    assert values(at.error) == ["A new attempt could not be started. Check the connection and try again."]
    assert values(at.title) == ["Your result"] and at.query_params["attempt"] == finished
    click(at, button(at, "Take the whole quiz again"))  # the store is back: straight on to question 1
    assert values(at.title) == [QUIZ_TITLE] and progress_text(at) == ["Question 1 of 8 · 1 point"]
    assert at.query_params["attempt"] != finished


def test_home_shows_the_best_quiz_score_after_a_result() -> None:
    at = finished_quiz(RESULT_RESPONSES)
    at.switch_page(HOME)
    at.query_params.clear()
    run(at)
    assert ":material/radio_button_unchecked: Not read yet · Quiz best: 75%" in notes(at)
    assert f"{QUIZ_TITLE} — best so far 75%" in page_links(at)


def test_result_of_a_broken_quiz_is_friendly() -> None:
    at = open_app(RESULTS, quiz="broken")
    assert values(at.title) == ["Your result"]
    assert at.warning[0].value.startswith("This result can't be opened right now")


# ---------------------------------------------------------------- drawing and shuffling

DRAWN_QUIZ = "\n".join(
    [
        "id: drawn",
        "title: Drawn questions",
        "lessons: [alliance]",
        "draw: 3",
        "questions:",
        *[
            f"  - {{id: q{n}, kind: choice, ask: 'Question {n}?', options: [a{n}, b{n}, c{n}, d{n}], correct: [a{n}]}}"
            for n in range(1, 9)
        ],
    ]
)


@pytest.fixture
def drawn_course(course_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture course plus a quiz drawing 3 of 8 shuffled questions; attempt seeds from a seeded RNG."""
    (course_copy / "quizzes" / "drawn.yaml").write_text(DRAWN_QUIZ + "\n", encoding="utf-8")
    clear_content_caches()
    monkeypatch.setattr(ui.shared.state, "secrets", types.SimpleNamespace(randbits=random.Random(20240601).getrandbits))
    return course_copy


def test_drawn_quiz_start_screen_says_how_many_from_the_pool(drawn_course: Path) -> None:
    at = open_app(QUIZ, quiz="drawn")
    assert values(at.markdown)[0] == "**3 questions**, drawn from a pool of 8. You pass with **60%**."


def test_drawn_questions_and_option_order_stay_the_same_across_reruns(drawn_course: Path) -> None:
    at = started_quiz("drawn")
    plan = live_attempt(at, "drawn").plan
    assert len(plan.question_ids) == 3 == len(set(plan.question_ids))
    seen = (values(at.subheader), list(at.radio[0].options), progress_text(at))
    assert seen[2] == ["Question 1 of 3 · 1 point"]
    for _ in range(3):
        run(at)
        assert live_attempt(at, "drawn").plan == plan
        assert (values(at.subheader), list(at.radio[0].options), progress_text(at)) == seen


def test_each_new_attempt_draws_afresh(drawn_course: Path) -> None:
    pool = {f"q{n}" for n in range(1, 9)}
    draws = []
    for _ in range(6):
        at = started_quiz("drawn")
        ids = live_attempt(at, "drawn").plan.question_ids
        assert len(set(ids)) == 3 and set(ids) <= pool
        assert values(at.subheader) == [f"Question {ids[0][1:]}?"]
        draws.append(frozenset(ids))
    assert len(set(draws)) > 1


# ---------------------------------------------------------------- draft questions and edits during an attempt


def _write_quiz(course: Path, quiz_id: str, head: str, questions: list[str]) -> None:
    lines = [f"id: {quiz_id}", f"title: Quiz {quiz_id}", "lessons: [alliance]", head, "questions:"]
    (course / "quizzes" / f"{quiz_id}.yaml").write_text("\n".join([*lines, *questions]) + "\n", encoding="utf-8")
    clear_content_caches()


def _number_question(name: str, status: str = "ready") -> str:
    return f"  - {{id: {name}, kind: number, ask: 'How many {name}?', answer: 3, status: {status}}}"


def test_quiz_of_draft_questions_only_offers_no_empty_attempt(course_copy: Path) -> None:
    _write_quiz(course_copy, "drafts", "shuffle: false", [_number_question("a", "draft")])
    at = open_app(QUIZ, quiz="drafts")
    assert "Start the quiz" not in labels(at)
    assert not [m for m in values(at.markdown) if m.startswith("**0 questions**")]


def test_drawn_quiz_with_drafts_announces_as_many_questions_as_it_asks(course_copy: Path) -> None:
    questions = [_number_question("a"), _number_question("b"), *[_number_question(n, "draft") for n in "cd"]]
    _write_quiz(course_copy, "some-drafts", "draw: 3", questions)
    at = open_app(QUIZ, quiz="some-drafts")
    announced = values(at.markdown)[0].split("**")[1]  # "**N questions**..."
    click(at, button(at, "Start the quiz"))
    asked = len(live_attempt(at, "some-drafts").plan.question_ids)
    assert asked == 2
    assert announced == f"{asked} questions"
    assert progress_text(at) == [f"Question 1 of {asked} · 1 point"]


def _rename_question(course: Path, old: str, new: str) -> None:
    path = course / "quizzes" / "every-kind.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"id: {old}\n", f"id: {new}\n"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))


def test_quiz_edited_by_the_teacher_during_an_attempt_does_not_crash(course_copy: Path) -> None:
    at = started_quiz()
    _rename_question(course_copy, "founded", "founded-year")
    run(at)
    assert values(at.title) == [QUIZ_TITLE]
    assert {"Start the quiz", "Submit answer"} & set(labels(at))


def test_result_of_a_quiz_edited_after_the_attempt_does_not_crash(course_copy: Path) -> None:
    at = finished_quiz(RESULT_RESPONSES)
    _rename_question(course_copy, "members", "founding-members")
    run(at)
    assert values(at.title) == ["Your result"]


# ---------------------------------------------------------------- caching


def test_content_is_parsed_once_per_file_version_not_on_every_rerun(
    course_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    real_load = classroom.content.library.load_file  # what the app's cached loader reads with

    def counting_load(path: Any, *args: Any, **kwargs: Any) -> Any:
        parsed.append(Path(path).name)
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(classroom.content.library, "load_file", counting_load)
    at = open_app(QUIZ, quiz="every-kind")
    first = sorted(parsed)
    assert first == sorted(p.name for p in course_copy.rglob("*.yaml"))
    for _ in range(3):
        run(at)
    click(at, button(at, "Start the quiz"))
    assert sorted(parsed) == first  # reruns and a click parse nothing again

    edited = course_copy / "lessons" / "alliance.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("A test lesson", "An edited lesson"), encoding="utf-8")
    run(at)
    assert sorted(parsed) == sorted([*first, "alliance.yaml"])  # only the edited file, once


# ---------------------------------------------------------------- a store that cannot write (issue 14, finding 7)


def test_when_the_store_cannot_write_no_screen_says_answers_were_kept(monkeypatch):
    """A read-only database used to get "Your answers so far are kept" from the crash box: never claim a save."""

    def read_only(*args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(ui.shared.state, "last_place", read_only)  # the home page asks the store for it
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    shown = [e.value for e in at.error]
    crash = [text for text in shown if text.startswith(CRASH)]
    assert crash and "may not have been saved" in crash[0]
    claims = [text for text in [*shown, *values(at.markdown)] if re.search(r"\b(are|were) (kept|saved)\b", text)]
    assert claims == []


# ---------------------------------------------------------------- before an answer becomes final

EMPTY = "No answer yet. Submit an empty answer? It scores 0 and cannot be changed."


def test_an_empty_submit_asks_first_and_keeps_the_question_open() -> None:
    at = started_quiz()
    submit(at)
    assert values(at.warning) == [EMPTY]
    assert labels(at) == ["Submit answer", "Submit it empty"]
    assert live_attempt(at).responses == {}
    assert progress_text(at) == ["Question 1 of 8 · 1 point"]


def test_answering_after_the_question_submits_the_answer() -> None:
    at = started_quiz()
    submit(at)
    answer(at, "founded", "1949")
    submit(at)
    assert values(at.success) == ["**Correct** — 1 of 1 point"]


def test_submit_it_empty_makes_the_blank_answer_final() -> None:
    at = started_quiz()
    submit(at)
    click(at, button(at, "Submit it empty"))
    assert values(at.info) == ["**No answer** — 0 of 1 point"]
    assert live_attempt(at).graded["founded"].verdict == "blank"
    assert labels(at) == ["Next question"]


def test_an_unreadable_date_names_the_form_and_keeps_the_attempt_open() -> None:
    at = started_quiz()
    answer(at, "founded", "the late forties")
    submit(at)
    assert values(at.warning) == ["“the late forties” is not a date I can read. Write a year (for example 1991)."]
    assert live_attempt(at).responses == {}
    assert at.text_input(key="q:every-kind:founded").value == "the late forties"  # nothing typed is lost
    answer(at, "founded", "1949")
    submit(at)
    assert values(at.warning) == []
    assert values(at.success) == ["**Correct** — 1 of 1 point"]


def test_date_and_number_forms_are_shown_as_help_text_not_a_placeholder() -> None:
    at = started_quiz()
    assert at.text_input(key="q:every-kind:founded").placeholder == ""
    assert "Write a year (for example 1991)." in notes(at)
    at = quiz_at("count")
    assert "Write the number in digits, for example 12 or 3.5." in notes(at)


def test_quizzes_are_listed_in_course_order() -> None:
    at = open_app(QUIZ)
    assert list(page_links(at).values()) == ["quiz=every-kind", "quiz=leak-check"]
