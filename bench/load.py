"""Simulated students speaking Streamlit's own websocket protocol, against a server this script starts.

Each student opens a session the way a browser does (subprotocol "streamlit",
``BackMsg.rerun_script`` with the page name and query string), then takes a quiz:
"Start the quiz", per question fill the form's widgets and "Submit answer" (the
form's values plus the submit button's trigger, scoped to the question's fragment),
"Next question", and at the end the result page. Widget ids, options and fragment
ids come from the ``ForwardMsg`` deltas, as a browser finds them. A student acts on
a schedule (``--every`` seconds, with ``--jitter``), so a class can answer at once.

Latency of an interaction: from sending the ``BackMsg`` to the ``script_finished``
that ends it (a ``st.rerun`` in between is part of it). The server's CPU and RSS are
sampled with psutil; memory per session is (peak RSS with everyone connected minus
RSS after warm-up) / sessions.

Examples::

    python bench/load.py --target tuned --sessions 30 --every 3 --aligned --duration 30
    python bench/load.py --compare --sessions 1 --every 0 --duration 20   # tuned vs bare vs stock
    python bench/load.py --sessions 300 --every 10 --ramp 15 --spread --duration 40  # resumed mid-quiz

Only 127.0.0.1 is contacted; every loop stops by itself (``--duration`` plus a grace period).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from server import reuseport

ROOT = Path(__file__).resolve().parent.parent

FIXTURE = ROOT / "tests" / "testdata" / "course"
TARGETS = ("tuned", "bare", "stock")
FINAL = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
WIDGETS = {"button", "radio", "checkbox", "text_input", "number_input", "selectbox"}
# What the app shows instead of a traceback: counted as errors, like exceptions.
ERROR_TEXTS = ("Something went wrong", "could not be saved", "can't be opened")
INTERACTION_TIMEOUT = 30.0  # seconds before an interaction counts as an error


# ---------------------------------------------------------------- the server under test


def server_command(target: str, port: int, extra: list[str] = (), script: list[str] = ("-m", "server")) -> list[str]:
    """``script``: ``-m server``, or a wrapper that runs it (bench/census.py)."""
    py = sys.executable
    if target == "stock":  # what `make run` did before: `streamlit run` with the options config.toml then set
        stock = ["--server.headless", "true", "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
        return [py, "-m", "streamlit", "run", "app.py", "--server.port", str(port), *stock]
    cmd = [py, *script, "--host", "127.0.0.1", "--port", str(port), *extra]
    return [*cmd, "--app", "bench/bare_app.py"] if target == "bare" else cmd


def stop_process(proc: subprocess.Popen, grace: float = 10) -> None:
    """SIGTERM, then SIGKILL if it is still there after ``grace`` seconds (a server, a proxy)."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Server:
    """One server process on 127.0.0.1 with a throwaway database; stopped on exit."""

    def __init__(
        self, target: str, port: int, content: Path, workdir: Path, extra: list[str] = (), script=("-m", "server")
    ) -> None:
        self.target, self.port = target, port
        env = dict(os.environ, CLASSROOM_CONTENT=str(content))
        self.db_url = f"sqlite:///{workdir / f'{target}-{port}.db'}"
        env["CLASSROOM_DATABASE_URL"] = self.db_url
        self.log = open(workdir / f"server-{target}-{port}.log", "w")  # noqa: SIM115 - closed in stop()
        command = server_command(target, port, extra, script)
        self.proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.ps = psutil.Process(self.proc.pid)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    @property
    def workers(self) -> int:
        """Server processes that serve sessions: the server's workers, or the process itself."""
        with contextlib.suppress(psutil.Error):
            return len(self.ps.children()) or 1
        return 1

    def wait_ready(self, timeout: float = 60) -> None:
        """Until every worker answers /_stcore/health (each asked from a device routed to it)."""
        deadline = time.monotonic() + timeout
        for device in ("127.0.0.1", *worker_devices(self.workers)):
            while not self._healthy(device):
                if self.proc.poll() is not None:
                    raise RuntimeError(f"{self.target} server exited; see {self.log.name}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{self.target} server not ready after {timeout} s")
                time.sleep(0.2)

    def _healthy(self, device: str) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1, source_address=(device, 0)) as sock:
                sock.sendall(b"GET /_stcore/health HTTP/1.0\r\n\r\n")
                return sock.recv(64).startswith(b"HTTP/1.1 200")
        except OSError:
            return False

    def stop(self) -> None:
        stop_process(self.proc)
        self.log.close()


def tree(proc: psutil.Process) -> list[psutil.Process]:
    """A server and its worker processes (the server starts one per core)."""
    with contextlib.suppress(psutil.Error):
        return [proc, *proc.children(recursive=True)]
    return []


def tree_cpu_seconds(proc: psutil.Process) -> float:
    """User and system CPU seconds of the server and its workers so far."""
    total = 0.0
    for member in tree(proc):
        with contextlib.suppress(psutil.Error):
            times = member.cpu_times()
            total += times.user + times.system
    return total


def tree_rss(proc: psutil.Process) -> int:
    """RSS of a server and all its workers, bytes."""
    total = 0
    for p in tree(proc):
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total


class Sampler(threading.Thread):
    """CPU (% of one core, summed over the server's processes) and their RSS, every ``interval`` seconds."""

    def __init__(self, proc: psutil.Process, interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.proc, self.interval = proc, interval
        self.samples: list[tuple[float, float, int]] = []  # (monotonic time, cpu %, rss bytes)
        self.stopping = threading.Event()
        self.known: dict[int, psutil.Process] = {}
        self.sample(record=False)  # cpu_percent counts from its first call

    def run(self) -> None:
        while not self.stopping.wait(self.interval):
            self.sample()
        self.sample()  # at least one sample, however short the run

    def sample(self, record: bool = True) -> None:
        cpu, rss = 0.0, 0
        for p in tree(self.proc):
            known = self.known.setdefault(p.pid, p)
            with contextlib.suppress(psutil.Error):
                cpu += known.cpu_percent(None)
                rss += known.memory_info().rss
        if record and rss:
            self.samples.append((time.monotonic(), cpu, rss))

    def between(self, start: float, end: float) -> list[tuple[float, float, int]]:
        return [s for s in self.samples if start <= s[0] <= end] or self.samples[-1:]


# ---------------------------------------------------------------- one student


@dataclass
class Widget:
    kind: str
    id: str
    label: str
    form_id: str
    fragment_id: str
    options: list[str] = field(default_factory=list)
    disabled: bool = False
    is_submit: bool = False


class Stuck(Exception):
    """The screen did not show what the journey expected."""


_devices = itertools.count()


def next_device_address() -> str:
    """A loopback source address of its own for each simulated device (127.1.0.1, 127.1.0.2, ...).

    Students come from different devices, and the server sends each device's
    connections to one of its processes by address (server/reuseport.py); from a single
    address every session would land in the same process.
    """
    n = next(_devices)
    return f"127.1.{n // 250 % 250}.{n % 250 + 1}"


def worker_devices(workers: int) -> list[str]:
    """One device address per server worker, routed to it (server/reuseport.py), for warming each one."""
    if workers < 2:
        return []
    candidates = (f"127.2.0.{n}" for n in range(1, 255))
    by_worker = {}
    for address in candidates:
        by_worker.setdefault(reuseport.pick_by_source(address, workers), address)
    return [by_worker[i] for i in range(workers)]


class Session:
    """One browser tab: its query string, page, widgets on screen and widget values."""

    def __init__(self, url: str, rng: random.Random) -> None:
        self.url, self.rng = url, rng
        self.source = next_device_address()
        self.ws = None
        self.query = ""
        self.page_hash = ""
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.widgets: list[Widget] = []
        self.links: dict[str, tuple[str, str]] = {}  # page link label -> (page hash, query string)
        self.texts: list[str] = []
        self.values: dict[str, WidgetState] = {}
        self.problems: list[str] = []

    async def connect(self) -> None:
        self.ws = await websockets.connect(
            self.url,
            subprotocols=["streamlit"],
            max_size=None,
            compression=None,
            ping_interval=None,
            open_timeout=60,
            local_addr=(self.source, 0),
        )

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def rerun(self, page_name: str = "", trigger: Widget | None = None, fragment_id: str = "") -> None:
        """Send one rerun request and read until the run it starts has finished."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = "" if page_name else self.page_hash
        state.page_name = page_name
        state.fragment_id = fragment_id
        for value in self.values.values():
            state.widget_states.widgets.append(value)
        if trigger is not None:
            state.widget_states.widgets.add(id=trigger.id, trigger_value=True)
        self.widgets, self.links, self.texts = [], {}, []
        await self.ws.send(msg.SerializeToString())
        while not self._read(await self.ws.recv()):
            pass
        alive = {w.id for w in self.widgets}
        self.values = {k: v for k, v in self.values.items() if k in alive}

    def _read(self, raw: bytes) -> bool:
        """Handle one ForwardMsg; True when it ends the run."""
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._element(msg.delta.new_element, msg.delta.fragment_id)
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "new_session":
            self.page_hash = msg.new_session.page_script_hash or self.page_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            self.problems.append("page not found")
        elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
            self.problems.append("script compilation error")
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                self.widgets, self.links, self.texts = [], {}, []  # st.rerun: the next run draws the screen
                return False
            return msg.script_finished in FINAL
        return False

    def _element(self, element, fragment_id: str) -> None:
        kind = element.WhichOneof("type")
        if kind in WIDGETS:
            proto = getattr(element, kind)
            self.widgets.append(
                Widget(
                    kind,
                    proto.id,
                    proto.label,
                    proto.form_id,
                    fragment_id,
                    list(getattr(proto, "options", [])),
                    proto.disabled,
                    getattr(proto, "is_form_submitter", False),
                )
            )
        elif kind == "page_link":
            self.links[element.page_link.label] = (element.page_link.page_script_hash, element.page_link.query_string)
        elif kind == "exception":
            self.problems.append(f"exception: {element.exception.type}: {element.exception.message[:80]}")
        elif kind in ("alert", "markdown", "heading"):
            body = getattr(element, kind).body
            self.texts.append(body)
            if kind == "alert" and any(text in body for text in ERROR_TEXTS):
                self.problems.append(f"app error: {body[:80]}")

    def find(self, label: str, kind: str = "button") -> Widget | None:
        return next((w for w in self.widgets if w.kind == kind and w.label == label and not w.disabled), None)

    async def click(self, button: Widget) -> None:
        await self.rerun(trigger=button, fragment_id=button.fragment_id)

    async def follow(self, label: str) -> None:
        """Click a page link: its page and query string, no widget states (a new page)."""
        self.page_hash, self.query = self.links[label]
        self.values = {}
        await self.rerun()

    def fill_form(self, form_id: str) -> None:
        """Answer every widget of a form as a student would (right or wrong at random)."""
        for w in (w for w in self.widgets if w.form_id == form_id and not w.is_submit):
            state = WidgetState(id=w.id)
            if w.kind == "text_input":
                state.string_value = self.rng.choice(["1949", "Solana", "1955", "no idea"])
            elif w.kind == "number_input":
                state.double_value = self.rng.choice([3, 12, 4])
            elif w.kind == "checkbox":
                state.bool_value = self.rng.random() < 0.5
            elif w.kind in ("radio", "selectbox"):
                state.string_value = self.rng.choice(w.options)
            else:
                continue
            self.values[w.id] = state


# ---------------------------------------------------------------- the journey


class Done(Exception):
    """The scenario's time is up."""


@dataclass
class Results:
    steady: float = 0.0  # monotonic time from which latencies count (everyone connected)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    ramp_latencies: list[float] = field(default_factory=list)  # while students were still connecting
    errors: Counter = field(default_factory=Counter)
    journeys: int = 0
    sessions_ok: int = 0
    cpu_by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # server CPU s per action


class Student:
    """Takes the quiz again and again on a schedule until the scenario ends."""

    def __init__(self, url: str, quiz: str, every: float, jitter: float, first: float, deadline: float, seed: int):
        self.session = Session(url, random.Random(seed))
        self.quiz, self.every, self.jitter, self.deadline = quiz, every, jitter, deadline
        self.beat = first  # this student's clock: one action per beat, `every` seconds apart
        self.moved = ""  # the order question whose items this student has moved already
        self.journeys_left = -1  # stop after this many results (-1: when the time is up)
        self.cpu_probe = None  # the server's CPU seconds so far, read around each action (one student only)

    async def pace(self) -> None:
        """Wait for this student's next turn (think time); stop when the scenario is over.

        The jitter does not add up from beat to beat, so a class told to answer at once
        stays together; a student whose last answer came late acts on its arrival.
        """
        now = time.monotonic()
        self.beat = max(self.beat, now)
        at = self.beat + self.session.rng.uniform(0, self.jitter)
        self.beat += self.every
        if at > self.deadline:
            raise Done
        if at > now:
            await asyncio.sleep(at - now)

    async def timed(self, results: Results, name: str, action) -> None:
        start = time.perf_counter()
        ramping = time.monotonic() < results.steady
        cpu_before = self.cpu_probe() if self.cpu_probe else 0.0
        try:
            await asyncio.wait_for(action, INTERACTION_TIMEOUT)
        except TimeoutError as exc:
            raise Stuck(f"{name}: no answer within {INTERACTION_TIMEOUT:.0f} s") from exc
        (results.ramp_latencies if ramping else results.latencies[name]).append(time.perf_counter() - start)
        if self.cpu_probe and not ramping:
            results.cpu_by_kind[name].append(self.cpu_probe() - cpu_before)
        if self.session.problems:
            problems, self.session.problems = self.session.problems, []
            raise Stuck(f"{name}: {problems[0]}")

    async def run(self, results: Results, token: str | None = None) -> None:
        """Open the quiz (resuming the attempt ``token`` when given), then act until the time is up."""
        s = self.session
        try:
            await s.connect()
            s.query = f"quiz={self.quiz}" + (f"&attempt={token}" if token else "")  # /quiz?quiz=<id>
            await self.timed(results, "load", s.rerun(page_name="quiz"))
            for _ in range(100_000):  # bounded; Done ends it long before
                await self.pace()
                if await self.step(results):
                    results.journeys += 1
                    self.journeys_left -= 1
                    if self.journeys_left == 0:
                        raise Done
        except Done:
            results.sessions_ok += 1
        except Stuck as problem:
            results.errors[str(problem)] += 1
        except (OSError, websockets.WebSocketException) as exc:
            results.errors[f"connection: {type(exc).__name__}: {exc}"[:120]] += 1
        finally:
            with contextlib.suppress(OSError, TimeoutError, websockets.WebSocketException):
                await asyncio.wait_for(s.close(), 5)

    async def step(self, results: Results) -> bool:
        """Do what the screen on show asks for next; True when a result page was reached."""
        s = self.session
        start = s.find("Start the quiz") or s.find("Take the whole quiz again")  # first time, or from a result
        submit = s.find("Submit answer")
        following = s.find("Next question")
        if start:
            await self.timed(results, "start", s.click(start))
        elif submit and submit.form_id:
            s.fill_form(submit.form_id)
            await self.timed(results, "submit", s.click(submit))
        elif submit:  # an order question: move an item first (once), like a student would
            moves = [w for w in s.widgets if w.label.startswith("Move")]
            if moves and self.moved != submit.id:
                self.moved = submit.id
                await self.timed(results, "move", s.click(s.rng.choice(moves)))
            else:
                await self.timed(results, "submit", s.click(submit))
        elif following:
            await self.timed(results, "next", s.click(following))
        elif "See my result" in s.links:
            await self.timed(results, "result", s.follow("See my result"))
            if not any("Your result" in text for text in s.texts):
                raise Stuck("the result page shows no result")
            return True
        else:
            raise Stuck("no button to go on with: " + ", ".join(w.label for w in s.widgets)[:80])
        return False


# ---------------------------------------------------------------- a scenario against one server


@dataclass
class Scenario:
    name: str
    sessions: int
    every: float  # seconds between one student's actions (think time); 0: back to back
    duration: float  # seconds of answering after everyone has connected
    jitter: float = 0.0  # random extra delay per action, seconds
    ramp: float = 0.0  # students connect evenly over this many seconds
    aligned: bool = False  # everyone acts on the same beat: a class answering at once
    spread: bool = False  # students resume attempts at random points of the quiz, some finished
    one_address: bool = False  # every device from 127.0.0.1: a school behind one NAT or one proxy


def seed_attempts(target: str, db_url: str, content: Path, quiz_id: str, count: int, rng: random.Random) -> list:
    """Attempts at random points of the quiz (some finished), written to the database before the run.

    Students resume them by token, as the app allows, so a measured window of a
    minute sees the mix of a whole lesson (questions and result pages) without
    making every student click through the quiz first. The bare app reads its
    position from the token instead.
    """
    from classroom.content.load import load_course
    from classroom.quiz import answering
    from classroom.quiz.attempts import plan_attempt
    from classroom.results.store import Store

    quiz = load_course([content / "lessons", content / "quizzes"]).quizzes[quiz_id]
    length = len(plan_attempt(quiz, 0).question_ids)
    positions = [rng.randrange(length + 1) for _ in range(count)]  # questions answered so far
    if target == "bare":
        return [f"bare-{k}" for k in positions]
    store = Store(db_url)
    tokens = []
    for k in positions:
        token, attempt = answering.start(store, quiz, rng.randrange(2**32))
        for question_id in attempt.plan.question_ids[:k]:  # blank answers: the grading path is the same
            answering.submit(store, quiz, token, attempt, question_id, None)  # the last one finishes it
        tokens.append(token)
    store.close()
    return tokens


async def drive(url: str, sc: Scenario, quiz: str, seed: int, tokens: list | None = None, cpu_probe=None) -> tuple:
    """Run every student to the end; returns the results and the steady window (all connected)."""
    start = time.monotonic()
    steady = start + sc.ramp
    results = Results(steady=steady)
    deadline = steady + sc.duration
    rng = random.Random(seed)

    async def one(i: int) -> None:
        connect_at = start + sc.ramp * i / max(sc.sessions, 1)
        first = steady if sc.aligned else max(steady, connect_at) + rng.uniform(0, sc.every)
        student = Student(url, quiz, sc.every, sc.jitter, first, deadline, seed * 100_003 + i)
        student.cpu_probe = cpu_probe
        if sc.one_address:
            student.session.source = "127.0.0.1"
        await asyncio.sleep(max(0.0, connect_at - time.monotonic()))
        await student.run(results, tokens[i] if tokens else None)

    grace = 2 * INTERACTION_TIMEOUT + 10  # a bounded run: stragglers are cut off
    tasks = [asyncio.create_task(one(i)) for i in range(sc.sessions)]
    _, late = await asyncio.wait(tasks, timeout=deadline - time.monotonic() + grace)
    for task in late:
        task.cancel()
        results.errors["still running at the end"] += 1
    return results, steady, deadline


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile in milliseconds (0 when there is nothing)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def latency_summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50_ms": round(percentile(values, 50), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "p99_ms": round(percentile(values, 99), 1),
        "max_ms": round(percentile(values, 100), 1),
    }


def run_target(target: str, sc: Scenario, args: argparse.Namespace, workdir: Path) -> dict:
    """Start a server, warm it up with one student, run the scenario, sample it, stop it."""
    server = Server(target, args.port, args.content, workdir, args.serve_args.split())
    try:
        warm_up(server, args.quiz)
        return measure(server, sc, args)
    finally:
        server.stop()


def warm_up(server: Server, quiz: str) -> None:
    """Until ready, then one whole journey per worker: imports, caches and the database are ready before measuring."""
    server.wait_ready()
    for device in worker_devices(server.workers) or [None]:
        warm, now = Results(), time.monotonic()
        student = Student(server.url, quiz, 0, 0, now, now + 60, 1)
        student.session.source = device or student.session.source
        student.journeys_left = 1
        asyncio.run(student.run(warm))
        if warm.errors or not warm.journeys:
            raise RuntimeError(f"warm-up journey failed on {server.target}: {dict(warm.errors)}")
    time.sleep(1)


def measure(server: Server, sc: Scenario, args: argparse.Namespace) -> dict:
    """Run the scenario once against a warm server and report it (the server keeps running)."""
    target = server.target
    sampler = Sampler(server.ps)
    baseline = tree_rss(server.ps)
    client = psutil.Process()
    client_cpu0 = client.cpu_times()
    sampler.start()
    tokens = None
    if sc.spread:
        rng = random.Random(args.seed)
        tokens = seed_attempts(target, server.db_url, args.content, args.quiz, sc.sessions, rng)
    # One student acts alone: the server's CPU read around each action is that action's own.
    probe = (lambda: tree_cpu_seconds(server.ps)) if sc.sessions == 1 else None
    results, steady, end = asyncio.run(drive(server.url, sc, args.quiz, args.seed, tokens, probe))
    sampler.stopping.set()
    sampler.join()
    client_cpu = client.cpu_times()
    client_seconds = client_cpu.user + client_cpu.system - client_cpu0.user - client_cpu0.system
    window = sampler.between(steady, end)
    all_samples = sampler.samples or window
    everything = [v for values in results.latencies.values() for v in values]
    answers = [v for k in ("submit", "next", "move") for v in results.latencies.get(k, [])]
    run_seconds = max(end - steady, 1e-9)
    peak = max(s[2] for s in window)
    return {
        "target": target,
        "scenario": sc.__dict__,
        "sessions": sc.sessions,
        "sessions_completed": results.sessions_ok,
        "journeys": results.journeys,
        "interactions": len(everything),
        "throughput_per_s": round(len(everything) / run_seconds, 1),
        "errors": sum(results.errors.values()),
        "error_kinds": dict(results.errors.most_common(5)),
        "latency": latency_summary(everything),
        "answer_latency": latency_summary(answers),
        "by_kind": {kind: latency_summary(values) for kind, values in sorted(results.latencies.items())},
        "ramp_latency": latency_summary(results.ramp_latencies),
        "server_cpu_mean_pct": round(sum(s[1] for s in window) / len(window), 1),
        # CPU-ms the server spent per action: mean CPU over the window / actions a second
        "cpu_ms_per_action": round(
            10 * sum(s[1] for s in window) / len(window) / max(len(everything) / run_seconds, 1e-9), 2
        ),
        "cpu_ms_by_kind": {
            kind: round(1000 * sum(values) / len(values), 2) for kind, values in sorted(results.cpu_by_kind.items())
        },
        "server_cpu_max_pct": round(max(s[1] for s in all_samples), 1),
        "server_rss_baseline_mb": round(baseline / 2**20, 1),
        "server_rss_peak_mb": round(max(s[2] for s in all_samples) / 2**20, 1),
        "memory_per_session_kb": round(max(peak - baseline, 0) / max(sc.sessions, 1) / 1024, 1),
        "client_cpu_pct": round(100 * client_seconds / (end - steady + sc.ramp), 1),
    }


RATIO_FIELDS = (
    "latency.p50_ms",
    "latency.p95_ms",
    "throughput_per_s",
    "server_cpu_mean_pct",
    "cpu_ms_per_action",
    "memory_per_session_kb",
)


def field_value(report: dict, name: str) -> float:
    value = report
    for part in name.split("."):
        value = value[part]
    return float(value)


def ratios(reports: dict[str, dict]) -> dict[str, dict[str, float | None]]:
    """tuned / bare and tuned / stock for the headline numbers (None where the divisor is 0)."""
    out = {}
    if "tuned" not in reports:
        return out
    for other in ("bare", "stock"):
        if other in reports:
            out[f"tuned/{other}"] = {
                name: (
                    round(field_value(reports["tuned"], name) / field_value(reports[other], name), 2)
                    if field_value(reports[other], name)
                    else None
                )
                for name in RATIO_FIELDS
            }
    return out


def print_report(name: str, reports: dict[str, dict]) -> None:
    print(f"\n== {name}")
    head = "target  sessions  ok    inter  thr/s  p50ms   p95ms   p99ms  ans95  errors  cpu%  rssMB  KB/sess  client%"
    print(head)
    for r in reports.values():
        lat = r["latency"]
        print(
            f"{r['target']:<7} {r['sessions']:>8} {r['sessions_completed']:>4} {r['interactions']:>7} "
            f"{r['throughput_per_s']:>6} {lat['p50_ms']:>6} {lat['p95_ms']:>7} {lat['p99_ms']:>7} "
            f"{r['answer_latency']['p95_ms']:>6} {r['errors']:>7} {r['server_cpu_mean_pct']:>5} "
            f"{r['server_rss_peak_mb']:>6} {r['memory_per_session_kb']:>8} {r['client_cpu_pct']:>8}"
        )
        print(f"        CPU ms per action {r['cpu_ms_per_action']}; by kind (one student only): {r['cpu_ms_by_kind']}")
        for kind, text in r["error_kinds"].items():
            print(f"        error x{text}: {kind}")
    for pair, values in ratios(reports).items():
        print(f"{pair}: " + ", ".join(f"{k} {v}" for k, v in values.items()))


def run_scenario(sc: Scenario, targets: list[str], args: argparse.Namespace) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="classroom-bench-"))
    try:
        reports = {target: run_target(target, sc, args, workdir) for target in targets}
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print_report(sc.name, reports)
    return {"scenario": sc.name, "reports": reports, "ratios": ratios(reports)}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=TARGETS, action="append", help="server(s) to run; default tuned")
    parser.add_argument("--compare", action="store_true", help="run tuned, bare and stock and print ratios")
    parser.add_argument("--name", default="custom")
    parser.add_argument("--sessions", type=int, default=3)
    parser.add_argument("--every", type=float, default=1.0, help="seconds between one student's actions")
    parser.add_argument("--jitter", type=float, default=0.5)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of answering after the ramp")
    parser.add_argument("--ramp", type=float, default=0.0, help="seconds over which students connect")
    parser.add_argument("--aligned", action="store_true", help="everyone acts on the same beat")
    parser.add_argument("--spread", action="store_true", help="students resume attempts at random points")
    parser.add_argument("--one-address", action="store_true", help="every device from 127.0.0.1 (a NAT or a proxy)")
    parser.add_argument("--quiz", default="every-kind")
    parser.add_argument("--content", type=Path, default=FIXTURE, help="folder with lessons/ and quizzes/")
    parser.add_argument("--port", type=int, default=8531)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument("--serve-args", default="", help="extra server arguments, e.g. '--loop asyncio'")
    parser.add_argument("--keep", action="store_true", help="keep the server logs and databases")
    args = parser.parse_args(argv)
    args.content = args.content.resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    targets = list(TARGETS) if args.compare else (args.target or ["tuned"])
    sc = Scenario(
        args.name,
        args.sessions,
        args.every,
        args.duration,
        args.jitter,
        args.ramp,
        args.aligned,
        args.spread,
        args.one_address,
    )
    report = run_scenario(sc, targets, args)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
