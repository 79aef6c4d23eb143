"""The drafts' YAML: libyaml's emitter plus ``indent_sequences`` writes the text PyYAML's Python emitter writes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from classroom.ingest import draft_course, read_article_file, write
from classroom.ingest.write import indent_sequences

TESTDATA = Path(__file__).parent / "testdata"
ARTICLES = sorted(
    p
    for folder in ("ingest", "ingest-real")
    for p in (TESTDATA / folder).iterdir()
    if p.suffix in {".txt", ".md", ".html"} and p.name != "README.md"
)

needs_libyaml = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")


@needs_libyaml
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.name)
def test_every_draft_of_the_evaluation_sets_is_written_as_the_python_emitter_writes_it(
    article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dumped: list[dict] = []
    real_dump = write._dump

    def spy(data: dict, fast: bool = True) -> str:
        dumped.append(data)
        return real_dump(data, fast)

    monkeypatch.setattr(write, "_dump", spy)
    text, fmt = read_article_file(article)
    draft_course(text, article.name, fmt=fmt)
    assert dumped
    for data in dumped:
        assert real_dump(data, fast=True) == real_dump(data, fast=False)


def test_a_list_moves_under_its_key_with_everything_nested_in_it() -> None:
    flush = "a:\n- x: 1\n  b:\n  - 2\n  - 3\n  c: 4\n- y: 5\nd: 6\n"
    assert indent_sequences(flush) == "a:\n  - x: 1\n    b:\n      - 2\n      - 3\n    c: 4\n  - y: 5\nd: 6\n"


def test_lines_of_a_literal_block_are_never_read_as_keys_or_list_items() -> None:
    flush = "passages:\n- text: |\n    Causes:\n    - the war\n    - the debt\n  id: p1\nnext: 1\n"
    indented = indent_sequences(flush)
    assert indented == "passages:\n  - text: |\n      Causes:\n      - the war\n      - the debt\n    id: p1\nnext: 1\n"
    assert yaml.safe_load(indented) == yaml.safe_load(flush)


_PIECES = ["a", "b", " ", ":", "-", "|", ">", "#", "'", '"', "\n", "\t", "- ", ": ", "\n- ", "\n\n", "é", "—", "1956"]
_ANY_TEXT = st.lists(st.sampled_from(_PIECES), max_size=15).map("".join) | st.sampled_from(["2004-05-01", "1956-07"])
_ONE_LINE_PIECES = [p for p in _PIECES if "\n" not in p]
_LINE = st.lists(st.sampled_from(_ONE_LINE_PIECES), min_size=1, max_size=15).map("".join).filter(str.strip)
# What drafts hold: one-line strings, and passages as ``wrap`` makes them (paragraphs, "- " items; never blank).
_DRAFT_TEXT = _LINE | st.lists(_LINE, min_size=1, max_size=4).map(lambda lines: write.wrap("\n\n".join(lines)))


def _documents(text: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    values = st.recursive(
        st.one_of(text, st.integers(-5, 5), st.booleans(), st.none()),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
        max_leaves=20,
    )
    return st.dictionaries(_KEYS, values, min_size=1, max_size=5)


_KEYS = st.sampled_from(["id", "text", "choices", "items", "a b", "key:", "- k"])


@settings(max_examples=300, deadline=None)
@given(_documents(_ANY_TEXT))
def test_any_document_reads_back_as_it_was(data: dict) -> None:
    assert yaml.safe_load(write._dump(data)) == data


@needs_libyaml
@settings(max_examples=300, deadline=None)
@given(_documents(_DRAFT_TEXT))
def test_documents_like_drafts_come_out_as_the_python_emitter_writes_them(data: dict) -> None:
    fast = write._dump(data, fast=True)
    assert fast == write._dump(data, fast=False)
