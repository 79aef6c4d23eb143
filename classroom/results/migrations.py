"""The results schema, built step by step: an ordered list of named migrations.

Each step runs once per database, in order, in its own transaction, and its name is written to
``schema_migrations`` in that same transaction. A database made years ago and one made today
therefore end up with the same schema, as long as the steps themselves never change.

So the rules are:

* Never edit a step that has shipped; it has already run on databases you will never see.
  To change the schema, append a new step.
* A step carries its own table definitions (its own ``sa.MetaData()``), frozen as they were
  when it shipped. It never uses the tables in ``store.py``: those describe the schema *after
  the last step* and change whenever a step is added, which would quietly change what an old
  step creates on a new database.
* tests/test_migrations.py checks that the steps, run from an empty database, produce exactly
  the tables in ``store.py``, and that an old database saved as SQL in tests/testdata/schema/
  is brought up to date without losing its rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

Migration = tuple[str, Callable[[Connection], None]]

# The ledger of applied steps. It is created before any step runs, so no step may change it.
ledger = sa.MetaData()
migrations_table = sa.Table(
    "schema_migrations",
    ledger,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------- 0001_initial_tables
# Frozen copy of the four tables as first shipped. Do not edit, even to match store.py.

_v0001 = sa.MetaData()
sa.Table(
    "classes",
    _v0001,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("join_code", sa.String(12), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
sa.Table(
    "students",
    _v0001,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="CASCADE"), nullable=False),
    sa.Column("display_name", sa.String(100), nullable=False),
    sa.Column("name_key", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("class_id", "name_key", name="uq_student_name_in_class"),
)
sa.Table(
    "attempts",
    _v0001,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("quiz_id", sa.String(100), nullable=False, index=True),
    sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=True),
    sa.Column("class_id", sa.Integer, sa.ForeignKey("classes.id", ondelete="SET NULL"), nullable=True),
    sa.Column("kiosk", sa.String(100), nullable=True),
    sa.Column("plan", sa.Text, nullable=False),
    sa.Column("retry", sa.Boolean, nullable=False, default=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("score", sa.Float, nullable=True),
    sa.Column("max_points", sa.Float, nullable=True),
    sa.Column("percent", sa.Float, nullable=True),
    sa.Column("passed", sa.Boolean, nullable=True),
)
sa.Table(
    "responses",
    _v0001,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("attempt_id", sa.String(40), sa.ForeignKey("attempts.id", ondelete="CASCADE"), nullable=False),
    sa.Column("question_id", sa.String(100), nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("topic", sa.String(20), nullable=False),
    sa.Column("response", sa.Text, nullable=False),
    sa.Column("verdict", sa.String(10), nullable=False),
    sa.Column("points", sa.Float, nullable=False),
    sa.Column("max_points", sa.Float, nullable=False),
    sa.Column("feedback", sa.Text, nullable=False),
    sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("attempt_id", "question_id", name="uq_one_answer_per_question"),
)


def _0001_initial_tables(conn: Connection) -> None:
    _v0001.create_all(conn)


# ---------------------------------------------------------------- 0002_sign_in
# Personal sign-in codes on students; sessions, the sign-in throttle and lessons read as new tables.
# Frozen as shipped: do not edit.

_v0002 = sa.MetaData()
_v0002_students = sa.Table(
    "students",
    _v0002,
    sa.Column("code_hash", sa.String(64), nullable=True),
    sa.Column("code_set_at", sa.DateTime(timezone=True), nullable=True),
)
_v0002_students_code_index = sa.Index("ix_students_code_hash", _v0002_students.c.code_hash, unique=True)
_v0002_new = sa.MetaData()
sa.Table("students", _v0002_new, sa.Column("id", sa.Integer, primary_key=True))  # only for the foreign keys
sa.Table(
    "sessions",
    _v0002_new,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=True, unique=True),
    sa.Column("claim_hash", sa.String(64), nullable=True, unique=True),
    sa.Column("claim_expires_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("role", sa.String(10), nullable=False),
    sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), nullable=True, index=True),
    sa.Column("teacher", sa.String(200), nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
)
sa.Table(
    "sign_in_throttle",
    _v0002_new,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
    sa.Column("last_failure_at", sa.Float, nullable=False),
    sa.Column("next_try_at", sa.Float, nullable=False),
)
sa.Table(
    "lesson_reads",
    _v0002_new,
    sa.Column("student_id", sa.Integer, sa.ForeignKey("students.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("lesson_id", sa.String(100), primary_key=True),
    sa.Column("first_read_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_read_at", sa.DateTime(timezone=True), nullable=False),
)


def _add_column(conn: Connection, column: sa.Column) -> None:
    kind = column.type.compile(dialect=conn.dialect)
    conn.execute(sa.text(f"ALTER TABLE {column.table.name} ADD COLUMN {column.name} {kind}"))


def _0002_sign_in(conn: Connection) -> None:
    for column in _v0002_students.columns:
        _add_column(conn, column)
    _v0002_students_code_index.create(conn)
    for name in ("sessions", "sign_in_throttle", "lesson_reads"):
        _v0002_new.tables[name].create(conn)


# ---------------------------------------------------------------- 0003_shared_files
# Uploaded files and download files in the database, so that any server process or host can take a
# teacher's upload or serve a download (issue 15). Frozen as shipped.

_v0003 = sa.MetaData()
sa.Table(
    "uploaded_files",
    _v0003,
    sa.Column("session_id", sa.String(64), primary_key=True),
    sa.Column("file_id", sa.String(64), primary_key=True),
    sa.Column("owner", sa.String(40), nullable=False, index=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("mimetype", sa.String(200), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False, index=True),
)
sa.Table(
    "media_files",
    _v0003,
    sa.Column("file_id", sa.String(64), primary_key=True),
    sa.Column("mimetype", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("filename", sa.String(300), nullable=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
)


def _0003_shared_files(conn: Connection) -> None:
    _v0003.create_all(conn)


# ---------------------------------------------------------------- the list

# Applied in this order, each once. Append only.
MIGRATIONS: list[Migration] = [
    ("0001_initial_tables", _0001_initial_tables),
    ("0002_sign_in", _0002_sign_in),
    ("0003_shared_files", _0003_shared_files),
]


def migrate(engine: Engine, steps: Sequence[Migration] | None = None) -> list[str]:
    """Apply the steps this database has not seen yet (all of ``MIGRATIONS`` by default); return their names."""
    with engine.begin() as conn:
        ledger.create_all(conn, checkfirst=True)
    done_now = []
    for name, step in MIGRATIONS if steps is None else steps:
        try:
            with engine.begin() as conn:
                seen = conn.execute(sa.select(migrations_table.c.name).where(migrations_table.c.name == name)).first()
                if seen:
                    continue
                step(conn)
                conn.execute(migrations_table.insert().values(name=name, applied_at=_now()))
                done_now.append(name)
        except IntegrityError:  # another process recorded this step at the same moment; its work stands
            continue
    return done_now


def applied(engine: Engine) -> list[str]:
    """Names of the steps recorded in this database, sorted."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(migrations_table.c.name).order_by(migrations_table.c.name))
        return [row.name for row in rows]
