"""Sessions: a one-time claim becomes the cookie's token; tokens hashed; expiry, idle limit, ending."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
import sqlalchemy as sa

from classroom.people import sessions
from classroom.results.store import Store
from classroom.results.store import sessions as sessions_table

T0 = dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def ana(store):
    room = store.create_class("9B")
    return store.add_student(room.id, "Ana")


def rows(store: Store) -> list[sa.Row]:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sessions_table)).all()


def test_a_claim_works_once_and_gives_a_token_only_its_hash_is_kept(store, ana):
    opened, claim = sessions.open_session(store, sessions.STUDENT, student_id=ana.id, now=T0)
    found = sessions.claim(store, claim, now=T0 + dt.timedelta(seconds=5))
    assert found is not None
    session, token = found
    assert session.id == opened.id and session.student_id == ana.id and session.role == "student"
    assert sessions.claim(store, claim, now=T0 + dt.timedelta(seconds=6)) is None  # once only
    [row] = rows(store)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {str(value) for value in row}  # the token itself is nowhere in the table
    assert row.claim_hash is None
    assert sessions.by_token(store, token, now=T0 + dt.timedelta(minutes=1)).id == opened.id


def test_a_stale_or_unknown_claim_gives_nothing(store, ana):
    _, claim = sessions.open_session(store, sessions.STUDENT, student_id=ana.id, now=T0)
    assert sessions.claim(store, claim, now=T0 + sessions.CLAIM_LIFETIME) is None
    assert sessions.claim(store, "not-a-claim", now=T0) is None
    assert sessions.by_token(store, "", now=T0) is None
    assert sessions.by_token(store, "x" * 5000, now=T0) is None


def test_a_session_ends_after_its_lifetime_even_when_used(store, ana):
    opened, claim = sessions.open_session(store, sessions.STUDENT, student_id=ana.id, now=T0)
    _, token = sessions.claim(store, claim, now=T0)
    moment = T0
    while moment + dt.timedelta(days=7) < T0 + sessions.LIFETIME["student"]:
        moment += dt.timedelta(days=7)  # used every week: never idle for 14 days
        assert sessions.by_token(store, token, now=moment) is not None
    assert sessions.by_token(store, token, now=T0 + sessions.LIFETIME["student"]) is None
    assert rows(store) == []  # an ended session is deleted when it is next looked up


def test_an_unused_session_ends_after_its_idle_limit(store):
    opened, claim = sessions.open_session(store, sessions.TEACHER, teacher="password", now=T0)
    _, token = sessions.claim(store, claim, now=T0)
    assert sessions.by_token(store, token, now=T0 + dt.timedelta(hours=1, minutes=59)) is not None
    # the look-up above counts as use: two more hours from then
    assert sessions.by_token(store, token, now=T0 + dt.timedelta(hours=3, minutes=58)) is not None
    assert sessions.by_id(store, opened.id, now=T0 + dt.timedelta(hours=6)) is None


def test_a_teacher_session_lasts_a_school_day_at_most(store):
    opened, _ = sessions.open_session(store, sessions.TEACHER, teacher="password", now=T0)
    moment = T0
    for _ in range(11):
        moment += dt.timedelta(hours=1)
        assert sessions.by_id(store, opened.id, now=moment) is not None
    assert sessions.by_id(store, opened.id, now=T0 + dt.timedelta(hours=12)) is None


def test_ending_a_session_or_all_of_a_students_ends_them_everywhere(store, ana):
    first, claim = sessions.open_session(store, sessions.STUDENT, student_id=ana.id, now=T0)
    _, token = sessions.claim(store, claim, now=T0)
    second, _ = sessions.open_session(store, sessions.STUDENT, student_id=ana.id, now=T0)
    teacher, _ = sessions.open_session(store, sessions.TEACHER, teacher="password", now=T0)
    sessions.end(store, first.id)
    assert sessions.by_token(store, token, now=T0) is None
    assert sessions.by_id(store, second.id, now=T0) is not None
    assert sessions.end_for_student(store, ana.id) == 1
    assert sessions.by_id(store, second.id, now=T0) is None
    assert sessions.by_id(store, teacher.id, now=T0) is not None  # the teacher's is untouched


def test_deleting_a_student_deletes_their_sessions(store, ana):
    opened, _ = sessions.open_session(store, sessions.STUDENT, student_id=ana.id, now=T0)
    store.delete_student(ana.id)
    assert sessions.by_id(store, opened.id, now=T0) is None and rows(store) == []


def test_purge_deletes_sessions_past_their_lifetime(store, ana):
    sessions.open_session(store, sessions.STUDENT, student_id=ana.id, now=T0)
    sessions.open_session(store, sessions.TEACHER, teacher="password", now=T0)
    assert sessions.purge(store, now=T0 + dt.timedelta(days=1)) == 1  # the teacher's day is over
    assert [row.role for row in rows(store)] == ["student"]


def test_a_session_is_for_a_student_or_a_teacher_never_both(store, ana):
    with pytest.raises(ValueError):
        sessions.open_session(store, sessions.STUDENT)
    with pytest.raises(ValueError):
        sessions.open_session(store, sessions.TEACHER, student_id=ana.id)
