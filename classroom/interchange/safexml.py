"""Reading XML from strangers: no DTD, no entities, no network, every syntax error located.

A question bank never needs a DOCTYPE, so one is refused outright (that stops
entity-expansion bombs and external entities before the parser sees them); the
parser itself is also set not to resolve entities nor to reach the network.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from classroom.content.problems import Problem

DTD = re.compile(r"<!(DOCTYPE|ENTITY)", re.I)


def parser() -> Any:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )


def parse(text: str, path: str) -> tuple[Any, list[Problem]]:
    """The document's root element, or the problems that stop it being read (then None)."""
    found = DTD.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        message = "a DOCTYPE or ENTITY declaration is refused (entities could expand without end): remove it"
        return None, [Problem(path, line, column, message)]
    try:
        root = etree.fromstring(text.encode("utf-8"), parser())
    except etree.XMLSyntaxError as error:
        entries = [e for e in error.error_log if e.level_name in ("ERROR", "FATAL")] or []
        problems = [Problem(path, e.line, max(e.column, 1), e.message) for e in entries]  # libxml2 counts from 1
        if not problems:
            line, column = error.position
            problems = [Problem(path, line, max(column, 1), str(error.msg))]
        return None, sorted(set(problems))
    return root, []
