"""CPU per action of the tuned app against the bare app, both running, measured in alternating rounds.

``bench/run.py`` measures the tuned server, stops it, then measures the bare one. On this shared
2-core machine the speed of the CPU itself drifts from one minute to the next, so identical runs
of that kind give a tuned/bare ratio anywhere from 1.1 to 1.6. Here both servers start together
and stay warm; each round runs the same scenario against one and then the other (the order swaps
every round), with the same measurement as ``bench/run.py`` (``load.measure``). A drift then
touches both sides of a round alike, and the rounds' median ratio is what the target is held to.

Usage: ``python -m bench.paired [--only one class30] [--rounds 5] [--json out.json]``
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench import load
from bench.run import SCENARIOS, machine

PAIR = ("tuned", "bare")


def rounds(sc: load.Scenario, count: int, args: argparse.Namespace) -> list[dict[str, dict]]:
    """``count`` rounds of the scenario, each against both servers, tuned first in even rounds."""
    workdir = Path(tempfile.mkdtemp(prefix="classroom-paired-"))
    servers = {target: load.Server(target, args.port + 10 * n, args.content, workdir) for n, target in enumerate(PAIR)}
    try:
        for server in servers.values():
            load.warm_up(server, args.quiz)
        measured = []
        for number in range(count):
            order = PAIR if number % 2 == 0 else PAIR[::-1]
            measured.append({target: load.measure(servers[target], sc, args) for target in order})
        return measured
    finally:
        for server in servers.values():
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def summary(measured: list[dict[str, dict]]) -> dict:
    """Per round: CPU ms per action of each and their ratio; over the rounds: the median ratio."""
    per_round = [
        {
            "tuned_cpu_ms": pair["tuned"]["cpu_ms_per_action"],
            "bare_cpu_ms": pair["bare"]["cpu_ms_per_action"],
            "ratio": round(pair["tuned"]["cpu_ms_per_action"] / pair["bare"]["cpu_ms_per_action"], 3),
            "tuned_p95_ms": pair["tuned"]["latency"]["p95_ms"],
            "bare_p95_ms": pair["bare"]["latency"]["p95_ms"],
            "errors": pair["tuned"]["errors"] + pair["bare"]["errors"],
        }
        for pair in measured
    ]
    ratios = [row["ratio"] for row in per_round]
    return {
        "rounds": per_round,
        "median_ratio": round(statistics.median(ratios), 3),
        "min_ratio": min(ratios),
        "max_ratio": max(ratios),
        "median_p95_ratio": round(statistics.median(r["tuned_p95_ms"] / r["bare_p95_ms"] for r in per_round), 3),
        "errors": sum(row["errors"] for row in per_round),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=SCENARIOS, default=["one", "class30"])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=float, help="seconds per round and server (default: the scenario's)")
    parser.add_argument("--port", type=int, default=8531, help="the tuned server's; the bare one's is 10 more")
    parser.add_argument("--json", type=Path, help="write every report here")
    options = parser.parse_args(argv)
    args = load.parse_args(["--port", str(options.port)])  # the defaults: fixture course, every-kind quiz, seed
    out: dict = {"machine": machine(), "scenarios": {}}
    print(json.dumps(out["machine"]))
    for key in options.only:
        sc = SCENARIOS[key]
        if options.duration is not None:
            sc = dataclasses.replace(sc, duration=options.duration)
        measured = rounds(sc, options.rounds, args)
        result = summary(measured)
        out["scenarios"][key] = {**result, "reports": measured}
        print(f"\n== {SCENARIOS[key].name}: tuned / bare CPU ms per action, round by round")
        for number, row in enumerate(result["rounds"], start=1):
            print(
                f"round {number}: {row['tuned_cpu_ms']:.2f} / {row['bare_cpu_ms']:.2f} = {row['ratio']:.2f}"
                f"   p95 {row['tuned_p95_ms']} / {row['bare_p95_ms']} ms   errors {row['errors']}"
            )
        verdict = "met" if result["median_ratio"] <= 1.25 else "missed"
        print(
            f"median {result['median_ratio']:.2f} (rounds {result['min_ratio']:.2f}-{result['max_ratio']:.2f}); "
            f"CPU per action at most 1.25x the bare app's: {verdict}"
        )
    if options.json:
        options.json.write_text(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
