"""Printable sign-in cards: each student's name and code, and a QR code that opens the sign-in with it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import segno

from classroom.people import cards
from classroom.people.roster import Issued
from classroom.results.store import Student


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_the_sign_in_url_carries_the_code_for_the_home_page():
    assert cards.sign_in_url("http://10.0.0.2:8501/", "K7M2-QP4X") == "http://10.0.0.2:8501/?code=K7M2-QP4X"


def test_a_sheet_has_one_card_per_student_with_name_code_and_qr():
    issued = [Issued(Student(1, 1, "Ana <script>"), "K7M2-QP4X"), Issued(Student(2, 1, "Ben"), "ABCD-EFGH")]
    sheet = cards.card_sheet("9B & friends", issued, "http://classroom.local:8501")
    parser = _Text()
    parser.feed(sheet)
    text = " ".join(parser.text)
    assert "Ana <script>" in text and "K7M2-QP4X" in text and "Ben" in text and "9B & friends" in text
    assert "script" not in parser.tags  # the name was escaped, not run
    assert parser.tags.count("svg") == 2
    assert sheet.count('class="card"') == 2
    assert not re.search(r"https?://(?!classroom\.local)", sheet.replace("http://www.w3.org/2000/svg", ""))


def test_the_qr_code_encodes_the_sign_in_url():
    svg = cards.qr_svg(cards.sign_in_url("http://x:1", "K7M2-QP4X"))
    assert svg.startswith("<svg") and "<path" in svg
    same = segno.make("http://x:1/?code=K7M2-QP4X", error="m")
    other = segno.make("http://x:1/?code=K7M2-QP4Y", error="m")
    assert _modules(svg) == _modules(same.svg_inline(scale=cards.QR_SCALE, border=2))
    assert _modules(svg) != _modules(other.svg_inline(scale=cards.QR_SCALE, border=2))


def _modules(svg: str) -> str:
    """The path of the dark modules: what a scanner reads."""
    return re.search(r' d="([^"]+)"', svg).group(1)
