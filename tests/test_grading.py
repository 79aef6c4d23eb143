"""The graders: every question kind and rule of issue 2's "Grading rules", plus totals."""

from __future__ import annotations

import pytest

from classroom.content.models import (
    ChoiceQuestion,
    DateQuestion,
    MatchQuestion,
    NumberQuestion,
    OrderQuestion,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)
from classroom.errors import InternalError
from classroom.quiz.grading import Graded, grade, grade_quiz, score_total

MODELS = {
    "date": DateQuestion,
    "text": TextQuestion,
    "choice": ChoiceQuestion,
    "true_false": TrueFalseQuestion,
    "order": OrderQuestion,
    "match": MatchQuestion,
    "number": NumberQuestion,
}


def make(kind: str, qid: str = "q", **fields):
    """A question of ``kind`` built the way the loader builds it (strict validation of a mapping)."""
    return MODELS[kind].model_validate({"id": qid, "kind": kind, "ask": "?", **fields})


def date_q(answer: str, **fields):
    return make("date", answer=answer, **fields)


def text_q(*accept: str, **fields):
    return make("text", accept=list(accept), **fields)


def choice_q(options: list[str], correct: list[str], **fields):
    return make("choice", options=options, correct=correct, **fields)


def order_q(items: list[str], **fields):
    return make("order", items=items, **fields)


def number_q(answer: float, **fields):
    return make("number", answer=answer, **fields)


SIX = ["a", "b", "c", "d", "e", "f"]
PAIRS = {
    "Boris Yeltsin": "President of Russia",
    "Javier Solana": "NATO Secretary General",
    "Yevgeny Primakov": "Foreign Minister",
}


# ================================================================ date


@pytest.mark.parametrize(
    ("answer", "response"),
    [
        ("1991", "1991"),
        ("1991-12", "1991-12"),
        ("1991-12", "December 1991"),
        ("1991-12-26", "1991-12-26"),
        ("1991-12-26", "26 December 1991"),
        ("1991-12-26", "Dec 26, 1991"),
    ],
)
def test_date_exact_match_at_the_keys_precision_is_correct(answer, response):
    assert grade(date_q(answer), response) == Graded("q", "date", "dates", "correct", 1, 1, "")


def test_date_integer_response_is_read_as_a_year():
    result = grade(date_q("1991"), 1991)
    assert (result.verdict, result.points) == ("correct", 1)


def test_date_one_day_off_is_wrong_without_tolerance():
    result = grade(date_q("1991-12-26"), "1991-12-25")
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)


def test_date_more_precise_response_is_compared_at_the_keys_year():
    result = grade(date_q("1991"), "26 December 1991")
    assert (result.verdict, result.points) == ("correct", 1)


def test_date_more_precise_response_is_compared_at_the_keys_month():
    result = grade(date_q("1991-12"), "1991-12-08")
    assert (result.verdict, result.points) == ("correct", 1)


def test_date_more_precise_response_in_another_year_is_wrong():
    result = grade(date_q("1991"), "26 December 1992")
    assert (result.verdict, result.points) == ("wrong", 0)


def test_date_year_for_a_day_question_is_wrong_and_names_the_precision():
    result = grade(date_q("1991-12-26"), "1991")
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)
    assert (
        result.feedback
        == "This question asks for a full date (for example 26 December 1991); your answer names a year."
    )


def test_date_month_for_a_day_question_is_wrong_and_names_the_precision():
    result = grade(date_q("1991-12-26"), "December 1991")
    assert (result.verdict, result.points) == ("wrong", 0)
    assert "a full date" in result.feedback


def test_date_year_for_a_month_question_is_wrong_and_names_the_precision():
    result = grade(date_q("1991-12"), "1991")
    assert (result.verdict, result.points) == ("wrong", 0)
    assert result.feedback == (
        "This question asks for a month and a year (for example December 1991); your answer names a year."
    )


def test_date_less_precise_response_earns_nothing_even_with_tolerance():
    result = grade(date_q("1991-12-26", tolerance=400, near=800), "1991")
    assert (result.verdict, result.points) == ("wrong", 0)
    assert "asks for a full date" in result.feedback


def test_date_within_tolerance_earns_full_credit():
    result = grade(date_q("1991", tolerance=1), "1990")
    assert (result.verdict, result.points, result.max) == ("correct", 1, 1)


def test_date_tolerance_is_counted_in_months_for_a_month_key():
    question = date_q("1991-12", tolerance=1)
    assert grade(question, "January 1992").verdict == "correct"
    assert grade(question, "February 1992").verdict == "wrong"


def test_date_tolerance_is_counted_in_days_for_a_day_key():
    question = date_q("1991-12-31", tolerance=2)
    assert grade(question, "2 January 1992").verdict == "correct"
    assert grade(question, "3 January 1992").verdict == "wrong"


def test_date_just_outside_tolerance_without_near_is_wrong():
    result = grade(date_q("1991", tolerance=1), "1993")
    assert (result.verdict, result.points) == ("wrong", 0)


def test_date_within_near_earns_half():
    result = grade(date_q("1991", near=2), "1993")
    assert (result.verdict, result.points, result.max) == ("partial", 0.5, 1)
    assert result.feedback == "Close: within 2 year(s)."


def test_date_near_boundary_is_inclusive_and_one_more_is_wrong():
    question = date_q("1991", tolerance=1, near=2)
    assert grade(question, "1989").verdict == "partial"
    result = grade(question, "1988")
    assert (result.verdict, result.points) == ("wrong", 0)


def test_date_outside_near_is_wrong():
    result = grade(date_q("1991-12-26", near=3), "1991-12-30")
    assert (result.verdict, result.points) == ("wrong", 0)


def test_date_unreadable_text_is_wrong_with_a_helpful_message():
    result = grade(date_q("1991"), "sometime in the nineties")
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)
    assert result.feedback == "“sometime in the nineties” is not a date I can read. Write a year (for example 1991)."


def test_date_unreadable_text_message_names_the_keys_form():
    result = grade(date_q("1991-12-26"), "soon")
    assert "Write a full date (for example 26 December 1991)" in result.feedback


def test_date_known_wrong_answer_gets_its_feedback():
    question = date_q("2004", feedback={"2009": "2009 is when Croatia and Albania joined."})
    result = grade(question, "2009")
    assert (result.verdict, result.points) == ("wrong", 0)
    assert result.feedback == "2009 is when Croatia and Albania joined."


def test_date_known_wrong_answer_matches_a_more_precise_response():
    question = date_q("2004", feedback={"2009": "2009 is when Croatia and Albania joined."})
    assert grade(question, "1 April 2009").feedback == "2009 is when Croatia and Albania joined."


def test_date_known_wrong_feedback_replaces_the_close_message():
    question = date_q("1991", near=1, feedback={"1990": "That is German reunification."})
    result = grade(question, "1990")
    assert (result.verdict, result.points) == ("partial", 0.5)
    assert result.feedback == "That is German reunification."


def test_date_other_wrong_answer_gets_no_feedback():
    question = date_q("2004", feedback={"2009": "2009 is when Croatia and Albania joined."})
    assert grade(question, "1999").feedback == ""


def test_date_default_topic_is_dates():
    assert grade(date_q("1991"), "1991").topic == "dates"


# ================================================================ text


def test_text_exact_answer_is_correct_without_feedback():
    result = grade(text_q("Foreign Minister"), "Foreign Minister")
    assert result == Graded("q", "text", "context", "correct", 1, 1, "")


def test_text_any_accepted_answer_is_correct():
    question = text_q("Foreign Minister", "Minister of Foreign Affairs")
    assert grade(question, "Minister of Foreign Affairs").verdict == "correct"


def test_text_folds_case():
    assert grade(text_q("Riga", typos=0), "rIGA") == Graded("q", "text", "context", "correct", 1, 1, "")


def test_text_folds_accents():
    result = grade(text_q("Wörner", typos=0), "Worner")
    assert (result.verdict, result.points, result.feedback) == ("correct", 1, "")


def test_text_folds_accents_in_the_response_too():
    result = grade(text_q("Worner", typos=0), "WÖRNER")
    assert (result.verdict, result.feedback) == ("correct", "")


def test_text_folds_punctuation_around_words():
    result = grade(text_q("Foreign Minister", typos=0), "  foreign-minister!!  ")
    assert (result.verdict, result.points, result.feedback) == ("correct", 1, "")


def test_text_folds_punctuation_inside_an_abbreviation():
    # Issue 2: compare "after folding ... punctuation"; "USSR" is "U.S.S.R." without its punctuation.
    result = grade(text_q("U.S.S.R."), "USSR")
    assert (result.verdict, result.points) == ("correct", 1)


def test_text_folds_repeated_spaces():
    result = grade(text_q("Foreign Minister", typos=0), "Foreign    \t Minister")
    assert (result.verdict, result.feedback) == ("correct", "")


def test_text_folds_a_leading_the_in_the_response():
    result = grade(text_q("Partnership for Peace", typos=0), "The Partnership for Peace")
    assert (result.verdict, result.feedback) == ("correct", "")


def test_text_folds_a_leading_the_in_the_key():
    result = grade(text_q("The Hague", typos=0), "Hague")
    assert (result.verdict, result.feedback) == ("correct", "")


def test_text_the_inside_the_answer_is_not_dropped():
    result = grade(text_q("Partnership for the Peace", typos=0), "Partnership for Peace")
    assert (result.verdict, result.points) == ("wrong", 0)


def test_text_wrong_answer_is_wrong():
    result = grade(text_q("Foreign Minister"), "Defence Minister")
    assert result == Graded("q", "text", "context", "wrong", 0, 1, "")


def test_text_four_letters_allow_no_typo():
    result = grade(text_q("Riga"), "Rika")
    assert (result.verdict, result.points) == ("wrong", 0)


def test_text_five_letters_allow_one_typo():
    result = grade(text_q("Paris"), "Parys")
    assert (result.verdict, result.points) == ("correct", 1)
    assert result.feedback == "Accepted, allowing for spelling: 'Paris'."


def test_text_five_letters_do_not_allow_two_typos():
    assert grade(text_q("Paris"), "Pyrys").verdict == "wrong"


def test_text_eight_letters_allow_one_typo():
    assert grade(text_q("Primakov"), "Primakow").verdict == "correct"


def test_text_eight_letters_do_not_allow_two_typos():
    result = grade(text_q("Primakov"), "Prinakow")
    assert (result.verdict, result.points) == ("wrong", 0)


def test_text_nine_letters_allow_two_typos():
    result = grade(text_q("Gorbachev"), "Garbachov")
    assert (result.verdict, result.points) == ("correct", 1)
    assert result.feedback == "Accepted, allowing for spelling: 'Gorbachev'."


def test_text_nine_letters_do_not_allow_three_typos():
    result = grade(text_q("Gorbachev"), "Garbichov")
    assert (result.verdict, result.points) == ("wrong", 0)


def test_text_typo_budget_counts_letters_not_spaces():
    # "Ed Mo" has 4 letters (budget 0) although it is 5 characters long.
    assert grade(text_q("Ed Mo"), "Ed Ma").verdict == "wrong"


def test_text_explicit_typos_widen_the_budget():
    assert grade(text_q("Riga", typos=1), "Rika").verdict == "correct"


def test_text_explicit_typos_narrow_the_budget():
    assert grade(text_q("Gorbachev", typos=0), "Gorbachov").verdict == "wrong"


def test_text_explicit_typos_is_an_upper_bound():
    question = text_q("Gorbachev", typos=3)
    assert grade(question, "Garbichov").verdict == "correct"
    assert grade(question, "Garbichuw").verdict == "wrong"


def test_text_known_wrong_answer_gets_its_feedback():
    question = text_q(
        "Foreign Minister",
        "Minister of Foreign Affairs",
        feedback={"Prime Minister": "That came later, from September 1998."},
    )
    result = grade(question, "Prime Minister")
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)
    assert result.feedback.startswith("That came later")


def test_text_known_wrong_answer_is_folded_too():
    question = text_q("Foreign Minister", feedback={"Prime Minister": "That came later, from September 1998."})
    assert grade(question, "the prime-minister").feedback == "That came later, from September 1998."


def test_text_known_wrong_answer_within_the_typo_budget_of_the_key_is_still_wrong():
    # "Russia" is one edit from "Prussia" (7 letters, budget 1), but the teacher listed it as wrong.
    question = text_q("Prussia", feedback={"Russia": "Russia is another country."})
    result = grade(question, "Russia")
    assert (result.verdict, result.points) == ("wrong", 0)
    assert result.feedback == "Russia is another country."


def test_text_known_wrong_answer_with_a_typo_gets_its_feedback():
    question = text_q("Foreign Minister", feedback={"Prime Minister": "That came later, from September 1998."})
    result = grade(question, "Prime Ministr")
    assert (result.verdict, result.feedback) == ("wrong", "That came later, from September 1998.")


# ================================================================ choice

NATO_2004 = ["Estonia", "Croatia", "Poland", "Finland"]


def test_choice_single_correct_string_response():
    result = grade(choice_q(NATO_2004, ["Estonia"]), "Estonia")
    assert result == Graded("q", "choice", "context", "correct", 1, 1, "")


def test_choice_single_correct_one_element_list():
    result = grade(choice_q(NATO_2004, ["Estonia"]), ["Estonia"])
    assert (result.verdict, result.points) == ("correct", 1)


def test_choice_single_wrong_pick_is_wrong():
    result = grade(choice_q(NATO_2004, ["Estonia"]), "Poland")
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)


def test_choice_single_picking_two_is_wrong():
    result = grade(choice_q(NATO_2004, ["Estonia"]), ["Estonia", "Poland"])
    assert (result.verdict, result.points) == ("wrong", 0)


def test_choice_wrong_pick_gets_its_option_feedback():
    question = choice_q(NATO_2004, ["Estonia"], feedback={"Croatia": "Croatia joined in 2009."})
    result = grade(question, "Croatia")
    assert (result.verdict, result.points) == ("wrong", 0)
    assert result.feedback == "Croatia joined in 2009."


def test_choice_several_all_right_picks_is_correct():
    result = grade(choice_q(["A", "B", "C", "D"], ["A", "B"]), ["B", "A"])
    assert (result.verdict, result.points) == ("correct", 1)


def test_choice_several_one_of_two_right_is_half():
    result = grade(choice_q(["A", "B", "C", "D"], ["A", "B"]), ["A"])
    assert (result.verdict, result.points, result.max) == ("partial", 0.5, 1)


def test_choice_several_a_wrong_pick_cancels_a_right_one():
    result = grade(choice_q(["A", "B", "C", "D"], ["A", "B"]), ["A", "C"])
    assert (result.verdict, result.points) == ("wrong", 0)


def test_choice_several_all_right_plus_one_wrong():
    result = grade(choice_q(["A", "B", "C", "D"], ["A", "B"]), ["A", "B", "C"])
    assert (result.verdict, result.points) == ("partial", 0.5)


def test_choice_several_never_goes_below_zero():
    result = grade(choice_q(["A", "B", "C", "D"], ["A", "B"]), ["C", "D"])
    assert (result.verdict, result.points) == ("wrong", 0)


def test_choice_several_thirds():
    result = grade(choice_q(["A", "B", "C", "D"], ["A", "B", "C"]), ["A", "B"])
    assert (result.verdict, result.points) == ("partial", round(2 / 3, 4))


def test_choice_several_picking_everything_is_not_full_marks():
    result = grade(choice_q(["A", "B", "C", "D"], ["A", "B", "C"]), ["A", "B", "C", "D"])
    assert (result.verdict, result.points) == ("partial", round(2 / 3, 4))


def test_choice_several_repeated_pick_counts_once():
    result = grade(choice_q(["A", "B", "C", "D"], ["A", "B"]), ["A", "A"])
    assert (result.verdict, result.points) == ("partial", 0.5)


def test_choice_several_wrong_pick_gets_its_option_feedback():
    question = choice_q(NATO_2004, ["Estonia", "Poland"], feedback={"Croatia": "Croatia joined in 2009."})
    result = grade(question, ["Estonia", "Croatia"])
    assert (result.verdict, result.points) == ("wrong", 0)
    assert result.feedback == "Croatia joined in 2009."


# ================================================================ true_false


def tf_q(answer: bool, **fields):
    return make("true_false", answer=answer, **fields)


def test_true_false_bool_right():
    assert grade(tf_q(False), False) == Graded("q", "true_false", "context", "correct", 1, 1, "")


def test_true_false_bool_wrong():
    result = grade(tf_q(False), True)
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)


@pytest.mark.parametrize("response", ["false", "False", " FALSE ", "no"])
def test_true_false_false_strings(response):
    assert grade(tf_q(False), response).verdict == "correct"
    assert grade(tf_q(True), response).verdict == "wrong"


@pytest.mark.parametrize("response", ["true", "True", " TRUE", "yes"])
def test_true_false_true_strings(response):
    assert grade(tf_q(True), response).verdict == "correct"
    assert grade(tf_q(False), response).verdict == "wrong"


def test_true_false_other_text_is_wrong_with_a_message():
    result = grade(tf_q(True), "maybe")
    assert (result.verdict, result.points) == ("wrong", 0)
    assert result.feedback == "Answer true or false."


def test_true_false_feedback_for_the_answer_given():
    question = tf_q(False, feedback={"true": "The Founding Act gave Russia a voice, not a veto."})
    assert grade(question, True).feedback == "The Founding Act gave Russia a voice, not a veto."
    assert grade(question, "true").feedback == "The Founding Act gave Russia a voice, not a veto."
    assert grade(question, False).feedback == ""


# ================================================================ order


def test_order_right_order_is_correct():
    result = grade(order_q(SIX), list(SIX))
    assert result == Graded("q", "order", "dates", "correct", 1, 1, "")


def test_order_one_item_moved_scores_five_sixths():
    result = grade(order_q(SIX), ["a", "c", "d", "b", "e", "f"])
    assert (result.verdict, result.points, result.max) == ("partial", round(5 / 6, 4), 1)
    assert result.feedback == "5 of 6 items are in the right order relative to each other."


def test_order_one_item_moved_on_a_six_point_question_scores_five():
    result = grade(order_q(SIX, points=6), ["f", "a", "b", "c", "d", "e"])
    assert (result.verdict, result.points, result.max) == ("partial", 5, 6)


def test_order_reversed_keeps_one_item():
    result = grade(order_q(["a", "b", "c"], points=3), ["c", "b", "a"])
    assert (result.verdict, result.points, result.max) == ("partial", 1, 3)


def test_order_longest_increasing_subsequence_not_adjacent_pairs():
    # b, a, d, c, f, e: best in-order subsequence has 3 items (e.g. a, c, e).
    result = grade(order_q(SIX, points=6), ["b", "a", "d", "c", "f", "e"])
    assert (result.verdict, result.points) == ("partial", 3)


def test_order_two_halves_swapped_keep_three_of_six():
    # d, e, f, a, b, c: only one half can stay in order, although five of six neighbours are ascending.
    result = grade(order_q(SIX, points=6), ["d", "e", "f", "a", "b", "c"])
    assert (result.verdict, result.points) == ("partial", 3)
    assert result.feedback == "3 of 6 items are in the right order relative to each other."


def test_order_exact_scoring_right_order_is_correct():
    result = grade(order_q(SIX, scoring="exact"), list(SIX))
    assert (result.verdict, result.points) == ("correct", 1)


def test_order_exact_scoring_is_all_or_nothing():
    result = grade(order_q(SIX, scoring="exact"), ["a", "c", "d", "b", "e", "f"])
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)


def test_order_exact_scoring_missing_item_is_wrong():
    assert grade(order_q(SIX, scoring="exact"), SIX[:-1]).verdict == "wrong"


def test_order_unknown_items_are_ignored():
    result = grade(order_q(["a", "b", "c"]), ["x", "a", "y", "b", "c", "z"])
    assert (result.verdict, result.points) == ("correct", 1)


def test_order_unknown_items_are_ignored_in_exact_scoring():
    assert grade(order_q(["a", "b", "c"], scoring="exact"), ["a", "x", "b", "c"]).verdict == "correct"


def test_order_missing_items_count_against_the_score():
    result = grade(order_q(["a", "b", "c", "d"], points=4), ["a", "b"])
    assert (result.verdict, result.points) == ("partial", 2)


# ================================================================ match


def match_q(pairs: dict[str, str], **fields):
    return make("match", pairs=pairs, **fields)


def test_match_all_pairs_right_is_correct():
    result = grade(match_q(PAIRS), dict(PAIRS))
    assert result == Graded("q", "match", "roles", "correct", 1, 1, "")


def test_match_two_of_three_pairs():
    response = {**PAIRS, "Yevgeny Primakov": "President of Russia"}
    result = grade(match_q(PAIRS, points=3), response)
    assert (result.verdict, result.points, result.max) == ("partial", 2, 3)
    assert result.feedback == "2 of 3 pairs are right."


def test_match_missing_pairs_count_as_wrong():
    result = grade(match_q(PAIRS, points=3), {"Boris Yeltsin": "President of Russia"})
    assert (result.verdict, result.points) == ("partial", 1)


def test_match_no_pair_right_is_wrong():
    response = {"Boris Yeltsin": "Foreign Minister", "Javier Solana": "President of Russia"}
    result = grade(match_q(PAIRS), response)
    assert (result.verdict, result.points) == ("wrong", 0)
    assert result.feedback == "0 of 3 pairs are right."


@pytest.mark.parametrize("response", ["President of Russia", ["President of Russia"], 3])
def test_match_non_mapping_response_is_wrong(response):
    result = grade(match_q(PAIRS), response)
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)
    assert result.feedback == "Pick a match for each item."


# ================================================================ number


def test_number_exact_is_correct():
    assert grade(number_q(3), 3) == Graded("q", "number", "context", "correct", 1, 1, "")


def test_number_float_response_is_correct():
    assert grade(number_q(3), 3.0).verdict == "correct"


@pytest.mark.parametrize("response", ["3", " 3 ", "3.0"])
def test_number_text_response_is_read(response):
    result = grade(number_q(3), response)
    assert (result.verdict, result.points) == ("correct", 1)


def test_number_thousands_separator_is_read():
    assert grade(number_q(1000), "1,000").verdict == "correct"


def test_number_off_by_one_without_tolerance_is_wrong():
    result = grade(number_q(3), 4)
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)


def test_number_within_tolerance_is_full_credit():
    question = number_q(1000, tolerance=50)
    assert grade(question, 1050).verdict == "correct"
    assert grade(question, "950").verdict == "correct"


def test_number_within_near_is_half():
    result = grade(number_q(1000, tolerance=50, near=100), 1090)
    assert (result.verdict, result.points, result.max) == ("partial", 0.5, 1)
    assert result.feedback == "Close, but not exact."


def test_number_outside_near_is_wrong():
    result = grade(number_q(1000, tolerance=50, near=100), 899)
    assert (result.verdict, result.points) == ("wrong", 0)


def test_number_non_number_text_is_wrong_with_a_message():
    result = grade(number_q(3), "three")
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)
    assert result.feedback == (
        "“three” is not a number I can read. Write the number in digits, for example 12, 1,000 or 3.5."
    )


def test_number_known_wrong_answer_gets_its_feedback():
    result = grade(number_q(3, feedback={"10": "Ten joined in 2004."}), "10")
    assert (result.verdict, result.feedback) == ("wrong", "Ten joined in 2004.")


def test_number_integer_too_large_for_a_float_is_wrong_not_an_error():
    # A responses file line such as "members: 1000…000" (400 digits) reaches grade() as a Python int.
    result = grade(number_q(3), 10**400)
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 1)


# ================================================================ blank

QUESTIONS = {
    "date": lambda: date_q("1991"),
    "text": lambda: text_q("Foreign Minister"),
    "choice": lambda: choice_q(NATO_2004, ["Estonia"]),
    "true_false": lambda: tf_q(False),
    "order": lambda: order_q(["a", "b"]),
    "match": lambda: match_q(PAIRS),
    "number": lambda: number_q(3),
}


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
@pytest.mark.parametrize("response", [None, "", "   ", [], {}], ids=["None", "empty", "spaces", "list", "dict"])
def test_blank_response_is_blank_and_scores_zero(kind, response):
    question = QUESTIONS[kind]()
    result = grade(question, response)
    assert (result.verdict, result.points, result.max) == ("blank", 0, 1)
    assert result.feedback == "No answer was given."


def test_blank_keeps_the_questions_max_points():
    result = grade(date_q("1991", points=4), None)
    assert (result.verdict, result.points, result.max) == ("blank", 0, 4)


@pytest.mark.parametrize("response", [0, 0.0, "0"])
def test_zero_is_an_answer_not_a_blank(response):
    assert grade(number_q(0), response).verdict == "correct"


def test_false_is_an_answer_not_a_blank():
    assert grade(tf_q(False), False).verdict == "correct"


# ================================================================ points


def test_points_partial_choice_on_a_four_point_question():
    result = grade(choice_q(["A", "B", "C"], ["A", "B"], points=4), ["A"])
    assert (result.verdict, result.points, result.max) == ("partial", 2, 4)


def test_points_near_date_on_a_four_point_question():
    result = grade(date_q("1991", near=1, points=4), "1992")
    assert (result.verdict, result.points, result.max) == ("partial", 2, 4)


def test_points_correct_on_a_four_point_question():
    result = grade(text_q("Solana", points=4), "Solana")
    assert (result.verdict, result.points, result.max) == ("correct", 4, 4)


def test_points_wrong_on_a_four_point_question():
    result = grade(text_q("Solana", points=4), "Kohl")
    assert (result.verdict, result.points, result.max) == ("wrong", 0, 4)


# ================================================================ score_total


def quiz(*questions, **fields):
    return Quiz.model_validate(
        {
            "id": "mini",
            "title": "Mini",
            "lessons": ["after-1991"],
            "questions": [q.model_dump(by_alias=True) for q in questions],
            **fields,
        }
    )


def record(qid: str, points: float, most: float = 1, topic: str = "context") -> Graded:
    verdict = "correct" if points == most else "partial" if points else "wrong"
    return Graded(qid, "text", topic, verdict, points, most)


FIVE = quiz(*(text_q("Solana", qid=f"q{i}") for i in range(5)), pass_mark=60)


def test_score_total_sums_points_and_max():
    total = score_total(FIVE, [record("q0", 1), record("q1", 0.5), record("q2", 0, 2)])
    assert (total.quiz, total.score, total.max) == ("mini", 1.5, 4)


def test_score_total_percent():
    total = score_total(FIVE, [record("q0", 1), record("q1", 0.5), record("q2", 0, 2)])
    assert total.percent == 37.5


def test_score_total_percent_is_rounded_to_one_decimal():
    total = score_total(FIVE, [record("q0", 1), record("q1", 0), record("q2", 0)])
    assert total.percent == 33.3


def test_score_total_exactly_the_pass_mark_passes():
    records = [record(f"q{i}", 1 if i < 3 else 0) for i in range(5)]
    total = score_total(FIVE, records)
    assert (total.percent, total.passed) == (60.0, True)


def test_score_total_below_the_pass_mark_fails():
    records = [record("q0", 1), record("q1", 1), record("q2", 0.5), record("q3", 0), record("q4", 0)]
    total = score_total(FIVE, records)
    assert (total.percent, total.passed) == (50.0, False)


def test_score_total_zero_pass_mark_passes_with_nothing():
    total = score_total(quiz(text_q("Solana"), pass_mark=0), [record("q", 0)])
    assert (total.score, total.percent, total.passed) == (0, 0.0, True)


def test_score_total_by_topic():
    records = [
        record("q0", 1, topic="dates"),
        record("q1", 0.5, topic="dates"),
        record("q2", 2, 4, topic="roles"),
        record("q3", 0, topic="context"),
    ]
    total = score_total(FIVE, records)
    assert total.by_topic == {
        "dates": {"score": 1.5, "max": 2.0},
        "roles": {"score": 2.0, "max": 4.0},
        "context": {"score": 0.0, "max": 1.0},
    }


def test_score_total_keeps_the_records():
    records = [record("q0", 1), record("q1", 0)]
    assert score_total(FIVE, records).questions == tuple(records)


def test_score_total_rejects_more_points_than_max():
    with pytest.raises(InternalError, match="q1"):
        score_total(FIVE, [record("q0", 1), Graded("q1", "text", "context", "correct", 2, 1)])


def test_score_total_rejects_negative_points():
    with pytest.raises(InternalError, match="q1"):
        score_total(FIVE, [record("q0", 1), Graded("q1", "text", "context", "wrong", -0.5, 1)])


def test_score_total_as_dict_has_the_report_fields():
    report = score_total(FIVE, [record("q0", 1)]).as_dict()
    assert set(report) == {"quiz", "score", "max", "percent", "passed", "by_topic", "questions"}
    assert set(report["questions"][0]) == {"id", "kind", "topic", "verdict", "points", "max", "feedback"}


# ================================================================ grade_quiz


MIXED = quiz(
    date_q("1991", qid="ussr-end"),
    text_q("Foreign Minister", qid="primakov-office"),
    match_q(PAIRS, qid="who-was-who", points=3),
    pass_mark=50,
)


def test_grade_quiz_grades_every_question_in_order():
    result = grade_quiz(MIXED, {"ussr-end": "1991", "primakov-office": "Foreign Minister", "who-was-who": PAIRS})
    assert [g.id for g in result.questions] == ["ussr-end", "primakov-office", "who-was-who"]
    assert (result.score, result.max, result.percent, result.passed) == (5, 5, 100.0, True)


def test_grade_quiz_unanswered_questions_are_blank():
    result = grade_quiz(MIXED, {"ussr-end": "1991"})
    assert [g.verdict for g in result.questions] == ["correct", "blank", "blank"]
    assert (result.score, result.max, result.percent, result.passed) == (1, 5, 20.0, False)


def test_grade_quiz_by_topic_uses_default_topics():
    result = grade_quiz(MIXED, {"ussr-end": "1991", "who-was-who": PAIRS})
    assert result.by_topic == {
        "dates": {"score": 1.0, "max": 1.0},
        "roles": {"score": 3.0, "max": 3.0},
        "context": {"score": 0.0, "max": 1.0},
    }


def test_grade_quiz_with_draw_grades_only_answered_questions():
    drawn = quiz(*MIXED.questions, draw=2)
    result = grade_quiz(drawn, {"ussr-end": "1990", "primakov-office": "Foreign Minister"})
    assert [(g.id, g.verdict) for g in result.questions] == [("ussr-end", "wrong"), ("primakov-office", "correct")]
    assert (result.score, result.max, result.percent) == (1, 2, 50.0)


def test_grade_quiz_with_draw_grades_a_drawn_question_left_blank():
    drawn = quiz(*MIXED.questions, draw=2)
    result = grade_quiz(drawn, {"ussr-end": "1991", "who-was-who": None})
    assert [(g.id, g.verdict) for g in result.questions] == [("ussr-end", "correct"), ("who-was-who", "blank")]
    assert (result.score, result.max) == (1, 4)


def test_grade_quiz_asked_selects_questions():
    result = grade_quiz(MIXED, {"primakov-office": "Foreign Minister"}, asked=["primakov-office"])
    assert [g.id for g in result.questions] == ["primakov-office"]
    assert (result.score, result.max) == (1, 1)


def test_grade_quiz_unknown_asked_question_raises():
    with pytest.raises(KeyError, match="nope"):
        grade_quiz(MIXED, {}, asked=["nope"])


@pytest.mark.parametrize(
    ("response", "verdict"),
    [("1,000", "correct"), ("1000", "correct"), ("1 000", "correct"), ("999,5", "wrong"), (True, "wrong")],
)
def test_number_reads_thousands_separators_and_decimal_commas(response, verdict):
    assert grade(number_q(1000), response).verdict == verdict


def test_number_decimal_comma_is_a_decimal_point():
    assert grade(number_q(3.5), "3,5").verdict == "correct"


@pytest.mark.parametrize("response", [["false"], {"a": 1}, 1])
def test_true_false_needs_true_or_false_not_other_values(response):
    graded = grade(make("true_false", answer=True), response)
    assert (graded.verdict, graded.feedback) == ("wrong", "Answer true or false.")
