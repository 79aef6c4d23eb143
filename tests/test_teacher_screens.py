"""The teacher's room through AppTest: the sign-in gate, classes, dashboard, item analysis, export, content.

Each test gets its own results database and password file in ``tmp_path``
(the store and the throttle are ``st.cache_resource``'d per process, so the
fixture clears them) and the fixture course of ``tests/testdata/course``, or a
writable copy of it when a test changes files.

The bytes handed to ``st.download_button`` are caught where Streamlit stores
them (the media file storage AppTest creates for each run, or the deferred
callable for a download made on click), so the tests check the very file a
teacher would get.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

import ui.shared.course
import ui.shared.state
import ui.teacher.auth
from app_fixtures import COURSE, clear_content_caches, course_copy, use_course  # noqa: F401 (pytest fixtures)
from classroom import auth
from classroom.content.load import load_course
from classroom.content.models import Quiz
from classroom.limits import PREVIEW_PAGE_QUESTIONS
from classroom.people import signin, throttle
from classroom.quiz import answering
from classroom.quiz.grading import key_response
from classroom.results import analysis
from classroom.results.store import ClassRoom, Store

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TEACHER = "ui/teacher/room.py"
PASSWORD = "correct horse battery"
CRASH = "Something went wrong on this screen."
TAB_KEY = "teacher:tab"
TABS = [
    "Classes",
    "Gradebook",
    "Dashboard",
    "Item analysis",
    "Export",
    "Content",
    "Preview",
    "Review drafts",
    "Import questions",
]


# ---------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A fresh results database and no teacher password; the store the test seeds is the app's database."""
    url = f"sqlite:///{tmp_path / 'results.db'}"
    monkeypatch.setenv("CLASSROOM_DATABASE_URL", url)
    monkeypatch.setenv("CLASSROOM_TEACHER_PASSWORD_FILE", str(tmp_path / "teacher-password"))
    ui.shared.state.store.clear()
    opened = Store(url)
    yield opened
    opened.close()
    ui.shared.state.store.clear()


@pytest.fixture
def password() -> str:
    auth.set_password(PASSWORD)
    return PASSWORD


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The clock the database throttle reads; move it with ``clock[0] += seconds``."""
    now = [1000.0]
    monkeypatch.setattr(throttle, "time", SimpleNamespace(time=lambda: now[0]))
    return now


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """file id -> the bytes (or the callable making them) given to st.download_button."""
    found: dict[str, Any] = {}
    stored = MemoryMediaFileStorage.load_and_get_id
    deferred = MediaFileManager.add_deferred

    def keep(self: Any, path_or_data: Any, mimetype: str, kind: Any, filename: str | None = None) -> str:
        file_id = stored(self, path_or_data, mimetype, kind, filename)
        found[file_id] = path_or_data
        return file_id

    def keep_deferred(self: Any, data_callable: Any, *args: Any, **kwargs: Any) -> str:
        file_id = deferred(self, data_callable, *args, **kwargs)
        found[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    monkeypatch.setattr(MediaFileManager, "add_deferred", keep_deferred)
    return found


# ---------------------------------------------------------------- helpers


def assert_clean(at: AppTest) -> None:
    problems = [f"exception: {e.value}" for e in at.exception]
    problems += [f"error box: {e.value}" for e in at.error if e.value.startswith(CRASH)]
    assert not problems, f"the screen failed: {problems}"


def run(at: AppTest) -> AppTest:
    at.run()
    assert_clean(at)
    return at


def values(elements: Any) -> list[Any]:
    return [element.value for element in elements]


def plain(text: str) -> str:
    """Markdown-escaped text as a reader sees it."""
    return re.sub(r"\\(.)", r"\1", text)


def button(at: AppTest, label: str) -> Any:
    found = [b for b in at.button if b.label == label]
    assert len(found) == 1, f"expected one {label!r} button, found {[b.label for b in at.button]}"
    return found[0]


def click(at: AppTest, label: str) -> AppTest:
    button(at, label).click()
    return run(at)


def open_room() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    run(at)
    at.switch_page(TEACHER)
    return run(at)


def type_password(at: AppTest, typed: str) -> AppTest:
    at.text_input[0].input(typed)
    return click(at, "Sign in")


def signed_in(tab: str = "Classes") -> AppTest:
    at = type_password(open_room(), PASSWORD)
    assert [t.label for t in at.tabs] == TABS
    return show(at, tab)


def show(at: AppTest, tab: str) -> AppTest:
    at.session_state[TAB_KEY] = tab
    return run(at)


def notes(at: AppTest) -> list[str]:
    """The small notes (``ui.shared.safe.note``: full-contrast small text, not st.caption)."""
    return [m.value[len(":small[") : -1] for m in at.markdown if m.value.startswith(":small[")]


def tables(at: AppTest) -> list[list[dict[str, Any]]]:
    return [table.value.to_dict("records") for table in at.table]


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def fixture_quiz(quiz_id: str = "every-kind") -> Quiz:
    return load_course([COURSE / "lessons", COURSE / "quizzes"]).quizzes[quiz_id]


def take(
    store: Store,
    quiz: Quiz,
    answers: dict[str, Any],
    student_id: int | None = None,
    class_id: int | None = None,
    only: list[str] | None = None,
    stop_after: int | None = None,
) -> str:
    """One attempt through the Store API: the key everywhere except ``answers``; finished unless it stops early."""
    kiosk = None if student_id else "k1"
    attempt_id, attempt = answering.start(
        store, quiz, 7, only=only, student_id=student_id, class_id=class_id, kiosk=kiosk
    )
    for question_id in attempt.plan.question_ids[:stop_after]:  # the last answer finishes it
        response = answers.get(question_id, key_response(quiz.question(question_id)))
        answering.submit(store, quiz, attempt_id, attempt, question_id, response)
    return attempt_id


NASTY_NAME = "**Cleo** <b>=1+1</b>"


def seed(store: Store) -> ClassRoom:
    """History 9B: four students, a kiosk attempt, an attempt in progress and a retry.

    Scores of the whole-quiz attempts: Ana 8/8, Ben 7/8, Cleo 6/8, Dan 4/8, kiosk 3/8
    (mean 70 %, 4 of 5 at or above the pass mark of 50 %). "members" is missed by
    four of five (facility 0.2: too hard); Ben's retry of it is right but not counted.
    """
    quiz = fixture_quiz()
    room = store.create_class("History 9B")
    ana, ben, cleo, dan = (store.add_student(room.id, name) for name in ["Ana", "Ben", NASTY_NAME, "Dan"])
    take(store, quiz, {}, ana.id)
    take(store, quiz, {"members": "14"}, ben.id)
    take(store, quiz, {"members": "10", "count": 5}, cleo.id)
    take(store, quiz, {"members": "14", "secgen": "Yeltsin", "count": 4, "veto": True}, dan.id)
    kiosk = {"members": "14", "secgen": "yeltsin", "count": 2, "veto": True, "founded": "1960"}
    take(store, quiz, kiosk, class_id=room.id)
    take(store, quiz, {}, ben.id, only=["members"])  # the retry: right this time
    take(store, quiz, {}, ana.id, stop_after=1)  # a second go: only the first question answered so far
    return room


# ---------------------------------------------------------------- the gate


def test_without_any_sign_in_set_up_the_room_explains_how_and_shows_nothing_else() -> None:
    at = open_room()
    assert values(at.title) == ["Teacher's room"]
    assert values(at.warning) == ["The teacher's room is locked: no way to sign in has been set up yet."]
    assert [c.value for c in at.code][0] == "python -m classroom teacher-password"
    assert "[auth]" in at.code[1].value
    assert list(at.tabs) == [] and list(at.text_input) == [] and list(at.button) == []
    assert list(at.table) == [] and list(at.metric) == []


def test_wrong_password_is_refused(password: str) -> None:
    at = type_password(open_room(), "not the password")
    assert values(at.error) == ["Wrong password."]
    assert list(at.tabs) == []


def test_right_password_opens_the_room_until_signing_out(password: str) -> None:
    at = signed_in()
    assert notes(at)[0] == ":material/verified_user: Signed in with the teacher password"
    assert "Create class" in [b.label for b in at.button]
    run(at)  # stays signed in from run to run
    assert [t.label for t in at.tabs] == TABS
    click(at, "Sign out")
    assert list(at.tabs) == []
    assert [t.label for t in at.text_input] == ["Teacher password"]


def test_repeated_failures_make_the_next_try_wait_even_with_the_right_password(
    password: str, clock: list[float]
) -> None:
    at = open_room()
    for _ in range(3):
        type_password(at, "guess")
        assert values(at.error) == ["Wrong password."]
    type_password(at, "guess")
    assert values(at.warning) == ["Wrong password. Too many wrong passwords. Wait 1 second and try again."]
    type_password(at, PASSWORD)
    assert values(at.warning) == ["Too many wrong passwords. Wait 1 second and try again."]
    assert list(at.tabs) == []
    clock[0] += 1.5
    type_password(at, PASSWORD)
    assert [t.label for t in at.tabs] == TABS


def test_a_flood_of_guesses_slows_the_teacher_a_little_but_never_locks_them_out(
    password: str, clock: list[float], results: Store
) -> None:
    for _ in range(12):  # one guessing machine, waiting out its own back-off each time
        clock[0] += max(
            throttle.wait(results, "teacher:10.6.6.6", signin.TEACHER_CLIENT),
            throttle.wait(results, signin.EVERYONE, signin.TEACHER_EVERYONE),
        )
        assert not signin.teacher_password(results, "guess", "10.6.6.6").ok
    assert throttle.wait(results, "teacher:10.6.6.6", signin.TEACHER_CLIENT) == 60.0  # the guesser waits a minute
    teacher = open_room()  # another address: its own key is clean, the shared one is capped
    type_password(teacher, PASSWORD)
    assert values(teacher.warning) == ["Too many wrong passwords. Wait 10 seconds and try again."]
    clock[0] += 10
    type_password(teacher, PASSWORD)
    assert [t.label for t in teacher.tabs] == TABS


def test_clearing_every_cache_does_not_clear_the_throttle(password: str, clock: list[float]) -> None:
    """What a client's clear_cache message does: st.cache_* emptied; the throttle is in the database."""
    at = open_room()
    for _ in range(4):
        type_password(at, "guess")
    st.cache_data.clear()
    st.cache_resource.clear()
    type_password(at, PASSWORD)
    assert values(at.warning) == ["Too many wrong passwords. Wait 1 second and try again."]


OIDC = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "a-long-random-string",
        "client_id": "classroom",
        "client_secret": "s3cret",
        "server_metadata_url": "https://id.example.org/.well-known/openid-configuration",
    }
}


def test_oidc_offers_the_school_sign_in_and_lets_a_signed_in_teacher_in() -> None:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.secrets.update(OIDC)
    at.user = {"is_logged_in": False}
    run(at)
    at.switch_page(TEACHER)
    run(at)
    assert [b.label for b in at.button] == ["Sign in"]
    assert list(at.tabs) == [] and list(at.text_input) == []
    at.user = {"is_logged_in": True, "email": "teacher@example.org", "name": "T"}
    run(at)
    assert [t.label for t in at.tabs] == TABS
    # The word joiner before "@" keeps an address from becoming a mailto link (ui/shared/safe.py).
    assert notes(at)[0] == ":material/verified_user: Signed in as teacher\u2060@example\\.org"


def test_oidc_with_a_teacher_list_keeps_other_accounts_out() -> None:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.secrets.update({**OIDC, "teachers": {"emails": ["Teacher@Example.org"]}})
    at.user = {"is_logged_in": True, "email": "student@example.org"}
    run(at)
    at.switch_page(TEACHER)
    run(at)
    assert list(at.tabs) == []
    assert "is not on the list of teachers" in at.error[0].value
    at.user = {"is_logged_in": True, "email": "teacher@example.org"}
    run(at)
    assert [t.label for t in at.tabs] == TABS


# ---------------------------------------------------------------- classes


def test_creating_a_class_shows_its_join_code(password: str, results: Store) -> None:
    at = signed_in()
    assert values(at.info) == ["No classes yet. Create one above and share its join code with your students."]
    [name] = [t for t in at.text_input if t.label == "Class name"]
    name.input("History 9B")
    click(at, "Create class")
    [room] = results.classes()
    assert room.name == "History 9B"
    assert [(m.label, m.value) for m in at.metric] == [("Join code", room.join_code)]
    assert tables(at)[0] == [{"Class": "History 9B", "Join code": room.join_code, "Students": 0}]


def test_a_class_name_is_required(password: str, results: Store) -> None:
    at = signed_in()
    click(at, "Create class")
    assert values(at.error) == ["Give the class a name first."]
    assert results.classes() == []


def test_student_export_gives_their_data_as_json(password: str, results: Store, downloads: dict[str, Any]) -> None:
    room = seed(results)
    at = signed_in()
    labels = [plain(b.label) for b in at.download_button]
    assert labels == ["Export data"] * 4
    cleo = next(s for s in results.students(room.id) if s.display_name == NASTY_NAME)
    [export] = [b for b in at.download_button if b.key == f"teacher:export:{cleo.id}"]
    data = json.loads(downloads[export.proto.deferred_file_id]())
    assert data["student"]["display_name"] == NASTY_NAME
    assert len(data["attempts"]) == 1 and len(data["responses"]) == 8
    assert [plain(m.value) for m in at.markdown if "Cleo" in m.value] == [NASTY_NAME]


def test_deleting_a_student_needs_a_confirmation(password: str, results: Store) -> None:
    room = seed(results)
    ben = next(s for s in results.students(room.id) if s.display_name == "Ben")
    at = signed_in()
    at.button(key=f"teacher:delete:{ben.id}").click()
    run(at)
    [sure] = list(at.checkbox)
    assert sure.label == "I understand this deletes all of Ben's answers"
    assert button(at, "Delete for good").disabled
    sure.check()
    run(at)
    click(at, "Delete for good")
    assert {s.display_name for s in results.students(room.id)} == {"Ana", NASTY_NAME, "Dan"}
    assert [r for r in results.attempt_rows() if r["student"] == "Ben"] == []
    assert values(at.success) == ["Deleted Ben and all their answers."]


def test_cancel_keeps_the_student(password: str, results: Store) -> None:
    room = seed(results)
    ben = next(s for s in results.students(room.id) if s.display_name == "Ben")
    at = signed_in()
    at.button(key=f"teacher:delete:{ben.id}").click()
    run(at)
    click(at, "Cancel")
    assert list(at.checkbox) == []
    assert len(results.students(room.id)) == 4


# ---------------------------------------------------------------- dashboard


def test_dashboard_without_attempts_says_to_share_the_join_code(password: str, results: Store) -> None:
    room = results.create_class("History 9B")
    at = signed_in("Dashboard")
    assert at.selectbox(key="teacher:class").value == room.id
    at.selectbox(key="teacher:quiz").set_value("every-kind")
    run(at)
    assert len(at.info) == 1
    assert f"share the join code **{room.join_code}**" in at.info[0].value
    assert list(at.metric) == [] and charts(at) == []


def test_dashboard_shows_metrics_who_took_what_and_charts_with_tables(password: str, results: Store) -> None:
    seed(results)
    at = signed_in("Dashboard")
    at.selectbox(key="teacher:quiz").set_value("every-kind")
    run(at)
    assert [(m.label, m.value) for m in at.metric] == [
        ("Pass rate", "80%"),
        ("Mean score", "70%"),
        ("Finished", "5 of 6"),
        ("Students", "4"),
    ]
    assert notes(at)[1].startswith("Also 1 anonymous attempt (a kiosk, or a student without a class)")
    who, bands, topics, days = tables(at)
    assert [(plain(r["Student"]), r["Score"], r["Percent"], r["Passed"]) for r in who] == [
        (NASTY_NAME, "6 / 8", "75%", "yes"),
        ("Ana", "8 / 8", "100%", "yes"),
        ("Ana", "", "", "in progress"),
        ("Ben", "7 / 8", "88%", "yes"),
        ("Ben", "1 / 1", "100%", "retry of missed questions"),
        ("Dan", "4 / 8", "50%", "yes"),
        ("(anonymous)", "3 / 8", "38%", "no"),
    ]
    assert who[0]["Student"] == "\\*\\*Cleo\\*\\* \\<b\\>=1\\+1\\</b\\>"  # Markdown in a name is not run
    assert who[2]["Finished"] == "not yet" and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", who[0]["Started"])
    assert {r["Score band"]: r["Finished attempts"] for r in bands if r["Finished attempts"]} == {
        "30–40%": 1,
        "50–60%": 1,
        "70–80%": 1,
        "80–90%": 1,
        "90–100%": 1,
    }
    assert [r["Topic"] for r in topics] == ["Dates", "Roles", "Outcomes", "Context"]
    assert [(r["Finished attempts"], r["Mean score"]) for r in days] == [(5, "70%")]
    descriptions = [spec["description"] for spec in charts(at)]
    assert [d.split(":")[0] for d in descriptions] == [
        "Score distribution of 5 finished attempts, by score band (empty bands left out)",
        "Score by topic",
        "Mean score per day of finishing, oldest first",
    ]
    assert values(at.header) == ["Who took what", "Score distribution", "Score by topic", "Progress over time"]
    assert [e.label for e in at.expander] == [
        "Score distribution as a table",
        "Score by topic as a table",
        "Progress over time as a table",
    ]


def test_dashboard_for_every_attempt_includes_students_without_a_class(password: str, results: Store) -> None:
    seed(results)
    take(results, fixture_quiz(), {})  # no class, no student
    at = signed_in("Dashboard")
    at.selectbox(key="teacher:class").set_value("all")
    at.selectbox(key="teacher:quiz").set_value("every-kind")
    run(at)
    assert ("Students", "4") in [(m.label, m.value) for m in at.metric]
    assert [n for n in notes(at) if n.startswith("Also 2 anonymous attempts")]


# ---------------------------------------------------------------- item analysis


def test_item_analysis_lists_every_question_with_its_numbers_and_flags(password: str, results: Store) -> None:
    seed(results)
    at = signed_in("Item analysis")
    at.selectbox(key="teacher:quiz").set_value("every-kind")
    run(at)
    [rows] = tables(at)
    quiz = fixture_quiz()
    assert [r["Question"] for r in rows] == [q.id for q in quiz.questions]
    assert [r["Text"] for r in rows] == [q.ask for q in quiz.questions]
    members = next(r for r in rows if r["Question"] == "members")
    assert members["Answers"] == 5  # Ben's retry is not counted
    assert members["Facility"] == "0.20"
    assert plain(members["Common wrong answers"]) == "14 ×3 · 10 ×1"
    assert members["Flags"] == "⚠ too hard"
    secgen = next(r for r in rows if r["Question"] == "secgen")
    assert plain(secgen["Common wrong answers"]) == "Yeltsin ×2"
    assert secgen["Flags"] == "✓ none"
    founded = next(r for r in rows if r["Question"] == "founded")
    assert founded["Answers"] == 6  # the unfinished attempt answered it
    for row in rows:
        assert row["Discrimination"] == "—" or re.fullmatch(r"[+−]\d\.\d\d", row["Discrimination"])
    flagged = {r["Question"]: r["Flags"] for r in rows if r["Flags"].startswith("⚠")}
    assert flagged == {  # everyone right on three: too easy
        "members": "⚠ too hard",
        "joined": "⚠ too easy",
        "sequence": "⚠ too easy",
        "offices": "⚠ too easy",
    }
    assert values(at.warning) == ["4 questions are flagged: look at the Flags column."]
    [popover] = at.get("popover")
    assert popover.proto.popover.label == "How these are worked out"
    assert [m.strip() for m in values(popover.markdown)] == [analysis.FORMULAS.strip()]


def test_item_analysis_flags_wait_for_enough_answers(password: str, results: Store) -> None:
    room = results.create_class("Small")
    student = results.add_student(room.id, "Solo")
    take(results, fixture_quiz(), {"members": "14"}, student.id)
    at = signed_in("Item analysis")
    at.selectbox(key="teacher:quiz").set_value("every-kind")
    run(at)
    [rows] = tables(at)
    assert {r["Flags"] for r in rows} == {"(fewer than 5 answers)"}
    assert {r["Discrimination"] for r in rows} == {"—"}


# ---------------------------------------------------------------- export


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_export_gives_attempts_and_responses_csv_of_the_class_and_quiz(
    password: str, results: Store, downloads: dict[str, Any]
) -> None:
    room = seed(results)
    other = results.create_class("Other class")
    take(results, fixture_quiz(), {}, results.add_student(other.id, "Zed").id)
    take(results, fixture_quiz(), {})  # the latest attempt has no class: the choice is the latest one with a class
    at = signed_in("Export")
    assert at.selectbox(key="teacher:class").value == other.id  # it opens on the latest attempt's class
    at.selectbox(key="teacher:class").set_value(room.id)
    run(at)
    assert at.selectbox(key="teacher:quiz").value == "every-kind"
    attempts_button, responses_button = at.download_button
    assert attempts_button.label == "Attempts (7 rows)"
    assert responses_button.label == "Answers per question (42 rows)"
    attempts = _csv_rows(downloads[attempts_button.proto.url.rsplit("/", 1)[1].split(".")[0]])
    responses = _csv_rows(downloads[responses_button.proto.url.rsplit("/", 1)[1].split(".")[0]])
    assert {row["class_id"] for row in attempts} == {str(room.id)}
    assert [row["student"] for row in attempts] == ["Ana", "Ben", NASTY_NAME, "Dan", "(anonymous)", "Ben", "Ana"]
    assert [row["percent"] for row in attempts] == ["100.0", "87.5", "75.0", "50.0", "37.5", "100.0", ""]
    assert len(responses) == 8 * 5 + 1 + 1  # five whole attempts, the retry's one answer, the open one's first
    assert "Zed" not in {row["student"] for row in responses}
    assert {row["quiz_id"] for row in responses} == {"every-kind"}


# ---------------------------------------------------------------- content


def test_content_check_lists_a_broken_files_problem(password: str) -> None:
    at = signed_in("Content")
    [problems] = tables(at)
    assert [(plain(r["File"]), r["Line"], r["Column"]) for r in problems] == [("quizzes/broken.yaml", 4, 12)]
    assert "500" in plain(problems[0]["Message"])
    assert at.warning[0].value.startswith("1 problem in 1 file")


def test_preview_shows_a_quiz_as_students_see_it_and_writes_nothing(password: str, results: Store) -> None:
    at = signed_in("Preview")
    at.selectbox(key="teacher:preview").set_value("quiz:every-kind")
    run(at)
    quiz = fixture_quiz()
    assert values(at.header) == [quiz.title]
    assert values(at.subheader) == [q.ask for q in quiz.questions]  # no shuffle: the file's order
    assert not any(w.disabled for w in [*at.text_input, *at.radio, *at.checkbox, *at.selectbox[1:], *at.number_input])
    assert [b.label for b in at.button].count("Submit answer") == 8  # they work: see the tests below
    assert "Right answer: 1949" in values(at.text)
    assert "Right answer: Javier Solana → NATO Secretary General; Boris Yeltsin → President of Russia" in values(
        at.text
    )
    assert [e.label for e in at.expander].count("For the teacher: key, explanation, feedback, source") == 8
    assert results.attempt_rows() == [] and results.response_rows() == []


def _try(at, question_id: str, typed: str):  # noqa: ANN001, ANN202 - an AppTest
    at.text_input(key=f"preview:every-kind:{question_id}").input(typed)
    submit = next(
        b for b in at.get("form_submit_button") if b.proto.form_id == f"preview:every-kind:{question_id}:form"
    )
    submit.click()
    return run(at)


def test_preview_grades_an_answer_as_a_student_would_get_it_and_records_nothing(password: str, results: Store) -> None:
    at = signed_in("Preview")
    at.selectbox(key="teacher:preview").set_value("quiz:every-kind")
    run(at)
    at = _try(at, "founded", "1955")
    assert values(at.error) == ["**Not right** — 0 of 1 point"]
    shown = [part for text in values(at.markdown) for part in text.split("\n\n")]  # one element, a paragraph each
    assert "**Your answer:** 1955" in shown
    assert "**Right answer:** 1949" in shown
    assert "1955 is the year of the rival pact\\." in shown  # the feedback a student gets
    assert results.attempt_rows() == [] and results.response_rows() == []
    at.button(key="preview:every-kind:founded:again").click()
    run(at)
    at = _try(at, "founded", "1949")
    assert values(at.success) == ["**Correct** — 1 of 1 point"]
    assert results.attempt_rows() == [] and results.response_rows() == []


def test_preview_holds_back_an_unreadable_date_as_for_a_student(password: str) -> None:
    at = signed_in("Preview")
    at.selectbox(key="teacher:preview").set_value("quiz:every-kind")
    run(at)
    at = _try(at, "founded", "soon")
    assert values(at.warning) == ["“soon” is not a date I can read. Write a year (for example 1991)."]
    assert values(at.error) == [] and values(at.success) == []


def test_preview_shows_a_lesson(password: str) -> None:
    at = signed_in("Preview")
    at.selectbox(key="teacher:preview").set_value("lesson:alliance")
    run(at)
    assert values(at.header)[:3] == ["A test lesson about an alliance", "The founding", "Later years"]
    assert at.error[0].value.startswith("**Check the claim — The record says otherwise**")


# ---------------------------------------------------------------- upload

NEW_QUIZ = """\
id: new-quiz
title: A brand new quiz
lessons: [alliance]
questions:
  - id: founded
    kind: date
    ask: When was the alliance founded?
    answer: "1949"
    source: alliance#p1
"""
BROKEN_QUIZ = """\
id: new-quiz
title: A brand new quiz
lessons: [alliance, no-such-lesson]
pass_mark: fifty
questions:
  - id: founded
    kind: date
    ask: When was the alliance founded?
    answer: "1949"
    source: alliance#p9
"""


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].upload(name, data, "application/x-yaml")
    return run(at)


def yaml_files(course: Path) -> list[str]:
    return sorted(p.name for p in (course / "quizzes").iterdir())


def test_a_broken_upload_shows_every_problem_and_is_not_saved(password: str, course_copy: Path) -> None:
    before = yaml_files(course_copy)
    at = upload(signed_in("Content"), "new-quiz.yaml", BROKEN_QUIZ.encode())
    assert plain(at.error[0].value) == (
        "new-quiz.yaml has 1 problem, so it was not saved. Fix it and upload the file again."
    )
    [_, problems] = tables(at)
    assert [(plain(r["File"]), r["Line"], r["Column"]) for r in problems] == [("quizzes/new-quiz.yaml", 4, 12)]
    assert "Save to quizzes/new-quiz.yaml" not in [b.label for b in at.button]
    assert yaml_files(course_copy) == before


def test_an_upload_with_broken_links_names_the_lesson_and_passage(password: str, course_copy: Path) -> None:
    text = BROKEN_QUIZ.replace("pass_mark: fifty\n", "")
    at = upload(signed_in("Content"), "new-quiz.yaml", text.encode())
    [_, problems] = tables(at)
    assert [(r["Line"], r["Column"]) for r in problems] == [(3, 21), (9, 13)]
    messages = [plain(r["Message"]) for r in problems]
    assert messages[0].startswith("no lesson with id 'no-such-lesson'")
    assert "has no passage 'p9'" in messages[1]
    assert not (course_copy / "quizzes" / "new-quiz.yaml").exists()


def test_a_valid_upload_is_saved_and_shows_up_without_a_restart(password: str, course_copy: Path) -> None:
    at = upload(signed_in("Content"), "new-quiz.yaml", NEW_QUIZ.encode())
    assert at.success[-1].value.startswith("new\\-quiz\\.yaml has no problems")
    click(at, "Save to quizzes/new-quiz.yaml")
    assert (course_copy / "quizzes" / "new-quiz.yaml").read_text(encoding="utf-8") == NEW_QUIZ
    assert values(at.success)[-1] == "Saved quizzes/new\\-quiz\\.yaml: students see it now."
    assert at.file_uploader[0].value is None  # a fresh uploader: the same file is not saved twice
    assert not (course_copy / "data").exists()  # nothing to back up
    show(at, "Preview")
    assert "Quiz · A brand new quiz" in at.selectbox(key="teacher:preview").options


def test_an_upload_replacing_a_quiz_backs_the_old_one_up_outside_quizzes(password: str, course_copy: Path) -> None:
    path = course_copy / "quizzes" / "every-kind.yaml"
    old = path.read_text(encoding="utf-8")
    new = old.replace("title: One question of every kind", "title: Every kind, revised")
    at = upload(signed_in("Content"), "every-kind.yaml", new.encode())
    assert "exists already" in at.info[0].value
    click(at, "Save to quizzes/every-kind.yaml")
    assert path.read_text(encoding="utf-8") == new
    [backup] = list((course_copy / "data" / "backups").iterdir())
    assert re.fullmatch(r"every-kind\.\d{8}T\d{6}Z\.yaml", backup.name)
    assert backup.read_text(encoding="utf-8") == old
    assert yaml_files(course_copy) == ["broken.yaml", "every-kind.yaml", "leak-check.yaml"]
    assert "kept as data/backups/" in plain(values(at.success)[-1])
    show(at, "Preview")
    assert "Quiz · Every kind, revised" in at.selectbox(key="teacher:preview").options


def test_an_upload_over_one_megabyte_is_refused(password: str, course_copy: Path) -> None:
    big = NEW_QUIZ.encode() + b"#" * (1024 * 1024)
    at = upload(signed_in("Content"), "new-quiz.yaml", big)
    assert "the limit is 1 MB. Nothing was saved." in at.error[0].value
    assert not (course_copy / "quizzes" / "new-quiz.yaml").exists()


def test_every_tab_draws_without_data(password: str) -> None:
    at = signed_in()
    for tab in TABS:
        show(at, tab)
        assert os.environ["CLASSROOM_DATABASE_URL"].endswith("results.db")


def test_the_preview_of_a_long_quiz_shows_one_page_at_a_time(password: str, course_copy: Path) -> None:
    """Issue 14, finding 6: a preview drew every question of a quiz at once and never finished."""
    questions = "".join(
        f"  - {{id: q{i}, kind: true_false, ask: Statement number {i}, answer: true}}\n" for i in range(45)
    )
    text = f"id: long\ntitle: A long quiz\nlessons: [alliance]\nshuffle: false\nquestions:\n{questions}"
    (course_copy / "quizzes" / "long.yaml").write_text(text, encoding="utf-8")
    at = signed_in("Preview")
    at.selectbox(key="teacher:preview").set_value("quiz:long")
    run(at)
    assert values(at.subheader) == [f"Statement number {i}" for i in range(PREVIEW_PAGE_QUESTIONS)]
    pages = at.selectbox(key="preview:long:page")
    assert pages.options == ["1–20 of 45", "21–40 of 45", "41–45 of 45"]
    pages.set_value(40)
    run(at)
    assert values(at.subheader) == [f"Statement number {i}" for i in range(40, 45)]
    assert [p.proto.text for p in at.progress][0] == "Question 41 of 45"
