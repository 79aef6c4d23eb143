"""Every ``CLASSROOM_*`` environment variable the project reads, read here and nowhere else.

Each setting is a small function taking an optional environment mapping (tests
pass a dict; the default is ``os.environ``), so a value is read when it is
needed and a test never has to reload a module. Streamlit's own options are
not here: the engine knows nothing of Streamlit (they live in ``server/options.py``).

| variable | default | meaning |
|---|---|---|
| ``CLASSROOM_DATABASE_URL`` | ``sqlite:///data/classroom.db`` | the results store (SQLite file or PostgreSQL URL) |
| ``CLASSROOM_CONTENT`` | the project folder | the course: ``lessons/``, ``quizzes/``, ``course.yaml`` |
| ``CLASSROOM_TEACHER_PASSWORD_FILE`` | ``data/teacher-password`` | the scrypt hash of the teacher password |
| ``CLASSROOM_MODE`` | ``classroom`` | ``kiosk`` serves only the kiosk's screens |
| ``CLASSROOM_KIOSK`` | unset | a kiosk file: implies kiosk mode (``serve --kiosk`` sets it) |
| ``CLASSROOM_KIOSK_CONFIG`` | ``kiosk.yaml`` | the kiosk file, when ``CLASSROOM_MODE=kiosk`` |
| ``CLASSROOM_HOST`` / ``CLASSROOM_PORT`` | ``0.0.0.0`` / ``8501`` | where the server listens |
| ``CLASSROOM_WORKERS`` | one per core, at most 4 | server processes sharing the port |
| ``CLASSROOM_LOG_LEVEL`` | ``warning`` | the server's log level |
| ``CLASSROOM_TLS_CERT`` / ``..._KEY`` | unset | certificate and private key (PEM): serve HTTPS only |
| ``CLASSROOM_TIMEZONE`` | the server's own zone | the zone times are shown in (IANA name, e.g. ``Europe/Berlin``) |
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_KIOSK_CONFIG = "kiosk.yaml"
MAX_WORKERS = 4  # beyond that a laptop's memory matters more than its cores

Mode = Literal["classroom", "kiosk"]


class ModeError(ValueError):
    """CLASSROOM_MODE holds a value that is neither mode: the server must not guess."""


def _env(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def database_url(environ: Mapping[str, str] | None = None) -> str:
    return _env(environ).get("CLASSROOM_DATABASE_URL") or f"sqlite:///{DATA_DIR / 'classroom.db'}"


def content_root(environ: Mapping[str, str] | None = None) -> Path:
    """The folder holding ``lessons/`` and ``quizzes/`` (tests and a second course point elsewhere)."""
    return _resolved(str(_env(environ).get("CLASSROOM_CONTENT") or PROJECT_ROOT))


@functools.lru_cache(maxsize=16)
def _resolved(folder: str) -> Path:
    """Resolving a path is a system call per part, and a date question's feedback asks on every Submit."""
    return Path(folder).resolve()


def teacher_password_file(environ: Mapping[str, str] | None = None) -> Path:
    return Path(_env(environ).get("CLASSROOM_TEACHER_PASSWORD_FILE") or DATA_DIR / "teacher-password")


def server_mode(environ: Mapping[str, str] | None = None) -> Mode:
    """The mode a server process runs in.

    An unknown ``CLASSROOM_MODE`` raises instead of falling back to the classroom:
    a typo on a kiosk must never open the teacher's room.
    """
    env = _env(environ)
    mode = env.get("CLASSROOM_MODE", "").strip().lower()
    if mode == "kiosk" or (not mode and env.get("CLASSROOM_KIOSK")):
        return "kiosk"
    if mode in ("", "classroom"):
        return "classroom"
    raise ModeError(f"CLASSROOM_MODE is '{mode}': use 'kiosk' or 'classroom' (or leave it unset)")


def kiosk_config_path(environ: Mapping[str, str] | None = None) -> str:
    """Where this kiosk's configuration is (only meaningful in kiosk mode)."""
    env = _env(environ)
    return env.get("CLASSROOM_KIOSK_CONFIG") or env.get("CLASSROOM_KIOSK") or DEFAULT_KIOSK_CONFIG


def serve_kiosk(path: str, environ: dict[str, str] | None = None) -> None:
    """Put this process (and the workers it starts) in kiosk mode with ``path``: ``serve --kiosk``."""
    env = os.environ if environ is None else environ
    env["CLASSROOM_MODE"] = "kiosk"
    env["CLASSROOM_KIOSK"] = path


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def host(environ: Mapping[str, str] | None = None) -> str:
    # 0.0.0.0 by default: students' devices reach the teacher's laptop over the room's network.
    return _env(environ).get("CLASSROOM_HOST", "0.0.0.0")


def port(environ: Mapping[str, str] | None = None) -> int:
    return int(_env(environ).get("CLASSROOM_PORT", "8501"))


def workers(environ: Mapping[str, str] | None = None) -> int:
    return int(_env(environ).get("CLASSROOM_WORKERS") or default_workers())


def kiosk_file(environ: Mapping[str, str] | None = None) -> str | None:
    """The kiosk file ``serve`` was asked for through the environment (``--kiosk`` overrides it)."""
    return _env(environ).get("CLASSROOM_KIOSK") or None


def tls_files(environ: Mapping[str, str] | None = None) -> tuple[str | None, str | None]:
    """The certificate and key for HTTPS; both None for plain HTTP (which anyone on the network can read)."""
    env = _env(environ)
    return env.get("CLASSROOM_TLS_CERT") or None, env.get("CLASSROOM_TLS_KEY") or None


def teacher_password_hash(environ: Mapping[str, str] | None = None) -> str | None:
    """The teacher password's scrypt hash given in the environment (a container's secret), or None."""
    return (_env(environ).get("CLASSROOM_TEACHER_PASSWORD_HASH") or "").strip() or None


def trusted_proxies(environ: Mapping[str, str] | None = None) -> str:
    """Addresses whose X-Forwarded-Proto/-For the server believes: the load balancer's (comma-separated, or *)."""
    return _env(environ).get("CLASSROOM_TRUSTED_PROXIES") or "127.0.0.1"


def log_level(environ: Mapping[str, str] | None = None) -> str:
    return _env(environ).get("CLASSROOM_LOG_LEVEL", "warning")


class TimezoneError(ValueError):
    """CLASSROOM_TIMEZONE names no time zone this machine knows."""


def school_timezone(environ: Mapping[str, str] | None = None) -> dt.tzinfo:
    """The zone times are shown in: ``CLASSROOM_TIMEZONE`` (an IANA name), else the server's local zone."""
    name = (_env(environ).get("CLASSROOM_TIMEZONE") or "").strip()
    if not name:
        return dt.datetime.now().astimezone().tzinfo or dt.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise TimezoneError(f"CLASSROOM_TIMEZONE={name!r} is not a time zone name (e.g. Europe/London)") from error
