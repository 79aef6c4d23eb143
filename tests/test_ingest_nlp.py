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


def test_the_language_is_the_one_of_most_paragraphs_and_short_lines_do_not_vote() -> None:
    english = "The council of Velmar closed the harbour in the spring and the merchants protested all summer."
    french = "Le conseil de Velmar ferme le port au printemps et les marchands protestent pendant tout l'été."
    assert nlp.article_language([french, english, english])[0] == "en"
    assert nlp.article_language([french, french, english])[0] == "fr"
    assert nlp.article_language([french, english])[0] == "en"  # a tie: English, as a quote and its translation
    assert nlp.article_language([french, "Lise Marnot wrote:", "Notes", "Sources"])[0] == "fr"
    code, confidence = nlp.article_language([french, french])
    assert code == "fr" and confidence >= nlp.LANGUAGE_CONFIDENCE


def test_an_article_mostly_plainly_english_never_loads_the_detector(monkeypatch) -> None:
    def no_model():
        raise AssertionError("the detector's model was loaded")

    monkeypatch.setattr(nlp, "_identifier", no_model)
    english = "The council met in the spring and the minister was asked to report on the harbour works."
    french = "Le conseil s'est réuni au printemps et la ministre a présenté son rapport sur le port."
    assert nlp.article_language([french, english]) == ("en", 1.0)  # a tie goes to English
    assert nlp.article_language([english, "Notes", french, english]) == ("en", 1.0)
