"""The kiosk's settings file: strict like all content, with the same path:line:column messages.

Also the server mode (an environment variable read at start-up, never a URL), what a kiosk
offers when a quiz breaks, the class its attempts are filed under, and the start-up check.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from classroom import kiosk
from classroom.content import schema
from classroom.content.load import load_course
from classroom.kiosk import KioskConfig, check, load_kiosk_config, offer
from classroom.results.store import Store
from classroom.settings import ModeError, server_mode
from classroom.settings import kiosk_config_path as config_path
from support import ROOT, TESTDATA

COURSE = TESTDATA / "course"

# A file with one mistake of every sort a teacher makes, and the messages it must give (golden).
BAD = textwrap.dedent(
    """\
    # yaml-language-server: $schema=schema/kiosk.schema.json
    name: Hall Kiosk
    title: [Welcome]
    lessons: alliance
    quizzes: [every-kind]
    idle_seconds: "90"
    warning_seconds: 1
    result_secs: 30
    class: [9B]
    resetting: true
    """
)
BAD_EXPECTED = [
    "kiosk.yaml:2:7: 'Hall Kiosk' is not a valid id: use lowercase letters, digits and single dashes, "
    "like 'after-1991'",
    "kiosk.yaml:3:8: title: expected text, not a list",
    "kiosk.yaml:4:10: lessons: expected a list (like [a, b], or lines starting with '- '), not 'alliance'",
    "kiosk.yaml:6:15: idle_seconds: expected a whole number, not '90'",
    "kiosk.yaml:7:18: warning_seconds: must be at least 2, not 1",
    "kiosk.yaml:8:1: unknown field 'result_secs' — did you mean 'result_seconds'?",
    "kiosk.yaml:9:8: class: write the class's join code (like K7M2QP) or its number (like 3)",
    "kiosk.yaml:10:1: unknown field 'resetting'; allowed here: name, title, welcome, lessons, quizzes, "
    "idle_seconds, warning_seconds, result_seconds, class",
]


@pytest.fixture(scope="module")
def course():
    return load_course([COURSE / "lessons", COURSE / "quizzes"])


def load(write, text: str, course=None):
    path = write("kiosk.yaml", textwrap.dedent(text))
    return load_kiosk_config(path, course, shown_as="kiosk.yaml")


# ---------------------------------------------------------------- the file


def test_a_good_file_loads(write, course):
    config, problems = load(
        write,
        """\
        name: hall
        title: Welcome to the alliance
        welcome: Touch a button to start.
        lessons: [alliance]
        quizzes: [leak-check, every-kind]
        idle_seconds: 60
        warning_seconds: 10
        result_seconds: 20
        class: K7M2QP
        """,
        course,
    )
    assert problems == []
    assert config == KioskConfig(
        name="hall",
        title="Welcome to the alliance",
        welcome="Touch a button to start.",
        lessons=["alliance"],
        quizzes=["leak-check", "every-kind"],
        idle_seconds=60,
        warning_seconds=10,
        result_seconds=20,
        class_="K7M2QP",
    )


def test_defaults_when_only_the_offer_is_given(write):
    config, problems = load(write, "quizzes: [every-kind]\n")
    assert problems == []
    assert (config.name, config.title, config.welcome, config.lessons) == ("kiosk", "Welcome!", None, [])
    assert (config.idle_seconds, config.warning_seconds, config.result_seconds) == (90, 15, 30)
    assert config.class_ is None


def test_bad_file_gives_the_golden_messages(write):
    config, problems = load(write, BAD)
    assert config is None
    assert [str(problem) for problem in problems] == BAD_EXPECTED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: Hi\n", "kiosk.yaml:1:1: a kiosk offers at least one lesson or quiz: add 'lessons:' or 'quizzes:'"),
        ("quizzes: [a, b, a]\n", "kiosk.yaml:1:17: 'a' is listed twice"),
        (
            "quizzes: [a]\nquizzes: [b]\n",
            "kiosk.yaml:2:1: duplicate key 'quizzes' (first given on line 1); keep only one",
        ),
        (
            "quizzes: [a]\ntitle: a: b\n",
            'kiosk.yaml:2:8: the value on line 2 contains ": "; put the whole value in quotes, like title: "a: b"',
        ),
        ("quizzes:\n\t- a\n", "kiosk.yaml:2:1: tab used for indentation; indent with spaces"),
        ("- quizzes\n", "kiosk.yaml:1:1: a kiosk file must be 'field: value' lines"),
        ("", "kiosk.yaml:1:1: the file is empty"),
        (
            "quizzes: [a]\nclass: true\n",
            "kiosk.yaml:2:8: class: write the class's join code (like K7M2QP) or its number (like 3)",
        ),
        ("quizzes: [a]\nclass: ' '\n", "kiosk.yaml:2:8: class is empty: write a join code, or remove the line"),
        ("quizzes: [a]\nclass: 0\n", "kiosk.yaml:2:8: class: a class number is 1 or more"),
        ("quizzes: [a]\nresult_seconds: 5000\n", "kiosk.yaml:2:17: result_seconds: must be at most 3600, not 5000"),
    ],
)
def test_each_mistake_is_located(write, text, expected):
    config, problems = load(write, text)
    assert config is None
    assert [str(problem) for problem in problems] == [expected]


def test_a_missing_file_is_a_clear_problem(tmp_path):
    config, problems = load_kiosk_config(tmp_path / "nowhere.yaml", shown_as="kiosk.yaml")
    assert config is None
    assert [str(p) for p in problems] == ["kiosk.yaml:1:1: cannot read the file: No such file or directory"]


def test_unknown_ids_are_located_with_a_suggestion(write, course):
    config, problems = load(
        write,
        """\
        lessons: [alliance, aliance]
        quizzes:
          - every-kind
          - leak-chek
          - nothing-like-it
        """,
        course,
    )
    assert config is None
    assert [str(p) for p in problems] == [
        "kiosk.yaml:1:21: no lesson 'aliance' — did you mean 'alliance'?",
        "kiosk.yaml:4:5: no quiz 'leak-chek' — did you mean 'leak-check'?",
        "kiosk.yaml:5:5: no quiz 'nothing-like-it'",
    ]


def test_a_quiz_with_a_content_error_is_not_a_kiosk_error(write, course):
    """The broken quiz exists (its file is being fixed): the kiosk starts and leaves it out."""
    assert "broken" not in course.quizzes
    config, problems = load(write, "quizzes: [every-kind, broken, leak-check]\n", course)
    assert problems == []
    offered = offer(config, course)
    assert [quiz.id for quiz in offered.quizzes] == ["every-kind", "leak-check"]
    assert offered.left_out == ("broken",)


def test_shipped_kiosk_file_is_valid_and_offers_the_whole_course():
    course = load_course([ROOT / "lessons", ROOT / "quizzes"])
    config, problems = load_kiosk_config(ROOT / "kiosk.yaml", course)
    assert problems == []
    assert config.lessons == list(course.lessons)  # in course order
    assert set(config.quizzes) == set(course.quizzes)
    first = (ROOT / "kiosk.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/kiosk.schema.json"


def test_kiosk_schema_is_generated_from_the_model():
    assert schema.SCHEMAS["kiosk.schema.json"] is KioskConfig
    text = schema.render(KioskConfig)
    assert '"idle_seconds"' in text and '"class"' in text and '"class_"' not in text


# ---------------------------------------------------------------- what is offered


def test_offer_keeps_the_configured_order_and_drops_what_breaks(course):
    config = KioskConfig(lessons=["alliance", "gone"], quizzes=["leak-check", "every-kind", "broken"])
    offered = offer(config, course)
    assert [lesson.id for lesson in offered.lessons] == ["alliance"]
    assert [quiz.id for quiz in offered.quizzes] == ["leak-check", "every-kind"]
    assert offered.left_out == ("gone", "broken")
    assert offered.quiz("broken") is None and offered.lesson("alliance") is not None
    assert [quiz.id for quiz in offered.quizzes_for("alliance")] == ["leak-check", "every-kind"]


# ---------------------------------------------------------------- the server mode


@pytest.mark.parametrize(
    ("environ", "mode"),
    [
        ({}, "classroom"),
        ({"CLASSROOM_MODE": "classroom"}, "classroom"),
        ({"CLASSROOM_MODE": "kiosk"}, "kiosk"),
        ({"CLASSROOM_MODE": " Kiosk "}, "kiosk"),
        ({"CLASSROOM_KIOSK": "kiosk.yaml"}, "kiosk"),  # what `python -m server --kiosk` sets
        ({"CLASSROOM_MODE": "kiosk", "CLASSROOM_KIOSK_CONFIG": "hall.yaml"}, "kiosk"),
    ],
)
def test_server_mode_comes_from_the_environment(environ, mode):
    assert server_mode(environ) == mode


def test_an_unknown_mode_is_refused_rather_than_guessed():
    with pytest.raises(ModeError, match="CLASSROOM_MODE is 'kiosks': use 'kiosk' or 'classroom'"):
        server_mode({"CLASSROOM_MODE": "kiosks"})


def test_the_mode_is_read_once_per_process(monkeypatch):
    monkeypatch.setattr(kiosk, "_STARTED", {})
    monkeypatch.setenv("CLASSROOM_MODE", "kiosk")
    assert kiosk.process_mode() == "kiosk"
    monkeypatch.setenv("CLASSROOM_MODE", "classroom")  # a later change cannot switch a running server
    assert kiosk.process_mode() == "kiosk"


def test_config_path():
    assert config_path({}) == "kiosk.yaml"
    assert config_path({"CLASSROOM_KIOSK": "a.yaml"}) == "a.yaml"
    assert config_path({"CLASSROOM_KIOSK": "a.yaml", "CLASSROOM_KIOSK_CONFIG": "b.yaml"}) == "b.yaml"


# ---------------------------------------------------------------- the class and the start-up check


@pytest.fixture
def store(tmp_path):
    found = Store(f"sqlite:///{tmp_path / 'results.db'}")
    yield found
    found.close()


def test_the_class_is_found_by_join_code_or_number(store):
    room = store.create_class("History 9B")
    other = store.create_class("History 9C")
    classes = store.classes()
    assert kiosk.resolve_class(classes, room.join_code) == room
    assert kiosk.resolve_class(classes, f" {room.join_code.lower()[:3]}-{room.join_code.lower()[3:]} ") == room
    assert kiosk.resolve_class(classes, other.id) == other
    assert kiosk.resolve_class(classes, str(other.id)) == other
    assert kiosk.resolve_class(classes, "NOSUCH") is None
    assert kiosk.resolve_class(classes, None) is None


def test_startup_check_reports_an_unknown_class(write, store):
    path = write("kiosk.yaml", "quizzes: [every-kind]\nclass: NOPE42\n")
    content = [str(COURSE / "lessons"), str(COURSE / "quizzes")]
    problems = check(str(path), content, store)
    assert [f"{p.line}:{p.column}: {p.message}" for p in problems] == [
        "2:8: no class 'NOPE42': use a join code from the teacher's room"
    ]
    room = store.create_class("9B")
    path.write_text(f"quizzes: [every-kind]\nclass: {room.join_code}\n", encoding="utf-8")
    assert check(str(path), content, store) == []


def test_command_line_check_exit_codes(write, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("CLASSROOM_CONTENT", str(COURSE))
    monkeypatch.setenv("CLASSROOM_DATABASE_URL", f"sqlite:///{tmp_path / 'results.db'}")
    good = write("good.yaml", "quizzes: [every-kind]\n")
    bad = write("bad.yaml", "quizzes: [every-knd]\n")
    assert kiosk.main([str(good)]) == 0
    assert "kiosk configuration is valid" in capsys.readouterr().err
    assert kiosk.main([str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{bad}:1:11: no quiz 'every-knd' — did you mean 'every-kind'?\n"
    assert "the kiosk cannot start" in captured.err


def test_command_line_warns_about_left_out_quizzes(write, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("CLASSROOM_CONTENT", str(COURSE))
    monkeypatch.setenv("CLASSROOM_DATABASE_URL", f"sqlite:///{tmp_path / 'results.db'}")
    path = write("kiosk.yaml", "quizzes: [every-kind, broken]\n")
    assert kiosk.main([str(path)]) == 0
    err = capsys.readouterr().err
    assert "warning: broken is left out until its file is fixed" in err


def test_paths_in_messages_are_as_given(tmp_path: Path):
    path = tmp_path / "kiosk.yaml"
    path.write_text("quizzes: 3\n", encoding="utf-8")
    _, problems = load_kiosk_config(path)
    assert problems[0].path == str(path)
