"""The teacher's room in a real browser: sign-in, a class, every tab, and axe-core in both themes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from browser_helpers import main, open_url, shot, wait_idle
from conftest import AppServer
from playwright.sync_api import Page, expect
from test_accessibility import Scanner

from classroom.auth import hash_password

PASSWORD = "correct horse battery"
TABS = ["Classes", "Gradebook", "Dashboard", "Item analysis", "Export", "Content", "Preview", "Review drafts"]


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
