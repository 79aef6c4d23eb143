"""The district layout on one machine: app servers as if on separate hosts, Debian's nginx, PostgreSQL.

Each app server is ``python -m server --workers 1`` on a port of its own, pinned to one
core with ``taskset`` (so the machine's cores play separate hosts); nginx runs the
project's proxy rules (deploy/nginx/classroom-proxy.conf) with least connections and no
stickiness; every server uses one PostgreSQL database. Simulated students
(bench/load.py's protocol client) go through nginx.

Two measurements:

- ``throughput``: the same load (students acting back to back) against one server and
  against two, through the proxy: actions a second and latencies for each.
- ``kill``: students take quizzes against two servers; one is killed (SIGKILL) under load.
  A student whose connection drops reconnects through the proxy with its page address
  (which names its attempt) and goes on. Reported: how long each took to be back, and,
  from the database, answers lost (the student saw a verdict the database lacks) and
  answers doubled (two rows for one question of one attempt).

Usage::

    python -m bench.cluster --database-url postgresql+psycopg://... [--students 60] [--duration 30]

Only 127.0.0.1 is contacted. Needs Linux (taskset), nginx and a PostgreSQL database whose
tables it may drop (default: the test database that tools/test-services.sh makes).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

import psutil
import sqlalchemy as sa
import websockets

from bench import load
from bench.run import machine

ROOT = Path(__file__).resolve().parent.parent
PROXY_RULES = ROOT / "deploy" / "nginx" / "classroom-proxy.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The verdict box after a submitted answer (ui/shared/questions.py): "**Correct** — 1 of 1 point".
VERDICT = re.compile(r"^\*\*[^*]+\*\* — [\d.]+ of [\d.]+ points?$")
DEFAULT_DATABASE = "postgresql+psycopg://classroom:classroom@127.0.0.1:5432/classroom_test"

NGINX_CONF = """
worker_processes 1;
{user}
error_log {dir}/error.log warn;
pid {dir}/nginx.pid;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ''      close;
    }}
    upstream classroom {{
        least_conn;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port} backlog=4096;
        include {rules};
    }}
}}
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_nginx(workdir: Path, ports: list[int]) -> tuple[subprocess.Popen[bytes], int]:
    """nginx in front of the app servers on ``ports`` (deploy/nginx's rules); returns it and its port."""
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;" for p in ports)
    user = "user root;" if os.geteuid() == 0 else ""  # the temporary folders are this run's own
    conf = workdir / "nginx.conf"
    text = NGINX_CONF.format(user=user, dir=workdir, servers=servers, port=port, rules=PROXY_RULES)
    conf.write_text(text, encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(workdir), "-c", str(conf)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx refused the configuration:\n{check.stderr}")
    proxy = subprocess.Popen([NGINX, "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"])
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return proxy, port
        except OSError:
            pass
        if proxy.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("nginx did not start: " + (workdir / "error.log").read_text(errors="replace"))
        time.sleep(0.2)


def stop_nginx(proxy: subprocess.Popen[bytes]) -> None:
    load.stop_process(proxy)  # SIGTERM is nginx's fast shutdown: open websockets are simply closed


def empty_database(url: str) -> None:
    """Drop every table of the bench database, then build the schema once (as `classroom migrate`)."""
    from classroom.results.store import Store

    engine = sa.create_engine(url)
    try:
        meta = sa.MetaData()
        meta.reflect(engine)
        meta.drop_all(engine)
    finally:
        engine.dispose()
    Store(url).close()


CPU_CGROUP = Path("/sys/fs/cgroup/cpu")  # cgroup v1's cpu controller, where Docker-style CPU limits live
CFS_PERIOD_US = 100_000


class CpuSlice:
    """A fixed share of CPU time (a CFS quota, as ``docker run --cpus``) that a host's processes cannot exceed.

    With only ``taskset``, the two-host run lends part of each host's core to the load
    client, nginx and PostgreSQL, which need more CPU when the hosts serve more; the
    one-host run lends them the idle second core. A slice gives every host the same
    budget in both runs and leaves the rest of the machine to everything else.
    """

    def __init__(self, name: str, cores: float) -> None:
        if not (CPU_CGROUP / "cgroup.procs").exists():
            raise RuntimeError(f"--host-cpu needs cgroup v1's cpu controller at {CPU_CGROUP} (not found)")
        self.path = CPU_CGROUP / name
        self.path.mkdir(exist_ok=True)
        (self.path / "cpu.cfs_period_us").write_text(str(CFS_PERIOD_US))
        (self.path / "cpu.cfs_quota_us").write_text(str(round(cores * CFS_PERIOD_US)))

    def wrap(self, command: list[str]) -> list[str]:
        """``command``, entering the slice before it starts, so that every process it forks is in it."""
        return ["sh", "-c", f'echo $$ > {self.path / "cgroup.procs"} && exec "$@"', "sh", *command]

    def throttled_s(self) -> float:
        """Seconds the slice's processes waited because the quota was used up."""
        for line in (self.path / "cpu.stat").read_text().splitlines():
            if line.startswith("throttled_time "):
                return int(line.split()[1]) / 1e9
        return 0.0

    def remove(self) -> None:
        with contextlib.suppress(OSError):  # still busy only if a process outlived its host
            self.path.rmdir()


class AppHost:
    """One app server on a core of its own (``taskset``), as if on a host of its own.

    ``cores``: a CPU budget for the host (:class:`CpuSlice`); None runs it on its whole core.
    """

    def __init__(self, core: int, database_url: str, content: Path, workdir: Path, cores: float | None = None) -> None:
        self.port = free_port()
        env = dict(os.environ, CLASSROOM_CONTENT=str(content), CLASSROOM_DATABASE_URL=database_url)
        self.log = open(workdir / f"host-{core}.log", "w")  # noqa: SIM115 - closed in stop()
        command = ["taskset", "-c", str(core), *load.server_command("tuned", self.port, ["--workers", "1"])]
        self.slice = CpuSlice(f"classroom-bench-{self.port}", cores) if cores else None
        if self.slice is not None:
            command = self.slice.wrap(command)
        self.proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.ps = psutil.Process(self.proc.pid)

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while True:
            health = f"http://127.0.0.1:{self.port}/_stcore/health"
            with contextlib.suppress(OSError), urllib.request.urlopen(health, timeout=2) as response:
                if response.read().decode().strip() == "ok":
                    return
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"app host on port {self.port} did not start; see {self.log.name}")
            time.sleep(0.2)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(10)

    def stop(self) -> None:
        load.stop_process(self.proc)
        self.log.close()
        if self.slice is not None:
            self.slice.remove()


def others_cpu_s(proxy: subprocess.Popen[bytes] | None) -> float:
    """CPU seconds used so far by what is not an app host: this load client, nginx and PostgreSQL."""
    total = sum(psutil.Process().cpu_times()[:2])
    if proxy is not None:
        nginx = psutil.Process(proxy.pid)
        total += sum(sum(p.cpu_times()[:2]) for p in [nginx, *nginx.children(recursive=True)])
    for process in psutil.process_iter(["name"]):
        if (process.info["name"] or "").startswith("postgres"):
            with contextlib.suppress(psutil.Error):
                total += sum(process.cpu_times()[:2])
    return total


# ---------------------------------------------------------------- students who come back


class ReturningStudent(load.Student):
    """A student whose connection may drop: they reconnect with the page's address and carry on.

    Counts, per attempt, the answers the app confirmed (a verdict came back), so the
    database can be checked afterwards for answers lost.
    """

    def __init__(self, *args, one_address: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if one_address:  # a school behind one NAT or one proxy
            self.session.source = "127.0.0.1"
        self.confirmed: Counter[str] = Counter()  # attempt token -> answers with a verdict seen
        self.back_after: list[float] = []  # seconds from the dropped connection to the page back

    def attempt(self) -> str:
        for part in self.session.query.split("&"):
            if part.startswith("attempt="):
                return part.split("=", 1)[1]
        return ""

    async def timed(self, results: load.Results, name: str, action) -> None:
        await super().timed(results, name, action)
        if name == "submit" and any(VERDICT.match(text) for text in self.session.texts):
            self.confirmed[self.attempt()] += 1  # the page shows the answer's verdict: the app has kept it

    async def run(self, results: load.Results, token: str | None = None) -> None:
        s = self.session
        try:
            await s.connect()
            s.query = f"quiz={self.quiz}"
            await self.timed(results, "load", s.rerun(page_name="quiz"))
            for _ in range(100_000):
                await self.pace()
                try:
                    if await self.step(results):
                        results.journeys += 1
                except (OSError, websockets.WebSocketException, load.Stuck) as dropped:
                    if isinstance(dropped, load.Stuck) and "no answer" not in str(dropped):
                        raise
                    await self._come_back(results)
        except load.Done:
            results.sessions_ok += 1
        except load.Stuck as problem:
            results.errors[str(problem)] += 1
        except (OSError, websockets.WebSocketException) as exc:
            results.errors[f"connection: {type(exc).__name__}: {exc}"[:120]] += 1
        finally:
            with contextlib.suppress(OSError, TimeoutError, websockets.WebSocketException):
                await asyncio.wait_for(s.close(), 5)

    async def _come_back(self, results: load.Results) -> None:
        """Reconnect through the proxy (as the browser does, retrying) and reload the page's address."""
        s = self.session
        lost_at = time.monotonic()
        with contextlib.suppress(OSError, TimeoutError, websockets.WebSocketException):
            await asyncio.wait_for(s.close(), 2)
        for attempt in range(60):
            try:
                await s.connect()
                await asyncio.wait_for(s.rerun(page_name="quiz"), load.INTERACTION_TIMEOUT)
                self.back_after.append(time.monotonic() - lost_at)
                return
            except (OSError, TimeoutError, websockets.WebSocketException):
                await asyncio.sleep(min(0.2 * (attempt + 1), 1.0))
        raise load.Stuck("could not reconnect within a minute")


async def drive(
    url: str, students: int, every: float, duration: float, quiz: str, seed: int, one_address: bool, ramp: float
):
    """Students connect evenly over ``ramp`` seconds; latencies count from then until ``duration`` later."""
    start = time.monotonic()
    results = load.Results(steady=start + ramp)
    deadline = start + ramp + duration
    rng = random.Random(seed)
    crowd = [
        ReturningStudent(
            url,
            quiz,
            every,
            every / 4,
            start + ramp + rng.uniform(0, every),
            deadline,
            seed * 7919 + i,
            one_address=one_address,
        )
        for i in range(students)
    ]

    async def one(i: int) -> None:
        await asyncio.sleep(ramp * i / students)
        await crowd[i].run(results)

    tasks = [asyncio.create_task(one(i)) for i in range(students)]
    _, late = await asyncio.wait(tasks, timeout=deadline - time.monotonic() + 2 * load.INTERACTION_TIMEOUT + 10)
    for task in late:
        task.cancel()
        results.errors["still running at the end"] += 1
    return results, crowd, results.steady, deadline


def answer_check(database_url: str, crowd: list[ReturningStudent]) -> dict:
    """Answers the students saw confirmed vs the rows in the database, per attempt."""
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text("SELECT attempt_id, question_id, count(*) AS n FROM responses GROUP BY attempt_id, question_id")
            ).all()
    finally:
        engine.dispose()
    stored: Counter[str] = Counter()
    doubled = 0
    for row in rows:
        stored[row.attempt_id] += 1
        doubled += row.n - 1
    confirmed: Counter[str] = Counter()
    for student in crowd:
        confirmed.update({token: n for token, n in student.confirmed.items() if token})
    lost = sum(max(0, n - stored.get(token, 0)) for token, n in confirmed.items())
    return {
        "answers_confirmed": sum(confirmed.values()),
        "answers_stored": sum(stored.values()),
        "lost": lost,
        "doubled": doubled,
    }


def run(hosts: int, args: argparse.Namespace, kill_after: float | None = None) -> dict:
    """One measurement: ``hosts`` app servers behind nginx; optionally kill the first after ``kill_after`` s."""
    workdir = Path(tempfile.mkdtemp(prefix="classroom-cluster-"))
    empty_database(args.database_url)
    servers = [
        AppHost(core % os.cpu_count(), args.database_url, args.content, workdir, args.host_cpu) for core in range(hosts)
    ]
    proxy = None
    try:
        for server in servers:
            server.wait_ready()
        proxy, port = start_nginx(workdir / "nginx", [s.port for s in servers])
        url = f"ws://127.0.0.1:{port}/_stcore/stream"
        cpu0 = [sum(s.ps.cpu_times()[:2]) for s in servers]
        others0 = others_cpu_s(proxy)
        wall0 = time.monotonic()

        async def scenario():
            task = asyncio.create_task(
                drive(url, args.students, args.every, args.duration, args.quiz, args.seed, args.one_address, args.ramp)
            )
            if kill_after is not None:
                await asyncio.sleep(args.ramp + kill_after)
                await asyncio.to_thread(servers[0].kill)
            return await task

        results, crowd, steady, end = asyncio.run(scenario())
        cpu = (
            [sum(s.ps.cpu_times()[:2]) - c0 for s, c0 in zip(servers, cpu0, strict=True)] if kill_after is None else []
        )
        others = others_cpu_s(proxy) - others0
        wall = time.monotonic() - wall0
        everything = [v for values in results.latencies.values() for v in values]
        back = sorted(t for student in crowd for t in student.back_after)
        report = {
            "hosts": hosts,
            "students": args.students,
            "every_s": args.every,
            "one_address": args.one_address,
            "interactions": len(everything),
            "throughput_per_s": round(len(everything) / max(end - steady, 1e-9), 1),
            "latency": load.latency_summary(everything),
            "errors": sum(results.errors.values()),
            "error_kinds": dict(results.errors.most_common(5)),
            "server_cpu_s": [round(c, 1) for c in cpu],  # each host's CPU over the whole run (ramp included)
            "others_cpu_s": round(others, 1),  # the load client, nginx and PostgreSQL over the same time
            "host_cpu": args.host_cpu,
            "throttled_s": [round(s.slice.throttled_s(), 1) for s in servers if s.slice is not None],
            # what the students would do if every answer came at once: a throughput near it is capped by the load
            "offered_per_s": round(args.students / args.every, 1) if args.every > 0 else None,
            # hosts + client + nginx + PostgreSQL, in cores: near the machine's count, the hosts competed for it
            "machine_cores_used": round((sum(cpu) + others) / max(wall, 1e-9), 2) if cpu else None,
        }
        if kill_after is not None:
            report["killed_after_s"] = kill_after
            report["reconnections"] = len(back)
            report["back_within_s"] = {
                "p50": round(back[len(back) // 2], 2) if back else None,
                "max": round(back[-1], 2) if back else None,
            }
            report.update(answer_check(args.database_url, crowd))
        return report
    finally:
        if proxy is not None:
            stop_nginx(proxy)
        for server in servers:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def capped(report: dict, cores: int) -> list[str]:
    """Why a two-host figure may understate the second host: the load offered, or the machine, ran out."""
    warnings = []
    offered = report.get("offered_per_s")
    if offered and report["throughput_per_s"] >= 0.9 * offered:
        share = report["throughput_per_s"] / offered
        warnings.append(f"the hosts served {share:.0%} of the load offered ({offered:g}/s): add students")
    used = report.get("machine_cores_used")
    if used is not None and used >= 0.9 * cores:
        warnings.append(f"hosts, client, nginx and PostgreSQL used {used:g} of {cores} cores: lower --host-cpu")
    return warnings


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CLASSROOM_BENCH_POSTGRES_URL", DEFAULT_DATABASE))
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--every", type=float, default=0.5, help="seconds between one student's actions")
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--ramp", type=float, default=5.0, help="seconds over which the students connect")
    parser.add_argument("--quiz", default="every-kind")
    parser.add_argument("--content", type=Path, default=load.FIXTURE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one-address", action="store_true", help="every device from 127.0.0.1 (a NAT)")
    parser.add_argument("--only", nargs="*", choices=["one", "two", "kill"], default=["one", "two", "kill"])
    parser.add_argument(
        "--host-cpu",
        type=float,
        default=None,
        help="each host's CPU budget in cores (a CFS quota, e.g. 0.7), the same in the one- and two-host runs",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    args.content = args.content.resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    out: dict = {"machine": machine(), "commit": commit.stdout.strip()}
    if "one" in args.only:
        out["one_host"] = run(1, args)
        print(json.dumps(out["one_host"]), flush=True)
    if "two" in args.only:
        out["two_hosts"] = run(2, args)
        print(json.dumps(out["two_hosts"]), flush=True)
    if "one" in args.only and "two" in args.only:
        out["two_over_one"] = round(out["two_hosts"]["throughput_per_s"] / out["one_host"]["throughput_per_s"], 2)
        print(f"throughput, two hosts / one: {out['two_over_one']}")
        for warning in capped(out["two_hosts"], os.cpu_count() or 1):
            print(f"warning: {warning}")
    if "kill" in args.only:
        out["kill"] = run(2, args, kill_after=args.duration / 2)
        print(json.dumps(out["kill"]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
