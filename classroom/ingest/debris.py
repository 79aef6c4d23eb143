"""Marks left inside the running text by the format it came in, and a broadcast's closing credits.

``clean`` decides which blocks are the article; what remains can still carry
the marks of a radio script (speaker cues, music cues), of a Project Gutenberg
transcription (``=Side head.=--``, ``[Illustration: …]``), of a printed page
(note marks glued to words), of a web page (a "[Fr]" tag after a link, "()"
where a figure link was) or of an old encyclopedia ("(see TRANSVAAL)"). Each
would end up in a passage or a question label, so the marks are taken out and
the prose around them is kept. A script's closing credits are furniture as a
whole: who wrote and read the programme, when it can be heard.
"""

from __future__ import annotations

import re

# A speaker cue of a script: one to four words in capitals and a colon opening a paragraph ("VOICE ONE:",
# "NARRATOR:", "ANNOUNCER 2:"). Two letters at least, so that a single initial ("Q:") stays.
_SPEAKER_CUE = re.compile(r"^(?:[A-Z][A-Z'’.-]+)(?:\s+(?:[A-Z][A-Z'’.-]*|\d{1,2})){0,3}:\s*")
# A stage direction of a script, in capitals in parentheses: "(MUSIC)", "(SOUND OF WAVES)", "(MUSIC: THEME)".
# Only these words open one, so that an acronym in parentheses ("(NATO)") stays.
_STAGE = re.compile(
    r"\s*\((?:MUSIC|SOUND|SOUNDS|SFX|APPLAUSE|LAUGHTER|CHEERING|SINGING|THEME|BREAK|PAUSE|BELLS?)\b[^()a-z]{0,60}\)"
)
# A Project Gutenberg side head: bold (=…=) words run into the paragraph with a dash ("=The Tariff.=--In 1789 …").
# It names the paragraph's topic; it is not a sentence of it.
_SIDE_HEAD = re.compile(r"^=([^=\n]{1,150})=\s*(?:--|—|–|-)?\s*")
_ILLUSTRATION = re.compile(r"\s*\[Illustration(?:[:.][^\[\]]{0,300})?\]", re.I)
# A note mark printed as superscript digits glued to a word or a stop ("statute.¹", "Island,⁵"). After a
# number ("10⁶") or a unit ("km²") it is a power and stays.
_SUPERSCRIPT = re.compile(r"(?<=[^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_UNIT_BEFORE = re.compile(r"(?:^|[^A-Za-z])(?:k?m|cm|mm|ft|in|mi|yd|sq|m/s|s)$")
# "()" or "( , )" left where a figure link or a removed number stood.
_EMPTY_PARENS = re.compile(r"\s?\(\s*[,;.]?\s*\)")
# A bracketed language tag after a link ("[Fr]", "[es]", "[Fr/En]") saying what language the linked page is in.
# English words that are also language codes ("[he]", "[it]", "[is]", "[no]") are left alone: they may be an
# editor's word put into a quotation.
_LANGUAGES = (
    "fr|en|es|pt|ar|de|ru|zh|ja|ko|nl|pl|tr|fa|sw|mg|ln|ht|el|ca|hu|ro|cs|sv|da|fi|uk|hi|bn|ur|ms|tl|vi|th|"
    "sr|hr|bg|sk|sl|lt|lv|et|ka|hy|az|kk|uz|km|lo|ne|si|ta|te|ml|mr|gu|pa|ha|yo|ig|zu|xh|af|wo|rw|ku|ps"
)
_LANGUAGE_TAG = re.compile(rf"\s?\[(?:{_LANGUAGES})(?:\s*[/,]\s*(?:{_LANGUAGES}))*\](?!\()", re.I)
# An old encyclopedia's cross-reference to another entry, whose name it prints in capitals: "(see TRANSVAAL)",
# "(See also SOUTH AFRICA)".
_SEE_ENTRY = re.compile(r"\s?\((?:[Ss]ee|[Cc]f\.)(?:\s+also)?\s+[A-Z][A-Z'’.,&\s-]*[A-Z.]\)")


# A project newsletter's chat handles: the poster's tag opening an item ("[harry] Amy joins …"), a handle in
# brackets after a name ("Masatoshi Kimura [:emk]") or bare at the end of a name ("Tim Nguyen :ntim").
_POSTER_TAG = re.compile(r"^\[[a-z][\w.-]{1,20}\]\s+(?=\S)")
_BRACKET_HANDLE = re.compile(r"\s?\[:[\w.-]{1,30}\]")
_TRAILING_HANDLE = re.compile(r"(?<=\w)\s+:[A-Za-z][\w.-]{0,30}$")


def without_handles(item: str) -> str:
    """A list item without the chat handles a newsletter puts beside people's names."""
    return _TRAILING_HANDLE.sub("", _BRACKET_HANDLE.sub("", _POSTER_TAG.sub("", item)))


def _strip_superscripts(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        return match.group(0) if _UNIT_BEFORE.search(text[: match.start()]) else ""

    return _SUPERSCRIPT.sub(replace, text)


def strip_marks(text: str) -> tuple[str, list[str]]:
    """``text`` without the marks above, and the words taken out that a teacher may want to see (heads, captions).

    The speaker cue and the side head are looked for only at the start of the text (a paragraph); the other marks
    anywhere in it.
    """
    removed: list[str] = []
    while cue := _SPEAKER_CUE.match(text):
        removed.append(cue.group(0).strip())
        text = text[cue.end() :]
    if head := _SIDE_HEAD.match(text):
        removed.append(head.group(1).strip())
        text = text[head.end() :]
    removed.extend(match.group(0).strip() for match in _ILLUSTRATION.finditer(text))
    text = _ILLUSTRATION.sub("", text)
    text = _STAGE.sub("", text)
    text = _strip_superscripts(text)
    text = _LANGUAGE_TAG.sub("", text)
    text = _SEE_ENTRY.sub("", text)
    text = _EMPTY_PARENS.sub("", text)
    return " ".join(text.split()), removed


# The sentences of a broadcast's closing credits: who listened, who wrote, read or produced it, when and where it
# can be heard again.
_CREDIT_SENTENCE = re.compile(
    r"""^(?:
        you(?:'ve|’ve|\s+have)\s+been\s+(?:listening\s+to|watching|reading)\b
      | (?:you\s+are|you're|you’re)\s+listening\s+to\b
      | (?:this|our|the)\s+(?:program|programme|show|broadcast|series|story|report|podcast)\s+(?:was|is|has\s+been)
        \s+(?:written|produced|edited|directed|narrated|presented|read|prepared|adapted)\b
      | (?:your|our)\s+(?:narrators?|hosts?|readers?|reporters?|producers?|announcers?|writers?|editors?|presenters?)
        \s+(?:was|were|is|are|has\s+been|have\s+been)\b
      | (?:written|produced|edited|narrated|directed|adapted)(?:\s+and\s+\w+)?\s+by\s+[A-Z]
      | [^.!?]{0,80}\s(?:--|—|–)\s+an?\s+(?:program|programme|show|series|broadcast|podcast)\s+(?:in|from|of)\b.{0,60}$
      | (?:i'm|i’m|i\s+am|this\s+is)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}\s*[.!]?$
      | .{0,80}\b(?:can|may)\s+be\s+(?:heard|found|downloaded)\b
      | (?:you\s+can|listen|join\s+us|tune\s+in)\b.{0,120}\b(?:hear|listen|find|download|again|next\s+week)\b
    )""",
    re.I | re.X,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“(])")


def is_credits(text: str) -> bool:
    """A short paragraph every sentence of which is a closing credit ("Our program was written by …")."""
    parts = [part for part in _SENTENCE_END.split(text.strip()) if part.strip()]
    return 0 < len(parts) <= 8 and len(text.split()) <= 120 and all(_CREDIT_SENTENCE.match(p) for p in parts)


# Italics written with underscores in a plain-text transcription ("a _Memoir_ by …"); a name_with_underscores
# inside a word stays.
_UNDERSCORED = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,200}?)(?<=[^\s_])_(?![\w_])")


def without_underscores(text: str) -> str:
    """Plain text's underscore italics without the underscores."""
    return _UNDERSCORED.sub(r"\1", text)
