"""Personal sign-in codes: what a student types (or scans) to prove who they are.

A code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I), shown as
``K7M2-QP4X``: 40 random bits, so guessing one of 30 classmates' codes at the throttle's
pace would take years. Only its SHA-256 is stored (a random secret needs no salt or slow
hash), so a copied database does not give the codes away; a lost card is replaced by a new
code, which also ends the sessions the old one opened.
"""

from __future__ import annotations

import hashlib
import re
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LENGTH = 8
_NOT_CODE = re.compile(r"[^A-Z0-9]")


def new_code() -> str:
    """A fresh random code, grouped for reading aloud: ``K7M2-QP4X``."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise(typed: str) -> str:
    """The code as typed, in the stored form: upper case, no spaces or dashes (``k7m2 qp4x`` → ``K7M2QP4X``)."""
    return _NOT_CODE.sub("", typed.upper())


def looks_like_code(typed: str) -> bool:
    code = normalise(typed)
    return len(code) == LENGTH and all(char in ALPHABET for char in code)


def code_hash(typed: str) -> str:
    """What is stored and looked up: the SHA-256 of the normalised code."""
    return hashlib.sha256(normalise(typed).encode("ascii")).hexdigest()
