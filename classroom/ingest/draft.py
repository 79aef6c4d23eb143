"""Turn what was found in a lesson's passages into timeline events, people and draft questions.

Every answer is copied from, or computed from, the passage the question cites:
a date question's key is the date as the passage writes it (its precision
included), a role question accepts the office in the passage's words, an order
question sorts the passage's own event labels by their dates, and an outcome
question's right option is a clause of the passage, its wrong options other
statements of the same article. Anything the text only implies is left out.
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from classroom.content.dates import parse_iso
from classroom.ingest.extract_dates import DateMention, sort_key
from classroom.ingest.extract_people import RoleMention, fold
from classroom.ingest.nlp import parse
from classroom.ingest.split import Sentence

LABEL_WORDS = 18  # longer labels are cut with an ellipsis: a timeline label is not a paragraph
OPTION_WORDS = (5, 32)  # outcome options outside this many words read badly
MAX_ORDER_ITEMS = 6


@dataclass(frozen=True)
class PassageFindings:
    """One passage with its sentences, dates and people, as the extractors found them."""

    passage_id: str
    text: str
    sentences: tuple[Sentence, ...]
    dates: tuple[DateMention, ...]
    roles: tuple[RoleMention, ...]

    def sentence_of(self, start: int) -> Sentence:
        """The sentence holding offset ``start`` (sentences are in text order: a binary search)."""
        index = bisect.bisect_right([s.start for s in self.sentences], start) - 1
        if 0 <= index < len(self.sentences) and start < self.sentences[index].end:
            return self.sentences[index]
        return next((s for s in self.sentences if s.start <= start < s.end), self.sentences[-1])


@dataclass(frozen=True)
class DraftEvent:
    """A timeline event; ``ask_label`` is its label without the date, for questions."""

    mention: DateMention
    label: str
    passage_id: str
    sentence: str
    preposition: str
    ask_label: str
    askable: bool = True  # False for "in 2004 and 2009" (two answers) and "the war of 1812" (the label tells it)


# ---------------------------------------------------------------- labels

_PREPOSITION = re.compile(
    r"(?P<prep>\b(?:on|in|by|from|since|during|until|till|between|at|of|around|about|circa|c\.|before|after|"
    r"as\s+early\s+as|as\s+late\s+as)\s+(?:the\s+)?)?$",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r";\s+|:\s+|\s[—–]\s|,\s+(?:and|but|while|whereas)\s+")
_RELATIVE_TIME = re.compile(
    r"\b(?:yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week)|"
    r"next\s+(?:day|week)|that\s+(?:day|week)|the\s+(?:day|week)\s+before)\b",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,\s*$")


def _tidy_label(text: str) -> str:
    text = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split()))
    text = _CONCLUSION_MARKER.sub("", _RESULT_MARKER.sub("", _DISCOURSE.sub("", text)))
    text = re.sub(r"^(?:[,;:—–-]\s*|(?:and|but|then|so|which|when|while|where|as)\s+)+", "", text, flags=re.I)
    text = _DISCOURSE.sub("", text[:1].upper() + text[1:])  # "1957, however, the …" leaves "However, the …"
    text = re.sub(r"(?:\s*[,;:—–-])+\s*$", "", text).rstrip(". ")
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\s*\(\s*[,;–—-]?\s*\)", "", text)  # "Kanagawa (1862)" without its date: no empty brackets
    return text[:1].upper() + text[1:]


def _cut(text: str, words: int) -> str:
    """The first ``words`` words and an ellipsis; a bracket the cut would leave open is left out whole."""
    parts = text.split()
    if len(parts) <= words:
        return text
    kept = " ".join(parts[:words])
    depth, opened = 0, -1
    for index, char in enumerate(kept):
        if char in "([":
            depth, opened = depth + 1, index if depth == 0 else opened
        elif char in ")]" and depth:
            depth -= 1
    if depth and opened > 0:  # "The pact (or the Pact of Paris, officially …": the brackets go
        kept = kept[:opened]
    return kept.rstrip(" ,;:—–-") + "…"


_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:and|or|,)\s*$")


def coordinated_span(mention: DateMention, others: Iterable[DateMention], text: str, offset: int) -> tuple[int, int]:
    """Start and end of "2004 and 2009" around ``mention`` (just the mention when it stands alone)."""
    start, end = mention.start, mention.end
    ordered = sorted(others, key=lambda m: m.start)
    changed = True
    while changed:
        changed = False
        for other in ordered:
            if other.end <= start and _COORDINATION.match(text[other.end - offset : start - offset]):
                start, changed = other.start, True
            elif other.start >= end and _COORDINATION.match(text[end - offset : other.start - offset]):
                end, changed = other.end, True
    return start, end


def _clause_of(sentence: Sentence, mention: DateMention, others: list[DateMention]) -> tuple[int, int, int, int]:
    """(date start, date end, clause start, clause end) in the sentence: the clause a label is made from."""
    text = sentence.text
    start, end = coordinated_span(mention, others, text, sentence.start)
    start, end = start - sentence.start, end - sentence.start
    later = [o.start - sentence.start for o in others if o.start - sentence.start >= end]
    clause_start, clause_end = 0, len(text)
    for cut in _CLAUSE_SPLIT.finditer(text):
        if cut.end() <= start:
            clause_start = cut.end()
        elif cut.start() >= end:
            clause_end = min(clause_end, cut.start())
    if later and (joint := re.search(r"\s+and\s+", text[end : min(later)])):
        clause_end = min(clause_end, end + joint.start())  # "… in May 1949 and Y in October": May's clause ends
    found = _governing_clause(sentence, start, end)
    if found and found[2] == "clause":
        clause_start, clause_end = max(clause_start, found[0]), min(clause_end, found[1])
    return start, end, clause_start, clause_end


_SUBJECTS = {"nsubj", "nsubjpass", "expl"}
_WH_SUBORDINATORS = {"when", "whenever", "while", "once", "where"}
_CONDITIONS = {"if", "unless", "whether"}  # "promised to resign if the bridge was not open by Easter 1931"


def _marks_clause(token: Any) -> bool:
    """ "although", "after", "because" (spaCy's ``mark``) or "when" and "while" (which it reads as ``advmod``).

    "as" is left out: spaCy often reads "Barrientos, as the candidate, won" as a clause of its own.
    """
    if token.dep_ == "mark":
        return token.lower_ not in {"as", "that", "than"}
    return token.dep_ == "advmod" and token.lower_ in _WH_SUBORDINATORS


def _governing_clause(sentence: Sentence, start: int, end: int) -> tuple[int, int, str] | None:
    """Where the date sits, by spaCy's parse, when that is not the sentence's main clause.

    (start, end, "clause") for a subordinate clause with its own subject ("although the council revoked it in
    1702": the date is the revoking, so the label is that clause without "although"); (start, end, "modifier")
    for a participle or relative phrase ("the mill, rebuilt in 1788, …", "a treaty signed in 1920"): the date
    belongs to a detail of a noun and no question can ask it with the main clause as its label. None when the
    date hangs on the main clause.
    """
    doc = parse(sentence.text)
    inside = [t for t in doc if start <= t.idx < end]
    if not inside or not any(c.dep_ in _SUBJECTS for t in doc if t.dep_ == "ROOT" for c in t.children):
        return None  # a main verb without a subject: a misparse (or a heading), not to be reasoned on
    token = next((t for t in inside if t.head.i == t.i or not start <= t.head.idx < end), inside[0])
    while token.head.i != token.i:  # spaCy makes a new Token object per access: compare indices, not identity
        if token.dep_ in ("advcl", "acl", "relcl"):
            marks = [c for c in token.children if c.i < token.i and _marks_clause(c)]
            subject = any(c.dep_ in _SUBJECTS for c in token.children)
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
                return None  # "named her to inspect them in 1890": the date may be either verb's
            words = [t for t in token.subtree if not marks or t.i > marks[0].i]
            bounds = (words[0].idx, words[-1].idx + len(words[-1]))
            if marks and marks[0].lower_ in _CONDITIONS:
                return (*bounds, "modifier")  # a condition did not happen at that date
            if token.dep_ == "advcl" and marks and subject:
                return (*bounds, "clause")
            if token.dep_ == "advcl" and subject:
                return None  # "…, with Guevara becoming minister": read as the main event's circumstance
            return (*bounds, "modifier")
        token = token.head
    return None


def _shares_clause(sentence: Sentence, mention: DateMention, others: list[DateMention]) -> bool:
    """Whether another date of the sentence stands in the clause the label is made from ("as in the raid in
    1911, the war in 1913 and the blockade in 1916"): the label would fit each of them."""
    start, end, clause_start, clause_end = _clause_of(sentence, mention, others)
    inside = [
        o
        for o in others
        if clause_start <= o.start - sentence.start
        and o.end - sentence.start <= clause_end
        and not o.vague  # "colonized in the eighteenth century, X declared independence on 2 March 1836"
        and not _aside(sentence, o)
    ]
    return any(not (start <= o.start - sentence.start < end) for o in inside)


def event_label(sentence: Sentence, mention: DateMention, others: Iterable[DateMention] = ()) -> tuple[str, str]:
    """A timeline label from the clause that holds the date, with the date taken out.

    ``others`` are the sentence's other dates: "X was founded in May 1949 and Y
    in October 1949" gives the May event the label "X was founded", not a label
    that also tells October. Returns (label, preposition) — the preposition
    ("until", "since") tells the question whether the date starts, ends or
    simply places the event.
    """
    text = sentence.text
    others = list(others)
    start, end, clause_start, clause_end = _clause_of(sentence, mention, others)
    before = text[clause_start:start]
    found = _PREPOSITION.search(before)
    preposition = (found.group("prep") or "").split()[0].lower() if found and found.group("prep") else ""
    before = before[: found.start()] if found else before
    before, after = _close_gap(before, text[end:clause_end])
    label = _tidy_label(before + " " + after)
    if len(label.split()) < 2:  # the clause was little more than the date: use the whole sentence
        full_before = text[:start]
        found = _PREPOSITION.search(full_before)
        label = _tidy_label((full_before[: found.start()] if found else full_before) + " " + text[end:])
    return _cut(label, LABEL_WORDS), preposition


_SAME_YEAR = re.compile(r"^\s*(?:of\s+)?(?:the\s+same|that|the\s+following|the\s+next|the\s+previous)\s+year\b", re.I)
_ENDS_IN_FUNCTION_WORD = re.compile(r"\b(?:a|an|the|and|or|but|of|that|which|who|his|her|its|their)\s*(,?)\s*$", re.I)


def _close_gap(before: str, after: str) -> tuple[str, str]:
    """The words either side of a date taken out, joined without the commas that framed the date.

    "In a June 5, 1912, letter" gives "In a letter", "and, on 3 April 1833, signed" gives "and signed",
    "Rebuilt in 1820, the chapel" gives "the chapel" (a lone opening word cannot stand without its
    date), and "in March of the same year" leaves no "of the same year".
    """
    after = _SAME_YEAR.sub("", after)
    if not after.lstrip().startswith(","):
        return before, after
    if not before.strip() or len(before.split()) == 1:
        return "", after.lstrip()[1:]
    if found := _ENDS_IN_FUNCTION_WORD.search(before):  # "and, on 3 April 1833, signed": "and signed"
        return (before[: found.start(1)] if found.group(1) else before), after.lstrip()[1:]
    if before.rstrip().endswith(","):  # "informed the envoy, Wilson Shannon, on 28 March 1845, that": one comma stays
        return before, after.lstrip()[1:]
    return before, after


_NOUN_BEFORE_OF = re.compile(
    r"(?P<phrase>\b(?:the|a|an|its|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+\s+of\s+)$", re.I
)


def _named_by_date(sentence: Sentence, mention: DateMention) -> str | None:
    """A label such as "The settlement of 1688–1689" when the date only names a thing in a longer clause."""
    found = _NOUN_BEFORE_OF.search(sentence.text[: mention.start - sentence.start])
    if not found:
        return None
    phrase = found.group("phrase") + mention.text
    return phrase[:1].upper() + phrase[1:]


def events_of(findings: Iterable[PassageFindings]) -> list[DraftEvent]:
    """One event per date or period, the first telling of each (a summary repeating a date adds none)."""
    events: list[DraftEvent] = []
    seen: set[tuple[str, str | None]] = set()
    for passage in findings:
        starts = [m.start for m in passage.dates]  # the extractor returns them in text order
        for mention in passage.dates:
            sentence = passage.sentence_of(mention.start)
            if _DATELINE.match(sentence.text[: mention.start - sentence.start]):
                continue  # "LONDON, 10 January 1957 —" dates the report, not an event
            near = passage.dates[bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)]
            others = [m for m in near if m != mention]
            label, preposition = event_label(sentence, mention, others)
            askable = coordinated_span(mention, others, sentence.text, sentence.start) == (mention.start, mention.end)
            askable = askable and not _aside(sentence, mention) and not _shares_clause(sentence, mention, others)
            if _OBJECT_OF_NOUN.search(sentence.text[: mention.start - sentence.start]):
                askable = False  # "their revenue for 2011 was …": the label would read "revenue for was"
            if not _LOWER_WORD.search(label):
                askable = False  # "The United States" (the last of a list of signers): a name, not an event
            if label.endswith("…") and _cut_before_verb(sentence, mention, label):
                askable = False  # "Fanned by the fear of … in the winter of…": what happened was cut off
            if mention.until and re.search(r"\s(?:and|&)\s", mention.text) and mention.date[:7] == mention.until[:7]:
                askable = False  # "sometime between October 23 and 27": a window, not a start and an end
            if named := _named_by_date(sentence, mention):
                label, askable = named, False  # "the revolutions of 1848": the date names a thing
            if _RELATIVE_TIME.search(label) or (mention.date, mention.until) in seen or len(label.split()) < 2:
                continue  # "resigned yesterday": the date written is not the date of the event
            seen.add((mention.date, mention.until))
            shown = label
            if mention.vague:
                shown = f"{label} — {mention.text}"
            elif preposition in ("since", "until", "till"):  # a state that starts or ends then, not an event
                shown = f"{label} ({preposition} {mention.text})"
            events.append(DraftEvent(mention, shown, passage.passage_id, sentence.text, preposition, label, askable))
    return _one_label_one_date(events)


def _cut_before_verb(sentence: Sentence, mention: DateMention, label: str) -> bool:
    """Whether cutting ``label`` to LABEL_WORDS left out the verb of the clause it tells (by spaCy's parse).

    The verb is the sentence's main verb, or the verb of the subordinate clause the label was made from. When
    the label's last words cannot be found in the sentence (tidying changed them), nothing is claimed.
    """
    text = sentence.text
    start, end = mention.start - sentence.start, mention.end - sentence.start
    doc = parse(text)
    found = _governing_clause(sentence, start, end)
    if found and found[2] == "clause":
        verbs = [t for t in doc if t.dep_ == "advcl" and found[0] <= t.idx < found[1]]
    else:
        verbs = [t for t in doc if t.dep_ == "ROOT"]
    words = label.rstrip("…").split()
    tail = " ".join(words[-2:]) if len(words) >= 2 else ""
    begins = text.lower().find(" ".join(words[:2]).lower())  # where the label starts: "of the" may come earlier
    at = text.find(tail, max(begins, 0)) if tail else -1
    if not verbs or at < 0:
        return False
    return verbs[0].idx >= at + len(tail)


_LOWER_WORD = re.compile(r"\b(?!(?:the|of|and|a|an|de|von|van)\b)[a-z]")
_OBJECT_OF_NOUN = re.compile(r"\b(?:for|to|with|than|into|over|under|against|toward|towards|per)\s+$", re.I)
_PARTICIPLE_OPENER = re.compile(
    r",\s+[a-z]*(?:ed|en|ing|built|held|made|won|led|fought|born|sent|kept|bought|sold|taught|brought)"
    r"\s+(?:[a-z]+\s+){0,2}?(?:in|on|at|by|from|during|around|since|until)\s+(?:the\s+)?$"
)
_RELATIVE_OPENER = re.compile(r",\s+(?:which|who|whose|whom)\b[^,;:()]*$", re.I)


def _aside(sentence: Sentence, mention: DateMention) -> bool:
    """Whether the date sits in brackets, a relative clause or after a field's colon: the label is not its event.

    "Kanagawa (1862)", "Kirov's death … (the Nazi Party had taken control in 1933)", "when SCAP, which had
    overseen the occupation since 1945, disbanded": the label is built from the main clause, so a question
    would ask for the date of something else.
    """
    before = sentence.text[: mention.start - sentence.start]
    if before.count("(") > before.count(")") or re.search(r":\s*$", before):
        return True  # in brackets, or the value of a field ("Earliest date: 9 January 1835")
    if _RELATIVE_OPENER.search(before):
        return True
    after = sentence.text[mention.end - sentence.start :]
    if _PARTICIPLE_OPENER.search(before) and re.match(r"[^;:()]*?,", after):
        return True  # "The mill, rebuilt in 1788 by its owner, ground …" (spaCy's parse may miss it)
    found = _governing_clause(sentence, mention.start - sentence.start, mention.end - sentence.start)
    return found is not None and found[2] == "modifier"


def _one_label_one_date(events: list[DraftEvent]) -> list[DraftEvent]:
    """Events of one sentence that get the same label ("the invasions of Manchuria in 1931, of Abyssinia in
    1935, …") cannot be asked apart: none of them is asked."""
    counts: dict[tuple[str, str], int] = {}
    for event in events:
        key = (event.sentence, fold(event.ask_label))
        counts[key] = counts.get(key, 0) + 1
    return [
        replace(event, askable=False) if counts[(event.sentence, fold(event.ask_label))] > 1 else event
        for event in events
    ]


# ---------------------------------------------------------------- questions

_LEADS = {
    "year": "In which year",
    "month": "In which month and year",
    "day": "On which date",
}


def human_date(iso: str) -> str:
    """An ISO date in words for a question: "24 June 1948", "June 1948" or "1948"."""
    date = parse_iso(iso)
    if date is None or date.month is None:
        return iso
    month = calendar.month_name[date.month]
    return f"{date.day} {month} {date.year}" if date.day is not None else f"{month} {date.year}"


def _on(iso: str) -> str:
    """The date with its preposition: on 4 April 1949, in April 1949, in 1949."""
    return ("on " if iso.count("-") == 2 else "in ") + human_date(iso)


def date_question(event: DraftEvent, lesson_id: str, number: int) -> dict | None:
    """Ask for the date (or the start of the period) at the precision the passage gives it."""
    mention = event.mention
    if mention.vague or not event.askable:
        return None  # "the early 1870s" has no exact answer; "in 2004 and 2009" has two
    precision = parse_iso(mention.date).precision  # type: ignore[union-attr]
    lead = _LEADS[precision]
    if mention.is_period:
        ask = f"{lead} did this begin: {event.ask_label}?"
    elif event.preposition in ("until", "till"):
        ask = f"{re.sub('^(In|On) which', 'Until which', lead)} did this go on: {event.ask_label}?"
    elif event.preposition == "since":
        ask = f"{re.sub('^(In|On) which', 'Since which', lead)}: {event.ask_label}?"
    else:
        ask = f"{lead} did this happen: {event.ask_label}?"
    explain = f"The text says: “{event.sentence}”"
    if mention.is_period:
        explain += f" The period runs from {human_date(mention.date)} to {human_date(mention.until or '')}."
    return {
        "id": f"date-{number}",
        "kind": "date",
        "ask": ask,
        "answer": mention.date,
        "explain": explain,
        "source": f"{lesson_id}#{event.passage_id}",
        "status": "draft",
    }


def role_question(
    role: RoleMention,
    passage_id: str,
    lesson_id: str,
    number: int,
    also: Sequence[RoleMention] = (),
    others: Sequence[str] = (),
) -> dict:
    """Which office did this person hold (when the passage says when)?

    ``also``: the person's other offices named in the same passage, accepted
    too when the question cannot say which one it means (no date). ``others``:
    offices of the person named elsewhere, answered with feedback.
    """
    if role.start_date and role.end_date:
        when = role.when.text if role.when and role.when.text.lower().startswith(("from", "between")) else None
        span = when or f"from {human_date(role.start_date)} to {human_date(role.end_date)}"
        ask = f"Which office did {role.name} hold {span}?"
    elif role.start_date:
        ask = f"Which office did {role.name} take up {_on(role.start_date)}?"
    elif role.end_date:
        ask = f"Which office did {role.name} hold until {human_date(role.end_date)}?"
    elif role.when is not None and role.when.vague:
        ask = f"Which office did {role.name} hold in {role.when.text}?"
    elif role.when is not None:
        ask = f"Which office did {role.name} hold {_on(role.when.date)}?"
    elif also:
        ask = f"Name one office that {role.name} held, according to the text."
    else:
        ask = f"Which office did {role.name} hold, according to the text?"
    accept = list(role.accept)
    sentences = [role.sentence]
    if role.when is None:
        for other in also:
            accept.extend(a for a in other.accept if fold(a) not in {fold(x) for x in accept})
            if other.sentence not in sentences:
                sentences.append(other.sentence)
    question: dict[str, Any] = {
        "id": f"role-{number}",
        "kind": "text",
        "ask": ask,
        "accept": accept,
        "topic": "roles",
        "explain": "The text says: " + " ".join(f"“{s}”" for s in sentences),
        "source": f"{lesson_id}#{passage_id}",
        "status": "draft",
    }
    accepted = {fold(a) for a in accept}
    feedback = {
        other: f"{role.name} held that office too, according to the text, but not at the time this question names."
        for other in [*(o.core for o in also), *others]
        if fold(other) not in accepted
    }
    if feedback:
        question["feedback"] = feedback
    return question


def _span(mention: DateMention) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    start = sort_key(mention)
    end_text = mention.until or mention.date
    parts = [int(p) for p in end_text.split("-")]
    end = (parts[0], parts[1] if len(parts) > 1 else 12, parts[2] if len(parts) > 2 else 31)
    return start, end


_YEAR_IN_LABEL = re.compile(r"\b(?:1\d{3}|20\d{2})s?\b")


def order_question(events: list[DraftEvent], lesson_id: str) -> dict | None:
    """Order the lesson's exactly dated events; events whose dates overlap are left out (no true order)."""
    chosen: list[DraftEvent] = []
    exact = (e for e in events if not e.mention.vague and e.askable)
    for event in sorted(exact, key=lambda e: sort_key(e.mention)):
        start, _ = _span(event.mention)
        if chosen and start <= _span(chosen[-1].mention)[1]:
            continue
        if any(fold(event.label) == fold(c.label) for c in chosen) or _YEAR_IN_LABEL.search(event.label):
            continue  # a label naming a year would give the order away
        chosen.append(event)
    if len(chosen) < 2:
        return None
    if len(chosen) > MAX_ORDER_ITEMS:  # keep the first and last, spread the rest evenly
        step = (len(chosen) - 1) / (MAX_ORDER_ITEMS - 1)
        chosen = [chosen[round(i * step)] for i in range(MAX_ORDER_ITEMS)]
    dates = "; ".join(f"{human_date(e.mention.date)}: {e.label}" for e in chosen)
    return {
        "id": "order-1",
        "kind": "order",
        "ask": "Put these events in the order they happened, earliest first.",
        "items": [e.label for e in chosen],
        "explain": f"The dates in the text: {dates}.",
        "source": f"{lesson_id}#{chosen[0].passage_id}",
        "status": "draft",
    }


# ---------------------------------------------------------------- outcomes

_RESULT_MARKER = re.compile(
    r"^(?P<marker>As\s+a\s+(?:result|consequence)|Consequently|Therefore|Thus|Hence|In\s+the\s+end|Ultimately|"
    r"In\s+the\s+long\s+run|Because\s+of\s+this|For\s+this\s+reason|The\s+(?:result|outcome)\s+was\s+that|"
    r"This\s+meant\s+that)\s*,?\s+",
)
_CONCLUSION_MARKER = re.compile(
    r"^(?P<marker>In\s+conclusion|To\s+sum\s+up|In\s+sum|In\s+short|Overall|All\s+in\s+all|In\s+summary)\s*,?\s+"
)
_CAUSAL_VERB = re.compile(
    r"\s(?P<verb>led\s+to|resulted\s+in|brought\s+about|paved\s+the\s+way\s+for|gave\s+rise\s+to|caused|"
    r"ended\s+in)\s"
)
_VERB_ASK = {
    "led to": "lead to",
    "resulted in": "result in",
    "brought about": "bring about",
    "paved the way for": "pave the way for",
    "gave rise to": "give rise to",
    "caused": "cause",
    "ended in": "end in",
}
_DISCOURSE = re.compile(
    r"^(?:However|Moreover|Meanwhile|Nevertheless|Still|Yet|Indeed|In\s+fact|Instead|Later|Then|Also|"
    r"Furthermore|Even\s+so|At\s+first|At\s+the\s+start|In\s+the\s+meantime),\s+"
)
_PRONOUN_START = re.compile(r"^(?:This|That|These|Those|It|They|Such)\b")


@dataclass(frozen=True)
class Statement:
    """A sentence of the article that can serve as an option: its text and where it stands."""

    text: str
    passage_ref: str  # lesson-id#passage-id
    is_outcome: bool
    key: str  # folded text, computed once: a long article has thousands of statements

    @property
    def words(self) -> int:
        return len(self.text.split())


class StatementIndex:
    """Statements by kind and length, so each question finds its wrong options without scanning them all."""

    def __init__(self, statements: Iterable[Statement]) -> None:
        self.by_length: dict[tuple[bool, int], list[Statement]] = {}
        for statement in statements:
            self.by_length.setdefault((statement.is_outcome, statement.words), []).append(statement)

    def near(self, words: int) -> Iterable[Statement]:
        """Outcome statements first, then the rest; each group from the closest length outwards."""
        for is_outcome in (True, False):
            for distance in range(OPTION_WORDS[1] + 1):
                for length in {words - distance, words + distance}:
                    yield from self.by_length.get((is_outcome, length), [])


def _as_option(text: str) -> str:
    text = _DISCOURSE.sub("", text.strip()).rstrip(" .;:")
    return text[:1].upper() + text[1:]


def statements_of(lesson_id: str, findings: Iterable[PassageFindings]) -> list[Statement]:
    """Candidate wrong options: plain statements of this lesson (other lessons add theirs)."""
    found: list[Statement] = []
    for passage in findings:
        for sentence in passage.sentences:
            text = sentence.text
            marker = _RESULT_MARKER.match(text) or _CONCLUSION_MARKER.match(text)
            option = _as_option(text[marker.end() :] if marker else text)
            words = len(option.split())
            if text.endswith("?") or not OPTION_WORDS[0] <= words <= OPTION_WORDS[1] or '"' in option:
                continue
            found.append(Statement(option, f"{lesson_id}#{passage.passage_id}", marker is not None, fold(option)))
    return found


def outcome_questions(findings: list[PassageFindings], lesson_id: str, statements: StatementIndex) -> list[dict]:
    """Choice questions from the passages' conclusions; wrong options are other statements of the article."""
    questions: list[dict] = []
    for passage in findings:
        previous: str | None = None  # a cause from another passage would rarely be the cause
        for sentence in passage.sentences:
            drafted = _outcome(sentence.text, previous)
            previous = sentence.text
            if drafted is None:
                continue
            ask, correct = drafted
            ref = f"{lesson_id}#{passage.passage_id}"
            wrong = _distractors(correct, sentence.text, ref, statements)
            if not wrong:
                continue
            number = len(questions) + 1
            options = list(wrong)
            options.insert(number % (len(wrong) + 1), correct)
            questions.append(
                {
                    "id": f"outcome-{number}",
                    "kind": "choice",
                    "ask": ask,
                    "options": options,
                    "correct": [correct],
                    "topic": "outcomes",
                    "explain": f"The text says: “{sentence.text}” The other options are true statements"
                    " of the article about other things.",
                    "source": ref,
                    "status": "draft",
                }
            )
    return questions


def _quote(text: str, words: int = 30) -> str:
    return "“" + _cut(text.rstrip(" ."), words) + "”"


def _outcome(text: str, previous: str | None) -> tuple[str, str] | None:
    """(question, right answer) for a sentence that states a result or a conclusion."""
    if marker := _CONCLUSION_MARKER.match(text):
        correct = _as_option(text[marker.end() :])
        ask = "Which of these statements is the conclusion the text draws?"
    elif marker := _RESULT_MARKER.match(text):
        correct = _as_option(text[marker.end() :])
        if previous:
            ask = f"According to the text, what was a result of this: {_quote(previous)}?"
        else:
            ask = "According to the text, which of these was a result of the events this lesson describes?"
    elif (verb := _CAUSAL_VERB.search(text)) and not _PRONOUN_START.match(text):
        cause = _as_option(text[: verb.start()])
        correct = _as_option(text[verb.end() :])
        if not 1 <= len(cause.split()) <= 15:
            return None
        cause = cause[:1].lower() + cause[1:] if not re.match(r"[A-Z][a-z]*[A-Z]|[A-Z]\w*\s+[A-Z]", cause) else cause
        ask = f"According to the text, what did {cause} {_VERB_ASK[' '.join(verb.group('verb').split())]}?"
    else:
        return None
    if not OPTION_WORDS[0] <= len(correct.split()) <= OPTION_WORDS[1] or correct[:1].isdigit():
        return None  # "the war ended in 1921 with …": a date is not an outcome
    return ask, correct


def _distractors(correct: str, sentence: str, ref: str, statements: StatementIndex, count: int = 3) -> list[str]:
    """Statements of other passages, outcomes first, then those closest in length to the right answer."""
    taken = {fold(correct)}
    folded_sentence = fold(sentence)
    chosen: list[str] = []
    for statement in statements.near(len(correct.split())):
        if statement.passage_ref == ref or statement.key in taken or statement.key in folded_sentence:
            continue
        taken.add(statement.key)
        chosen.append(statement.text)
        if len(chosen) == count:
            break
    return chosen
