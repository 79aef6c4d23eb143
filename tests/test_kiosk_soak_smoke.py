"""CI smoke run of the kiosk soak benchmark: twenty visits, so the harness never rots.

No timing or memory assertions (CI machines vary); only that every visit ended
without an error, that the attempts table holds one row per started quiz under the
kiosk's name, and that the report has the fields docs/benchmarks.md relies on.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT_FIELDS = {
    "machine",
    "command",
    "kiosks",
    "visits",
    "outcomes",
    "quizzes_started",
    "interactions",
    "reconnects",
    "duration_s",
    "warmup_visits",
    "rss_warmup_mb",
    "rss_end_mb",
    "rss_peak_after_warmup_mb",
    "rss_by_visits_mb",
    "growth_pct",
    "limit_pct",
    "flat",
    "errors",
    "error_kinds",
    "attempts_stored",
    "attempts_finished_stored",
    "attempts_other_kiosk",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_twenty_kiosk_visits_without_errors(tmp_path: Path) -> None:
    out, census = tmp_path / "soak.json", tmp_path / "census"
    command = [sys.executable, "bench/kiosk_soak.py", "--visits", "20", "--warmup", "5", "--kiosks", "2"]
    command += ["--reconnect-every", "4", "--limit", "1000", "--port", str(_free_port()), "--json", str(out)]
    command += ["--census", str(census)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr

    report = json.loads(out.read_text())
    assert report.keys() >= REPORT_FIELDS
    assert report["errors"] == 0, report["error_kinds"]
    assert report["visits"] == 20
    assert sum(report["outcomes"].values()) == 20
    assert report["reconnects"] > 0
    assert report["quizzes_started"] > 0
    assert report["attempts_stored"] == report["quizzes_started"]
    assert report["attempts_finished_stored"] == report["outcomes"].get("finished", 0)
    assert report["attempts_other_kiosk"] == 0
    assert report["rss_warmup_mb"] > 0 and report["rss_end_mb"] > 0
    # The object census: one after warm-up, one at the end, and what grew in between.
    taken = [json.loads(path.read_text()) for path in sorted(census.glob("census-*.json"))]
    assert len(taken) == 2
    assert all(c["objects"] > 10_000 and c["rss_mb"] > 0 for c in taken)
    assert all(isinstance(name, str) and grew > 0 for name, grew, _ in report["census_growth"])
