"""The kiosk's screens through AppTest: app.py in kiosk mode, on the fixture course.

What a browser's script does (the idle countdown) is tested in tests/browser/test_kiosk.py;
here the server's side: which pages exist, each screen, the reset that forgets a visitor,
and where the kiosk's anonymous attempts are filed.
"""

from __future__ import annotations

import logging
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import streamlit
from streamlit.testing.v1 import AppTest

import classroom.kiosk
import ui.kiosk.state
import ui.shared.course
import ui.shared.state
from classroom.results.store import attempts
from support import ROOT, TESTDATA
from ui.kiosk import keypad
from ui.shared.safe import escape

APP = ROOT / "app.py"
COURSE = TESTDATA / "course"
CRASH = "Something went wrong on this screen."
CONFIG = """\
name: test-kiosk
title: Welcome to the test kiosk
welcome: Read a lesson or take a quiz.
lessons: [alliance]
quizzes: [every-kind, broken, leak-check]
idle_seconds: 40
warning_seconds: 12
result_seconds: 25
"""


class _Log(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def crashes() -> Iterator[_Log]:
    handler = _Log()
    logger = logging.getLogger("classroom")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)


@pytest.fixture
def kiosk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crashes: _Log) -> Iterator[Any]:
    """Put this process in kiosk mode with a kiosk file of the test's own; returns a writer for that file."""
    path = tmp_path / "kiosk.yaml"

    def _configure(text: str = CONFIG, content: Path = COURSE) -> Path:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        monkeypatch.setitem(classroom.kiosk._STARTED, "mode", "kiosk")
        monkeypatch.setenv("CLASSROOM_KIOSK_CONFIG", str(path))
        monkeypatch.setattr(ui.shared.course, "CONTENT_ROOT", content)
        monkeypatch.setenv("CLASSROOM_CONTENT", str(content))  # the engine's era words (course.yaml) too
        _clear()
        return path

    _configure()
    yield _configure
    _clear()


def _clear() -> None:
    ui.shared.course._load_file.clear()
    ui.shared.course._assemble.clear()
    ui.kiosk.state._load.clear()
    ui.kiosk.state._class_id.clear()


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not [e.value for e in at.error if e.value.startswith(CRASH)]
    return at


def open_kiosk() -> AppTest:
    return run(AppTest.from_file(str(APP), default_timeout=30))


def labels(at: AppTest) -> list[str]:
    """Visible button labels (the hidden reset button is left out)."""
    return [b.label for b in at.button if b.key not in ("kiosk-reset", "kiosk-refresh")]


def press(at: AppTest, label: str) -> AppTest:
    found = [b for b in at.button if b.label == label]
    assert len(found) == 1, f"expected one {label!r} button, found {labels(at)}"
    found[0].click()
    return run(at)


def watcher_config(at: AppTest) -> str:
    scripts = [h.proto.body for h in at.html if "__classroomKiosk" in h.proto.body]
    assert len(scripts) == 1, "every kiosk screen has exactly one idle watcher"
    return scripts[0].split("const cfg = ", 1)[1].split(";", 1)[0]


def values(elements: Any) -> list[Any]:
    return [element.value for element in elements]


def stored_attempts() -> list[Any]:
    with ui.shared.state.store().engine.connect() as conn:
        return conn.execute(sa.select(attempts).order_by(attempts.c.started_at)).all()


# ---------------------------------------------------------------- pages and the URL


def test_kiosk_mode_registers_only_the_kiosk_page(kiosk, monkeypatch):
    made: list[str] = []
    real = streamlit.Page

    def record(page: Any, **kwargs: Any) -> Any:
        made.append(str(page))
        return real(page, **kwargs)

    monkeypatch.setattr(streamlit, "Page", record)
    open_kiosk()
    assert made == ["ui/kiosk/page.py"]  # no page object of the classroom, let alone the teacher's room


@pytest.mark.parametrize(
    "page", ["ui/teacher/room.py", "ui/student/home.py", "ui/student/quiz.py", "ui/student/results.py"]
)
def test_no_other_page_can_be_reached(kiosk, page):
    at = open_kiosk()
    with pytest.raises(ValueError, match=r"Known pages: \['.*/ui/kiosk/page\.py'\]"):
        at.switch_page(page)


def test_query_parameters_are_dropped_on_arrival(kiosk):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params.update({"page": "teacher", "attempt": "stolen-token", "quiz": "every-kind"})
    run(at)
    assert values(at.title) == ["Welcome to the test kiosk"]
    assert dict(at.query_params) == {}


def test_an_unknown_mode_shows_an_error_and_no_page(kiosk, monkeypatch):
    monkeypatch.delitem(classroom.kiosk._STARTED, "mode")
    monkeypatch.setenv("CLASSROOM_MODE", "kiosks")
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    assert values(at.error) == ["CLASSROOM_MODE is 'kiosks': use 'kiosk' or 'classroom' (or leave it unset)"]
    assert not at.title and not at.button


# ---------------------------------------------------------------- the screens


def test_attract_screen_has_the_title_and_two_big_buttons(kiosk):
    at = open_kiosk()
    assert values(at.title) == ["Welcome to the test kiosk"]
    assert "Read a lesson or take a quiz." in values(at.markdown)
    assert labels(at) == ["Read a lesson", "Take a quiz"]
    assert watcher_config(at) == '{"idle": 0, "warn": 12, "result": 0, "view": "attract"}'  # nothing to forget


def test_quiz_chooser_leaves_out_the_broken_quiz(kiosk, caplog):
    at = press(open_kiosk(), "Take a quiz")
    assert values(at.title) == ["Choose a quiz"]
    assert labels(at) == [
        "Back",
        "One question of every kind (8 questions)",
        "Keys that must stay on the server (4 questions)",
    ]
    assert watcher_config(at) == '{"idle": 40, "warn": 12, "result": 0, "view": "quizzes"}'


def test_lesson_reader_pages_through_the_parts_then_offers_the_quiz(kiosk):
    at = press(press(open_kiosk(), "Read a lesson"), "1. A test lesson about an alliance")
    assert values(at.title) == ["A test lesson about an alliance"]
    assert values(at.header) == ["The founding"]
    assert ":small[Part 1 of 3]" in values(at.markdown)
    assert labels(at) == ["All lessons", "Start over", "Next part"]
    at = press(at, "Next part")
    assert values(at.header) == ["Later years"]
    assert labels(at) == ["All lessons", "Start over", "Previous part", "Next part"]
    at = press(at, "Next part")
    assert values(at.header) == ["Check the claim"]
    assert at.error[0].value.startswith("**Check the claim — The record says otherwise**")
    assert labels(at) == ["All lessons", "Start over", "Previous part", "Take the quiz"]
    assert '"view": "lesson:alliance:2"' in watcher_config(at)
    at = press(at, "Take the quiz")
    assert values(at.title) == ["One question of every kind"]
    assert labels(at) == ["All quizzes", "Start over", "Start the quiz"]


def test_a_quiz_is_filed_anonymously_under_the_kiosk_and_its_class(kiosk):
    room = ui.shared.state.store().create_class("History 9B")
    kiosk(CONFIG + f"class: {room.join_code}\n")
    before = len(stored_attempts())
    at = press(
        press(press(open_kiosk(), "Take a quiz"), "Keys that must stay on the server (4 questions)"), "Start the quiz"
    )
    assert values(at.header) == ["Which day is the secret date?"]
    rows = stored_attempts()[before:]
    assert [(row.quiz_id, row.student_id, row.class_id, row.kiosk) for row in rows] == [
        ("leak-check", None, room.id, "test-kiosk")
    ]
    assert "attempt" not in at.query_params  # the resume token never reaches the URL
    assert all(rows[0].id not in str(key) for key in at.session_state)  # nor a widget key


def test_a_missing_class_files_attempts_without_one(kiosk, crashes):
    kiosk(CONFIG + "class: NOSUCH\n")
    before = len(stored_attempts())
    press(press(press(open_kiosk(), "Take a quiz"), "One question of every kind (8 questions)"), "Start the quiz")
    rows = stored_attempts()[before:]
    assert [(row.class_id, row.kiosk) for row in rows] == [(None, "test-kiosk")]


def submit_as_is(at: AppTest) -> AppTest:
    """Submit; a blank answer asks first ("Submit an empty answer?"), and the visitor confirms."""
    at = press(at, "Submit answer")
    if "Submit it empty" in labels(at):
        assert at.warning[0].value.startswith("No answer yet. Submit an empty answer?")
        at = press(at, "Submit it empty")
    return at


def answer_leak_check(at: AppTest) -> AppTest:
    """Answer the four questions of the leak-check quiz (the first one right)."""
    at.text_input[0].input("17 July 1777")
    at = press(at, "Submit answer")
    assert at.success[0].value == "**Correct** — 1 of 1 point"
    assert labels(at)[:2] == ["Start over", "Next question"]  # the next step right under the verdict
    for _ in range(3):
        at = press(at, "Next question")
        at = submit_as_is(at)
    return at


def test_result_shows_the_score_and_counts_down(kiosk):
    at = press(
        press(press(open_kiosk(), "Take a quiz"), "Keys that must stay on the server (4 questions)"), "Start the quiz"
    )
    at = answer_leak_check(at)
    assert labels(at) == ["Start over", "See my result"]
    at = press(at, "See my result")
    assert values(at.title) == ["Your result: 25%"]
    assert labels(at) == ["Start over now", "Try another quiz"]
    assert watcher_config(at) == '{"idle": 40, "warn": 12, "result": 25, "view": "result:leak-check"}'
    body = next(h.proto.body for h in at.html if "__classroomKiosk" in h.proto.body)
    assert 'Starting over in <strong data-kiosk-result-count="">25</strong> s' in body
    finished = stored_attempts()[-1]
    assert (finished.quiz_id, finished.percent, finished.kiosk) == ("leak-check", 25.0, "test-kiosk")
    at = press(at, "Try another quiz")
    assert values(at.title) == ["Choose a quiz"]
    assert not [k for k in at.session_state if str(k).startswith(("kq:", "kiosk:attempt"))]


def test_reset_forgets_everything_of_the_visitor(kiosk):
    at = press(press(press(open_kiosk(), "Take a quiz"), "One question of every kind (8 questions)"), "Start the quiz")
    at.text_input[0].input("1955")
    at = press(at, "Submit answer")
    at = press(at, "Next question")
    at.text_input[0].input("half-typed")
    assert at.session_state.keys()  # answers, attempt, screen …
    at.button(key="kiosk-reset").click()  # what the idle watcher presses when the countdown ends
    run(at)
    assert values(at.title) == ["Welcome to the test kiosk"]
    left = set(at.session_state)
    assert left <= {"kiosk-reset", "kiosk-refresh", "kiosk-go-lessons", "kiosk-go-quizzes"}, left
    # The next visitor starts the same quiz afresh: empty widgets, question 1.
    at = press(press(press(at, "Take a quiz"), "One question of every kind (8 questions)"), "Start the quiz")
    assert [t.value for t in at.text_input] == [""]
    assert at.progress[0].proto.text == "One question of every kind — question 1 of 8"


def _widget_records(at: AppTest) -> int:
    """How many widgets Streamlit remembers for this session (its internal metadata)."""
    return len(at._session_state._state._new_widget_state.widget_metadata)


def test_a_day_of_visitors_leaves_no_widgets_behind(kiosk):
    """Each visit draws widgets with keys of its own; after the reset none of them may stay."""
    at = open_kiosk()
    remembered = []
    for _ in range(4):
        at = press(press(press(at, "Take a quiz"), "Keys that must stay on the server (4 questions)"), "Start the quiz")
        at = answer_leak_check(at)
        at = press(at, "See my result")
        at.button(key="kiosk-reset").click()
        run(at)
        assert values(at.title) == ["Welcome to the test kiosk"]
        remembered.append(_widget_records(at))
    assert remembered == [remembered[0]] * 4, remembered
    assert remembered[0] <= 4  # the welcome screen's own buttons


def test_start_over_button_resets_too(kiosk):
    at = press(press(press(open_kiosk(), "Read a lesson"), "1. A test lesson about an alliance"), "Next part")
    at = press(at, "Start over")
    assert values(at.title) == ["Welcome to the test kiosk"]
    assert "kiosk:screen" not in at.session_state


def test_every_question_kind_draws_without_error(kiosk):
    at = press(press(press(open_kiosk(), "Take a quiz"), "One question of every kind (8 questions)"), "Start the quiz")
    asked = []
    for number in range(1, 9):
        asked.append(at.header[0].value)
        assert at.progress[0].proto.text == f"One question of every kind — question {number} of 8"
        at = submit_as_is(at)  # blank answers are allowed once confirmed (an order question keeps its order)
        verdicts = [*at.success, *at.warning, *at.error, *at.info]
        assert len(verdicts) == 1 and verdicts[0].value.startswith(("**No answer**", "**Not right**", "**Partly"))
        if number < 8:
            at = press(at, "Next question")
    assert len(set(asked)) == 8
    assert labels(at) == ["Start over", "See my result"]


# ---------------------------------------------------------------- problems


def test_a_config_error_shows_where_it_is(kiosk):
    kiosk("quizzes: every-kind\nidle_seconds: soon\n")
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    assert values(at.title) == ["This kiosk is not set up yet"]
    assert "has 2 problem(s)" in at.error[0].value
    assert [line.rsplit("/", 1)[-1] for line in at.code[0].value.splitlines()] == [
        "kiosk.yaml:1:10: quizzes: expected a list (like [a, b], or lines starting with '- '), not 'every-kind'",
        "kiosk.yaml:2:15: idle_seconds: expected a whole number, not 'soon'",
    ]
    assert labels(at) == []


def test_a_quiz_that_breaks_during_a_visit_is_left_out(kiosk, tmp_path):
    content = tmp_path / "course"
    shutil.copytree(COURSE, content)
    kiosk(CONFIG, content)
    at = press(press(open_kiosk(), "Take a quiz"), "Keys that must stay on the server (4 questions)")
    (content / "quizzes" / "leak-check.yaml").write_text("id: leak-check\ntitle: [broken\n", encoding="utf-8")
    at = press(at, "Start the quiz")
    assert values(at.title) == ["This quiz is not available right now"]
    assert labels(at) == ["All quizzes", "Start over"]
    at = press(at, "All quizzes")
    assert labels(at) == ["Back", "One question of every kind (8 questions)"]


def test_nothing_to_offer_says_so_kindly(kiosk):
    kiosk("quizzes: [broken]\n")
    at = open_kiosk()
    assert values(at.info) == ["Nothing to show here right now. Please come back later."]
    assert labels(at) == []


def test_a_store_that_cannot_start_the_attempt_is_said_kindly(kiosk, monkeypatch, crashes):
    at = press(press(open_kiosk(), "Take a quiz"), "Keys that must stay on the server (4 questions)")

    def broken(*args: Any, **kwargs: Any) -> str:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(ui.shared.state.store(), "start_attempt", broken)
    at = press(at, "Start the quiz")
    assert values(at.error) == ["The quiz could not start just now. Please try again in a moment."]
    assert labels(at) == ["All quizzes", "Start over", "Start the quiz"]
    assert crashes.lines == ["kiosk: could not start an attempt at leak-check"]


# ---------------------------------------------------------------- on-screen keys for dates and numbers

EVERY_KIND_QUIZ = "One question of every kind (8 questions)"
LEAK_QUIZ = "Keys that must stay on the server (4 questions)"


def tap(at: AppTest, *keys: str) -> AppTest:
    for key in keys:
        at = press(at, key)
    return at


def test_a_year_is_written_with_the_number_pad(kiosk):
    at = press(press(press(open_kiosk(), "Take a quiz"), EVERY_KIND_QUIZ), "Start the quiz")
    assert [t.label for t in at.text_input] == ["Year"]  # a year question: no month or day to pick
    assert labels(at)[1:13] == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "Delete", "Clear"]
    at = tap(at, "1", "9", "4", "8")
    assert at.text_input[0].value == "1948"
    at = tap(at, "Delete", "9")
    assert at.text_input[0].value == "1949"
    at = press(at, "Submit answer")
    assert at.success[0].value == "**Correct** — 1 of 1 point"


def test_a_full_date_is_picked_as_day_month_and_year(kiosk):
    at = press(press(press(open_kiosk(), "Take a quiz"), LEAK_QUIZ), "Start the quiz")
    assert [s.label for s in at.selectbox] == ["Day"]
    assert [t.label for t in at.text_input] == ["Year"]
    at.selectbox[0].set_value(17)
    at = run(at)
    at.button_group[0].set_value("July")
    at = run(at)
    at = tap(at, "1", "7", "7", "7")
    at = press(at, "Submit answer")
    assert at.success[0].value == "**Correct** — 1 of 1 point"


def test_a_date_with_no_year_is_held_back_with_the_form_expected(kiosk):
    at = press(press(press(open_kiosk(), "Take a quiz"), LEAK_QUIZ), "Start the quiz")
    at.button_group[0].set_value("July")
    at = press(run(at), "Submit answer")
    assert [w.value for w in at.warning] == [
        "“July” is not a date I can read. Write a full date (for example 26 December 1991)."
    ]
    assert "Next question" not in labels(at)


def test_a_number_is_written_with_the_number_pad(kiosk):
    at = press(press(press(open_kiosk(), "Take a quiz"), EVERY_KIND_QUIZ), "Start the quiz")
    for _ in range(7):
        at = press(submit_as_is(at), "Next question")
    assert [t.label for t in at.text_input] == ["Your answer (a number)"]
    at = tap(at, "3", ".", "5")
    assert at.text_input[0].value == "3.5"
    at = tap(at, "Clear", "3")
    at = press(at, "Submit answer")
    assert at.success[0].value == "**Correct** — 1 of 1 point"


# ---------------------------------------------------------------- dates of every form: eras, centuries, decades

ROME = ROOT / "courses" / "rome"
ROME_CONFIG = """\
name: rome-kiosk
title: Ancient Rome
lessons: [rome-republic]
quizzes: [rome-republic-quiz, rome-empire-end-quiz]
"""
ROME_QUIZZES = {
    "rome-republic-quiz": "Lesson 1 quiz: kings, Carthage and the Ides of March (8 questions)",
    "rome-empire-end-quiz": "Lesson 2 quiz: the Empire's long ending (7 questions)",
}
# Each date question of the Rome course (era BCE/CE): the number-pad label, what to pick, what the keys write.
ROME_DATES: dict[str, dict[str, Any]] = {
    "On which day was Julius Caesar killed?": {
        "label": "Year",
        "day": 15,
        "month": "March",
        "keys": "44",
        "era": "BCE",
        "says": "15 March 44 BCE",
    },
    "In which year, by Roman tradition, was the last king driven out and the Republic begun?": {
        "label": "Year",
        "keys": "509",
        "era": "BCE",
        "says": "509 BCE",
    },
    "In which century did the First Punic War begin?": {
        "label": keypad.NUMBER_LABELS["century"],
        "keys": "3",
        "era": "BCE",
        "says": "the 3rd century BCE",
    },
    'In which decade did the Julian calendar come into use? (Answer with a decade, like "the 60s BCE".)': {
        "label": keypad.NUMBER_LABELS["decade"],
        "keys": "40",
        "era": "BCE",
        "says": "the 40s BCE",
    },
    "In which year did Vesuvius bury Pompeii?": {"label": "Year", "keys": "79", "says": "79 CE"},
    "Roughly when did the building of Hadrian's Wall begin? A year within ten of the usual date counts.": {
        "label": "Year",
        "keys": "122",
        "circa": True,
        "says": "c. 122 CE",
    },
    "On which day was Constantinople dedicated as the new capital?": {
        "label": "Year",
        "day": 11,
        "month": "May",
        "keys": "330",
        "says": "11 May 330 CE",
    },
    "In which century did the last emperor in the west lose his throne?": {
        "label": keypad.NUMBER_LABELS["century"],
        "keys": "5",
        "says": "the 5th century CE",
    },
}


def group(at: AppTest, label: str) -> Any:
    found = [g for g in at.button_group if g.label == label]
    assert len(found) == 1, f"expected one {label!r} button group, found {[g.label for g in at.button_group]}"
    return found[0]


def pick_date(at: AppTest, plan: dict[str, Any]) -> AppTest:
    """Answer a date question the way a visitor does: choose, tap the digits, choose the era."""
    assert [t.label for t in at.text_input] == [plan["label"]]
    assert group(at, "Era").options == ["BCE", "CE"]  # the course's own words (courses/rome/course.yaml)
    assert group(at, "Era").value == "CE"  # the later era until the visitor picks the other
    assert [s.label for s in at.selectbox] == (["Day"] if "day" in plan else [])
    if "day" in plan:
        at.selectbox[0].set_value(plan["day"])
        at = run(at)
    if "month" in plan:
        group(at, "Month").set_value(plan["month"])
        at = run(at)
    at = tap(at, *plan["keys"])
    if "era" in plan:
        group(at, "Era").set_value(plan["era"])
        at = run(at)
    if plan.get("circa"):
        group(at, "Roughly?").set_value(keypad.CIRCA)
        at = run(at)
    assert f"Your answer: **{escape(plan['says'])}**" in values(at.markdown)
    return at


def start_rome_quiz(kiosk: Any, quiz_id: str) -> AppTest:
    kiosk(ROME_CONFIG, ROME)
    return press(press(press(open_kiosk(), "Take a quiz"), ROME_QUIZZES[quiz_id]), "Start the quiz")


@pytest.mark.parametrize("quiz_id", list(ROME_QUIZZES))
def test_every_date_question_of_the_rome_course_is_answered_with_keys(kiosk, quiz_id):
    """BCE days and years, a century of each era, a decade BCE and a circa year: all by taps, all right."""
    at = start_rome_quiz(kiosk, quiz_id)
    answered = []
    count = int(ROME_QUIZZES[quiz_id].rsplit("(", 1)[1].split()[0])
    for number in range(1, count + 1):
        ask = at.header[0].value
        if ask in ROME_DATES:
            at = pick_date(at, ROME_DATES[ask])
            at = press(at, "Submit answer")
            assert at.success[0].value == "**Correct** — 1 of 1 point", (ask, values(at.warning), values(at.error))
            answered.append(ask)
        else:
            at = submit_as_is(at)
        if number < count:
            at = press(at, "Next question")
    assert len(answered) == {"rome-republic-quiz": 4, "rome-empire-end-quiz": 4}[quiz_id]


def rome_question(kiosk: Any, ask: str) -> AppTest:
    """The Rome quiz at the question that asks ``ask`` (the quiz is shuffled: skip the others blank)."""
    quiz_id = "rome-republic-quiz" if "Caesar" in ask or "Punic" in ask or "Julian" in ask else "rome-empire-end-quiz"
    at = start_rome_quiz(kiosk, quiz_id)
    while at.header[0].value != ask:
        at = press(submit_as_is(at), "Next question")
    return at


def test_the_wrong_era_is_graded_by_the_engine_with_its_feedback(kiosk):
    at = rome_question(kiosk, "In which century did the First Punic War begin?")
    assert values(at.markdown)[0] == (
        "Give a century (for example the 3rd century BCE). Tap its number (3 for the 3rd century), then the era."
    )
    at = press(tap(at, "3"), "Submit answer")  # the era left at CE
    assert at.error[0].value == "**Not right** — 0 of 1 point"
    details = values(at.markdown)[0].split("\n\n")  # one Markdown block under the verdict
    assert details[:3] == [
        "**Your answer:** the 3rd century CE",
        "**Right answer:** the 3rd century BCE",
        escape("Right number, wrong era. The Punic Wars were fought before the Common Era."),
    ]


def test_a_decade_that_does_not_end_in_0_is_held_back_with_the_form_expected(kiosk):
    at = rome_question(kiosk, next(ask for ask in ROME_DATES if "decade" in ask))
    at = press(tap(at, "4", "5"), "Submit answer")
    assert values(at.warning) == ["“45s CE” is not a date I can read. Write a decade (for example the 1960s)."]
    assert "Next question" not in labels(at)


def test_a_course_in_bc_ad_offers_bc_and_ad(kiosk):
    at = press(press(press(open_kiosk(), "Take a quiz"), EVERY_KIND_QUIZ), "Start the quiz")
    assert group(at, "Era").options == ["BC", "AD"]
    assert group(at, "Era").value == "AD"
    assert [g.label for g in at.button_group] == ["Era", "Roughly?"]
    at = tap(at, "1", "9", "4", "9")
    assert "Your answer: **1949**" in values(at.markdown)
    group(at, "Era").set_value("BC")
    at = run(at)
    assert "Your answer: **1949 BC**" in values(at.markdown)
    at = press(at, "Submit answer")
    assert at.error[0].value == "**Not right** — 0 of 1 point"
