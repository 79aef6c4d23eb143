"""``python -m classroom``: a thin shell over the engine; each command returns an exit code.

Exit codes: 0 all well, 1 problems in the user's files (or a ``UserError``), 2 a usage
error, 3 an internal error (a bug: the traceback is printed so it can be reported).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import yaml

from classroom import auth, ingest, interchange
from classroom.content import schema
from classroom.content.course_file import course_roots, read_settings
from classroom.content.library import Library
from classroom.content.load import DEFAULT_PATHS, check_paths, load_course, load_file
from classroom.content.models import Quiz
from classroom.content.yamlread import read_yaml
from classroom.errors import UserError
from classroom.quiz.grading import QuizScore, grade_quiz, key_response
from classroom.text import valid_id

OK, PROBLEMS, USAGE, INTERNAL = 0, 1, 2, 3


def cmd_check(args: argparse.Namespace) -> int:
    paths = args.paths or list(DEFAULT_PATHS)
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return USAGE
    checked = check_paths(paths)
    course = checked.course
    settings_problems = [problem for root in course_roots(paths) for problem in read_settings(root)[1]]
    for problem in [*settings_problems, *course.problems]:
        print(problem)
    count = len(course.problems) + len(settings_problems)
    sys.stdout.flush()
    asked = {str(path) for path in checked.asked}
    lessons = sum(1 for item_id, path in course.files.items() if path in asked and item_id in course.lessons)
    quizzes = sum(1 for item_id, path in course.files.items() if path in asked and item_id in course.quizzes)
    summary = f"{len(checked.asked)} files checked: {lessons} lesson(s) and {quizzes} quiz(zes) valid"
    if checked.context:
        summary += f" (links checked against {len(checked.context)} lesson file(s) of the course)"
    print(
        f"{summary}; {count} problem{'s' if count != 1 else ''}" if count else f"{summary}; no problems",
        file=sys.stderr,
    )
    return PROBLEMS if count else OK


def _load_quiz(path: str) -> Quiz | None:
    result = load_file(path)
    for problem in result.problems:
        print(problem)
    if result.item is not None and not isinstance(result.item, Quiz):
        print(f"{path}:1:1: this is a lesson, not a quiz")
        return None
    return result.item


def cmd_grade(args: argparse.Namespace) -> int:
    quiz = _load_quiz(args.quiz)
    if quiz is None:
        return PROBLEMS
    doc, problems = read_yaml(args.responses)
    for problem in problems:
        print(problem)
    if doc is None:
        return PROBLEMS
    if not isinstance(doc.data, dict):
        print(f"{args.responses}:1:1: responses must be 'question-id: answer' lines")
        return PROBLEMS
    unknown = [key for key in doc.data if quiz.question(key) is None]
    for key in unknown:
        line, column = doc.where((key,), at_key=True)
        print(f"{args.responses}:{line}:{column}: quiz '{quiz.id}' has no question '{key}'")
    if unknown:
        return PROBLEMS
    result = grade_quiz(quiz, doc.data)
    print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False) if args.json else _report(result))
    return OK


def _report(result: QuizScore) -> str:
    marks = {"correct": "✓", "partial": "~", "wrong": "✗", "blank": "·"}
    outcome = "passed" if result.passed else "not passed"
    lines = [f"{result.quiz}: {result.score:g} / {result.max:g} ({result.percent:g}%) — {outcome}"]
    for topic, totals in result.by_topic.items():
        lines.append(f"  {topic}: {totals['score']:g} / {totals['max']:g}")
    for graded in result.questions:
        line = (
            f"{marks[graded.verdict]} {graded.id} ({graded.kind}, {graded.verdict}): {graded.points:g} / {graded.max:g}"
        )
        lines.append(line + (f" — {graded.feedback}" if graded.feedback else ""))
    return "\n".join(lines)


def cmd_key(args: argparse.Namespace) -> int:
    quiz = _load_quiz(args.quiz)
    if quiz is None:
        return PROBLEMS
    answers = {question.id: key_response(question) for question in quiz.questions}
    print(yaml.safe_dump(answers, allow_unicode=True, sort_keys=False), end="")
    return OK


def cmd_schema(args: argparse.Namespace) -> int:
    if args.check:
        stale = schema.stale()
        for name in stale:
            print(f"schema/{name} is out of date; run: python -m classroom schema")
        return PROBLEMS if stale else OK
    for path in schema.write():
        print(f"wrote {path}")
    return OK


def cmd_teacher_password(args: argparse.Namespace) -> int:
    try:
        password = sys.stdin.readline().rstrip("\r\n") if args.stdin else getpass.getpass("New teacher password: ")
        if len(password) < auth.MIN_PASSWORD_LENGTH:
            print(f"error: the password must be at least {auth.MIN_PASSWORD_LENGTH} characters long", file=sys.stderr)
            return PROBLEMS
        if not args.stdin and getpass.getpass("The same password again: ") != password:
            print("error: the two passwords differ; nothing was changed, run the command again", file=sys.stderr)
            return PROBLEMS
    except EOFError:  # Ctrl-D at the prompt: a user's choice, not a bug
        print("error: no password given; nothing was changed", file=sys.stderr)
        return PROBLEMS
    if args.print_hash:  # for a container's environment (deploy/compose.yaml): nothing is written
        print(auth.hash_password(password))
        return OK
    path = auth.set_password(password)  # a UserError when too short (checked above, and again there)
    print(f"wrote the scrypt hash of the teacher password (not the password itself) to {path}")
    print("Teachers now sign in with this password on the app's teacher screen.")
    return OK


def cmd_migrate(args: argparse.Namespace) -> int:
    """Apply the migrations the database has not seen (a deployment runs this once before its app hosts)."""
    from classroom.results.store import Store

    store = Store()  # opening the store applies what is missing
    try:
        print(f"database up to date: {len(store.applied_migrations())} migrations applied")
    finally:
        store.close()
    return OK


def cmd_ingest(args: argparse.Namespace) -> int:
    path = Path(args.article)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return USAGE
    if args.id is not None and not valid_id(args.id):
        print(f"error: --id '{args.id}' is not valid: use lowercase letters, digits and dashes", file=sys.stderr)
        return USAGE
    text, fmt = ingest.read_article_file(path)  # an unreadable article is a UserError: exit 1
    large = len(text) >= ingest.PROGRESS_CHARS  # a long file prints a line per stage
    say = (lambda line: print(f"ingest: {line}", file=sys.stderr, flush=True)) if large else None
    course = ingest.draft_course(text, path.name, args.id, fmt, progress=say)
    out = Path(args.out) if args.out else Path("drafts") / course.id
    written = ingest.write_course(course, out, overwrite=args.force)
    for target in written:
        print(target)
    drafted = len(course.questions())
    print(f"import report: {course.report.summary()}", file=sys.stderr)
    for item in course.report.dropped:
        print(f"  dropped {item.kind} “{item.what}” ({item.source}): {item.reason}", file=sys.stderr)
    print(
        f"{len(course.lessons)} lesson(s) and {drafted} draft question(s) from {path.name}; review them, then run: "
        f"python -m classroom check {out / 'lessons'} {out / 'quizzes'}",
        file=sys.stderr,
    )
    return OK


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return USAGE
    library = Library(Path.cwd())
    lessons = args.lesson or list(library.course().lessons)[:1]
    fmt = args.format or interchange.guess_format(path.name)
    bank = interchange.read_bank(path.read_bytes(), str(path), fmt, args.id, lessons)
    for problem in bank.problems:
        print(problem)
    if bank.problems:
        print(f"{path}: nothing imported; fix the problems above and run the command again", file=sys.stderr)
        return PROBLEMS
    print(bank.report())
    if not bank.quizzes:
        print(f"{path}: no question could be imported; nothing written", file=sys.stderr)
        return PROBLEMS
    _, problems = library.check({name: text.encode("utf-8") for name, text in bank.files().items()})
    for problem in problems:
        print(problem)
    if problems:
        print("nothing written: the quizzes would not pass check (see above)", file=sys.stderr)
        return PROBLEMS
    out = Path(args.out) if args.out else Path("drafts") / next(iter(bank.quizzes))
    for target in interchange.write_bank(bank, out, overwrite=args.force):
        print(target)
    print(
        "review the draft questions in the teacher's room (Review drafts), or run: "
        f"python -m classroom check lessons {out / 'quizzes'}",
        file=sys.stderr,
    )
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "timelinejs":
        course = load_course([args.source])
        for problem in course.problems:
            print(problem)
        if course.problems:
            return PROBLEMS
        data = interchange.timeline_json(list(course.lessons.values()))
        notes: list[interchange.Note] = []
    else:
        quiz = _load_quiz(args.source)
        if quiz is None:
            return PROBLEMS
        data, notes = interchange.export_quiz(quiz, args.format)
    for note in notes:
        if note.detail:
            print(note, file=sys.stderr)
    if args.out:
        Path(args.out).write_bytes(data)
        print(f"wrote {args.out}", file=sys.stderr)
    elif args.format == "qti3":
        print("error: a QTI package is a zip file: give --out FILE.zip", file=sys.stderr)
        return USAGE
    else:
        sys.stdout.buffer.write(data)
    return OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m classroom", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate lesson and quiz files and the links between them")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: lessons/ quizzes/)")
    check.set_defaults(run=cmd_check)

    grade = commands.add_parser("grade", help="grade a YAML file of responses against a quiz")
    grade.add_argument("quiz", metavar="QUIZ.yaml")
    grade.add_argument("responses", metavar="RESPONSES.yaml", help="question id: response, one a line")
    grade.add_argument("--json", action="store_true", help="print the result as JSON")
    grade.set_defaults(run=cmd_grade)

    key = commands.add_parser("key", help="print a quiz's answer key as a responses file")
    key.add_argument("quiz", metavar="QUIZ.yaml")
    key.set_defaults(run=cmd_key)

    schema_cmd = commands.add_parser("schema", help="regenerate schema/*.schema.json from the models")
    schema_cmd.add_argument("--check", action="store_true", help="only report whether the files are up to date")
    schema_cmd.set_defaults(run=cmd_schema)

    teacher = commands.add_parser("teacher-password", help="set the password for the teacher screens (stores a hash)")
    teacher.add_argument("--stdin", action="store_true", help="read the password from one line of standard input")
    teacher.add_argument(
        "--print-hash",
        action="store_true",
        help="print the hash for CLASSROOM_TEACHER_PASSWORD_HASH instead of writing the password file",
    )
    teacher.set_defaults(run=cmd_teacher_password)

    migrate_cmd = commands.add_parser("migrate", help="bring the results database's tables up to date")
    migrate_cmd.set_defaults(run=cmd_migrate)

    ingest_cmd = commands.add_parser("ingest", help="draft lessons and quizzes from an article (.txt, .md, .html)")
    ingest_cmd.add_argument("article", metavar="ARTICLE")
    ingest_cmd.add_argument("--id", help="id prefix of the lessons (default: from the file name)")
    ingest_cmd.add_argument("--out", metavar="DIR", help="folder for lessons/ and quizzes/ (default: drafts/ID)")
    ingest_cmd.add_argument("--force", action="store_true", help="replace files that already exist")
    ingest_cmd.set_defaults(run=cmd_ingest)

    import_cmd = commands.add_parser("import", help="draft quizzes from a GIFT or Moodle XML question bank")
    import_cmd.add_argument("file", metavar="FILE")
    import_cmd.add_argument(
        "--format", choices=interchange.IMPORT_FORMATS, help="default: moodle-xml for .xml, else gift"
    )
    import_cmd.add_argument("--id", help="the quiz id (default: from the file name); categories add -CATEGORY")
    import_cmd.add_argument(
        "--lesson", action="append", help="a lesson the quiz draws on (default: the course's first)"
    )
    import_cmd.add_argument("--out", metavar="DIR", help="folder for quizzes/ (default: drafts/ID)")
    import_cmd.add_argument("--force", action="store_true", help="replace files that already exist")
    import_cmd.set_defaults(run=cmd_import)

    export_cmd = commands.add_parser(
        "export", help="a quiz as GIFT, Moodle XML or QTI 3.0; lessons' events as TimelineJS"
    )
    export_cmd.add_argument("source", metavar="QUIZ", help="a quiz file (timelinejs: a lessons folder or file)")
    export_cmd.add_argument("--format", required=True, choices=interchange.EXPORT_FORMATS)
    export_cmd.add_argument("--out", metavar="FILE", help="default: standard output (QTI needs a file)")
    export_cmd.set_defaults(run=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code; a bug (any other exception) is left to :func:`run`."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse already printed the usage message
        return USAGE if stop.code else OK
    try:
        return args.run(args)
    except UserError as error:  # the user's to fix: the message says how, no traceback
        print(f"error: {error}", file=sys.stderr)
        return PROBLEMS
    except KeyboardInterrupt:
        return 130


def report_bug(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """``sys.excepthook`` of the command line: an exception nobody expected is a bug, exit code 3."""
    sys.stdout.flush()
    print("An internal error has occurred (a bug in classroom, not in your files):", file=sys.stderr)
    traceback.print_exception(kind, error, trace)
    sys.stderr.flush()
    os._exit(INTERNAL)  # the interpreter would exit with 1, which means "problems in your files"


def run(argv: Sequence[str] | None = None) -> None:
    """The ``classroom`` console script and ``python -m classroom``."""
    sys.excepthook = report_bug
    sys.exit(main(argv))
