"""Never invent: a last check of every drafted fact and question against the sentence it came from.

The extractors are rules and a statistical model; either can misread. Before
anything becomes a lesson fact or a question, this pass checks that the words
are there and linked the way the draft says:

- a date's words are in its passage; its year, month and day are written in
  it, or (a day or month without a year) the year is written in a date earlier
  in the same section;
- a person-office pair's office and name are written in the sentence; a
  surname stands for one person of the article only; "he"/"she" stands for a
  person named in the sentence before; spaCy does not read the name as a
  place, an organisation or a nationality; and the office is next to the name
  or linked to it in the dependency parse;
- a question's answer is in its passage, and feedback only names offices the
  text gives that person.

Anything that fails is dropped and counted, with the reason, in the import
report the review screen shows.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import TypeAdapter, ValidationError

from classroom.content.models import Question
from classroom.ingest.draft import PassageFindings
from classroom.ingest.extract_dates import DateMention, day_ordinals_in, feast_days, word_years_in
from classroom.ingest.extract_people import (
    CAPS_WORD,
    WON_PRESIDENCY,
    RoleMention,
    clean_name,
    office_joined_before,
    presidencies_won,
    surnames,
)
from classroom.ingest.nlp import parse, parse_all
from classroom.kinds import kind_of
from classroom.text import fold

PRONOUNS = {"he", "she"}
NEAR_TOKENS = 4  # "Secretary of State John Foster Dulles", "Dulles, the Secretary": words between office and name
PARSE_ARCS = 3  # office and name this many dependency arcs apart at most
NOT_PEOPLE = {"ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE", "DATE"}


@dataclass(frozen=True)
class Dropped:
    """A drafted fact or question the check refused, and why (for the import report)."""

    kind: str  # "date", "person", "question"
    what: str
    source: str  # lesson-id#passage-id
    sentence: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What the import kept and what it dropped, for the teacher."""

    language: str
    kept_dates: int = 0
    kept_roles: int = 0
    kept_questions: int = 0
    removed_furniture: int = 0
    dropped: tuple[Dropped, ...] = field(default=())

    def dropped_of(self, kind: str) -> list[Dropped]:
        return [d for d in self.dropped if d.kind == kind]

    def summary(self) -> str:
        kinds = {"date": "date(s)", "person": "person-office pair(s)", "question": "question(s)"}
        dropped = ", ".join(f"{len(self.dropped_of(k))} {label}" for k, label in kinds.items() if self.dropped_of(k))
        return (
            f"kept {self.kept_dates} date(s), {self.kept_roles} person-office pair(s), "
            f"{self.kept_questions} question(s); dropped as not supported by their sentence: {dropped or 'nothing'}; "
            f"{self.removed_furniture} piece(s) of page furniture left out"
        )


# ---------------------------------------------------------------- dates


def _month_written(month: int, written: str) -> bool:
    names = {calendar.month_name[month].lower(), calendar.month_abbr[month].lower()}
    if month == 9:
        names.add("sept")
    words = set(re.findall(r"[a-z]+", written.lower()))
    if any(feast_month == month for feast_month, _ in feast_days(written)):
        return True  # "Christmas" writes December
    return bool(words & names) or bool(re.search(r"\d{4}-\d{2}", written))


def _iso_supported(iso: str, written: str, before: str, season: bool) -> str | None:
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    if not re.search(rf"(?<!\d){year}(?!\d)", written) and year not in word_years_in(written):
        short = f"{year % 100:02d}"
        in_range = re.search(rf"[–—/-]\s*{short}(?!\d)", written)
        if not in_range and not re.search(rf"(?<!\d){year}(?!\d)", before) and year not in word_years_in(before):
            return f"the year {year} is not written in it nor in a date before it in this section"
    if len(parts) > 1 and not season and not _month_written(parts[1], written):
        return f"the month {calendar.month_name[parts[1]]} is not written in “{written}”"
    if len(parts) > 2 and (parts[1], parts[2]) in feast_days(written):
        return None  # "Christmas 1946" writes 25 December
    if (
        len(parts) > 2
        and not re.search(rf"(?<!\d)0?{parts[2]}(?!\d)", written)
        and parts[2] not in day_ordinals_in(written)
    ):
        return f"the day {parts[2]} is not written in “{written}”"
    return None


# "early-to-" or "early to " just before a vague part: the text's period is wider than the part read
_PART_RANGE_BEFORE = re.compile(r"\b(?:early|late|mid|middle)[\s-]+(?:to|or|and)[\s-]+$", re.I)


def date_problem(mention: DateMention, passage: str, earlier: str = "") -> str | None:
    """Why ``mention`` is not supported by its passage (``earlier``: the section's text before it), or None."""
    if passage[mention.start : mention.end] != mention.text:
        return "its words are not in the passage"
    if mention.vague:
        if _PART_RANGE_BEFORE.search(passage[: mention.start]):  # "mid 20th century" of "early-to-mid 20th century"
            return "only the end of a longer period: the words before it widen it"
        return None  # a decade or a century keeps the text's own words; its bounds are a stated convention
    before = earlier + " " + passage[: mention.start]
    season = bool(re.search(r"\b(?:spring|summer|autumn|fall|winter)\b", mention.text, re.I))
    for iso in (mention.date, mention.until):
        if iso and (problem := _iso_supported(iso, mention.text, before, season)):
            return problem
    return None


# ---------------------------------------------------------------- people


def _span(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def _arcs(a: Any, b: Any) -> int:
    """Dependency arcs between two tokens (through their lowest common ancestor)."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    for steps_a, token in enumerate(up_a):
        if token in up_b:
            return steps_a + up_b.index(token)
    return 99


def _office_spans(sentence: str, office: str) -> list[tuple[int, int]]:
    words = [re.escape(w) for w in re.split(r"[\s-]+", office.strip()) if w]
    if not words:
        return []
    last = words[-1]  # "Prime Ministers Attlee and Churchill", "two deputy ministers: …": the plural is the office
    words[-1] = f"(?:{last[:-1]}(?:y|ies)|{last})" if last.endswith("y") else f"{last}(?:s|es)?"
    pattern = re.compile(r"(?<!\w)" + r"[\s-]+".join(words) + r"(?!\w)", re.I)
    return [m.span() for m in pattern.finditer(sentence)]


_CHAIN_DEPS = {"pobj", "prep", "attr", "oprd", "xcomp", "advcl", "relcl", "acl"}
_UNSURE = {"not", "n't", "never", "could", "might", "may", "should", "must", "hoped", "wanted", "tried", "sought"}
_UNSURE |= {"nominated", "proposed", "considered", "offered", "refused", "declined"}
CHAIN_STEPS = 5


def _chain_linked(office: Any, name: Any) -> bool:
    """The office ends a chain of verbs whose subject is the name: "X went on to serve as Y", "X was the first
    woman to serve as Y", "X, who went on to serve as Y". Each step is a predicate, an "as" phrase, an infinitive
    or a relative clause; a negated, modal or wished-for verb on the way links nothing."""
    token = office
    for _ in range(CHAIN_STEPS):
        if token.dep_ not in _CHAIN_DEPS or token.head is token:
            return False
        token = token.head
        if token.i == name.i:
            return True  # "X, who went on to serve as Y": the relative clause hangs on the name
        if token.lower_ in _UNSURE or any(c.dep_ == "neg" or c.lower_ in _UNSURE for c in token.children):
            return False
        if any(c.i == name.i and c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return True
    return False


# "named Ada Lind, Brand's deputy at the council, as foreign minister": the name, one comma-framed apposition,
# then "as" and the office, after an appointing verb (the small model often hangs the "as" on the wrong word).
_APPOINTED_BEFORE = re.compile(r"\b(?:appointed|named|chose|made)\s+$")
_APPOSED_AS = re.compile(r"\s*,[^,;:()]{1,80},\s*as\s+(?:the\s+|a\s+|an\s+)?")


_APPOINTING = {"named", "appointed", "chose", "made", "elected", "nominated", "picked", "selected", "promoted"}


def _appointer(office: Any, name: Any) -> bool:
    """Whether ``name`` only appointed someone else to ``office``: "A named B as secretary", "A made B minister".

    The office hangs on an appointing verb (through "as", or as its object predicate), the verb has an
    object other than the office (the one appointed), and the name is the verb's subject.
    """
    if office.dep_ == "pobj" and office.head.lower_ == "as":
        verb = office.head.head
    elif office.dep_ in ("oprd", "dobj", "xcomp"):
        verb = office.head
    else:
        return False
    if verb.lower_ not in _APPOINTING:
        return False
    appointed = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "dative") and c.i != office.i]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(appointed) and any(name.start <= s.i < name.end for s in subjects)


def _fronted_phrase(office: Any, name: Any) -> bool:
    """Whether the office only ends a phrase that modifies the name's verb: "acting on a plea from the Foreign
    Minister, Ada Lind sailed home" (the plea was the minister's; Lind is the one who sailed). An "as" phrase
    ("As foreign minister, Lind sailed") does name the subject's office."""
    if office.dep_ != "pobj" or office.head.lower_ == "as" or name.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return name.head in office.ancestors and name not in office.subtree


def _linked(doc: Any, office_spans: list[tuple[int, int]], name_start: int, name_end: int) -> bool:
    name = _span(doc, name_start, name_end)
    if name is None:
        return False
    text = doc.text
    for start, end in office_spans:
        office = _span(doc, start, end)
        if office is None or _appointer(office.root, name) or _fronted_phrase(office.root, name.root):
            continue
        gap = name.start - office.end if office.end <= name.start else office.start - name.end
        if 0 <= gap <= NEAR_TOKENS:
            return True
        if _arcs(office.root, name.root) <= PARSE_ARCS or _chain_linked(office.root, name.root):
            return True
        between = text[name_end:start] if name_end <= start else ""
        apposed = _APPOSED_AS.fullmatch(between)
        if apposed and not re.search(r"\b(?:and|or)\b", between) and _APPOINTED_BEFORE.search(text[:name_start]):
            return True
    return False


def _with_joined(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The office spans plus, for each, the office it is joined to by "and" ("Secretary of State and Secretary
    of War"): a second office is the name's when the first one is."""
    joined = [found for start, _ in spans if (found := office_joined_before(sentence, start))]
    return spans + [span for span in joined if span not in spans]


def role_problem(role: RoleMention, previous: str | None, people: Sequence[str]) -> tuple[str | None, RoleMention]:
    """(why ``role`` is not supported by its sentence or None, the role with its name repaired when it can be).

    ``previous`` is the sentence before (for "he"/"she"), ``people`` every full
    name the article gives.
    """
    sentence = role.sentence
    offices = _office_spans(sentence, role.core) or _office_spans(sentence, role.office)
    if role.how == WON_PRESIDENCY:  # the office is written as what this name won: "the presidency", "… election"
        offices = [span for winner, span in presidencies_won(sentence) if winner == role.written_name]
    if not offices:
        return f"the office “{role.core}” is not written in the sentence", role
    offices = _with_joined(sentence, offices)
    written = role.written_name
    if written.lower() in PRONOUNS:
        said = [m.start() for m in re.finditer(rf"\b{written}\b", sentence)]
        if said and _subject_of(sentence, role.name, before=said[0]):
            return None, role  # "Because Lind had lost the vote, she resigned as …"
        if previous is None or role.name.split()[-1] not in previous:
            return f"“{written}” may not mean {role.name}: the sentence before does not name them", role
        if not _subject_of(previous, role.name):
            return f"“{written}” may not mean {role.name}: the sentence before does not make them its subject", role
        return None, role
    places = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(written)}(?!\w)", sentence)]
    if not places:
        return f"the name “{written}” is not written in the sentence", role
    same = sorted({p for p in people if written.split()[-1] in surnames(p) and p != written})
    expanded = role.name not in written  # "Reuter" read as "Ernst Reuter": the article must name one such person
    if (expanded and len(same) != 1) or (len(written.split()) == 1 and len(same) > 1):
        return f"“{written}” may be any of {', '.join(same)}", role  # "President Kennedy": John or Robert?
    doc = parse(sentence)  # shared with the extractor: a sentence it parsed is not parsed again
    problem = ""
    for at in places:  # "Lind and Quist backed it, with Quist becoming ...": the one the office is linked to
        problem = _name_problem(doc, written, at, offices) or (
            ""
            if _linked(doc, offices, at, at + len(written))
            else f"the sentence does not link {written} to the office “{role.core}”"
        )
        if not problem:
            return None, role
    return problem, role


_PLACES = {"GPE", "LOC", "FAC", "NORP"}


def _subject_of(sentence: str, name: str, before: int | None = None) -> bool:
    """Whether ``name`` in ``sentence`` (before the character ``before``, when given) is the subject of a verb (or
    the name a relative "who" clause hangs on), and spaCy does not read it as a place or a people: the one a "he"
    or "she" can stand for. (A lone surname is often tagged as a body; that alone does not refuse it.)"""
    doc = parse(sentence)
    surname = name.split()[-1]
    for token in doc:
        if token.text != surname or (before is not None and token.idx + len(token.text) > before):
            continue
        if any(e.label_ in _PLACES and e.start <= token.i < e.end for e in doc.ents):
            continue
        if before is not None and any(
            e.label_ == "PERSON" and e.end_char <= before and surname not in e.text.split() for e in doc.ents
        ):
            return False  # in the same sentence: the only person named before the pronoun
        head = token.head if token.dep_ == "compound" else token
        if head.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "relcl" for c in head.children):
            return True
        if head.dep_ in ("appos", "conj") and head.head.dep_ in ("nsubj", "nsubjpass"):
            return True
    return False


_NOT_PERSONAL = {
    "company", "corporation", "university", "association", "institute", "society", "department", "agency",
    "commission", "bank", "railway", "party", "times", "news", "council", "committee", "ministry", "army", "navy",
    "league", "front", "movement", "church", "court", "senate", "government", "office", "embassy", "legation",
}  # fmt: skip
_PERSONAL_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+(?:[-'’][A-ZÀ-Þ]?[a-zß-ÿ]+)*|[A-Z]\.")


def _looks_personal(written: str) -> bool:
    """Two to four capitalised words or initials, none of them a word of a body's name ("Bank", "Party")."""
    words = written.split()
    return 2 <= len(words) <= 4 and all(
        (_PERSONAL_WORD.fullmatch(w) or re.fullmatch(CAPS_WORD, w)) and w.lower() not in _NOT_PERSONAL for w in words
    )


def _person_by_context(doc: Any, name: Any, entity: Any, offices: Sequence[tuple[int, int]]) -> bool:
    """Whether the words around a name spaCy calls a body still say it is a person.

    Two signs, each alone: the entity starts with the office the pair is about and the name ends it
    ("U.S. Consul General A. B. Carter" read whole as an organisation); or "who" follows the name ("Ada Lind,
    who became foreign minister": bodies are "which"). The name itself must look like a person's name.
    """
    text = doc.text
    if not _looks_personal(name.text):
        return False
    title_inside = (
        entity.start < name.start
        and name.end == entity.end
        and any(entity.start_char <= start and end <= name.start_char for start, end in offices)
    )
    who_follows = re.match(r"\s*,?\s*who\b", text[name.end_char :]) is not None
    # "MOON Jae-in": a surname in capitals beside given names (the extractor's rule) is what makes spaCy
    # read the name as an acronym's body
    caps_surname = clean_name(name.text) == name.text and any(re.fullmatch(CAPS_WORD, w) for w in name.text.split())
    # "Lieutenant General Brent Scowcroft" read whole as a body: a military rank or an honorific leads it, and two
    # name words follow the ranks
    words = name.text.split()
    ranks = 0
    while ranks < len(words) and words[ranks].rstrip(".").lower() in _RANKS:
        ranks += 1
    rank_led = entity.start_char == name.start_char and ranks > 0 and len(words) - ranks >= 2
    return title_inside or who_follows or caps_surname or rank_led


_RANKS = {
    "general", "lieutenant", "colonel", "major", "admiral", "captain", "commodore", "marshal", "sir", "dame", "dr",
    "mr", "mrs", "ms",
}  # fmt: skip


def _name_problem(doc: Any, written: str, at: int, offices: Sequence[tuple[int, int]] = ()) -> str:
    """Why the name written at ``at`` is not a person (spaCy reads it as a place, a body, ...), or ""."""
    name = _span(doc, at, at + len(written))
    if name is None:
        return ""
    overlapping = [e for e in doc.ents if e.start < name.end and name.start < e.end]
    vetoing = [e for e in overlapping if e.label_ in NOT_PEOPLE and e.start <= name.start and name.end <= e.end]
    if vetoing and all(e.label_ == "ORG" and _person_by_context(doc, name, e, offices) for e in vetoing):
        return ""
    if not any(e.label_ == "PERSON" for e in overlapping) and vetoing:
        kind = next(e.label_ for e in overlapping if e.label_ in NOT_PEOPLE)
        return f"“{written}” reads as a {kind.lower().replace('_', ' ')}, not a person"
    return ""


# ---------------------------------------------------------------- the pass


def verify_findings(
    findings: Sequence[PassageFindings], lesson_id: str, people: Sequence[str]
) -> tuple[tuple[PassageFindings, ...], list[Dropped]]:
    """The lesson's findings with every unsupported date and pair removed, and what was removed."""
    parse_all(r.sentence for f in findings for r in f.roles if r.written_name.lower() not in PRONOUNS)
    kept: list[PassageFindings] = []
    dropped: list[Dropped] = []
    earlier = ""
    for passage in findings:
        source = f"{lesson_id}#{passage.passage_id}"
        dates = []
        for mention in passage.dates:
            problem = date_problem(mention, passage.text, earlier)
            if problem:
                sentence = passage.sentence_of(mention.start).text
                dropped.append(Dropped("date", f"{mention.text} → {_iso_text(mention)}", source, sentence, problem))
            else:
                dates.append(mention)
        roles = []
        texts = [s.text for s in passage.sentences]
        for role in passage.roles:
            index = texts.index(role.sentence) if role.sentence in texts else -1
            previous = texts[index - 1] if index > 0 else None
            problem, role = role_problem(role, previous, people)
            if problem:
                dropped.append(Dropped("person", f"{role.name}: {role.office}", source, role.sentence, problem))
            else:
                roles.append(role)
        kept.append(replace(passage, dates=tuple(dates), roles=tuple(roles)))
        earlier += " " + passage.text
    return tuple(kept), dropped


_INCOMPLETE_TITLES = {"secretary", "minister", "commissioner", "director", "undersecretary", "under secretary"}


def without_bare_titles(
    lessons: Sequence[tuple[PassageFindings, ...]], course_id: str
) -> tuple[list[tuple[PassageFindings, ...]], list[Dropped]]:
    """Every lesson's findings without a bare title ("Secretary Webster") when the article names that
    person's full office beginning with it ("Secretary of State Webster"), and what was dropped.

    "Secretary" alone is not an office a student can be asked about: it is the full one cut short. With
    exactly one fuller office of that person in the article, the bare title adds nothing; with two
    ("Secretary of War", later "Secretary of State") it is left alone, since the text does not say which.
    Only titles that name no office until they say of what (``_INCOMPLETE_TITLES``) are dropped: "President"
    beside "president of the university" is an office of its own.
    """
    fuller: dict[str, set[str]] = {}
    for found in lessons:
        for passage in found:
            for role in passage.roles:
                fuller.setdefault(fold(role.name), set()).add(fold(role.core))
    kept: list[tuple[PassageFindings, ...]] = []
    dropped: list[Dropped] = []
    for number, found in enumerate(lessons, start=1):
        passages = []
        for passage in found:
            roles = []
            for role in passage.roles:
                bare = fold(role.core)
                longer = {o for o in fuller[fold(role.name)] if o.startswith(bare + " ")}
                if bare in _INCOMPLETE_TITLES and fold(role.office) == bare and len(longer) == 1:
                    reason = f"a bare title: the article gives this person's full office, {next(iter(longer))!r}"
                    source = f"{course_id}-{number}#{passage.passage_id}"
                    dropped.append(Dropped("person", f"{role.name}: {role.office}", source, role.sentence, reason))
                else:
                    roles.append(role)
            passages.append(replace(passage, roles=tuple(roles)))
        kept.append(tuple(passages))
    return kept, dropped


def _iso_text(mention: DateMention) -> str:
    return mention.date + (f"/{mention.until}" if mention.until else "")


_QUESTION = TypeAdapter(Question)
_ASKED_PERSON = re.compile(r"^(?:Which office did|Name one office that) (?P<name>.+?) (?:hold|held|take up)\b")


_EMPTY_BRACKETS = re.compile(r"[(\[{][\s,;:.·–—-]*[)\]}]")
_STRAY_PUNCTUATION = re.compile(
    r"\s[,;:.](?!\d|\.\.)"  # "Kanagawa , 1862": a space before a comma where something was taken out
    r"|[,;:]\s*[,;:.?!]"  # "Texas, ," or "the treaty:?"
    r"|\s[–—-]\s*[?.!]?$"  # a dash left hanging at the end
    r"|^\s*[,;:.)\]}–—-]"  # a text that starts with punctuation
)
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def _balanced(text: str) -> bool:
    """Brackets close in order and double quotes (curly or straight) come in twos."""
    stack: list[str] = []
    for char in text:
        if char in _PAIRS:
            stack.append(_PAIRS[char])
        elif char in _PAIRS.values() and (not stack or stack.pop() != char):
            return False
    return not stack and sum(text.count(q) for q in '“”"') % 2 == 0  # "—”Rock”" (a typo of the source) still pairs


def _shown_texts(question: dict) -> list[str]:
    """What a student reads or types: the prompt, options, items, accepted answers and feedback keys."""
    texts = [question.get("ask", "")]
    for field_name in ("options", "items", "accept", "correct"):
        value = question.get(field_name) or []
        texts.extend(str(v) for v in (value if isinstance(value, list) else [value]))
    texts.extend(str(key) for key in question.get("feedback", {}) or {})
    return [t for t in texts if isinstance(t, str)]


def wording_problem(question: dict) -> str | None:
    """Why a drafted question reads as text with a hole, or None.

    Labels and options are cut out of sentences; when a bracketed year or a
    clause is taken out, "Kanagawa ( )", "Texas , and" or an unclosed "(" can
    be left behind. A teacher rejects such a question at sight, so none is drafted.
    """
    for text in _shown_texts(question):
        if _EMPTY_BRACKETS.search(text):
            return f"“{text}” has empty brackets"
        if not _balanced(text):
            return f"“{text}” has an unclosed bracket or quote"
        if _STRAY_PUNCTUATION.search(text):
            return f"“{text}” has punctuation left over from a cut"
    return None


def question_problem(question: dict, passage: str, article: str, offices: dict[str, set[str]]) -> str | None:
    """Why a drafted question is not supported by its passage, or None.

    What the answer looks like comes from the question's kind (``Kind.sought``):
    an answer date's year must be in the article and its month in the passage;
    an answer the passage should write must be there. Feedback may only name
    offices the text gives the person the question asks about. ``offices``:
    folded person name -> folded offices the verified text gives them.
    """
    try:
        model = _QUESTION.validate_python(question)
    except ValidationError:
        return None  # not a valid question at all: the quiz check drops and reports it
    if problem := wording_problem(question):
        return problem
    sought = kind_of(model).sought(model)
    if sought.date is not None:
        parts = sought.date.split("-")
        if parts[0] not in article:
            return f"the year {parts[0]} is not in the article"
        if len(parts) > 1 and not _month_written(int(parts[1]), passage + " " + (model.explain or "")):
            return "the month of the answer is not written in the passage"
    if sought.expected and sought.phrases and fold(sought.phrases[0]) not in fold(passage):
        return "the answer is not written in the passage"
    asked = _ASKED_PERSON.match(model.ask)
    if asked:
        person = asked["name"]
        for wrong in question.get("feedback", {}):
            if fold(wrong) not in offices.get(fold(person), set()):
                return f"the feedback names “{wrong}”, an office the text does not give {person}"
    return None
