"""A teacher's uploaded files and the app's download files, kept in the database.

With several server processes or hosts behind a load balancer, the request that uploads
a file, the websocket of the page that reads it, and the request that downloads a
file may each reach a different process. So neither may live in one process's memory
(Streamlit keeps both there): an upload is a row keyed by (page session, file), written
by whichever process takes the upload and read by whichever process runs the page; a
download file is a row keyed by its content hash, served by any process.

Both are short-lived: uploads are read within minutes of arriving, and a download
file is made again by every page run that offers it. :func:`purge` deletes what is
older than the lifetimes below; each write purges first, so no cleaner job is needed.
The limits are the engine's (a client cannot lift them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from classroom import limits
from classroom.errors import UserError
from classroom.results.store import Store, media_files, uploaded_files

UPLOAD_LIFETIME = dt.timedelta(hours=2)  # an upload unread for this long was abandoned
MEDIA_LIFETIME = dt.timedelta(hours=12)  # a download offered on a page left open for a school day


class UploadRefused(UserError):
    """Over a limit: too large a file, or too many files waiting for one teacher."""


@dataclass(frozen=True)
class StoredFile:
    file_id: str
    name: str
    mimetype: str
    data: bytes


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def purge(store: Store, now: dt.datetime | None = None) -> int:
    """Delete uploads and download files past their lifetime; returns how many rows went."""
    now = now or _now()
    with store.engine.begin() as conn:
        old_uploads = uploaded_files.c.uploaded_at < now - UPLOAD_LIFETIME
        gone = conn.execute(uploaded_files.delete().where(old_uploads)).rowcount
        gone += conn.execute(media_files.delete().where(media_files.c.created_at < now - MEDIA_LIFETIME)).rowcount
    return gone


# ---------------------------------------------------------------- uploads


def put_upload(
    store: Store,
    session_id: str,
    file_id: str,
    owner: str,
    name: str,
    mimetype: str,
    data: bytes,
    now: dt.datetime | None = None,
) -> None:
    """Keep one uploaded file for the page session that asked for it (a second upload of the same id replaces it)."""
    if len(data) > limits.MAX_UPLOAD_BYTES:
        most = limits.MAX_UPLOAD_BYTES
        raise UploadRefused(f"The file is {len(data):,} bytes; the most a file may have is {most:,}.")
    if not (0 < len(session_id) <= 64 and 0 < len(file_id) <= 64):
        raise UploadRefused("The upload's address is not one this app gives out.")
    now = now or _now()
    purge(store, now)
    row = {
        "session_id": session_id,
        "file_id": file_id,
        "owner": owner,
        "name": name[:300],
        "mimetype": (mimetype or "application/octet-stream")[:200],
        "size": len(data),
        "data": data,
        "uploaded_at": now,
    }
    with store.engine.begin() as conn:
        key = (uploaded_files.c.session_id == session_id) & (uploaded_files.c.file_id == file_id)
        conn.execute(uploaded_files.delete().where(key))
        waiting = conn.execute(
            sa.select(sa.func.count()).select_from(uploaded_files).where(uploaded_files.c.owner == owner)
        ).scalar_one()
        if waiting >= limits.MAX_WAITING_UPLOADS:
            raise UploadRefused(
                f"{waiting} uploaded files are still waiting to be checked: save or remove some, then upload again."
            )
        conn.execute(uploaded_files.insert().values(**row))


def uploads(store: Store, session_id: str, file_ids: list[str] | tuple[str, ...]) -> list[StoredFile]:
    """The page session's files with these ids, in that order (ids it does not have are left out)."""
    if not file_ids:
        return []
    where = (uploaded_files.c.session_id == session_id) & uploaded_files.c.file_id.in_(list(file_ids))
    with store.engine.connect() as conn:
        rows = {row.file_id: row for row in conn.execute(sa.select(uploaded_files).where(where))}
    return [StoredFile(f, rows[f].name, rows[f].mimetype, bytes(rows[f].data)) for f in file_ids if f in rows]


def remove_upload(store: Store, session_id: str, file_id: str | None = None) -> int:
    """Delete one of a page session's files, or all of them when ``file_id`` is None."""
    where = uploaded_files.c.session_id == session_id
    if file_id is not None:
        where = where & (uploaded_files.c.file_id == file_id)
    with store.engine.begin() as conn:
        return conn.execute(uploaded_files.delete().where(where)).rowcount


def keep_only(store: Store, session_id: str, file_ids: list[str] | tuple[str, ...]) -> int:
    """Delete the page session's files that its upload boxes no longer hold."""
    where = uploaded_files.c.session_id == session_id
    if file_ids:
        where = where & uploaded_files.c.file_id.not_in(list(file_ids))
    with store.engine.begin() as conn:
        return conn.execute(uploaded_files.delete().where(where)).rowcount


# ---------------------------------------------------------------- download files


@dataclass(frozen=True)
class MediaFile:
    file_id: str
    mimetype: str
    kind: str
    filename: str | None
    data: bytes


def put_media(
    store: Store, file_id: str, mimetype: str, kind: str, filename: str | None, data: bytes, now: Any = None
) -> None:
    """Keep a file a page shows or offers, under its content id (a second copy of the same id is a no-op)."""
    now = now or _now()
    purge(store, now)
    row = {
        "file_id": file_id[:64],
        "mimetype": mimetype[:200],
        "kind": kind[:20],
        "filename": filename[:300] if filename else None,
        "size": len(data),
        "data": data,
        "created_at": now,
    }
    try:
        with store.engine.begin() as conn:
            conn.execute(media_files.insert().values(**row))
    except IntegrityError:  # the same file, kept already by this or another process: make it last again
        with store.engine.begin() as conn:
            conn.execute(media_files.update().where(media_files.c.file_id == row["file_id"]).values(created_at=now))


def media(store: Store, file_id: str) -> MediaFile | None:
    """A kept file by its id, or None (never kept, or past its lifetime)."""
    if not file_id or len(file_id) > 64:
        return None
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(media_files).where(media_files.c.file_id == file_id)).first()
    if row is None:
        return None
    return MediaFile(row.file_id, row.mimetype, row.kind, row.filename, bytes(row.data))
