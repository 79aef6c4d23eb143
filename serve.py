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

Usage: ``python serve.py [--host HOST] [--port PORT] [--kiosk [KIOSK_YAML]]``, or the
environment variables CLASSROOM_HOST, CLASSROOM_PORT and CLASSROOM_KIOSK.
"""

from __future__ import annotations

import argparse
import os
import sys
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
    parser.add_argument("--log-level", default=env.get("CLASSROOM_LOG_LEVEL", "warning"))
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


def main(argv: list[str] | None = None) -> None:
    import uvicorn

    args = parse_args(argv)
    sys.setswitchinterval(args.switch_interval)
    app = build_app(args.app.resolve(), args.kiosk)
    shown = "localhost" if args.host in ("0.0.0.0", "::", "") else args.host
    print(f"Classroom app{' (kiosk)' if args.kiosk else ''}: http://{shown}:{args.port}", flush=True)
    uvicorn.Server(uvicorn_config(app, args.host, args.port, args.log_level, args.loop)).run()


if __name__ == "__main__":
    main()
