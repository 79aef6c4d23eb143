"""Kiosk "all day" soak: thousands of visits against one kiosk server, and its memory stays flat.

A kiosk server (``python -m server --kiosk``) is started on 127.0.0.1 with a throwaway
database and a kiosk file written next to it (the test course of
``tests/testdata/course``; a long idle timeout, although the idle and result timers
run in the browser and never fire here). A few simulated kiosks (``--kiosks``, one
long-lived websocket session each, speaking Streamlit's protocol through
``bench/load.py``) then serve visitor after visitor, back to back:

- finished: welcome → "Take a quiz" → a quiz → "Start the quiz" → every question
  (fill the form, "Submit answer", "Next question") → "See my result";
- walked away: the same, but the visitor leaves after a few questions (or none);
- lesson only: welcome → "Read a lesson" → a lesson, maybe its next part.

Every visit ends with the kiosk's hidden ``kiosk-reset`` button, which is what the
idle and result timers press. Now and then a kiosk reloads (a new session on a new
connection, ``--reconnect-every``), as after a Wi-Fi blip.

Server RSS (psutil) is read after ``--warmup`` visits and at the end; growth under
``--limit`` percent passes. Afterwards the attempts table must hold exactly one row
per started quiz, all under the kiosk's name, and one finished row per finished visit.

With ``--census DIR`` the server runs under ``bench/census.py`` and counts its live
objects by type after warm-up and at the end; the report lists the types that grew.

Examples::

    python bench/kiosk_soak.py --visits 5000 --kiosks 4 --json soak.json
    python bench/kiosk_soak.py --visits 2000 --census /tmp/census   # what grows, by object type
    python bench/kiosk_soak.py --visits 20 --warmup 5      # the CI smoke run

Only 127.0.0.1 is contacted; every loop is bounded (visits, and a deadline).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import websockets

from bench import census
from bench.load import FIXTURE, INTERACTION_TIMEOUT, Sampler, Server, Session, Stuck, Widget, tree_rss
from bench.run import cpu_model

KIOSK_NAME = "soak-kiosk"
LESSONS = ("alliance",)
QUIZZES = ("every-kind", "leak-check")  # the test course's working quizzes (8 and 4 questions)
OUTCOMES = ("finished", "walked_away", "lesson_only")
DIGITS = set("0123456789")  # the on-screen keys of date and number questions (ui/kiosk/keypad.py)
RESET = "kiosk-reset"  # the hidden button the idle and result timers press (ui/kiosk/state.py)


def kiosk_file(workdir: Path, idle: int) -> Path:
    """A kiosk file like kiosk.yaml, offering the test course (idle timers far beyond the soak)."""
    path = workdir / "kiosk.yaml"
    lines = [
        f"name: {KIOSK_NAME}",
        "title: Soak test kiosk",
        "welcome: Read a short lesson or test yourself with a quiz.",
        "lessons:",
        *(f"  - {lesson}" for lesson in LESSONS),
        "quizzes:",
        *(f"  - {quiz}" for quiz in QUIZZES),
        f"idle_seconds: {idle}",
        "warning_seconds: 300",
        f"result_seconds: {idle}",
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


# ---------------------------------------------------------------- one kiosk


@dataclass
class Tally:
    visits: int = 0  # visits handed out
    done: int = 0  # visits ended (with or without an error)
    outcomes: Counter = field(default_factory=Counter)
    quizzes_started: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    interactions: int = 0
    reconnects: int = 0
    rss_warmup: int = 0
    rss_trend: dict[int, float] = field(default_factory=dict)  # visits done -> server RSS, MB
    warmup_at: float = 0.0


class Kiosk:
    """One kiosk screen: a long-lived session that serves visitor after visitor."""

    def __init__(self, url: str, rng: random.Random, tally: Tally, census: Path | None = None) -> None:
        self.url, self.rng, self.tally, self.census = url, rng, tally, census
        self.session: Session | None = None

    async def open(self) -> None:
        """A fresh browser tab: new connection, new Streamlit session, the welcome screen."""
        await self.close()
        self.session = Session(self.url, self.rng)
        await self.session.connect()
        await self.act(self.session.rerun())
        self.expect("Take a quiz")

    async def close(self) -> None:
        if self.session is not None:
            with contextlib.suppress(OSError, TimeoutError, websockets.WebSocketException):
                await asyncio.wait_for(self.session.close(), 5)
            self.session = None

    async def act(self, action) -> None:
        try:
            await asyncio.wait_for(action, INTERACTION_TIMEOUT)
        except TimeoutError as exc:
            raise Stuck(f"no answer within {INTERACTION_TIMEOUT:.0f} s") from exc
        self.tally.interactions += 1
        if self.session.problems:
            problems, self.session.problems = self.session.problems, []
            raise Stuck(problems[0])

    def has(self, key: str) -> bool:
        return any(w.kind == "button" and not w.disabled and w.id.endswith(f"-{key}") for w in self.session.widgets)

    def button(self, key: str) -> Widget:
        """The enabled button with this widget key (ids end with ``-<key>``)."""
        for w in self.session.widgets:
            if w.kind == "button" and not w.disabled and w.id.endswith(f"-{key}"):
                return w
        raise Stuck(f"no button {key} on screen: " + ", ".join(w.label for w in self.session.widgets)[:100])

    def expect(self, text: str) -> None:
        """The screen shows a button labelled ``text`` or a heading/markdown containing it."""
        s = self.session
        if not any(text in body for body in s.texts) and not any(w.label == text for w in s.widgets):
            raise Stuck(f"expected '{text}' on screen")

    async def press(self, key: str) -> None:
        await self.act(self.session.click(self.button(key)))

    async def answer(self) -> None:
        """Answer the question on screen (right or wrong at random), then wait for its verdict."""
        s = self.session
        submit = s.find("Submit answer")
        if submit is None:
            raise Stuck("no 'Submit answer' on a question screen")
        if submit.form_id:  # kq:<visit>:<question>:form
            if not submit.form_id.startswith("kq:") or not submit.form_id.endswith(":form"):
                raise Stuck(f"unexpected answer form {submit.form_id}")
            s.fill_form(submit.form_id)
        else:  # an order question (move an item) or the on-screen keys of a date or number (tap a few)
            moves = [w for w in s.widgets if w.label.startswith("Move") and not w.disabled]
            if moves:
                await self.act(s.click(self.rng.choice(moves)))
            for _ in range(self.rng.randrange(0, 5)):
                keys = [w for w in s.widgets if w.kind == "button" and w.label in DIGITS and not w.disabled]
                if keys:
                    await self.act(s.click(self.rng.choice(keys)))
            submit = s.find("Submit answer")
            if submit is None:
                raise Stuck("no 'Submit answer' after moving an item or tapping a key")
        await self.act(s.click(submit))
        clear, again = s.find("Clear"), s.find("Submit answer")
        if clear is not None and again is not None and s.find("Submit it empty") is None:
            # Held back (a year alone where a day is asked): the visitor clears it and leaves it blank.
            await self.act(s.click(clear))
            await self.act(s.click(s.find("Submit answer") or again))
        confirm = s.find("Submit it empty")  # a blank answer asks first; the visitor confirms it
        if confirm is not None:
            await self.act(s.click(confirm))

    async def quiz_visit(self, outcome: str) -> None:
        quiz = self.rng.choice(QUIZZES)
        await self.press("kiosk-go-quizzes")
        await self.press(f"kiosk-item-{quiz}")
        await self.press("kiosk-start-quiz")
        self.tally.quizzes_started[outcome] += 1
        stop_after = self.rng.randrange(0, 4) if outcome == "walked_away" else 1_000
        for answered in range(100):  # bounded: a quiz has far fewer questions
            if self.has("kiosk-see-result"):
                if outcome == "walked_away":
                    return  # left on the last verdict; the idle timer resets
                await self.press("kiosk-see-result")
                self.expect("Your result")
                return
            if answered >= stop_after:
                return  # walked away mid-quiz
            if self.has("kiosk-next-question"):
                await self.press("kiosk-next-question")
            await self.answer()
        raise Stuck("the quiz never ended")

    async def lesson_visit(self) -> None:
        await self.press("kiosk-go-lessons")
        await self.press(f"kiosk-item-{self.rng.choice(LESSONS)}")
        if self.rng.random() < 0.5 and self.has("kiosk-next"):  # a one-part lesson has no "Next part"
            await self.press("kiosk-next")

    async def visit(self, outcome: str) -> None:
        """One visitor from the welcome screen to the reset that follows them."""
        self.expect("Take a quiz")
        if outcome == "lesson_only":
            await self.lesson_visit()
        else:
            await self.quiz_visit(outcome)
        await self.press(RESET)
        self.expect("Take a quiz")

    async def run(self, total: int, warmup: int, reconnect_every: int, deadline: float, server: Server) -> None:
        t = self.tally
        served = 0
        while t.visits < total and time.monotonic() < deadline:  # bounded by visits and time
            t.visits += 1
            outcome = self.rng.choices(OUTCOMES, weights=(5, 3, 2))[0]
            try:
                if self.session is None or (reconnect_every and served and served % reconnect_every == 0):
                    if self.session is not None:
                        t.reconnects += 1
                    await self.open()
                await self.visit(outcome)
                t.outcomes[outcome] += 1
            except Stuck as problem:
                t.errors[f"{outcome}: {problem}"[:140]] += 1
                await self.close()  # start over on a new tab
            except (OSError, websockets.WebSocketException) as exc:
                t.errors[f"connection: {type(exc).__name__}: {exc}"[:140]] += 1
                await self.close()
            served += 1
            t.done += 1
            if t.done == warmup:
                t.rss_warmup, t.warmup_at = tree_rss(server.ps), time.monotonic()
                take_census(server, self.census)
            if t.done % max(total // 10, 1) == 0 or t.done == warmup:
                t.rss_trend[t.done] = round(tree_rss(server.ps) / 2**20, 1)
        await self.close()


# ---------------------------------------------------------------- the soak


def stored_attempts(db_path: Path) -> dict[str, int]:
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        rows = db.execute("SELECT kiosk, COUNT(*), COUNT(finished_at) FROM attempts GROUP BY kiosk").fetchall()
    mine = next((row for row in rows if row[0] == KIOSK_NAME), (KIOSK_NAME, 0, 0))
    return {
        "attempts_stored": mine[1],
        "attempts_finished_stored": mine[2],
        "attempts_other_kiosk": sum(row[1] for row in rows if row[0] != KIOSK_NAME),
    }


def machine() -> str:
    cpu = cpu_model()  # platform.processor() is empty on Linux
    memory = psutil.virtual_memory().total / 2**30
    system = f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs"
    return f"{system}, {memory:.0f} GB RAM, Python {platform.python_version()}"


def take_census(server: Server, into: Path | None, timeout: float = 60) -> None:
    """With ``--census``: ask the server (bench/census.py) for its object census and wait for the file."""
    if into is None:
        return
    before = len(list(into.glob("census-*.json")))
    server.proc.send_signal(signal.SIGUSR1)
    deadline = time.monotonic() + timeout
    while len(list(into.glob("census-*.json"))) == before and time.monotonic() < deadline:
        time.sleep(0.2)


def census_growth(into: Path | None) -> list:
    """The object types that grew most between the first census (warm-up) and the last (end)."""
    taken = sorted(into.glob("census-*.json")) if into else []
    if len(taken) < 2:
        return []
    first, last = (json.loads(path.read_text()) for path in (taken[0], taken[-1]))
    return [list(row) for row in census.growth(first, last)]


def soak(args: argparse.Namespace, workdir: Path) -> dict:
    config = kiosk_file(workdir, args.idle)
    script = ["bench/census.py", str(args.census)] if args.census else ["-m", "server"]
    server = Server("kiosk", args.port, args.content, workdir, ["--kiosk", str(config)], script)
    db_path = Path(server.db_url.removeprefix("sqlite:///"))
    try:
        server.wait_ready()
        tally = Tally()
        sampler = Sampler(server.ps, interval=1.0)
        sampler.start()
        start = time.monotonic()
        deadline = start + args.max_seconds

        async def everyone() -> None:
            kiosks = [
                Kiosk(server.url, random.Random(args.seed * 1_000 + i), tally, args.census) for i in range(args.kiosks)
            ]
            jobs = [k.run(args.visits, args.warmup, args.reconnect_every, deadline, server) for k in kiosks]
            await asyncio.gather(*jobs)

        asyncio.run(everyone())
        end = time.monotonic()
        rss_end = tree_rss(server.ps)
        take_census(server, args.census)
        sampler.stopping.set()
        sampler.join()
        if server.proc.poll() is not None:
            tally.errors["the server exited"] += 1
    finally:
        server.stop()

    after = [s[2] for s in sampler.samples if s[0] >= tally.warmup_at] if tally.warmup_at else []
    rss_warm = tally.rss_warmup or rss_end
    growth = 100 * (rss_end - rss_warm) / rss_warm
    started = sum(tally.quizzes_started.values())
    stored = stored_attempts(db_path)
    if stored["attempts_stored"] != started:
        tally.errors[f"attempts stored {stored['attempts_stored']} != quizzes started {started}"] += 1
    if stored["attempts_finished_stored"] != tally.outcomes["finished"]:
        tally.errors[f"finished attempts {stored['attempts_finished_stored']} != {tally.outcomes['finished']}"] += 1
    if stored["attempts_other_kiosk"]:
        tally.errors[f"{stored['attempts_other_kiosk']} attempts not under the kiosk's name"] += 1
    return {
        "machine": machine(),
        "command": "python bench/kiosk_soak.py " + " ".join(args.argv),
        "kiosks": args.kiosks,
        "visits": tally.done,
        "visits_requested": args.visits,
        "outcomes": dict(tally.outcomes),
        "quizzes_started": started,
        "interactions": tally.interactions,
        "reconnects": tally.reconnects,
        "duration_s": round(end - start, 1),
        "visits_per_s": round(tally.done / max(end - start, 1e-9), 1),
        "warmup_visits": args.warmup,
        "rss_warmup_mb": round(rss_warm / 2**20, 1),
        "rss_end_mb": round(rss_end / 2**20, 1),
        "rss_peak_after_warmup_mb": round(max(after, default=rss_end) / 2**20, 1),
        "rss_by_visits_mb": tally.rss_trend,
        "growth_pct": round(growth, 2),
        "limit_pct": args.limit,
        "flat": growth < args.limit,
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors.most_common(5)),
        **stored,
        **({"census_growth": census_growth(args.census)} if args.census else {}),
    }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=5000)
    parser.add_argument("--kiosks", type=int, default=4, help="kiosks in parallel, one long-lived session each")
    parser.add_argument("--warmup", type=int, default=200, help="visits before the first RSS reading")
    # Rare, as on a real kiosk: one session lives for hours, so what a session keeps must not pile up.
    parser.add_argument("--reconnect-every", type=int, default=500, help="a kiosk reloads after this many visits")
    parser.add_argument("--limit", type=float, default=10.0, help="allowed RSS growth after warm-up, percent")
    parser.add_argument("--idle", type=int, default=3600, help="the kiosk file's idle and result seconds")
    parser.add_argument("--max-seconds", type=float, default=3600, help="stop handing out visits after this")
    parser.add_argument("--content", type=Path, default=FIXTURE, help="folder with lessons/ and quizzes/")
    parser.add_argument("--port", type=int, default=8541)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument(
        "--census", type=Path, help="count the server's live objects by type after warm-up and at the end, into DIR"
    )
    parser.add_argument("--keep", action="store_true", help="keep the server log, kiosk file and database")
    args = parser.parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    args.content = args.content.resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="classroom-soak-"))
    try:
        report = soak(args, workdir)
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    verdict = "PASS" if report["flat"] and not report["errors"] else "FAIL"
    print(
        f"{verdict}: {report['visits']} visits in {report['duration_s']} s, RSS {report['rss_warmup_mb']} -> "
        f"{report['rss_end_mb']} MB ({report['growth_pct']:+.2f}%, limit {args.limit}%), {report['errors']} errors"
    )
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
