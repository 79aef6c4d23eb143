"""Turn pydantic's validation errors into words for the teachers who write the files and fill the forms.

Pydantic speaks of ``loc`` tuples and ``Extra inputs are not permitted``; a
teacher needs a line, a column and words like "unknown field 'anwser' — did
you mean 'answer'?". For a file (:func:`problems_from`), locations are mapped
back through the YamlDocument; for a form such as the draft review
(:func:`form_errors`), each message goes under the field it is about.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from classroom.content.problems import Problem
from classroom.content.yamlread import Loc, YamlDocument
from classroom.kinds import QUESTION_KINDS


def problems_from(error: ValidationError, model: type[BaseModel], doc: YamlDocument, path: str) -> list[Problem]:
    """One Problem for each pydantic error, located in the file."""
    found = []
    for item in _expanded(error.errors(include_url=False)):
        data_loc, at_key = _data_loc(doc.data, item)
        if item["type"] == "extra_forbidden":
            at_key = True
        message = _message(item, model, item["loc"], data_loc)
        found.append(Problem(path, *doc.where(data_loc, at_key=at_key), message))
    return sorted(set(found))


def _expanded(items: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Split a model's bundle of broken rules (see ``models.raise_issues``) into one item each."""
    result: list[Mapping[str, Any]] = []
    for item in items:
        bundle = (item.get("ctx") or {}).get("issues") if item["type"] == "content" else None
        if not bundle:
            result.append(item)
            continue
        for at, message, at_key in bundle:
            result.append({**item, "ctx": {"at": at, "message": message, "at_key": at_key}})
    return result


def _data_loc(data: Any, item: Mapping[str, Any]) -> tuple[Loc, bool]:
    """Follow pydantic's loc through the data, dropping union tags; add a custom error's own path."""
    loc = list(item["loc"])
    at_key = False
    ctx = item.get("ctx") or {}
    if item["type"] == "content" and "at" in ctx:
        loc += list(ctx["at"])
        at_key = bool(ctx.get("at_key"))
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        at_key = True
    path: list[str | int] = []
    current = data
    for part in loc:
        in_mapping = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if in_mapping or in_list:
            current = current[part]
            path.append(part)
        elif item["type"] in ("missing", "extra_forbidden") and part == loc[-1]:
            path.append(part)  # a missing key: the parent mapping is the place to show
        # anything else is a union tag (the question kind), which is not in the data
    return tuple(path), at_key


def _message(item: Mapping[str, Any], model: type[BaseModel], loc: tuple, data_loc: Loc) -> str:
    kind = item["type"]
    ctx = item.get("ctx") or {}
    value = item.get("input")
    name = str(data_loc[-1]) if data_loc and isinstance(data_loc[-1], str) else None
    if kind == "content":
        return str(ctx.get("message", item["msg"]))
    if kind == "missing":
        return f"missing required field '{loc[-1]}'"
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        if close:
            return f"unknown field '{loc[-1]}' — did you mean '{close[0]}'?"
        return f"unknown field '{loc[-1]}'; allowed here: {', '.join(allowed)}"
    if kind == "union_tag_invalid":
        tags = [tag.strip(" '") for tag in str(ctx.get("expected_tags", "")).split(",")]
        close = difflib.get_close_matches(str(ctx.get("tag")), tags, n=1, cutoff=0.5)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        return f"unknown question kind '{ctx.get('tag')}'{hint} (kinds: {', '.join(tags)})"
    if kind == "union_tag_not_found":
        *others, last = QUESTION_KINDS
        return f"this question has no 'kind'; add kind: {', '.join(others)} or {last}"
    text = _describe(kind, ctx, value)
    return f"{name}: {text}" if name else text


def _describe(kind: str, ctx: dict, value: Any) -> str:
    shown = _show(value)
    if kind == "string_type":
        if isinstance(value, bool):
            return "expected text, but an unquoted true or false is a yes/no value; put the text in quotes"
        return f"expected text, not {shown}"
    if kind == "bool_type":
        return f"expected true or false, not {shown}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, not {shown}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, not {shown}"
    if kind == "list_type":
        return f"expected a list (like [a, b], or lines starting with '- '), not {shown}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected 'field: value' lines, not {shown}"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        word = "at least" if kind == "greater_than_equal" else "more than"
        return f"must be {word} {bound}, not {shown}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        word = "at most" if kind == "less_than_equal" else "less than"
        return f"must be {word} {bound}, not {shown}"
    if kind == "too_long":
        most = ctx.get("max_length")
        return f"has {ctx.get('actual_length')} entries; the limit is {most}: split it"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return f"needs at least {least} {'entry' if least == 1 else 'entries'}"
    if kind == "literal_error":
        allowed = [part.strip(" '") for part in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        return f"{shown} is not allowed here{hint} (use one of: {', '.join(allowed)})"
    return f"{shown}: {ctx.get('message') or kind.replace('_', ' ')}"


def _show(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"'{value[:60]}'"
    return repr(value)


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed in the mapping at ``loc`` (pydantic's loc, union tags included)."""
    current: Any = model
    for part in loc:
        options = _members(current)
        if isinstance(part, int) or part == "[key]":
            current = _item_type(options)
            continue
        current = _pick(options, part)
        if current is None:
            return []
    models = [m for m in _members(current) if isinstance(m, type) and issubclass(m, BaseModel)]
    if not models:
        return []
    return [info.alias or name for name, info in models[0].model_fields.items()]


def _members(tp: Any) -> list[Any]:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    if get_origin(tp) in (Union, types.UnionType):
        return [m for arg in get_args(tp) if arg is not type(None) for m in _members(arg)]
    return [tp]


def _item_type(options: list[Any]) -> Any:
    for option in options:
        if get_origin(option) in (list, tuple, dict):
            return get_args(option)[-1]
    return None


def _pick(options: list[Any], part: str) -> Any:
    for option in options:
        if isinstance(option, type) and issubclass(option, BaseModel):
            for name, info in option.model_fields.items():
                if part in (name, info.alias):
                    return info.annotation
            kind = option.model_fields.get("kind")
            if kind is not None and part in get_args(kind.annotation):
                return option  # a union tag names the member
        elif get_origin(option) is dict:
            return get_args(option)[1]
    return None


# ---------------------------------------------------------------- for forms (the draft review)

DATE_FORMS = "a year (1956), a month and a year (July 1956) or a full date (26 July 1956)"
FORM_TOO_SHORT = {
    "accept": "Give at least one accepted answer.",
    "options": "Give at least two options.",
    "correct": "Tick at least one right answer.",
    "items": "Give at least two items, one per line.",
    "questions": "Keep at least one question.",
}
FORM_EMPTY = {"ask": "The question is empty: write what students are asked.", "title": "Give the quiz a title."}

FormErrors = dict[str, list[str]]  # field -> messages for the teacher


def _sentence(text: str) -> str:
    text = text.replace(" in quotes", "").strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def _form_words(where: str, item: dict[str, Any], message: str | None) -> str:
    """One pydantic error in a teacher's words, for a form rather than a file."""
    kind = item["type"]
    message = message or (item.get("ctx") or {}).get("message") or item["msg"]
    if kind == "content" and message.startswith("this text is empty"):
        return FORM_EMPTY.get(where, "This is empty: write something.")
    if kind == "content" and where == "answer" and "is not a date" in message:
        value = str(item.get("input") or "").strip()
        if not value:
            return f"Write the right date: {DATE_FORMS}."
        return f"“{value}” is not a date. Write {DATE_FORMS}."
    if kind == "too_short":
        return FORM_TOO_SHORT.get(where, "Give at least one entry.")
    if kind == "content":
        return _sentence(message)
    return _sentence(f"{where}: {item['msg']}")


def form_errors(error: ValidationError, tagged: bool) -> FormErrors:
    """Field -> messages. ``tagged``: the first part of every location is the question kind (a union tag)."""
    found: FormErrors = {}
    for item in error.errors(include_url=False):
        loc = list(item["loc"])[1 if tagged else 0 :]
        ctx = item.get("ctx") or {}
        bundle = ctx.get("issues") if item["type"] == "content" else None
        entries = [(loc + list(at), message) for at, message, _ in bundle] if bundle else [(loc, None)]
        for where, message in entries:
            name = str(where[0]) if where else "general"
            found.setdefault(name, []).append(_form_words(name, dict(item), message))
    return found
