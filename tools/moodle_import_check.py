"""Moodle's own importers on our GIFT and Moodle XML export: does Moodle read what we meant?

Usage: python tools/moodle_import_check.py MOODLE_DIR

MOODLE_DIR is a Moodle source tree (Moodle is GPL and large; it is not part of this
project and this check is not part of ``make test``: docs/interchange.md says why and
records the last run). Needs PHP 8 with the xml and mbstring extensions.

For every shipped quiz, the script writes the GIFT and Moodle XML export, runs Moodle's
parsers on them (``tools/moodle_import_check.php``), and compares every question Moodle
read with the item we exported: type, text, answers, grades, tolerances, matching pairs,
and the checks Moodle's import makes before it saves. It first feeds Moodle three broken
files, to show that the check does see Moodle refusing something. Exit code 0: Moodle read
every question as we meant it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classroom.content.library import Library  # noqa: E402
from classroom.interchange import bank  # noqa: E402
from classroom.interchange.items import Item  # noqa: E402

PHP = Path(__file__).with_suffix(".php")
MOODLE_TYPE = {"matching": "match"}  # Moodle's XML name "matching" is the type "match" inside Moodle

BROKEN = {
    "gift": [
        "::unclosed:: Who? {=Caesar ~Pompey\n",  # no closing brace
        "::grade:: Who? {~%37%Caesar =Pompey}\n",  # 37% is not one of Moodle's grades
    ],
    "xml": ['<?xml version="1.0"?><quiz><question type="truefalse"><name><text>x</text></name></quiz>'],
}


def moodle_read(moodle: Path, fmt: str, files: list[Path]) -> list[dict]:
    """What Moodle's parser made of each file (see moodle_import_check.php)."""
    run = subprocess.run(
        ["php", str(PHP), str(moodle), fmt, *map(str, files)], capture_output=True, text=True, check=False
    )
    if run.returncode:
        raise SystemExit(f"php failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


def differences(item: Item, seen: dict) -> list[str]:
    """How Moodle's reading of one question differs from the item we exported."""
    found = []
    want = MOODLE_TYPE.get(item.type, item.type)
    if seen["qtype"] != want:
        return [f"type {seen['qtype']!r}, exported {want!r}"]
    if seen["text"].strip() != item.text.strip():
        found.append(f"text {seen['text']!r}, exported {item.text!r}")
    found += [f"Moodle would not save it: {p}" for p in seen["save_problems"]]
    if str(seen.get("generalfeedback", "")).strip() != item.general_feedback.strip():
        found.append(f"general feedback {seen.get('generalfeedback')!r}, exported {item.general_feedback!r}")
    if item.type == "truefalse":
        right = next(a.text for a in item.answers if a.fraction == 1)
        if bool(seen["correctanswer"]) != (right == "true"):
            found.append(f"correct answer {seen['correctanswer']}, exported {right}")
        for answer in item.answers:
            said = str(seen.get(f"feedback{answer.text}", "")).strip()
            if said != answer.feedback.strip():
                found.append(f"feedback on {answer.text}: {said!r}, exported {answer.feedback!r}")
        return found
    if item.type == "matching":
        pairs = sorted(zip(seen["subquestions"], seen["subanswers"], strict=True))
        mine = sorted((a.left, a.text) for a in item.answers)
        if [(q.strip(), a.strip()) for q, a in pairs] != mine:
            found.append(f"pairs {pairs}, exported {mine}")
        return found
    answers = [str(a).strip() for a in seen["answer"]]
    mine = [a.text for a in item.answers]
    if answers != mine:
        found.append(f"answers {answers}, exported {mine}")
    fractions = [round(float(f), 5) for f in seen["fraction"]]
    if fractions != [round(a.fraction, 5) for a in item.answers]:
        found.append(f"grades {fractions}, exported {[a.fraction for a in item.answers]}")
    feedback = [str(f).strip() for f in seen.get("feedback", [])]
    if feedback != [a.feedback.strip() for a in item.answers]:
        found.append(f"feedback {feedback}, exported {[a.feedback for a in item.answers]}")
    if item.type == "multichoice" and bool(seen["single"]) != item.single:
        found.append(f"single {seen['single']}, exported {item.single}")
    if item.type == "numerical":
        tolerances = [round(float(t), 6) for t in seen["tolerance"]]
        if tolerances != [round(a.tolerance, 6) for a in item.answers]:
            found.append(f"tolerances {tolerances}, exported {[a.tolerance for a in item.answers]}")
    return found


def main(moodle: Path) -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for fmt, sources in BROKEN.items():
            files = []
            for n, source in enumerate(sources):
                files.append(folder / f"broken{n}.{fmt}")
                files[-1].write_text(source, encoding="utf-8")
            for result in moodle_read(moodle, fmt, files):
                refused = result["parse_errors"] or any(q.get("save_problems") for q in result["questions"])
                print(f"self-check {fmt} {Path(result['file']).name}: {'refused' if refused else 'ACCEPTED'}")
                failures += not refused
        quizzes = list(Library(ROOT).course().quizzes.values())
        for fmt, ext, name in (("gift", "gift", "gift"), ("moodle-xml", "xml", "xml")):
            files, items = [], []
            for quiz in quizzes:
                data, _ = bank.export_quiz(quiz, fmt)
                files.append(folder / f"{quiz.id}.{ext}")
                files[-1].write_bytes(data)
                items.append([item for item, _ in bank.export_items(quiz)])
            total = same = 0
            for result, exported in zip(moodle_read(moodle, name, files), items, strict=True):
                read = [q for q in result["questions"] if q["qtype"] != "category"]
                if result["parse_errors"] or len(read) != len(exported):
                    print(
                        f"{result['file']}: {result['parse_errors']} parse errors, {len(read)} of "
                        f"{len(exported)} questions read\n{result['printed']}"
                    )
                    failures += 1
                    continue
                for item, seen in zip(exported, read, strict=True):
                    total += 1
                    found = differences(item, seen)
                    same += not found
                    for line in found:
                        print(f"{fmt} {Path(result['file']).name} {item.title!r}: {line}")
                    failures += bool(found)
            print(f"{fmt}: Moodle read {same} of {total} exported questions as exported")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(Path(sys.argv[1])))
