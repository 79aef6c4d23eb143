"""The roster: students added with codes shown once, a new code ends the old sessions, move, remove."""

from __future__ import annotations

import pytest

from classroom.content.load import load_course
from classroom.errors import UserError
from classroom.people import codes, roster, sessions, signin
from classroom.quiz.attempts import plan_attempt
from support import TESTDATA


@pytest.fixture
def room(store):
    return store.create_class("History 9B")


def test_adding_students_gives_each_a_code_and_skips_repeats(store, room):
    store.add_student(room.id, "Cleo")
    added = roster.add_students(store, room.id, "Ana\n\n  Ben \nana\nCleo\n\u200b\n")
    assert [item.student.display_name for item in added.issued] == ["Ana", "Ben"]
    assert added.skipped == ["ana: twice in the list", "Cleo: already in the class (give a new code instead)"]
    assert len({item.code for item in added.issued}) == 2
    for item in added.issued:
        assert store.student_by_code_hash(codes.code_hash(item.code)) == item.student
    assert set(store.code_set_at(room.id).values()) - {None}  # Ana and Ben have codes
    assert store.code_set_at(room.id)[store.student_named(room.id, "Cleo").id] is None


def test_too_many_lines_at_once_are_refused(store, room):
    with pytest.raises(UserError, match="at most"):
        roster.add_students(store, room.id, "\n".join(f"Student {n}" for n in range(roster.MAX_ADD_AT_ONCE + 1)))
    assert store.students(room.id) == []


def test_a_new_code_replaces_the_old_one_and_signs_the_student_out(store, room):
    [old] = roster.add_students(store, room.id, "Ana").issued
    signed = signin.student_code(store, old.code, None)
    new = roster.new_code(store, old.student)
    assert new.code != old.code
    assert sessions.by_id(store, signed.session.id) is None
    assert not signin.student_code(store, old.code, None).ok
    assert signin.student_code(store, new.code, None).student == old.student


def test_moving_a_student_takes_their_attempts_along(store, room):
    other = store.create_class("History 9C")
    [ana] = roster.add_students(store, room.id, "Ana").issued
    quiz = load_course([TESTDATA / "course" / "lessons", TESTDATA / "course" / "quizzes"]).quizzes["every-kind"]
    store.start_attempt(plan_attempt(quiz, 1), student_id=ana.student.id)
    roster.move(store, ana.student, other)
    assert store.student(ana.student.id).class_id == other.id
    assert [row["student"] for row in store.attempt_rows(class_id=other.id)] == ["Ana"]
    assert store.attempt_rows(class_id=room.id) == []


def test_moving_into_a_class_with_the_same_name_is_refused(store, room):
    other = store.create_class("History 9C")
    ana = store.add_student(room.id, "Ana")
    store.add_student(other.id, "ANA")
    with pytest.raises(UserError, match="already has a student with this name"):
        roster.move(store, ana, other)


def test_removing_a_student_ends_their_sessions_and_their_data(store, room):
    [ana] = roster.add_students(store, room.id, "Ana").issued
    signed = signin.student_code(store, ana.code, None)
    roster.remove(store, ana.student)
    assert store.student(ana.student.id) is None
    assert sessions.by_id(store, signed.session.id) is None
