"""GIFT: escapes, syntax errors located at line and column, and files written the way Moodle reads them."""

from __future__ import annotations

from classroom.interchange import gift
from classroom.interchange.items import Answer, Item


def test_escapes_round_trip_and_read_like_moodle():
    text = "a~b=c#d{e}f:g\\h\nnext line"
    assert gift.unescape(gift.escape(text)) == text
    assert gift.unescape(r"1\:2 \n C:\\path \q") == "1:2 \n C:\\path \\q"


def test_every_syntax_error_is_reported_with_its_line_and_column():
    source = "\n".join(
        [
            "// first question is fine",
            "Ok?{T}",
            "",
            "::Unclosed title Who? {T}",
            "",
            "When? {#eighteen}",
            "",
            "Where? {=Here",
            "",
            "Brace } without opening",
        ]
    )
    items, problems = gift.read(source, "bank.gift")
    assert items == []  # nothing is imported from a file with errors
    assert [str(p) for p in problems] == [
        "bank.gift:4:1: the title opened with '::' is not closed: expected '::' after it",
        "bank.gift:6:9: 'eighteen' is not a number: expected 1822, 1822:5 (with a margin) or 1820..1824",
        "bank.gift:8:8: the answers opened with '{' are not closed: expected '}'",
        "bank.gift:10:7: a '}' with no '{' before it: write \\} for a brace in the text",
    ]


def test_two_answer_blocks_are_an_error_at_the_second():
    _, problems = gift.read("A {=a} and {=b}", "x.gift")
    assert [(p.line, p.column) for p in problems] == [(1, 12)]


def test_categories_tags_and_line_numbers():
    source = "$CATEGORY: $course$/top/Unit 1\n\n// [tag:dates] [tag:hard]\nQ?{T}\n\n\nR?{F}"
    items, problems = gift.read(source)
    assert not problems
    assert [(i.category, i.line, i.tags) for i in items] == [("Unit 1", 4, ["dates", "hard"]), ("Unit 1", 7, [])]


def test_numerical_forms():
    items, _ = gift.read("A{#1822:5}\n\nB{#1820..1824}\n\nC{#=1822:0 =%50%1822:2 ~#no}")
    assert [(a.text, a.fraction, a.tolerance) for a in items[0].answers] == [("1822", 1.0, 5.0)]
    assert [(a.text, a.tolerance) for a in items[1].answers] == [("1822", 2.0)]
    assert [(a.text, a.fraction, a.tolerance, a.feedback) for a in items[2].answers] == [
        ("1822", 1.0, 0.0, ""),
        ("1822", 0.5, 2.0, ""),
        ("*", 0.0, 0.0, "no"),
    ]


def test_html_becomes_markdown_without_scripts_or_remote_images():
    items, _ = gift.read(
        '[html]<p>Read <b>this</b><script>alert(1)</script><img src\\="http\\://x/y.png" alt\\="a map"></p>{T}'
    )
    assert items[0].text == "Read **this**[a map]"
    assert any("image" in change for change in items[0].changes)


def test_written_questions_read_back_the_same():
    items = [
        Item("multichoice", "Pick: one {of} these", "q-1", [Answer("a#1", 1.0), Answer("b=2", 0.0, "no: b")]),
        Item("truefalse", "Line one\n\nline two", "q-2", [Answer("true", 0.0, "wrong"), Answer("false", 1.0, "")]),
        Item("shortanswer", "Who?", "q-3", [Answer("Yeltsin", 1.0), Answer("Putin", 0.0, "Later.")]),
        Item("numerical", "When?", "q-4", [Answer("1991", 1.0, "", 1.0), Answer("1991", 0.5, "", 3.0)]),
        Item("matching", "Pair", "q-5", [Answer("x", 1.0, left="1"), Answer("y", 1.0, left="2")]),
    ]
    back, problems = gift.read(gift.write([(item, "a comment") for item in items]))
    assert not problems
    for original, read in zip(items, back, strict=True):
        assert (read.type, read.title, read.text) == (original.type, original.title, original.text)
        got = [(a.text, a.fraction, a.feedback, a.tolerance, a.left) for a in read.answers]
        assert got == [(a.text, a.fraction, a.feedback, a.tolerance, a.left) for a in original.answers]


def test_every_line_is_trimmed_as_moodle_does_and_errors_still_point_at_their_column():
    items, _ = gift.read("::t:: Who\n    founded Rome?\n\t{=Romulus\n    #He and his twin.}\n", "f")
    assert (items[0].text, items[0].answers[0].feedback) == ("Who\nfounded Rome?", "He and his twin.")
    _, problems = gift.read("Where?\n   {=Here ~There\n", "f")
    assert [(p.line, p.column) for p in problems] == [(2, 4)]
