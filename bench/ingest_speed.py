"""Importer speed: a 10,000-word article through `python -m classroom ingest` in a fresh process, models included.

The article is real text: the running text of the twelve articles of the
evaluation set (tests/testdata/ingest-real), joined under their titles and
repeated until it has ``--words`` words. Each run is a new interpreter, so
importing spaCy, loading its English model and the rest are all counted, as a
teacher running the command would pay them. The saved Wikipedia page of the set
is timed the same way, as an HTML import (trafilatura included).

Usage: ``python bench/ingest_speed.py [--words 10000] [--runs 3] [--json out.json]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "testdata" / "ingest-real"
TARGET_S = 5.0


def article_text(words: int) -> str:
    """Real running text of at least ``words`` words, in paragraphs under headings."""
    sys.path.insert(0, str(ROOT))
    from classroom.ingest.clean import read_article

    parts: list[str] = []
    count = 0
    while count < words:
        for path in sorted(ARTICLES.glob("*.html")):
            article = read_article(path.read_text(encoding="utf-8"), "html")
            parts.append(article.title or path.stem)
            for block in article.blocks:
                parts.append(block.text)
                count += len(block.text.split())
            if count >= words:
                break
    return "Imported history reader\n\n" + "\n\n".join(parts) + "\n"


def time_import(article: Path, out: Path, cpu: list[float] | None = None) -> float:
    """Wall-clock seconds of one import; its CPU seconds (user + system) are appended to ``cpu``.

    The CPU time says what the import costs whatever else the shared machine is doing; the wall
    time is what a teacher waits, and grows with the machine's load.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "classroom", "ingest", str(article), "--out", str(out), "--force"],
        check=True,
        capture_output=True,
        cwd=ROOT,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        text = article_text(args.words)
        article = Path(folder) / "reader.txt"
        article.write_text(text, encoding="utf-8")
        words = len(text.split())
        txt_cpu: list[float] = []
        txt = [time_import(article, Path(folder) / "out-txt", txt_cpu) for _ in range(args.runs)]
        page = ARTICLES / "wikipedia-mozilla.html"
        html = [time_import(page, Path(folder) / "out-html") for _ in range(args.runs)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    report = {
        "words": words,
        "txt_seconds": [round(t, 2) for t in txt],
        "txt_median_s": round(statistics.median(txt), 2),
        "txt_cpu_seconds": [round(t, 2) for t in txt_cpu],
        "txt_cpu_median_s": round(statistics.median(txt_cpu), 2),
        "html_page": page.name,
        "html_seconds": [round(t, 2) for t in html],
        "html_median_s": round(statistics.median(html), 2),
        "target_s": TARGET_S,
        "load_average_1min": load,
        "cpus": os.cpu_count(),
    }
    print(
        f"{words:,}-word article, fresh process, models included: median {report['txt_median_s']} s "
        f"(runs {report['txt_seconds']}), CPU median {report['txt_cpu_median_s']} s; "
        f"{page.name}: median {report['html_median_s']} s; "
        f"target < {TARGET_S} s; load average {load}"
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
