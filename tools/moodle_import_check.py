"""Moodle's own importers on our GIFT and Moodle XML files: does Moodle read what we meant?

Usage: python tools/moodle_import_check.py MOODLE_DIR

MOODLE_DIR is a Moodle source tree (Moodle is GPL and large; it is not part of this
project and this check is not part of ``make test``: docs/interchange.md says why and
records the last run). Needs PHP 8 with the xml and mbstring extensions.

Three parts, each run through Moodle's parsers (``tools/moodle_import_check.php``):

1. Self-check: three broken files, which Moodle must refuse (so the check can fail).
2. Export: every shipped quiz, and one of pick-all-that-apply questions with 3 to 23 right
   options (Moodle's grade steps), written as GIFT and as Moodle XML; every question Moodle
   reads is compared with the item we exported (type, text, answers, grades, tolerances,
   matching pairs, feedback, general feedback) and must pass the checks Moodle's import
   makes before it saves.
3. Corpus: the public GIFT and Moodle XML files of tests/testdata/interchange read by our
   reader and by Moodle's; every question is compared the same way (HTML text is put
   through our HTML-to-Markdown step on both sides, as our importer does).

Exit code 0: Moodle refused the broken files and read every exported question as
exported. Differences on the corpus are printed and counted, not failed: some are
decisions (docs/interchange.md).
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from classroom.content.library import Library  # noqa: E402
from classroom.content.models import Quiz  # noqa: E402
from classroom.interchange import bank, gift, moodle_xml  # noqa: E402
from classroom.interchange.items import Item  # noqa: E402
from classroom.interchange.richtext import html_to_markdown  # noqa: E402

PHP = Path(__file__).with_suffix(".php")
CORPUS = ROOT / "tests" / "testdata" / "interchange"
MOODLE_TYPE = {"matching": "match"}  # Moodle's XML name "matching" is the type "match" inside Moodle
FORMAT_HTML = "1"

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


def _said(value: object, fmt: object) -> str:
    """A text as Moodle holds it, in the Markdown our importer makes of it."""
    text = str(value or "").strip()
    return html_to_markdown(text, []).strip() if str(fmt) == FORMAT_HTML else text


def _texts(seen: dict, field: str) -> list[str]:
    values = seen.get(field) or []
    formats = seen.get(f"{field}_format") or [None] * len(values)
    return [_said(v, f) for v, f in zip(values, formats, strict=True)]


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan


def differences(item: Item, seen: dict) -> list[str]:
    """How Moodle's reading of one question differs from our item."""
    found = []
    want = MOODLE_TYPE.get(item.type, item.type)
    if seen["qtype"] != want:
        return [f"type {seen['qtype']!r}, ours {want!r}"]
    if _said(seen["text"], seen["format"]) != item.text.strip():
        found.append(f"text {seen['text']!r}, ours {item.text!r}")
    found += [f"Moodle would not save it: {p}" for p in seen["save_problems"]]
    general = _said(seen.get("generalfeedback"), seen.get("generalfeedback_format"))
    if general != item.general_feedback.strip() and item.type not in ("essay", "description"):
        found.append(f"general feedback {general!r}, ours {item.general_feedback!r}")
    if item.type in ("essay", "description"):
        return found
    if item.type == "truefalse":
        right = next(a.text for a in item.answers if a.fraction == 1)
        if bool(seen["correctanswer"]) != (right == "true"):
            found.append(f"correct answer {seen['correctanswer']}, ours {right}")
        for answer in item.answers:
            said = _said(seen.get(f"feedback{answer.text}"), seen.get(f"feedback{answer.text}_format"))
            if said != answer.feedback.strip():
                found.append(f"feedback on {answer.text}: {said!r}, ours {answer.feedback!r}")
        return found
    if item.type == "matching":
        pairs = sorted(zip(_texts(seen, "subquestions"), [str(a).strip() for a in seen["subanswers"]], strict=True))
        ours = sorted((a.left, a.text) for a in item.answers)
        if pairs != ours:
            found.append(f"pairs {pairs}, ours {ours}")
        return found
    if item.type == "numerical":
        moodle_says = [str(a).strip() for a in seen["answer"]]
        if len(moodle_says) != len(item.answers) or not all(
            said == a.text or math.isclose(_number(said), _number(a.text))
            for said, a in zip(moodle_says, item.answers, strict=True)
        ):
            found.append(f"answers {seen['answer']}, ours {[a.text for a in item.answers]}")
        tolerances = [round(float(t or 0), 6) for t in seen["tolerance"]]
        if tolerances != [round(a.tolerance, 6) for a in item.answers]:
            found.append(f"tolerances {tolerances}, ours {[a.tolerance for a in item.answers]}")
    elif (answers := _texts(seen, "answer")) != [a.text for a in item.answers]:
        found.append(f"answers {answers}, ours {[a.text for a in item.answers]}")
    fractions = [round(float(f), 5) for f in seen["fraction"]]
    if fractions != [round(a.fraction, 5) for a in item.answers]:
        found.append(f"grades {fractions}, ours {[a.fraction for a in item.answers]}")
    if (feedback := _texts(seen, "feedback")) != [a.feedback.strip() for a in item.answers]:
        found.append(f"feedback {feedback}, ours {[a.feedback for a in item.answers]}")
    if item.type == "multichoice" and bool(seen["single"]) != item.single:
        found.append(f"single {seen['single']}, ours {item.single}")
    return found


def compare(moodle: Path, fmt: str, files: list[Path], ours: list[list[Item]]) -> tuple[int, int, int]:
    """Moodle's reading of each file against our items: (questions, the same, files Moodle refused)."""
    total = same = refused = 0
    for result, items in zip(moodle_read(moodle, fmt, files), ours, strict=True):
        name = Path(result["file"]).name
        read = [q for q in result["questions"] if q["qtype"] != "category"]
        if result["parse_errors"] or len(read) != len(items):
            print(f"{name}: {result['parse_errors']} parse errors, {len(read)} of {len(items)} questions read")
            refused += 1
            continue
        for item, seen in zip(items, read, strict=True):
            total += 1
            found = differences(item, seen)
            same += not found
            for line in found:
                print(f"  {name} {(item.title or item.text)[:40]!r}: {line}")
    return total, same, refused


def grade_steps_quiz() -> Quiz:
    """Pick-all-that-apply questions whose equal shares are no Moodle grade (11 right options and more)."""
    questions = []
    for right in (3, 11, 12, 19, 20, 23):
        options = [f"Option {n}" for n in range(1, right + 3)]
        questions.append(
            {
                "id": f"right-{right}",
                "kind": "choice",
                "ask": f"Pick the first {right}.",
                "options": options,
                "correct": options[:right],
            }
        )
    return Quiz.model_validate({"id": "grade-steps", "title": "Grade steps", "lessons": ["l"], "questions": questions})


def main(moodle: Path) -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print("1. broken files")
        for fmt, sources in BROKEN.items():
            files = []
            for n, source in enumerate(sources):
                files.append(folder / f"broken{n}.{fmt}")
                files[-1].write_text(source, encoding="utf-8")
            for result in moodle_read(moodle, fmt, files):
                refused = result["parse_errors"] or any(q.get("save_problems") for q in result["questions"])
                print(f"  {fmt} {Path(result['file']).name}: {'refused' if refused else 'ACCEPTED'}")
                failures += not refused
        print("2. export of every shipped quiz and of the grade-steps quiz")
        quizzes = [*Library(ROOT).course().quizzes.values(), grade_steps_quiz()]
        for fmt, ext in (("gift", "gift"), ("moodle-xml", "xml")):
            files, items = [], []
            for quiz in quizzes:
                data, _ = bank.export_quiz(quiz, fmt)
                files.append(folder / f"{quiz.id}.{ext}")
                files[-1].write_bytes(data)
                items.append([item for item, _ in bank.moodle_items(quiz, fmt)])
            total, same, refused = compare(moodle, "gift" if fmt == "gift" else "xml", files, items)
            print(f"  {fmt}: Moodle read {same} of {total} exported questions as exported; {refused} files refused")
            failures += (total - same) + refused
        print("3. corpus: our reader and Moodle's on the same files")
        for fmt, folder_name, reader in (("gift", "gift", gift.read), ("xml", "moodle-xml", moodle_xml.read)):
            files = sorted((CORPUS / folder_name).iterdir())
            items = [reader(f.read_text(encoding="utf-8"), str(f))[0] for f in files]
            total, same, refused = compare(moodle, fmt, files, items)
            print(f"  {fmt}: {same} of {total} questions read alike; {refused} files refused or counted otherwise")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    raise SystemExit(main(Path(sys.argv[1])))
