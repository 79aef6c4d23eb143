"""Cut the article into lessons of 2–6 passages, and passages into sentences.

Headings are the author's own lesson plan, so they win when there are any.
Without headings, a lesson ends where neighbouring paragraphs share the fewest
words (a topic shift), with lessons kept near four passages: short enough to
read in one sitting, long enough to carry a few questions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from classroom.ingest.clean import Article, Block, as_label, squeeze

MIN_PASSAGES, MAX_PASSAGES, TARGET_PASSAGES = 2, 6, 4
SHORT_PARAGRAPH_WORDS = 25  # shorter paragraphs join their neighbour: one-liners make poor passages
LIST_PASSAGE_WORDS = 120  # a long list goes on in a new passage: a page that is all bullets is not one passage


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the passage text
    end: int


@dataclass(frozen=True)
class PassagePlan:
    heading: str | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class LessonPlan:
    title: str
    passages: tuple[PassagePlan, ...]


# ---------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen",
    "rep", "rev", "prof", "mt", "ft", "no", "vs", "etc", "e.g", "i.e", "c", "ca", "approx", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.d", "b.c",
    # old abbreviated first names ("Wm. Pinkney", "Chas. Evans")
    "wm", "jas", "chas", "thos", "geo", "benj", "saml", "robt", "richd", "edw", "jno", "jos", "danl",
}  # fmt: skip
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+")


_LINE = re.compile(r"[^\n]+")
_ITEM_MARK = re.compile(r"- (?=\S)")


def sentences(text: str) -> list[Sentence]:
    """Split at . ! ? followed by a capital, a digit or a quote, except after abbreviations and initials.

    A passage's line ends its sentence too: paragraphs are joined with a blank line and list items ("- …") one per
    line, and neither a paragraph nor an item runs on into the next. An item's "- " is not part of its sentence.
    """
    found: list[Sentence] = []
    for line in _LINE.finditer(text):
        start = line.start()
        if mark := _ITEM_MARK.match(text, start, line.end()):
            start = mark.end()
        for match in _BOUNDARY.finditer(text, start, line.end()):
            after = text[match.end() : match.end() + 1]
            if not after or not (after.isupper() or after.isdigit() or after in "\"'“‘("):
                continue
            word = re.search(r"([\w.]+)[.!?]?[\"'”’)\]]*\s*$", text[start : match.end()])
            token = word.group(1).rstrip(".").lower() if word else ""
            if text[match.start()] == "." and (token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
                continue
            _add(found, text, start, match.end())
            start = match.end()
        _add(found, text, start, line.end())
    return found


MAX_SENTENCE_CHARS = 1_000  # a longer "sentence" (a list, a line with no full stops) is cut at spaces


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    offset = start + piece.index(stripped)
    while len(stripped) > MAX_SENTENCE_CHARS:  # keeps the per-sentence patterns linear in the article's length
        cut = stripped.rfind(" ", 0, MAX_SENTENCE_CHARS)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        found.append(Sentence(stripped[:cut].rstrip(), offset, offset + len(stripped[:cut].rstrip())))
        rest = stripped[cut:]
        offset += cut + len(rest) - len(rest.lstrip())
        stripped = rest.strip()
    if stripped:
        found.append(Sentence(stripped, offset, offset + len(stripped)))


# ---------------------------------------------------------------- lessons


@dataclass
class _Unit:
    """A passage in the making: one or more paragraphs under an optional heading."""

    heading: str | None
    paragraphs: list[str]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass
class _Section:
    heading: str | None
    units: list[_Unit]


def _sections(blocks: tuple[Block, ...]) -> list[_Section]:
    """Group paragraphs under the top heading level; deeper headings become passage headings."""
    levels = [b.level for b in blocks if b.kind == "heading"]
    top = min(levels) if levels else 0
    sections = [_Section(None, [])]
    pending: str | None = None
    for block in blocks:
        if block.kind == "heading" and block.level == top:
            sections.append(_Section(block.text, []))
            pending = None
        elif block.kind == "heading":
            pending = block.text
        elif pending is None and sections[-1].units and _goes_on(sections[-1].units[-1], block):
            last = sections[-1].units[-1].paragraphs
            if block.kind == "item" and last[-1].startswith("- "):
                last[-1] += "\n- " + block.text
            else:  # the list's first item after its lead-in, or a label between two lists
                last.append("- " + block.text if block.kind == "item" else block.text)
        else:
            text = "- " + block.text if block.kind == "item" else block.text
            sections[-1].units.append(_Unit(pending, [text]))
            pending = None
    return [s for s in sections if s.units]


_LIST_LABEL_WORDS = 6  # "Support:", "Fixed more than one bug:": a label that introduces the list after it


def _goes_on(unit: _Unit, block: Block) -> bool:
    """Whether ``block`` continues ``unit``'s list: an item after an item or after the sentence announcing the list
    ("… as follows:"), or a short label with a colon between two lists ("Oppose:"). A sub-heading in between
    starts a passage of its own instead (the caller checks), and so does a list longer than LIST_PASSAGE_WORDS.
    """
    last = unit.paragraphs[-1]
    in_list = last.startswith("- ") or last.endswith(":")
    if not in_list or unit.words >= LIST_PASSAGE_WORDS:
        return False
    if block.kind == "item":
        return True
    return block.kind == "paragraph" and block.text.endswith(":") and len(block.text.split()) <= _LIST_LABEL_WORDS


def _merge_short(units: list[_Unit]) -> list[_Unit]:
    """A paragraph under SHORT_PARAGRAPH_WORDS joins the next one (the last joins the previous)."""
    merged: list[_Unit] = []
    carry: _Unit | None = None
    for unit in units:
        if carry is not None:  # the later unit's heading stays where it stood, as a label line ("Exports:")
            label = [as_label(unit.heading)] if unit.heading else []
            unit = _Unit(carry.heading, carry.paragraphs + label + unit.paragraphs)
            carry = None
        if unit.words < SHORT_PARAGRAPH_WORDS:
            carry = unit
        else:
            merged.append(unit)
    if carry is not None:
        if merged and carry.heading is None:
            merged[-1] = _Unit(merged[-1].heading, merged[-1].paragraphs + carry.paragraphs)
        else:
            merged.append(carry)
    return merged


_STOPWORDS = {
    "a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "by", "for", "from", "to", "with",
    "without", "into", "onto", "over", "under", "after", "before", "during", "until", "since", "as", "than", "then",
    "that", "this", "these", "those", "it", "its", "is", "was", "were", "be", "been", "being", "are", "has", "had",
    "have", "he", "she", "they", "them", "his", "her", "their", "we", "our", "you", "your", "i", "not", "no", "so",
    "such", "which", "who", "whom", "whose", "what", "when", "where", "while", "also", "only", "more", "most",
    "much", "many", "some", "any", "all", "each", "other", "one", "two", "three", "first", "last", "later", "new",
    "would", "could", "should", "may", "might", "will", "can", "did", "do", "does", "there", "here", "about",
    "against", "between", "through", "up", "down", "out", "off",
}  # fmt: skip


def _bag(unit: _Unit) -> Counter[str]:
    words = re.findall(r"[^\W\d_]{3,}", " ".join(unit.paragraphs).lower())
    return Counter(w for w in words if w not in _STOPWORDS)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(count * b[word] for word, count in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def segment(units: list, similarity: list[float]) -> list[tuple[int, int]]:
    """Best cut of ``units`` into runs of 2–6: cut where neighbours are least alike, keep runs near 4.

    ``similarity[i]`` compares unit i with unit i+1. Returns (start, end) index pairs.
    Dynamic programming over cut points; runs of the allowed size always exist for 2+ units.
    """
    n = len(units)
    if n <= MAX_PASSAGES:
        return [(0, n)]
    mean = sum(similarity) / len(similarity)
    best: list[tuple[float, list[tuple[int, int]]] | None] = [None] * (n + 1)
    best[0] = (0.0, [])
    for end in range(MIN_PASSAGES, n + 1):
        for size in range(MIN_PASSAGES, MAX_PASSAGES + 1):
            start = end - size
            if start < 0:
                continue
            before = best[start]
            if before is None:
                continue
            cost_before, runs = before
            cut = similarity[start - 1] - mean if start > 0 else 0.0
            cost = cost_before + cut + 0.05 * (size - TARGET_PASSAGES) ** 2
            current = best[end]
            if current is None or cost < current[0]:
                best[end] = (cost, [*runs, (start, end)])
    found = best[n]
    if found is None:  # cannot happen for n >= 2; keep one lesson rather than fail
        return [(0, n)]
    return found[1]


def _split_sentences_in_two(unit: _Unit) -> list[_Unit]:
    """A one-paragraph article still gets two passages, cut at the middle sentence."""
    text = " ".join(unit.paragraphs)
    parts = sentences(text)
    if len(parts) < 2:
        return [unit]
    middle = len(parts) // 2
    first = squeeze(text[: parts[middle].start])
    second = squeeze(text[parts[middle].start :])
    return [_Unit(unit.heading, [first]), _Unit(None, [second])]


def plan_lessons(article: Article, fallback_title: str) -> list[LessonPlan]:
    """Lessons from the article: one per heading section when there are headings, else by topic shifts."""
    sections = [_Section(s.heading, _merge_short(s.units)) for s in _sections(article.blocks)]
    sections = [s for s in sections if s.units]
    if not sections:
        return []
    title = article.title or fallback_title
    # A section of one passage joins its neighbour so that every lesson has at least two; its heading
    # stays on its first passage. Joined sections longer than six are cut again below.
    joined: list[_Section] = []
    for section in sections:
        if joined and (len(joined[-1].units) < MIN_PASSAGES or len(section.units) < MIN_PASSAGES):
            first = section.units[0]
            joined[-1].units.append(_Unit(first.heading or section.heading, first.paragraphs))
            joined[-1].units.extend(section.units[1:])
            continue
        joined.append(_Section(section.heading, list(section.units)))
    if len(joined) == 1 and len(joined[0].units) == 1:
        joined[0].units = _split_sentences_in_two(joined[0].units[0])

    plans: list[LessonPlan] = []
    for section in joined:
        bags = [_bag(unit) for unit in section.units]
        similarity = [_cosine(bags[i], bags[i + 1]) for i in range(len(bags) - 1)]
        runs = segment(section.units, similarity)
        base = section.heading or title
        for number, (start, end) in enumerate(runs, start=1):
            units = section.units[start:end]
            name = base if len(runs) == 1 else f"{base} (part {number})"
            passages = tuple(
                PassagePlan(None if unit.heading == name else unit.heading, tuple(unit.paragraphs)) for unit in units
            )
            plans.append(LessonPlan(name, passages))
    return plans
