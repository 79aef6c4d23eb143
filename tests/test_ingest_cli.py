"""``python -m classroom ingest``: files written where asked, accepted by ``check``, progress on long input."""

from __future__ import annotations

from pathlib import Path

import pytest

from classroom.cli import main
from classroom.ingest import PROGRESS_CHARS

ARTICLES = Path(__file__).resolve().parent / "testdata" / "ingest"
NAMES = sorted(p.name for p in ARTICLES.iterdir() if not p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", NAMES)
def test_ingest_writes_lessons_and_draft_quizzes_that_pass_check(tmp_path, capsys, name):
    out = tmp_path / "out"
    assert main(["ingest", str(ARTICLES / name), "--out", str(out)]) == 0
    printed, summary = capsys.readouterr()
    stem = Path(name).stem
    lessons = sorted((out / "lessons").glob("*.yaml"))
    quizzes = sorted((out / "quizzes").glob("*.yaml"))
    assert lessons and quizzes
    assert [p.name for p in lessons][0] == f"{stem}-1.yaml"
    assert all(p.name.endswith("-draft.yaml") for p in quizzes)
    assert sorted(printed.split()) == sorted(str(p) for p in [*lessons, *quizzes])
    assert "draft question(s)" in summary and "ingest:" not in summary  # short article: no progress lines
    for path in [*lessons, *quizzes]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "lesson" if path.parent.name == "lessons" else "quiz"
        schema = first.removeprefix("# yaml-language-server: $schema=")
        assert schema.endswith(f"{kind}.schema.json") and (path.parent / schema).resolve().is_file()
    assert main(["check", str(out / "lessons"), str(out / "quizzes")]) == 0
    assert "no problems" in capsys.readouterr().err


def test_default_folder_and_id(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", str(ARTICLES / "suez-brief.txt"), "--id", "suez"]) == 0
    assert (tmp_path / "drafts" / "suez" / "lessons" / "suez-1.yaml").is_file()
    assert (tmp_path / "drafts" / "suez" / "quizzes" / "suez-1-draft.yaml").is_file()
    assert main(["check", "drafts/suez/lessons", "drafts/suez/quizzes"]) == 0


def test_existing_files_are_kept_unless_forced(tmp_path, capsys):
    args = ["ingest", str(ARTICLES / "suez-brief.txt"), "--out", str(tmp_path)]
    assert main(args) == 0
    lesson = tmp_path / "lessons" / "suez-brief-1.yaml"
    lesson.write_text("edited by a teacher", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 1
    assert "already exist" in capsys.readouterr().err
    assert lesson.read_text(encoding="utf-8") == "edited by a teacher"
    assert main([*args, "--force"]) == 0
    assert lesson.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_long_articles_show_progress_on_stderr(tmp_path, capsys):
    paragraphs = (ARTICLES / "glorious-revolution.txt").read_text(encoding="utf-8").split("\n\n")[1:]
    chapters = []
    while sum(len(c) for c in chapters) < PROGRESS_CHARS:
        chapters.append(f"Chapter {len(chapters) + 1}\n\n" + "\n\n".join(paragraphs))
    article = tmp_path / "long.txt"
    article.write_text("A long history\n\n" + "\n\n".join(chapters), encoding="utf-8")
    assert main(["ingest", str(article), "--out", str(tmp_path / "out")]) == 0
    stages = [line for line in capsys.readouterr().err.splitlines() if line.startswith("ingest: ")]
    assert stages[0].startswith("ingest: reading") and "characters as txt" in stages[0]
    assert any("removed" in line for line in stages)
    assert any(line.startswith("ingest: planned") for line in stages)
    assert any(line.startswith("ingest: lesson ") for line in stages)
    assert any(line.startswith("ingest: drafted") for line in stages)
    assert stages[-1].startswith("ingest: kept")  # the import report comes last
    assert len(stages) <= 20  # a line per stage, not per paragraph


def test_just_below_the_threshold_there_is_no_progress(tmp_path, capsys):
    article = tmp_path / "short.txt"
    sentence = "The treaty was signed in Paris on 30 May 1814 after long talks between the powers. "
    article.write_text((sentence * (PROGRESS_CHARS // len(sentence)))[: PROGRESS_CHARS - 1], encoding="utf-8")
    assert main(["ingest", str(article), "--out", str(tmp_path / "out")]) == 0
    assert "ingest:" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "name", "args", "code", "message"),
    [
        (None, "missing.txt", [], 2, "no such file"),
        ("Some text.", "ok.txt", ["--id", "Not_Valid"], 2, "is not valid"),
        ("x", "article.pdf", [], 1, "cannot import this kind of file"),
        (b"caf\xe9 au lait", "latin.txt", [], 1, "not UTF-8"),
        ("<html><nav>Home</nav><footer>© 2024</footer></html>", "empty.html", [], 1, "no article text"),
    ],
)
def test_problems_are_reported_in_plain_words(tmp_path, capsys, content, name, args, code, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["ingest", str(path), "--out", str(tmp_path / "out"), *args]) == code
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
