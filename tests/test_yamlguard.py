"""The nesting and line guard: hostile YAML is refused with path:line:column before a parser sees it.

Issue 14, finding 1: 60 KB of ``[`` × 30,000 killed ``check`` (exit 139) and any
server process that loaded it. The fuzz test at the end runs ``check`` in a
subprocess on every shape of hostile file and asserts a clean exit.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from classroom.content.library import Library
from classroom.content.yamlguard import guard
from classroom.content.yamlread import parse_yaml
from classroom.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_LINE_CHARS
from support import ROOT, TESTDATA

DEEP_BRACKETS = ("[" * 30_000 + "]" * 30_000).encode()


def _wrapped(text: str, width: int = 60) -> str:
    """Hostile text in lines short enough to pass the line limit, so only the depth guard can stop it."""
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def _deep_mappings(depth: int) -> str:
    return "".join(" " * level + f"k{level}:\n" for level in range(depth)) + " " * depth + "v\n"


def _deep_dashes(depth: int) -> str:
    return "- " * depth + "x\n"


def _deep_sequences_under_keys(depth: int) -> str:
    """A sequence at its key's indentation adds a level the columns do not show: the worst case for the guard."""
    lines, indent = [], 0
    for level in range(depth):
        lines.append(" " * indent + f"- k{level}:")
        indent += 2
    return "\n".join(lines) + "\n" + " " * indent + "- x\n"


def _real_depth(node: yaml.Node | None) -> int:
    if isinstance(node, yaml.SequenceNode):
        return 1 + max((_real_depth(item) for item in node.value), default=0)
    if isinstance(node, yaml.MappingNode):
        return 1 + max((_real_depth(value) for _, value in node.value), default=0)
    return 0


def _course_files() -> list[Path]:
    folders = [ROOT / "lessons", ROOT / "quizzes", TESTDATA]
    return sorted(path for folder in folders for path in folder.rglob("*.y*ml"))


@pytest.mark.parametrize("path", _course_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_real_content_file_passes_the_guard(path):
    assert guard(path.read_text(encoding="utf-8-sig", errors="replace"), str(path)) == []


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (_wrapped("[" * 30_000 + "]" * 30_000), (1, MAX_DEPTH)),
        (_wrapped("{a: " * 20_000 + "1" + "}" * 20_000), (2, 17)),
        (_deep_mappings(500), (MAX_DEPTH + 1, MAX_DEPTH + 1)),  # the 21st level, at its indentation
        (_deep_dashes(5_000), (1, 2 * MAX_DEPTH + 1)),  # the 21st level: after 20 dashes
        # 3 block levels, then the 18th bracket
        ("questions:\n  - feedback: " + "[" * 1_000 + "\n", (2, 15 + MAX_DEPTH - 3)),
    ],
    ids=["flow-lists", "flow-mappings", "indented-mappings", "dashes-on-one-line", "flow-in-a-quiz"],
)
def test_deep_nesting_is_refused_at_the_place_it_goes_too_deep(text, where):
    [problem] = guard(text, "quizzes/deep.yaml")
    assert (problem.path, problem.line, problem.column) == ("quizzes/deep.yaml", *where)
    assert f"nested more than {MAX_DEPTH} levels deep" in problem.message


def test_brackets_and_dashes_inside_text_do_not_count():
    text = (
        "id: fine\n"
        f"title: '{'[' * 200}'\n"
        f'ask: "{"{" * 200} \\" {"[" * 50}"\n'
        f"note: plain text with [[[[ {'[' * 100} in it\n"
        "body: |\n"
        + "".join(f"  {'[' * 300} - - - - {'{' * 10}\n" for _ in range(3))
        + "list: ['it''s [[[', \"a [[[\", plain]\n"
        + 'multi: "opened here [[[[[[[[[[[[[[[[[[[[[[[[[[[[\n'
        + '  and closed [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ here"\n'
        + "# a comment [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
        + "after: ok # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n"
    )
    assert guard(text, "x.yaml") == []
    doc, problems = parse_yaml(text.encode(), "x.yaml")
    assert problems == [] and doc is not None and doc.data["after"] == "ok"


def test_a_long_line_is_refused_with_its_line_and_the_limit():
    text = "id: x\ntitle: " + "a" * (MAX_LINE_CHARS + 5) + "\nok: 1\n"
    [problem] = guard(text, "lessons/x.yaml")
    assert (problem.line, problem.column) == (2, MAX_LINE_CHARS + 1)
    assert f"{MAX_LINE_CHARS:,}" in problem.message and "break it" in problem.message


def test_the_reader_runs_the_guard_before_the_parser(monkeypatch):
    def parser_must_not_run(text):
        raise AssertionError("the YAML parser saw a file the guard refuses")

    monkeypatch.setattr("classroom.content.yamlread._compose", parser_must_not_run)
    doc, problems = parse_yaml(DEEP_BRACKETS, "quizzes/deep.yaml")
    assert doc is None and problems and problems[0].path == "quizzes/deep.yaml"
    doc, problems = parse_yaml(_wrapped(DEEP_BRACKETS.decode()).encode(), "quizzes/deep.yaml")
    assert doc is None and "nested more than" in problems[0].message


NESTED = st.recursive(
    st.integers(0, 9) | st.text("ab [{'\"-:#", max_size=6),
    lambda inner: st.lists(inner, min_size=1, max_size=2) | st.dictionaries(st.sampled_from("abc"), inner, min_size=1),
    max_leaves=60,
)


@settings(max_examples=300, deadline=None)
@given(NESTED, st.sampled_from([None, True, False]), st.integers(1, 4))
def test_the_guard_never_misses_real_depth_nor_refuses_shallow_files(data, flow, indent):
    """Against the parser's own count: real nesting within the guard's bound passes, beyond it is refused."""
    text = yaml.safe_dump(data, default_flow_style=flow, indent=indent + 1, width=10_000)
    depth = _real_depth(yaml.compose(text, Loader=yaml.SafeLoader))
    refused = bool(guard(text, "x.yaml"))
    if depth <= MAX_DEPTH // 2:
        assert not refused, text
    if depth > 2 * MAX_DEPTH:
        assert refused, text


@pytest.mark.parametrize("depth", [MAX_DEPTH * 3, 100])
def test_sequences_under_keys_are_refused_before_twice_the_limit(depth):
    text = _deep_sequences_under_keys(depth)
    assert _real_depth(yaml.compose(text, Loader=yaml.SafeLoader)) > 2 * MAX_DEPTH
    assert guard(text, "x.yaml")


def test_an_upload_and_the_importers_drafts_go_through_the_guard(tmp_path):
    shutil.copytree(TESTDATA / "course", tmp_path / "course")
    library = Library(tmp_path / "course")
    [loaded], problems = library.check({"quizzes/deep.yaml": DEEP_BRACKETS})
    assert loaded.item is None and problems and problems[0].path == "quizzes/deep.yaml"
    drafts = library.root / "drafts" / "deep" / "quizzes"
    drafts.mkdir(parents=True)
    (drafts / "deep.yaml").write_text(_deep_dashes(5_000), encoding="utf-8")
    [draft] = library.load_folder(library.root / "drafts" / "deep")
    assert draft.item is None and "nested more than" in draft.problems[0].message


# ---------------------------------------------------------------- the fuzz test: `check` in a subprocess


def _billion_laughs(levels: int = 12) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


def _deep_alias_chain(length: int = 3_000) -> str:
    lines = ["x0: &x0 [end]"] + [f"x{i}: &x{i} [*x{i - 1}]" for i in range(1, length)]
    return "\n".join(lines) + "\n"


HOSTILE = {
    "deep-brackets-one-line.yaml": DEEP_BRACKETS,
    "deep-brackets-wrapped.yaml": _wrapped(DEEP_BRACKETS.decode()).encode(),
    "deep-braces.yaml": _wrapped("{a: " * 20_000 + "1" + "}" * 20_000).encode(),
    "deep-indent.yaml": _deep_mappings(1_000).encode(),
    "deep-dashes.yaml": _deep_dashes(20_000).encode(),
    "deep-sequences-under-keys.yaml": _deep_sequences_under_keys(900).encode(),
    "long-line.yaml": ("id: long\ntitle: " + "x" * (MAX_FILE_BYTES - 100) + "\n").encode(),
    "long-quoted-line.yaml": ('id: long\ntitle: "' + "x " * (MAX_FILE_BYTES // 2 - 100) + '"\n').encode(),
    "many-keys.yaml": "".join(f"k{i}: {i}\n" for i in range(70_000)).encode(),
    "many-items.yaml": ("questions:\n" + "- x\n" * 200_000).encode(),
    "billion-laughs.yaml": _billion_laughs().encode(),
    "deep-alias-chain.yaml": _deep_alias_chain().encode(),
    "too-big.yaml": b"a: " + b"b" * (MAX_FILE_BYTES + 1),
}


def test_check_exits_cleanly_on_every_hostile_file(tmp_path):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    for name, data in HOSTILE.items():
        assert len(data) <= MAX_FILE_BYTES + 10, name
        (quizzes / name).write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-m", "classroom", "check", str(quizzes)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    reported = {Path(line.split(":", 1)[0]).name for line in done.stdout.splitlines()}
    assert reported == set(HOSTILE), set(HOSTILE) - reported
    for line in done.stdout.splitlines():
        path, line_no, column, message = line.split(":", 3)
        assert line_no.isdigit() and column.isdigit() and message.strip(), line
    assert f"{len(HOSTILE)} files checked" in done.stderr
