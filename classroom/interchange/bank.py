"""A bank file in, draft quizzes out (with the import report); a quiz out in any format.

Import: the file is read by its format's module (every syntax error at once,
nothing else happens then), each question goes through ``mapping``, and the
questions become quizzes: one quiz when the file has no categories, one quiz per
category when it has (a category is a set of questions a teacher chose to keep
together, which is what a quiz is here; the four topics are fixed, so categories
cannot be topics). Every imported question is ``status: draft``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from classroom.content.library import write_new_files
from classroom.content.models import Quiz
from classroom.content.problems import Problem
from classroom.errors import UserError
from classroom.ingest.write import quiz_yaml
from classroom.interchange import gift, moodle_xml
from classroom.interchange.items import Item, Note
from classroom.interchange.mapping import Imported, moodle_grade_steps, to_item, to_question
from classroom.text import slug, valid_id

IMPORT_FORMATS = ("gift", "moodle-xml")
EXPORT_FORMATS = ("gift", "moodle-xml", "qti3", "timelinejs")
SUFFIX = {"gift": ".gift.txt", "moodle-xml": ".xml", "qti3": ".zip", "timelinejs": ".json"}
MAX_BYTES = 5_000_000  # a bank file larger than this is refused before it is read
READERS: dict[str, Callable[[str, str], tuple[list[Item], list[Problem]]]] = {
    "gift": gift.read,
    "moodle-xml": moodle_xml.read,
}


@dataclass
class BankImport:
    """What one file gave: the draft quizzes (id -> file text), the report, or the syntax errors."""

    source: str
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    results: list[Imported] = field(default_factory=list)  # each question of the file, in order
    quiz_of: dict[str, str] = field(default_factory=dict)  # category -> the quiz its questions went to

    def files(self) -> dict[str, str]:
        """``quizzes/ID.yaml`` -> its text, each with a header saying where it came from."""
        return {f"quizzes/{qid}.yaml": _header(self.source) + quiz_yaml(quiz) for qid, quiz in self.quizzes.items()}

    def counts(self) -> dict[str, int]:
        return {
            outcome: sum(n.outcome == outcome for n in self.notes) for outcome in ("imported", "changed", "skipped")
        }

    def report(self) -> str:
        counts = self.counts()
        lines = [str(note) for note in self.notes]
        lines.append(
            f"{self.source}: {counts['imported']} imported as they were, {counts['changed']} changed, "
            f"{counts['skipped']} skipped; {len(self.quizzes)} draft quiz(zes)"
        )
        return "\n".join(lines)


def _header(source: str) -> str:
    return (
        f"# Questions imported from the question bank {source}; every one is status: draft,\n"
        "# which students never see. Review them in the teacher's room (Review drafts), or edit and set\n"
        "# status: ready here.\n"
    )


def guess_format(name: str) -> str:
    """The format a file name suggests: .xml is Moodle XML, anything else GIFT."""
    return "moodle-xml" if name.lower().endswith(".xml") else "gift"


def read_bank(
    data: bytes, name: str, fmt: str, quiz_id: str | None = None, lessons: list[str] | None = None
) -> BankImport:
    """``data`` (the file's bytes) as draft quizzes drawing on ``lessons``; named ``quiz_id`` (or from ``name``)."""
    if fmt not in READERS:
        raise UserError(f"unknown import format '{fmt}': use one of {', '.join(IMPORT_FORMATS)}")
    if len(data) > MAX_BYTES:
        raise UserError(f"{name} is {len(data):,} bytes; a question bank may be at most {MAX_BYTES:,} bytes")
    if quiz_id is not None and not valid_id(quiz_id):
        raise UserError(f"'{quiz_id}' is not a valid id: use lowercase letters, digits and single dashes")
    if not lessons:
        raise UserError("name the lesson(s) the questions belong to: every quiz draws on at least one lesson")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return BankImport(name, problems=[Problem(name, line, column, "not UTF-8 text: save the file as UTF-8")])
    items, problems = READERS[fmt](text, name)
    bank = BankImport(name, problems=problems)
    if problems:
        return bank
    base = quiz_id or slug(Path(name).name.split(".")[0], fallback="imported")
    taken: set[str] = set()
    groups: dict[str, list[Imported]] = {}
    for number, item in enumerate(items, start=1):
        result = to_question(item, taken, number)
        bank.notes.append(result.note)
        bank.results.append(result)
        if result.data is not None:
            groups.setdefault(result.category, []).append(result)
    several = len(groups) > 1 or (groups and next(iter(groups)) != "")
    for category, results in groups.items():
        last = category.rstrip("/").split("/")[-1] if category else ""
        qid = f"{base}-{slug(last, fallback='questions')}" if several and last else base
        title = last or Path(name).name
        bank.quiz_of[category] = qid
        data_ = {"id": qid, "title": title, "lessons": list(lessons), "questions": [r.data for r in results]}
        try:
            bank.quizzes[qid] = Quiz.model_validate(data_)
        except ValidationError as error:  # a rule across questions (they were each valid)
            bank.problems.append(Problem(name, 1, 1, f"quiz '{qid}': {error.errors()[0]['msg']}"))
    return bank


def write_bank(bank: BankImport, out: Path, overwrite: bool = False) -> list[Path]:
    """Write the draft quizzes under ``out`` (``out/quizzes/ID.yaml``); refuses to replace files."""
    files = bank.files()
    existing = [out / name for name in files if (out / name).exists()]
    if existing and not overwrite:
        raise UserError(f"{existing[0]} already exists: choose another --out folder or --id, or use --force")
    return write_new_files(out, files)


# ---------------------------------------------------------------- export


def export_items(quiz: Quiz) -> list[tuple[Item, Note]]:
    """Each question as a bank item, with its report line (changed: what the formats lose)."""
    out: list[tuple[Item, Note]] = []
    for question in quiz.questions:
        item, lost = to_item(question)
        item.category = quiz.id
        note = Note("changed" if lost else "imported", 0, question.id, "; ".join(lost), item.type)
        out.append((item, note))
    return out


def moodle_items(quiz: Quiz, fmt: str) -> list[tuple[Item, Note]]:
    """The items as GIFT or Moodle XML write them: grades Moodle accepts, and what each format cannot hold."""
    pairs = []
    for item, note in export_items(quiz):
        lost = moodle_grade_steps(item)
        if fmt == "gift" and item.points != 1:  # GIFT has no marks: Moodle gives each question its default
            lost.append(f"GIFT holds no marks: the question's {item.points:g} points are not written")
        if fmt == "gift" and item.hints:
            lost.append("GIFT holds no hints: the hint is not written")
        if lost:
            note = Note("changed", 0, note.title, "; ".join(filter(None, [note.detail, *lost])), note.kind)
        pairs.append((item, note))
    return pairs


def export_quiz(quiz: Quiz, fmt: str) -> tuple[bytes, list[Note]]:
    """The quiz as a file in ``fmt`` and the report of what changed (never a question dropped)."""
    from classroom.interchange import qti3  # noqa: PLC0415 (lxml's schema is loaded only when asked)

    if fmt not in EXPORT_FORMATS or fmt == "timelinejs":
        raise UserError(f"a quiz exports as {', '.join(f for f in EXPORT_FORMATS if f != 'timelinejs')}")
    if fmt in ("gift", "moodle-xml"):
        pairs = moodle_items(quiz, fmt)
        notes = [note for _, note in pairs]
        if fmt == "moodle-xml":
            return moodle_xml.write([item for item, _ in pairs]), notes
        text = gift.write([(item, f"{note.title}: {note.detail}" if note.detail else "") for item, note in pairs])
        return text.encode("utf-8"), notes
    pairs = export_items(quiz)
    data, missing = qti3.package(quiz, [item for item, _ in pairs])
    notes = []
    for question, (_, note) in zip(quiz.questions, pairs, strict=True):
        detail = [note.detail] if note.detail and question.kind not in qti3.NATIVE else []
        detail += missing[question.id]
        notes.append(Note("changed" if detail else "imported", 0, question.id, "; ".join(detail), "qti"))
    return data, notes
