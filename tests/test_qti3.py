"""QTI 3.0 export: every shipped quiz makes a package that validates against 1EdTech's XSDs, offline."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from classroom.content.library import Library
from classroom.content.models import Quiz
from classroom.interchange import bank, qti3
from classroom.interchange.mapping import to_item

ROOT = Path(__file__).resolve().parent.parent
NS = {"q": qti3.NS}


def course_quizzes() -> list[Quiz]:
    return list(Library(ROOT).course().quizzes.values())


def test_every_shipped_quiz_exports_as_a_valid_package():
    quizzes = course_quizzes()
    kinds = set()
    for quiz in quizzes:
        content, _ = qti3.files(quiz, [to_item(q)[0] for q in quiz.questions])
        assert qti3.problems(content) == [], quiz.id
        assert len(content) == len(quiz.questions) + 2  # the items, the test, the manifest
        kinds |= {q.kind for q in quiz.questions}
    assert kinds == {"choice", "true_false", "text", "number", "match", "order", "date"}


def test_the_schemas_do_reject_a_broken_item():
    quiz = course_quizzes()[0]
    content, _ = qti3.files(quiz, [to_item(q)[0] for q in quiz.questions])
    name = next(n for n in content if n.startswith("items/"))
    content[name] = content[name].replace(b"qti-item-body", b"qti-item-bodies")
    found = qti3.problems(content)
    assert found and found[0].startswith(f"{name}:")


@pytest.fixture(scope="session")
def second_validator() -> dict[Path, xmlschema.XMLSchema]:
    """The same XSDs compiled by xmlschema, a validator written apart from lxml's libxml2 (once a session: ~10 s)."""
    return {path: xmlschema.XMLSchema(str(path), allow="local") for path in (qti3.ITEM_XSD, qti3.MANIFEST_XSD)}


def _second_opinion(validators: dict[Path, xmlschema.XMLSchema], content: dict[str, bytes]) -> list[str]:
    found = []
    for name, data in content.items():
        checker = validators[qti3.MANIFEST_XSD if name == "imsmanifest.xml" else qti3.ITEM_XSD]
        found += [f"{name}: {e.reason} at {e.path}" for e in checker.iter_errors(data.decode())]
    return found


def test_every_shipped_quiz_export_passes_a_second_validator_too(second_validator):
    documents = 0
    for quiz in course_quizzes():
        content, _ = qti3.files(quiz, [to_item(q)[0] for q in quiz.questions])
        assert _second_opinion(second_validator, content) == [], quiz.id
        documents += len(content)
    assert documents == sum(len(q.questions) + 2 for q in course_quizzes())


def test_the_second_validator_rejects_a_broken_item_and_manifest(second_validator):
    quiz = course_quizzes()[0]
    content, _ = qti3.files(quiz, [to_item(q)[0] for q in quiz.questions])
    name = next(n for n in content if n.startswith("items/"))
    content[name] = content[name].replace(b'cardinality="single"', b'cardinality="one"', 1)
    content["imsmanifest.xml"] = content["imsmanifest.xml"].replace(b"<resources", b'<resources bogus="1"', 1)
    found = _second_opinion(second_validator, content)
    assert {f.split(":")[0] for f in found} == {name, "imsmanifest.xml"}


PROFILE_CHANGES = re.compile(r"The changes to the base specification are:(.*?)License:", re.S)


def test_the_export_writes_nothing_the_profile_and_the_base_schema_differ_in():
    """The ASI schema kept here is 1EdTech's SBAC profile (the base file is not to be had offline).

    The profile's own header lists how it differs from the base schema: the version string,
    and ``data-*`` attributes (the base allows any ``data-*`` attribute, the profile only a few).
    So an export that validates against the profile and has no ``data-*`` attribute at all
    validates against the base schema too; both halves are checked here.
    """
    header = PROFILE_CHANGES.search(qti3.ITEM_XSD.read_text(encoding="utf-8"))
    assert header is not None
    changes = [line.strip() for line in header.group(1).splitlines() if line.strip().startswith(("*", "-"))]
    assert changes and all(
        "schema version" in line or "DataHTML5Extension" in line or "data-" in line or "has been modified by" in line
        for line in changes
    ), changes
    for quiz in course_quizzes():
        content, _ = qti3.files(quiz, [to_item(q)[0] for q in quiz.questions])
        for name, data in content.items():
            attributes = {a for e in etree.fromstring(data).iter() for a in e.attrib}
            assert not {a for a in attributes if a.startswith("data-")}, name


def test_the_zip_holds_a_manifest_naming_every_item():
    quiz = course_quizzes()[0]
    data, notes = bank.export_quiz(quiz, "qti3")
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    hrefs = {r.get("href") for r in manifest.iter(f"{{{qti3.CP}}}resource")}
    assert hrefs == set(archive.namelist()) - {"imsmanifest.xml"}
    assert len(notes) == len(quiz.questions)


def _item(data: dict) -> etree._Element:
    quiz = Quiz.model_validate({"id": "q", "title": "Q", "lessons": ["l"], "questions": [data]})
    content, _ = qti3.files(quiz, [to_item(quiz.questions[0])[0]])
    assert qti3.problems(content) == []
    return etree.fromstring(content[next(n for n in content if n.startswith("items/"))])


def test_several_right_options_score_a_share_each_and_lose_one_per_wrong_pick():
    item = _item(
        {
            "id": "c",
            "kind": "choice",
            "ask": "Pick",
            "options": ["a", "b", "c", "d"],
            "correct": ["a", "b"],
            "points": 4,
        }
    )
    mapping = item.find(".//q:qti-mapping", NS)
    assert (mapping.get("lower-bound"), mapping.get("upper-bound")) == ("0", "4")
    assert [e.get("mapped-value") for e in mapping] == ["2", "2", "-2", "-2"]


def test_a_number_gets_full_marks_within_tolerance_and_half_within_near():
    item = _item(
        {"id": "n", "kind": "number", "ask": "How many?", "answer": 12, "tolerance": 1, "near": 3, "points": 2}
    )
    branches = item.find(".//q:qti-response-condition", NS)
    tolerances = [b.find("q:qti-equal", NS).get("tolerance") for b in branches[:2]]
    scores = [b.find(".//q:qti-base-value", NS).text for b in branches]
    assert tolerances == ["1.0 1.0", "3.0 3.0"] and scores == ["2", "1", "0"]


@pytest.mark.parametrize("ident, expected", [("2-08-tsl", "q-2-08-tsl"), ("who", "who")])
def test_identifiers_are_xml_names(ident: str, expected: str):
    assert qti3.identifier(ident) == expected


def test_explanations_and_option_feedback_become_modal_feedback():
    item = _item(
        {
            "id": "c",
            "kind": "choice",
            "ask": "Where?",
            "options": ["Budapest", "Prague"],
            "correct": ["Budapest"],
            "feedback": {"Prague": "That came later."},
            "explain": "In Budapest, in 1991.",
        }
    )
    modal = {m.get("identifier"): "".join(m.itertext()).strip() for m in item.findall("q:qti-modal-feedback", NS)}
    prague = item.xpath("//q:qti-simple-choice[text()='Prague']", namespaces=NS)[0].get("identifier")
    assert modal == {prague: "That came later.", "explain": "In Budapest, in 1991."}
    assert item.find("q:qti-outcome-declaration[@identifier='FEEDBACK']", NS) is not None


def test_feedback_qti_cannot_hang_on_a_choice_is_reported():
    quiz = Quiz.model_validate(
        {
            "id": "q",
            "title": "Q",
            "lessons": ["l"],
            "questions": [
                {"id": "t", "kind": "text", "ask": "Who?", "accept": ["Yeltsin"], "feedback": {"Putin": "Later."}}
            ],
        }
    )
    _, lost = qti3.files(quiz, [to_item(quiz.questions[0])[0]])
    assert lost == {"t": ["feedback for particular written answers is not written to QTI"]}
