"""The building blocks of every content model: strict models, checked field types, located rule breaks.

Every model forbids unknown fields and does not coerce types, so a typo or a
wrong type in a teacher's file is reported instead of being guessed at.
A cross-field rule that fails raises pydantic's custom error of type
``"content"`` carrying every broken rule with the field at fault
(:func:`raise_issues`), so the loader can point at the right line for each.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from classroom.content.dates import ACCEPTED_FORMS, date_problem, parse_date
from classroom.text import valid_id

Topic = Literal["dates", "roles", "outcomes", "context"]
TOPICS: tuple[str, ...] = ("dates", "roles", "outcomes", "context")
Status = Literal["draft", "ready"]


Issue = tuple[tuple[str | int, ...], str, bool]  # (path inside the model, message, point at the key?)


def issue(field: str | tuple[str | int, ...], message: str, at_key: bool = False) -> Issue:
    """A rule broken by ``field`` of the model (a name or a path inside it).

    ``at_key`` points the message at the key of a mapping entry rather than at its value.
    """
    return ((field,) if isinstance(field, str) else field, message, at_key)


def raise_issues(issues: list[Issue]) -> None:
    """Raise every broken rule at once; the loader turns each into its own located message."""
    if issues:
        summary = "; ".join(message for _, message, _ in issues)
        raise PydanticCustomError("content", "{summary}", {"summary": summary, "issues": issues})


def _number_as_text(value: Any) -> Any:
    """Unquoted 1991 or 3.5 in a text field means the text "1991" or "3.5"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _check_id(value: str) -> str:
    if not valid_id(value):
        raise PydanticCustomError(
            "content",
            "'{value}' is not a valid id: use lowercase letters, digits and single dashes, like 'after-1991'",
            {"value": value},
        )
    return value


def _check_date(value: str) -> str:
    if parse_date(value) is None:
        why = date_problem(value)
        if why is not None:
            raise PydanticCustomError("content", "'{value}' is not a date: {why}", {"value": value, "why": why})
        raise PydanticCustomError(
            "content",
            "'{value}' is not a date: write it in quotes like {forms}",
            {"value": value, "forms": ACCEPTED_FORMS},
        )
    return value


def _check_source(value: str) -> str:
    lesson, sep, passage = value.partition("#")
    if not sep or not lesson or not passage:
        raise PydanticCustomError(
            "content", "'{value}' is not a source: write lesson-id#passage-id, like after-1991#p1", {"value": value}
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("content", "this text is empty; write something or remove the field", {})
    return value


# A Markdown image, inline ``![alt](target)`` or by reference (``![alt][ref]``, or ``![ref]`` with a line
# ``[ref]: target``): the browser would fetch it from wherever it points, telling that site who is in the
# classroom. Only a picture written into the file itself (``data:image/...``) loads nothing. The test errs
# on the side of refusing (any ``](`` after a ``![``), and runs in linear time on any text.
_IMAGE_TARGET = re.compile(r"\]\s*(?:\(\s*<?(?!data:image/)|\[)", re.IGNORECASE)
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]{1,999}\]:", re.MULTILINE)


def _no_outside_image(value: str) -> str:
    start = value.find("![")
    if start != -1 and (_IMAGE_TARGET.search(value, start) or _REFERENCE.search(value)):
        raise PydanticCustomError(
            "content",
            "images from other sites are not shown (the app loads nothing from outside the classroom); "
            "write a link the student can choose to open instead: [what it shows](address)",
            {},
        )
    return value


Text = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_not_blank), AfterValidator(_no_outside_image)]
Id = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_check_id)]
DateText = Annotated[
    str,
    BeforeValidator(_number_as_text),
    AfterValidator(_check_date),
    Field(examples=["1991", "1991-12", "1991-12-26", "44 BC", "c. 1200", "the 1960s", "3rd century BC"]),
]
SourceRef = Annotated[str, AfterValidator(_check_source), Field(examples=["after-1991#p1"])]


def duplicates(values: list[str]) -> list[int]:
    """Indexes of the entries that repeat an earlier one."""
    seen: set[str] = set()
    repeated = []
    for index, value in enumerate(values):
        if value in seen:
            repeated.append(index)
        seen.add(value)
    return repeated


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)


def check_near(tolerance: float, near: float | None) -> list[Issue]:
    """Half credit (``near``) must reach at least as far as full credit (``tolerance``)."""
    if near is not None and near < tolerance:
        return [issue("near", f"'near' ({near:g}) must be at least 'tolerance' ({tolerance:g})")]
    return []
