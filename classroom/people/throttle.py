"""The sign-in throttle, kept in the database: shared by every server process, kept across restarts.

Each try is counted *before* the secret is checked (:func:`attempt`), in one conditional
UPDATE: two guesses arriving together both read the same row, but only one UPDATE matches
it, and the other reads again and waits. A right answer then clears the key
(:func:`succeeded`). Nothing a browser sends reaches this table except a try itself: no
cache to clear, no process to restart.

Times are seconds since the epoch (floats), so the arithmetic is the same on SQLite and
PostgreSQL; the clock is a parameter so tests need not sleep.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from classroom.errors import InternalError
from classroom.results.store import Store, throttle

MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class Policy:
    """How a key slows down: ``free`` tries, then a wait doubling from ``first_delay`` up to ``max_delay``."""

    free: int = 3  # typos happen: no wait for the first three
    first_delay: float = 1.0
    max_delay: float = 60.0
    forget_after: float = 15 * 60.0  # a quarter of an hour without a failure forgives the key

    def delay(self, failures: int) -> float:
        """The wait after ``failures`` failures in a row: 0, 0, 0, then 1, 2, 4, ... up to ``max_delay``."""
        if failures <= self.free:
            return 0.0
        return min(self.max_delay, self.first_delay * 2 ** min(failures - self.free - 1, 30))


def _key(key: str) -> str:
    return key[:MAX_KEY_LENGTH]


def wait(store: Store, key: str, policy: Policy, now: float | None = None) -> float:
    """Seconds still to wait before ``key`` may try again (0: go ahead)."""
    now = time.time() if now is None else now
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(throttle).where(throttle.c.key == _key(key))).first()
    if row is None or now - row.last_failure_at >= policy.forget_after:
        return 0.0
    return max(0.0, row.next_try_at - now)


def attempt(store: Store, key: str, policy: Policy, now: float | None = None) -> float:
    """Count one try of ``key`` as a failure if it may try now; return the wait otherwise (0 = counted, go on)."""
    now = time.time() if now is None else now
    key = _key(key)
    for _ in range(50):
        try:
            with store.engine.begin() as conn:
                row = conn.execute(sa.select(throttle).where(throttle.c.key == key)).first()
                if row is None:
                    conn.execute(
                        throttle.insert().values(
                            key=key, failures=1, last_failure_at=now, next_try_at=now + policy.delay(1)
                        )
                    )
                    return 0.0
                stale = now - row.last_failure_at >= policy.forget_after
                if not stale and now < row.next_try_at:
                    return row.next_try_at - now
                failures = 1 if stale else row.failures + 1
                done = conn.execute(
                    throttle.update()
                    .where(
                        throttle.c.key == key,
                        throttle.c.failures == row.failures,
                        throttle.c.last_failure_at == row.last_failure_at,
                    )
                    .values(failures=failures, last_failure_at=now, next_try_at=now + policy.delay(failures))
                )
                if done.rowcount == 1:
                    return 0.0
        except IntegrityError:  # another try inserted the key at the same moment: read it again
            continue
    raise InternalError(f"the sign-in throttle for {key!r} kept changing under us")


def succeeded(store: Store, key: str) -> None:
    """A right answer: the key starts afresh."""
    with store.engine.begin() as conn:
        conn.execute(throttle.delete().where(throttle.c.key == _key(key)))


def failures(store: Store, key: str) -> int:
    """How many failures are counted against ``key`` now (for the teacher's view and the tests)."""
    with store.engine.connect() as conn:
        count = conn.execute(sa.select(throttle.c.failures).where(throttle.c.key == _key(key))).scalar()
    return int(count or 0)
