"""The paired benchmark (bench/paired.py): its summary, and a short run so the harness never rots.

No timing assertions: only that rounds alternate, both servers are measured in each, the ratios are
computed from the measurements, and no student met an error.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from bench.paired import summary

ROOT = Path(__file__).resolve().parent.parent


def _report(cpu_ms: float, p95_ms: float, errors: int = 0) -> dict:
    return {"cpu_ms_per_action": cpu_ms, "latency": {"p95_ms": p95_ms}, "errors": errors}


def test_the_summary_is_the_median_of_the_rounds_ratios() -> None:
    measured = [
        {"tuned": _report(6.0, 30), "bare": _report(5.0, 20)},  # 1.2
        {"bare": _report(4.0, 20), "tuned": _report(6.0, 20, errors=1)},  # 1.5
        {"tuned": _report(5.0, 40), "bare": _report(5.0, 20)},  # 1.0
    ]
    result = summary(measured)
    assert [row["ratio"] for row in result["rounds"]] == [1.2, 1.5, 1.0]
    assert (result["median_ratio"], result["min_ratio"], result["max_ratio"]) == (1.2, 1.0, 1.5)
    assert result["median_p95_ratio"] == 1.5  # of 1.5, 1.0 and 2.0
    assert result["errors"] == 1


def _free_port_pair() -> int:
    """A free port whose tenth neighbour (the bare server's) is free too."""
    while True:
        with socket.socket() as first, socket.socket() as second:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            try:
                second.bind(("127.0.0.1", port + 10))
            except OSError:
                continue
            return port


def test_two_short_rounds_measure_both_servers_in_swapped_order(tmp_path: Path) -> None:
    out = tmp_path / "paired.json"
    command = [sys.executable, "-m", "bench.paired", "--only", "one", "--rounds", "2", "--duration", "3"]
    command += ["--port", str(_free_port_pair()), "--json", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr

    one = json.loads(out.read_text())["scenarios"]["one"]
    assert [list(pair) for pair in one["reports"]] == [["tuned", "bare"], ["bare", "tuned"]]
    for pair, row in zip(one["reports"], one["rounds"], strict=True):
        assert pair["tuned"]["target"] == "tuned" and pair["bare"]["target"] == "bare"
        assert pair["tuned"]["interactions"] > 10 and pair["bare"]["interactions"] > 10
        assert row["ratio"] == round(pair["tuned"]["cpu_ms_per_action"] / pair["bare"]["cpu_ms_per_action"], 3)
    assert one["errors"] == 0
    assert "median" in done.stdout
