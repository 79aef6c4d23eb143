"""Find people named with an office the text says they held, and when.

Rules first: an office word from a fixed list ("Foreign Minister",
"shogun", "Secretary-General") must stand in one of a few English patterns
next to a name, for example

    President Harry S. Truman            title before the name
    Ernest Bevin, the Foreign Secretary  apposition after the name
    the French Prime Minister, Guy Mollet, ...
    Reuter became mayor of West Berlin   a verb of holding or taking office
    As foreign minister, Primakov ...    "As <office>, <name>"

Where no pattern pairs an office, spaCy's dependency parse may link it to a
PERSON entity in a few shapes (predicate, "as", relative "who", apposition;
see ``_holder``). An office with no name so linked is never paired with one:
a missed pair costs a question, a wrong pair would teach something false.
Military ranks (General, Commodore) are titles, not offices, and are dropped
from names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from classroom.ingest.extract_dates import DateMention
from classroom.ingest.nlp import parse
from classroom.text import fold

_LATIN = [chr(code) for code in range(0x250)]
UPPER = "".join(ch for ch in _LATIN if ch.isupper())
LOWER = "".join(ch for ch in _LATIN if ch.islower())
NAME_WORD = rf"[{UPPER}][{LOWER}]+(?:['’][{UPPER}][{LOWER}]+)?(?:-[{UPPER}]?[{LOWER}]+)*"
INITIAL = rf"[{UPPER}]\."
ROMAN = r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3}|XIX)\b"
PARTICLE = r"(?:von|van|de|der|den|del|della|di|da|du|la|le|bin|ibn|al|el|y|ten|ter|zu)"
EPITHET = r"(?:\s+the\s+(?:Great|Elder|Younger|Bold|Terrible|Conqueror|Magnificent|Wise|Pious|Lionheart|Fair))"
# A surname written in capitals, as reference works do for East Asian names ("PARK Chung-hee", "Syngman RHEE"):
# part of a name only next to a capitalised name word, so "NATO" or "USSR" alone never starts one.
CAPS_WORD = rf"(?!{ROMAN})[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?(?![\w.'’-])"
NAME = (
    rf"(?:{NAME_WORD}|{INITIAL}|{CAPS_WORD}(?=\s+{NAME_WORD}))"
    rf"(?:\s+(?:{PARTICLE}\s+)*(?:{NAME_WORD}|{INITIAL}|{ROMAN}|{CAPS_WORD}))*{EPITHET}?"
)
_NAME_RE = re.compile(NAME)

OFFICES = [
    "chancellor of the exchequer", "secretary of state", "secretary of defense", "secretary of defence",
    "secretary of war", "secretary of the treasury", "chief of staff", "secretary of the navy",
    "minister of foreign affairs", "deputy prime minister", "prime minister", "foreign minister",
    "foreign secretary", "home secretary", "defence minister", "defense minister", "defence secretary",
    "defense secretary", "finance minister", "war minister", "interior minister", "chief minister",
    "first minister", "minister", "secretary-general", "secretary general", "general secretary", "first secretary",
    "secretary", "vice-president", "vice president", "president", "premier", "chancellor", "king", "queen",
    "emperor", "empress", "tsar", "czar", "tsarina", "kaiser", "pope", "shogun", "sultan", "caliph", "shah",
    "pharaoh", "regent", "governor-general", "governor general", "military governor", "governor", "governing mayor",
    "lord mayor", "mayor", "ambassador", "high commissioner", "commissioner", "consul general", "first consul",
    "consul", "senator", "speaker", "chief justice", "chairman", "chairwoman", "commander-in-chief",
    "commander in chief", "supreme commander", "stadtholder", "lord protector", "doge", "viceroy", "archbishop",
    "bishop", "cardinal", "grand vizier", "head of state", "head of government", "attorney general",
    "attorney-general", "solicitor general", "solicitor-general", "postmaster general", "postmaster-general",
    "spokesman",
    "spokeswoman", "spokesperson", "envoy", "chairperson", "chief executive officer", "chief executive",
    "chief technology officer", "chief technical officer", "chief financial officer", "chief operating officer",
    "CEO", "CTO", "CFO", "COO", "managing director", "director-general", "director general", "director",
    # diplomatic ranks written whole: "Minister Resident X" is X, not "Resident X"
    "envoy extraordinary and minister plenipotentiary", "ambassador extraordinary and minister plenipotentiary",
    "ambassador extraordinary and plenipotentiary", "minister plenipotentiary", "minister resident",
    "special ambassador", "chargé d’affaires", "chargé d'affaires", "charge d'affaires", "chargé",
    # advisers, counselors and ranks of a department; British staff offices written with hyphens
    "national security adviser", "national security advisor", "counselor", "counsellor", "ambassador-at-large",
    "ambassador at large", "under secretary", "under-secretary", "undersecretary", "permanent under-secretary",
    "quartermaster-general", "quartermaster general", "adjutant-general", "adjutant general",
    "chief of the general staff", "chief of the imperial general staff",
]  # fmt: skip
_ACRONYM_OFFICES = {"ceo", "cto", "cfo", "coo"}  # written in capitals only: "coo" is a word
_OFFICE_RE = re.compile(
    # "co-President": one of two holders, an office of its own; "ex-President", "then-President": a past holder
    r"(?:(?<![\w-])(?:co-)?|(?<=\b[Ee]x-)|(?<=\b[Tt]hen-))(?:"
    + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(OFFICES, key=len, reverse=True))
    + r")(?![\w-])(?!['’]s\b)",
    re.I,
)


def _plural(office: str) -> str:
    last = office.split()[-1]
    plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else last + "s"
    return " ".join([*office.split()[:-1], plural])


# "Prime Ministers Attlee and Churchill", "Presidents Roosevelt, Truman and Eisenhower": one title, several holders.
_PLURALS = {
    _plural(o).lower(): o for o in OFFICES if o.lower() not in _ACRONYM_OFFICES and "-" not in o and " of " not in o
}
_COORDINATED = re.compile(
    r"(?<![\w-])(?P<office>(?i:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PLURALS, key=len, reverse=True))
    + rf"))\s+(?P<names>{NAME}(?:\s*,\s*{NAME})*,?\s+and\s+{NAME})"
)
# "early presidents like Thomas Jefferson", "kings such as Louis XIV": examples of holders of a plural office.
_EXAMPLES = re.compile(
    r"(?<![\w-])(?P<office>(?i:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PLURALS, key=len, reverse=True))
    + rf"))\s+(?:like|such\s+as)\s+(?P<names>{NAME}(?:\s*,\s*{NAME})*(?:,?\s+(?:and|or)\s+{NAME})?)"
)
_ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth)"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth))"
)
# Diplomats are sent to a country or sit in its capital: "Minister in Washington", "Ambassador to France".
_DIPLOMATIC = {
    "minister", "ambassador", "envoy", "consul", "consul general", "high commissioner", "minister plenipotentiary",
    "minister resident", "special ambassador", "envoy extraordinary and minister plenipotentiary",
    "ambassador extraordinary and minister plenipotentiary", "ambassador extraordinary and plenipotentiary",
}  # fmt: skip

_HONORIFICS = {
    "sir", "dame", "mr", "mrs", "ms", "miss", "dr", "general", "gen", "admiral", "adm", "commodore", "colonel",
    "col", "captain", "capt", "major", "lieutenant", "lt", "marshal", "field", "sergeant", "professor", "prof",
    "father", "brother", "sister", "saint", "st",
}  # fmt: skip
_OFFICE_WORDS = {word.lower() for office in OFFICES for word in re.split(r"[\s-]+", office)} - {
    "of", "the", "state", "and", "d’affaires", "d'affaires",
}  # fmt: skip
_OFFICE_WORDS |= {"affaires"}  # "Chargé d’Affaires Ryuji Takeuchi": the name starts after the title
_OFFICE_WORDS |= {w[:-1] + "ies" if w.endswith("y") else w + "s" for w in _OFFICE_WORDS}  # "Ministers Attlee and …"
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
}  # fmt: skip
# Words that start a capitalised run without being part of a name ("In August Clay ...").
_LEADING_NOT_NAMES = _MONTHS | {
    "the", "a", "an", "in", "on", "at", "by", "for", "from", "to", "with", "as", "after", "before", "during",
    "when", "while", "since", "until", "then", "but", "and", "or", "so", "if", "although", "though", "because",
    "however", "meanwhile", "later", "soon", "days", "weeks", "months", "years", "this", "that", "these", "those",
    "his", "her", "its", "their", "our", "my", "your", "it", "he", "she", "they", "we", "there", "here", "just",
    "only", "even", "also", "yet", "still", "once", "both", "each", "every", "many", "most", "some", "few", "all",
    "no", "not", "under", "over", "through", "within", "without", "against", "between", "among", "following",
    "according", "despite", "unlike", "like", "why", "how", "what", "which", "who", "where", "yesterday", "today",
    "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "easter",
    "christmas",
}  # fmt: skip
# Prepositions, conjunctions and sentence adverbs, capitalised only because a sentence starts with them
# ("Throughout Perkins' life …"): never a given name.
_LEADING_NOT_NAMES |= {
    "throughout", "upon", "across", "around", "toward", "towards", "beyond", "behind", "beside", "besides",
    "along", "amid", "amidst", "inside", "outside", "near", "via", "onto", "into", "thus", "therefore", "instead",
    "perhaps", "indeed", "finally", "eventually", "initially", "afterwards", "afterward", "moreover",
    "furthermore", "nevertheless", "nonetheless", "already", "again", "often", "never", "always", "whereas",
    "unless", "whether", "shortly", "thereafter", "subsequently", "ultimately", "originally", "previously",
    "currently", "recently", "officially", "formally", "together", "beginning", "starting",
}  # fmt: skip
# Words that make a capitalised run an institution, a place or a people rather than a person.
_NOT_NAMES = (_LEADING_NOT_NAMES - _MONTHS) | {
    "union", "states", "kingdom", "republic", "empire", "confederation", "party", "army", "navy", "force", "forces",
    "treaty", "pact", "act", "conference", "congress", "council", "assembly", "canal", "company", "sea", "ocean",
    "river", "bay", "castle", "street", "university", "war", "revolution", "restoration", "airlift", "diet", "oath",
    "constitution", "nations", "organization", "organisation", "alliance", "committee", "ministry", "office",
    "government", "parliament", "senate", "court", "bank", "agreement", "convention", "declaration", "doctrine",
    "plan", "crisis", "summit", "zone", "sector", "wall", "gate", "square", "palace", "house", "island", "islands",
    "church", "cathedral", "era", "period", "age", "dynasty", "shogunate", "commission", "fund", "operation",
    "times", "news", "post", "press", "magazine", "museum", "institute", "foundation", "society", "league",
    "federation", "front", "movement", "guard", "brigade", "division", "corps", "regiment", "fleet", "airport",
    "station", "railway", "road", "avenue", "bridge", "tower", "hall", "centre", "center", "library", "archive",
    "europe", "asia", "africa", "america", "east", "west", "north", "south", "western", "eastern", "northern",
    "southern", "soviet", "british", "french", "american", "german", "russian", "austrian", "prussian", "japanese",
    "chinese", "egyptian", "israeli", "canadian", "italian", "spanish", "polish", "dutch", "english", "scottish",
    "irish", "indian", "turkish", "ottoman", "greek", "roman", "communist", "conservative", "labour", "liberal",
    "democratic", "republican", "catholic", "protestant", "christian", "muslim", "jewish", "allied", "allies",
    "axis", "imperial", "royal", "national", "federal", "supreme", "holy", "great", "new", "old", "first", "second",
    "third", "last",
}  # fmt: skip
# Party words written before a name ("Democrat Jimmy Carter", "Tory Ann Blake"): a member's label, never a name.
_NOT_NAMES |= {
    "democrat", "democrats", "republicans", "tory", "tories", "whig", "whigs", "socialist", "socialists",
    "federalist", "federalists", "unionist", "unionists", "nationalist", "nationalists", "liberals",
    "conservatives", "communists", "labourite", "progressive", "progressives", "populist", "populists",
}  # fmt: skip
_NOT_A_NAME_START = _HONORIFICS | _LEADING_NOT_NAMES | _NOT_NAMES | _OFFICE_WORDS  # words that cannot start a name
_ADVERBS = (
    r"(?:later|then|also|briefly|eventually|soon|once|twice|still|already|formally|officially|again|himself|"
    r"herself|first|at\s+first|in\s+turn|finally|subsequently|now|long)"
)
_START_VERBS = (
    r"became|become|becomes|was\s+appointed|were\s+appointed|was\s+named|was\s+elected|was\s+re-elected|was\s+made|"
    r"was\s+sworn\s+in\s+as|took\s+office\s+as|was\s+crowned|was\s+proclaimed|rose\s+to\s+become|"
    r"went\s+on\s+to\s+become|was\s+chosen\s+as|was\s+installed\s+as|succeeded\s+\S+\s+as|replaced\s+\S+\s+as|"
    r"returned\s+as|took\s+(?:his|her|their)\s+place\s+as|took\s+over\s+as|stepped\s+in\s+as|"
    r"accepted\s+(?:an\s+|the\s+|his\s+|her\s+)?appointment\s+as|was\s+confirmed\s+as|"
    r"presented\s+(?:his|her|their)\s+credentials\s+as|"
    # "was chosen to be", "returned to office as", "rose to the post of", "was the first woman to become"
    r"was\s+chosen\s+to\s+be|returned\s+to\s+(?:office|power)\s+as|was\s+promoted\s+to|"
    r"rose\s+to\s+(?:the\s+)?(?:post|office|rank|position)\s+of|was\s+the\s+first\s+(?:[\w-]+\s+){0,2}to\s+become"
)
# An envoy's tenure starts when they present their credentials: "Ambassador X presented his credentials on …".
_CREDENTIALS = re.compile(r"\bpresented\s+(?:his|her|their)\s+(?:letters\s+of\s+)?credentials\b", re.I)
_END_VERBS = r"resigned\s+as|stepped\s+down\s+as|retired\s+as|was\s+dismissed\s+as|was\s+removed\s+as"
_HOLD_VERBS = (
    r"was|is|had\s+been|has\s+been|served\s+as|serves\s+as|acted\s+as|remained|continued\s+as|stayed\s+on\s+as|"
    r"was\s+then|worked\s+as|"
    r"led\s+(?:the|his|her|their)\s+(?:country|nation|state|government|empire|kingdom|republic)\s+as|"
    # "held the post of", "went on to serve as", "was the first woman to serve as"
    r"held\s+the\s+(?:post|office|position|title)\s+of|went\s+on\s+to\s+serve\s+as|"
    r"was\s+the\s+first\s+(?:[\w-]+\s+){0,2}to\s+(?:serve\s+as|hold\s+the\s+(?:post|office)\s+of)"
)
_VERB = rf"(?P<verb>(?:{_START_VERBS}|{_END_VERBS}|{_HOLD_VERBS})(?:\s+as)?)"
_DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|whose)\s+)$", re.I)
_MODIFIER = re.compile(
    r"(?:\b(?:first|last|new|former|then|acting|future|interim|incoming|outgoing|long-serving|longtime|young|"
    rf"powerful|sole|only|next|previous|executive|deputy|assistant|{_ORDINAL})\s+|\b(?:ex|then)-)$",
    re.I,
)
# Words before an office that make it another office: a deputy, an assistant or an acting holder is not the
# holder ("Deputy Attorney General", "Third Assistant Secretary of State", "Acting Secretary").
_RANK = re.compile(rf"(?:\b(?:{_ORDINAL}\s+)?(?:deputy|assistant|acting)\s+)+$", re.I)
# "second assistant secretaries: William Hunter (1866-1886) and Alvey A. Adee (1886-1924)": a plural title, a
# colon, then its holders, each with an optional bracket.
_HELD = rf"{NAME}(?:\s*\([^()]{{0,60}}\))?"
_LISTED = re.compile(
    rf"(?<![\w-])(?P<office>(?:(?:{_ORDINAL}|deputy|assistant|acting)\s+)*(?i:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PLURALS, key=len, reverse=True))
    + rf"))\s*:\s*(?P<names>{_HELD}(?:\s*,\s*{_HELD})*,?\s+and\s+{_HELD})",
    re.I,
)
# "UN", "Britain's", "British", "West German": a country or body before the office, never a person's name.
_DEMONYM = r"(?:[A-Z][a-z]+(?:an|ian|ese|ish|ic|ch|i|ern|ist|ine)|Soviet|Greek|Thai|Swiss|Czech|Dutch|Tory|West|East)"
# "Army commander-in-chief X", "Party chairman X": the body whose office it is, written with a capital.
_BODY = r"(?:Army|Navy|Party|Senate|Church|Council|Committee|Court|Ministry|Government|League|Front|Movement|Bank)"
_QUALIFIER = re.compile(rf"(?:\b(?:[A-Z]{{2,5}}|U\.S\.|U\.K\.|{NAME_WORD}['’]s|[a-z]+['’]s|{_DEMONYM}|{_BODY})\s+)$")
_COMPLEMENT_NOUNS = (
    r"zone|sector|congress|conference|council|commission|assembly|treasury|exchequer|republic|kingdom|empire|"
    r"navy|army|interior|colonies|city|province|realm|federation|confederation|alliance|party|union"
)
# "Governor of Ostria and Secretary of War" is two offices: "and" before an office word ends the complement.
_AND_NOT_OFFICE = (
    r"and(?!\s+(?:the\s+)?(?i:"
    + "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(OFFICES, key=len, reverse=True))
    + r")(?![\w-]))"
)
_COMPLEMENT = re.compile(
    rf"^\s+(?:of|for)\s+(?:the\s+(?:[a-z]+\s+){{0,2}}(?=[A-Z]))?(?:[A-Z]{{2,5}}|{NAME_WORD}|(?:{_COMPLEMENT_NOUNS})\b)"
    rf"(?:\s+(?:(?:of|for|{_AND_NOT_OFFICE})\s+(?:the\s+)?)?(?:[A-Z]{{2,5}}\b|{NAME_WORD}|(?:{_COMPLEMENT_NOUNS})\b))*"
)
_PAST = re.compile(r"(?:\b(?:former|then|late)\s+|\b(?:ex|then)-)$", re.I)  # "Former governor X", "then-President X"
_MONTH_WORD = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
_POSTED = re.compile(
    rf"^\s+(?:to|in|at)\s+(?:the\s+)?(?!{_MONTH_WORD})(?:[A-Z]{{2,5}}\b|{NAME_WORD})(?:\s+{NAME_WORD})*"
)
_CLAUSE_BREAK = re.compile(r"\s[—–-]\s|;|:|,\s+(?:but|and|while|whereas|although)\s")


@dataclass(frozen=True)
class RoleMention:
    """A person the text names with an office, and when it says they held it.

    ``accept`` lists the answers a role question accepts: first the office as
    written in the passage, then forms computed from it (without the country,
    "Britain's X" as "X of Britain"). ``start_date``/``end_date`` are ISO dates
    when the text says when the office began or ended; ``when`` is the date
    mention the question may quote.
    """

    name: str
    written_name: str
    office: str
    core: str
    accept: tuple[str, ...]
    sentence: str
    start: int
    end: int
    when: DateMention | None
    start_date: str | None
    end_date: str | None
    how: str

    @property
    def key(self) -> tuple[str, str]:
        return fold(self.name), fold(self.core)


def clean_name(written: str) -> str | None:
    """Strip honorifics, titles and leading function words; None when what is left is not a person's name."""
    epithet = re.search(EPITHET + "$", written)  # "Peter the Great": kept whole
    if epithet:
        written = written[: epithet.start()]
    tokens = written.split()
    while tokens and (
        tokens[0].rstrip(".").lower().removeprefix("ex-") in _NOT_A_NAME_START
        or (tokens[0] == "State" and len(tokens) > 1)  # "Secretary of State John Foster Dulles"
        or all(part in _OFFICE_WORDS for part in tokens[0].lower().split("-"))  # "Vice-president René Barrientos"
        or _past_title(tokens[0])  # "Then-President Ada Lind", "Ex-Governor Ada Lind"
    ):
        tokens.pop(0)
    while tokens and re.fullmatch(PARTICLE, tokens[-1]):
        tokens.pop()
    if (
        not tokens
        or len(tokens) > 6
        or not (re.fullmatch(NAME_WORD, tokens[0]) or _caps_surname(tokens, 0) or _initials_then_name(tokens))
    ):
        return None
    if any(
        t.lower() in _NOT_NAMES or (t.lower() in _OFFICE_WORDS and not (i and t in _SURNAME_TITLES))
        for i, t in enumerate(tokens)
    ):
        return None
    if any(re.fullmatch(CAPS_WORD, t) and not _caps_surname(tokens, i) for i, t in enumerate(tokens)):
        return None
    return " ".join(tokens) + (" " + " ".join(epithet.group(0).split()) if epithet else "")


# Capitals that name a country or a body, never a family: "US", "NATO", "USSR".
_ACRONYMS = {
    "US", "USA", "UK", "UN", "USSR", "NATO", "EU", "CIA", "FBI", "KGB", "GDR", "FRG", "ROK", "DPRK", "PRC", "ROC",
    "SEATO", "OAS", "OPEC", "IMF", "WHO", "II", "III",
}  # fmt: skip


# Words of an office that are never an office alone and are also family names: "Lord" starts "Lord Mayor" and a
# peer's style ("Lord Grey", stripped above), but after a given name it is a surname ("Winston Lord").
_SURNAME_TITLES = {"Lord"}


def _initials_then_name(tokens: list[str]) -> bool:
    """ "W. Willard Wirtz", "H. H. Asquith": initials first, then at least one name word."""
    initials = 0
    while initials < len(tokens) and re.fullmatch(INITIAL, tokens[initials]):
        initials += 1
    return 0 < initials < len(tokens) and all(re.fullmatch(NAME_WORD, t) for t in tokens[initials:])


def _before_title(written: str) -> str | None:
    """The name before the first title of a run the name pattern took whole ("Stimson Governor General")."""
    tokens = written.split()
    titles = [i for i, t in enumerate(tokens) if t.rstrip(".").lower() in _OFFICE_WORDS]
    return clean_name(" ".join(tokens[: titles[0]])) if titles and titles[0] > 0 else None


def _past_title(word: str) -> bool:
    """ "Then-President", "Ex-Governor": a title with a past marker glued to it, never a name word."""
    parts = word.lower().split("-")
    return len(parts) > 1 and parts[0] in ("then", "ex") and all(p in _OFFICE_WORDS for p in parts[1:])


def _caps_surname(tokens: list[str], index: int) -> bool:
    """A word in capitals is a surname only once in a name, with a capitalised name word beside it."""
    word = tokens[index]
    if not re.fullmatch(CAPS_WORD, word) or word in _ACRONYMS or len(word.replace("-", "")) < 2:
        return False
    if sum(1 for t in tokens if re.fullmatch(CAPS_WORD, t)) > 1:
        return False
    neighbours = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
    return any(re.fullmatch(NAME_WORD, t) for t in neighbours)


def _after_title(written: str) -> str | None:
    """The name after the last title of a run the name pattern took whole ("S. President Theodore Roosevelt")."""
    tokens = written.split()
    titles = [i for i, t in enumerate(tokens) if t.rstrip(".").lower() in _OFFICE_WORDS | _HONORIFICS]
    return clean_name(" ".join(tokens[titles[-1] + 1 :])) if titles and titles[-1] < len(tokens) - 1 else None


_PLACE_USE = re.compile(rf"\b(?:in|at|from|into|near|across|through|over|to)\s+({NAME_WORD})\b(?!\s+{NAME_WORD})")


def surnames(full: str) -> list[str]:
    """The words a person may be called by alone: the last, and for three names or more the one before it
    ("Alfredo Ovando Candía" is "Ovando", by the paternal surname; "John Quincy Adams" could be "Quincy")."""
    words = [w for w in full.split() if not re.fullmatch(PARTICLE, w)]
    found = [words[-1]] if words else []
    if len(words) >= 3 and re.fullmatch(NAME_WORD, words[-2]):
        found.append(words[-2])
    return found


class NameBook:
    """Full names seen anywhere in the article, so that "Reuter" can be read as "Ernst Reuter"."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.full: dict[str, set[str]] = {}
        texts = list(texts)
        places = {m.group(1) for t in texts for m in _PLACE_USE.finditer(t)}
        for text in texts:
            for match in _NAME_RE.finditer(text):
                name = clean_name(match.group(0)) or _after_title(match.group(0))
                if not name or name.split()[0] in places:
                    continue  # "in Ireland William ...": a place, then a name
                if len([t for t in name.split() if not re.fullmatch(PARTICLE, t)]) >= 2:
                    for surname in surnames(name):
                        self.full.setdefault(surname, set()).add(name)
                if len(name.split()) >= 3 and re.search(r"\b(?:to|in|at)\s+(?:the\s+)?$", text[: match.start()]):
                    # "Envoy … to Ruritania Jane Roe": the first word may be the post, so "Roe" alone is not
                    # read as either name
                    self.full[name.split()[-1]].add(" ".join(name.split()[1:]))

    def resolve(self, name: str) -> str:
        """The one full name ending with this surname, or the name as given."""
        if len(name.split()) > 1:
            longer = [n for n in self.full.get(name.split()[-1], set()) if n.endswith(" " + name)]
            return longer[0] if len(longer) == 1 else name
        found = self.full.get(name, set())
        return next(iter(found)) if len(found) == 1 else name


@dataclass(frozen=True)
class _Office:
    """An office phrase in a sentence: [determiner] [modifiers] [qualifier] core [complement]."""

    start: int  # first character of the whole phrase (determiner included)
    core_start: int
    core_end: int
    end: int  # after the complement
    qualifier: str
    core: str
    complement: str
    determiner: bool


_NAME_BEFORE = re.compile(rf"(?:{NAME_WORD}|{INITIAL})\s+$")


def _ends_a_name(before: str, found: re.Match) -> bool:
    """ "elected Ronald Reagan president": a word shaped like a people's name ("Reagan") that ends a person's
    name is the holder's surname, not a qualifier of the office ("West German chancellor" is no person)."""
    word = found.group(0).strip()
    if not re.fullmatch(NAME_WORD, word):
        return False
    previous = _NAME_BEFORE.search(before[: found.start()])
    return previous is not None and clean_name(f"{previous.group(0).strip()} {word}") is not None


def _office_at(sentence: str, match: re.Match) -> _Office:
    start = match.start()
    qualifier = ""
    determiner = False
    for _ in range(4):
        before = sentence[:start]
        if found := _MODIFIER.search(before):
            start = found.start()
        elif (found := _QUALIFIER.search(before)) and not _ends_a_name(before, found):
            qualifier = (found.group(0).strip() + " " + qualifier).strip()
            start = found.start()
        else:
            break
    if found := _DETERMINER.search(sentence[:start]):
        start, determiner = found.start(), True
    core_start = match.start()
    if rank := _RANK.search(sentence[: match.start()]):
        core_start = rank.start()  # "Third Assistant Secretary of State" is not "Secretary of State"
    complement = _COMPLEMENT.match(sentence[match.end() :])
    if complement is None and " ".join(match.group(0).lower().split()) in _DIPLOMATIC:
        complement = _POSTED.match(sentence[match.end() :])
    end = match.end() + (complement.end() if complement else 0)
    return _Office(
        start,
        core_start,
        match.end(),
        end,
        qualifier,
        " ".join(sentence[core_start : match.end()].split()),
        " ".join(complement.group(0).split()) if complement else "",
        determiner,
    )


# The patterns, by the letter their variables carry; LEFT looks before the office phrase, RIGHT after it.
#   A  President Harry S. Truman            (title before the name)
#   B  Ernest Bevin, the Foreign Secretary  (apposition after the name)
#   C  Reuter became mayor of West Berlin   (a verb of holding, taking or leaving office; also "he became")
#   D  the French Prime Minister, Guy Mollet, ...
#   E  As foreign minister, Primakov ...
#   G  Clement Attlee (prime minister 1945–1951)
#   H  the first chancellor was Konrad Adenauer
#   I  Macmillan succeeded Eden as Prime Minister
#   J  Truman appointed George Marshall Secretary of State; the board promoted X to the post of CEO
#   K  reforms that Gorbachev launched after becoming General Secretary
#   L  Prime Ministers Attlee and Churchill (coordinated titles, one pair each)
_B_LEFT = re.compile(rf"(?P<name>{NAME})\s*,\s*(?:(?:then|now|later|also|at\s+the\s+time)\s+)?$")
_C_LEFT = re.compile(
    rf"(?P<name>{NAME}|\b[Hh]e|\b[Ss]he)(?:\s*,\s*(?:who|which)\s+|\s*,[^,]{{1,90}},\s*|\s+)"
    rf"(?:{_ADVERBS}\s+){{0,2}}{_VERB}\s+$"
)
# "acting on a plea from the Foreign Minister, Ada Lind sailed": an office closing a phrase set before the clause
# is no apposition of the subject that follows (unless a comma or the sentence's end closes the name: "a letter
# to the Foreign Minister, Ada Lind, …", "led by its chancellor, Karl Berg.").
_PREPOSITION_LEFT = re.compile(
    r"\b(?:from|with|to|by|of|for|against|after|before|under|upon|toward|towards|about|behind|without)\s+"
    r"(?:(?:the|a|an|his|her|their|its)\s+)?$",
    re.I,
)
_E_LEFT = re.compile(r"(?:^|[;:]\s*)As\s+$")
# "As prime minister, Ada Lind cut taxes": the name is the subject of the clause, whatever its verb looks like.
_E_RIGHT = re.compile(rf"^\s*,\s*(?P<name>{NAME})(?=\s+(?:[a-z]+\s+)?[a-z]+\b|\s*[,;:])")
# "Ada Lind, as prime minister, cut taxes": an "as" phrase set off by commas after the name.
_AS_LEFT = re.compile(rf"(?P<name>{NAME})\s*,\s*(?:(?:then|later|already|by\s+then)\s+)?as\s+$")
_AS_RIGHT = re.compile(r"^\s*,")
# "Ada Lind's term as prime minister", "Karl Berg's earlier service as envoy": a time in office the name owns.
_TERM_LEFT = re.compile(
    rf"(?P<name>{NAME})['’]s\s+(?:(?:first|second|third|earlier|previous|brief|long|short|later|final)\s+)?"
    r"(?:term|terms|tenure|time|years|stint|service|days)\s+(?:in\s+office\s+)?as\s+$"
)
_K_LEFT = re.compile(
    rf"(?P<name>{NAME})\s+(?:[a-z]+\s+){{0,3}}(?:after|before|on|upon|since|while|when)\s+"
    r"(?P<verb>becoming|being\s+(?:appointed|elected|named|made)(?:\s+as)?|serving\s+as|taking\s+office\s+as)\s+$"
)
_G_LEFT = re.compile(rf"(?P<name>{NAME})\s*\(\s*$")
_J_LEFT = re.compile(
    rf"\b(?:appointed|named|elected|made|chose|proclaimed|crowned|promoted)\s+(?P<name>{NAME})\s+"
    r"(?:as\s+|to\s+be\s+|to\s+(?:the\s+)?(?:role|post|position|office|rank)\s+of\s+)?$"
)
# "named Colonel Ada Lind, Brand's deputy at the council, as foreign minister": an apposition before "as"
_J_APPOSED_LEFT = re.compile(
    rf"\b(?:appointed|named|chose|made)\s+(?P<name>{NAME})\s*,(?P<apposed>[^,;:()]{{1,80}}),\s*as\s+$"
)
_I_LEFT = re.compile(rf"(?P<new>{NAME})\s+(?:succeeded|replaced)\s+(?P<old>{NAME})\s+as\s+$")
_I_PASSIVE_LEFT = re.compile(rf"(?P<old>{NAME})\s+was\s+(?:{_ADVERBS}\s+)?(?:succeeded|replaced)\s+as\s+$")
_BY_RIGHT = re.compile(rf"^\s+by\s+(?P<new>{NAME})")
_APPOSITION_END = r"(?=\s*(?:[,.;:)]|$|[—–]|\s(?:and|who|which|was|had|has|is|would|also|\w+ed|\w+s)\b))"
_D_RIGHT = re.compile(rf"^\s*,\s*(?P<name>{NAME}){_APPOSITION_END}")
_H_RIGHT = re.compile(rf"^\s+(?:was|is|became|had\s+been)\s+(?P<name>{NAME})")
_A_RIGHT = re.compile(rf"^\s+(?P<name>{NAME})(?P<of>\s+of\s+(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*)?")
_B_RIGHT = re.compile(
    r"^\s*(?:[,.;:()]|$|[—–]|\s(?:who|which|and|since|from|until|between|in|at|during|under|had|has|was|is|"
    r"would|also|then|when|for|of)\b)"
)


@dataclass(frozen=True)
class _Pair:
    written_name: str
    office: _Office
    how: str
    verb: str = ""
    after_name: str = ""  # "of Egypt" in "President Gamal Abdel Nasser of Egypt"
    at: int = -1  # where a listed holder's name ends: the date nearest to it is theirs


_POST_THEN_NAME = re.compile(
    rf"^\s+(?:(?:to|in|at)\s+(?:the\s+)?)?(?P<run>(?:{NAME_WORD}|{INITIAL})(?:\s+(?:{PARTICLE}\s+)*(?:{NAME_WORD}|{INITIAL}))+)"
)


def _posted_holder(sentence: str, office: _Office) -> _Pair | None:
    """ "Special Envoy of the United States to Ruritania Jane Roe": a capitalised title, its complement, a post,
    then a name. Where the post ends and the name starts is spaCy's call: the name is a PERSON entity that ends
    the run of capitalised words, and the post before it is at least one word."""
    found = _POST_THEN_NAME.match(sentence[office.end :])
    if not found:
        return None
    run_start, run_end = office.end + found.start("run"), office.end + found.end("run")
    for entity in parse(sentence).ents:
        end = entity.start_char + len(entity.text)
        if entity.label_ == "PERSON" and end == run_end and run_start < entity.start_char and len(entity) >= 2:
            post = " ".join(sentence[office.end : entity.start_char].split())
            complement = f"{office.complement} {post}".strip()
            widened = replace(office, end=entity.start_char, complement=complement)
            return _Pair(entity.text, widened, "posted title")
    return None


def _usable(written: str) -> bool:
    """Whether a pattern's name can stand for a person ("he", "Karl Moltke"), not a word such as "It" or "The"."""
    return written.lower() in ("he", "she") or clean_name(written) is not None


def _candidates(sentence: str, match: re.Match, office: _Office) -> Iterator[list[_Pair]]:
    """The patterns that match around one office, in order of trust; each gives the pairs it reads."""
    left, right = sentence[: office.start], sentence[office.end :]
    after_core = sentence[office.core_end :]
    # "President X", "Soviet premier X", "former president X", "ex-president X", "the president X"
    titled = (
        match.group(0)[0].isupper()
        or bool(office.qualifier)
        or office.determiner
        or bool(_PAST.search(sentence[: match.start()]))
    )
    if (a := _A_RIGHT.match(after_core)) and titled and not office.complement:
        yield [_Pair(a.group("name"), office, "title", after_name=" ".join((a.group("of") or "").split()))]
    if match.group(0)[0].isupper() and office.complement and (posted := _posted_holder(sentence, office)):
        yield [posted]
    if (i := _I_PASSIVE_LEFT.search(left)) and (by := _BY_RIGHT.match(right)):  # "A was succeeded as X by B"
        yield [
            _Pair(by.group("new"), office, "succession", verb="became"),
            _Pair(i.group("old"), office, "succession", verb="resigned as"),
        ]
    if (c := _C_LEFT.search(left)) and not _CLAUSE_BREAK.search(left[c.start() :]):
        yield [_Pair(c.group("name"), office, "verb", verb=" ".join(c.group("verb").split()))]
    if (b := _B_LEFT.search(left)) and _B_RIGHT.match(right):
        yield [_Pair(b.group("name"), office, "apposition")]
    if (k := _K_LEFT.search(left)) is not None:
        verb = "became" if k.group("verb").startswith(("becoming", "being", "taking")) else "served as"
        yield [_Pair(k.group("name"), office, "gerund", verb=verb)]
    if (i := _I_LEFT.search(left)) is not None:
        yield [
            _Pair(i.group("new"), office, "succession", verb="became"),
            _Pair(i.group("old"), office, "succession", verb="resigned as"),
        ]
    if (j := _J_LEFT.search(left)) is not None:
        yield [_Pair(j.group("name"), office, "appointed", verb="became")]
    if (j := _J_APPOSED_LEFT.search(left)) is not None and not re.search(r"\b(?:and|or)\b", j.group("apposed")):
        yield [_Pair(j.group("name"), office, "appointed", verb="became")]
    if (g := _G_LEFT.search(left)) is not None:
        yield [_Pair(g.group("name"), office, "parenthesis")]
    if (d := _D_RIGHT.match(right)) is not None and not (
        _PREPOSITION_LEFT.search(left) and not re.match(r"\s*(?:[,.;:)]|$)", right[d.end() :])
    ):
        yield [_Pair(d.group("name"), office, "as" if _E_LEFT.search(left) else "title apposition")]
    if _E_LEFT.search(left) and (e := _E_RIGHT.match(right)) is not None:
        yield [_Pair(e.group("name"), office, "as")]
    if (s := _AS_LEFT.search(left)) is not None and _AS_RIGHT.match(right):
        yield [_Pair(s.group("name"), office, "as")]
    if (t := _TERM_LEFT.search(left)) is not None:
        yield [_Pair(t.group("name"), office, "term")]
    if office.determiner and (h := _H_RIGHT.match(right)):
        yield [_Pair(h.group("name"), office, "was")]


_AND_LATER = re.compile(
    r"^\s*(?:\([^()]{0,60}\))?(?:\s+(?:in|during|from|until|between)\s+[\w\s–-]{1,30}?)?"  # a bracket, a time
    r"\s*,?\s+and\s+(?:(?:later|then|also|subsequently|afterwards|eventually|briefly|still)\s+)?$",
    re.I,
)


def office_joined_before(sentence: str, start: int) -> tuple[int, int] | None:
    """Where an office phrase stands that the office at ``start`` is joined to by "and" ("Secretary of State and
    Secretary of War", "the governor of A and later senator"), or None: the check links the second office to the
    name through the first."""
    for match in _OFFICE_RE.finditer(sentence, 0, start):
        phrase = _office_at(sentence, match)
        if phrase.end <= start and _AND_LATER.match(sentence[phrase.end : start]):
            return phrase.core_start, phrase.core_end
    return None


def _second_office(sentence: str, office: _Office, pairs: list[_Pair]) -> _Pair | None:
    """The holder of an office joined by "and" to one just paired: "X, the governor of A and later senator from
    B" gives X both. Only for an apposition or a verb's predicate, where the first office is the name's."""
    for pair in reversed(pairs):
        first = pair.office
        if pair.how not in ("apposition", "verb", "as", "title apposition") or first.end > office.start:
            continue
        if pair.how == "title apposition":  # "the governor of A and senator from B, X": the name comes later
            return None
        if _AND_LATER.match(sentence[first.end : office.start]):
            return _Pair(pair.written_name, office, "second office", verb="")
        return None
    return None


# Winning a presidential election is taking the presidency: "X won the presidency", "X won the 1990 presidential
# election", "a snap presidential election in 1990 won by X". Only the win itself counts: a candidate who ran,
# lost or was nominated holds nothing, and the year of the election is not said to be the start of the term.
WON_PRESIDENCY = "won the presidency"
CONTEST = r"presidential\s+(?:election|race|vote|contest|poll)"
_WON_PRESIDENCY = re.compile(
    rf"(?P<name>{NAME})\s+(?:(?:narrowly|easily|later|then|also|eventually)\s+)?won\s+(?:the\s+|a\s+)?"
    rf"(?:(?:\d{{4}}|early|snap|first|free|direct|close|narrow|tight|runoff|run-off)\s+)*"
    rf"(?P<office>presidency\b|{CONTEST}|race\s+for\s+the\s+presidency\b)"
    rf"|(?P<office2>{CONTEST})(?:\s+(?:in|of)\s+\d{{4}})?,?\s+(?:was\s+)?won\s+by\s+(?P<name2>{NAME})"
    # "held its first free presidential election in 1987, with former general Ada Lind winning a close race"
    rf"|(?P<office3>{CONTEST})[^.;:]{{0,80}}?,\s+with\s+(?:[^,.;:]{{0,60}}?\s)?(?P<name3>{NAME})\s+(?P<win3>winning)\b"
)


def presidencies_won(sentence: str) -> list[tuple[str, tuple[int, int]]]:
    """(the winner as written, where the presidency or the contest is written) for each win the sentence states."""
    found = []
    for match in _WON_PRESIDENCY.finditer(sentence):
        # the presidency or the contest as written; for "…, with X winning" the word that says X won it
        won = next(group for group in ("office", "office2", "win3") if match.group(group))
        found.append((match.group("name") or match.group("name2") or match.group("name3"), match.span(won)))
    return found


def _pairs_in(sentence: str) -> list[_Pair]:
    """Every (name, office) pattern that matches in one sentence: per office the first whose names are people.

    A pattern whose name is rejected ("It was the Danish Minister in Paris, Karl Moltke, ...": "It" before
    "was") does not hide the patterns after it.
    """
    pairs: list[_Pair] = []
    unpaired: list[_Office] = []
    for match in _OFFICE_RE.finditer(sentence):
        if match.group(0).lower() in _ACRONYM_OFFICES and not match.group(0).isupper():
            continue
        office = _office_at(sentence, match)
        for candidate in _candidates(sentence, match, office):
            if all(_usable(pair.written_name) for pair in candidate):
                pairs.extend(candidate)
                break
        else:
            if second := _second_office(sentence, office, pairs):
                pairs.append(second)
            else:
                unpaired.append(office)
    if unpaired:
        pairs.extend(_parsed_pairs(sentence, unpaired))
    for match in _LISTED.finditer(sentence):
        written = " ".join(match.group("office").split())
        singular: str | None = None
        words = written.split()
        for size in range(len(words), 0, -1):  # the plural office is the longest tail that is one
            if (tail := " ".join(words[-size:]).lower()) in _PLURALS:
                singular = " ".join([*words[:-size], _PLURALS[tail]])
                break
        if singular is None:
            continue
        for held in re.finditer(NAME, match.group("names")):
            name_end = match.start("names") + held.end()
            if clean_name(held.group(0)) is None:
                continue
            office = _Office(
                match.start(), match.start(), match.end("office"), match.end("office"), "", singular, "", False
            )
            pairs.append(_Pair(held.group(0), office, "listed", at=name_end))
    for winner, (at, end) in presidencies_won(sentence):  # "X won the presidency": X took the office it names
        office = _Office(at, at, end, end, "", "president", "", False)
        pairs.append(_Pair(winner, office, WON_PRESIDENCY))
    for match in _EXAMPLES.finditer(sentence):
        singular = _PLURALS[" ".join(match.group("office").lower().split())]
        end = match.end("office")
        office = _Office(match.start(), match.start(), end, end, "", singular, "", False)
        for name in re.split(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", match.group("names")):
            if clean_name(name) is not None:
                pairs.append(_Pair(name, office, "examples"))
    for match in _COORDINATED.finditer(sentence):
        written = match.group("office")
        if not written[0].isupper():
            continue
        singular = _PLURALS[" ".join(written.lower().split())]
        core = " ".join([*written.split()[:-1], singular.split()[-1].capitalize()])
        office = _Office(match.start(), match.start(), match.end("office"), match.end("office"), "", core, "", False)
        for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match.group("names")):
            pairs.append(_Pair(name, office, "coordinated titles"))
    return pairs


# The parse: for an office no pattern above paired, spaCy's dependency parse may link it to a person.
#   Ada Lind, who was then foreign minister, ...      (relative clause: "who" is the subject)
#   Peters was later named imperial high commissioner  (predicate of a verb, words between)
#   with Guevara becoming the Foreign Minister         (a gerund's subject)
#   Hoover appointed Charles Rhoads as the commissioner (the object of an appointing verb, "as")
#   Omar Quist, the bank's long-serving governor, ...  (apposition)
# The holder must be a PERSON entity (or he/she); a negated or modal verb ("could become") pairs nothing.
_PREDICATE_DEPS = {"attr", "oprd", "appos"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLAUSE_DEPS = {"ROOT", "conj", "relcl", "advcl", "pcomp", "ccomp", "xcomp"}  # what a verb heading a clause hangs by
_UNSURE = {"not", "n't", "never", "could", "might", "may", "should", "must", "hoped", "wanted", "tried", "sought"}
_UNSURE |= {"nominated", "nominate", "nominates", "proposed", "considered", "offered"}  # a nomination is not office


def _person_at(doc: Any, token: Any) -> Any | None:
    """The PERSON entity (or "he"/"she") a token belongs to, else None."""
    if token.lower_ in ("he", "she"):
        return doc[token.i : token.i + 1]
    return next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= token.i < e.end), None)


def _holder(doc: Any, span: Any) -> tuple[Any, str] | None:
    """(the person span, the verb written) the parse makes the holder of the office ``span``, or None."""
    office = span.root
    if office.dep_ == "appos" and (person := _person_at(doc, office.head)) is not None:
        return person, ""
    for child in office.children:
        if child.dep_ == "appos" and (person := _person_at(doc, child)) is not None:
            return person, ""
    if office.dep_ == "compound" and (person := _person_at(doc, office.head)) is not None:
        # "the leftist vice-president Juan Lechin"; a bare "president X" (a candidate?) stays unpaired, as above
        heads = {*range(span.start, span.end), *range(person.start, person.end)}
        article = any(t.dep_ in ("det", "poss") and t.head.i in heads for t in doc[max(0, span.start - 3) : span.start])
        return (person, "") if person.start == span.end and article else None
    if office.dep_ in _PREDICATE_DEPS:
        verb = office.head
    elif office.dep_ == "pobj" and office.head.lower_ == "as" and office.head.dep_ == "prep":
        verb = office.head.head
    else:
        return None
    if verb.dep_ not in _CLAUSE_DEPS:
        return None  # "his role as president": the office of a noun, not of a clause's subject
    while True:
        if any(c.lower_ in _UNSURE or c.dep_ == "neg" for c in verb.children) or verb.lower_ in _UNSURE:
            return None
        written = " ".join(
            t.text
            for t in sorted([*(c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb], key=lambda t: t.i)
        )
        # the one appointed: "named Ada Lind as …" parses Lind as the object, or as an object predicate ("oprd")
        # when an apposition follows the name; the office is hers either way, never the subject's
        objects = [
            c
            for c in verb.children
            if c.dep_ == "dobj" or (c.dep_ == "oprd" and c.i != office.i and _person_at(doc, c) is not None)
        ]
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        for candidate in objects or subjects:
            if candidate.lower_ in ("who", "that") and verb.dep_ == "relcl":
                candidate = verb.head
            if (person := _person_at(doc, candidate)) is not None:
                return person, "became" if objects else written
        if subjects or objects or verb.dep_ != "conj":
            return None
        verb = verb.head  # "was forced to resign ... and then sent as ambassador": the first verb's subject


def _parsed_pairs(sentence: str, offices: list[_Office]) -> list[_Pair]:
    doc = parse(sentence)
    pairs = []
    for office in offices:
        span = doc.char_span(office.core_start, office.core_end, alignment_mode="expand")
        if span is None or (found := _holder(doc, span)) is None:
            continue
        person, verb = found
        if not (person.end_char <= office.start or person.start_char >= office.end):
            continue  # the office inside the name's own span: no second reading
        pairs.append(_Pair(person.text, office, "parse", verb=verb))
    return pairs


def _accept(office: _Office, after_name: str) -> tuple[str, ...]:
    """The office as written first, then shorter and reordered forms made only of the text's words."""
    core, complement, qualifier = office.core, office.complement, office.qualifier
    forms = [f"{core} {complement}".strip(), core]
    if after_name:
        forms.append(f"{core} {after_name}")
    if qualifier:
        forms.append(f"{qualifier} {core} {complement}".strip())
        owner = re.fullmatch(r"([A-Z].*?)['’]s", qualifier)
        if owner and not complement:
            forms.append(f"{core} of {owner.group(1)}")
    unique: dict[str, str] = {}
    for form in forms:
        unique.setdefault(fold(form), form)
    return tuple(unique.values())


def _when(
    sentence: str, office: _Office, verb: str, dates: list[DateMention]
) -> tuple[DateMention | None, str | None, str | None]:
    """The date of the same clause nearest to the office, read as start, end or time held."""
    best: tuple[int, DateMention] | None = None
    for mention in dates:
        lo, hi = (
            sorted((mention.end, office.core_start))
            if mention.end <= office.core_start
            else (office.end, mention.start)
        )
        if hi < lo or _CLAUSE_BREAK.search(sentence[lo:hi]):
            continue
        distance = hi - lo
        if distance <= 100 and (best is None or distance < best[0]):
            best = (distance, mention)
    if best is None:
        return None, None, None
    mention = best[1]
    if mention.vague:
        return mention, None, None
    if mention.until is not None:
        return mention, mention.date, mention.until
    before = sentence[max(0, mention.start - 25) : mention.start].lower()
    if re.search(r"\bsince\s+$|\bfrom\s+$", before):
        return mention, mention.date, None
    if re.search(r"\b(?:until|till|up\s+to)\s+(?:\w+\s+){0,3}$", before):
        return mention, None, mention.date
    if re.match(_START_VERBS, verb) or verb.startswith(("became", "become")):
        return mention, mention.date, None
    credentials = _CREDENTIALS.search(sentence, office.end)
    if (
        credentials
        and credentials.start() - office.end <= 60
        and not _CLAUSE_BREAK.search(sentence[office.end : credentials.start()])
    ):
        return mention, mention.date, None  # "Minister X presented his credentials on 5 May 1859": the start
    if re.match(_END_VERBS, verb):
        return mention, None, mention.date
    return mention, None, None


def names_an_office(sentence: str) -> bool:
    """Whether an office pattern matches: only such a sentence can need spaCy's parse for a pair."""
    return _OFFICE_RE.search(sentence) is not None


def find_roles(
    sentence: str,
    offset: int,
    dates: list[DateMention],
    book: NameBook,
    recent: list[str],
    known: Iterable[str] = (),
) -> list[RoleMention]:
    """People with offices in one sentence of a passage.

    ``offset`` is where the sentence starts in the passage; ``dates`` are the
    passage's date mentions (passage offsets); ``recent`` holds the people
    already named in this passage, latest last, for "he" and "she"; ``known`` the people the article has given
    an office so far (a surname alone may then be the one person a clause names before "he").
    """
    local = [
        DateMention(m.text, m.start - offset, m.end - offset, m.date, m.until, m.vague, m.inferred_year)
        for m in dates
        if m.start >= offset and m.end <= offset + len(sentence)
    ]
    found: list[RoleMention] = []
    for pair in _pairs_in(sentence):
        written = pair.written_name
        if written.lower() in ("he", "she"):
            said = [m.start() for m in re.finditer(rf"\b{written}\b", sentence[: pair.office.start])]
            # "Because Lind had lost the vote, she resigned as …": the one person named before the pronoun
            earlier = only_person_named(sentence[: said[-1]], book, known) if said else None
            if earlier is None and not recent:
                continue
            name = earlier or recent[-1]
        else:
            cleaned = clean_name(written)
            if cleaned is None:
                continue
            name = cleaned if pair.how == "posted title" else book.resolve(cleaned)
        near = pair.office if pair.at < 0 else _Office(pair.at, pair.at, pair.at, pair.at, "", "", "", False)
        when, begin, finish = _when(sentence, near, pair.verb, local)
        office_text = sentence[pair.office.start : pair.office.end]
        found.append(
            RoleMention(
                name=name,
                written_name=written,
                office=pair.office.core  # one holder of "Prime Ministers A and B" holds the singular office
                if pair.how in ("listed", "coordinated titles", "examples", WON_PRESIDENCY)
                else re.sub(r"^(?:the|a|an|its|his|her|their|whose)\s+", "", office_text, flags=re.I),
                core=pair.office.core,
                accept=_accept(pair.office, pair.after_name),
                sentence=sentence,
                start=offset,
                end=offset + len(sentence),
                when=None if when is None else _shift(when, offset),
                start_date=begin,
                end_date=finish,
                how=pair.how,
            )
        )
    return found


def _shift(mention: DateMention, offset: int) -> DateMention:
    return DateMention(
        mention.text,
        mention.start + offset,
        mention.end + offset,
        mention.date,
        mention.until,
        mention.vague,
        mention.inferred_year,
    )


def names_in(sentence: str, book: NameBook, known: set[str]) -> list[str]:
    """People of ``known`` (full names) mentioned in the sentence, in order: the antecedents of "he"/"she"."""
    mentioned: list[tuple[int, str]] = []
    for match in _NAME_RE.finditer(sentence):
        cleaned = clean_name(match.group(0))
        if cleaned is None:
            continue
        name = book.resolve(cleaned)
        if name in known:
            mentioned.append((match.start(), name))
    return [name for _, name in sorted(mentioned)]


def only_person_named(sentence: str, book: NameBook, known: Iterable[str] = ()) -> str | None:
    """The one person a sentence names, by a full name (or a surname the article gives in full, or a name
    ``known`` already holds an office), when it names exactly one and not as an owner ("Ada Lind's husband"):
    the antecedent of a "he" or "she" that opens the next sentence, even before any office of theirs is known."""
    known = set(known)
    named: set[str] = set()
    for match in _NAME_RE.finditer(sentence):
        cleaned = clean_name(match.group(0)) or _before_title(match.group(0))  # "appointed Stimson Governor …"
        if cleaned is None:
            continue
        name = book.resolve(cleaned)
        if len([w for w in name.split() if not re.fullmatch(PARTICLE, w)]) < 2 and name not in known:
            continue
        if re.match(r"['’]s\b", sentence[match.end() :]):
            return None
        named.add(name)
    return next(iter(named)) if len(named) == 1 else None
