"""Serve app.py for a classroom: st.App under uvicorn, tuned as docs/benchmarks.md measured.

Why not plain ``streamlit run`` (numbers in docs/benchmarks.md):

- ``streamlit run`` binds the listening socket itself with protocol 0, and asyncio
  only sets TCP_NODELAY on accepted sockets whose protocol is IPPROTO_TCP. Small
  websocket frames then wait for the peer's delayed ACK: about 40 ms added to every
  click. Here uvicorn binds host and port itself, so every accepted socket gets
  TCP_NODELAY.
- ``runner.postScriptGC`` (default true) runs a full ``gc.collect(2)`` after every
  script run while holding the GIL; with a class of sessions it dominates the CPU.
  Python's generational GC still runs as usual.
- No file watcher: nothing edits the code during a lesson, and a watcher per
  session costs memory and CPU. ``make dev`` keeps watching for authors.
- uvloop (when installed; it is pinned in requirements.txt): every message a script
  sends wakes the event loop through ``call_soon_threadsafe``; asyncio's version
  writes to its self-pipe, dropping and retaking the GIL each time, uvloop's does not.
- A 1 ms GIL switch interval instead of 5 ms: with a class rerunning at once, each
  script thread could otherwise keep the GIL 5 ms while the event loop, which
  delivers every answer, waits. Shorter than 1 ms slowed full page runs.
- Heavy libraries imported before the first visitor (see ``preload``).
- One server process per core (``--workers``, default: the cores, at most 4) sharing
  the port: one Python process saturates near 100 clicks a second, whatever the
  tuning, because every rerun holds the GIL. ``reuseport.py`` makes the kernel send
  every connection from one device to the same process, because a Streamlit session,
  its uploads and its downloads live in one process's memory. The parent only binds
  the sockets, prepares the database once and restarts a worker that dies. Linux
  only; elsewhere, and for the kiosk (one screen, one visitor), one process.

Usage: ``python serve.py [--host HOST] [--port PORT] [--workers N] [--kiosk [KIOSK_YAML]]``,
or the environment variables CLASSROOM_HOST, CLASSROOM_PORT, CLASSROOM_WORKERS and
CLASSROOM_KIOSK.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"

# Options applied over .streamlit/config.toml, as `streamlit run --option value` would.
TUNED_OPTIONS = {
    "runner.postScriptGC": False,  # see above: a full collection per rerun dominates under load
    "server.fileWatcherType": "none",  # no watcher outside `make dev`
    "server.runOnSave": False,
    "server.headless": True,  # never try to open a browser on the classroom laptop
    "browser.gatherUsageStats": False,  # fully self-hosted
}
SWITCH_INTERVAL_S = 0.001
MAX_WORKERS = 4  # beyond that a laptop's memory matters more than its cores
RESTART_WINDOW_S = 10  # a worker that dies sooner than this after starting, three times running: give up


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    env = os.environ
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 0.0.0.0 by default: students' devices reach the teacher's laptop over the room's network.
    parser.add_argument("--host", default=env.get("CLASSROOM_HOST", "0.0.0.0"))
    parser.add_argument("--port", type=int, default=int(env.get("CLASSROOM_PORT", "8501")))
    parser.add_argument(
        "--kiosk",
        nargs="?",
        const="kiosk.yaml",
        default=env.get("CLASSROOM_KIOSK") or None,
        help="serve the kiosk, configured by this file (default kiosk.yaml): sets CLASSROOM_MODE and CLASSROOM_KIOSK",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=int(env.get("CLASSROOM_WORKERS") or default_workers()),
        help="server processes sharing the port (default: one per core, at most 4; the kiosk always uses 1)",
    )
    parser.add_argument("--log-level", default=env.get("CLASSROOM_LOG_LEVEL", "warning"))
    parser.add_argument("--worker-fd", type=int, help=argparse.SUPPRESS)  # set by the parent for its workers
    # For the benchmark's comparisons: the event loop, the GIL switch interval, another script.
    parser.add_argument("--loop", default="auto", choices=["auto", "asyncio", "uvloop"], help=argparse.SUPPRESS)
    parser.add_argument("--switch-interval", type=float, default=SWITCH_INTERVAL_S, help=argparse.SUPPRESS)
    parser.add_argument("--app", type=Path, default=APP, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def preload() -> None:
    """Import the heavy libraries once, before the first student arrives.

    Besides sparing the first visitors a slow screen, this closes a race seen in the
    benchmark: altair looks numpy up in ``sys.modules`` while another session's thread
    is still importing it, and the result page fails with "partially initialized module
    'numpy'". Imported up front, numpy is complete before any session runs.
    """
    import altair  # noqa: F401
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401


def build_app(script: Path = APP, kiosk: str | None = None, routes: list | None = None):
    """The ASGI app with the tuned options loaded (st.App reads its config on the first request)."""
    preload()
    if kiosk:  # a server mode (classroom/kiosk.py reads it at start-up): no URL can switch it
        os.environ["CLASSROOM_MODE"] = "kiosk"
        os.environ["CLASSROOM_KIOSK"] = kiosk
    import streamlit as st
    from streamlit.web import bootstrap

    app = st.App(script, routes=routes)  # first: it points Streamlit at .streamlit/config.toml beside app.py
    options = dict(TUNED_OPTIONS)
    if kiosk:  # a public screen: no toolbar, no top bar, never error details
        from classroom.kiosk import SERVER_OPTIONS

        options.update(SERVER_OPTIONS)
    bootstrap.load_config_options(options)
    return app


def uvicorn_config(app, host: str, port: int, log_level: str = "warning", loop: str = "auto"):
    """Websocket settings as Streamlit's own runner uses them; uvicorn binds host and port (TCP_NODELAY)."""
    import uvicorn
    from streamlit import config
    from streamlit.runtime.runtime_util import get_max_message_size_bytes

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        loop=loop,  # "auto": uvloop when installed
        ws="websockets-sansio",
        ws_max_size=get_max_message_size_bytes(),
        ws_ping_interval=30,  # Streamlit's defaults: a dead tablet is noticed within a minute
        ws_ping_timeout=30,
        ws_per_message_deflate=bool(config.get_option("server.enableWebsocketCompression")),
        access_log=False,  # a log line per request would cost more than the request
        log_level=log_level,
        lifespan="on",
        backlog=4096,  # a whole year group connecting at the bell
    )


def worker_count(args: argparse.Namespace) -> int:
    """A kiosk is one screen with one visitor: one process. Otherwise as asked, at least one."""
    from classroom.kiosk import ModeError, server_mode

    try:
        kiosk = bool(args.kiosk) or server_mode() == "kiosk"
    except ModeError:  # one process, whose app then refuses to start and says why
        kiosk = True
    return 1 if kiosk else max(1, args.workers)


def serve(args: argparse.Namespace, sock: socket.socket | None = None) -> None:
    """Run one server process: on its inherited socket (a worker), or binding host and port itself."""
    import uvicorn

    sys.setswitchinterval(args.switch_interval)
    app = build_app(args.app.resolve(), args.kiosk)
    server = uvicorn.Server(uvicorn_config(app, args.host, args.port, args.log_level, args.loop))
    server.run(sockets=[sock] if sock else None)


def worker_command(args: argparse.Namespace, fd: int) -> list[str]:
    """The command line of one worker: this script again, on the socket the parent bound."""
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        *("--host", args.host, "--port", str(args.port), "--log-level", args.log_level, "--loop", args.loop),
        *("--switch-interval", str(args.switch_interval), "--app", str(args.app), "--worker-fd", str(fd)),
    ]


def die_with_parent() -> None:
    """Linux: a worker gets SIGTERM when its parent dies, even by SIGKILL, so no orphan keeps the port."""
    import ctypes

    pr_set_pdeathsig = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: nothing to do
        return
    if os.getppid() == 1:  # the parent died before prctl took effect
        sys.exit(0)


def prepare_database() -> None:
    """Apply migrations once in the parent, so the workers never race to create tables."""
    from classroom.store import Store

    Store().close()


def supervise(args: argparse.Namespace, sockets: list[socket.socket]) -> int:
    """Start a worker per socket, restart one that dies, stop them all on SIGTERM or Ctrl+C."""
    prepare_database()
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def start(sock: socket.socket) -> tuple[subprocess.Popen, float]:
        fd = sock.fileno()
        return subprocess.Popen(worker_command(args, fd), pass_fds=[fd]), time.monotonic()

    workers = [start(sock) for sock in sockets]
    early_deaths = [0] * len(workers)
    status = 0
    while not stopping:
        time.sleep(0.2)
        for i, (proc, started) in enumerate(workers):
            if proc.poll() is None:
                continue
            early_deaths[i] = early_deaths[i] + 1 if time.monotonic() - started < RESTART_WINDOW_S else 0
            if early_deaths[i] >= 3:
                print(f"worker {i} keeps exiting (code {proc.returncode}); stopping", file=sys.stderr, flush=True)
                stopping, status = True, 1
                break
            print(f"worker {i} exited with code {proc.returncode}; restarting it", file=sys.stderr, flush=True)
            workers[i] = start(sockets[i])
    for proc, _ in workers:
        if proc.poll() is None:
            proc.terminate()
    for proc, _ in workers:
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    return status


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker_fd is not None:
        die_with_parent()
        serve(args, socket.socket(fileno=args.worker_fd))
        return 0
    workers = worker_count(args)
    sockets: list[socket.socket] = []
    if workers > 1:
        import reuseport

        try:
            sockets = reuseport.sticky_sockets(args.host, args.port, workers)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                print(f"Port {args.port} is in use: is the classroom already running?", file=sys.stderr, flush=True)
                return 1
            print(f"Serving from one process: cannot share the port ({error})", file=sys.stderr, flush=True)
    shown = "localhost" if args.host in ("0.0.0.0", "::", "") else args.host
    processes = f", {len(sockets)} processes" if sockets else ""
    print(f"Classroom app{' (kiosk)' if args.kiosk else ''}: http://{shown}:{args.port}{processes}", flush=True)
    if sockets:
        return supervise(args, sockets)
    serve(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
