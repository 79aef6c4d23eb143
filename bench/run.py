"""The standard scenarios of docs/benchmarks.md, each against the tuned server, the bare app and stock.

Durations are scaled so that the whole run takes about a quarter of an hour on a
2-core laptop (see docs/benchmarks.md); the rates and numbers of students are the
real ones. Prints one table per scenario with ratios, then the targets met or
missed, and runs the content check.

Usage: ``python bench/run.py [--only one class30 ...] [--targets tuned bare stock] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import load

SCENARIOS = {
    # One student clicking straight through (no think time): per-interaction cost.
    "one": load.Scenario("1 student", 1, every=0.0, duration=20),
    # A class answering at once: everyone on the same 2 s beat, within half a second.
    # 45 s is one whole quiz (18 actions), so the class reaches the result page together.
    "class30": load.Scenario("class of 30 at once", 30, every=2.0, duration=45, jitter=0.5, ramp=5, aligned=True),
    # A school: one action per student every 10 s (30 actions/s), spread over the quiz.
    "s300": load.Scenario("300 students every 10 s", 300, every=10.0, duration=40, jitter=1.0, ramp=15, spread=True),
    # A year group connected at once: one action per student every 20 s (100 actions/s).
    "s2000": load.Scenario(
        "2,000 students every 20 s", 2000, every=20.0, duration=60, jitter=1.0, ramp=40, spread=True
    ),
    # The same year group behind the school's one NAT or proxy: every device from one address.
    "s2000one": load.Scenario(
        "2,000 students every 20 s, one address",
        2000,
        every=20.0,
        duration=60,
        jitter=1.0,
        ramp=40,
        spread=True,
        one_address=True,
    ),
}


def _year_group(r: dict) -> bool:
    tuned = r["tuned"]
    return tuned["latency"]["p95_ms"] < 1000 and tuned["errors"] == 0 and tuned["server_rss_peak_mb"] < 4096


def _cpu_ratio(r: dict) -> float:
    return r["tuned"]["cpu_ms_per_action"] / r["bare"]["cpu_ms_per_action"]


# (scenario, what is checked, test on the reports)
TARGETS = [
    (
        "one",
        "p50 within 1.5x the bare app",
        lambda r: r["tuned"]["latency"]["p50_ms"] <= 1.5 * r["bare"]["latency"]["p50_ms"],
    ),
    ("one", "CPU per action at most 1.25x the bare app's", lambda r: _cpu_ratio(r) <= 1.25),
    ("class30", "p95 under 150 ms", lambda r: r["tuned"]["latency"]["p95_ms"] < 150),
    (
        "class30",
        "p95 at most 2x the bare app's",
        lambda r: r["tuned"]["latency"]["p95_ms"] <= 2 * r["bare"]["latency"]["p95_ms"],
    ),
    ("class30", "CPU per action at most 1.25x the bare app's", lambda r: _cpu_ratio(r) <= 1.25),
    ("s300", "p95 under 500 ms", lambda r: r["tuned"]["latency"]["p95_ms"] < 500),
    ("s2000", "p95 under 1 s, no errors, server under 4 GB", _year_group),
    ("s2000one", "p95 under 1 s, no errors, server under 4 GB", _year_group),
]


def cpu_model() -> str:
    """The processor's name (Linux): two machines with the same core count can differ by a third in speed."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict:
    import psutil
    import streamlit

    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu_model(),
        "cpus": psutil.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "platform": platform.platform(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument("--targets", nargs="+", choices=load.TARGETS, default=list(load.TARGETS))
    parser.add_argument("--no-content", action="store_true", help="skip the content check")
    parser.add_argument("--json", type=Path, help="write every report here")
    options = parser.parse_args(argv)
    args = load.parse_args([])  # the defaults: fixture course, every-kind quiz, port, seed
    out = {"machine": machine(), "scenarios": {}}
    print(json.dumps(out["machine"]))
    for key in options.only:
        out["scenarios"][key] = load.run_scenario(SCENARIOS[key], options.targets, args)
    verdicts = []
    for key, text, check in TARGETS:
        reports = out["scenarios"].get(key, {}).get("reports", {})
        try:
            met = bool(check(reports))
        except KeyError:  # a target this run did not measure
            continue
        verdicts.append({"scenario": key, "target": text, "met": met})
        print(f"{'met   ' if met else 'MISSED'} {SCENARIOS[key].name}: {text}")
    out["targets"] = verdicts
    if not options.no_content:
        with tempfile.TemporaryDirectory() as tmp:
            content_json = Path(tmp) / "content.json"
            subprocess.run([sys.executable, str(Path(__file__).with_name("content_check.py")), "--json", content_json])
            out["content"] = json.loads(content_json.read_text())
    if options.json:
        options.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
