"""serve.py: its settings, and a real session through it."""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import serve

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import load  # noqa: E402 - bench/ is not a package


def test_arguments_come_from_the_command_line_or_the_environment(monkeypatch) -> None:
    assert (serve.parse_args([]).host, serve.parse_args([]).port, serve.parse_args([]).kiosk) == ("0.0.0.0", 8501, None)
    monkeypatch.setenv("CLASSROOM_PORT", "9000")
    monkeypatch.setenv("CLASSROOM_HOST", "127.0.0.1")
    assert (serve.parse_args([]).host, serve.parse_args([]).port) == ("127.0.0.1", 9000)
    assert serve.parse_args(["--port", "9100"]).port == 9100
    assert serve.parse_args(["--kiosk"]).kiosk == "kiosk.yaml"
    assert serve.parse_args(["--kiosk", "hall.yaml"]).kiosk == "hall.yaml"


def test_the_tuned_options_win_over_the_config_file() -> None:
    """Checked in a fresh interpreter: loading Streamlit's config is global to a process."""
    code = (
        "import json, serve\n"
        "from streamlit import config\n"
        "serve.build_app()\n"
        "print(json.dumps({k: config.get_option(k) for k in serve.TUNED_OPTIONS}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == serve.TUNED_OPTIONS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_student_opens_a_quiz_through_serve(tmp_path: Path) -> None:
    port = _free_port()
    env = dict(os.environ, CLASSROOM_CONTENT=str(ROOT / "tests" / "testdata" / "course"))
    env["CLASSROOM_DATABASE_URL"] = f"sqlite:///{tmp_path / 'results.db'}"
    server = subprocess.Popen(
        [sys.executable, "serve.py", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    assert response.read() == b"ok"
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "serve.py did not start"
                time.sleep(0.2)

        async def open_quiz() -> load.Session:
            session = load.Session(f"ws://127.0.0.1:{port}/_stcore/stream", random.Random(1))
            await session.connect()
            session.query = "quiz=every-kind"
            await asyncio.wait_for(session.rerun(page_name="quiz"), 30)
            await session.close()
            return session

        # In its own thread: Playwright's sync API may hold a running event loop in this one.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            session = pool.submit(asyncio.run, open_quiz()).result()
        assert session.find("Start the quiz") is not None
        assert session.problems == []
    finally:
        server.terminate()
        server.wait(10)
