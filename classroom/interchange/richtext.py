"""Question text from other platforms made into safe Markdown, and Markdown written back for them.

Moodle stores most question text as HTML. The classroom shows Markdown with raw
HTML switched off, so HTML is converted (markdownify), scripts and styles are
dropped, links keep only web and mail addresses, and images become their
alternative text: an image would make the students' browsers ask another host
for it, which the classroom never does.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markdownify import MarkdownConverter

SAFE_LINK = re.compile(r"(?i)\A(https?:|mailto:)")


class _Converter(MarkdownConverter):
    """markdownify with the classroom's rules for images and links."""

    def __init__(self, changes: list[str], **options: Any) -> None:
        super().__init__(heading_style="ATX", bullets="-", **options)
        self.changes = changes

    def convert_img(self, el: Any, text: str, parent_tags: set[str]) -> str:
        alt = (el.attrs.get("alt") or "").strip()
        self.changes.append(
            f"image {el.attrs.get('src', '')!r} replaced by its description" if alt else "image dropped"
        )
        return f"[{alt}]" if alt else ""

    def convert_span(self, el: Any, text: str, parent_tags: set[str]) -> str:
        """Word processors and Moodle's editor mark emphasis with a style, not with <em> or <strong>."""
        style = re.sub(r"\s+", "", (el.attrs.get("style") or "").lower())
        if not text.strip():
            return text
        if "font-weight:bold" in style or "font-weight:700" in style:
            text = f"**{text}**"
        if "font-style:italic" in style:
            text = f"*{text}*"
        return text

    def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
        href = (el.attrs.get("href") or "").strip()
        if href and not SAFE_LINK.match(href):
            self.changes.append(f"link {href!r} dropped (only web and mail links are kept)")
            return text
        convert = getattr(super(), "convert_a")  # noqa: B009 (markdownify's converters have no type stubs)
        return str(convert(el, text, parent_tags))


def html_to_markdown(source: str, changes: list[str]) -> str:
    """``source`` HTML as Markdown; what had to go is appended to ``changes``."""
    if not re.search(r"<[a-zA-Z/!]", source):  # no tags: only entities to decode
        return html.unescape(source).strip()
    text = _Converter(changes).convert(source)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def markdown_to_html(text: str) -> str:
    """Markdown text for a format that wants HTML: escaped, paragraphs and line breaks kept.

    Enough for questions (which rarely hold more than emphasis); the Markdown
    marks themselves stay, so nothing the teacher wrote is lost.
    """
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
