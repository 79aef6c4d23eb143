"""The quiz header's one line (ui/shared/questions.py), without a running app."""

from __future__ import annotations

import pytest

from ui.shared.questions import progress_label, pts


@pytest.mark.parametrize(
    ("index", "count", "points", "label"),
    [
        (0, 8, 1, "Question 1 of 8 · 1 point"),
        (2, 8, 2, "Question 3 of 8 · 2 points"),
        (7, 8, 0.5, "Question 8 of 8 · 0.5 points"),
        (0, 1, 1 / 3, "Question 1 of 1 · 0.33 points"),
    ],
)
def test_progress_label_says_where_the_student_is_and_what_the_question_is_worth(index, count, points, label):
    assert progress_label(index, count, points) == label


def test_points_are_rounded_for_people_not_cut_to_a_fixed_width():
    assert [pts(v) for v in (1, 1.0, 0.5, 2 / 3, 10)] == ["1", "1", "0.5", "0.67", "10"]
