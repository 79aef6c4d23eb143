"""bench/census.py: counting a process's live objects by type, and comparing two counts."""

from __future__ import annotations

from bench import census


class Kept:
    """Objects this test keeps alive, so the census must count them."""


def test_census_counts_live_objects_by_type() -> None:
    before = census.census()
    kept = [Kept() for _ in range(500)]
    after = census.census()
    name = census.type_name(kept[0])
    assert name == "test_census.Kept"
    assert after["by_type"][name] - before["by_type"].get(name, 0) == 500
    assert after["rss_mb"] > 0 and after["objects"] >= before["objects"] + 500


def test_growth_lists_what_grew_most_first() -> None:
    before = {"by_type": {"a.A": 10, "b.B": 5, "c.C": 7}}
    after = {"by_type": {"a.A": 12, "b.B": 50, "c.C": 3, "d.D": 4}}
    assert census.growth(before, after) == [("b.B", 45, 50), ("d.D", 4, 4), ("a.A", 2, 12)]
