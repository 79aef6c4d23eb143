"""The shipped course: valid, complete, keyed correctly, and faithful to the fact sheet."""

from __future__ import annotations

import calendar
import json
import re
from pathlib import Path

import pytest
import yaml

from classroom.cli import main
from classroom.content import load_course
from classroom.grading import key_response
from classroom.models import QUESTION_KINDS, ChoiceQuestion
from support import ROOT

FACTS = ROOT.parent / "shared" / "reference" / "facts.md"
COURSE = load_course([ROOT / "lessons", ROOT / "quizzes"])

# facts.md "Where the article is wrong or misleading": item number -> words its check must mention.
WRONG_CLAIMS = {
    1: ["Primakov"],
    2: ["1954"],
    3: ["2009", "Soviet republic"],
    4: ["Founding Act", "Partnership for Peace"],
}


def facts_text() -> str:
    if not FACTS.is_file():
        pytest.fail(f"the fact sheet is missing at {FACTS}")
    return FACTS.read_text(encoding="utf-8")


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


def test_fact_sheet_still_lists_four_wrong_claims():
    section = facts_text().split("## Where the article is wrong", 1)[1].split("\n## ", 1)[0]
    assert sorted(int(n) for n in re.findall(r"^(\d+)\. ", section, flags=re.M)) == sorted(WRONG_CLAIMS)


@pytest.mark.parametrize(("item", "words"), sorted(WRONG_CLAIMS.items()))
def test_each_wrong_claim_has_a_check(item, words):
    checks = [c for lesson in COURSE.lessons.values() for c in lesson.checks if c.verdict in ("wrong", "misleading")]
    matching = [c for c in checks if all(w.lower() in f"{c.claim} {c.note}".lower() for w in words)]
    assert matching, f"facts.md item {item}: no wrong/misleading check mentions {words}"
    assert all(c.sources for c in matching)


def _fact_dates(text: str) -> set[str]:
    found = set(re.findall(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", text))
    for month, year in re.findall(r"\b([A-Z][a-z]+) (\d{4})\b", text):
        if month in calendar.month_name[1:]:
            found.add(f"{year}-{list(calendar.month_name).index(month):02d}")
    return found


def test_every_timeline_date_is_on_the_fact_sheet():
    known = _fact_dates(facts_text())
    for lesson in COURSE.lessons.values():
        for event in lesson.events:
            for date in filter(None, (event.date, event.end)):
                assert date in known, f"{lesson.id}: {date} ({event.label}) is not in facts.md"


def _people_table(text: str) -> list[tuple[str, str, str, str]]:
    section = text.split("## People and offices", 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split("|") for line in section.splitlines() if line.startswith("| ")]
    return [tuple(cell.strip() for cell in row) for row in rows[1:]]


def test_people_and_offices_agree_with_the_fact_sheet():
    table = _people_table(facts_text())
    for lesson in COURSE.lessons.values():
        for person in lesson.people:
            rows = [r for r in table if r[0] == person.name and person.role.startswith(r[1].split(" (")[0])]
            assert rows, f"{lesson.id}: {person.name} as {person.role} is not in facts.md"
            name, role, start, end = rows[0]
            acting = re.search(r"acting from (\S+)\)", role)
            assert person.from_ in {start, acting.group(1) if acting else start}, (lesson.id, person.name)
            assert person.to == end, (lesson.id, person.name)


def test_no_file_copies_the_article(tmp_path):
    article = ROOT.parent / "shared" / "reference" / "seed-article.txt"
    words = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
    source = words.findall(article.read_text(encoding="utf-8").lower().replace("’", "'"))
    grams = {tuple(source[i : i + 8]) for i in range(len(source) - 7)}
    for path in [*Path(ROOT / "lessons").glob("*.yaml"), *Path(ROOT / "quizzes").glob("*.yaml")]:
        mine = words.findall(path.read_text(encoding="utf-8").lower().replace("’", "'"))
        copied = [" ".join(mine[i : i + 8]) for i in range(len(mine) - 7) if tuple(mine[i : i + 8]) in grams]
        assert copied == [], f"{path.name} copies: {copied[:3]}"
