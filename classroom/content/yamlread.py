"""Read one YAML file into plain data while remembering where every value stands.

PyYAML's node API keeps line and column marks; we convert the nodes ourselves
so that we can (a) report duplicate keys instead of silently keeping the last,
(b) resolve scalars by YAML 1.2 core rules only (``no``, ``on`` and
``1991-12-26`` stay text), and (c) bound alias expansion ("billion laughs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from classroom.content.problems import Problem
from classroom.content.syntax import explain
from classroom.content.yamlguard import guard
from classroom.limits import MAX_FILE_BYTES, MAX_NODES

Loc = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_STR_TAG = "tag:yaml.org,2002:str"
_KNOWN_TAGS = {
    _STR_TAG,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}


@dataclass
class YamlDocument:
    """Plain data plus the (line, column) of every value and key, both 1-based."""

    data: Any = None
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def where(self, loc: Loc, at_key: bool = False) -> tuple[int, int]:
        """Position of ``loc``; falls back to the nearest enclosing value that exists."""
        if at_key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


class _Composer(yaml.SafeLoader):
    """A loader used only to compose nodes: no implicit tag resolution at all."""

    yaml_implicit_resolvers: dict = {}


_FastLoader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = _Composer
if yaml.__with_libyaml__:  # PyYAML built with libyaml (the wheels are)

    class _FastComposer(yaml.CSafeLoader):
        """The same in libyaml's C parser (about 10x faster); errors are re-read by ``_Composer`` for its wording."""

        yaml_implicit_resolvers: dict = {}

    _FastLoader = _FastComposer


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_FastLoader)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=_Composer)  # raises the pure-Python parser's error, marks and message


class _TooLarge(Exception):
    def __init__(self, mark: yaml.Mark, message: str) -> None:
        self.mark = mark
        self.message = message


class _Converter:
    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.produced = 0
        self.active: set[int] = set()
        self.problems: list[tuple[yaml.Mark, str]] = []

    def convert(self, node: yaml.Node, loc: Loc) -> Any:
        self.produced += 1
        if self.produced > MAX_NODES:
            raise _TooLarge(
                node.start_mark,
                f"this file holds more than {MAX_NODES:,} values (an alias counts each time it is used): "
                "split the file or remove repeated aliases (*name)",
            )
        if id(node) in self.active:
            raise _TooLarge(node.start_mark, "an alias refers to itself; remove the recursive alias")
        self.doc.values.setdefault(loc, _pos(node.start_mark))
        if node.tag not in _KNOWN_TAGS:
            self.problems.append(
                (node.start_mark, f"YAML tags such as '{node.tag}' are not used in these files; remove it")
            )
            return None
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.convert(item, loc + (i,)) for i, item in enumerate(node.value)]
            assert isinstance(node, yaml.MappingNode)  # composing makes scalars, sequences and mappings only
            return self._mapping(node, loc)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.value == "<<" and not key_node.style:
                self.problems.append((key_node.start_mark, "merge keys ('<<') are not supported; write the fields out"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append((key_node.start_mark, "a key must be a plain word, not a list or mapping"))
                continue
            key = key_node.value
            if key in result:
                first = self.doc.keys[loc + (key,)]
                self.problems.append(
                    (key_node.start_mark, f"duplicate key '{key}' (first given on line {first[0]}); keep only one")
                )
                continue
            self.doc.keys[loc + (key,)] = _pos(key_node.start_mark)
            result[key] = self.convert(value_node, loc + (key,))
        return result


def _pos(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _scalar(node: yaml.ScalarNode) -> Any:
    text = node.value
    if node.tag == _STR_TAG and node.style:  # quoted or block scalar: always text (plain: None, or "" from libyaml)
        return text
    return _resolve_plain(text)


def _resolve_plain(text: str) -> Any:
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text) and any(ch.isdigit() for ch in text):
        return float(text)
    return text


def _tab_problems(path: str, text: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            found.append(Problem(path, number, indent.index("\t") + 1, "tab used for indentation; indent with spaces"))
    return found


def _decode(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(path, 1, 1, f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,} (1 MB); split it")
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(path, line, column, "file is not UTF-8 text; save it with UTF-8 encoding")]


def read_yaml(path: str | Path, shown_as: str | None = None) -> tuple[YamlDocument | None, list[Problem]]:
    """Read ``path``; return the document (None when unreadable) and every problem found."""
    name = shown_as or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        return None, [Problem(name, 1, 1, f"cannot read the file: {error.strerror or error}")]
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse bytes already in memory (an upload, a test); same result as ``read_yaml``."""
    text, problems = _decode(name, raw)
    if text is None:
        return None, problems
    problems = _tab_problems(name, text) + guard(text, name)  # the guard first: a deep file can crash the parser
    if problems:
        return None, sorted(problems)
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:  # at the mistake's start, in plain words (content/syntax.py)
        return None, [Problem(name, *explain(error, text))]
    except yaml.YAMLError as error:
        return None, [Problem(name, 1, 1, f"YAML syntax: {error}")]
    except RecursionError:
        return None, [Problem(name, 1, 1, "the file is nested too deeply to be a lesson or quiz")]
    doc = YamlDocument()
    if node is None:
        return None, [Problem(name, 1, 1, "the file is empty")]
    converter = _Converter(doc)
    try:
        doc.data = converter.convert(node, ())
    except _TooLarge as error:
        line, column = _pos(error.mark)
        return None, [Problem(name, line, column, error.message)]
    except RecursionError:
        return None, [Problem(name, 1, 1, "the file is nested too deeply to be a lesson or quiz")]
    problems = [Problem(name, *_pos(mark), message) for mark, message in converter.problems]
    return (None if problems else doc), problems
