"""The student's sign-in on screen (AppTest): by code, by joining, signing out, a lapsed session, the database down.

What a real browser adds (the cookie, reloads, restarts, two processes) is in
tests/browser/test_identity.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

import ui.shared.db
import ui.shared.identity
from app_fixtures import use_course  # noqa: F401 (a pytest fixture: the fixture course)
from classroom.people import roster, sessions
from classroom.results.store import ClassRoom, Store
from classroom.results.store import sessions as table

APP = Path(__file__).resolve().parent.parent / "app.py"
QUIZ = "ui/student/quiz.py"
CRASH = "Something went wrong on this screen."
NOT_SIGNED_IN = "You are not signed in, so your answers are kept for this browser tab only."


@pytest.fixture(autouse=True)
def results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, use_course) -> Iterator[Store]:  # noqa: F811
    url = f"sqlite:///{tmp_path / 'results.db'}"
    monkeypatch.setenv("CLASSROOM_DATABASE_URL", url)
    monkeypatch.setattr(ui.shared.identity, "RECHECK_S", 0.0)  # every run asks the database again
    ui.shared.db.store.clear()
    opened = Store(url)
    yield opened
    opened.close()
    ui.shared.db.store.clear()


@pytest.fixture
def room(results: Store) -> ClassRoom:
    return results.create_class("History 9B")


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not [e for e in at.error if e.value.startswith(CRASH)]
    return at


def home() -> AppTest:
    return run(AppTest.from_file(str(APP), default_timeout=30))


def text_input(at: AppTest, label: str) -> Any:
    [found] = [box for box in at.text_input if box.label == label]
    return found


def press(at: AppTest, label: str) -> AppTest:
    [found] = [b for b in at.button if b.label == label]
    found.click()
    return run(at)


def markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def sign_in_with(at: AppTest, code: str) -> AppTest:
    text_input(at, "Your sign-in code").input(code)
    return press(at, "Sign in")


def test_a_code_signs_the_student_in_and_sign_out_ends_the_session(results: Store, room: ClassRoom) -> None:
    [card] = roster.add_students(results, room.id, "Ana Müller").issued
    at = sign_in_with(home(), card.code.lower())
    assert "Signed in as **Ana Müller**" in markdown(at)
    assert "My work: every quiz and lesson so far" in [link.label for link in at.get("page_link")]
    press(at, "Sign out")
    assert "Signed in as" not in markdown(at)
    assert [box.label for box in at.text_input][0] == "Your sign-in code"
    assert sessions.purge(results) == 0 and not _session_rows(results)


def test_a_wrong_code_is_refused_in_plain_words(room: ClassRoom) -> None:
    at = sign_in_with(home(), "AAAA-BBBB")
    assert [e.value for e in at.error] == [
        "That sign-in code is not right. Check it on your card, or ask your teacher for a new one."
    ]
    assert "Signed in as" not in markdown(at)


def test_joining_shows_the_personal_code_once_and_it_works_later(results: Store, room: ClassRoom) -> None:
    at = home()
    text_input(at, "Class code").input(room.join_code)
    text_input(at, "Your name").input("Ben")
    press(at, "Join the class")
    [code] = [h.value for h in at.subheader if "-" in h.value]
    assert "Signed in as **Ben**" in markdown(at)
    press(at, "I have written it down")
    assert code not in [h.value for h in at.subheader]
    later = sign_in_with(home(), code)  # another device
    assert "Signed in as **Ben**" in markdown(later)


def test_a_session_ended_elsewhere_asks_to_sign_in_again_on_the_same_page(results: Store, room: ClassRoom) -> None:
    [card] = roster.add_students(results, room.id, "Ana").issued
    at = sign_in_with(home(), card.code)
    at.switch_page(QUIZ)
    at.query_params["quiz"] = "leak-check"
    run(at)
    assert [t.value for t in at.title] == ["Keys that must stay on the server"]
    new = roster.new_code(results, card.student)  # the teacher gives a new code: the old session ends
    run(at)
    assert [i.value for i in at.info][
        0
    ] == "You were signed out, or your sign-in expired. Sign in again to keep your work."
    assert [t.value for t in at.title] == ["Keys that must stay on the server"]  # still on the quiz page
    assert NOT_SIGNED_IN in markdown(at)
    sign_in_with(at, new.code)
    assert [t.value for t in at.title] == ["Keys that must stay on the server"]
    assert NOT_SIGNED_IN not in markdown(at) and at.info == []


def test_with_the_database_down_nobody_is_told_they_signed_in(
    results: Store, room: ClassRoom, monkeypatch: pytest.MonkeyPatch
) -> None:
    [card] = roster.add_students(results, room.id, "Ana").issued
    at = home()

    def down(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("database is unreachable")

    monkeypatch.setattr(ui.shared.db.store(), "student_by_code_hash", down)
    sign_in_with(at, card.code)
    assert [e.value for e in at.error] == [
        "The classroom's database is not answering, so nobody can sign in just now. "
        "You can still read and practise; tell your teacher."
    ]
    assert "Signed in as" not in markdown(at)


def _session_rows(store: Store) -> list[Any]:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(table)).all()
