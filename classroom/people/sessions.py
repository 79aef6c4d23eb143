"""Sessions that last: a random token in an HttpOnly cookie, only its SHA-256 in the database.

Signing in happens on the app's page (a Streamlit form), which cannot set a cookie. So
:func:`open_session` returns a one-time *claim*: the page puts it in an image URL served
by ``server/auth_routes.py``, whose response sets the cookie with a fresh token
(:func:`claim`). The claim works once, for two minutes. From then on every reload, new
tab, restarted server or other server process finds the student again from the cookie
(:func:`by_token`). The browser tab that signed in remembers the session's id, which is
not a secret to anyone but that tab's server-side state.

Student sessions last 90 days, or 14 days unused; a teacher's 12 hours (a school day),
or 2 hours unused. Ending a session (sign out, a new sign-in code, removing a student)
deletes its row, so every tab and cookie holding it is signed out at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from classroom.results.store import Store, sessions

STUDENT, TEACHER = "student", "teacher"
LIFETIME = {STUDENT: dt.timedelta(days=90), TEACHER: dt.timedelta(hours=12)}
IDLE = {STUDENT: dt.timedelta(days=14), TEACHER: dt.timedelta(hours=2)}
CLAIM_LIFETIME = dt.timedelta(minutes=2)
TOUCH_EVERY = dt.timedelta(minutes=1)  # last_seen_at is written at most this often per session
COOKIE = {STUDENT: "classroom_student", TEACHER: "classroom_teacher"}


@dataclass(frozen=True)
class Session:
    id: str
    role: str
    student_id: int | None
    teacher: str | None
    expires_at: dt.datetime


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _expiry(row: sa.Row, now: dt.datetime) -> dt.datetime | None:
    """When the session ends (the sooner of its lifetime and its idle limit), or None when it has."""
    ends = min(_aware(row.expires_at), _aware(row.last_seen_at) + IDLE.get(row.role, dt.timedelta(0)))
    return ends if now < ends else None


def _session(row: sa.Row, ends: dt.datetime) -> Session:
    return Session(row.id, row.role, row.student_id, row.teacher, ends)


def open_session(
    store: Store,
    role: str,
    *,
    student_id: int | None = None,
    teacher: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[Session, str]:
    """A new session and its one-time claim (for the cookie route)."""
    if role not in LIFETIME or (role == STUDENT) != (student_id is not None):
        raise ValueError(f"a {role} session needs {'a student' if role == STUDENT else 'no student'}")
    now = now or utcnow()
    session_id, claim_secret = secrets.token_urlsafe(18), secrets.token_urlsafe(24)
    expires = now + LIFETIME[role]
    with store.engine.begin() as conn:
        conn.execute(
            sessions.insert().values(
                id=session_id,
                token_hash=None,
                claim_hash=_hash(claim_secret),
                claim_expires_at=now + CLAIM_LIFETIME,
                role=role,
                student_id=student_id,
                teacher=teacher,
                created_at=now,
                last_seen_at=now,
                expires_at=expires,
            )
        )
    return Session(session_id, role, student_id, teacher, min(expires, now + IDLE[role])), claim_secret


def claim(store: Store, secret: str, now: dt.datetime | None = None) -> tuple[Session, str] | None:
    """Trade a claim for the cookie's token, once; None when the claim is unknown, used or stale."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    with store.engine.begin() as conn:
        row = conn.execute(sa.select(sessions).where(sessions.c.claim_hash == _hash(secret))).first()
        if row is None or row.claim_expires_at is None or _aware(row.claim_expires_at) <= now:
            return None
        ends = _expiry(row, now)
        if ends is None:
            return None
        done = conn.execute(
            sessions.update()
            .where(sessions.c.id == row.id, sessions.c.claim_hash == _hash(secret))
            .values(claim_hash=None, claim_expires_at=None, token_hash=_hash(token), last_seen_at=now)
        )
        if done.rowcount != 1:  # claimed at the same moment by another request
            return None
    return _session(row, ends), token


def _live(store: Store, where: sa.ColumnElement[bool], now: dt.datetime | None) -> Session | None:
    now = now or utcnow()
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(sessions).where(where)).first()
    if row is None:
        return None
    ends = _expiry(row, now)
    if ends is None:
        end(store, row.id)
        return None
    if now - _aware(row.last_seen_at) >= TOUCH_EVERY:
        with store.engine.begin() as conn:
            conn.execute(sessions.update().where(sessions.c.id == row.id).values(last_seen_at=now))
        ends = min(_aware(row.expires_at), now + IDLE[row.role])
    return _session(row, ends)


def by_token(store: Store, token: str, now: dt.datetime | None = None) -> Session | None:
    """The live session a cookie's token belongs to (its last use noted), or None."""
    if not isinstance(token, str) or not token or len(token) > 200:
        return None
    return _live(store, sessions.c.token_hash == _hash(token), now)


def by_id(store: Store, session_id: str, now: dt.datetime | None = None) -> Session | None:
    """The live session with this id (what the tab that signed in remembers), or None."""
    if not session_id:
        return None
    return _live(store, sessions.c.id == session_id, now)


def end(store: Store, session_id: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.id == session_id))


def end_by_token(store: Store, token: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(sessions.delete().where(sessions.c.token_hash == _hash(token)))


def end_for_student(store: Store, student_id: int) -> int:
    """Sign a student out everywhere (a new code, a removal); returns how many sessions ended."""
    with store.engine.begin() as conn:
        return conn.execute(sessions.delete().where(sessions.c.student_id == student_id)).rowcount


def purge(store: Store, now: dt.datetime | None = None) -> int:
    """Delete sessions past their lifetime (idle ones are deleted when next looked up)."""
    with store.engine.begin() as conn:
        return conn.execute(sessions.delete().where(sessions.c.expires_at <= (now or utcnow()))).rowcount
