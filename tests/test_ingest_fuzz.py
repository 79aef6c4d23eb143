"""No traceback on any input: a corpus of odd files through `python -m classroom ingest`.

Each file either imports (exit 0, drafts that `check` loads) or is refused with
a one-line message (exit 1). An exception would be exit 3 with a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classroom.cli import main
from classroom.content.load import load_course
from classroom.ingest import ArticleError, draft_course

RIVER = "The river ran past the old mill and the quiet fields beyond it, as it had for many years"
PARAGRAPH = (
    "On 26 July 1956 President Gamal Abdel Nasser of Egypt took over the canal company, and the governments"
    " in London and Paris were outraged by the move that summer."
)

ODD_FILES: dict[str, bytes] = {
    "citation-only-paragraph.txt": f"A title\n\n{PARAGRAPH}\n\n[1]\n\n{PARAGRAPH}\n".encode(),
    "only-citations.txt": b"[1]\n\n[2]\n\n[citation needed]\n",
    "only-citations.md": b"# \n\n## [3]\n\n[1]\n",
    "only-citations.html": b"<html><body><p>[1]</p><p>[2]</p></body></html>",
    "pdf-renamed.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\nx\x9c\x00\xff\n",
    "pdf-renamed-ascii.txt": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    "nul-bytes.txt": f"A title\n\n{PARAGRAPH.replace(' ', chr(0) + ' ', 3)}\n".encode(),
    "binary.txt": bytes(range(256)) * 40,
    "not-utf8.txt": "Caf\xe9 de la Paix, 1919".encode("latin-1"),
    "empty.txt": b"",
    "whitespace.md": b"\n \n\t\n",
    "only-furniture.html": b"<html><body><nav>Home | About | Log in</nav><footer>(c) 2024 Site</footer></body></html>",
    "broken.html": b"<html><body><p>First <b>bold</i> <div>" + PARAGRAPH.encode() + b"<p><table><tr><td>",
    "one-long-line.txt": (" ".join([RIVER + "."] * 3_300) + " " + PARAGRAPH).encode(),  # about 60,000 words
    "no-full-stops.txt": (" and ".join([RIVER] * 600)).encode(),
    "huge-heading.md": ("# " + "Word " * 5_000 + "\n\n" + PARAGRAPH).encode(),
    "german.txt": (
        "Die Suezkrise begann am 26. Juli 1956, als der ägyptische Präsident Nasser die Kanalgesellschaft"
        " verstaatlichte. Großbritannien und Frankreich bereiteten daraufhin gemeinsam mit Israel einen Angriff"
        " vor, der Ende Oktober auf der Halbinsel Sinai begann."
    ).encode(),
    "right-to-left.txt": ("מלחמת סואץ החלה ב-29 באוקטובר 1956 " * 20).encode(),
    "emoji-and-controls.txt": f"🕊️ Peace\n\n{PARAGRAPH}\x07\x1b[31m\n".encode(),
    "dates-only.txt": b"1914 1915 1916 1917 1918 1919 1920 1921 1922 1923 1924 1925 1926 1927 1928 1929 1930",
    "offices-only.txt": ("President Prime Minister King Queen Secretary of State " * 40).encode(),
}


@pytest.mark.parametrize("name", sorted(ODD_FILES))
def test_an_odd_file_imports_or_is_refused_with_a_message(name, tmp_path, capsys):
    article = tmp_path / name
    article.write_bytes(ODD_FILES[name])
    out = tmp_path / "out"
    code = main(["ingest", str(article), "--out", str(out)])
    err = capsys.readouterr().err
    assert code in (0, 1), err
    assert "Traceback" not in err
    if code == 1:
        message = [line for line in err.splitlines() if line.startswith("error: ")]
        assert len(message) == 1 and len(message[0]) > 20, err
    else:
        course = load_course([folder for folder in (out / "lessons", out / "quizzes") if folder.exists()])
        assert course.problems == () and course.lessons
        for text in (out / "lessons").glob("*.yaml"):
            assert "\x00" not in text.read_text(encoding="utf-8")


def test_the_messages_say_what_the_file_is():
    expected = {
        "pdf-renamed.txt": "is a PDF file",
        "binary.txt": "not UTF-8 text",
        "not-utf8.txt": "not UTF-8 text",
        "german.txt": "written in German, not English",
        "only-citations.txt": "no article text found",
    }
    for name, words in expected.items():
        assert words in _error_of(name), name


def _error_of(name: str) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / name
        article.write_bytes(ODD_FILES[name])
        try:
            from classroom.ingest import read_article_file

            text, fmt = read_article_file(article)
            draft_course(text, name, fmt=fmt)
        except ArticleError as error:
            return str(error)
    return ""


_PIECES = st.sampled_from(
    [
        "\n\n", "\n", " ", ".", ",", "[1]", "# ", "## ", "- ", "1. ", "|", "<p>", "</p>", "<h2>", "<nav>",
        "On 6 November", "in 1956", "the 1940s", "from May to June 1948", "5–6 November 1956", "President",
        "Prime Minister", "Anthony Eden", "he became", "Secretary of State John Foster Dulles", ", the ",
        "served as", "Share", "By Jane Doe", "References", "\x00", "😀", "é", "—", "(", ")", "\"",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=80),
    st.sampled_from(["a.txt", "a.md", "a.html"]),
)
def test_random_text_never_raises_anything_but_an_article_error(pieces, name):
    try:
        course = draft_course("".join(pieces), name)
    except ArticleError:
        return
    assert course.report.kept_questions == len(course.questions())
