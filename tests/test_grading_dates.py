"""Grading date questions across the BC/AD boundary: circa, decades, centuries, dual dates, era words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from classroom.content.dates import parse_date, spoken
from classroom.content.models import DateQuestion
from classroom.quiz.attempts import describe_key
from classroom.quiz.grading import grade


def date_q(answer: str, **fields) -> DateQuestion:
    return DateQuestion.model_validate({"id": "q", "kind": "date", "ask": "?", "answer": answer, **fields})


def verdict(question: DateQuestion, response: str) -> tuple[str, float]:
    result = grade(question, response)
    return result.verdict, result.points


@pytest.mark.parametrize("response", ["44 BC", "44 B.C.", "BC 44", "44bc", "44 BCE", "-0043", "c. 44 BC"])
def test_a_bc_year_in_any_usual_form_is_right(response):
    assert verdict(date_q("44 BC"), response) == ("correct", 1)


def test_the_same_number_in_the_other_era_is_wrong():
    assert verdict(date_q("44 BC"), "AD 44") == ("wrong", 0)
    assert verdict(date_q("44 BC"), "44") == ("wrong", 0)


def test_tolerance_across_the_boundary_counts_no_year_zero():
    question = date_q("1 BC", tolerance=1)
    assert verdict(question, "AD 1") == ("correct", 1)
    assert verdict(question, "AD 2") == ("wrong", 0)
    assert verdict(date_q("2 BC", near=2), "AD 1") == ("partial", 0.5)


def test_a_circa_key_allows_ten_years_either_side_by_default():
    question = date_q("c. 1200")
    assert verdict(question, "1210") == ("correct", 1)
    assert verdict(question, "1189") == ("wrong", 0)
    assert verdict(question, "c. 1195") == ("correct", 1)


def test_a_circa_keys_tolerance_can_be_set():
    assert verdict(date_q("c. 500 BC", tolerance=25), "476 BC") == ("correct", 1)
    assert verdict(date_q("c. 500 BC", tolerance=0), "499 BC") == ("wrong", 0)
    assert verdict(date_q("c. 500 BC", tolerance=5, near=30), "475 BC") == ("partial", 0.5)


def test_near_below_a_circa_keys_default_tolerance_is_refused():
    with pytest.raises(ValidationError, match=r"'near' \(5\) must be at least 'tolerance' \(10\)"):
        date_q("c. 1200", near=5)


def test_a_century_key_accepts_the_century_or_any_year_in_it():
    question = date_q("3rd century BC")
    assert verdict(question, "3rd c. BC") == ("correct", 1)
    assert verdict(question, "third century BC") == ("correct", 1)
    assert verdict(question, "218 BC") == ("correct", 1)
    assert verdict(question, "the 210s BC") == ("correct", 1)
    assert verdict(question, "200 BC") == ("wrong", 0)  # the 2nd century BC
    assert verdict(question, "3rd century") == ("wrong", 0)  # AD


def test_a_decade_key_accepts_the_decade_or_a_year_in_it():
    question = date_q("1960s", near=1)
    assert verdict(question, "the 1960s") == ("correct", 1)
    assert verdict(question, "1968") == ("correct", 1)
    assert verdict(question, "1971") == ("partial", 0.5)
    assert verdict(question, "1985") == ("wrong", 0)


def test_a_century_answer_to_a_year_question_is_a_wrong_precision_said_so():
    result = grade(date_q("1204"), "13th century")
    assert (result.verdict, result.points) == ("wrong", 0)
    assert result.feedback == "This question asks for a year (for example 1991); your answer names a century."


def test_a_decade_answer_to_a_year_question_is_a_wrong_precision():
    result = grade(date_q("1969"), "the 1960s")
    assert result.feedback.endswith("your answer names a decade.")


def test_a_year_answer_to_a_day_question_names_the_precision():
    result = grade(date_q("15 March 44 BC"), "44 BC")
    assert result.verdict == "wrong"
    assert result.feedback.startswith("This question asks for a full date")


def test_a_bc_day_is_graded_in_days_across_months():
    question = date_q("15 March 44 BC", tolerance=20)
    assert verdict(question, "1 March 44 BC") == ("correct", 1)
    assert verdict(question, "15 March 43 BC") == ("wrong", 0)


def test_a_dual_date_accepts_either_day_and_names_both():
    question = date_q("1917-10-25 O.S. = 1917-11-07 N.S.")
    for response in ("25 October 1917", "7 November 1917", "1917-11-07", "25 October 1917 O.S."):
        result = grade(question, response)
        assert (result.verdict, result.points) == ("correct", 1), response
        assert result.feedback == ("Both are right: 25 October 1917 (Old Style) = 7 November 1917 (New Style).")
    assert verdict(question, "26 October 1917") == ("wrong", 0)
    assert describe_key(question) == "25 October 1917 (Old Style) = 7 November 1917 (New Style)"


def test_a_dual_date_with_tolerance_measures_from_the_nearer_side():
    question = date_q("1917-10-25 O.S. = 1917-11-07 N.S.", tolerance=1)
    assert verdict(question, "26 October 1917") == ("correct", 1)
    assert verdict(question, "8 November 1917") == ("correct", 1)


def test_feedback_keys_may_use_every_form():
    question = date_q(
        "44 BC", feedback={"AD 44": "That is 44 after Christ, not before.", "the 1st century BC": "Which year?"}
    )
    assert grade(question, "44").feedback == "That is 44 after Christ, not before."
    assert grade(question, "the 1st century BC").feedback.endswith("your answer names a century.")


def test_the_key_is_shown_in_the_courses_era_words(tmp_path, monkeypatch):
    monkeypatch.setenv("CLASSROOM_CONTENT", str(tmp_path))
    question = date_q("44 BC")
    assert describe_key(question) == "44 BC"
    (tmp_path / "course.yaml").write_text("era: BCE/CE\n", encoding="utf-8")
    assert describe_key(question) == "44 BCE"
    assert describe_key(date_q("476")) == "476 CE"


def test_an_unreadable_answer_names_the_keys_form():
    result = grade(date_q("3rd century BC"), "a long time ago")
    assert result.feedback == (
        "“a long time ago” is not a date I can read. Write a century (for example the 3rd century BC)."
    )


@given(st.integers(-2999, 2025).filter(lambda y: y != 0), st.integers(0, 30), st.sampled_from(["BC/AD", "BCE/CE"]))
def test_a_year_within_tolerance_is_right_in_either_era_words(year, tolerance, era):
    """Spoken answers in either convention grade like the numbers they stand for."""
    key = parse_date(f"-{-year:04d}" if year < 0 else f"{year:04d}")
    question = date_q(key.iso(), tolerance=tolerance)
    for step in (-tolerance, tolerance, tolerance + 1):
        answer = parse_date(key.iso())
        moved = type(answer)(answer.year + step)
        if not -9998 <= moved.year <= 9999:
            continue
        expected = "correct" if abs(step) <= tolerance else "wrong"
        assert grade(question, spoken(moved, era)).verdict == expected
