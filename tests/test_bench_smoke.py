"""CI smoke run of the load benchmark: three students for a few seconds, so the harness never rots.

No timing assertions (CI machines vary); only that every session finished its run
without an error and that the report has the fields docs/benchmarks.md relies on.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LATENCY_FIELDS = {"n", "p50_ms", "p95_ms", "p99_ms", "max_ms"}
REPORT_FIELDS = {
    "target",
    "sessions",
    "sessions_completed",
    "journeys",
    "interactions",
    "throughput_per_s",
    "errors",
    "error_kinds",
    "latency",
    "answer_latency",
    "by_kind",
    "ramp_latency",
    "server_cpu_mean_pct",
    "server_cpu_max_pct",
    "server_rss_baseline_mb",
    "server_rss_peak_mb",
    "memory_per_session_kb",
    "client_cpu_pct",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("one_address", [False, True], ids=["own-addresses", "one-address"])
def test_three_students_finish_without_errors(tmp_path: Path, one_address: bool) -> None:
    out = tmp_path / "report.json"
    command = [sys.executable, "bench/load.py", "--sessions", "3", "--every", "0.1", "--jitter", "0.1"]
    command += ["--duration", "4", "--spread", "--port", str(_free_port()), "--json", str(out)]
    command += ["--one-address"] if one_address else []
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

    report = json.loads(out.read_text())["reports"]["tuned"]
    assert report["scenario"]["one_address"] is one_address
    assert report.keys() >= REPORT_FIELDS
    assert report["errors"] == 0, report["error_kinds"]
    assert report["sessions_completed"] == 3
    assert report["interactions"] > 0
    assert report["latency"].keys() >= LATENCY_FIELDS
    assert {"submit", "next"} <= report["by_kind"].keys()
    assert report["server_rss_peak_mb"] > 0
