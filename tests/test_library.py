"""The content folder as one object: reading through a cache hook, checking replacements, writing safely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from classroom.content.library import Library
from classroom.content.load import load_file
from classroom.errors import UserError
from support import TESTDATA

GOOD_QUIZ = """\
id: extra
title: Extra quiz
lessons: [alliance]
questions:
  - id: founded
    kind: date
    ask: When was the alliance founded?
    answer: "1949"
    source: alliance#p1
"""


@pytest.fixture
def library(tmp_path: Path) -> Library:
    shutil.copytree(TESTDATA / "course", tmp_path / "course")
    return Library(tmp_path / "course")


def test_the_course_is_every_valid_file_and_every_problem(library):
    course = library.course()
    assert list(course.lessons) == ["alliance"]
    assert set(course.quizzes) == {"every-kind", "leak-check"}
    assert {p.path for p in course.problems} == {"quizzes/broken.yaml"}  # named relative to the folder


def test_reading_goes_through_the_hook_once_per_file(tmp_path):
    shutil.copytree(TESTDATA / "course", tmp_path / "course")
    seen: list[tuple[str, int, int]] = []

    def hook(path: str, mtime_ns: int, size: int):
        seen.append((path, mtime_ns, size))
        return load_file(path)

    library = Library(tmp_path / "course", load=hook)
    library.course()
    assert sorted(Path(p).name for p, _, _ in seen) == [
        "alliance.yaml",
        "broken.yaml",
        "every-kind.yaml",
        "leak-check.yaml",
    ]
    assert all(mtime > 0 and size > 0 for _, mtime, size in seen)  # a version key a cache can use


def test_a_replacement_is_checked_against_the_rest_of_the_course(library):
    loaded, problems = library.check({"quizzes/extra.yaml": GOOD_QUIZ.encode()})
    assert problems == [] and loaded[0].item is not None and loaded[0].item.id == "extra"
    broken_link = GOOD_QUIZ.replace("alliance#p1", "alliance#p9")
    _, problems = library.check({"quizzes/extra.yaml": broken_link.encode()})
    assert [p.message for p in problems] == [
        "source 'alliance#p9': lesson 'alliance' has no passage 'p9' (it has p1, p2)"
    ]


def test_a_replacement_leaves_out_the_file_it_replaces(library):
    """Uploading every-kind.yaml again is not a clash with the every-kind.yaml on disk."""
    data = (library.root / "quizzes" / "every-kind.yaml").read_bytes()
    assert library.check({"quizzes/every-kind.yaml": data})[1] == []
    _, problems = library.check({"quizzes/twin.yaml": data.replace(b"id: every-kind", b"id: twin", 1)})
    assert problems == []
    _, problems = library.check({"quizzes/every-kind.yml": data})  # another file of the same id
    assert [p.message for p in problems] == ["id 'every-kind' is already used by quizzes/every-kind.yaml"]


def test_writing_backs_up_what_it_replaces_and_leaves_no_temporary_file(library):
    first = library.write("quizzes/extra.yaml", GOOD_QUIZ.encode())
    assert first.written and first.backup is None
    again = library.write("quizzes/extra.yaml", GOOD_QUIZ.encode())
    assert not again.written and again.backup is None  # identical: nothing written, nothing backed up
    changed = library.write("quizzes/extra.yaml", GOOD_QUIZ.replace("Extra quiz", "Extra").encode())
    assert changed.written and changed.backup is not None
    assert changed.backup.parent == library.root / "data" / "backups"
    assert changed.backup.read_text(encoding="utf-8") == GOOD_QUIZ
    assert "title: Extra\n" in (library.root / "quizzes" / "extra.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (library.root / "quizzes").iterdir() if p.name.startswith(".")) == []
    assert library.backup_path("extra") != changed.backup  # never a name already used


@pytest.mark.parametrize(
    "relative", ["quizzes/../app.py", "data/x.yaml", "quizzes/Bad Name.yaml", "lessons/x.txt", "quizzes/sub/x.yaml"]
)
def test_only_lesson_and_quiz_files_can_be_written(library, relative):
    with pytest.raises(UserError, match="not a lesson or quiz file name"):
        library.write(relative, b"id: x\n")


def test_draft_folders_are_the_importers_output(library):
    assert library.draft_folders() == []
    (library.root / "drafts" / "berlin" / "lessons").mkdir(parents=True)
    (library.root / "drafts" / "berlin" / "lessons" / "berlin-1.yaml").write_text("id: berlin-1\n", encoding="utf-8")
    assert library.draft_folders() == [library.root / "drafts" / "berlin"]
    [loaded] = library.load_folder(library.root / "drafts" / "berlin")
    assert loaded.path == "drafts/berlin/lessons/berlin-1.yaml" and loaded.item is None and loaded.problems


def test_the_fingerprint_is_every_yaml_file_in_sorted_order_with_its_version(library):
    root = library.root
    (root / "quizzes" / "unit-2").mkdir()
    (root / "quizzes" / "unit-2" / "later.yml").write_text(GOOD_QUIZ.replace("extra", "later"))
    (root / "quizzes" / "notes.txt").write_text("not content")
    (root / "lessons" / "linked").symlink_to(root / "quizzes", target_is_directory=True)
    found = library.fingerprint()
    assert [library.relative(path) for path, _, _ in found] == [
        "lessons/alliance.yaml",
        "quizzes/broken.yaml",
        "quizzes/every-kind.yaml",
        "quizzes/leak-check.yaml",
        "quizzes/unit-2/later.yml",
    ]  # lessons before quizzes, a subfolder's files in their place, no other file, no linked folder
    edited = root / "quizzes" / "every-kind.yaml"
    edited.write_text(edited.read_text() + "\n")
    after = dict((path, (mtime, size)) for path, mtime, size in library.fingerprint())
    assert after[str(edited)][1] == edited.stat().st_size != dict((p, s) for p, _, s in found)[str(edited)]
    assert library.fingerprint([root / "missing"]) == ()
