"""The shipped course: valid, complete, keyed correctly, and faithful to the fact sheet."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess

import pytest
import yaml

from classroom.cli import main
from classroom.content.load import load_course
from classroom.content.models import QUESTION_KINDS, ChoiceQuestion
from classroom.quiz.grading import key_response
from support import ROOT, TESTDATA

COURSE = load_course([ROOT / "lessons", ROOT / "quizzes"])
# The fact sheet as data (tests/testdata/facts.yaml), so the checks run wherever the repository does.
FACTS = yaml.safe_load((TESTDATA / "facts.yaml").read_text(encoding="utf-8"))
WRONG_CLAIMS: dict[int, list[str]] = FACTS["wrong_claims"]


def test_all_shipped_content_passes_check():
    assert COURSE.problems == ()
    assert main(["check", str(ROOT / "lessons"), str(ROOT / "quizzes")]) == 0


def test_six_lessons_in_course_order():
    orders = [lesson.order for lesson in COURSE.lessons.values()]
    assert len(orders) >= 6 and orders == sorted(orders) and len(set(orders)) == len(orders)


@pytest.mark.parametrize("quiz_id", sorted(COURSE.quizzes))
def test_each_quiz_answer_key_earns_full_marks(quiz_id, tmp_path, capsys):
    quiz_file = ROOT / COURSE.files[quiz_id]
    key = {question.id: key_response(question) for question in COURSE.quizzes[quiz_id].questions}
    responses = tmp_path / "key.yaml"
    responses.write_text(yaml.safe_dump(key, allow_unicode=True), encoding="utf-8")
    assert main(["grade", str(quiz_file), str(responses), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["percent"] == 100 and report["passed"] is True
    assert len(report["questions"]) == len(COURSE.quizzes[quiz_id].questions)


def test_one_quiz_per_lesson_with_five_to_eight_questions():
    for lesson_id in COURSE.lessons:
        own = [q for q in COURSE.quizzes.values() if q.lessons == [lesson_id]]
        assert len(own) == 1, lesson_id
        assert 5 <= len(own[0].questions) <= 8, lesson_id


def test_final_quiz_draws_fifteen_from_a_pool_of_thirty():
    finals = [q for q in COURSE.quizzes.values() if set(q.lessons) == set(COURSE.lessons)]
    assert len(finals) == 1
    assert finals[0].draw == 15 and len(finals[0].questions) >= 30


def test_questions_cover_every_kind_and_the_promised_topics():
    questions = [q for quiz in COURSE.quizzes.values() for q in quiz.questions]
    assert len(questions) >= 50
    assert {q.kind for q in questions} == set(QUESTION_KINDS)
    choices = [q for q in questions if isinstance(q, ChoiceQuestion)]
    assert any(q.several for q in choices) and any(not q.several for q in choices)
    assert {"dates", "roles", "outcomes"} <= {q.topic for q in questions}


def test_every_question_cites_a_passage_and_explains():
    for quiz in COURSE.quizzes.values():
        for question in quiz.questions:
            assert question.source, f"{quiz.id}:{question.id} has no source"
            assert question.explain, f"{quiz.id}:{question.id} has no explain"


def test_predictable_wrong_answers_get_feedback():
    questions = [q for quiz in COURSE.quizzes.values() for q in quiz.questions]
    keys = " ".join(key for q in questions for key in q.feedback)
    for expected in ("Gorbachev", "2009", "Prime Minister"):
        assert expected in keys


def test_each_lesson_quiz_asks_to_judge_a_claim_of_the_article():
    for lesson_id in COURSE.lessons:
        [quiz] = [q for q in COURSE.quizzes.values() if q.lessons == [lesson_id]]
        assert any("article" in q.ask.lower() for q in quiz.questions), lesson_id


def test_all_four_wrong_claims_of_the_fact_sheet_are_listed():
    assert sorted(WRONG_CLAIMS) == [1, 2, 3, 4]


@pytest.mark.parametrize(("item", "words"), sorted(WRONG_CLAIMS.items()))
def test_each_wrong_claim_has_a_check(item, words):
    checks = [c for lesson in COURSE.lessons.values() for c in lesson.checks if c.verdict in ("wrong", "misleading")]
    matching = [c for c in checks if all(w.lower() in f"{c.claim} {c.note}".lower() for w in words)]
    assert matching, f"facts.md item {item}: no wrong/misleading check mentions {words}"
    assert all(c.sources for c in matching)


def test_every_timeline_date_is_on_the_fact_sheet():
    known = set(FACTS["dates"])
    for lesson in COURSE.lessons.values():
        for event in lesson.events:
            for date in filter(None, (event.date, event.end)):
                assert date in known, f"{lesson.id}: {date} ({event.label}) is not in facts.md"


def test_people_and_offices_agree_with_the_fact_sheet():
    for lesson in COURSE.lessons.values():
        for person in lesson.people:
            rows = [r for r in FACTS["people"] if r["name"] == person.name and person.role.startswith(r["office"])]
            assert rows, f"{lesson.id}: {person.name} as {person.role} is not in facts.md"
            assert person.from_ in {rows[0]["from"], rows[0].get("acting_from")}, (lesson.id, person.name)
            assert person.to == rows[0]["to"], (lesson.id, person.name)


WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def run_hash(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def copied_runs(text: str, hashes: set[str]) -> list[str]:
    """Runs of 8 words of ``text`` whose hash is among ``hashes`` (same word rules as the stop hook)."""
    mine = WORD.findall(text.lower().replace("’", "'"))
    return [" ".join(mine[i : i + 8]) for i in range(len(mine) - 7) if run_hash(mine[i : i + 8]) in hashes]


def test_no_file_copies_the_article():
    """No run of 8 words of the source article, compared through hashes kept in testdata."""
    listing = (TESTDATA / "article-8grams.txt").read_text(encoding="utf-8").splitlines()
    hashes = {line for line in listing if line and not line.startswith("#")}
    assert len(hashes) > 400
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in tracked:
        path = ROOT / name
        if path.suffix in (".yaml", ".md", ".py", ".txt", ".html") and path.is_file():
            copied = copied_runs(path.read_text(encoding="utf-8", errors="replace"), hashes)
            assert copied == [], f"{name} copies the article: {copied[:3]}"


def test_the_copy_check_can_find_a_copied_run():
    run = "one two three four five six seven eight".split()
    assert copied_runs("Intro: One, two three four five six seven eight!", {run_hash(run)}) == [" ".join(run)]
    assert copied_runs("one two three four five six seven nine", {run_hash(run)}) == []
