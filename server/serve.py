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
  the port (``server/supervisor.py``): one Python process saturates near 100 clicks a second, whatever the
  tuning, because every rerun holds the GIL. The kernel spreads connections over the
  processes (``server/reuseport.py``) with no stickiness: what a student needs is in the
  database, uploads and downloads included, so a reconnecting page may reach any process
  (or, behind a load balancer, any host: docs/deploy.md). The parent only binds
  the sockets, prepares the database once and restarts a worker that dies. Linux
  only; elsewhere, and for the kiosk (one screen, one visitor), one process.

Usage: ``python -m server [--host HOST] [--port PORT] [--workers N] [--kiosk [KIOSK_YAML]]``,
or the environment variables CLASSROOM_HOST, CLASSROOM_PORT, CLASSROOM_WORKERS and
CLASSROOM_KIOSK.
"""

from __future__ import annotations

import argparse
import errno
import gc
import socket
import sys
from pathlib import Path

from classroom import settings
from server import auth_routes, options, reuseport, supervisor, uploads

APP = settings.PROJECT_ROOT / "app.py"

SWITCH_INTERVAL_S = 0.001
GC_THRESHOLDS = (50_000, 50, 50)  # Python's are (700, 10, 10): see quiet_garbage_collector


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m server", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=settings.host())
    parser.add_argument("--port", type=int, default=settings.port())
    parser.add_argument(
        "--kiosk",
        nargs="?",
        const="kiosk.yaml",
        default=settings.kiosk_file(),
        help="serve the kiosk, configured by this file (default kiosk.yaml): sets CLASSROOM_MODE and CLASSROOM_KIOSK",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=settings.workers(),
        help="server processes sharing the port (default: one per core, at most 4; the kiosk always uses 1)",
    )
    parser.add_argument("--log-level", default=settings.log_level())
    cert, key = settings.tls_files()
    parser.add_argument("--tls-cert", default=cert, help="certificate (PEM) for HTTPS (or CLASSROOM_TLS_CERT)")
    parser.add_argument("--tls-key", default=key, help="its private key (PEM) (or CLASSROOM_TLS_KEY)")
    parser.add_argument("--dev", action="store_true", help="for authors: rerun on every saved file (never for a class)")
    parser.add_argument("--worker-fd", type=int, help=argparse.SUPPRESS)  # set by the parent for its workers
    # For the benchmark's comparisons: the event loop, the GIL switch interval, another script.
    parser.add_argument("--loop", default="auto", choices=["auto", "asyncio", "uvloop"], help=argparse.SUPPRESS)
    parser.add_argument("--switch-interval", type=float, default=SWITCH_INTERVAL_S, help=argparse.SUPPRESS)
    parser.add_argument("--app", type=Path, default=APP, help=argparse.SUPPRESS)
    parser.add_argument("--python-gc", action="store_true", help=argparse.SUPPRESS)  # Python's own collector settings
    parser.add_argument("--route-by-address", action="store_true", help=argparse.SUPPRESS)  # the old stickiness
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
    if kiosk:  # a server mode (classroom/settings.py reads it at start-up): no URL can switch it
        settings.serve_kiosk(kiosk)
    from starlette.middleware import Middleware
    from streamlit.web import bootstrap

    from server.headers import SecurityHeaders
    from server.shared_storage import ClassroomApp

    routes = [*auth_routes.routes(), *(routes or [])]  # the sign-in cookies (server/auth_routes.py)
    # First: st.App points Streamlit's config at the folder of app.py. Every response gets the security
    # headers (server/headers.py: the browser loads nothing from another host); uploads are a signed-in
    # teacher's only and go to the database (server/uploads.py), as do download files (server/shared_storage.py),
    # so any process may take any request.
    guard = [Middleware(SecurityHeaders), Middleware(uploads.Uploads)]
    app = ClassroomApp(script, routes=routes, middleware=guard)
    bootstrap.load_config_options(options.server_options(kiosk=bool(kiosk)))
    return app


def uvicorn_config(
    app,
    host: str,
    port: int,
    log_level: str = "warning",
    loop: str = "auto",
    tls: tuple[str, str] | None = None,
):
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
        # Incoming frames only (what a browser sends): far below Streamlit's outgoing limit, checked on the header.
        ws_max_size=min(get_max_message_size_bytes(), options.INCOMING_MESSAGE_LIMIT_BYTES),
        ws_ping_interval=30,  # Streamlit's defaults: a dead tablet is noticed within a minute
        ws_ping_timeout=30,
        ws_per_message_deflate=bool(config.get_option("server.enableWebsocketCompression")),
        access_log=False,  # a log line per request would cost more than the request
        log_level=log_level,
        lifespan="on",
        backlog=4096,  # a whole year group connecting at the bell
        proxy_headers=True,  # behind a load balancer: its X-Forwarded-Proto makes the cookies Secure
        forwarded_allow_ips=settings.trusted_proxies(),
        ssl_certfile=tls[0] if tls else None,  # HTTPS: the teacher's password never crosses the room in clear
        ssl_keyfile=tls[1] if tls else None,
    )


def worker_count(args: argparse.Namespace) -> int:
    """A kiosk is one screen with one visitor: one process. Otherwise as asked, at least one."""
    try:
        kiosk = bool(args.kiosk) or settings.server_mode() == "kiosk"
    except settings.ModeError:  # one process, whose app then refuses to start and says why
        kiosk = True
    return 1 if kiosk else max(1, args.workers)


def serve(args: argparse.Namespace, sock: socket.socket | None = None) -> None:
    """Run one server process: on its inherited socket (a worker), or binding host and port itself."""
    import uvicorn

    sys.setswitchinterval(args.switch_interval)
    app = build_app(args.app.resolve(), args.kiosk)
    tls = (args.tls_cert, args.tls_key) if args.tls_cert else None
    server = uvicorn.Server(uvicorn_config(app, args.host, args.port, args.log_level, args.loop, tls))
    if not args.python_gc:
        quiet_garbage_collector()
    server.run(sockets=[sock] if sock else None)


def quiet_garbage_collector() -> None:
    """Spend less of each action in Python's cycle collector: a sixth of a busy server's CPU before.

    Everything loaded so far (Streamlit, the libraries ``preload`` imports) is frozen out of the
    collector's scans, and young objects are collected in bigger batches: a click makes thousands
    of short-lived ones. Measured in docs/benchmarks.md; ``--python-gc`` keeps Python's defaults.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def dev(args: argparse.Namespace) -> int:
    """``make dev``: Streamlit's own runner, watching the files and rerunning on save."""
    from streamlit.web import bootstrap

    dev_options = options.dev_options(args.port)
    bootstrap.load_config_options(dev_options)  # what `streamlit run --option value` does first
    bootstrap.run(str(args.app.resolve()), False, [], dev_options)
    return 0


def database_ready() -> bool:
    """The results database opens, reads and writes; else one line saying why (no traceback) and False."""
    from classroom.results import preflight

    try:
        preflight.check_database()
    except preflight.DatabaseUnusable as error:
        print(f"error: {error}", file=sys.stderr, flush=True)
        return False
    return True


def tls_problem(args: argparse.Namespace) -> str | None:
    """Why the HTTPS files cannot be used (one line), or None: both given and readable, or neither."""
    if bool(args.tls_cert) != bool(args.tls_key):
        return "HTTPS needs both a certificate and its key: set CLASSROOM_TLS_CERT and CLASSROOM_TLS_KEY (or neither)"
    if not args.tls_cert:
        return None
    import ssl

    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(args.tls_cert, args.tls_key)
    except (OSError, ssl.SSLError) as error:
        return f"cannot use the HTTPS certificate {args.tls_cert} with key {args.tls_key}: {error}"
    return None


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.worker_fd is None:  # a worker's parent has checked these already
        problem = tls_problem(args)
        if problem:
            print(f"error: {problem}", file=sys.stderr, flush=True)
            return 1
        if not database_ready():
            return 1
    if args.dev:
        return dev(args)
    if args.worker_fd is not None:
        supervisor.die_with_parent()
        serve(args, socket.socket(fileno=args.worker_fd))
        return 0
    workers = worker_count(args)
    sockets: list[socket.socket] = []
    if workers > 1:
        try:
            sockets = reuseport.shared_sockets(args.host, args.port, workers, route_by_address=args.route_by_address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                print(f"Port {args.port} is in use: is the classroom already running?", file=sys.stderr, flush=True)
                return 1
            print(f"Serving from one process: cannot share the port ({error})", file=sys.stderr, flush=True)
    shown = "localhost" if args.host in ("0.0.0.0", "::", "") else args.host
    processes = f", {len(sockets)} processes" if sockets else ""
    scheme = "https" if args.tls_cert else "http"
    print(f"Classroom app{' (kiosk)' if args.kiosk else ''}: {scheme}://{shown}:{args.port}{processes}", flush=True)
    if scheme == "http":
        print("Plain HTTP: anyone on this network can read what is sent, passwords included (docs/security.md).")
    if sockets:
        return supervisor.supervise(args, sockets)
    serve(args)
    return 0


def run() -> None:
    """The ``classroom-server`` console script, the same as ``python -m server``."""
    sys.exit(main())
