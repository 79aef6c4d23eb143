"""The YAML reader: positions, scalar rules, and defences against hostile files."""

from __future__ import annotations

from classroom.content.yamlread import parse_yaml


def test_positions_of_values_and_keys_are_one_based():
    doc, problems = parse_yaml(b"a: 1\nlist:\n  - x\n  - {k: v}\n", "t.yaml")
    assert problems == []
    assert doc.where(("a",)) == (1, 4)
    assert doc.where(("a",), at_key=True) == (1, 1)
    assert doc.where(("list", 1, "k")) == (4, 9)


def test_where_falls_back_to_the_nearest_enclosing_value():
    doc, _ = parse_yaml(b"outer:\n  inner: 1\n", "t.yaml")
    assert doc.where(("outer", "missing")) == (2, 3)


def test_scalars_follow_yaml_12_core_rules():
    raw = b"a: no\nb: on\nc: 1991-12-26\nd: true\ne: 12\nf: 1.5\ng: ~\nh: '12'\ni: 0x1F\n"
    doc, _ = parse_yaml(raw, "t.yaml")
    assert doc.data == {
        "a": "no",
        "b": "on",
        "c": "1991-12-26",
        "d": True,
        "e": 12,
        "f": 1.5,
        "g": None,
        "h": "12",
        "i": "0x1F",
    }


def test_keys_keep_their_written_text():
    doc, _ = parse_yaml(b"2009: a\ntrue: b\n", "t.yaml")
    assert doc.data == {"2009": "a", "true": "b"}


def test_duplicate_key_is_an_error_naming_the_first():
    doc, problems = parse_yaml(b"a: 1\nb: 2\na: 3\n", "t.yaml")
    assert doc is None
    assert [str(p) for p in problems] == ["t.yaml:3:1: duplicate key 'a' (first given on line 1); keep only one"]


def test_every_tab_indent_is_reported():
    _, problems = parse_yaml(b"a:\n\tb: 1\n\tc: 2\n", "t.yaml")
    assert [(p.line, p.column) for p in problems] == [(2, 1), (3, 1)]


def test_billion_laughs_fails_fast():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 10)}]")
    _, problems = parse_yaml("\n".join(lines).encode(), "t.yaml")
    assert len(problems) == 1 and "more than 50,000 values" in problems[0].message


def test_recursive_alias_is_refused():
    _, problems = parse_yaml(b"a: &a [*a]\n", "t.yaml")
    assert "refers to itself" in problems[0].message


def test_deep_nesting_is_an_error_not_a_crash():
    _, problems = parse_yaml(b"[" * 20_000, "t.yaml")
    assert len(problems) == 1


def test_custom_tags_and_merge_keys_are_refused():
    _, problems = parse_yaml(b"a: !!python/object:os.system x\nb:\n  <<: {c: 1}\n", "t.yaml")
    messages = [p.message for p in problems]
    assert any("tags such as" in m for m in messages)
    assert any("merge keys" in m for m in messages)


def test_not_utf8_points_at_the_first_bad_byte():
    _, problems = parse_yaml(b"a: ok\nb: caf\xe9\n", "t.yaml")
    assert [(p.line, p.column) for p in problems] == [(2, 7)]


def test_byte_order_mark_is_accepted():
    doc, problems = parse_yaml("\ufeffa: 1\n".encode(), "t.yaml")
    assert problems == [] and doc.data == {"a": 1}


def test_two_documents_in_one_file_are_a_syntax_error():
    _, problems = parse_yaml(b"a: 1\n---\nb: 2\n", "t.yaml")
    assert problems[0].message.startswith("line 2 (---) starts a second document")
