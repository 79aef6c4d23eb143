"""Student names as typed, made safe to show and compare.

A name is cleaned once when it enters the store (Unicode NFKC, invisible and bidi-control
characters removed, runs of spaces made one), so "Ana" with a zero-width space or a
right-to-left override is stored as "Ana". Two names that differ only in letters that
look alike (a Cyrillic "А" for a Latin "A") are not the same student, but the teacher is
told: :func:`lookalikes` finds them.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from confusable_homoglyphs import confusables

MAX_NAME_LENGTH = 100


def clean_name(typed: str) -> str:
    """The name to store and show: NFKC, no format/control characters, single spaces, at most 100 characters."""
    normal = unicodedata.normalize("NFKC", typed)
    kept = []
    for char in normal:
        category = unicodedata.category(char)
        if category in ("Cf", "Cc", "Co", "Cs", "Cn"):  # zero-width, bidi controls, controls, private, unassigned
            kept.append(" " if char in "\t\n\r" else "")
        elif category in ("Zs", "Zl", "Zp"):
            kept.append(" ")
        else:
            kept.append(char)
    return " ".join("".join(kept).split())[:MAX_NAME_LENGTH]


def name_key(name: str) -> str:
    """Same student, however the name is typed: no case, accents or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", clean_name(name))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def _latin_twin(char: str) -> str:
    if char.isascii():
        return char
    for twin in confusables.confusables_data.get(char, ()):
        if twin["c"].isascii():
            return twin["c"]
    return char


def skeleton(name: str) -> str:
    """What a name looks like: each letter replaced by the plain Latin letter it is mistaken for."""
    return name_key("".join(_latin_twin(char) for char in unicodedata.normalize("NFKC", name)))


def lookalikes(names: Iterable[str]) -> dict[str, list[str]]:
    """For each name that looks like another one of ``names`` without being the same: the others."""
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[skeleton(name)].append(name)
    found: dict[str, list[str]] = {}
    for group in groups.values():
        if len({name_key(name) for name in group}) < 2:
            continue
        for name in group:
            found[name] = [other for other in group if name_key(other) != name_key(name)]
    return found
