"""The command line: exit codes, output formats, and the answer-key workflow."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

from classroom.cli import main
from classroom.errors import UserError
from support import ROOT, TESTDATA

QUIZ = textwrap.dedent(
    """\
    id: mini
    title: Mini quiz
    lessons: [good-lesson]
    pass_mark: 50
    questions:
      - id: founded
        kind: date
        ask: When was NATO founded?
        answer: "1949"
      - id: secgen
        kind: text
        ask: Who was NATO Secretary General in 1997?
        accept: [Javier Solana]
        topic: roles
    """
)


def test_check_reports_every_problem_and_exits_1(capsys, monkeypatch):
    monkeypatch.chdir(TESTDATA / "bad")
    assert main(["check", "lessons", "quizzes"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == (TESTDATA / "bad.expected").read_text(encoding="utf-8").splitlines()
    assert "30 problems" in err


def test_check_exits_0_on_valid_files(capsys, monkeypatch):
    monkeypatch.chdir(TESTDATA / "bad")
    assert main(["check", "lessons/good-lesson.yaml", "quizzes/words.yaml"]) == 0
    assert capsys.readouterr().out == ""


def test_check_of_one_shipped_quiz_finds_its_lessons_in_its_course_folder(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["check", "quizzes/course-final.yaml"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "1 files checked: 0 lesson(s) and 1 quiz(zes) valid (links checked against 6 lesson file(s)" in err


def test_check_of_one_file_from_elsewhere_reports_only_that_files_problems(capsys, monkeypatch, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(TESTDATA / "bad" / "lessons", course / "lessons")  # broken lessons beside a good one
    (course / "quizzes").mkdir()
    quiz = course / "quizzes" / "mini.yaml"
    quiz.write_text(QUIZ.replace("lessons: [good-lesson]", "lessons: [good-lesson, good-leson]"), encoding="utf-8")
    monkeypatch.chdir(ROOT)  # another folder: the course is found from the file, not from where the command runs
    assert main(["check", str(quiz)]) == 1
    out, _ = capsys.readouterr()
    assert out.splitlines() == [f"{quiz}:3:24: no lesson with id 'good-leson' — did you mean 'good-lesson'?"]


def test_check_usage_errors_exit_2(capsys, tmp_path):
    assert main(["check", str(tmp_path / "nope")]) == 2
    assert main(["frobnicate"]) == 2


def test_grade_json_report(tmp_path, capsys):
    quiz = tmp_path / "mini.yaml"
    quiz.write_text(QUIZ, encoding="utf-8")
    responses = tmp_path / "answers.yaml"
    responses.write_text("founded: April 1949\nsecgen: javier solanna\n", encoding="utf-8")
    assert main(["grade", str(quiz), str(responses), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["score"] == 2 and report["max"] == 2 and report["percent"] == 100 and report["passed"] is True
    assert report["by_topic"] == {"dates": {"score": 1, "max": 1}, "roles": {"score": 1, "max": 1}}
    assert [q["verdict"] for q in report["questions"]] == ["correct", "correct"]
    assert set(report["questions"][0]) == {"id", "kind", "topic", "verdict", "points", "max", "feedback"}


def test_grade_text_report_and_blank(tmp_path, capsys):
    quiz = tmp_path / "mini.yaml"
    quiz.write_text(QUIZ, encoding="utf-8")
    responses = tmp_path / "answers.yaml"
    responses.write_text("founded: '1955'\n", encoding="utf-8")
    assert main(["grade", str(quiz), str(responses)]) == 0
    out = capsys.readouterr().out
    assert "mini: 0 / 2 (0%) — not passed" in out
    assert "secgen (text, blank)" in out


def test_grade_rejects_unknown_question_ids(tmp_path, capsys):
    quiz = tmp_path / "mini.yaml"
    quiz.write_text(QUIZ, encoding="utf-8")
    responses = tmp_path / "answers.yaml"
    responses.write_text("founded: '1949'\nfoundde: '1949'\n", encoding="utf-8")
    assert main(["grade", str(quiz), str(responses)]) == 1
    assert capsys.readouterr().out.strip() == f"{responses}:2:1: quiz 'mini' has no question 'foundde'"


def test_grade_reports_a_broken_quiz(tmp_path, capsys):
    quiz = tmp_path / "mini.yaml"
    quiz.write_text(QUIZ.replace("pass_mark: 50", "pass_mark: 500"), encoding="utf-8")
    responses = tmp_path / "answers.yaml"
    responses.write_text("founded: '1949'\n", encoding="utf-8")
    assert main(["grade", str(quiz), str(responses)]) == 1
    assert "pass_mark: must be at most 100, not 500" in capsys.readouterr().out


def test_key_output_earns_full_marks(tmp_path, capsys):
    quiz = tmp_path / "mini.yaml"
    quiz.write_text(QUIZ, encoding="utf-8")
    assert main(["key", str(quiz)]) == 0
    responses = tmp_path / "key.yaml"
    responses.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["grade", str(quiz), str(responses), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["percent"] == 100


def test_schema_check_flags_stale_files(tmp_path, monkeypatch, capsys):
    from classroom.content import schema

    shutil.copytree(schema.SCHEMA_DIR, tmp_path / "schema")
    monkeypatch.setattr(schema, "SCHEMA_DIR", tmp_path / "schema")
    monkeypatch.setattr(schema.stale, "__defaults__", (tmp_path / "schema",))
    monkeypatch.setattr(schema.write, "__defaults__", (tmp_path / "schema",))
    assert main(["schema", "--check"]) == 0
    (tmp_path / "schema" / "quiz.schema.json").write_text("{}", encoding="utf-8")
    assert main(["schema", "--check"]) == 1
    assert "quiz.schema.json is out of date" in capsys.readouterr().out
    assert main(["schema"]) == 0
    assert main(["schema", "--check"]) == 0


def test_internal_errors_exit_3_with_a_traceback():
    """A bug is nobody's file problem: exit 3 and the traceback, through the real entry point."""
    code = (
        "import classroom.cli as cli\n"
        "def explode(paths):\n"
        "    raise RuntimeError('boom')\n"
        "cli.check_paths = explode\n"
        "cli.run(['check', '.'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    assert "An internal error has occurred" in done.stderr and "RuntimeError: boom" in done.stderr


def test_user_errors_exit_1_with_their_message_and_no_traceback(monkeypatch, capsys):
    import classroom.cli as cli

    def refuse(paths):
        raise UserError("the folder is not a course: add lessons/")

    monkeypatch.setattr(cli, "check_paths", refuse)
    assert main(["check", "."]) == 1
    err = capsys.readouterr().err
    assert "error: the folder is not a course: add lessons/" in err and "Traceback" not in err


def test_check_reports_a_broken_course_yaml_of_the_course_it_checks(tmp_path, capsys):
    """course.yaml falls back to BC/AD while broken, so `check` is where the teacher hears of it."""
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    (tmp_path / "course.yaml").write_text("era: BCE-CE\n", encoding="utf-8")
    assert main(["check", str(lessons)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'course.yaml'}:1:6: era: 'BCE-CE' is not allowed here — did you mean 'BCE/CE'?" in out
    (tmp_path / "course.yaml").write_text("era: BCE/CE\n", encoding="utf-8")
    assert main(["check", str(lessons)]) == 0
