"""The sign-in throttle in the database: counted before the check, shared, exact under races."""

from __future__ import annotations

import threading

import pytest

from classroom.people import throttle
from classroom.results.store import Store

POLICY = throttle.Policy(free=3, first_delay=1.0, max_delay=8.0, forget_after=900.0)


def test_three_free_tries_then_a_doubling_wait(store):
    now = 1_000.0
    for _ in range(3):
        assert throttle.attempt(store, "k", POLICY, now) == 0
    assert throttle.wait(store, "k", POLICY, now) == 0  # the third failure costs nothing yet
    assert throttle.attempt(store, "k", POLICY, now) == 0  # the fourth is allowed, and sets a 1 s wait
    assert throttle.wait(store, "k", POLICY, now) == pytest.approx(1.0)
    assert throttle.attempt(store, "k", POLICY, now + 0.5) == pytest.approx(0.5)  # refused: not counted
    assert throttle.failures(store, "k") == 4
    assert throttle.attempt(store, "k", POLICY, now + 1.0) == 0
    assert throttle.wait(store, "k", POLICY, now + 1.0) == pytest.approx(2.0)
    later, waits = now + 1.0, []
    for _ in range(4):  # each try right when the last wait is over
        later += throttle.wait(store, "k", POLICY, later)
        assert throttle.attempt(store, "k", POLICY, later) == 0
        waits.append(throttle.wait(store, "k", POLICY, later))
    assert waits == pytest.approx([4.0, 8.0, 8.0, 8.0])  # doubling, capped at max_delay


def test_success_clears_the_key_and_other_keys_are_separate(store):
    for _ in range(5):
        throttle.attempt(store, "a", POLICY, 10.0)
    assert throttle.wait(store, "a", POLICY, 10.0) > 0
    assert throttle.wait(store, "b", POLICY, 10.0) == 0
    throttle.succeeded(store, "a")
    assert throttle.failures(store, "a") == 0 and throttle.wait(store, "a", POLICY, 10.0) == 0


def test_a_quiet_quarter_of_an_hour_forgives(store):
    for _ in range(6):
        throttle.attempt(store, "k", POLICY, 50.0 + _ * 100)  # each after the last wait: all counted
    assert throttle.failures(store, "k") == 6
    assert throttle.wait(store, "k", POLICY, 550.0 + 900.0) == 0
    assert throttle.attempt(store, "k", POLICY, 550.0 + 900.0) == 0
    assert throttle.failures(store, "k") == 1


def test_the_throttle_is_shared_by_every_store_on_the_same_database(store):
    other = Store(store.url)  # another server process's pool, after a restart: the same rows
    try:
        for _ in range(4):
            throttle.attempt(store, "k", POLICY, 5.0)
        assert throttle.wait(other, "k", POLICY, 5.0) == pytest.approx(1.0)
        assert throttle.attempt(other, "k", POLICY, 5.0) > 0
    finally:
        other.close()


def test_simultaneous_tries_are_each_counted_once(store):
    """40 threads try at the same instant: 3 free tries and the 4th pass, all others are refused."""
    results: list[float] = []
    start = threading.Barrier(40)

    def one() -> None:
        start.wait()
        results.append(throttle.attempt(store, "flood", POLICY, 100.0))

    threads = [threading.Thread(target=one) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results).count(0.0) == 4
    assert throttle.failures(store, "flood") == 4


def test_a_long_key_is_cut_not_refused(store):
    assert throttle.attempt(store, "x" * 1000, POLICY, 1.0) == 0
    assert throttle.failures(store, "x" * 1000) == 1
