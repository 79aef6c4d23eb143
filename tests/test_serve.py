"""The server (python -m server): its settings, and a real session through it."""

from __future__ import annotations

import asyncio
import concurrent.futures
import gc
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

from bench import load
from server import options, serve, supervisor

ROOT = Path(__file__).resolve().parent.parent


def test_arguments_come_from_the_command_line_or_the_environment(monkeypatch) -> None:
    assert (serve.parse_args([]).host, serve.parse_args([]).port, serve.parse_args([]).kiosk) == ("0.0.0.0", 8501, None)
    monkeypatch.setenv("CLASSROOM_PORT", "9000")
    monkeypatch.setenv("CLASSROOM_HOST", "127.0.0.1")
    assert (serve.parse_args([]).host, serve.parse_args([]).port) == ("127.0.0.1", 9000)
    assert serve.parse_args(["--port", "9100"]).port == 9100
    assert serve.parse_args(["--kiosk"]).kiosk == "kiosk.yaml"
    assert serve.parse_args(["--kiosk", "hall.yaml"]).kiosk == "hall.yaml"


def test_one_process_per_core_at_most_four_and_one_for_a_kiosk(monkeypatch) -> None:
    for name in ("CLASSROOM_WORKERS", "CLASSROOM_MODE", "CLASSROOM_KIOSK"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert serve.worker_count(serve.parse_args([])) == 2
    monkeypatch.setattr(os, "cpu_count", lambda: 16)
    assert serve.worker_count(serve.parse_args([])) == 4
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    assert serve.worker_count(serve.parse_args([])) == 1
    monkeypatch.setenv("CLASSROOM_WORKERS", "3")
    assert serve.worker_count(serve.parse_args([])) == 3
    assert serve.worker_count(serve.parse_args(["--workers", "0"])) == 1
    assert serve.worker_count(serve.parse_args(["--workers", "3", "--kiosk"])) == 1
    monkeypatch.setenv("CLASSROOM_MODE", "kiosk")  # the kiosk chosen by the environment
    assert serve.worker_count(serve.parse_args(["--workers", "3"])) == 1


def test_the_collector_is_quieted_unless_python_gc_is_asked_for() -> None:
    before = gc.get_threshold()
    try:
        serve.quiet_garbage_collector()
        assert gc.get_threshold() == serve.GC_THRESHOLDS != before
        assert gc.get_freeze_count() > 10_000  # the imported libraries are out of the collector's scans
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
    args = serve.parse_args(["--workers", "2", "--python-gc"])
    assert args.python_gc and "--python-gc" in supervisor.worker_command(args, 5)
    assert "--python-gc" not in supervisor.worker_command(serve.parse_args(["--workers", "2"]), 5)


def test_the_tuned_options_win_over_the_config_file() -> None:
    """Checked in a fresh interpreter: loading Streamlit's config is global to a process."""
    code = (
        "import json\nfrom server import serve, options\n"
        "from streamlit import config\n"
        "serve.build_app()\n"
        "print(json.dumps({k: config.get_option(k) for k in options.server_options()}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == options.server_options()


def test_every_option_the_project_sets_is_a_streamlit_option_of_its_type() -> None:
    from streamlit import config

    for key, value in {**options.server_options(kiosk=True), **options.dev_options(8501)}.items():
        assert type(config.get_option(key)) is type(value), key


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = dict(os.environ, CLASSROOM_CONTENT=str(ROOT / "tests" / "testdata" / "course"))
    env["CLASSROOM_DATABASE_URL"] = f"sqlite:///{tmp_path / 'results.db'}"
    server = subprocess.Popen(
        [sys.executable, "-m", "server", "--host", "127.0.0.1", "--port", str(port), *extra],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait_healthy(server, port)
    return server, port


def _wait_healthy(server: subprocess.Popen, port: int, source: str = "127.0.0.1") -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2, source_address=(source, 0)) as sock:
                sock.sendall(b"GET /_stcore/health HTTP/1.0\r\n\r\n")
                assert sock.recv(1024).startswith(b"HTTP/1.1 200")
            return
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
            time.sleep(0.2)


def _open_quiz(port: int) -> load.Session:
    """A session from the next simulated device (bench/load.py gives each its own address)."""

    async def open_quiz() -> load.Session:
        session = load.Session(f"ws://127.0.0.1:{port}/_stcore/stream", random.Random(1))
        await session.connect()
        session.query = "quiz=every-kind"
        await asyncio.wait_for(session.rerun(page_name="quiz"), 30)
        await session.close()
        return session

    # In its own thread: Playwright's sync API may hold a running event loop in this one.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, open_quiz()).result()


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(20)


def test_a_student_opens_a_quiz_through_serve(tmp_path: Path) -> None:
    server, port = _start_server(tmp_path, "--workers", "1")
    try:
        session = _open_quiz(port)
        assert session.find("Start the quiz") is not None
        assert session.problems == []
        assert psutil.Process(server.pid).children() == []  # one process
    finally:
        _stop(server)


def _workers(server: subprocess.Popen) -> list[psutil.Process]:
    return psutil.Process(server.pid).children()


def test_two_workers_share_the_port_and_a_dead_one_comes_back(tmp_path: Path) -> None:
    server, port = _start_server(tmp_path, "--workers", "2")
    try:
        workers = _workers(server)
        assert len(workers) == 2
        # Sessions from many devices: both processes serve some of them, and every one works.
        sessions = [_open_quiz(port) for _ in range(6)]
        assert all(s.find("Start the quiz") is not None and s.problems == [] for s in sessions)
        busy = [w.cpu_times().user for w in workers]
        assert all(t > 0 for t in busy)

        workers[0].kill()  # a crash: the parent starts another on the same socket
        deadline = time.monotonic() + 60
        while {w.pid for w in _workers(server)} & {workers[0].pid} or len(_workers(server)) < 2:
            assert time.monotonic() < deadline, "the dead worker was not replaced"
            time.sleep(0.2)
        for _ in range(4):  # whichever process the kernel picks, each answers
            _wait_healthy(server, port, source=sessions[0].source)
        assert server.poll() is None
    finally:
        _stop(server)
    assert all(not w.is_running() or w.status() == psutil.STATUS_ZOMBIE for w in workers[1:])


def test_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    """Even SIGKILL (nothing to clean up with): no orphan may keep the port."""
    server, port = _start_server(tmp_path, "--workers", "2")
    workers = _workers(server)
    server.kill()
    server.wait(10)
    gone, alive = psutil.wait_procs(workers, timeout=20)
    assert alive == []
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))  # the port is free again
