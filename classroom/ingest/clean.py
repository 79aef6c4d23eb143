"""Keep the article, drop the page around it.

A saved web page carries navigation, bylines, share buttons, "related" lists,
cookie banners, scripts and styles; an encyclopedia entry ends in references;
a textbook section comes with objectives and review questions. None of that
may become a question, so every format is reduced to one shape (a title and a
list of heading and paragraph blocks) and the furniture is removed. What was
removed is kept, so a teacher can see that nothing of the article was lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

import yaml

from classroom.ingest.debris import is_credits, strip_marks, without_handles, without_underscores

BlockKind = Literal["heading", "paragraph", "item"]


@dataclass(frozen=True)
class Block:
    """A heading (level 2–6), a paragraph, or one item of a list."""

    kind: BlockKind
    text: str
    level: int = 0


@dataclass(frozen=True)
class Article:
    """The article's title (when it has one), its body blocks, and what was stripped."""

    title: str | None
    blocks: tuple[Block, ...]
    removed: tuple[str, ...]


def as_label(text: str) -> str:
    """A heading or a term set as a line of text that introduces what follows it ("Support:", "Exports:")."""
    return text if text.endswith((".", ":", "?", "!")) else text + ":"


def squeeze(text: str) -> str:
    """One space between words, none at the ends."""
    return " ".join(text.split())


# A note mark ("[12]", "[a]") or an editor's maintenance tag that a wiki prints in brackets after a claim
# ("[citation needed]", "[update]", "[when?]"): neither is part of the sentence.
_CITATION = re.compile(
    r"\s?\[(?:\d+|[a-z]|note \d+|edit|update(?:d| needed)?|citation needed|clarification needed|dubious[^\]]{0,30}"
    r"|better source needed|failed verification|according to whom\?|by whom\?|when\?|who\?|which\?|where\?"
    r"|original research\??|needs update|not in citation given|page needed|vague|weasel words|specify)\]"
)


# A printed edition's page marker that a plain-text transcription keeps inside a sentence: "[v.04 p.0789]".
_PAGE_MARK = re.compile(r"\s?\[(?:v(?:ol)?\.\s?\d+\s+)?p(?:age|\.)\s?\d+\]", re.I)


def _tidy(text: str) -> str:
    return squeeze(_PAGE_MARK.sub("", _CITATION.sub("", text)))


# ---------------------------------------------------------------- HTML

_SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "video", "audio",
    "nav", "aside", "header", "footer", "form", "button", "select", "textarea", "label", "input",
    "dialog", "menu", "figure", "figcaption",
}  # fmt: skip
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "wbr"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre",
    "table", "tr", "td", "th", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "body",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_FURNITURE_WORDS = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "social",
    "related", "recommended", "comment", "comments", "footer", "sidebar", "byline", "author", "meta",
    "newsletter", "subscribe", "ad", "ads", "advert", "advertisement", "promo", "sponsored", "cookie",
    "cookies", "banner", "tags", "widget", "popular", "trending", "skip", "hidden", "modal", "popup",
    "readmore", "caption", "signup",
}  # fmt: skip
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"}
# Boxes set beside the running text: a textbook's "note" and "Click and Explore" panels, an encyclopedia's
# infobox, pull quotes. Their text points elsewhere or repeats the article, so it is not a passage.
_BOX_WORDS = {"note", "notes", "callout", "infobox", "sidebar", "pullquote", "aside", "tip", "admonition"}
_BOX_TAGS = {"aside", "figure", "figcaption", "caption", "nav", "footer", "address"}


def _is_box(tag: str, attrs: dict[str, str]) -> bool:
    """An element set apart from the running text by its tag or class name, even inside the main text."""
    if tag in _BOX_TAGS:
        return True
    words = set(re.split(r"[^a-z0-9]+", " ".join(attrs.get(key, "") for key in ("class", "id")).lower()))
    return bool(words & _BOX_WORDS)


_NOT_SHOWN = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def _is_hidden(attrs: dict[str, str]) -> bool:
    """An element the page does not show (a wiki's "[update]" tag is in the markup with ``display:none``)."""
    return "hidden" in attrs or bool(_NOT_SHOWN.search(attrs.get("style", "")))


def _is_furniture(tag: str, attrs: dict[str, str]) -> bool:
    """Tags and class/id/role names that web pages use for everything but the article."""
    if tag in _SKIP_TAGS or _is_box(tag, attrs) or _is_hidden(attrs) or attrs.get("aria-hidden") == "true":
        return True
    if attrs.get("role", "") in _FURNITURE_ROLES:
        return True
    names = " ".join(attrs.get(key, "") for key in ("class", "id")).lower()
    words = set(re.split(r"[^a-z0-9]+", names))
    joined = re.sub(r"[-_]", "", names)
    return bool(words & _FURNITURE_WORDS) or "readmore" in joined or "seealso" in joined


# The label of a link set alone in a list item, one word with no sentence in it ("showFrames"): a menu or a
# list of variants of a linked page. A name or a phrase of several words stays.
_LINK_LABEL = re.compile(r"^[^\s.!?]+$")


class _PageReader(HTMLParser):
    """Collect blocks per candidate root (<article>, <main> or <body>), skipping furniture."""

    def __init__(self, roots: tuple[str, ...], skip_furniture: bool = True) -> None:
        super().__init__(convert_charrefs=True)
        self.roots = roots
        self.skip_furniture = skip_furniture
        self.stack: list[tuple[str, bool]] = []  # (tag, is furniture)
        self.root_depth: int | None = None
        self.candidates: list[list[Block]] = []
        self.removed: list[str] = []
        self.buffer: list[str] = []
        self.unlinked = False  # the buffer holds words outside any link
        self.skipped: list[str] = []
        self.heading: int = 0
        self.titles: dict[str, str] = {}
        self.capture: str | None = None  # "title", "h1" while inside those tags
        self.captured: list[str] = []

    @property
    def skipping(self) -> bool:
        return any(furniture for _, furniture in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta" and values.get("property") == "og:title":
            self.titles.setdefault("og", squeeze(values.get("content", "")))
        if tag in ("title", "h1") and tag not in self.titles and self.capture is None:
            self.capture, self.captured = tag, []
        if tag in _VOID_TAGS:
            if tag in ("br", "hr"):
                self._flush()
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if self.skip_furniture:
            furniture = _is_furniture(tag, values) and tag not in ("body", "html")
        else:  # every visible block counts but boxes; what else is furniture is decided elsewhere
            furniture = tag in ("script", "style", "noscript", "template", "svg", "head") or _is_box(tag, values)
            furniture = furniture or _is_hidden(values)
        if furniture and not self.skipping:
            self._flush_skipped()
        self.stack.append((tag, furniture))
        if tag in self.roots and self.root_depth is None and not self.skipping:
            self.root_depth = len(self.stack)
            self.candidates.append([])
        if tag in _HEADINGS:
            self.heading = _HEADINGS[tag]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.capture == tag:
            self.titles[tag] = squeeze("".join(self.captured))
            self.capture = None
        if tag in _BLOCK_TAGS:
            self._flush()
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return
        was_skipping = self.skipping
        while self.stack:
            open_tag, _ = self.stack.pop()
            if self.root_depth is not None and len(self.stack) < self.root_depth:
                self.root_depth = None
            if open_tag == tag:
                break
        if was_skipping and not self.skipping:
            self._flush_skipped()
        if tag in _HEADINGS:
            self.heading = 0

    def handle_data(self, data: str) -> None:
        if self.capture is not None:
            self.captured.append(data)
        if any(tag in ("script", "style", "template") for tag, _ in self.stack):
            return
        (self.skipped if self.skipping else self.buffer).append(data)
        if data.strip() and not self.skipping and not any(tag == "a" for tag, _ in self.stack):
            self.unlinked = True

    def _flush(self) -> None:
        text = _tidy("".join(self.buffer))
        link_only, self.buffer, self.unlinked = not self.unlinked, [], False
        if not text:
            return
        open_tags = {tag for tag, _ in self.stack}
        if self.root_depth is None or (link_only and "li" in open_tags and _LINK_LABEL.match(text)):
            self.removed.append(text)  # outside the article, or a list item that is one link's one-word label
            return
        if self.heading:
            self.candidates[-1].append(Block("heading", text, self.heading))
        elif "dt" in open_tags:  # a term's label ("Support") introduces what follows: never a heading of its own
            self.candidates[-1].append(Block("paragraph", as_label(text)))
        else:
            self.candidates[-1].append(Block("item" if "li" in open_tags else "paragraph", text))

    def _flush_skipped(self) -> None:
        text = _tidy(" ".join(self.skipped))
        self.skipped = []
        if text:
            self.removed.append(text)

    def close(self) -> None:
        super().close()
        self._flush()
        self._flush_skipped()


def _page_title(titles: dict[str, str]) -> str | None:
    if titles.get("h1"):
        return titles["h1"]
    if titles.get("og"):
        return titles["og"]
    if titles.get("title"):  # "Story headline | Site name": keep the headline
        return re.split(r"\s+[|–—-]\s+", titles["title"])[0]
    return None


def _main_text(source: str) -> str | None:
    """The page's main text as trafilatura finds it, or None when it finds none.

    trafilatura is a library made and benchmarked for this job: it scores the
    blocks of a page (text and link density, tag and class names) and keeps the
    running text, dropping menus, galleries, captions, teasers, share bars and
    comment threads.
    """
    import trafilatura  # imported here: it is slow to import, and only HTML needs it
    from lxml import etree

    try:
        xml = trafilatura.extract(
            source,
            output_format="xml",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception:  # a malformed page must never stop the import: the page's own blocks are used instead
        return None
    if not xml:
        return None
    try:
        root = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=True))
    except etree.XMLSyntaxError:
        return None
    main = root.find("main") if root is not None else None
    return "".join(main.itertext()) if main is not None else None


def _compact(text: str) -> str:
    """Text without citation marks and whitespace, to find one text inside another however it was spaced."""
    return "".join(_CITATION.sub("", text).split())


LONG_BLOCK = 60  # characters: a shorter block ("Cold War", "Share") may be found in the main text by chance


def _between_kept(index: int, texts: list[str], where: list[int | None], compact: str) -> bool:
    """A short block ("Cold War", "Share") is main text only where it stands in it: between its long neighbours."""
    before = next((i for i in range(index - 1, -1, -1) if where[i] is not None), None)
    after = next((i for i in range(index + 1, len(where)) if where[i] is not None), None)
    low = where[before] if before is not None else -1
    high = where[after] if after is not None else -1
    if (low is None or low < 0) and (high is None or high < 0):
        return False
    start = low + len(texts[before]) if before is not None and low is not None and low >= 0 else 0
    end = high if high is not None and high >= 0 else len(compact)
    return texts[index] in compact[start:end]


_FRAGMENT_LINK = r"""<a\b[^>]*?\bhref\s*=\s*["'][^"'#]*#[^"']*["'][^>]*>\s*\[?\d{1,3}\]?\s*</a>"""
# A footnote mark: a link to a place on a page whose text is only a number, either as a superscript
# or glued to the word before it ("greased.<a href="#fn1">1</a>"). A superscript that is no link
# ("km<sup>2</sup>") and a number in the text are left alone.
_NOTE_MARK = re.compile(rf"<sup\b[^>]*>\s*{_FRAGMENT_LINK}\s*</sup>|(?<=[\w.,;:!?)\]\"'’”])(?:{_FRAGMENT_LINK})+", re.I)


def without_note_marks(source: str) -> str:
    """The page without its footnote marks, which would otherwise stick to a word as "greased.1"."""
    return _NOTE_MARK.sub("", source)


def _sandwiched_prose(index: int, blocks: list[Block], keeps: list[bool]) -> bool:
    """A paragraph of prose between two kept paragraphs is running text, though trafilatura left it out.

    trafilatura drops text written directly in a ``div`` (a translation after a quotation, with its later
    paragraphs in ``<p>``); a menu, a teaser or a caption is rarely full sentences set between two paragraphs.
    """
    if index == 0 or index + 1 >= len(blocks) or not (keeps[index - 1] and keeps[index + 1]):
        return False
    text = blocks[index].text.rstrip('"”’)')
    return (
        all(b.kind == "paragraph" for b in blocks[index - 1 : index + 2])
        and len(text.split()) >= 20
        and text.endswith((".", "!", "?", ":", "…]", "...]"))
    )


def read_html(source: str) -> Article:
    """The page's blocks that trafilatura counts as main text, split and tidied by our own reader.

    trafilatura chooses *what* is running text; the page's own tags still decide
    where blocks start and end (trafilatura can glue two blocks of a broken page
    into one). When trafilatura finds nothing, the tag-and-class reader below
    decides alone. Everything not kept is reported as removed.
    """
    source = without_note_marks(source)
    main = _main_text(source)
    if main is None or not main.strip():
        return _read_html_blocks(source)
    reader = _PageReader(("body",), skip_furniture=False)
    reader.feed(f"<body>{source}</body>")
    reader.close()
    compact = _compact(main)
    blocks = [b for candidate in reader.candidates for b in candidate]
    texts = [_compact(b.text).rstrip(":") for b in blocks]  # a term label has its colon from us, not the page
    where = [compact.find(t) if len(t) >= LONG_BLOCK else None for t in texts]  # long blocks: anywhere
    kept: list[Block] = []
    removed = list(reader.removed)
    announced = False  # the last kept paragraph ends with a colon: "… at the following locations:"
    keeps: list[bool] = []
    for index, block in enumerate(blocks):
        start = where[index]
        keep = start is not None and start >= 0
        if start is None:  # a short block counts only between the long blocks of the main text around it
            keep = bool(texts[index]) and _between_kept(index, texts, where, compact)
        if announced and not keep and block.kind != "heading" and len(block.text.split()) <= 40:
            keep = True  # a list the running text announces is running text, though trafilatura left it out
        else:
            announced = keep and block.kind != "heading" and block.text.rstrip().endswith(":")
        keeps.append(keep)
    for index, block in enumerate(blocks):
        if not keeps[index] and _sandwiched_prose(index, blocks, keeps):
            keeps[index] = True
        (kept.append(block) if keeps[index] else removed.append(block.text))
    if not any(b.kind != "heading" for b in kept):
        return _read_html_blocks(source)
    title = _page_title(reader.titles)
    blocks = [b for b in kept if not (b.kind == "heading" and (b.level == 1 or b.text == title))]
    return _finish(title, blocks, removed)


def _read_html_blocks(source: str) -> Article:
    """Blocks of the page's main text: the <article> (or <main>) holding the most text."""
    source = without_note_marks(source)
    lower = source.lower()
    roots = ("article",) if "<article" in lower else ("main",) if "<main" in lower else ("body",)
    reader = _PageReader(roots)
    reader.feed(source)
    reader.close()
    removed = list(reader.removed)
    best: list[Block] = []
    for blocks in reader.candidates:
        if sum(len(b.text) for b in blocks) > sum(len(b.text) for b in best):
            removed.extend(b.text for b in best)
            best = blocks
        else:
            removed.extend(b.text for b in blocks)
    title = _page_title(reader.titles)
    blocks = [b for b in best if not (b.kind == "heading" and b.level == 1)]
    return _finish(title, blocks, removed)


# ---------------------------------------------------------------- Markdown

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+(.*)$")
_MD_INLINE = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"\s?(?<!\])(?:\[\d+\])+(?!\()"), ""),  # citation marks: "[19][20][21]" is no reference link "1921"
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote references
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),
    (re.compile(r"<[^>]+>"), ""),
]


def _md_inline(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return _tidy(text)


# ---------------------------------------------------------------- metadata and notes around a text file's body

# A YAML front-matter header ("---" lines around "key: value" lines) at the very start of a Markdown or text
# file: the file's metadata (title, dates of publication, tags), not running text.
_FRONT_MATTER = re.compile(r"\A\ufeff?[ \t]*\n?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def front_matter(source: str) -> tuple[dict[str, object], str]:
    """The YAML header of ``source`` (empty when there is none) and the text after it.

    Only a header that parses as a YAML mapping counts: a text that merely opens with a "---" rule
    keeps its first lines.
    """
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    try:
        header = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, source
    if not isinstance(header, dict):
        return {}, source
    return header, source[match.end() :]


# The mark a note opens with: a superscript number ("¹ See …"), a bracketed one ("[12] Ibid."), a Markdown
# footnote definition ("[^3]: …"), or a plain number or dagger ("4. Smith, p. 20", "† The author …").
_SURE_NOTE = re.compile(r"^\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^?\d{1,3}\]:?)\s*\S")
_NUMBERED = re.compile(r"^\s*(?:\(\d{1,3}\)|\d{1,3}[.)]|[†‡]+)\s+\S")
# What a note says and a numbered list of events does not: a page, a volume, "ibid.", a web address.
_CITATION_CUE = re.compile(r"\bpp?\.\s?\d|\bvol\.|\bibid\b|\bop\.\s?cit\b|\bchap\.|\bed\.|\bisbn\b|https?://", re.I)


def _notes_start(paragraphs: list[str]) -> int | None:
    """Where a block of numbered notes after the body begins, or None.

    The block runs to the end of the file; at least two thirds of its paragraphs (and at least two) open
    with a note mark (a note may run on over a paragraph or a quotation). A superscript or bracketed
    mark is a note's for certain; a plain number ("1.") is a list's as often, so a block of those counts
    only when most of its notes cite a page, a volume or an address.
    """
    for start in range(1, len(paragraphs)):
        if not (_SURE_NOTE.match(paragraphs[start]) or _NUMBERED.match(paragraphs[start])):
            continue
        tail = paragraphs[start:]
        sure = [p for p in tail if _SURE_NOTE.match(p)]
        numbered = [p for p in tail if _NUMBERED.match(p) and not _SURE_NOTE.match(p)]
        if len(sure) + len(numbered) < max(2, 2 * len(tail) / 3):
            continue
        citing = sum(bool(_CITATION_CUE.search(p)) for p in numbered)
        if sure and len(sure) >= len(numbered):
            return start
        if not sure and citing * 2 >= len(numbered):
            return start
    return None


def without_notes(source: str) -> tuple[str, list[str]]:
    """``source`` without the numbered notes that close it, and those notes (furniture, like a reference list)."""
    split = re.split(r"\n[ \t]*\n", source.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = [p for p in split if p.strip()]
    start = _notes_start(paragraphs)
    if start is None:
        return source, []
    return "\n\n".join(paragraphs[:start]), [squeeze(p) for p in paragraphs[start:] if p.strip()]


_HARD_BREAK = re.compile(r"(?:[ \u00a0]{2,}|\\)$")  # two spaces (or no-break spaces, as a web page saves them)
_FIRST_LINE_INDENT = re.compile(r"(?:[ \u00a0]{3,}|\t)(?![-*+>\s]|\d+[.)]\s)\S")


def read_markdown(source: str) -> Article:
    """Headings from '#' lines, paragraphs from blank-line separated text; markup removed.

    A YAML front-matter header is metadata (its title stands in for a missing "#" title), and numbered
    notes after the body are furniture.
    """
    header, source = front_matter(source)
    source, notes = without_notes(source)
    source = re.sub(r"<!--.*?-->", "", source, flags=re.S)
    source = re.sub(r"^(```|~~~).*?^\1\s*$", "", source, flags=re.S | re.M)  # code blocks
    source = re.sub(r"^(?![-*+>#\s])(.+)\n=+[ \t]*$", r"# \1", source, flags=re.M)  # setext headings
    source = re.sub(r"^(?![-*+>#\s])(.+)\n-{2,}[ \t]*$", r"## \1", source, flags=re.M)
    lines = source.splitlines()
    title: str | None = None
    blocks: list[Block] = []
    removed: list[str] = [*(f"{key}: {value}" for key, value in header.items()), *notes]
    paragraph: list[str] = []

    def flush() -> None:
        text = _md_inline(" ".join(paragraph))
        paragraph.clear()
        if text:
            blocks.append(Block("paragraph", text))

    previous = ""
    for line in lines:
        heading = _MD_HEADING.match(line)
        item = _MD_ITEM.match(line)
        if item and paragraph and re.match(r"\s*\d", line) and not re.match(r"\s*1[.)]", line):
            item = None  # "… was born in\n1880. At the age of 25 …": only a list starting at 1 breaks a paragraph
        if paragraph and _HARD_BREAK.search(previous) and _FIRST_LINE_INDENT.match(line):
            flush()  # a line break, then an indented line: a new paragraph of a document laid out like print
        previous = line
        if heading:
            flush()
            level = len(heading.group(1))
            text = _md_inline(heading.group(2))
            if level == 1 and title is None:
                title = text
            elif text:
                blocks.append(Block("heading", text, max(level, 2)))
        elif line.lstrip().startswith("|"):
            flush()
            removed.append(squeeze(line))  # tables are reference data, not prose
        elif item:
            flush()
            blocks.append(Block("item", _md_inline(item.group(1))))
        elif not line.strip():
            flush()
        elif blocks and blocks[-1].kind == "item" and not paragraph and line.startswith((" ", "\t")):
            blocks[-1] = Block("item", squeeze(blocks[-1].text + " " + _md_inline(line)))
        else:
            paragraph.append(re.sub(r"^\s*>\s?", "", line))
    flush()
    if title is None and isinstance(header.get("title"), str):
        title = _md_inline(str(header["title"])) or None
    return _finish(title, blocks, removed)


# ---------------------------------------------------------------- plain text

_TXT_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+(.*)$")


def _looks_like_heading(line: str, most_words: int = 12) -> bool:
    """A short line without closing punctuation ("The Black Ships"), or a short title-case question."""
    line = line.strip()
    words = line.split()
    if not words or len(words) > most_words or len(line) > most_words * 10:
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if line.endswith(("?", "!")):
        capitalised = sum(1 for w in words if w[0].isupper())
        return capitalised >= max(2, len(words) // 2)
    return not line.endswith((".", ",", ";", ":", "—", "-", "–", '"', "”"))


def _wrapped_first_line(lines: list[str]) -> bool:
    """The first line of a hard-wrapped paragraph, as wide as the lines after it: no heading, though it has no stop.

    An old encyclopedia's entry opens "NAME, TITLE (1839-1908), general, son of" and runs on in the next line.
    """
    if len(lines) < 3:  # a last line may be short: only lines between the first and the last set the width
        return False
    first = len(lines[0].strip())
    return first >= 50 and first >= 0.8 * max(len(line.strip()) for line in lines[1:-1])


def read_text(source: str) -> Article:
    """Paragraphs are separated by blank lines (or are single lines when there are none).

    As in Markdown, a YAML front-matter header and numbered notes after the body are not running text.
    """
    header, text = front_matter(source.replace("\r\n", "\n").replace("\r", "\n"))
    text, notes = without_notes(text)
    text = without_underscores(text)
    chunks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    blocks: list[Block] = []
    removed: list[str] = [*(f"{key}: {value}" for key, value in header.items()), *notes]
    for chunk in chunks:
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if not blocks and len(lines) == 1 and _BREADCRUMB.match(lines[0].strip()):
            removed.append(_tidy(lines[0]))  # "Home > Topic > Title" before the title
            continue
        if not blocks and len(lines) == 1 and _looks_like_heading(lines[0], most_words=20):
            blocks.append(Block("heading", _tidy(lines[0]), 1))  # the title may be longer than a heading
            continue
        if (
            len(lines) > 1
            and _looks_like_heading(lines[0])
            and not _TXT_ITEM.match(lines[0])
            and not _wrapped_first_line(lines)
        ):
            blocks.append(Block("heading", _tidy(lines[0]), 2))
            lines = lines[1:]
        items = [bullet.group(1) for line in lines if (bullet := _TXT_ITEM.match(line))]
        if len(items) == len(lines):
            blocks.extend(Block("item", _tidy(item)) for item in items)
        elif len(lines) == 1 and _looks_like_heading(lines[0]):
            blocks.append(Block("heading", _tidy(lines[0]), 2))
        else:
            blocks.append(Block("paragraph", _tidy(" ".join(lines))))
    title = None
    if blocks and blocks[0].kind == "heading":
        title = blocks.pop(0).text
    elif isinstance(header.get("title"), str):
        title = _tidy(str(header["title"])) or None
    return _finish(title, blocks, removed)


# ---------------------------------------------------------------- furniture in the text itself

_SHORT_FURNITURE = re.compile(
    r"""^(?:
        (?:by|written\s+by|posted\s+by|words\s+by|author:?)\s+\S.*
      | (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?
        (?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*
         |(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?)
        \s+\d{4}\s+(?:by|[|·•—–-])\s+\S.*
      | (?:published|posted|updated|last\s+updated|first\s+published)\b.*
      | (?:broadcast|aired|first\s+aired|air\s+date)\s*:.*
      | share\b.*|tweet|e-?mail|print|copy\s+link|facebook|twitter|whatsapp|linkedin
      | read\s+more\b.*|continue\s+reading\b.*|click\s+here\b.*
      | advertisement|sponsored\b.*|subscribe\b.*|sign\s+up\b.*|newsletter\b.*|follow\s+us\b.*
      | tags?:.*|filed\s+under\b.*|categories?:.*|posted\s+in\b.*
      | leave\s+a\s+(?:reply|comment)\b.*|\d+\s+comments?|comments?
      | skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|accept\s+(?:all\s+)?cookies?
      | \d+\s+min(?:ute)?s?\s+read
      | photo(?:graph)?:.*|image:.*|credit:.*|source:.*|getty\s+images.*
      | home(?:\s+(?:[›»>/|]\s*)?[A-Z][\w'’-]*){2,}.*
    )$""",
    re.I | re.X,
)
_BREADCRUMB = re.compile(r"^Home\s+(?:[›»>/|]\s*)?[A-Z0-9][^.!?]*$")  # "Home › Topic › Title", no sentence
_ANYWHERE_FURNITURE = re.compile(
    r"^(?:©|copyright\b)|all rights reserved|cookie policy|[›»].*[›»]|^[^.!?]{1,60}(?:\s[|•·]\s[^.!?|•·]{1,40}){2,}$"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+|\bis\s+a\s+(?:registered\s+)?(?:service\s*mark|trademark)\s+of\b"
    r"|licen[cs]ed\s+under\s+(?:a|the)\s+creative\s+commons|\bcc\s+by(?:-\w+)*\s+\d",
    re.I,
)  # a menu line ("Site | Log in | Subscribe"), an e-mail address, a trademark notice, the site's licence
# The site's own copyright or licence line closes the article: what follows it is the page's footer.
# So does the signing formula of a proclamation, an order or a treaty ("IN WITNESS WHEREOF, …", then the day and
# the year of signing): a dateline and a signature, not the history the document tells.
_PAGE_END = re.compile(
    r"^(?:©|copyright\b)|all rights reserved|licen[cs]ed\s+under\s+(?:a|the)\s+creative\s+commons"
    r"|^in\s+witness\s+where(?:of|unto)\b",
    re.I,
)
_LABEL = re.compile(r"^[A-Z0-9][^.!?:;,]*$")  # "Introduction": a heading written as a paragraph
_ZONE_START = re.compile(
    r"""^(?:related(?:\s+(?:news|articles?|posts?|stories|coverage|reading|content|links))?
      | more\s+(?:from|on|stories|news|in)\b.*|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|recommended(?:\s+for\s+you)?
      | popular(?:\s+now)?|most\s+(?:read|popular)|trending(?:\s+now)?|latest\s+(?:news|stories)
      | see\s+also|further\s+reading|external\s+links|references|notes|sources|bibliography|footnotes|citations
      | learning\s+(?:objectives|goals|outcomes)|objectives|key\s+(?:terms|words|vocabulary)|glossary|vocabulary
      | check\s+your\s+understanding|review(?:\s+questions)?|critical[\s-]+thinking(?:\s+questions)?
      | (?:discussion|comprehension|review|study|critical[\s-]+thinking)\s+questions
      | questions|activities|exercises|think\s+about\s+it|\d+\s+comments?|comments?
    )\s*:?$""",
    re.I | re.X,
)


# A zone of short lines (the objectives before a textbook section) ends at the first prose paragraph: when the
# page closes the box in its markup, the flattened blocks no longer show where, and the section's opening
# paragraph must not go with it.
_LIST_ZONE = re.compile(r"^(?:learning\s+(?:objectives|goals|outcomes)|objectives|key\s+(?:terms|words))\s*:?$", re.I)


def _is_prose(block: Block) -> bool:
    return (
        block.kind == "paragraph"
        and len(block.text.split()) >= 20
        and block.text.rstrip('"”’)').endswith((".", "!", "?"))
    )


def _labels_as_headings(blocks: list[Block]) -> list[Block]:
    """A paragraph of a few words with no sentence punctuation, standing before prose, is a heading.

    Pages often write "Introduction" or "Background" in a ``<p>``; as a paragraph
    it would become a passage's stray first line.
    """
    out: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            block.kind == "paragraph"
            and len(block.text.split()) <= 5
            and _LABEL.match(block.text)
            and following is not None
            and _is_prose(following)
            and (not out or out[-1].kind != "heading")
        ):
            block = Block("heading", block.text, 2)
        out.append(block)
    return out


# Leftovers of wiki markup in a text dump: a gallery line ("Pact1928a.jpg|Briand speaking …") and the tail of a
# picture's caption before the paragraph it stood in ("in 1929]] The pact …").
_GALLERY = re.compile(r"^\S[^|\n]{0,80}\.(?:jpe?g|png|gif|svg|tiff?|webp)\s*\|", re.I)
_CAPTION_TAIL = re.compile(r"^[^\[\]]{0,200}\]\]\s*")


def _without_wiki_debris(blocks: list[Block], removed: list[str]) -> tuple[list[Block], list[str]]:
    kept: list[Block] = []
    removed = list(removed)
    for block in blocks:
        if _GALLERY.match(block.text):
            removed.append(block.text)
            continue
        if tail := _CAPTION_TAIL.match(block.text):
            removed.append(tail.group(0).strip())
            block = Block(block.kind, block.text[tail.end() :], block.level)
            if not block.text.strip():
                continue
        kept.append(block)
    return kept, removed


def _without_marks(blocks: list[Block], removed: list[str]) -> tuple[list[Block], list[str]]:
    """Paragraphs and items without a script's cues, side heads, note marks and the like; closing credits dropped."""
    kept: list[Block] = []
    removed = list(removed)
    for block in blocks:
        if block.kind == "heading":
            kept.append(block)
            continue
        text, gone = strip_marks(without_handles(block.text) if block.kind == "item" else block.text)
        removed.extend(gone)
        if text and is_credits(text):
            removed.append(text)
        elif text:
            kept.append(Block(block.kind, text, block.level))
    return kept, removed


def _finish(title: str | None, blocks: list[Block], removed: list[str]) -> Article:
    """Drop furniture written into the text: bylines, share lines, breadcrumbs, 'related' and reference zones."""
    kept: list[Block] = []
    removed = list(removed)
    in_zone = list_zone = False
    blocks = [b for b in blocks if b.text.strip()]  # "[1]" alone is empty once the citation mark is gone
    blocks, removed = _without_marks(blocks, removed)
    blocks, removed = _without_wiki_debris(blocks, removed)
    if title is not None and not title.strip():
        title = None
    blocks = _labels_as_headings(blocks)
    words_from = [0] * (len(blocks) + 1)  # words from each block to the end
    for index in range(len(blocks) - 1, -1, -1):
        words_from[index] = words_from[index + 1] + len(blocks[index].text.split())
    page_end = False
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        words_before = words_from[0] - words_from[index]
        if _PAGE_END.search(block.text) and len(block.text.split()) <= 40 and words_before > words_from[index]:
            page_end = True  # a copyright or licence line after most of the text: the footer starts
        if page_end:
            removed.append(block.text)
            continue
        if _ZONE_START.match(block.text) and (block.kind == "heading" or len(block.text.split()) <= 4):
            in_zone, list_zone = True, bool(_LIST_ZONE.match(block.text))
        elif in_zone and (
            (block.kind == "heading" and following is not None and _is_prose(following))
            or (list_zone and _is_prose(block))
        ):
            in_zone = False
        words = len(block.text.split())
        short = words <= 15 and not block.text.endswith((".", "?", "!"))
        if (
            in_zone
            or (short and _SHORT_FURNITURE.match(block.text))
            or (words <= 30 and _BREADCRUMB.match(block.text))
            or (len(block.text.split()) <= 25 and _ANYWHERE_FURNITURE.search(block.text))
            or (title is not None and words <= 15 and squeeze(block.text).lower() == squeeze(title).lower())
        ):
            removed.append(block.text)
            continue
        kept.append(block)
    if title is not None and _SHORT_FURNITURE.match(title):
        removed.append(title)
        title = None
    while kept and kept[-1].kind == "heading":  # a heading with nothing under it
        removed.append(kept.pop().text)
    return Article(title, tuple(kept), tuple(removed))


def read_article(source: str, fmt: str) -> Article:
    """``fmt`` is "html", "md" or "txt"."""
    readers = {"html": read_html, "md": read_markdown, "txt": read_text}
    return readers[fmt](source)
