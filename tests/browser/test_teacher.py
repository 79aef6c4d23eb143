"""The teacher's room in a real browser: sign-in, a class, every tab, and axe-core in both themes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_helpers import main, open_url, shot, wait_idle
from conftest import AppServer
from playwright.sync_api import Page, expect
from test_accessibility import Scanner

from classroom.auth import hash_password

PASSWORD = "correct horse battery"
TABS = [
    "Classes",
    "Gradebook",
    "Dashboard",
    "Item analysis",
    "Export",
    "Content",
    "Preview",
    "Review drafts",
    "Import questions",
]


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose teacher password is set (only its scrypt hash is on disk)."""
    workdir = tmp_path_factory.mktemp("teacher")
    password_file = workdir / "teacher-password"
    password_file.write_text(hash_password(PASSWORD) + "\n", encoding="utf-8")
    server = AppServer(workdir)
    server.env["CLASSROOM_TEACHER_PASSWORD_FILE"] = str(password_file)
    server.start()
    yield server.base
    server.stop()


def sign_in(page: Page, base: str, password: str = PASSWORD) -> None:
    open_url(page, f"{base}/teacher", "Teacher password")
    page.get_by_label("Teacher password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    wait_idle(page)


def test_wrong_password_shows_nothing_of_the_room(room: str, new_page: Callable[..., Page]) -> None:
    page = new_page()
    sign_in(page, room, "not the password")
    expect(main(page).get_by_role("tab", name="Classes")).to_have_count(0)
    expect(main(page).get_by_label("Teacher password")).to_be_visible()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_signed_in_teacher_uses_every_tab_without_serious_axe_violations(
    room: str, new_page: Callable[..., Page], theme: str
) -> None:
    page = new_page(color_scheme=theme)
    scanner = Scanner(page, theme)
    sign_in(page, room)
    scanner.scan("signed in")
    page.get_by_label("Class name").fill(f"History 9B {theme}")
    page.get_by_role("button", name="Create class").click()
    expect(main(page).get_by_text(f"History 9B {theme}").first).to_be_visible()
    wait_idle(page)
    shot(page, f"60-teacher-{theme}-classes")
    scanner.scan("classes")
    for tab in TABS[1:]:
        main(page).get_by_role("tab", name=tab).click()
        expect(main(page).get_by_role("tab", name=tab)).to_have_attribute("aria-selected", "true")
        # The room draws only the open tab, on the rerun the click starts: wait for its content.
        expect(main(page).get_by_role("tabpanel", name=tab)).to_contain_text(re.compile(r"\w{3}"))
        wait_idle(page)
        shot(page, f"61-teacher-{theme}-{tab.lower().replace(' ', '-')}")
        scanner.scan(tab)
    blocking = scanner.report(("serious", "critical"))
    assert "no violations" in blocking or blocking == "", f"serious or critical axe violations:\n{blocking}"


def test_downloads_and_uploads_reach_the_process_that_holds_the_session(
    room: str, new_page: Callable[..., Page], tmp_path
) -> None:
    """Downloads and uploads through the server (python -m server) with two processes, as `make run` serves them.

    A download or an upload is an HTTP request of its own that must reach the process
    holding the session. This browser always comes from 127.0.0.1 and reuses its
    connections, so this test alone would not notice routing that is not sticky: the
    kernel's routing by address is tested in test_reuseport.py and test_serve.py.
    """
    page = new_page()
    sign_in(page, room)
    page.get_by_label("Class name").fill("Files 9F")
    page.get_by_role("button", name="Create class").click()
    wait_idle(page)
    main(page).get_by_role("tab", name="Export").click()
    button = main(page).get_by_role("button", name=re.compile(r"^Attempts \("))
    expect(button).to_be_visible()
    for _ in range(3):  # each download a new request for the file Streamlit keeps in one process
        with page.expect_download() as caught:
            button.click()
        text = caught.value.path().read_bytes().decode("utf-8-sig")
        assert text.splitlines()[0].startswith("quiz_id,student,student_id,class_id,kiosk")

    main(page).get_by_role("tab", name="Content").click()
    broken = tmp_path / "broken-upload.yaml"
    broken.write_text("id: broken-upload\ntitle: [unclosed\n", encoding="utf-8")
    main(page).locator("input[type=file]").first.set_input_files(str(broken))
    expect(
        main(page).get_by_text(re.compile(r"broken-upload\.yaml has \d+ problems?, so it was not saved"))
    ).to_be_visible()


# ---------------------------------------------------------------- student text is plain text (issue 14, finding 5)

LINK_NAME = "Visit www.evil.example :material/warning: **Cleo**"
LINK_ANSWER = "see http://evil.example/x or mail me@evil.example"


@pytest.fixture(scope="module")
def room_with_link_texts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A class whose student's name and wrong answer are written to become links, an icon and bold text."""
    from conftest import COURSE

    from classroom.content.load import load_course
    from classroom.quiz import answering
    from classroom.quiz.grading import key_response
    from classroom.results.store import Store

    workdir = tmp_path_factory.mktemp("teacher-links")
    password_file = workdir / "teacher-password"
    password_file.write_text(hash_password(PASSWORD) + "\n", encoding="utf-8")
    server = AppServer(workdir)
    server.env["CLASSROOM_TEACHER_PASSWORD_FILE"] = str(password_file)
    store = Store(server.env["CLASSROOM_DATABASE_URL"])
    quiz = load_course([COURSE / "lessons", COURSE / "quizzes"]).quizzes["every-kind"]
    room = store.create_class("Links 9L")
    student = store.add_student(room.id, LINK_NAME)
    attempt_id, attempt = answering.start(store, quiz, 5, student_id=student.id)
    for question_id in attempt.plan.question_ids:
        question = quiz.question(question_id)
        response = LINK_ANSWER if question_id == "secgen" else key_response(question)
        answering.submit(store, quiz, attempt_id, attempt, question_id, response)
    store.close()
    server.start()
    yield server.base
    server.stop()


def test_student_text_is_never_a_link_an_icon_or_markdown(room_with_link_texts: str, new_page: Callable[..., Page]):
    page = new_page()
    sign_in(page, room_with_link_texts)
    for tab in ["Classes", "Dashboard", "Item analysis"]:  # the Gradebook is a data grid: plain text by design
        main(page).get_by_role("tab", name=tab).click()
        panel = main(page).get_by_role("tabpanel", name=tab)
        expect(panel).to_contain_text(re.compile(r"\w{3}"))
        if tab == "Classes":
            panel.get_by_text(re.compile("Links 9L — code")).click()  # open the class's list of students
        wait_idle(page)
        shot(page, f"65-teacher-student-text-{tab.lower().replace(' ', '-')}")
        text = panel.inner_text().replace("\u2060", "")
        wanted = LINK_ANSWER if tab == "Item analysis" else LINK_NAME
        assert wanted in text, f"{tab}: the student's text is not shown as typed"
        assert panel.locator("a[href*='evil'], a[href^='mailto']").count() == 0, f"{tab}: a student's text is a link"
        assert panel.locator("strong", has_text="Cleo").count() == 0, f"{tab}: a student's text became Markdown"
        assert ":material/warning:" in text or tab == "Item analysis", f"{tab}: the icon code became an icon"


def test_an_imported_article_shows_each_drafts_source_sentence_and_the_import_report(
    room: str, new_page: Callable[..., Page]
) -> None:
    """A real government history page through the review tab: evidence beside each draft, then the report."""
    page = new_page()
    scanner = Scanner(page, "light")
    sign_in(page, room)
    main(page).get_by_role("tab", name="Review drafts").click()
    article = Path(__file__).resolve().parents[1] / "testdata" / "ingest-real" / "state-suez.html"
    main(page).locator("input[type=file]").first.set_input_files(str(article))
    main(page).get_by_role("button", name="Draft lessons and questions").click()
    expect(main(page).get_by_text(re.compile(r"^Drafted \d+ questions? in \d+ lessons?"))).to_be_visible(timeout=60_000)
    wait_idle(page)
    sentence = main(page).get_by_text("The sentence it comes from").first
    expect(sentence).to_be_visible()
    quoted = main(page).locator("blockquote").first
    expect(quoted).to_contain_text("Gamal Abdel Nasser announced")
    expect(quoted.locator("strong").first).to_have_text("July 26, 1956")
    report = main(page).get_by_text(re.compile(r"^Import report: \d+ questions drafted, \d+ items? dropped"))
    report.click()
    expect(main(page).get_by_text(re.compile(r"^Kept: \d+ dates, \d+ person–office pairs"))).to_be_visible()
    wait_idle(page)
    shot(page, "62-teacher-review-evidence-and-report")
    scanner.scan("review with evidence and report")
    blocking = scanner.report(("serious", "critical"))
    assert "no violations" in blocking or blocking == "", f"serious or critical axe violations:\n{blocking}"
