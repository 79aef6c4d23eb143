"""The kiosk's look (CSS only) and its idle watcher (a small script in the visitor's browser).

Why the idle timer runs in the browser, not in a ``st.fragment(run_every=1)`` on the server:

- Accuracy: reading a lesson, scrolling, or typing an answer before submitting sends
  nothing to the server, so a server-side timer would take a reader for an absent
  visitor. The browser sees every touch, key press, scroll and wheel event.
- Load: a kiosk stands idle most of the day. ``run_every=1`` is a rerun a second per
  kiosk, all day (86,400 a day each), on a laptop that also serves a class. The
  browser timer costs the server nothing until it actually resets.
- Testability: the timeouts come from ``kiosk.yaml``; the browser tests run with a
  4 s timeout and a 3 s countdown and watch the real countdown and reset. The server
  side of a reset is one function (``kiosk_state.reset``) tested with AppTest.

The watcher never decides what to forget: when a countdown ends it presses the
kiosk's hidden reset button, and the server clears the session (see
``kiosk_state.reset``). While the connection is down it keeps pressing until the
server answers; a server that restarted answers with a new, empty session anyway.
"""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from ui.kiosk import state as kiosk_state
from ui.kiosk.state import REFRESH_KEY, RESET_KEY

# Kiosk chrome and sizes. CSS only: no text is added here. 44 px is WCAG 2.5.5's minimum target;
# most buttons get 60 px (3rem at the 20 px root), the rows of an answer 46 px so that a long
# question still fits one screen. tests/browser/test_kiosk.py measures every target.
CSS = """
<style>
html { font-size: clamp(20px, 1.25vw, 26px); }  /* 20 px on a 1280 tablet, 24 px on a 1920 display */
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], [data-testid="stAppDeployButton"], .stAppDeployButton, #MainMenu,
[data-testid="stMainMenu"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarNav"], footer { display: none !important; }
.st-key-kiosk-reset, .st-key-kiosk-refresh { display: none !important; }
/* Streamlit's own dialogs ("Page not found" for a typed URL, "Connection error" while the watcher
   already says "Reconnecting…"): a kiosk uses no dialog of its own, so none of these shows. */
[data-testid="stDialog"] { display: none !important; }
body, [data-testid="stApp"] { touch-action: manipulation; overscroll-behavior: none; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem; padding-bottom: 2rem; max-width: 1700px; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.1rem; line-height: 1.55; }
.stButton button, .stFormSubmitButton button {
    min-height: 3rem; min-width: 3rem; padding: 0.5rem 1.25rem; border-radius: 0.75rem;
}
.stButton button p, .stFormSubmitButton button p { font-size: 1.1rem; font-weight: 600; }
.st-key-kiosk-go-lessons button, .st-key-kiosk-go-quizzes button { min-height: 9rem; }
.st-key-kiosk-go-lessons button p, .st-key-kiosk-go-quizzes button p { font-size: 1.8rem; }
[class*="st-key-kiosk-item-"] button { min-height: 4.25rem; justify-content: flex-start; text-align: left; }
[class*="st-key-kiosk-item-"] button > div { justify-content: flex-start; width: 100%; }
label[data-testid="stRadioOption"], [data-testid="stCheckbox"] > label {
    min-height: 2.75rem; min-width: 2.75rem; align-items: center; padding-right: 1rem;
}
[data-testid="stTextInputRootElement"], [data-testid="stNumberInputContainer"], [data-baseweb="select"] > div {
    min-height: 2.75rem;
}
[data-testid="stSelectbox"] button, [data-testid="stNumberInputStepDown"], [data-testid="stNumberInputStepUp"] {
    min-width: 2.75rem; min-height: 2.75rem;
}
[data-testid="stTooltipIcon"] { display: none; }  /* hover help cannot be reached by touch */
[role="option"] { min-height: 2.75rem; font-size: 1.1rem; }
.st-key-kiosk-welcome p { font-size: 1.5rem; }
.kiosk-result-count { font-size: 1.1rem; margin: 0; }
[data-testid="stExpander"] summary { min-height: 2.75rem; }
/* A question and its answers share one screen: a smaller heading, tighter rows (targets stay >= 44 px). */
[data-testid="stMain"] h2 { font-size: 1.8rem; }
.st-key-kiosk-answer, .st-key-kiosk-answer [data-testid="stVerticalBlock"] { gap: 0.4rem; }
.st-key-kiosk-answer .stButton button { min-height: 2.3rem; padding-top: 0.2rem; padding-bottom: 0.2rem; }
/* The on-screen keys (ui/kiosk/keypad.py) and the month buttons: square touch targets of 46 px or more. */
[class*="st-key-keypad-"] .stButton button { min-width: 2.6rem; padding-left: 0.75rem; padding-right: 0.75rem; }
[data-testid="stButtonGroup"] button { min-height: 2.3rem; min-width: 2.3rem; }
[data-testid="stButtonGroup"] button p { font-size: 1.05rem; }
/* A chosen month, era or "about": Streamlit's red on a pale red is under 4.5:1 for normal text (axe:
   color-contrast); bold at 21 px is large text (3:1 is enough), and a thicker border marks it too. */
[data-testid="stButtonGroup"] button[data-selected="true"] { box-shadow: inset 0 0 0 1px currentColor; }
[data-testid="stButtonGroup"] button[data-selected="true"] p { font-weight: 700; }
</style>
"""

# The watcher (ui/kiosk/idle.js): installed once per page (a global), re-configured each time the screen changes.
_SCRIPT = (
    "<div data-kiosk-watch hidden></div>\n<script>\n"
    + (Path(__file__).with_name("idle.js")).read_text(encoding="utf-8")
    + "</script>\n"
)


def chrome() -> None:
    """Hide Streamlit's own chrome and size everything for touch (CSS only, no text)."""
    st.html(CSS)


def watcher(view: str, idle: int, warn: int, result: int = 0, countdown: str | None = None) -> None:
    """The idle watcher for this screen; ``view`` changes whenever the visitor moves on.

    ``result`` > 0 turns the idle warning off and resets after that many seconds (the result
    screen); ``countdown`` is then a visible sentence with ``{n}`` where the seconds go.
    """
    config = json.dumps({"idle": idle, "warn": warn, "result": result, "view": view})
    body = (
        _SCRIPT.replace("__CONFIG__", config.replace("</", "<\\/"))
        .replace("__RESET_KEY__", RESET_KEY)
        .replace("__REFRESH_KEY__", REFRESH_KEY)
    )
    if countdown is not None:
        shown = countdown.replace("{n}", f'<strong data-kiosk-result-count="">{result}</strong>')
        body = f'<p class="kiosk-result-count" role="timer" aria-live="off">{shown}</p>' + body
    st.html(body, unsafe_allow_javascript=True)


def hidden_buttons() -> None:
    """The buttons only the watcher presses (hidden by CSS, so no visitor tabs to them).

    Reset forgets the visitor; refresh only asks for a rerun after the connection came back.
    """
    st.button("Start over (automatic)", key=RESET_KEY, on_click=kiosk_state.reset)
    st.button("Refresh (automatic)", key=REFRESH_KEY)
