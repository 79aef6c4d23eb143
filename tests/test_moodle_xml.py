"""Moodle XML: refused entities and DTDs, located syntax errors, and files that read back the same."""

from __future__ import annotations

from classroom.interchange import moodle_xml
from classroom.interchange.items import Answer, Item

BOMB = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<quiz><question type="truefalse"><questiontext><text>&b;</text></questiontext></question></quiz>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="description"><questiontext><text>&secret;</text></questiontext></question></quiz>"""


def test_entities_and_dtds_are_refused_before_parsing():
    for source in (BOMB, EXTERNAL):
        items, problems = moodle_xml.read(source, "bank.xml")
        assert items == []
        assert [(p.path, p.line, p.column) for p in problems] == [("bank.xml", 2, 1)]
        assert "refused" in problems[0].message


def test_a_syntax_error_is_located():
    items, problems = moodle_xml.read('<quiz>\n  <question type="truefalse">\n  </quiz>', "bank.xml")
    assert items == []
    assert problems and all(p.path == "bank.xml" for p in problems)
    assert (problems[0].line, problems[0].column) == (3, 10)
    assert "mismatch" in problems[0].message.lower()


def test_a_document_that_is_not_a_quiz():
    _, problems = moodle_xml.read("<html><body/></html>", "page.xml")
    assert [str(p) for p in problems] == ["page.xml:1:1: expected a <quiz> element, found <html>"]


def test_written_questions_read_back_the_same():
    items = [
        Item("multichoice", "Pick *two*", "q-1", [Answer("a", 0.5), Answer("b", 0.5), Answer("c", -0.5, "no")]),
        Item("truefalse", "True?", "q-2", [Answer("true", 1.0, "yes"), Answer("false", 0.0, "no")]),
        Item("numerical", "When?", "q-3", [Answer("1991", 1.0, "", 1.0)], general_feedback="In 1991."),
        Item("matching", "Pair", "q-4", [Answer("x", 1.0, left="1"), Answer("y", 1.0, left="2"), Answer("z", 0.0)]),
    ]
    items[0].single = False
    items[1].hints = ["Think."]
    items[1].tags = ["dates"]
    items[2].points = 3
    for item in items:
        item.category = "unit-1"
    back, problems = moodle_xml.read(moodle_xml.write(items).decode("utf-8"))
    assert not problems
    for original, read in zip(items, back, strict=True):
        same = ("type", "title", "text", "general_feedback", "single", "points", "hints", "tags", "category")
        assert [getattr(read, f) for f in same] == [getattr(original, f) for f in same]
        got = [(a.text, a.fraction, a.feedback, a.tolerance, a.left) for a in read.answers]
        assert got == [(a.text, a.fraction, a.feedback, a.tolerance, a.left) for a in original.answers]
