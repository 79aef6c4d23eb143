"""The teacher's "Review drafts" tab through AppTest: import an article, edit, accept, reject, save.

Each test signs in with its own password file and results database in
``tmp_path`` and works on a writable copy of ``tests/testdata/course``, so
the files the screen writes are checked where they land (with ``load_file``,
the loader every screen uses).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import ui.shared.course
import ui.shared.state
import ui.teacher.auth
from classroom import auth
from classroom.content.load import load_course, load_file
from classroom.content.models import Lesson, Quiz
from classroom.ingest import draft_course, read_article_file, write_course
from classroom.ingest.review import answer_spans, bolded
from classroom.quiz.attempts import askable
from classroom.results.store import Store

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TESTDATA = Path(__file__).resolve().parent / "testdata"
COURSE = TESTDATA / "course"
ARTICLE = TESTDATA / "ingest" / "suez-brief.txt"
TEACHER = "ui/teacher/room.py"
PASSWORD = "correct horse battery"
CRASH = "Something went wrong on this screen."
TAB = "Review drafts"


# ---------------------------------------------------------------- fixtures


def _clear_content_caches() -> None:
    ui.shared.course._load_file.clear()
    ui.shared.course._assemble.clear()


@pytest.fixture(autouse=True)
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A writable copy of the fixture course, and a fresh database and password file, for every test."""
    root = (tmp_path / "course").resolve()
    shutil.copytree(COURSE, root)
    monkeypatch.setenv("CLASSROOM_CONTENT", str(root))
    monkeypatch.setattr(ui.shared.course, "CONTENT_ROOT", root)
    url = f"sqlite:///{tmp_path / 'results.db'}"
    monkeypatch.setenv("CLASSROOM_DATABASE_URL", url)
    monkeypatch.setenv("CLASSROOM_TEACHER_PASSWORD_FILE", str(tmp_path / "teacher-password"))
    _clear_content_caches()
    ui.shared.state.store.clear()
    auth.set_password(PASSWORD)
    Store(url).close()
    yield root
    _clear_content_caches()
    ui.shared.state.store.clear()


# ---------------------------------------------------------------- helpers


def run(at: AppTest) -> AppTest:
    at.run()
    problems = [f"exception: {e.value}" for e in at.exception]
    problems += [f"error box: {e.value}" for e in at.error if e.value.startswith(CRASH)]
    assert not problems, f"the screen failed: {problems}"
    return at


def review_tab() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    run(at)
    at.switch_page(TEACHER)
    run(at)
    at.text_input[0].input(PASSWORD)
    button(at, "Sign in").click()
    run(at)
    assert TAB in [t.label for t in at.tabs]
    at.session_state["teacher:tab"] = TAB
    return run(at)


def button(at: AppTest, label: str) -> Any:
    found = [b for b in at.button if b.label == label]
    assert len(found) == 1, f"expected one {label!r} button, found {[b.label for b in at.button]}"
    return found[0]


def click(at: AppTest, label: str) -> AppTest:
    button(at, label).click()
    return run(at)


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def widget(elements: Any, suffix: str) -> Any:
    """The one widget whose key ends with ``suffix`` (keys carry the review's number and the lesson's saves)."""
    found = [w for w in elements if w.key and w.key.endswith(suffix)]
    assert len(found) == 1, f"expected one widget ending {suffix!r}, found {[w.key for w in found]}"
    return found[0]


def imported(name: str = ARTICLE.name, data: bytes | None = None) -> AppTest:
    at = review_tab()
    at.file_uploader(key="review:article").upload(name, ARTICLE.read_bytes() if data is None else data, "text/plain")
    run(at)
    return click(at, "Draft lessons and questions")


def texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def errors(at: AppTest) -> list[str]:
    return [plain(e.value) for e in at.error]


def load(path: Path) -> Lesson | Quiz:
    loaded = load_file(path)
    assert loaded.problems == [], loaded.problems
    assert loaded.item is not None
    return loaded.item


def drafted_quiz(lesson: int = 1) -> Quiz:
    text, fmt = read_article_file(ARTICLE)
    quiz = draft_course(text, ARTICLE.name, fmt=fmt).lessons[lesson - 1].quiz
    assert quiz is not None
    return quiz


# ---------------------------------------------------------------- tests


def test_an_imported_article_shows_each_draft_beside_its_passage_with_the_answer_in_bold() -> None:
    at = imported()
    quiz = drafted_quiz()
    [status] = at.get("status")
    assert status.label == "Drafted 20 questions in 2 lessons"
    lessons = at.selectbox(key="review:1:unit")
    assert lessons.options == [
        "Lesson 1: Eden resigns as Suez fallout topples government (part 1) — 10 draft questions",
        "Lesson 2: Eden resigns as Suez fallout topples government (part 2) — 10 draft questions",
    ]
    asks = [w.value for w in at.text_area if w.key.endswith(":ask")]
    assert asks == [q.ask for q in quiz.questions]
    assert widget(at.text_input, ":date-1:answer").value == "26 July 1956"
    assert widget(at.text_area, ":role-2:accept").value == "Chancellor of the Exchequer\nPrime Minister"
    assert widget(at.radio, ":date-1:decision").value == "Keep as draft"
    cited = [m for m in texts(at) if m.startswith("**The passage it cites**")]
    assert len(cited) == len(quiz.questions)
    assert cited[0] == "**The passage it cites** · `suez-brief-1#p3`"
    passages = [m for m in texts(at) if m.startswith("The crisis began on")]
    assert passages[0].startswith("The crisis began on 26 July 1956, when")  # the whole lesson, as students read it
    assert passages[1].startswith("The crisis began on **26 July 1956**, when")  # beside question 1
    assert [m for m in texts(at) if "was appointed **Prime Minister**" in m] == [
        "Harold Macmillan, the **Chancellor of the Exchequer**, was appointed **Prime Minister** this afternoon "
        "after the Queen consulted senior Conservatives. Mr Macmillan had at first backed the invasion but later "
        "urged a swift withdrawal."
    ]
    assert widget(at.text_input, ":title").value == "Eden resigns as Suez fallout topples government (part 1)"


def test_accept_an_edit_reject_another_and_save_writes_valid_files(course: Path) -> None:
    at = imported()
    widget(at.text_area, ":date-1:ask").input("When did Nasser announce the takeover of the canal company?")
    widget(at.radio, ":date-1:decision").set_value("Accept")
    widget(at.text_area, ":role-2:accept").input("Chancellor of the Exchequer\nChancellor")
    widget(at.radio, ":role-2:decision").set_value("Accept")
    widget(at.radio, ":role-1:decision").set_value("Reject")
    run(at)
    assert errors(at) == []
    click(at, "Save to the course")
    lesson = load(course / "lessons" / "suez-brief-1.yaml")
    quiz = load(course / "quizzes" / "suez-brief-1-draft.yaml")
    assert isinstance(lesson, Lesson) and isinstance(quiz, Quiz)
    drafted = drafted_quiz()
    assert [q.id for q in quiz.questions] == [q.id for q in drafted.questions if q.id != "role-1"]
    status = {q.id: q.status for q in quiz.questions}
    assert status.pop("date-1") == "ready" and status.pop("role-2") == "ready"
    assert set(status.values()) == {"draft"}
    assert quiz.question("date-1").ask == "When did Nasser announce the takeover of the canal company?"
    assert quiz.question("date-1").answer == "1956-07-26"
    assert quiz.question("role-2").accept == ["Chancellor of the Exchequer", "Chancellor"]
    assert quiz.question("date-2") == drafted.question("date-2")  # untouched: exactly as drafted
    assert [q.id for q in askable(quiz)] == ["date-1", "role-2"]  # what students can be asked
    assert quiz.title == "Eden resigns as Suez fallout topples government (part 1)"
    assert not (course / "data").exists()  # nothing was replaced, so nothing backed up
    loaded = load_course([course / "lessons", course / "quizzes"])
    assert "suez-brief-1" in loaded.lessons and "suez-brief-1-draft" in loaded.quizzes
    [saved] = [s.value for s in at.success]
    assert "1 rejected (removed)" in plain(saved) and "2 accepted" in plain(saved)
    assert [w.value for w in at.text_area if w.key.endswith(":ask")] == [  # what is left to review
        q.ask for q in drafted.questions if q.id not in ("date-1", "role-1", "role-2")
    ]


def test_saving_over_an_existing_file_backs_it_up_outside_the_course_folders(course: Path) -> None:
    at = imported()
    click(at, "Save to the course")
    target = course / "quizzes" / "suez-brief-1-draft.yaml"
    first = target.read_text(encoding="utf-8")
    widget(at.radio, ":date-3:decision").set_value("Accept")
    run(at)
    click(at, "Save to the course")
    [backup] = list((course / "data" / "backups").iterdir())
    assert re.fullmatch(r"suez-brief-1-draft\.\d{8}T\d{6}Z\.yaml", backup.name)
    assert backup.read_text(encoding="utf-8") == first
    assert load(target).question("date-3").status == "ready"
    assert sorted(p.name for p in (course / "quizzes").iterdir()) == [
        "broken.yaml",
        "every-kind.yaml",
        "leak-check.yaml",
        "suez-brief-1-draft.yaml",
    ]
    assert "the previous version is kept as `data/backups/suez-brief-1-draft." in plain(at.success[0].value)
    assert "lessons/suez-brief-1.yaml` was already up to date" in plain(at.success[0].value)


def test_edits_survive_switching_lessons_and_tabs() -> None:
    at = imported()
    widget(at.text_area, ":date-1:ask").input("When did the crisis begin?")
    widget(at.radio, ":role-1:decision").set_value("Reject")
    run(at)
    at.selectbox(key="review:1:unit").set_value(1)
    run(at)
    assert widget(at.text_area, ":outcome-1:ask").value.startswith("According to the text")
    at.session_state["teacher:tab"] = "Content"
    run(at)
    assert not [w for w in at.text_area if w.key and w.key.endswith(":ask")]
    at.session_state["teacher:tab"] = TAB
    run(at)
    at.selectbox(key="review:1:unit").set_value(0)
    run(at)
    assert widget(at.text_area, ":date-1:ask").value == "When did the crisis begin?"
    assert widget(at.radio, ":role-1:decision").value == "Reject"


def test_an_invalid_date_shows_an_error_beside_the_field_and_saves_nothing(course: Path) -> None:
    at = imported()
    widget(at.text_input, ":date-1:answer").input("spring")
    widget(at.radio, ":date-1:decision").set_value("Accept")
    run(at)
    assert errors(at) == [
        "“spring” is not a date. Write a year (1956), a month and a year (July 1956) or a full date (26 July 1956)."
    ]
    click(at, "Save to the course")
    assert errors(at)[-1].startswith("Nothing was saved: 1 question has a problem")
    assert not (course / "lessons" / "suez-brief-1.yaml").exists()
    assert not (course / "quizzes" / "suez-brief-1-draft.yaml").exists()
    widget(at.text_input, ":date-1:answer").input("July 1956")  # fixed: saved at the precision written
    run(at)
    click(at, "Save to the course")
    assert load(course / "quizzes" / "suez-brief-1-draft.yaml").question("date-1").answer == "1956-07"


def test_empty_fields_are_explained_in_teacher_words(course: Path) -> None:
    at = imported()
    widget(at.text_area, ":role-1:ask").input("   ")
    widget(at.text_area, ":role-1:accept").input("\n")
    widget(at.text_input, ":title").input("")
    run(at)
    assert errors(at) == [
        "Give the quiz a title.",
        "The question is empty: write what students are asked.",
        "Give at least one accepted answer.",
    ]
    widget(at.radio, ":role-1:decision").set_value("Reject")  # a rejected question is not checked
    run(at)
    assert errors(at) == ["Give the quiz a title."]


def test_a_choice_question_edits_its_options_and_right_answer(course: Path) -> None:
    at = imported()
    at.selectbox(key="review:1:unit").set_value(1)
    run(at)
    options = [w.value for w in at.text_input if re.search(r":outcome-1:option:\d$", w.key)]
    assert options == drafted_quiz(2).question("outcome-1").options
    widget(at.checkbox, ":outcome-1:right:1").check()
    run(at)
    assert errors(at) == []
    widget(at.text_input, ":outcome-1:option:3").input("")  # clear an option: it is removed
    widget(at.radio, ":outcome-1:decision").set_value("Accept")
    run(at)
    click(at, "Save to the course")
    question = load(course / "quizzes" / "suez-brief-2-draft.yaml").question("outcome-1")
    assert question.status == "ready"
    assert question.options == [
        "The United States refused to support its allies",
        "Britain's standing as a world power was badly damaged",
        "British and French paratroopers landed at Port Said on 5 November 1956",
    ]
    assert question.correct == [
        "The United States refused to support its allies",
        "Britain's standing as a world power was badly damaged",
    ]


def test_drafts_written_by_the_command_line_can_be_reviewed_and_saved_into_the_course(course: Path) -> None:
    text, fmt = read_article_file(ARTICLE)
    write_course(draft_course(text, ARTICLE.name, fmt=fmt), course / "drafts" / "suez-brief")
    at = review_tab()
    at.radio(key="review:source").set_value("Drafts in the content folder")
    run(at)
    pick = at.selectbox(key="review:pick")
    assert pick.options == ["drafts/suez-brief/ — 2 lessons, 20 draft questions"]
    click(at, "Open for review")
    widget(at.radio, ":date-2:decision").set_value("Accept")
    run(at)
    click(at, "Save to the course")
    lesson_text = (course / "lessons" / "suez-brief-1.yaml").read_text(encoding="utf-8")
    assert lesson_text.startswith("# yaml-language-server: $schema=../schema/lesson.schema.json\n")
    assert load(course / "quizzes" / "suez-brief-1-draft.yaml").question("date-2").status == "ready"


def test_a_quiz_of_the_course_with_draft_questions_is_offered_for_review(course: Path) -> None:
    path = course / "quizzes" / "every-kind.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    source: alliance#p1\n", "    source: alliance#p1\n    status: draft\n", 1)
    path.write_text(text, encoding="utf-8")
    quiz = load(path)
    [draft] = [q for q in quiz.questions if q.status == "draft"]
    at = review_tab()
    at.radio(key="review:source").set_value("Drafts in the content folder")
    run(at)
    pick = at.selectbox(key="review:pick")
    assert pick.options == ["quizzes/every-kind.yaml — 1 draft question"]
    click(at, "Open for review")
    assert [w.value for w in at.text_area if w.key.endswith(":ask")] == [draft.ask]
    widget(at.radio, f":{draft.id}:decision").set_value("Accept")
    run(at)
    click(at, "Save to the course")
    saved = load(path)
    assert [q.status for q in saved.questions] == ["ready"] * len(quiz.questions)
    assert [q.id for q in saved.questions] == [q.id for q in quiz.questions]
    [backup] = list((course / "data" / "backups").iterdir())
    assert backup.read_text(encoding="utf-8") == text


def test_an_article_that_is_not_utf8_is_refused_in_teacher_words() -> None:
    at = imported("notes.txt", "Caf\xe9 society in 1956".encode("latin-1"))
    assert errors(at) == ["notes.txt is not UTF-8 text; save it again with UTF-8 encoding"]
    assert "review:current" not in at.session_state


def test_an_article_over_the_size_limit_is_refused_before_drafting() -> None:
    at = review_tab()
    at.file_uploader(key="review:article").upload("huge.txt", b"In 1956 " * 300_000, "text/plain")
    run(at)
    assert errors(at) == [
        "huge.txt is 2.3 MB; the limit is 2 MB. Import a bigger article with `python -m classroom ingest`."
    ]
    assert "Draft lessons and questions" not in [b.label for b in at.button]


def test_a_saved_web_page_is_imported_without_its_page_furniture() -> None:
    at = imported("berlin-airlift.html", (TESTDATA / "ingest" / "berlin-airlift.html").read_bytes())
    assert errors(at) == []
    [furniture] = [e for e in at.expander if e.label.startswith("Left out of the article as page furniture")]
    assert "Skip to content" in plain(furniture.markdown[0].value)
    asks = [w.value for w in at.text_area if w.key.endswith(":ask")]
    assert asks[0].startswith("In which year did this happen: The fighting in Europe stopped")
    assert [m for m in texts(at) if "cookie" in m.lower()] == [furniture.markdown[0].value]  # never in a passage


def test_the_bold_marks_the_answer_where_the_passage_writes_it_even_across_a_line_break() -> None:
    question = drafted_quiz().question("role-2")
    text = "Harold Macmillan, the Chancellor of the\nExchequer, was appointed Prime Minister."
    assert bolded(text, answer_spans(question, text)) == (
        "Harold Macmillan, the **Chancellor of the\nExchequer**, was appointed **Prime Minister**."
    )
