"""Importing real question banks: every question of the corpus against results written by hand.

The corpus (tests/testdata/interchange/, sources and licences in its README) holds
GIFT files from Moodle's own tests and from another GIFT parser's test suite, and
Moodle XML files from Moodle's tests. ``expected.yaml`` was written from the files
and the format's documentation before the importer was run on them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from classroom.errors import UserError
from classroom.interchange import bank
from classroom.limits import MAX_OPTIONS

CORPUS = Path(__file__).parent / "testdata" / "interchange"
EXPECTED: dict[str, list[dict[str, Any]]] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))


def imported(name: str) -> bank.BankImport:
    path = CORPUS / name
    result = bank.read_bank(path.read_bytes(), path.name, bank.guess_format(path.name), "bank", ["a-lesson"])
    assert not result.problems, result.problems
    return result


def test_the_corpus_is_large_enough_and_covers_every_kind_and_outcome():
    entries = [entry for file in EXPECTED.values() for entry in file]
    assert len(entries) >= 60
    assert {e.get("kind") for e in entries} >= {"choice", "true_false", "text", "number", "match"}
    assert {e["outcome"] for e in entries} == {"imported", "changed", "skipped"}
    assert {name.split("/")[0] for name in EXPECTED} == {"gift", "moodle-xml"}
    on_disk = {f"{p.parent.name}/{p.name}" for p in CORPUS.glob("*/*") if p.suffix in (".gift", ".txt", ".xml")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_question_is_imported_as_written_down_by_hand(name: str):
    result = imported(name)
    wanted = EXPECTED[name]
    assert [r.note.outcome for r in result.results] == [w["outcome"] for w in wanted]
    for number, (got, want) in enumerate(zip(result.results, wanted, strict=True), start=1):
        where = f"{name} question {number}"
        if want["outcome"] == "skipped":
            assert got.data is None and got.note.detail, where
            continue
        assert got.data is not None, where
        assert got.data["status"] == "draft", where
        quiz = result.quizzes[result.quiz_of[got.category]]
        assert quiz.question(got.data["id"]) is not None, where
        assert quiz.id == ("bank-" + want["quiz"] if "quiz" in want else "bank"), where
        if want["outcome"] == "changed":
            assert got.note.detail, f"{where}: a change must say what changed"
        for field, value in want.items():
            if field in ("outcome", "quiz"):
                continue
            if field == "feedback_keys":
                assert sorted(got.data.get("feedback", {})) == sorted(value), where
                continue
            assert got.data.get(field, _default(field)) == value, f"{where}: {field}"


def _default(field: str) -> Any:
    return {"feedback": {}, "distractors": [], "tolerance": 0}.get(field)


def test_the_report_counts_every_question_once():
    result = imported("gift/options1.gift")
    counts = result.counts()
    assert sum(counts.values()) == len(EXPECTED["gift/options1.gift"]) == len(result.notes)
    last = result.report().splitlines()[-1]
    assert f"{counts['imported']} imported as they were, {counts['changed']} changed, 0 skipped" in last


def test_a_file_with_categories_gives_one_quiz_per_category():
    result = imported("moodle-xml/nested_categories_with_questions.xml")
    assert sorted(result.quizzes) == ["bank-iota", "bank-kappa", "bank-lambda", "bank-mu"]
    assert result.quizzes["bank-kappa"].title == "Kappa"


def test_a_bank_needs_a_lesson_and_a_valid_id():
    data = b"Q?{T}"
    with pytest.raises(UserError, match="lesson"):
        bank.read_bank(data, "a.gift", "gift", None, [])
    with pytest.raises(UserError, match="not a valid id"):
        bank.read_bank(data, "a.gift", "gift", "Bad Id", ["l"])
    with pytest.raises(UserError, match="at most"):
        bank.read_bank(b" " * (bank.MAX_BYTES + 1), "a.gift", "gift", None, ["l"])


def test_text_that_is_not_utf8_is_located():
    result = bank.read_bank(b"Q?{T}\n\nCaf\xe9?{T}", "a.gift", "gift", None, ["l"])
    assert [str(p) for p in result.problems] == ["a.gift:3:4: not UTF-8 text: save the file as UTF-8"]
    assert not result.quizzes


def test_write_bank_refuses_to_replace_files(tmp_path: Path):
    result = imported("gift/tf2.gift")
    written = bank.write_bank(result, tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["quizzes/bank.yaml"]
    assert "status: draft" in written[0].read_text(encoding="utf-8")
    with pytest.raises(UserError, match="already exists"):
        bank.write_bank(result, tmp_path)


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml"])
def test_a_bank_question_with_too_many_options_is_skipped_with_the_limit_and_the_fix(fmt: str):
    """MAX_OPTIONS (issue 14) holds for imported questions too: the same model refuses them."""
    wrong = [f"Place {i}" for i in range(MAX_OPTIONS)]
    if fmt == "gift":
        data = "::many:: Where? {=Right " + " ".join(f"~{w}" for w in wrong) + "}\n\n::few:: Where? {=Right ~Wrong}\n"
    else:
        answers = "".join(
            f'<answer fraction="{100 if i == 0 else 0}"><text>{a}</text></answer>'
            for i, a in enumerate(["Right", *wrong])
        )
        data = (
            '<?xml version="1.0"?><quiz>'
            f'<question type="multichoice"><name><text>many</text></name><questiontext><text>Where?</text>'
            f"</questiontext><single>true</single>{answers}</question>"
            '<question type="multichoice"><name><text>few</text></name><questiontext><text>Where?</text>'
            '</questiontext><single>true</single><answer fraction="100"><text>Right</text></answer>'
            '<answer fraction="0"><text>Wrong</text></answer></question></quiz>'
        )
    result = bank.read_bank(data.encode(), f"a.{'xml' if fmt != 'gift' else 'gift'}", fmt, "b", ["l"])
    assert [r.note.outcome for r in result.results] == ["skipped", "imported"]
    detail = result.results[0].note.detail
    assert f"{MAX_OPTIONS + 1} options; a question may have at most {MAX_OPTIONS}" in detail
    assert "split it into two questions" in detail
    assert [q.id for q in result.quizzes["b"].questions] == ["few"]
