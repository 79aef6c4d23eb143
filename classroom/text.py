"""Text rules shared by the whole engine: ids, slugs, and comparing words the way a teacher would."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # lowercase letters, digits and single dashes: "after-1991"
_ID = re.compile(ID_PATTERN)


def valid_id(text: str) -> bool:
    """The id rule of lessons, passages, quizzes and questions."""
    return _ID.fullmatch(text) is not None


def fold(text: str) -> str:
    """Compare texts the way a teacher would: no case, accents, punctuation or leading "the".

    "U.S.S.R." and "USSR" fold alike, and so do "Yeltsin's" and "Yeltsins".
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['\u2019.]", "", plain)
    words = re.sub(r"[\W_]+", " ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def slug(text: str, limit: int = 40, fallback: str = "article") -> str:
    """A valid id (and a safe file name) from any text: "Berlin Airlift (1948)" -> "berlin-airlift-1948".

    Whole words up to ``limit`` characters; ``fallback`` when no letter or digit is left.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out = ""
    for word in re.findall(r"[a-z0-9]+", ascii_text):
        if out and len(out) + 1 + len(word) > limit:
            break
        out = f"{out}-{word}" if out else word[:limit]
    return out or fallback
