"""Signing in: a student's personal code, joining a class by its code, the teacher's password.

Every try goes through the database throttle first (``throttle.attempt`` counts it before
anything is checked), keyed by the client's address: a student typing codes at random is
slowed down after ten misses, a teacher's password after three, and every wrong teacher
password anywhere also counts against one shared key whose wait is capped at ten seconds
(a flood of guesses from many addresses slows every try a little, never locks the teacher
out). A right answer opens a session (``sessions.open_session``).

Joining a class with its code and a name *enrols* a new student and hands out their
personal code; a name already in the class is refused, so nobody can step into a
classmate's record by typing their name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from classroom import auth
from classroom.errors import UserError
from classroom.people import codes, sessions, throttle
from classroom.people.names import clean_name, name_key
from classroom.results.store import Store, Student

STUDENT_CLIENT = throttle.Policy(free=10, first_delay=1.0, max_delay=30.0)
TEACHER_CLIENT = throttle.Policy(free=3, first_delay=1.0, max_delay=60.0)
TEACHER_EVERYONE = throttle.Policy(free=3, first_delay=1.0, max_delay=10.0)
EVERYONE = "teacher:everyone"


@dataclass(frozen=True)
class SignIn:
    """What the screen shows: whether the door opened, why not, and for how long to wait."""

    ok: bool
    message: str
    wait_seconds: float = 0.0
    session: sessions.Session | None = None
    claim: str | None = None  # one-time: the screen hands it to the cookie route
    student: Student | None = None
    new_code: str | None = None  # a student who just joined: their personal code, shown once


def wait_message(seconds: float, what: str = "tries") -> str:
    whole = max(1, math.ceil(seconds))  # round up: "wait 0 seconds" would be a lie
    return f"Too many wrong {what}. Wait {whole} second{'s' if whole != 1 else ''} and try again."


def _client(client: str | None) -> str:
    return client or "local"


def student_code(store: Store, typed: str, client: str | None) -> SignIn:
    """Sign a student in with their personal code (``K7M2-QP4X``, any case, spaces or dashes)."""
    key = f"student:{_client(client)}"
    wait = throttle.attempt(store, key, STUDENT_CLIENT)
    if wait:
        return SignIn(False, wait_message(wait, "codes"), wait)
    student = store.student_by_code_hash(codes.code_hash(typed)) if codes.looks_like_code(typed) else None
    if student is None:
        return SignIn(
            False, "That sign-in code is not right. Check it on your card, or ask your teacher for a new one."
        )
    throttle.succeeded(store, key)
    session, claim = sessions.open_session(store, sessions.STUDENT, student_id=student.id)
    return SignIn(True, f"Signed in as {student.display_name}.", session=session, claim=claim, student=student)


def join_class(store: Store, class_code: str, typed_name: str, client: str | None) -> SignIn:
    """Enrol a new student in a class by its code; their personal code comes back once, in ``new_code``."""
    key = f"student:{_client(client)}"
    name = clean_name(typed_name)
    if not name_key(name):
        return SignIn(False, "Type your name as your teacher will know it.")
    wait = throttle.attempt(store, key, STUDENT_CLIENT)
    if wait:
        return SignIn(False, wait_message(wait, "codes"), wait)
    room = store.class_by_code(class_code)
    if room is None:
        return SignIn(False, "No class has that code. Check the code on the board.")
    throttle.succeeded(store, key)
    if store.student_named(room.id, name) is not None:
        return SignIn(
            False,
            f"Someone in {room.name} already joined as {name}. If that is you, sign in with your personal "
            "code; if not, add something to tell you apart (an initial), or ask your teacher.",
        )
    code = codes.new_code()
    try:
        student = store.add_student(room.id, name, codes.code_hash(code))
    except UserError:  # the same name joined at the same moment from another device
        return SignIn(False, f"Someone in {room.name} already joined as {name}. Ask your teacher.")
    session, claim = sessions.open_session(store, sessions.STUDENT, student_id=student.id)
    return SignIn(
        True,
        f"Welcome to {room.name}, {student.display_name}.",
        session=session,
        claim=claim,
        student=student,
        new_code=code,
    )


def teacher_password(store: Store, typed: str, client: str | None) -> SignIn:
    """Check the teacher password after counting the try under this client's key and everyone's."""
    stored = auth.stored_hash()
    if stored is None:
        return SignIn(False, f"No teacher password is set. On the server, run: {auth.SET_PASSWORD_COMMAND}")
    key = f"teacher:{_client(client)}"
    wait = max(throttle.wait(store, key, TEACHER_CLIENT), throttle.wait(store, EVERYONE, TEACHER_EVERYONE))
    if wait:
        return SignIn(False, wait_message(wait, "passwords"), wait)
    wait = throttle.attempt(store, key, TEACHER_CLIENT)
    if not wait:
        wait = throttle.attempt(store, EVERYONE, TEACHER_EVERYONE)
    if wait:  # a simultaneous guess got in first
        return SignIn(False, wait_message(wait, "passwords"), wait)
    if not auth.verify_password(typed, stored):
        wait = max(throttle.wait(store, key, TEACHER_CLIENT), throttle.wait(store, EVERYONE, TEACHER_EVERYONE))
        return SignIn(False, "Wrong password." + (f" {wait_message(wait, 'passwords')}" if wait else ""), wait)
    throttle.succeeded(store, key)
    session, claim = sessions.open_session(store, sessions.TEACHER, teacher="password")
    return SignIn(True, "Signed in.", session=session, claim=claim)
