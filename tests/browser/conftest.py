"""Real-browser fixtures: the app in a subprocess on a free port, and Debian's Chromium driven by Playwright.

The app serves the fixture course in ``tests/testdata/course`` (``CLASSROOM_CONTENT``).
Chromium is never downloaded: the tests use ``/usr/bin/chromium`` and fail (not skip)
when it is missing, because CI installs it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "tests" / "testdata" / "course"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HEALTH_TIMEOUT_S = 90  # generous: a loaded 2-core CI machine starts two workers slowly
DEFAULT_TIMEOUT_MS = 15_000
VIEWPORT = {"width": 1280, "height": 900}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _python() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


class AppServer:
    """The app as a subprocess on a fixed port, so a test can stop it and start it again."""

    def __init__(self, workdir: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "server.log"
        # The fixture course, and a throwaway results database (never the repository's data/ folder).
        self.env = {
            **os.environ,
            "CLASSROOM_CONTENT": str(COURSE),
            "CLASSROOM_DATABASE_URL": f"sqlite:///{workdir / 'results.db'}",
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, workers: int = 2) -> str:
        # As `make run` serves it (python -m server: two processes sharing the port, unless a kiosk).
        command = [_python(), "-m", "server", "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--workers", str(workers)]
        with self.log_path.open("ab") as log:
            # A process group of its own, so that a kill can take the parent and its workers at once.
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        self._wait_healthy()
        return self.base

    def _wait_healthy(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + HEALTH_TIMEOUT_S
        while True:
            if self.process.poll() is not None:
                pytest.fail(
                    f"the server exited with code {self.process.returncode} before answering /_stcore/health:\n"
                    + _tail(self.log_path),
                    pytrace=False,
                )
            try:
                with urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=2) as response:
                    if response.read().decode().strip() == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"the server did not answer {self.base}/_stcore/health with 'ok' within {HEALTH_TIMEOUT_S:g} s:\n"
                    + _tail(self.log_path),
                    pytrace=False,
                )
            time.sleep(0.2)

    def stop(self, kill: bool = False) -> None:
        if self.process is None:
            return
        if kill:  # every process at once, as a power cut would: no worker lingers through a graceful shutdown
            os.killpg(self.process.pid, signal.SIGKILL)
        else:
            self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start ``streamlit run app.py`` on a free port; yield its base URL; stop it afterwards."""
    server = AppServer(tmp_path_factory.mktemp("streamlit"))
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium; a missing binary is a test failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium "
            "(apt-get install chromium). Never run `playwright install`.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh browser context (a fresh Streamlit session), light theme unless asked.

    ``new_page(color_scheme="dark")`` emulates ``prefers-color-scheme: dark``; ``viewport`` another
    window size than the 1280×900 laptop (a 390×844 phone).
    """
    contexts = []

    def _open(color_scheme: str = "light", viewport: dict[str, int] | None = None) -> Page:
        context = browser.new_context(color_scheme=color_scheme, viewport=viewport or VIEWPORT)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()
