"""The teacher's roster: add students with their personal codes, give a new code, move, remove.

A code is shown once, when it is made (the teacher prints the cards then); only its hash is
kept. A lost card is no trouble: a new code replaces it and signs the student out everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from classroom.errors import UserError
from classroom.people import codes, sessions
from classroom.people.names import clean_name, lookalikes, name_key
from classroom.results.store import ClassRoom, Store, Student

MAX_ADD_AT_ONCE = 200  # a whole year group fits; a pasted book does not


@dataclass(frozen=True)
class Issued:
    """A student and the code just made for them (printed on their card, never stored as is)."""

    student: Student
    code: str


@dataclass(frozen=True)
class Added:
    issued: list[Issued]
    skipped: list[str]  # why each line was not added, in the teacher's words


def add_students(store: Store, class_id: int, lines: str) -> Added:
    """One student per non-empty line; a name already in the class (or twice in the list) is skipped, with why."""
    names = [clean_name(line) for line in lines.splitlines()]
    names = [name for name in names if name_key(name)]
    if len(names) > MAX_ADD_AT_ONCE:
        raise UserError(f"add at most {MAX_ADD_AT_ONCE} students at once ({len(names)} lines were given)")
    issued, skipped, seen = [], [], set()
    for name in names:
        if name_key(name) in seen:
            skipped.append(f"{name}: twice in the list")
            continue
        seen.add(name_key(name))
        if store.student_named(class_id, name) is not None:
            skipped.append(f"{name}: already in the class (give a new code instead)")
            continue
        code = codes.new_code()
        try:
            issued.append(Issued(store.add_student(class_id, name, codes.code_hash(code)), code))
        except UserError as error:
            skipped.append(f"{name}: {error}")
    return Added(issued, skipped)


def new_code(store: Store, student: Student) -> Issued:
    """A fresh code for a student; the old one stops working and every session it opened ends."""
    code = codes.new_code()
    store.set_code_hash(student.id, codes.code_hash(code))
    sessions.end_for_student(store, student.id)
    return Issued(student, code)


def move(store: Store, student: Student, to: ClassRoom) -> None:
    store.move_student(student.id, to.id)


def remove(store: Store, student: Student) -> None:
    """Delete a student, their answers and their sessions (the sessions go with the row)."""
    sessions.end_for_student(store, student.id)
    store.delete_student(student.id)


def flagged_names(store: Store, class_id: int) -> dict[int, list[str]]:
    """Students whose name only looks like a classmate's (e.g. a Cyrillic "А"): id -> the names it resembles."""
    people = store.students(class_id)
    similar = lookalikes([student.display_name for student in people])
    return {student.id: similar[student.display_name] for student in people if student.display_name in similar}
