"""Loading a course: golden messages for bad files, cross-file checks, good files survive bad ones."""

from __future__ import annotations

import json
import textwrap

import pytest

from classroom.content.load import load_course, load_file
from classroom.content.models import ChoiceQuestion, Lesson, Quiz, TextQuestion
from classroom.limits import MAX_OPTIONS, MAX_QUESTIONS_PER_FILE, MAX_QUESTIONS_PER_QUIZ
from support import TESTDATA

LESSON = textwrap.dedent(
    """\
    id: {id}
    title: A lesson
    order: 1
    summary: Short.
    passages:
      - id: p1
        text: Some reading.
    """
)


def test_bad_files_give_the_golden_messages(monkeypatch):
    """Every problem in tests/testdata/bad is reported at its line and column, in teacher's words."""
    monkeypatch.chdir(TESTDATA / "bad")
    course = load_course(["lessons", "quizzes"])
    expected = (TESTDATA / "bad.expected").read_text(encoding="utf-8").splitlines()
    assert [str(problem) for problem in course.problems] == expected


def test_good_files_load_beside_bad_ones(monkeypatch):
    monkeypatch.chdir(TESTDATA / "bad")
    course = load_course(["lessons", "quizzes"])
    assert set(course.lessons) == {"good-lesson", "twin"}
    assert set(course.quizzes) == {"words"}
    assert course.files["good-lesson"] == "lessons/good-lesson.yaml"


def test_yaml_11_words_and_dates_stay_as_written(monkeypatch):
    monkeypatch.chdir(TESTDATA / "bad")
    course = load_course(["lessons", "quizzes"])
    norway = course.quizzes["words"].question("norway")
    switch = course.quizzes["words"].question("switch")
    assert isinstance(norway, TextQuestion) and norway.accept == ["no", "NO", "no"]
    assert isinstance(switch, ChoiceQuestion) and switch.options == ["on", "off", "yes"]
    lesson = course.lessons["good-lesson"]
    assert lesson.events[0].date == "1949-04-04"
    assert lesson.people[0].from_ == "1949"


def test_problems_are_grouped_by_file(monkeypatch):
    monkeypatch.chdir(TESTDATA / "bad")
    course = load_course(["lessons", "quizzes"])
    assert [p.line for p in course.problems_in("quizzes/dupe-ids.yaml")] == [4, 10]
    assert course.problems_in("lessons/good-lesson.yaml") == []


def test_lessons_come_in_course_order(write, tmp_path):
    write("lessons/b.yaml", LESSON.format(id="b").replace("order: 1", "order: 1"))
    write("lessons/a.yaml", LESSON.format(id="a").replace("order: 1", "order: 2"))
    course = load_course([tmp_path / "lessons"])
    assert list(course.lessons) == ["b", "a"]


def test_a_quiz_with_a_broken_link_is_left_out_but_reported(write, tmp_path):
    write("lessons/a.yaml", LESSON.format(id="a"))
    question = "  - {id: x, kind: true_false, ask: Really, answer: true, source: 'a#p2'}"
    write("quizzes/q.yaml", f"id: q\ntitle: Q\nlessons: [a]\nquestions:\n{question}\n")
    course = load_course([tmp_path / "lessons", tmp_path / "quizzes"])
    assert course.quizzes == {}
    [problem] = course.problems
    assert (problem.line, problem.column) == (5, question.index("'a#p2'") + 1)
    assert "has no passage 'p2'" in problem.message


def test_file_over_one_megabyte_is_refused(write):
    path = write("lessons/big.yaml", "id: big\n" + "# padding\n" * 110_000)
    result = load_file(path)
    assert result.item is None
    assert [p.message.split(";")[0] for p in result.problems] == ["file is 1,100,008 bytes"]


def test_a_file_that_is_not_a_mapping_is_reported(write):
    result = load_file(write("quizzes/list.yaml", "- just\n- a list\n"))
    assert [str(p).split(": ", 1)[1] for p in result.problems] == ["a quiz file must be 'field: value' lines"]


def test_empty_file_is_reported(write):
    result = load_file(write("lessons/empty.yaml", "# only a comment\n"))
    assert [p.message for p in result.problems] == ["the file is empty"]


def test_quiz_is_recognised_by_questions_outside_the_quizzes_folder(write):
    path = write(
        "elsewhere/q.yaml",
        "id: q\ntitle: Q\nlessons: [a]\nquestions:\n  - {id: x, kind: number, ask: How many, answer: 3}\n",
    )
    assert isinstance(load_file(path).item, Quiz)


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("title: [a, b]", "title: expected text, not a list"),
        (
            "title: true",
            "title: expected text, but an unquoted true or false is a yes/no value; put the text in quotes",
        ),
        ("order: first", "order: expected a whole number, not 'first'"),
        ("order: 1.5", "order: expected a whole number, not 1.5"),
        ("title: '   '", "this text is empty; write something or remove the field"),
        ("id: After_1991", "'After_1991' is not a valid id: use lowercase letters, digits and single dashes"),
    ],
)
def test_wrong_types_speak_to_teachers(write, snippet, message):
    field = snippet.split(":")[0]
    text = "\n".join(snippet if line.startswith(field + ":") else line for line in LESSON.format(id="x").splitlines())
    result = load_file(write("x.yaml", text + "\n"))
    assert any(p.message.startswith(message) for p in result.problems), result.problems


def test_valid_lesson_round_trips_to_the_model(write):
    result = load_file(write("lessons/x.yaml", LESSON.format(id="x")))
    assert result.problems == []
    assert isinstance(result.item, Lesson) and result.item.passage("p1").text == "Some reading."


@pytest.mark.parametrize(
    "markdown",
    [
        "A map: ![the new borders](http://example.org/map.png)",
        "![tracker](//example.org/t.gif)",
        "![by reference][map]\n\n[map]: https://example.org/map.png",
        "![map]\n\n[map]: https://example.org/map.png",
        "![a [nested] alt](https://example.org/x.png)",
    ],
)
def test_an_image_from_another_site_is_refused_where_it_is_written(write, markdown):
    """Issue 14, finding 8: every student's browser fetched a lesson's or hint's outside image."""
    question = {"id": "x", "kind": "true_false", "ask": "Really?", "answer": True, "hint": markdown}
    path = write("quizzes/q.yaml", f"id: q\ntitle: Q\nlessons: [a]\nquestions:\n  - {json.dumps(question)}\n")
    result = load_file(path)
    [problem] = result.problems
    assert problem.line == 5 and "images from other sites are not shown" in problem.message
    assert "[what it shows](address)" in problem.message


def test_links_and_pictures_inside_the_file_are_kept(write):
    hint = "Read [the treaty](https://example.org/treaty) or see ![a dot](data:image/png;base64,iVBORw0KGgo=)"
    question = {"id": "x", "kind": "true_false", "ask": "Really?", "answer": True, "hint": hint}
    path = write("quizzes/q.yaml", f"id: q\ntitle: Q\nlessons: [a]\nquestions:\n  - {json.dumps(question)}\n")
    assert load_file(path).problems == []


def _quiz_with(count: int) -> str:
    questions = "".join(f"  - {{id: q{i}, kind: true_false, ask: Statement {i}, answer: true}}\n" for i in range(count))
    return f"id: big\ntitle: Big\nlessons: [a]\nquestions:\n{questions}"


def test_a_quiz_over_the_question_limit_is_refused_before_its_questions_are_checked(write, monkeypatch):
    """Issue 14, finding 6: a 9,900-question quiz passed, and its preview never finished."""
    path = write("quizzes/big.yaml", _quiz_with(9_900))

    def must_not_validate(*args, **kwargs):
        raise AssertionError("the questions were validated one by one")

    monkeypatch.setattr(Quiz, "model_validate", must_not_validate)
    [problem] = load_file(path).problems
    assert (problem.line, problem.column) == (5 + MAX_QUESTIONS_PER_FILE, 5)
    assert "9,900 questions" in problem.message and f"at most {MAX_QUESTIONS_PER_FILE}" in problem.message


def test_a_quiz_at_the_limit_loads(write):
    assert load_file(write("quizzes/big.yaml", _quiz_with(MAX_QUESTIONS_PER_QUIZ))).problems == []


def test_the_quiz_model_itself_caps_its_questions():
    questions = [{"id": f"q{i}", "kind": "true_false", "ask": "S", "answer": True} for i in range(201)]
    with pytest.raises(ValueError, match="too_long|at most 200"):
        Quiz.model_validate({"id": "big", "title": "Big", "lessons": ["a"], "questions": questions})


def test_shipped_quizzes_come_in_course_order_with_the_final_last():
    from support import ROOT

    course = load_course([ROOT / "lessons", ROOT / "quizzes"])
    lesson_order = list(course.lessons)
    quizzes = list(course.quizzes.values())
    assert quizzes[-1].id == "course-final"
    assert [quiz.lessons[0] for quiz in quizzes[:-1]] == lesson_order


def test_course_place_puts_a_quiz_after_its_last_lesson_and_wider_quizzes_later():
    from classroom.content.load import course_place

    def quiz(quiz_id, lessons):
        return Quiz.model_validate(
            {
                "id": quiz_id,
                "title": quiz_id,
                "lessons": lessons,
                "questions": [{"id": "q", "kind": "number", "ask": "How many?", "answer": 1}],
            }
        )

    place = {"one": 0, "two": 1, "three": 2}
    quizzes = [quiz("final", ["one", "two", "three"]), quiz("c", ["three"]), quiz("a", ["one"]), quiz("b", ["two"])]
    assert [q.id for q in sorted(quizzes, key=lambda q: course_place(q, place))] == ["a", "b", "c", "final"]


def test_a_question_with_too_many_options_is_located_at_the_first_one_too_many(write):
    """MAX_OPTIONS (issue 14): every problem at once, each at the entry past the limit, with the limit and the fix."""
    options = "".join(f"      - Option {i}\n" for i in range(MAX_OPTIONS + 5))
    accept = "".join(f"      - Answer {i}\n" for i in range(MAX_OPTIONS + 1))
    text = (
        "id: q\ntitle: Q\nlessons: [a]\nquestions:\n"
        "  - id: pick\n    kind: choice\n    ask: Which?\n    correct: [Option 0]\n    options:\n"
        f"{options}"
        "  - id: write\n    kind: text\n    ask: Who?\n    accept:\n"
        f"{accept}"
    )
    path = write("quizzes/q.yaml", text)
    problems = load_file(path).problems
    assert [(p.line, p.column) for p in problems] == [
        (10 + MAX_OPTIONS, 9),
        (10 + len(options.splitlines()) + 4 + MAX_OPTIONS, 9),
    ]
    assert f"{MAX_OPTIONS + 5} options; a question may have at most {MAX_OPTIONS}" in problems[0].message
    assert f"{MAX_OPTIONS + 1} accepted answers" in problems[1].message
    assert all("split it into two questions" in p.message for p in problems)
    assert str(problems[0]).startswith(f"{path}:{10 + MAX_OPTIONS}:9: ")
