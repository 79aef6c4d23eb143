"""The results store: every submitted answer is written the moment it is submitted.

SQLAlchemy Core over a SQLite file by default (``data/classroom.db``, WAL
mode, created on first use), or PostgreSQL when ``CLASSROOM_DATABASE_URL``
says so. The schema is built by the ordered, named migrations in migrations.py,
recorded in the database and applied at start-up; the tables below describe the
schema after the last of them.

An answer is one row keyed by (attempt, question): a second submission of the
same question, a retry after a dropped connection, or a race between two
threads can never count twice.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from classroom import settings
from classroom.errors import InternalError, UserError
from classroom.people.names import clean_name, name_key
from classroom.quiz.attempts import Attempt, AttemptPlan
from classroom.quiz.grading import Graded, QuizScore
from classroom.results import migrations, preflight

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on a board

metadata = sa.MetaData()

# The tables as they stand after the last migration in migrations.py (plus its ledger table), so that
# metadata describes the whole database. Changing a table here needs a new migration step there.
migrations.migrations_table.to_metadata(metadata)
classes = sa.Table(
    "classes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("join_code", sa.String(12), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
students = sa.Table(
    "students",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("display_name", sa.String(100), nullable=False),
    sa.Column("name_key", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("code_hash", sa.String(64), nullable=True),  # sha256 of the personal sign-in code (0002)
    sa.Column("code_set_at", sa.DateTime(timezone=True), nullable=True),
    sa.UniqueConstraint("class_id", "name_key", name="uq_student_name_in_class"),
    sa.Index("ix_students_code_hash", "code_hash", unique=True),
)
attempts = sa.Table(
    "attempts",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),  # random: doubles as the resume token
    sa.Column("quiz_id", sa.String(100), nullable=False, index=True),
    sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="SET NULL"), nullable=True),
    sa.Column("kiosk", sa.String(100), nullable=True),
    sa.Column("plan", sa.Text, nullable=False),
    sa.Column("retry", sa.Boolean, nullable=False, default=False),  # only the missed questions: no whole-quiz score
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("score", sa.Float, nullable=True),
    sa.Column("max_points", sa.Float, nullable=True),
    sa.Column("percent", sa.Float, nullable=True),
    sa.Column("passed", sa.Boolean, nullable=True),
)
responses = sa.Table(
    "responses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("attempt_id", sa.String(40), sa.ForeignKey("attempts.id", ondelete="CASCADE"), nullable=False),
    sa.Column("question_id", sa.String(100), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("topic", sa.String(20), nullable=False),
    sa.Column("response", sa.Text, nullable=False),  # JSON of what the student gave
    sa.Column("verdict", sa.String(10), nullable=False),
    sa.Column("points", sa.Float, nullable=False),
    sa.Column("max_points", sa.Float, nullable=False),
    sa.Column("feedback", sa.Text, nullable=False),
    sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("attempt_id", "question_id", name="uq_one_answer_per_question"),
)
# Built once: a statement object keeps its cache key, which a fresh ``insert()`` per answer recomputed.
INSERT_RESPONSE = responses.insert()
# 0002: sign-in sessions, the sign-in throttle and the lessons a student has read (classroom/people/).
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),  # random; what a browser tab's own session remembers
    sa.Column("token_hash", sa.String(64), nullable=True, unique=True),  # sha256 of the cookie's token
    sa.Column("claim_hash", sa.String(64), nullable=True, unique=True),  # sha256 of the one-time cookie claim
    sa.Column("claim_expires_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("role", sa.String(10), nullable=False),  # "student" or "teacher"
    sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=True, index=True),
    sa.Column("teacher", sa.String(200), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
)
throttle = sa.Table(
    "sign_in_throttle",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_failure_at", sa.Float, nullable=False),  # seconds since the epoch (portable arithmetic)
    sa.Column("next_try_at", sa.Float, nullable=False),
)
lesson_reads = sa.Table(
    "lesson_reads",
    metadata,
    sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("lesson_id", sa.String(100), primary_key=True),
    sa.Column("first_read_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_read_at", sa.DateTime(timezone=True), nullable=False),
)

# A teacher's uploads and the app's download files, readable by every server process (0003).
uploaded_files = sa.Table(
    "uploaded_files",
    metadata,
    sa.Column("session_id", sa.String(64), primary_key=True),  # the Streamlit session that uploads
    sa.Column("file_id", sa.String(64), primary_key=True),
    sa.Column("owner", sa.String(40), nullable=False, index=True),  # the teacher's sign-in session id
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("mimetype", sa.String(200), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False, index=True),
)
media_files = sa.Table(
    "media_files",
    metadata,
    sa.Column("file_id", sa.String(64), primary_key=True),  # a hash of the content, type and name
    sa.Column("mimetype", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),  # "media" (shown) or "downloadable"
    sa.Column("filename", sa.String(300), nullable=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _new_id(key: Sequence[Any] | None) -> int:
    """The id of the row just inserted (SQLAlchemy gives no key when nothing was inserted)."""
    if key is None:
        raise InternalError("the database did not report the id of the new row")
    return key[0]


@dataclass(frozen=True)
class ClassRoom:
    id: int
    name: str
    join_code: str


@dataclass(frozen=True)
class Student:
    id: int
    class_id: int
    display_name: str


@dataclass(frozen=True)
class StoredAttempt:
    """An attempt as saved: enough to resume it on any server after any restart."""

    id: str
    quiz_id: str
    student_id: int | None
    attempt: Attempt
    finished: bool


def _plan_to_json(plan: AttemptPlan) -> str:
    return json.dumps(
        {
            "quiz_id": plan.quiz_id,
            "seed": plan.seed,
            "question_ids": plan.question_ids,
            "option_orders": plan.option_orders,
            "retry": plan.retry,
        }
    )


def _plan_from_json(text: str) -> AttemptPlan:
    data = json.loads(text)
    orders = {key: tuple(value) for key, value in data["option_orders"].items()}
    return AttemptPlan(data["quiz_id"], data["seed"], tuple(data["question_ids"]), orders, data["retry"])


class Store:
    """All reads and writes of results; safe to share between threads and sessions."""

    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        self.url = url or settings.database_url()
        self.engine = engine or self._make_engine(self.url)
        self.migrate()

    @staticmethod
    def _make_engine(url: str) -> Engine:
        if url.startswith("sqlite"):
            path = preflight.sqlite_path(url)
            if path is not None:  # names and answers: readable by the app's user only (mode 0600)
                preflight.private_sqlite_file(path)
            engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

            @sa.event.listens_for(engine, "connect")
            def _pragmas(dbapi_connection: Any, _record: Any) -> None:
                cursor = dbapi_connection.cursor()
                cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
                cursor.execute("PRAGMA foreign_keys=ON")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; an fsync per commit would be slow
                cursor.close()

            return engine
        return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ schema

    def migrate(self) -> list[str]:
        """Apply the migrations this database has not seen yet; return their names."""
        return migrations.migrate(self.engine)

    def applied_migrations(self) -> list[str]:
        return migrations.applied(self.engine)

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    # ------------------------------------------------------------ classes and students

    def create_class(self, name: str) -> ClassRoom:
        name = name.strip()
        if not name:
            raise UserError("a class needs a name")
        for _ in range(20):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
            try:
                with self._tx() as conn:
                    result = conn.execute(classes.insert().values(name=name, join_code=code, created_at=_now()))
                    return ClassRoom(_new_id(result.inserted_primary_key), name, code)
            except IntegrityError:
                continue
        raise InternalError("could not find a free join code")

    def classes(self) -> list[ClassRoom]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(classes).order_by(classes.c.name, classes.c.id))
            return [ClassRoom(row.id, row.name, row.join_code) for row in rows]

    def class_by_code(self, code: str) -> ClassRoom | None:
        cleaned = re.sub(r"[^A-Z0-9]", "", code.upper())
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(classes).where(classes.c.join_code == cleaned)).first()
        return ClassRoom(row.id, row.name, row.join_code) if row else None

    def class_by_id(self, class_id: int) -> ClassRoom | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(classes).where(classes.c.id == class_id)).first()
        return ClassRoom(row.id, row.name, row.join_code) if row else None

    def add_student(self, class_id: int, display_name: str, code_hash: str | None = None) -> Student:
        """A new student in a class; the name is cleaned (classroom/people/names.py) and must be free there."""
        shown = clean_name(display_name)
        if not name_key(shown):
            raise UserError("a student needs a name")
        try:
            with self._tx() as conn:
                result = conn.execute(
                    students.insert().values(
                        class_id=class_id,
                        display_name=shown,
                        name_key=name_key(shown),
                        created_at=_now(),
                        code_hash=code_hash,
                        code_set_at=_now() if code_hash else None,
                    )
                )
                return Student(_new_id(result.inserted_primary_key), class_id, shown)
        except IntegrityError as error:
            raise UserError(f"this class already has a student called {shown!r}") from error

    def student(self, student_id: int) -> Student | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(students).where(students.c.id == student_id)).first()
        return Student(row.id, row.class_id, row.display_name) if row else None

    def student_named(self, class_id: int, display_name: str) -> Student | None:
        """The student of this class whose name is the same once case, accents and spaces are ignored."""
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(students).where(
                    students.c.class_id == class_id, students.c.name_key == name_key(display_name)
                )
            ).first()
        return Student(row.id, row.class_id, row.display_name) if row else None

    def student_by_code_hash(self, code_hash: str) -> Student | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(students).where(students.c.code_hash == code_hash)).first()
        return Student(row.id, row.class_id, row.display_name) if row else None

    def set_code_hash(self, student_id: int, code_hash: str) -> None:
        with self._tx() as conn:
            conn.execute(
                students.update().where(students.c.id == student_id).values(code_hash=code_hash, code_set_at=_now())
            )

    def code_set_at(self, class_id: int) -> dict[int, dt.datetime | None]:
        """When each student of a class got their current sign-in code (None: they have none)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(students.c.id, students.c.code_set_at, students.c.code_hash).where(
                    students.c.class_id == class_id
                )
            )
            return {row.id: _aware(row.code_set_at) if row.code_hash else None for row in rows}

    def move_student(self, student_id: int, class_id: int) -> None:
        """Put a student in another class, with their attempts (the gradebook follows them)."""
        try:
            with self._tx() as conn:
                conn.execute(students.update().where(students.c.id == student_id).values(class_id=class_id))
                conn.execute(attempts.update().where(attempts.c.student_id == student_id).values(class_id=class_id))
        except IntegrityError as error:
            raise UserError("that class already has a student with this name") from error

    # ------------------------------------------------------------ lessons read

    def record_read(self, student_id: int, lesson_id: str) -> None:
        now = _now()
        with self._tx() as conn:
            done = conn.execute(
                lesson_reads.update()
                .where(lesson_reads.c.student_id == student_id, lesson_reads.c.lesson_id == lesson_id)
                .values(last_read_at=now)
            )
            if done.rowcount:
                return
        try:
            with self._tx() as conn:
                conn.execute(
                    lesson_reads.insert().values(
                        student_id=student_id, lesson_id=lesson_id, first_read_at=now, last_read_at=now
                    )
                )
        except IntegrityError:  # read at the same moment in another tab: that row stands
            pass

    def lessons_read(self, student_id: int) -> dict[str, dt.datetime]:
        """Lesson id -> when the student last read it."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(lesson_reads.c.lesson_id, lesson_reads.c.last_read_at).where(
                    lesson_reads.c.student_id == student_id
                )
            )
            return {row.lesson_id: _aware(row.last_read_at) for row in rows}  # type: ignore[misc]

    def students(self, class_id: int) -> list[Student]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(students).where(students.c.class_id == class_id).order_by(students.c.display_name)
            )
            return [Student(row.id, row.class_id, row.display_name) for row in rows]

    def delete_student(self, student_id: int) -> None:
        """Remove a student and everything recorded about them."""
        with self._tx() as conn:
            attempt_ids = sa.select(attempts.c.id).where(attempts.c.student_id == student_id)
            conn.execute(responses.delete().where(responses.c.attempt_id.in_(attempt_ids)))
            conn.execute(attempts.delete().where(attempts.c.student_id == student_id))
            conn.execute(students.delete().where(students.c.id == student_id))

    def export_student(self, student_id: int) -> dict[str, Any]:
        """Everything stored about one student, as plain JSON-ready data."""
        with self.engine.connect() as conn:
            student = conn.execute(sa.select(students).where(students.c.id == student_id)).first()
            if student is None:
                return {}
            tries = conn.execute(
                sa.select(attempts).where(attempts.c.student_id == student_id).order_by(attempts.c.started_at)
            ).all()
            answers = conn.execute(
                sa.select(responses)
                .where(responses.c.attempt_id.in_([a.id for a in tries]))
                .order_by(responses.c.answered_at)
            ).all()
        return {
            "student": {"id": student.id, "display_name": student.display_name, "class_id": student.class_id},
            "attempts": [_attempt_summary(row) for row in tries],
            "responses": [_response_row(row) for row in answers],
        }

    # ------------------------------------------------------------ attempts

    def start_attempt(
        self, plan: AttemptPlan, student_id: int | None = None, class_id: int | None = None, kiosk: str | None = None
    ) -> str:
        attempt_id = secrets.token_urlsafe(16)
        with self._tx() as conn:
            if student_id is not None and class_id is None:
                class_id = conn.execute(sa.select(students.c.class_id).where(students.c.id == student_id)).scalar()
            conn.execute(
                attempts.insert().values(
                    id=attempt_id,
                    quiz_id=plan.quiz_id,
                    student_id=student_id,
                    class_id=class_id,
                    kiosk=kiosk,
                    plan=_plan_to_json(plan),
                    retry=plan.retry,
                    started_at=_now(),
                )
            )
        return attempt_id

    def record_answer(self, attempt_id: str, response: Any, graded: Graded) -> Graded:
        """Write one graded answer in one transaction; a repeat returns the first answer unchanged."""
        try:
            with self._tx() as conn:
                conn.execute(  # parameters beside the statement: ``.values()`` rebuilt it each time
                    INSERT_RESPONSE,
                    {
                        "attempt_id": attempt_id,
                        "question_id": graded.id,
                        "kind": graded.kind,
                        "topic": graded.topic,
                        "response": json.dumps(response, ensure_ascii=False, default=str),
                        "verdict": graded.verdict,
                        "points": graded.points,
                        "max_points": graded.max,
                        "feedback": graded.feedback,
                        "answered_at": _now(),
                    },
                )
            return graded
        except IntegrityError:
            stored = self.load_attempt(attempt_id)
            if stored is None or graded.id not in stored.attempt.graded:
                raise
            return stored.attempt.graded[graded.id]

    def finish_attempt(self, attempt_id: str, score: QuizScore) -> None:
        with self._tx() as conn:
            conn.execute(
                attempts.update()
                .where(attempts.c.id == attempt_id, attempts.c.finished_at.is_(None))
                .values(
                    finished_at=_now(),
                    score=score.score,
                    max_points=score.max,
                    percent=score.percent,
                    passed=score.passed,
                )
            )

    def load_attempt(self, attempt_id: str) -> StoredAttempt | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(attempts).where(attempts.c.id == attempt_id)).first()
            if row is None:
                return None
            answers = conn.execute(
                sa.select(responses).where(responses.c.attempt_id == attempt_id).order_by(responses.c.id)
            ).all()
        attempt = Attempt(_plan_from_json(row.plan))
        for answer in answers:
            attempt.responses[answer.question_id] = json.loads(answer.response)
            attempt.graded[answer.question_id] = Graded(
                answer.question_id,
                answer.kind,
                answer.topic,
                answer.verdict,
                answer.points,
                answer.max_points,
                answer.feedback,
            )
        return StoredAttempt(row.id, row.quiz_id, row.student_id, attempt, row.finished_at is not None)

    def open_attempt(self, student_id: int, quiz_id: str) -> StoredAttempt | None:
        """The student's latest unfinished attempt at a quiz, to pick up where they stopped."""
        with self.engine.connect() as conn:
            attempt_id = conn.execute(
                sa.select(attempts.c.id)
                .where(
                    attempts.c.student_id == student_id,
                    attempts.c.quiz_id == quiz_id,
                    attempts.c.finished_at.is_(None),
                )
                .order_by(attempts.c.started_at.desc())
                .limit(1)
            ).scalar()
        return self.load_attempt(attempt_id) if attempt_id else None

    def best_scores(self, student_id: int) -> dict[str, float]:
        """Best percent per quiz over the student's finished attempts."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(attempts.c.quiz_id, sa.func.max(attempts.c.percent))
                .where(
                    attempts.c.student_id == student_id,
                    attempts.c.finished_at.is_not(None),
                    attempts.c.retry.is_(False),
                )
                .group_by(attempts.c.quiz_id)
            )
            return {quiz_id: best for quiz_id, best in rows}

    # ------------------------------------------------------------ reports

    def attempt_rows(
        self, class_id: int | None = None, quiz_id: str | None = None, student_id: int | None = None
    ) -> list[dict[str, Any]]:
        """One row per attempt with the student's name, for dashboards, the gradebook, "My work" and CSV export."""
        query = sa.select(attempts, students.c.display_name).select_from(
            attempts.outerjoin(students, attempts.c.student_id == students.c.id)
        )
        if student_id is not None:
            query = query.where(attempts.c.student_id == student_id)
        if class_id is not None:
            query = query.where(attempts.c.class_id == class_id)
        if quiz_id is not None:
            query = query.where(attempts.c.quiz_id == quiz_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(attempts.c.started_at)).all()
        return [{**_attempt_summary(row), "student": row.display_name or "(anonymous)"} for row in rows]

    def response_rows(
        self, class_id: int | None = None, quiz_id: str | None = None, student_id: int | None = None
    ) -> list[dict[str, Any]]:
        """One row per answered question: who, which attempt, what they gave, how it was marked."""
        query = sa.select(
            responses,
            attempts.c.quiz_id,
            attempts.c.student_id,
            attempts.c.kiosk,
            students.c.display_name,
        ).select_from(
            responses.join(attempts, responses.c.attempt_id == attempts.c.id).outerjoin(
                students, attempts.c.student_id == students.c.id
            )
        )
        if class_id is not None:
            query = query.where(attempts.c.class_id == class_id)
        if quiz_id is not None:
            query = query.where(attempts.c.quiz_id == quiz_id)
        if student_id is not None:
            query = query.where(attempts.c.student_id == student_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(responses.c.answered_at, responses.c.id)).all()
        return [
            {
                **_response_row(row),
                "quiz_id": row.quiz_id,
                "student_id": row.student_id,
                "student": row.display_name or "(anonymous)",
                "kiosk": row.kiosk,
            }
            for row in rows
        ]


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives naive datetimes back; they were written in UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def _attempt_summary(row: Any) -> dict[str, Any]:
    return {
        "attempt_id": row.id,
        "quiz_id": row.quiz_id,
        "student_id": row.student_id,
        "class_id": row.class_id,
        "kiosk": row.kiosk,
        "started_at": _aware(row.started_at),
        "finished_at": _aware(row.finished_at),
        "score": row.score,
        "max": row.max_points,
        "percent": row.percent,
        "passed": row.passed,
        "retry": row.retry,
        "asked": len(json.loads(row.plan)["question_ids"]),
    }


def _response_row(row: Any) -> dict[str, Any]:
    return {
        "attempt_id": row.attempt_id,
        "question_id": row.question_id,
        "kind": row.kind,
        "topic": row.topic,
        "response": json.loads(row.response),
        "verdict": row.verdict,
        "points": row.points,
        "max": row.max_points,
        "feedback": row.feedback,
        "answered_at": _aware(row.answered_at),
    }
