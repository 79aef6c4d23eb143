"""`classroom import` and `classroom export`: what they write, what they refuse, their exit codes."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import yaml

from classroom.cli import main
from support import ROOT

CORPUS = ROOT / "tests" / "testdata" / "interchange"


def course(tmp_path: Path) -> Path:
    """A copy of the shipped course to run the commands in."""
    for folder in ("lessons", "quizzes"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_import_writes_draft_quizzes_that_pass_check(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(course(tmp_path))
    source = CORPUS / "gift" / "moodle-questions_in_category.gift.txt"
    assert main(["import", str(source), "--id", "moodle", "--lesson", "soviet-collapse"]) == 0
    out, err = capsys.readouterr()
    written = (
        tmp_path / "drafts" / "moodle-default-for-new-features" / "quizzes" / "moodle-default-for-new-features.yaml"
    )
    assert written.is_file() and str(written.relative_to(tmp_path)) in out
    assert "3 imported as they were, 1 changed, 0 skipped" in out
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["lessons"] == ["soviet-collapse"]
    assert {q["status"] for q in data["questions"]} == {"draft"}
    assert main(["check", "lessons", str(written.parent)]) == 0


def test_a_broken_file_writes_nothing_and_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(course(tmp_path))
    bad = tmp_path / "bad.gift"
    bad.write_text("Good?{T}\n\nBad {=never closed\n", encoding="utf-8")
    assert main(["import", str(bad)]) == 1
    out, _ = capsys.readouterr()
    assert out.splitlines() == [f"{bad}:3:5: the answers opened with '{{' are not closed: expected '}}'"]
    assert not (tmp_path / "drafts").exists()


def test_an_xml_bomb_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(course(tmp_path))
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "a">]>\n<quiz/>', encoding="utf-8")
    assert main(["import", str(bomb)]) == 1
    assert "refused" in capsys.readouterr().out
    assert not (tmp_path / "drafts").exists()


def test_export_gift_xml_qti_and_timeline(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(course(tmp_path))
    quiz = "quizzes/soviet-collapse-quiz.yaml"
    assert main(["export", quiz, "--format", "gift"]) == 0
    out, err = capsys.readouterr()
    assert "::letter-author::" in out and "exported as" in err
    assert main(["export", quiz, "--format", "moodle-xml", "--out", "q.xml"]) == 0
    assert (tmp_path / "q.xml").read_bytes().startswith(b"<?xml")
    assert main(["export", quiz, "--format", "qti3", "--out", "q.zip"]) == 0
    assert "imsmanifest.xml" in zipfile.ZipFile(io.BytesIO((tmp_path / "q.zip").read_bytes())).namelist()
    assert main(["export", quiz, "--format", "qti3"]) == 2  # a zip never goes to the terminal
    assert main(["export", "lessons", "--format", "timelinejs", "--out", "t.json"]) == 0
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["events"]


def test_export_then_import_round_trips_through_the_cli(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(course(tmp_path))
    assert main(["export", "quizzes/the-1990s-quiz.yaml", "--format", "moodle-xml", "--out", "bank.xml"]) == 0
    assert main(["import", "bank.xml", "--id", "again", "--lesson", "the-1990s", "--out", "back"]) == 0
    back = next((tmp_path / "back" / "quizzes").glob("*.yaml"))
    original = yaml.safe_load((tmp_path / "quizzes" / "the-1990s-quiz.yaml").read_text(encoding="utf-8"))
    again = yaml.safe_load(back.read_text(encoding="utf-8"))
    assert [q["id"] for q in again["questions"]] == [q["id"] for q in original["questions"]]
