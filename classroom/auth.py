"""The teacher password, kept only as an scrypt hash, and what OIDC sign-in needs.

A school that runs its own identity provider signs teachers in with Streamlit's
``st.login`` (OIDC, configured in ``.streamlit/secrets.toml``); everyone else
sets a teacher password with ``python -m classroom teacher-password``. Only a
salted scrypt hash of it is written, so a copied data folder does not give the
password away. Guessing is slowed by the database throttle in ``classroom/people/signin.py``.

This module never imports Streamlit: the teacher screen passes ``st.secrets``
to :func:`configured_oidc`; the sign-in itself is ``classroom/people/signin.py``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from classroom import settings
from classroom.errors import UserError

SET_PASSWORD_COMMAND = "python -m classroom teacher-password"
MIN_PASSWORD_LENGTH = 10

# scrypt cost: 2**14 x 8 needs 16 MiB and about 50 ms per hash, cheap for one
# sign-in, costly for a million guesses. The parameters are stored with each
# hash, so they can be raised later without locking anyone out.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES, HASH_BYTES = 16, 64
# A stored line asking for more memory than this is refused rather than obeyed:
# the file is data, and data must not be able to exhaust the server.
SCRYPT_MAX_MEMORY = 64 * 1024 * 1024
_B64 = r"[A-Za-z0-9+/]+={0,2}"
_STORED = re.compile(rf"scrypt\$(\d{{1,7}})\$(\d{{1,3}})\$(\d{{1,3}})\$({_B64})\$({_B64})", re.ASCII)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    # NFC, so that "é" typed as one code point or as "e" + accent is the same password.
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=SCRYPT_MAX_MEMORY)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """The one line that is stored: ``scrypt$n$r$p$<salt>$<hash>`` (base64).

    The line names its own algorithm and cost, so verifying needs nothing but
    the line; a fresh random salt makes equal passwords hash differently.
    """
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a line made by :func:`hash_password`.

    Anything malformed (wrong prefix, bad numbers or base64, absurd cost)
    is simply "no": a damaged file must lock the door, not crash the page.
    The comparison takes the same time wherever the bytes differ.
    """
    if not isinstance(password, str) or not isinstance(stored, str):
        return False
    match = _STORED.fullmatch(stored.strip())
    if match is None:
        return False
    n, r, p = (int(group) for group in match.group(1, 2, 3))
    if n < 2 or n & (n - 1) or r < 1 or not 1 <= p <= 16:
        return False
    try:
        salt = base64.b64decode(match.group(4), validate=True)
        expected = base64.b64decode(match.group(5), validate=True)
        if len(salt) < 8 or not 16 <= len(expected) <= 128:
            return False
        actual = _scrypt(password, salt, n, r, p, len(expected))
    except ValueError:  # bad base64 (binascii.Error), cost over the memory cap, unencodable text
        return False
    return hmac.compare_digest(actual, expected)


def password_file() -> Path:
    """Where the hash lives: ``$CLASSROOM_TEACHER_PASSWORD_FILE``, else ``data/teacher-password``."""
    return settings.teacher_password_file()


def stored_hash() -> str | None:
    """The hash from ``$CLASSROOM_TEACHER_PASSWORD_HASH``, else the stored line; None when no password is set."""
    given = settings.teacher_password_hash()
    if given:
        return given
    try:
        # errors="replace": stray bytes make a malformed line, which verifies as False
        text = password_file().read_text(encoding="utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None
    return text or None


def set_password(password: str) -> Path:
    """Store the hash of ``password`` (owner-only, mode 0600) and return the file.

    The line is written to a private temporary file and renamed into place, so
    a running app reads either the old hash or the new one, never half a line.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters long")
    line = hash_password(password) + "\n"
    path = password_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(line)
        os.chmod(temp, 0o600)  # whatever the umask said
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


# What st.login needs (Streamlit 1.67, streamlit/auth_util.py validate_auth_credentials):
# redirect_uri and cookie_secret in [auth], and client_id, client_secret and
# server_metadata_url either in [auth] itself (the default provider) or in a
# named [auth.<name>] section (a name without "_", which Streamlit rejects).
OIDC_SHARED_KEYS = ("redirect_uri", "cookie_secret")
OIDC_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")


def _has_values(section: Mapping[str, Any], keys: tuple[str, ...]) -> bool:
    values = [section.get(key) for key in keys]
    return all(isinstance(value, str) and value.strip() for value in values)


def oidc_providers(secrets: Mapping[str, Any]) -> list[str]:
    """The providers ``st.login`` can use with these secrets: "default" and/or named ones.

    Empty when ``[auth]`` is missing or incomplete. Accepts ``st.secrets``
    directly: with no secrets.toml it raises FileNotFoundError, read here as
    "nothing configured".
    """
    try:
        auth = secrets.get("auth")
    except FileNotFoundError:
        return []
    if not isinstance(auth, Mapping) or not _has_values(auth, OIDC_SHARED_KEYS):
        return []
    found = [
        name
        for name, section in auth.items()
        if isinstance(section, Mapping) and "_" not in name and _has_values(section, OIDC_PROVIDER_KEYS)
    ]
    # Like Streamlit: the provider keys written in [auth] itself serve as "default",
    # unless an [auth.default] section exists, which then wins.
    if "default" not in auth and _has_values(auth, OIDC_PROVIDER_KEYS):
        found.insert(0, "default")
    return found


def configured_oidc(secrets: Mapping[str, Any]) -> bool:
    """Whether the school has configured OIDC sign-in (``st.login``) in its secrets."""
    return bool(oidc_providers(secrets))
