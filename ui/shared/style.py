"""The few CSS rules Streamlit has no option for: a compact quiz, buttons-for-links, order rows.

Applied once per run by ``app.py``. Every rule targets a container the screens name with
a ``key`` (Streamlit gives it the class ``st-key-<key>``), so nothing else on a page changes.
"""

from __future__ import annotations

import re

import streamlit as st

from ui import pages

CSS = """
/* The quiz page: less room above the question, so Submit and Next fit on a phone (390x844). */
[data-testid="stMainBlockContainer"]:has(.st-key-quiz-head) { padding-top: 3.75rem; padding-bottom: 2rem; }
.st-key-quiz-head h1 { font-size: 1rem; line-height: 1.4; padding: 0; }
/* The question panel draws its progress and question straight into the page (no container of its own:
   each one is an element more to send on every Submit and Next), so they are found by the page's head. */
[data-testid="stMainBlockContainer"]:has(.st-key-quiz-head) [data-testid="stProgress"] p {
  font-size: 0.875rem; margin-bottom: 0;
}
[data-testid="stMainBlockContainer"]:has(.st-key-quiz-head) [data-testid="stHeading"] h3 {
  font-size: 1.125rem; line-height: 1.45; padding: 0;
}

/* Order questions: one row per item even on a phone; the arrow buttons show their icon only
   (the words stay for screen readers) and keep a 44 px touch target. */
[class*="st-key-order-"] button { min-width: 2.75rem; min-height: 2.75rem; padding: 0.25rem; }
[class*="st-key-order-"] button [data-testid="stMarkdownContainer"] {
  position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
[class*="st-key-order-"] [data-testid="stMarkdownContainer"] ol { margin: 0; }
[class*="st-key-order-"] [data-testid="stMarkdownContainer"] li { margin: 0; padding: 0; line-height: 1.4; }

/* A primary action that is a link (it opens another page) looks like a button. */
[class*="st-key-action"] [data-testid="stPageLink"] a {
  border: 1px solid rgba(128, 128, 128, 0.55); border-radius: 0.5rem;
  padding: 0.5rem 0.875rem; min-height: 2.75rem;
}
/* Streamlit's own primary colour (white text on it: 5:1 contrast). */
[class*="st-key-action-primary"] [data-testid="stPageLink"] a {
  background-color: rgb(197, 57, 72); border-color: transparent;
}
[class*="st-key-action-primary"] [data-testid="stPageLink"] a * { color: #fff !important; }
/* Links never cut off with "…" on a phone: long labels wrap. */
[data-testid="stPageLink"] a, [data-testid="stPageLink"] a * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  height: auto !important; line-height: 1.45;
}
"""


def minified(css: str) -> str:
    """The rules without comments, each run of spaces one space: they go to the browser on every full run.

    Nothing else is touched, so a quoted selector value keeps its commas and spaces.
    """
    return re.sub(r"\s+", " ", re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)).strip()


STYLE = f"<style>{minified(CSS)}</style>"  # built once, sent on every full run


def apply() -> None:
    """Add the rules to the page (a style-only ``st.html`` takes no room)."""
    st.html(STYLE)


def action_link(
    page: str, label: str, icon: str, query_params: dict[str, str], key: str, primary: bool = False
) -> None:
    """A page link drawn as a button (filled when ``primary``): a main way on from a screen."""
    with st.container(key=f"action-{'primary-' if primary else ''}{key}"):
        pages.link(page, label=label, icon=icon, query_params=query_params)
