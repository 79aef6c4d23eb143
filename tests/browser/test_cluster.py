"""Two app servers behind Debian's nginx, no stickiness, one database: one server is killed mid-quiz.

As if on two hosts: two independent ``python -m server`` processes on their own ports, the
same PostgreSQL database (SQLite when make test found no PostgreSQL), and nginx in front with
the project's own proxy rules (deploy/nginx/classroom-proxy.conf) and deploy/nginx/nginx.conf's
balancing (least connections: an open page is a long-lived websocket), started as bench/cluster.py
starts it for the long benchmark.
Students sign in and take a quiz in Chromium through nginx; halfway, the server holding
the most of their pages is killed (SIGKILL: nothing to clean up). Every student must finish
on the other one: same identity, same attempt, each answer stored exactly once.
"""

from __future__ import annotations

import re
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
from browser_helpers import _IDLE, expect_question, expect_verdict, main, open_url, pick_option, see_result, submit
from conftest import AppServer
from playwright.sync_api import Browser, Page, expect
from test_identity import join

from bench.cluster import start_nginx, stop_nginx
from classroom.results.store import Store
from support import POSTGRES_URL, empty_database

RECONNECT_TIMEOUT_MS = 60_000
STUDENTS = ("Ana Costa", "Ben Okafor", "Chloé Martin", "Dev Patel")


@dataclass
class Cluster:
    servers: list[AppServer]
    proxy: str
    database_url: str


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    backend = "postgresql" if POSTGRES_URL else "sqlite"
    with empty_database(backend, tmp_path / "shared.db") as url:
        Store(url).close()  # the migrations once, before either server (as `classroom migrate` in deploy/)
        servers = [AppServer(tmp_path / name) for name in ("host-a", "host-b")]
        proxy: subprocess.Popen[bytes] | None = None
        try:
            for server in servers:
                server.log_path.parent.mkdir(parents=True, exist_ok=True)
                server.env["CLASSROOM_DATABASE_URL"] = url
                server.start(workers=1)  # one process per "host": what a page reaches is that host's
            proxy, port = start_nginx(tmp_path / "nginx", [servers[0].port, servers[1].port])
            yield Cluster(servers, f"http://127.0.0.1:{port}", url)
        finally:
            if proxy is not None:
                stop_nginx(proxy)
            for server in servers:
                server.stop()


def _pages_served(server: AppServer) -> int:
    """Established connections into this server from the proxy: the open pages' websockets (and stray keep-alives)."""
    assert server.process is not None
    found = psutil.Process(server.process.pid).net_connections(kind="tcp")
    return sum(1 for c in found if c.status == psutil.CONN_ESTABLISHED and c.laddr.port == server.port)


def _wait_idle_after_reconnect(page: Page) -> None:
    page.wait_for_function(_IDLE, timeout=RECONNECT_TIMEOUT_MS)


def _first_two(page: Page, base: str) -> None:
    open_url(page, f"{base}/quiz?quiz=leak-check", "Start the quiz")
    page.get_by_role("button", name="Start the quiz").click()
    expect_question(page, 1, 4)
    page.get_by_label("Your answer (a date)", exact=True).fill("17 July 1777")
    submit(page)
    expect_verdict(page, "Correct")
    page.get_by_role("button", name="Next question").click()
    expect_question(page, 2, 4)
    page.get_by_label("Your answer", exact=True).fill("Quetzalcoatlus")
    submit(page)
    expect_verdict(page, "Correct")


def _last_two(page: Page) -> None:
    """From wherever the page stands after the kill: question 2 answered (same server) or question 3 (resumed)."""
    _wait_idle_after_reconnect(page)
    third = main(page).get_by_text(re.compile(r"^Question 3 of 4 · "))
    if not third.is_visible():
        page.get_by_role("button", name="Next question").click()
    expect(third).to_be_visible(timeout=RECONNECT_TIMEOUT_MS)
    page.get_by_label("Your answer (a number)", exact=True).fill("48210")
    submit(page)
    expect_verdict(page, "Correct")
    page.get_by_role("button", name="Next question").click()
    expect_question(page, 4, 4)
    pick_option(page, "Pick one answer", "Basalt")
    submit(page)
    see_result(page).click()
    expect(main(page).get_by_text("Your result", exact=True)).to_be_visible()


def test_every_student_finishes_on_the_other_server_when_one_is_killed(cluster: Cluster, browser: Browser) -> None:
    results = Store(cluster.database_url)
    try:
        room = results.create_class("Cluster 10C")
        contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in STUDENTS]
        pages = [context.new_page() for context in contexts]
        for page, name in zip(pages, STUDENTS, strict=True):
            join(page, cluster.proxy, room.join_code, name)
            expect(main(page).get_by_text("Your personal sign-in code is:")).to_be_visible()
            page.wait_for_function("() => document.querySelector('img[src^=\"/auth/claim\"]')?.complete === true")
            _first_two(page, cluster.proxy)

        served = [_pages_served(server) for server in cluster.servers]
        assert min(served) >= 1, f"least_conn should give each server some pages: {served}"
        victim = cluster.servers[served.index(max(served))]
        victim.stop(kill=True)  # SIGKILL mid-quiz
        time.sleep(1)  # the pages it served notice the closed websocket and start reconnecting

        for page in pages:
            _last_two(page)

        rows = results.attempt_rows(class_id=room.id)
        assert sorted(row["student"] for row in rows) == sorted(STUDENTS), "one attempt each, under their own name"
        assert all(row["percent"] == 100.0 and row["finished_at"] is not None for row in rows)
        answers = results.response_rows(class_id=room.id)
        per_attempt: dict[str, list[str]] = {}
        for answer in answers:
            per_attempt.setdefault(answer["attempt_id"], []).append(answer["question_id"])
        assert sorted(per_attempt) == sorted(row["attempt_id"] for row in rows)
        assert all(len(ids) == 4 == len(set(ids)) for ids in per_attempt.values()), per_attempt  # none lost or doubled
        for context in contexts:
            context.close()
    finally:
        results.close()


def test_nginx_is_the_projects_own_rules(cluster: Cluster) -> None:
    """The proxy passes the page's websocket upgrade and the app's own pages (a broken rule file fails above)."""
    with urllib.request.urlopen(f"{cluster.proxy}/", timeout=10) as response:
        assert response.status == 200 and b'<div id="root">' in response.read()
    with socket.create_connection(("127.0.0.1", int(cluster.proxy.rsplit(":", 1)[1])), timeout=10) as raw:
        raw.sendall(
            b"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            b"Sec-WebSocket-Protocol: streamlit\r\n\r\n"
        )
        assert raw.recv(200).startswith(b"HTTP/1.1 101")
