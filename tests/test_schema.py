"""The shipped JSON Schemas match the models, and every shipped file points at its schema."""

from __future__ import annotations

from classroom.content import schema
from support import ROOT


def test_schema_files_are_up_to_date():
    assert schema.stale() == [], "run: python -m classroom schema"


def test_schemas_describe_the_fields_teachers_write():
    quiz = schema.render(schema.SCHEMAS["quiz.schema.json"])
    lesson = schema.render(schema.SCHEMAS["lesson.schema.json"])
    assert '"pass_mark"' in quiz and '"true_false"' in quiz
    assert '"from"' in lesson and '"from_"' not in lesson


def test_every_shipped_file_names_its_schema():
    for folder, kind in (("lessons", "lesson"), ("quizzes", "quiz")):
        for path in sorted((ROOT / folder).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json", path.name
