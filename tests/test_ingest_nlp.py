"""The shared sentence parses: the extractor and the never-invent check parse each sentence once."""

from __future__ import annotations

from classroom.ingest import nlp


def test_a_sentence_is_parsed_once_for_the_extractor_and_the_check(monkeypatch) -> None:
    monkeypatch.setattr(nlp, "_parsed", {})
    first = "Ada Lind was named foreign minister in 1990."
    docs = nlp.parse_all([first, "Omar Quist led the bank.", first])
    assert list(docs) == [first, "Omar Quist led the bank."]
    assert nlp.parse(first) is docs[first]  # the check gets the extractor's parse, not a second one
    assert [token.text for token in docs[first]][:2] == ["Ada", "Lind"]


def test_the_store_of_parses_stays_bounded(monkeypatch) -> None:
    monkeypatch.setattr(nlp, "_parsed", {})
    monkeypatch.setattr(nlp, "PARSED_LIMIT", 3)
    nlp.parse_all(["One.", "Two.", "Three."])
    assert len(nlp._parsed) == 3
    later = nlp.parse_all(["Four.", "Two."])
    assert len(nlp._parsed) <= 3 and set(later) == {"Four.", "Two."}
