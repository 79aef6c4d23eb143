"""The teacher's guide shows examples that the checker accepts and the grader marks as documented."""

from __future__ import annotations

import re

import yaml

from classroom.content.load import load_file
from classroom.content.models import QUESTION_KINDS, Lesson, Quiz
from classroom.quiz.grading import grade, key_response
from support import ROOT

GUIDE = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", GUIDE, flags=re.S)


def test_the_lesson_example_is_valid(tmp_path):
    path = tmp_path / "after-1991.yaml"
    path.write_text(BLOCKS[0], encoding="utf-8")
    result = load_file(path)
    assert result.problems == [] and isinstance(result.item, Lesson)


def test_the_example_of_every_kind_is_valid_and_its_key_earns_full_marks(tmp_path):
    header = "id: examples\ntitle: Examples\nlessons: [after-1991]\n"
    path = tmp_path / "quizzes" / "examples.yaml"
    path.parent.mkdir()
    path.write_text(header + BLOCKS[2], encoding="utf-8")
    result = load_file(path)
    assert result.problems == []
    quiz = result.item
    assert isinstance(quiz, Quiz)
    assert {q.kind for q in quiz.questions} == set(QUESTION_KINDS)
    for question in quiz.questions:
        assert grade(question, key_response(question)).verdict == "correct"


def test_the_documented_feedback_is_given(tmp_path):
    questions = yaml.safe_load(BLOCKS[2])["questions"]
    text = Quiz.model_validate({"id": "x", "title": "x", "lessons": ["a"], "questions": questions})
    graded = grade(text.question("primakov-office"), "prime minister")
    assert graded.verdict == "wrong" and graded.feedback.startswith("He became Prime Minister later")
