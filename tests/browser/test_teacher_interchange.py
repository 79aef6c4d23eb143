"""The teacher's room, Import questions: upload a GIFT bank, read the report, save drafts, download a quiz.

In a real browser against the served app (two processes, as `make run`), on a
copy of the fixture course so that the saved drafts land in a throwaway folder.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_helpers import main, open_url, shot, wait_idle
from conftest import COURSE, ROOT, AppServer
from playwright.sync_api import Page, expect
from test_accessibility import Scanner

from classroom.auth import hash_password

PASSWORD = "correct horse battery"
BANK = ROOT / "tests" / "testdata" / "interchange" / "gift" / "moodle-questions_in_category.gift.txt"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    workdir = tmp_path_factory.mktemp("interchange")
    content = workdir / "content"
    shutil.copytree(COURSE, content)
    password_file = workdir / "teacher-password"
    password_file.write_text(hash_password(PASSWORD) + "\n", encoding="utf-8")
    server = AppServer(workdir)
    server.env["CLASSROOM_TEACHER_PASSWORD_FILE"] = str(password_file)
    server.env["CLASSROOM_CONTENT"] = str(content)
    server.start()
    yield server.base, content
    server.stop()


def open_tab(page: Page, base: str) -> None:
    open_url(page, f"{base}/teacher", "Teacher password")
    page.get_by_label("Teacher password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    wait_idle(page)
    main(page).get_by_role("tab", name="Import questions").click()
    expect(main(page).get_by_role("heading", name="Import questions")).to_be_visible()


def test_import_a_gift_bank_and_find_it_in_review(served: tuple[str, Path], new_page: Callable[..., Page]) -> None:
    base, content = served
    page = new_page()
    scanner = Scanner(page, "light")
    open_tab(page, base)
    main(page).locator("input[type=file]").first.set_input_files(str(BANK))
    expect(main(page).get_by_text(re.compile(r"3 imported as they were, 1 changed, 0 skipped"))).to_be_visible()
    wait_idle(page)
    shot(page, "70-teacher-import-report")
    scanner.scan("import report")
    main(page).get_by_role("button", name="Save as drafts for review").click()
    expect(main(page).get_by_text(re.compile(r"as drafts\. Open Review drafts"))).to_be_visible()
    saved = list((content / "drafts").rglob("*.yaml"))
    assert [p.name for p in saved] == ["moodle-questions-in-category-default-for-new-features.yaml"]
    assert saved[0].read_text(encoding="utf-8").count("\n    status: draft\n") == 4
    main(page).get_by_role("tab", name="Review drafts").click()
    main(page).get_by_text("Drafts in the content folder").click()
    drafts = main(page).get_by_role("combobox", name="Drafts to review")
    expect(drafts).to_have_value(re.compile(r"default-for-new-features/ — 0 lessons, 4 draft questions"))
    main(page).get_by_role("button", name="Open for review").click()
    expect(main(page).get_by_role("tabpanel", name="Review drafts")).to_contain_text("What language is being spoken?")
    shot(page, "71-teacher-import-review")
    blocking = scanner.report(("serious", "critical"))
    assert "no violations" in blocking or blocking == "", f"serious or critical axe violations:\n{blocking}"


def test_a_broken_bank_is_located_and_nothing_is_saved(
    served: tuple[str, Path], new_page: Callable[..., Page], tmp_path: Path
) -> None:
    base, content = served
    page = new_page()
    open_tab(page, base)
    broken = tmp_path / "broken.gift"
    broken.write_text("Fine?{T}\n\nBroken {=never closed\n", encoding="utf-8")
    before = sorted(content.rglob("*.yaml"))
    main(page).locator("input[type=file]").first.set_input_files(str(broken))
    expect(main(page).get_by_text("broken.gift has 1 problem, so nothing was imported")).to_be_visible()
    expect(main(page).get_by_text("the answers opened with '{' are not closed")).to_be_visible()
    assert sorted(content.rglob("*.yaml")) == before


def test_download_a_quiz_as_gift_moodle_xml_and_qti(served: tuple[str, Path], new_page: Callable[..., Page]) -> None:
    base, _ = served
    page = new_page()
    open_tab(page, base)
    expect(main(page).get_by_role("button", name="QTI 3.0", exact=True)).to_be_visible()
    wait_idle(page)
    shot(page, "72-teacher-download-as")
    for label, check in (
        ("GIFT", lambda data: b"::" in data and b"{" in data),
        ("Moodle XML", lambda data: data.startswith(b"<?xml") and b"<quiz>" in data),
        ("QTI 3.0", lambda data: "imsmanifest.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()),
    ):
        with page.expect_download() as caught:
            main(page).get_by_role("button", name=label, exact=True).click()
        assert check(caught.value.path().read_bytes()), label
