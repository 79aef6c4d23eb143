"""JSON Schemas for editors, generated from the models so they can never drift."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from classroom.content.models import Lesson, Quiz
from classroom.kiosk import KioskConfig
from classroom.settings import PROJECT_ROOT

SCHEMA_DIR = PROJECT_ROOT / "schema"
SCHEMAS: dict[str, type[BaseModel]] = {
    "lesson.schema.json": Lesson,
    "quiz.schema.json": Quiz,
    "kiosk.schema.json": KioskConfig,
}


def render(model: type[BaseModel]) -> str:
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def stale(folder: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    return [
        name
        for name, model in SCHEMAS.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != render(model)
    ]


def write(folder: Path = SCHEMA_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in SCHEMAS.items():
        target = folder / name
        target.write_text(render(model), encoding="utf-8")
        written.append(target)
    return written
