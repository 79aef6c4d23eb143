"""YAML syntax errors: reported where the mistake starts, in plain words with the fix.

The golden file ``tests/testdata/syntax.expected`` lists one broken file of
``tests/testdata/syntax/`` per line; the tests below spell out the four kinds the
issue names (unclosed quotes, bad indentation, missing colon, unclosed brackets).
"""

from __future__ import annotations

import pytest

from classroom.content.yamlread import parse_yaml, read_yaml
from support import TESTDATA


def problems(text: str) -> list[str]:
    doc, found = parse_yaml(text.encode(), "f.yaml")
    assert doc is None
    return [str(problem) for problem in found]


def test_every_broken_file_gives_its_golden_message():
    folder = TESTDATA / "syntax"
    found = []
    for path in sorted(folder.glob("*.yaml")):
        doc, file_problems = read_yaml(path, path.name)
        assert doc is None and len(file_problems) == 1, path.name
        found.extend(str(problem) for problem in file_problems)
    assert found == (TESTDATA / "syntax.expected").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'id: x\ntitle: "Open\nsummary: S\norder: 1\n',
            'f.yaml:2:8: a double quote (") opened on line 2 is never closed; '
            'add " at the end of the value (write \\" for a quote inside the text)',
            id="double-quote-at-its-opening",
        ),
        pytest.param(
            "id: x\nsummary: S\nitems:\n  - 'one\n",
            "f.yaml:4:5: a single quote (') opened on line 4 is never closed; "
            "add ' at the end of the value (write '' for an apostrophe inside the text)",
            id="single-quote-on-the-last-line",
        ),
    ],
)
def test_an_unclosed_quote_is_reported_at_the_opening_quote(text: str, expected: str) -> None:
    assert problems(text) == [expected]


def test_a_quoted_value_over_two_lines_is_still_valid():
    doc, found = parse_yaml(b'title: "one\n  two"\nsummary: S\n', "f.yaml")
    assert found == [] and doc is not None and doc.data["title"] == "one two"


def test_a_line_indented_less_than_its_neighbours_is_reported_at_that_line():
    text = "questions:\n  - id: q\n    kind: number\n   ask: How many?\n    answer: 3\n"
    assert problems(text) == [
        "f.yaml:4:4: line 4 is indented by 3 spaces, but the lines it belongs with by 4; "
        "line them up (indent by 4 spaces)"
    ]


def test_a_line_indented_more_than_the_field_above_is_reported_at_that_line():
    assert problems("id: x\ntitle: T\n    summary: S\n") == [
        "f.yaml:3:5: line 3 is indented more than the line above it (4 spaces, not 0), "
        "so it is read as part of that line's value; if it is a field of its own, indent it by 0"
    ]


def test_a_missing_colon_is_reported_at_the_start_of_its_line_with_the_fix():
    assert problems("id: x\nsummary S\norder: 1\n") == [
        "f.yaml:2:1: line 2 has no colon after its field name; write it as `name: value` (for example `summary: S`)"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "lessons: [a, b\nid: x\n",
            "f.yaml:1:10: a list opened with [ on line 1 is never closed; add ] at the end of that line",
            id="list",
        ),
        pytest.param(
            "id: x\nfeedback: {a: b\nsummary: S\n",
            "f.yaml:2:11: a mapping opened with { on line 2 is never closed; add } at the end of that line",
            id="mapping",
        ),
        pytest.param(
            "lessons: [a, b}\n",
            "f.yaml:1:15: the list opened with [ at line 1, column 10 must end with ], not }",
            id="wrong-closing-bracket",
        ),
    ],
)
def test_an_unclosed_bracket_is_reported_at_the_opening_bracket(text: str, expected: str) -> None:
    assert problems(text) == [expected]


def test_a_colon_inside_a_value_is_reported_at_the_value_with_it_quoted():
    assert problems("id: x\ntitle: Note: this\n") == [
        'f.yaml:2:8: the value on line 2 contains ": "; put the whole value in quotes, like title: "Note: this"'
    ]


def test_a_value_starting_with_a_star_is_told_to_be_quoted():
    assert problems("id: x\nlessons: *nowhere\n") == [
        "f.yaml:2:10: a value starting with * (*nowhere) is read as a reference; put the whole value in quotes"
    ]


def test_a_block_mixing_fields_and_list_entries_is_reported_at_the_odd_line():
    assert problems("key: value\n- item\n") == [
        "f.yaml:2:1: line 2 does not fit with the lines above it: one block holds either fields (`name: value`) "
        "or list entries (`- ...`), not both; indent the line under the field it belongs to"
    ]


def test_an_error_it_does_not_recognise_keeps_the_parsers_position_and_words():
    assert problems("a: |x\n  b\n") == [
        "f.yaml:1:5: YAML syntax: expected chomping or indentation indicators, but found 'x' "
        "(while scanning a block scalar)"
    ]


def test_invalid_yaml_from_the_yaml_test_suite_is_reported_inside_the_file():
    """111 invalid documents written by others (tests/testdata/yaml-test-suite): no crash, positions in the file."""
    import json

    cases = json.loads((TESTDATA / "yaml-test-suite" / "errors.json").read_text(encoding="utf-8"))["cases"]
    assert len(cases) == 111
    reported = 0
    for case in cases:
        _, found = parse_yaml(case["yaml"].encode(), f"{case['id']}.yaml")
        lines = case["yaml"].count("\n") + 1
        for problem in found:
            assert 1 <= problem.line <= lines + 1 and problem.column >= 1, (case["id"], str(problem))
            assert problem.message.strip(), case["id"]
        reported += bool(found)
    assert reported == 94  # PyYAML accepts the other 17 (it reads YAML 1.1 and is lenient on some rules)
