"""Run the server (``python -m server``) with an object census on SIGUSR1: which kinds of Python object a server keeps.

RSS tells that a server grows, not what grows. Started as
``python bench/census.py OUT_DIR [server arguments]``, the server writes, on every
SIGUSR1, ``OUT_DIR/census-NN.json``: live objects per type (after a full
collection) and the process's RSS. ``growth`` compares two of them. The kiosk soak
uses it with ``--census DIR``; that is how the kiosk's widget records were found
(docs/benchmarks.md, "Kiosk soak").
"""

from __future__ import annotations

import gc
import json
import signal
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def type_name(obj: object) -> str:
    kind = type(obj)
    return f"{getattr(kind, '__module__', '?')}.{getattr(kind, '__qualname__', kind.__name__)}"


def census() -> dict:
    gc.collect()
    counts = Counter(type_name(obj) for obj in gc.get_objects())
    with open("/proc/self/statm") as statm:  # Linux: resident pages are the second field
        rss = int(statm.read().split()[1]) * 4096
    return {"rss_mb": round(rss / 2**20, 1), "objects": sum(counts.values()), "by_type": dict(counts.most_common(400))}


def growth(before: dict, after: dict, top: int = 10) -> list[tuple[str, int, int]]:
    """The types whose live count grew most: (type, growth, count after)."""
    grown = [(name, count - before["by_type"].get(name, 0), count) for name, count in after["by_type"].items()]
    return sorted((row for row in grown if row[1] > 0), key=lambda row: -row[1])[:top]


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    taken = 0

    def write(_signum: int, _frame: object) -> None:
        nonlocal taken
        taken += 1
        try:
            (out / f"census-{taken:02d}.json").write_text(json.dumps(census()))
        except Exception as error:  # a diagnostic must never take the server down
            print(f"census failed: {error!r}", file=sys.stderr, flush=True)

    signal.signal(signal.SIGUSR1, write)
    from server import serve

    return serve.main(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
