"""The draft-review model (classroom/ingest/review.py), without a screen: edits, highlights, saving."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from classroom.content.library import Library
from classroom.content.load import load_course, load_file
from classroom.content.models import Quiz
from classroom.ingest import draft_course, read_article_file
from classroom.ingest.review import (
    ACCEPT,
    KEEP,
    REJECT,
    answer_expected,
    answer_spans,
    bolded,
    check_quiz,
    counts,
    edited_question,
    evidence,
    kept_questions,
    review_of_course,
    save_unit,
)
from support import TESTDATA

ARTICLE = TESTDATA / "ingest" / "suez-brief.txt"


@pytest.fixture(scope="module")
def every_kind() -> Quiz:
    return load_course([TESTDATA / "course" / "lessons", TESTDATA / "course" / "quizzes"]).quizzes["every-kind"]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    shutil.copytree(TESTDATA / "course", tmp_path / "course")
    return Library(tmp_path / "course")


@pytest.fixture
def review():
    text, fmt = read_article_file(ARTICLE)
    return review_of_course(draft_course(text, ARTICLE.name, "suez", fmt), number=1)


def test_each_kind_says_what_its_answer_looks_like_in_a_passage(every_kind):
    passage = "The alliance was founded in 1949 with twelve members; Javier Solana later led it."
    marked = {
        question.id: bolded(passage, answer_spans(question, passage))
        for question in every_kind.questions
        if question.id in ("founded", "secgen", "veto")
    }
    assert marked["founded"] == "The alliance was founded in **1949** with twelve members; Javier Solana later led it."
    assert marked["secgen"].endswith("; **Javier Solana** later led it.")  # "Solana" inside it: one span
    assert marked["veto"] == passage  # a true-or-false statement has no answer words to find
    expected = {q.id: answer_expected(q) for q in every_kind.questions}
    assert expected["founded"] and expected["secgen"] and not expected["veto"] and not expected["offices"]


def test_the_evidence_of_an_answer_in_a_list_item_is_that_item_alone(every_kind):
    founded = next(q for q in every_kind.questions if q.id == "founded")
    passage = "The members voted as follows:\n\n- The alliance was founded in 1949\n- Javier Solana later led it."
    found = evidence(founded, passage)
    assert found is not None and found.sentence == "The alliance was founded in 1949"
    assert [found.sentence[a:b] for a, b in found.spans] == ["1949"]


def test_an_accepted_edit_becomes_ready_and_a_bad_one_is_explained_per_field(review):
    unit = review.units[0]
    question = next(q for q in unit.drafts() if q.kind == "date")
    accepted = edited_question(question, ACCEPT, "  When did it happen?  ", {"answer": "1956"})
    assert accepted.errors == {} and accepted.edited is not None
    assert (accepted.edited.status, accepted.edited.ask) == ("ready", "When did it happen?")
    broken = edited_question(question, KEEP, "", {"answer": "soon"})
    assert broken.edited is None
    assert broken.errors == {
        "ask": ["The question is empty: write what students are asked."],
        "answer": [
            "“soon” is not a date. Write a year (1956), a month and a year (July 1956) or a full date (26 July 1956)."
        ],
    }
    rejected = edited_question(question, REJECT, "", {"answer": "soon"})
    assert (rejected.edited, rejected.errors) == (None, {})  # nothing to check in a question that is dropped


def test_kept_questions_drop_the_rejected_and_keep_the_edits(review):
    unit = review.units[0]
    drafts = unit.drafts()
    outcomes = [edited_question(drafts[0], REJECT, drafts[0].ask, {})]
    outcomes += [edited_question(q, ACCEPT, q.ask, {}) for q in drafts[1:]]
    kept = kept_questions(unit, outcomes)
    assert [q.id for q in kept] == [q.id for q in drafts[1:]] and {q.status for q in kept} == {"ready"}
    assert counts(outcomes) == {"accepted": len(drafts) - 1, "rejected": 1, "drafts": 0}
    _, errors = check_quiz(unit.quiz, "   ", kept)
    assert errors == {"title": ["Give the quiz a title."]}


def test_saving_writes_a_lesson_and_its_quiz_that_load_cleanly(review, library):
    unit = review.units[0]
    outcomes = [edited_question(q, ACCEPT, q.ask, {}) for q in unit.drafts()]
    quiz, errors = check_quiz(unit.quiz, "Suez, part one", kept_questions(unit, outcomes))
    assert errors == {} and quiz is not None
    saved = save_unit(library, unit, quiz, counts(outcomes))
    assert saved.ok and saved.problems == () and unit.saves == 1
    assert saved.lines[0] == f"Wrote `{unit.lesson_file}`." and saved.lines[1] == f"Wrote `{unit.quiz_file}`."
    for relative in unit.targets():
        assert load_file(library.root / relative).problems == []
    course = library.course()
    assert unit.lesson.id in course.lessons and {q.status for q in course.quizzes[quiz.id].questions} == {"ready"}


def test_nothing_is_saved_when_the_quiz_cites_another_lesson(review, library):
    unit = review.units[0]
    question = unit.drafts()[0]
    moved = edited_question(question, ACCEPT, question.ask, {"source": "alliance#p1"})
    assert moved.errors == {}
    quiz, _ = check_quiz(unit.quiz, "Suez", kept_questions(unit, [moved]))
    saved = save_unit(library, unit, quiz, counts([moved]))
    assert not saved.ok and saved.lines == ("Nothing was saved: the files would have 1 problem.",)
    assert [p.message for p in saved.problems] == [
        f"question {question.id} cites alliance#p1, not a passage of this lesson"
    ]
    assert not library.exists(unit.lesson_file) and unit.saves == 0
