"""Printable sign-in cards: one per student, with the code and a QR code that opens the sign-in with it.

The sheet is a self-contained HTML page (inline SVG QR codes from ``segno``, no web font, no
script), printed from the browser: eight cards to an A4 or Letter page, cut along the lines.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import urlencode

import segno

from classroom.people.roster import Issued

SIGN_IN_PARAMETER = "code"  # the home page fills its sign-in form from ?code=
QR_SCALE = 4  # pixels per module: about 3 cm wide when printed, easy for a phone camera

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; color: #111; }
.sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
.card { border: 1px dashed #777; padding: 12px 16px; display: flex; gap: 16px; align-items: center;
        break-inside: avoid; min-height: 120px; }
.card svg { flex: none; }
.name { font-size: 18px; font-weight: 600; }
.class { font-size: 13px; color: #333; }
.code { font-family: ui-monospace, monospace; font-size: 24px; letter-spacing: 2px; margin: 6px 0; }
.how { font-size: 12px; color: #333; }
@media print { .card { page-break-inside: avoid; } }
"""


def sign_in_url(base_url: str, code: str) -> str:
    """The address a card's QR code opens: the app's home page with the code filled in."""
    return f"{base_url.rstrip('/')}/?{urlencode({SIGN_IN_PARAMETER: code})}"


def qr_svg(url: str) -> str:
    """An inline SVG QR code (error correction M: a creased card still scans)."""
    return segno.make(url, error="m").svg_inline(scale=QR_SCALE, border=2, title="QR code: opens the sign-in")


def card_sheet(class_name: str, issued: Sequence[Issued], base_url: str) -> str:
    """The HTML page of cards for ``issued`` students of ``class_name``."""
    cards = []
    for item in issued:
        url = sign_in_url(base_url, item.code)
        cards.append(
            '<div class="card">'
            + qr_svg(url)
            + "<div>"
            + f'<div class="name">{html.escape(item.student.display_name)}</div>'
            + f'<div class="class">{html.escape(class_name)}</div>'
            + f'<div class="code">{html.escape(item.code)}</div>'
            + f'<div class="how">Scan the square, or open {html.escape(base_url)} and type this code. '
            + "Keep it to yourself: it signs you in.</div>"
            + "</div></div>"
        )
    title = html.escape(f"Sign-in cards: {class_name}")
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body><h1>{title}</h1>"
        f'<div class="sheet">{"".join(cards)}</div></body></html>'
    )
