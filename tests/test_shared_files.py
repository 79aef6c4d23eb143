"""shared_files.py: uploads and download files in the database, so any server process can use them."""

from __future__ import annotations

import datetime as dt

import pytest

from classroom import limits
from classroom.results import shared_files

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def test_an_upload_written_by_one_process_is_read_by_another(store) -> None:
    shared_files.put_upload(store, "page-1", "f1", "teacher-a", "lesson.yaml", "text/yaml", b"id: x\n", now=NOW)
    shared_files.put_upload(store, "page-1", "f2", "teacher-a", "quiz.yaml", "text/yaml", b"id: y\n", now=NOW)
    other_process = type(store)(store.url)  # a second pool on the same database, as another process has
    try:
        found = shared_files.uploads(other_process, "page-1", ["f2", "f1", "missing"])
    finally:
        other_process.close()
    expected = [("f2", "quiz.yaml", b"id: y\n"), ("f1", "lesson.yaml", b"id: x\n")]
    assert [(f.file_id, f.name, f.data) for f in found] == expected
    assert shared_files.uploads(store, "page-2", ["f1"]) == []  # another page's ids find nothing


def test_the_same_upload_id_again_replaces_the_file(store) -> None:
    shared_files.put_upload(store, "p", "f", "t", "a.yaml", "text/yaml", b"old", now=NOW)
    shared_files.put_upload(store, "p", "f", "t", "a.yaml", "text/yaml", b"new", now=NOW)
    assert [f.data for f in shared_files.uploads(store, "p", ["f"])] == [b"new"]


def test_a_file_over_the_limit_is_refused_and_nothing_is_kept(store) -> None:
    with pytest.raises(shared_files.UploadRefused, match="the most a file may have"):
        shared_files.put_upload(store, "p", "f", "t", "big", "x", b"x" * (limits.MAX_UPLOAD_BYTES + 1), now=NOW)
    assert shared_files.uploads(store, "p", ["f"]) == []


def test_one_teacher_can_keep_only_so_many_files_waiting(store) -> None:
    for n in range(limits.MAX_WAITING_UPLOADS):
        shared_files.put_upload(store, "p", f"f{n}", "t", "a", "x", b"1", now=NOW)
    with pytest.raises(shared_files.UploadRefused, match="still waiting"):
        shared_files.put_upload(store, "p", "one-more", "t", "a", "x", b"1", now=NOW)
    shared_files.put_upload(store, "p", "f0", "t", "a", "x", b"2", now=NOW)  # replacing one is not one more
    shared_files.put_upload(store, "q", "f", "another-teacher", "a", "x", b"1", now=NOW)  # the limit is per teacher


def test_files_no_upload_box_holds_are_removed(store) -> None:
    for file_id in ("a", "b", "c"):
        shared_files.put_upload(store, "p", file_id, "t", file_id, "x", b"1", now=NOW)
    assert shared_files.keep_only(store, "p", ["b"]) == 2
    assert [f.file_id for f in shared_files.uploads(store, "p", ["a", "b", "c"])] == ["b"]
    assert shared_files.remove_upload(store, "p", "b") == 1
    shared_files.put_upload(store, "p", "d", "t", "d", "x", b"1", now=NOW)
    assert shared_files.keep_only(store, "p", []) == 1  # an empty box: nothing stays


def test_old_uploads_and_download_files_are_purged(store) -> None:
    shared_files.put_upload(store, "p", "old", "t", "a", "x", b"1", now=NOW)
    shared_files.put_media(store, "m-old", "text/csv", "downloadable", "a.csv", b"a,b\n", now=NOW)
    later = NOW + max(shared_files.UPLOAD_LIFETIME, shared_files.MEDIA_LIFETIME) + dt.timedelta(minutes=1)
    shared_files.put_upload(store, "p", "new", "t", "a", "x", b"1", now=later)  # every write purges first
    assert [f.file_id for f in shared_files.uploads(store, "p", ["old", "new"])] == ["new"]
    assert shared_files.media(store, "m-old") is None


def test_a_download_file_is_kept_once_and_served_to_any_process(store) -> None:
    shared_files.put_media(store, "abc", "text/csv", "downloadable", "attempts.csv", b"quiz_id\n", now=NOW)
    shared_files.put_media(store, "abc", "text/csv", "downloadable", "attempts.csv", b"quiz_id\n", now=NOW)
    found = shared_files.media(store, "abc")
    assert found is not None
    expected = ("text/csv", "downloadable", "attempts.csv", b"quiz_id\n")
    assert (found.mimetype, found.kind, found.filename, found.data) == expected
    assert shared_files.media(store, "nope") is None and shared_files.media(store, "x" * 100) is None
