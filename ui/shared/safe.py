"""Showing text safely: teacher text as Markdown without HTML, student text escaped."""

from __future__ import annotations

import re

import streamlit as st

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


# Backslashes stop Markdown, but not what Streamlit's renderer adds after it: web addresses and e-mail
# addresses become live links ("www.", "http://", "a@b") and ":material/name:" becomes an icon. An
# invisible WORD JOINER (U+2060) inside each such pattern stops them forming; the letters a reader sees,
# and a screen reader speaks, stay the same.
JOINER = "\u2060"
_LINK_OR_ICON = re.compile(r"(?i)(?<=w)(?=ww\\?\.)|(?=@)|(?<=:)(?=[a-z/])")


def escape(text: str) -> str:
    """Show a student's text (a name, an answer) exactly as typed: no Markdown, no link, no icon."""
    return _LINK_OR_ICON.sub(JOINER, _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)))


def teacher_markdown(text: str) -> None:
    """Render teacher or article text: Markdown, raw HTML shown as text, never run."""
    st.markdown(text, unsafe_allow_html=False)


def student_text(text: str) -> None:
    st.markdown(escape(text))


def markdown_table(rows: list[dict[str, str]]) -> None:
    """A small table as one Markdown element (an HTML table), every cell shown as plain text.

    For a few rows on a page many students load at once: ``st.table`` goes through pandas and Arrow.
    """
    if not rows:
        return
    head = list(rows[0])
    lines = ["| " + " | ".join(escape(h) for h in head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(escape(str(row[h])) for h in head) + " |" for row in rows]
    st.markdown("\n".join(lines))


def note(text: str) -> None:
    """Small secondary text at full contrast (st.caption's faded grey fails WCAG AA on white)."""
    st.markdown(f":small[{text}]")


def friendly_content_problem(what: str) -> None:
    """What a student sees when a lesson or quiz file is broken: no details, no traceback."""
    st.warning(
        f"This {what} can't be opened right now: its file has a problem that your teacher can see and fix. "
        "Everything else in the course still works.",
        icon=":material/build:",
    )
