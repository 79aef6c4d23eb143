"""Content at scale: 1,000 generated quiz files load cold in under 2 s, and reruns never re-parse YAML.

1. Cold load: a fresh interpreter loads and validates a generated course (the fixture
   lesson plus ``--files`` quizzes with one question of every kind) through
   ``classroom.content.load.load_course``; import time is reported apart.
2. The app's cached path on the same course: ``ui.shared.course.course()`` cold, then warm
   (what every full rerun pays: one stat per file, no parsing).
3. No re-parsing in a live server: the app is served as ``python -m server`` serves it, with
   ``yaml.compose`` (the loader's only parser call) counted. One student takes the
   quiz several times; the count must not move after the first visit. Touching one
   file must cost exactly one parse.

Usage: ``python bench/content_check.py [--files 1000] [--json out.json]``
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "testdata" / "course"
COLD_TARGET_S = 2.0


def generate(folder: Path, files: int) -> Path:
    """The fixture lesson and ``files`` copies of the every-kind quiz, each with its own id."""
    (folder / "lessons").mkdir(parents=True)
    (folder / "quizzes").mkdir()
    for lesson in (FIXTURE / "lessons").glob("*.yaml"):
        (folder / "lessons" / lesson.name).write_text(lesson.read_text())
    quiz = (FIXTURE / "quizzes" / "every-kind.yaml").read_text()
    for number in range(files):
        quiz_id = f"generated-{number:04d}"
        text = quiz.replace("id: every-kind", f"id: {quiz_id}", 1).replace(
            "title: One question of every kind", f"title: Generated quiz {number}", 1
        )
        (folder / "quizzes" / f"{quiz_id}.yaml").write_text(text)
    (folder / "quizzes" / "every-kind.yaml").write_text(quiz)  # the quiz the benchmark student takes
    return folder


COLD = """
import json, sys, time
t0 = time.perf_counter()
from classroom.content.load import load_course
t1 = time.perf_counter()
course = load_course([sys.argv[1] + "/lessons", sys.argv[1] + "/quizzes"])
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "quizzes": len(course.quizzes),
                  "problems": len(course.problems)}))
"""

CACHED = """
import json, logging, time
logging.disable(logging.WARNING)  # "no runtime" warnings: the cache works without a server
t0 = time.perf_counter()
from ui.shared.course import course
t1 = time.perf_counter()
first = course()
t2 = time.perf_counter()
for _ in range(20):
    again = course()
t3 = time.perf_counter()
print(json.dumps({"cold_s": t2 - t1, "warm_ms": (t3 - t2) / 20 * 1000, "same": again is first,
                  "quizzes": len(first.quizzes)}))
"""


def run_python(code: str, content: Path, *args: str) -> dict:
    env = dict(os.environ, CLASSROOM_CONTENT=str(content), PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the counting server


def serve_counting(port: int) -> None:
    """The server's app with yaml.compose counted; GET /bench/yaml-parses tells the count."""
    import uvicorn
    import yaml
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from server import serve

    calls = {"parses": 0}
    compose = yaml.compose

    def counting_compose(*args, **kwargs):
        calls["parses"] += 1
        return compose(*args, **kwargs)

    yaml.compose = counting_compose

    async def count(_request):
        return JSONResponse(calls)

    app = serve.build_app(routes=[Route("/bench/yaml-parses", count)])
    uvicorn.Server(serve.uvicorn_config(app, "127.0.0.1", port)).run()


def parses(port: int) -> int:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/bench/yaml-parses", timeout=10) as response:
        return json.load(response)["parses"]


def rerun_check(content: Path, port: int, workdir: Path, journeys: int = 3) -> dict:
    """Count YAML parses while one student takes the quiz ``journeys`` times, then after one touch."""
    from bench import load

    env = dict(os.environ, CLASSROOM_CONTENT=str(content), CLASSROOM_DATABASE_URL=f"sqlite:///{workdir / 'p.db'}")
    log = open(workdir / "counting-server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve-counting", "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                parses(port)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"counting server did not start; see {log.name}") from None
                time.sleep(0.2)
        before = parses(port)

        def student(count: int) -> load.Results:
            results, now = load.Results(), time.monotonic()
            one = load.Student(f"ws://127.0.0.1:{port}/_stcore/stream", "every-kind", 0, 0, now, now + 120, 1)
            one.journeys_left = count
            asyncio.run(one.run(results))
            return results

        first = student(1)
        after_first = parses(port)
        more = student(journeys)
        after_reruns = parses(port)
        (content / "quizzes" / "every-kind.yaml").touch()  # a teacher saves one file
        time.sleep(1.5)  # an app may look at the disk at most once a second
        student(1)
        after_touch = parses(port)
        reruns = sum(len(v) for r in (first, more) for v in r.latencies.values())
        return {
            "parses_at_start": before,
            "parses_after_first_visit": after_first,
            "reruns_after_first_visit": sum(len(v) for v in more.latencies.values()),
            "parses_during_reruns": after_reruns - after_first,
            "parses_after_touching_one_file": after_touch - after_reruns,
            "reruns": reruns,
            "errors": sum(first.errors.values()) + sum(more.errors.values()),
        }
    finally:
        server.terminate()
        server.wait(10)
        log.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8541)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--serve-counting", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_counting:
        serve_counting(args.port)
        return 0
    with tempfile.TemporaryDirectory(prefix="classroom-content-") as tmp:
        content = generate(Path(tmp) / "course", args.files)
        cold = run_python(COLD, content, str(content))
        cached = run_python(CACHED, content)
        reruns = rerun_check(content, args.port, Path(tmp))
    report = {"files": args.files + 2, "cold": cold, "cached": cached, "reruns": reruns}
    report["cold_load_met"] = cold["load_s"] < COLD_TARGET_S and cold["problems"] == 0
    report["no_reparse_met"] = reruns["parses_during_reruns"] == 0 and reruns["errors"] == 0
    print(
        f"cold load of {report['files']} files: {cold['load_s']:.2f} s (+ {cold['import_s']:.2f} s imports), "
        f"{cold['quizzes']} quizzes, {cold['problems']} problems -> target < {COLD_TARGET_S} s "
        f"{'met' if report['cold_load_met'] else 'MISSED'}"
    )
    print(f"app cache: first course() {cached['cold_s']:.2f} s, then {cached['warm_ms']:.1f} ms per rerun (stat only)")
    print(
        f"YAML parses: {reruns['parses_after_first_visit']} on the first visit, "
        f"{reruns['parses_during_reruns']} during {reruns['reruns_after_first_visit']} further reruns, "
        f"{reruns['parses_after_touching_one_file']} after touching one file -> "
        f"{'met' if report['no_reparse_met'] else 'MISSED'}"
    )
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return 0 if report["cold_load_met"] and report["no_reparse_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
