"""Signing in: personal codes, joining a class without stepping into a classmate's record, the teacher password."""

from __future__ import annotations

import threading

import pytest

from classroom import auth
from classroom.people import codes, roster, sessions, signin, throttle

PASSWORD = "correct horse battery"


@pytest.fixture
def room(store):
    return store.create_class("History 9B")


@pytest.fixture
def password_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CLASSROOM_TEACHER_PASSWORD_FILE", str(tmp_path / "teacher-password"))
    auth.set_password(PASSWORD)


def test_a_personal_code_signs_that_student_in_however_it_is_typed(store, room):
    [issued] = roster.add_students(store, room.id, "Ana").issued
    result = signin.student_code(store, issued.code.lower().replace("-", " "), "10.0.0.5")
    assert result.ok and result.student == issued.student
    assert result.session is not None and result.session.student_id == issued.student.id
    assert sessions.claim(store, result.claim) is not None


def test_a_wrong_code_says_so_and_ten_in_a_row_make_the_next_wait(store, room):
    roster.add_students(store, room.id, "Ana")
    for _ in range(signin.STUDENT_CLIENT.free):
        result = signin.student_code(store, "AAAA-BBBB", "10.0.0.5")
        assert not result.ok and result.message.startswith("That sign-in code is not right.")
    assert not signin.student_code(store, "AAAA-BBBB", "10.0.0.5").ok  # the 11th is counted, then a wait
    waiting = signin.student_code(store, "AAAA-BBBB", "10.0.0.5")
    assert waiting.wait_seconds > 0 and waiting.message.startswith("Too many wrong codes. Wait 1 second")
    assert signin.student_code(store, "AAAA-BBBB", "10.0.0.6").wait_seconds == 0  # another device is not slowed


def test_joining_enrols_a_new_student_with_a_code_of_their_own(store, room):
    joined = signin.join_class(store, room.join_code.lower(), "  Ana \u200b", None)
    assert joined.ok and joined.student is not None and joined.student.display_name == "Ana"
    assert joined.new_code is not None and codes.looks_like_code(joined.new_code)
    again = signin.student_code(store, joined.new_code, None)
    assert again.ok and again.student == joined.student


def test_joining_with_a_classmates_name_never_reaches_their_record(store, room):
    first = signin.join_class(store, room.join_code, "Ana Müller", None)
    for typed in ["ana muller", "ANA  MÜLLER", "Ana\u200b Müller", "Ａｎａ Müller"]:
        second = signin.join_class(store, room.join_code, typed, "10.0.0.9")
        assert not second.ok and second.session is None and second.student is None
        assert "already joined" in second.message
    assert [s.id for s in store.students(room.id)] == [first.student.id]


def test_joining_needs_a_real_class_code_and_a_name(store, room):
    assert signin.join_class(store, "NOPE00", "Ana", None).message.startswith("No class has that code")
    assert signin.join_class(store, room.join_code, " \u200b ", None).message.startswith("Type your name")
    assert store.students(room.id) == []


def test_a_look_alike_name_is_a_new_student_and_flagged_to_the_teacher(store, room):
    latin = signin.join_class(store, room.join_code, "Ana", None).student
    cyrillic = signin.join_class(store, room.join_code, "\u0410na", None).student
    assert latin.id != cyrillic.id
    assert roster.flagged_names(store, room.id) == {latin.id: ["\u0410na"], cyrillic.id: ["Ana"]}


def test_the_teacher_password_opens_a_teacher_session(store, password_file):
    result = signin.teacher_password(store, PASSWORD, "10.0.0.1")
    assert result.ok and result.session.role == "teacher" and result.claim
    assert not signin.teacher_password(store, "wrong", "10.0.0.1").ok


def test_without_a_password_file_the_teacher_is_told_how_to_set_one(store, tmp_path, monkeypatch):
    monkeypatch.setenv("CLASSROOM_TEACHER_PASSWORD_FILE", str(tmp_path / "none"))
    assert signin.teacher_password(store, "anything", None).message.endswith(auth.SET_PASSWORD_COMMAND)


def test_guesses_are_counted_before_the_password_is_checked(store, password_file, monkeypatch):
    checked: list[str] = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda typed, stored: checked.append(typed) or real(typed, stored))
    for _ in range(3):
        assert signin.teacher_password(store, "guess", "10.0.0.1").message == "Wrong password."
    fourth = signin.teacher_password(store, "guess", "10.0.0.1")
    assert fourth.message == "Wrong password. Too many wrong passwords. Wait 1 second and try again."
    right_too_soon = signin.teacher_password(store, PASSWORD, "10.0.0.1")
    assert not right_too_soon.ok and right_too_soon.wait_seconds > 0
    assert len(checked) == 4  # the fifth try was refused without looking at the password


def test_forty_simultaneous_guesses_from_many_addresses_check_at_most_four_passwords(store, password_file, monkeypatch):
    checked: list[str] = []
    real = auth.verify_password
    monkeypatch.setattr(auth, "verify_password", lambda typed, stored: checked.append(typed) or real(typed, stored))
    start = threading.Barrier(40)
    results: list[signin.SignIn] = []

    def guess(number: int) -> None:
        start.wait()
        results.append(signin.teacher_password(store, f"guess {number}", f"10.0.{number}.1"))

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not any(result.ok for result in results)
    assert len(checked) <= signin.TEACHER_EVERYONE.free + 1
    assert sum(result.wait_seconds > 0 for result in results) >= 40 - len(checked)
    assert throttle.wait(store, signin.EVERYONE, signin.TEACHER_EVERYONE) <= signin.TEACHER_EVERYONE.max_delay
