"""Streamlit's file stores, backed by the database so any server process can serve any browser.

Streamlit keeps uploaded files and the files behind ``st.download_button`` / ``st.image``
in the memory of the process whose websocket made the page. Behind a load balancer
without stickiness (or after a process dies) the upload request, the download request
and the page's websocket may reach different processes, or hosts. These two classes
plug into Streamlit's runtime (:class:`ClassroomApp`) and keep those files in the
results database through ``classroom/results/shared_files.py``:

- :class:`SharedMediaStorage`: this process's memory first (the usual fast path), every
  new file written through to the database, and a file this process never made read
  back from there;
- :class:`SharedUploadedFileManager`: the page reads the files that ``server/uploads.py``
  (any process) wrote.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Sequence

import streamlit as st
from streamlit.runtime.media_file_storage import MediaFileKind, MediaFileStorageError
from streamlit.runtime.memory_media_file_storage import MemoryFile, MemoryMediaFileStorage, _calculate_file_id
from streamlit.runtime.uploaded_file_manager import UploadedFileManager, UploadedFileRec, UploadFileUrlInfo

from classroom.results import shared_files
from server import auth_routes

log = logging.getLogger("classroom")

UPLOAD_ENDPOINT = "/_stcore/upload_file"
MEDIA_ENDPOINT = "/media"


class SharedMediaStorage(MemoryMediaFileStorage):
    """Download and image files: kept in memory as Streamlit does, and in the database for the other processes."""

    def load_and_get_id(
        self, path_or_data: str | bytes, mimetype: str, kind: MediaFileKind, filename: str | None = None
    ) -> str:
        data = self._read_file(path_or_data) if isinstance(path_or_data, str) else path_or_data
        file_id = _calculate_file_id(data, mimetype, filename)
        if file_id not in self._files_by_id:  # new to this process: make sure the others can serve it too
            shared_files.put_media(auth_routes.store(), file_id, mimetype, kind.value, filename, data)
        return super().load_and_get_id(data, mimetype, kind, filename)

    def get_file(self, filename: str) -> MemoryFile:
        try:
            return super().get_file(filename)
        except MediaFileStorageError:
            found = shared_files.media(auth_routes.store(), os.path.splitext(filename)[0])
            if found is None:
                raise
            return MemoryFile(found.data, found.mimetype, MediaFileKind(found.kind), found.filename)


class SharedUploadedFileManager(UploadedFileManager):
    """A page's uploaded files, read from the database (``server/uploads.py`` writes them there)."""

    def get_files(self, session_id: str, file_ids: Sequence[str]) -> list[UploadedFileRec]:
        found = shared_files.uploads(auth_routes.store(), session_id, tuple(file_ids))
        return [UploadedFileRec(f.file_id, f.name, f.mimetype, f.data) for f in found]

    def remove_orphaned_files(self, session_id: str, active_file_ids: Sequence[str]) -> None:
        shared_files.keep_only(auth_routes.store(), session_id, tuple(active_file_ids))

    def remove_session_files(self, session_id: str) -> None:
        try:
            shared_files.remove_upload(auth_routes.store(), session_id)
        except Exception:  # a session closing while the database is away: the rows expire by themselves
            log.exception("could not remove the uploads of session %s", session_id)

    def remove_file(self, session_id: str, file_id: str) -> None:
        shared_files.remove_upload(auth_routes.store(), session_id, file_id)

    def get_upload_urls(self, session_id: str, file_names: Sequence[str]) -> list[UploadFileUrlInfo]:
        urls = []
        for _ in file_names:
            url = f"{UPLOAD_ENDPOINT}/{session_id}/{uuid.uuid4()}"
            urls.append(UploadFileUrlInfo(file_id=url.rsplit("/", 1)[1], upload_url=url, delete_url=url))
        return urls

    @property
    def stats_families(self) -> Sequence[str]:
        return ()

    def get_stats(self, family_names: Sequence[str] | None = None) -> dict:
        return {}  # nothing of it is in this process's memory


class ClassroomApp(st.App):
    """``st.App`` whose runtime keeps uploads and download files in the database (see the module docstring).

    The same runtime ``st.App._create_runtime`` makes, but with the two shared stores: Streamlit
    offers no public hook for them, and its session manager takes the upload store when it is made.
    """

    def _create_runtime(self):
        from streamlit import config
        from streamlit.runtime import Runtime, RuntimeConfig
        from streamlit.runtime.memory_session_storage import MemorySessionStorage
        from streamlit.web.cache_storage_manager_config import create_default_cache_storage_manager

        return Runtime(
            RuntimeConfig(
                script_path=str(self._resolve_script_path()),
                media_file_storage=SharedMediaStorage(MEDIA_ENDPOINT),
                uploaded_file_manager=SharedUploadedFileManager(),
                cache_storage_manager=create_default_cache_storage_manager(),
                is_hello=False,
                session_storage=MemorySessionStorage(ttl_seconds=config.get_option("server.disconnectedSessionTTL")),
                on_script_error=self._on_script_error,
            )
        )
