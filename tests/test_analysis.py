"""Class summaries and item analysis against values worked out by hand on a small fixed class.

The class: five finished attempts (A-E) and one still in progress (F) at a
quiz of four questions, 5 points in all.

    question  kind        topic     max   A        B        C          D        E
    q1        date        dates     1     1        1        1          1        1        everyone right
    q2        text        roles     2     2        2        1 partial  0 wrong  0 blank
    q3        true_false  outcomes  1     0 wrong  0 wrong  0 blank    1        0 wrong  key looks wrong
    q4        order       dates     1     1        1        0 wrong    0 wrong  0 blank
    total                           5     4 (80%)  4 (80%)  2 (40%)    2 (40%)  1 (20%)
"""

from __future__ import annotations

import datetime as dt

import pytest

from classroom.limits import MAX_ANALYSED_ANSWER_CHARS
from classroom.results.analysis import (
    FLAG_NEGATIVE,
    FLAG_TOO_EASY,
    FLAG_TOO_HARD,
    FORMULAS,
    NEGATIVE_DISCRIMINATION_BELOW,
    TOO_EASY_ABOVE,
    TOO_HARD_BELOW,
    DayProgress,
    ScoreBin,
    TopicScore,
    WrongAnswer,
    item_analysis,
    progress_over_time,
    quiz_summary,
    score_distribution,
    topic_scores,
)

QUIZ = "fall-of-the-ussr"


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def attempt(attempt_id, student_id, finished, percent, passed, kiosk=None):
    return {
        "attempt_id": attempt_id,
        "quiz_id": QUIZ,
        "student_id": student_id,
        "class_id": 1,
        "kiosk": kiosk,
        "started_at": at("2026-11-24T09:00:00"),
        "finished_at": at(finished) if finished else None,
        "score": None if percent is None else 5 * percent / 100,
        "max": None if percent is None else 5.0,
        "percent": percent,
        "passed": passed,
        "student": f"student {student_id}" if student_id else "(anonymous)",
    }


ATTEMPTS = [
    attempt("A", 1, "2026-11-24T09:20:00", 80.0, True),
    attempt("B", 2, "2026-11-25T10:15:00", 80.0, True),
    attempt("C", 3, "2026-11-25T11:00:00", 40.0, False),
    attempt("D", 4, "2026-11-26T08:30:00", 40.0, False),
    attempt("E", None, "2026-11-26T23:30:00", 20.0, False, kiosk="kiosk-1"),
    attempt("F", 3, None, None, None),  # C's second try, still in progress
]

QUESTIONS = {  # id: (kind, topic, max)
    "q1": ("date", "dates", 1.0),
    "q2": ("text", "roles", 2.0),
    "q3": ("true_false", "outcomes", 1.0),
    "q4": ("order", "dates", 1.0),
}


def answer(attempt_id, question_id, response, verdict, points, quiz_id=QUIZ):
    kind, topic, most = QUESTIONS.get(question_id, ("text", "context", 1.0))
    return {
        "attempt_id": attempt_id,
        "question_id": question_id,
        "kind": kind,
        "topic": topic,
        "response": response,
        "verdict": verdict,
        "points": float(points),
        "max": most,
        "feedback": "",
        "answered_at": at("2026-11-24T09:10:00"),
        "quiz_id": quiz_id,
        "student_id": None,
        "student": "(anonymous)",
        "kiosk": None,
    }


EARLY = ["1985", "1989", "1991"]
SWAPPED = ["1989", "1985", "1991"]
RESPONSES = [
    answer("A", "q1", "1991", "correct", 1),
    answer("A", "q2", "Gorbachev", "correct", 2),
    answer("A", "q3", False, "wrong", 0),
    answer("A", "q4", EARLY, "correct", 1),
    answer("B", "q1", "1991", "correct", 1),
    answer("B", "q2", "gorbachev", "correct", 2),
    answer("B", "q3", False, "wrong", 0),
    answer("B", "q4", EARLY, "correct", 1),
    answer("C", "q1", "Dec 1991", "correct", 1),
    answer("C", "q2", "Mikhail", "partial", 1),
    answer("C", "q3", None, "blank", 0),
    answer("C", "q4", SWAPPED, "wrong", 0),
    answer("D", "q1", "1991", "correct", 1),
    answer("D", "q2", "Yeltsin", "wrong", 0),
    answer("D", "q3", True, "correct", 1),
    answer("D", "q4", SWAPPED, "wrong", 0),
    answer("E", "q1", "1991", "correct", 1),
    answer("E", "q2", "", "blank", 0),
    answer("E", "q3", False, "wrong", 0),
    answer("E", "q4", [], "blank", 0),
]


@pytest.fixture(scope="module")
def items():
    return {item.question_id: item for item in item_analysis(RESPONSES)}


# ---------------------------------------------------------------- dashboard


def test_summary_counts_finished_attempts_only_for_scores():
    summary = quiz_summary(ATTEMPTS)
    assert summary.attempts == 6
    assert summary.finished == 5
    assert summary.students == 4  # students 1-4; F is student 3 again; E is anonymous
    assert summary.anonymous == 1
    assert summary.mean_percent == pytest.approx(52.0)  # (80 + 80 + 40 + 40 + 20) / 5
    assert summary.median_percent == pytest.approx(40.0)  # 20 40 [40] 80 80
    assert summary.pass_rate == pytest.approx(0.4)  # A and B passed: 2 / 5


def test_summary_of_no_finished_attempts_has_no_averages():
    summary = quiz_summary([ATTEMPTS[-1]])
    assert (summary.attempts, summary.finished, summary.students) == (1, 0, 1)
    assert summary.mean_percent is None and summary.median_percent is None and summary.pass_rate is None


def test_distribution_puts_finished_attempts_in_ten_percent_bands():
    bins = score_distribution(ATTEMPTS)
    assert [b.count for b in bins] == [0, 0, 1, 0, 2, 0, 0, 0, 2, 0]  # 20 | 40 40 | 80 80; F not counted
    assert bins[0] == ScoreBin(0, 10, 0)
    assert bins[-1].low == pytest.approx(90) and bins[-1].high == pytest.approx(100)
    assert [b.label for b in bins[:2]] == ["0–10%", "10–20%"]


def test_distribution_band_edges_and_a_perfect_score():
    rows = [attempt(str(p), 1, "2026-11-24T09:20:00", p, p >= 50) for p in (0.0, 9.9, 10.0, 89.9, 90.0, 100.0)]
    assert [b.count for b in score_distribution(rows)] == [2, 1, 0, 0, 0, 0, 0, 0, 1, 2]
    quarters = score_distribution(rows, bins=4)
    assert [b.count for b in quarters] == [3, 0, 0, 3]  # 0 9.9 10 | - | - | 89.9 90 100
    assert [b.label for b in quarters] == ["0–25%", "25–50%", "50–75%", "75–100%"]


def test_distribution_needs_a_bin():
    with pytest.raises(ValueError):
        score_distribution(ATTEMPTS, bins=0)


def test_topic_scores_weigh_points_not_questions():
    assert topic_scores(RESPONSES) == [
        TopicScore("dates", 7.0, 10.0, pytest.approx(70.0)),  # q1 5/5 + q4 2/5
        TopicScore("roles", 5.0, 10.0, pytest.approx(50.0)),  # q2: 2 + 2 + 1 + 0 + 0 of 5 x 2
        TopicScore("outcomes", 1.0, 5.0, pytest.approx(20.0)),  # q3: only D
    ]


def test_progress_is_a_mean_per_day_of_finishing():
    assert progress_over_time(ATTEMPTS) == [
        DayProgress("2026-11-24", 1, pytest.approx(80.0)),  # A
        DayProgress("2026-11-25", 2, pytest.approx(60.0)),  # B 80, C 40
        DayProgress("2026-11-26", 2, pytest.approx(30.0)),  # D 40, E 20
    ]


def test_progress_days_follow_the_schools_time_zone():
    one_hour_east = dt.timezone(dt.timedelta(hours=1))
    days = progress_over_time(ATTEMPTS, tz=one_hour_east)
    # E finished at 23:30 UTC, which is 00:30 the next day an hour east
    assert [(d.day, d.attempts) for d in days] == [
        ("2026-11-24", 1),
        ("2026-11-25", 2),
        ("2026-11-26", 1),
        ("2026-11-27", 1),
    ]


# ---------------------------------------------------------------- item analysis


def test_items_come_sorted_by_question_id(items):
    assert [item.question_id for item in item_analysis(RESPONSES)] == ["q1", "q2", "q3", "q4"]
    assert [item.n for item in items.values()] == [5, 5, 5, 5]
    assert (items["q2"].kind, items["q2"].topic, items["q2"].max) == ("text", "roles", 2.0)


def test_items_follow_a_given_order_then_the_rest():
    ordered = item_analysis(RESPONSES, order=["q3", "q9", "q1"])  # q9 was never answered: left out
    assert [item.question_id for item in ordered] == ["q3", "q1", "q2", "q4"]


def test_facility_is_mean_points_over_max(items):
    assert items["q1"].facility == pytest.approx(1.0)
    assert items["q2"].facility == pytest.approx(0.5)  # (2 + 2 + 1 + 0 + 0) / 5 = 1.0 points of 2
    assert items["q3"].facility == pytest.approx(0.2)  # only D
    assert items["q4"].facility == pytest.approx(0.4)  # A and B


def test_discrimination_correlates_the_item_with_the_rest_of_the_test(items):
    # q2 item x = points/2:          A 1    B 1    C 0.5  D 0    E 0     mean 0.5
    #    rest r = q1+q3+q4 (of 3):   A 2    B 2    C 1    D 2    E 1     mean 1.6 (scale does not change r)
    #    sum dx*dr = .5*.4 + .5*.4 + 0*(-.6) + (-.5)*.4 + (-.5)*(-.6) = 0.5
    #    sum dx^2 = 1.0, sum dr^2 = 3*.16 + 2*.36 = 1.2;  r = 0.5 / sqrt(1.2) = 0.456435
    assert items["q2"].discrimination == pytest.approx(0.456435, abs=1e-6)
    # q4 x: A 1 B 1 C 0 D 0 E 0 (mean .4); rest q1+q2+q3 (of 4): 3 3 2 2 1 (mean 2.2)
    #    sum dx*dr = .6*.8*2 + (-.4)(-.2)*2 + (-.4)(-1.2) = 1.6
    #    sum dx^2 = 1.2, sum dr^2 = 2.8;  r = 1.6 / sqrt(3.36) = 0.872872
    assert items["q4"].discrimination == pytest.approx(0.872872, abs=1e-6)


def test_an_item_weaker_students_get_right_discriminates_negatively(items):
    # q3 x: A 0 B 0 C 0 D 1 E 0 (mean .2); rest q1+q2+q4 (of 4): 4 4 2 1 1 (mean 2.4)
    #    sum dx*dr = (-.2)(1.6)*2 + (-.2)(-.4) + (.8)(-1.4) + (-.2)(-1.4) = -1.4
    #    sum dx^2 = 0.8, sum dr^2 = 9.2;  r = -1.4 / sqrt(7.36) = -0.516047
    assert items["q3"].discrimination == pytest.approx(-0.516047, abs=1e-6)


def test_an_item_everyone_got_right_has_no_discrimination(items):
    assert items["q1"].discrimination is None


def test_flags(items):
    assert items["q1"].flags == (FLAG_TOO_EASY,)
    assert items["q2"].flags == ()
    assert items["q3"].flags == (FLAG_TOO_HARD, FLAG_NEGATIVE)
    assert items["q4"].flags == ()


def test_no_flags_below_five_responses():
    rows = [row for row in RESPONSES if row["attempt_id"] != "E"]
    stats = {item.question_id: item for item in item_analysis(rows)}
    assert stats["q1"].n == 4 and stats["q1"].facility == pytest.approx(1.0)
    assert all(item.flags == () for item in stats.values())


def test_wrong_answers_of_the_fixed_class(items):
    assert items["q1"].wrong_answers == ()
    # partial answers count as not fully right; ties keep the order first given
    assert items["q2"].wrong_answers == (
        WrongAnswer("Mikhail", 1),
        WrongAnswer("Yeltsin", 1),
        WrongAnswer("(no answer)", 1),
    )
    assert items["q3"].wrong_answers == (WrongAnswer("false", 3), WrongAnswer("(no answer)", 1))
    assert items["q4"].wrong_answers == (WrongAnswer("1989; 1985; 1991", 2), WrongAnswer("(no answer)", 1))


def test_wrong_answers_are_counted_without_case_or_spaces_and_cut_to_three():
    given = [
        ("Gorbachev", "correct"),
        ("Gorbachev", "correct"),
        ("Yeltsin", "wrong"),
        (" yeltsin ", "wrong"),
        ("YELTSIN", "partial"),
        ("Putin", "wrong"),
        ("", "blank"),
        ("Putin", "wrong"),
        (None, "blank"),
        ("Stalin", "wrong"),
        ({"Gorbachev": "USSR"}, "wrong"),
    ]
    rows = [answer(f"a{i}", "qx", response, verdict, 0) for i, (response, verdict) in enumerate(given)]
    (item,) = item_analysis(rows)
    assert item.wrong_answers == (
        WrongAnswer("Yeltsin", 3),
        WrongAnswer("Putin", 2),
        WrongAnswer("(no answer)", 2),
    )


def test_discrimination_needs_three_attempts_with_other_answers():
    two = [row for row in RESPONSES if row["attempt_id"] in ("A", "C")]
    assert all(item.discrimination is None for item in item_analysis(two))
    # A, C and a third attempt that answered only q2: no rest of test for it, so still two usable
    alone = answer("G", "q2", "Gorbachev", "correct", 2)
    assert item_analysis([*two, alone], order=["q2"])[0].discrimination is None
    # with a third full attempt the same question is measured
    three = [row for row in RESPONSES if row["attempt_id"] in ("A", "C", "D")]
    assert item_analysis([*three, alone], order=["q2"])[0].discrimination is not None


def test_discrimination_is_none_when_the_rest_of_the_test_never_varies():
    rows = [
        answer("A", "q2", "Gorbachev", "correct", 2),
        answer("A", "q1", "1991", "correct", 1),
        answer("B", "q2", "Yeltsin", "wrong", 0),
        answer("B", "q1", "1991", "correct", 1),
        answer("C", "q2", "Mikhail", "partial", 1),
        answer("C", "q1", "1991", "correct", 1),
    ]
    q2 = item_analysis(rows, order=["q2"])[0]
    assert q2.facility == pytest.approx(0.5)  # 3 of 6 points
    assert q2.discrimination is None  # q2 varies, but its rest (q1) is 1 for everyone


def test_item_analysis_refuses_rows_of_several_quizzes():
    with pytest.raises(ValueError, match="per quiz"):
        item_analysis([*RESPONSES, answer("Z", "q1", "1991", "correct", 1, quiz_id="another-quiz")])


def test_no_rows_no_items():
    assert item_analysis([]) == []
    assert topic_scores([]) == []
    assert progress_over_time([]) == []


def test_the_help_text_states_the_thresholds_in_use():
    for threshold in (TOO_EASY_ABOVE, TOO_HARD_BELOW, NEGATIVE_DISCRIMINATION_BELOW):
        assert f"{threshold:g}" in FORMULAS
    assert "Facility" in FORMULAS and "Discrimination" in FORMULAS


def test_a_huge_stored_answer_is_cut_before_the_teacher_sees_it():
    """Issue 14, finding 4: a 3 MB answer stored before answers were capped reached the screen whole."""
    huge = "x" * 3_000_000
    rows = [answer(f"a{i}", "qx", huge if i < 2 else "y", "wrong", 0) for i in range(3)]
    (item,) = item_analysis(rows)
    first = item.wrong_answers[0]
    assert first.count == 2 and len(first.text) == MAX_ANALYSED_ANSWER_CHARS + 1 and first.text.endswith("…")
    assert item.wrong_answers[1] == WrongAnswer("y", 1)
