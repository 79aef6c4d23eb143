"""shared_storage.py: Streamlit's media and upload stores over the database, as two processes see them."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_storage import MediaFileKind, MediaFileStorageError

from classroom.results import shared_files
from server import auth_routes
from server.shared_storage import SharedMediaStorage, SharedUploadedFileManager


@pytest.fixture(autouse=True)
def _database(store, monkeypatch):
    monkeypatch.setattr(auth_routes, "store", lambda: store)


def test_a_download_made_in_one_process_is_served_by_another() -> None:
    making, serving = SharedMediaStorage("/media"), SharedMediaStorage("/media")  # two processes' stores
    file_id = making.load_and_get_id(b"quiz_id,score\n", "text/csv", MediaFileKind.DOWNLOADABLE, "attempts.csv")
    url = making.get_url(file_id)
    assert url == f"/media/{file_id}.csv"
    found = serving.get_file(url.rsplit("/", 1)[1])
    assert (found.content, found.mimetype, found.kind, found.filename) == (
        b"quiz_id,score\n",
        "text/csv",
        MediaFileKind.DOWNLOADABLE,
        "attempts.csv",
    )
    with pytest.raises(MediaFileStorageError):
        serving.get_file("never-made.csv")


def test_a_page_reads_the_files_any_process_took_for_it(store) -> None:
    shared_files.put_upload(store, "page-1", "f1", "teacher", "a.yaml", "text/yaml", b"id: a\n")
    manager = SharedUploadedFileManager()
    [record] = manager.get_files("page-1", ["f1", "unknown"])
    assert (record.file_id, record.name, record.type, record.data) == ("f1", "a.yaml", "text/yaml", b"id: a\n")
    manager.remove_orphaned_files("page-1", [])
    assert manager.get_files("page-1", ["f1"]) == []


def test_upload_addresses_name_the_page_and_a_fresh_file_id() -> None:
    first, second = SharedUploadedFileManager().get_upload_urls("page-1", ["a.yaml", "b.yaml"])
    assert first.upload_url == f"/_stcore/upload_file/page-1/{first.file_id}" == first.delete_url
    assert first.file_id != second.file_id
