"""The parent of the server processes: starts one worker per shared socket, restarts one that dies.

The parent only binds the sockets (``server/reuseport.py``), prepares the database
once and watches its workers; each worker is ``python -m server`` again, given the
socket's file descriptor. A worker that keeps dying within seconds of its start
stops the whole server with a message instead of looping for ever.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time

RESTART_WINDOW_S = 10  # a worker that dies sooner than this after starting, three times running: give up


def worker_command(args: argparse.Namespace, fd: int) -> list[str]:
    """The command line of one worker: ``python -m server`` again, on the socket the parent bound."""
    return [
        sys.executable,
        *("-m", "server"),
        *("--host", args.host, "--port", str(args.port), "--log-level", args.log_level, "--loop", args.loop),
        *("--switch-interval", str(args.switch_interval), "--app", str(args.app), "--worker-fd", str(fd)),
        *(("--tls-cert", args.tls_cert, "--tls-key", args.tls_key) if getattr(args, "tls_cert", None) else ()),
        *(("--python-gc",) if getattr(args, "python_gc", False) else ()),
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
    from classroom.results.store import Store

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
