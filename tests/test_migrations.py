"""The schema migrations, on SQLite always and on PostgreSQL when CLASSROOM_TEST_POSTGRES_URL is set.

Three promises: the steps build exactly the tables store.py describes; an old database (the
SQLite snapshot in testdata/schema/) is brought up to date with its rows intact; and step 0001
still creates the schema of that snapshot, so nobody can edit a shipped step unnoticed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from classroom.quiz.attempts import AttemptPlan
from classroom.quiz.grading import Graded
from classroom.results import store as store_module
from classroom.results.migrations import MIGRATIONS, applied, migrate
from classroom.results.store import ClassRoom, Store, Student
from support import BACKENDS, TESTDATA, empty_database

SNAPSHOT_0001 = TESTDATA / "schema" / "0001-sqlite.sql"
ALL_STEPS = [name for name, _ in MIGRATIONS]

# Checked in this order, so a subclass (Text is a String, Float is a Numeric) is named before its parent.
GENERIC_TYPES = (
    sa.Boolean,
    sa.DateTime,
    sa.Date,
    sa.Time,
    sa.Text,
    sa.String,
    sa.Integer,
    sa.Float,
    sa.Numeric,
    sa.LargeBinary,
)


# ---------------------------------------------------------------- comparing a database with a MetaData


def _generic(type_: sa.types.TypeEngine) -> str:
    for kind in GENERIC_TYPES:
        if isinstance(type_, kind):
            return kind.__name__
    return type(type_).__name__


def _ondelete(rule: str | None) -> str | None:
    return rule.upper() if rule else None


def _table_differences(table: sa.Table, inspector: sa.Inspector) -> list[str]:
    name = table.name
    differences = []

    found_columns = {column["name"]: column for column in inspector.get_columns(name)}
    for column in table.columns:
        found = found_columns.get(column.name)
        if found is None:
            differences.append(f"{name}.{column.name}: in the metadata, not in the database")
            continue
        if bool(found["nullable"]) != bool(column.nullable):
            differences.append(
                f"{name}.{column.name}: nullable is {column.nullable} in the metadata, "
                f"{found['nullable']} in the database"
            )
        if _generic(found["type"]) != _generic(column.type):
            differences.append(
                f"{name}.{column.name}: type {_generic(column.type)} in the metadata, "
                f"{_generic(found['type'])} in the database"
            )
    differences += [
        f"{name}.{column}: in the database, not in the metadata"
        for column in sorted(set(found_columns) - set(table.columns.keys()))
    ]

    wanted_key = [column.name for column in table.primary_key.columns]
    found_key = inspector.get_pk_constraint(name)["constrained_columns"]
    if wanted_key != found_key:
        differences.append(f"{name}: primary key {wanted_key} in the metadata, {found_key} in the database")

    wanted_fks = {
        (
            tuple(fk.column_keys),
            fk.referred_table.name,
            tuple(element.column.name for element in fk.elements),
            _ondelete(fk.ondelete),
        )
        for fk in table.foreign_key_constraints
    }
    found_fks = {
        (
            tuple(fk["constrained_columns"]),
            fk["referred_table"],
            tuple(fk["referred_columns"]),
            _ondelete(fk.get("options", {}).get("ondelete")),
        )
        for fk in inspector.get_foreign_keys(name)
    }
    differences += [
        f"{name}: foreign key {fk} in the metadata, not in the database" for fk in sorted(wanted_fks - found_fks)
    ]
    differences += [
        f"{name}: foreign key {fk} in the database, not in the metadata" for fk in sorted(found_fks - wanted_fks)
    ]

    # Unique constraints are matched by their columns; a name is checked where the metadata gives one
    # (an unnamed constraint is named by PostgreSQL and left unnamed by SQLite).
    wanted_uniques = {
        tuple(column.name for column in constraint.columns): constraint.name
        for constraint in table.constraints
        if isinstance(constraint, sa.UniqueConstraint)
    }
    found_uniques = {tuple(u["column_names"]): u["name"] for u in inspector.get_unique_constraints(name)}
    for columns, wanted_name in sorted(wanted_uniques.items()):
        if columns not in found_uniques:
            differences.append(f"{name}: unique {list(columns)} in the metadata, not in the database")
        elif wanted_name is not None and found_uniques[columns] != wanted_name:
            differences.append(
                f"{name}: unique {list(columns)} is named {wanted_name} in the metadata, "
                f"{found_uniques[columns]} in the database"
            )
    differences += [
        f"{name}: unique {list(columns)} in the database, not in the metadata"
        for columns in sorted(set(found_uniques) - set(wanted_uniques))
    ]

    wanted_indexes = {
        (str(index.name), tuple(column.name for column in index.columns), bool(index.unique)) for index in table.indexes
    }
    found_indexes = {
        (index["name"], tuple(index["column_names"]), bool(index["unique"]))
        for index in inspector.get_indexes(name)
        if "duplicates_constraint" not in index  # PostgreSQL's index behind a unique constraint
    }
    differences += [
        f"{name}: index {i} in the metadata, not in the database" for i in sorted(wanted_indexes - found_indexes)
    ]
    differences += [
        f"{name}: index {i} in the database, not in the metadata" for i in sorted(found_indexes - wanted_indexes)
    ]
    return differences


def schema_differences(expected: sa.MetaData, engine: sa.Engine) -> list[str]:
    """Every way the database's schema differs from ``expected``, one readable line each."""
    inspector = sa.inspect(engine)
    found = set(inspector.get_table_names())
    differences = [
        f"{name}: table in the metadata, not in the database" for name in sorted(set(expected.tables) - found)
    ]
    differences += [
        f"{name}: table in the database, not in the metadata" for name in sorted(found - set(expected.tables))
    ]
    for name in sorted(found & set(expected.tables)):
        differences += _table_differences(expected.tables[name], inspector)
    return differences


# ---------------------------------------------------------------- databases


@pytest.fixture(params=BACKENDS)
def empty_engine(request, tmp_path):
    """An engine on an empty database of each backend."""
    with empty_database(request.param, tmp_path / "empty.db") as url:
        engine = sa.create_engine(url)
        yield engine
        engine.dispose()


def _database_from_snapshot(path: Path) -> str:
    """A SQLite file made by running the snapshot's SQL; returns its URL."""
    raw = sqlite3.connect(path)
    try:
        raw.executescript(SNAPSHOT_0001.read_text(encoding="utf-8"))
    finally:
        raw.close()
    return f"sqlite:///{path}"


# ---------------------------------------------------------------- the tests


def test_the_migrations_build_exactly_the_tables_of_store_py(empty_engine):
    assert migrate(empty_engine) == ALL_STEPS
    assert schema_differences(store_module.metadata, empty_engine) == []


def test_migrating_twice_applies_nothing_the_second_time(empty_engine):
    assert migrate(empty_engine) == ALL_STEPS
    assert migrate(empty_engine) == []
    assert applied(empty_engine) == ALL_STEPS


def _extra_column(copy: sa.MetaData) -> None:
    copy.tables["students"].append_column(sa.Column("nickname", sa.String(50), nullable=True))


def _not_nullable(copy: sa.MetaData) -> None:
    copy.tables["attempts"].c.kiosk.nullable = False


def _other_type(copy: sa.MetaData) -> None:
    copy.tables["responses"].c.points.type = sa.Integer()


def _extra_index(copy: sa.MetaData) -> None:
    sa.Index("ix_students_name_key", copy.tables["students"].c.name_key)


def _renamed_unique(copy: sa.MetaData) -> None:
    [constraint] = [c for c in copy.tables["students"].constraints if isinstance(c, sa.UniqueConstraint)]
    constraint.name = "uq_other_name"


def _other_ondelete(copy: sa.MetaData) -> None:
    [fk] = [fk for fk in copy.tables["attempts"].foreign_key_constraints if fk.referred_table.name == "classes"]
    fk.ondelete = "CASCADE"


def _table_left_out(copy: sa.MetaData) -> None:
    copy.remove(copy.tables["responses"])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_extra_column, ["students.nickname: in the metadata, not in the database"]),
        (_not_nullable, ["attempts.kiosk: nullable is False in the metadata, True in the database"]),
        (_other_type, ["responses.points: type Integer in the metadata, Float in the database"]),
        (
            _extra_index,
            ["students: index ('ix_students_name_key', ('name_key',), False) in the metadata, not in the database"],
        ),
        (
            _renamed_unique,
            [
                "students: unique ['class_id', 'name_key'] is named uq_other_name in the metadata, "
                "uq_student_name_in_class in the database"
            ],
        ),
        (
            _other_ondelete,
            [
                "attempts: foreign key (('class_id',), 'classes', ('id',), 'CASCADE') in the metadata, "
                "not in the database",
                "attempts: foreign key (('class_id',), 'classes', ('id',), 'SET NULL') in the database, "
                "not in the metadata",
            ],
        ),
        (_table_left_out, ["responses: table in the database, not in the metadata"]),
    ],
    ids=lambda value: value.__name__.strip("_") if callable(value) else None,
)
def test_the_comparison_names_each_difference(empty_engine, change: Callable[[sa.MetaData], None], expected: list[str]):
    """A table in store.py changed without a migration: the helper says what and where."""
    store_module.metadata.create_all(empty_engine)  # not migrate(): this checks the helper alone
    changed = sa.MetaData()
    for table in store_module.metadata.sorted_tables:
        table.to_metadata(changed)
    change(changed)
    assert schema_differences(changed, empty_engine) == expected


def test_0001_alone_still_creates_the_schema_of_the_snapshot(empty_engine, tmp_path):
    snapshot = sa.create_engine(_database_from_snapshot(tmp_path / "snapshot.db"))
    described = sa.MetaData()
    described.reflect(snapshot)
    snapshot.dispose()
    assert sorted(described.tables) == ["attempts", "classes", "responses", "schema_migrations", "students"]
    assert MIGRATIONS[0][0] == "0001_initial_tables"
    assert migrate(empty_engine, MIGRATIONS[:1]) == ["0001_initial_tables"]
    assert schema_differences(described, empty_engine) == []


def test_a_database_left_by_0001_is_migrated_and_keeps_its_rows(tmp_path):
    url = _database_from_snapshot(tmp_path / "old.db")
    engine = sa.create_engine(url)
    assert applied(engine) == ["0001_initial_tables"]
    assert migrate(engine) == ALL_STEPS[1:]  # the snapshot's ledger is read: 0001 is not run again
    engine.dispose()

    store = Store(url)
    try:
        assert store.applied_migrations() == ALL_STEPS
        assert schema_differences(store_module.metadata, store.engine) == []

        room = ClassRoom(1, "History 9B", "K7QX2M")
        ana = Student(1, 1, "Ana Müller")
        assert store.classes() == [room]
        assert store.class_by_code("k7qx-2m") == room
        assert store.students(room.id) == [ana]
        assert store.student_named(room.id, "ANA MULLER") == ana  # found by the stored name_key
        assert store.code_set_at(room.id) == {ana.id: None}  # 0002: no sign-in code until the teacher gives one

        stored = store.load_attempt("p3Zq8LwX0bVt5NkRj2YdAg")
        assert stored is not None and stored.student_id == 1 and not stored.finished
        assert stored.attempt.plan == AttemptPlan(
            "every-kind", 7, ("founded", "members", "veto"), {"members": ("10", "12", "14")}, False
        )
        assert stored.attempt.responses == {"members": ["12"]}
        assert stored.attempt.graded == {"members": Graded("members", "choice", "context", "correct", 1.0, 1.0, "")}
        assert store.open_attempt(ana.id, "every-kind") == stored

        [row] = store.attempt_rows(class_id=room.id)
        assert row["student"] == "Ana Müller"
        assert row["started_at"] == dt.datetime(2024, 9, 2, 8, 10, tzinfo=dt.UTC)

        # and the old database takes new answers
        veto = Graded("veto", "true_false", "outcomes", "correct", 1.0, 1.0, "")
        assert store.record_answer(stored.id, False, veto) == veto
        assert store.load_attempt(stored.id).attempt.responses == {"members": ["12"], "veto": False}
    finally:
        store.close()
