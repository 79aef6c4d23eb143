"""The classroom kiosk in Chromium: a kiosk server (CLASSROOM_MODE=kiosk) on the fixture course.

Two servers: one with a short idle timeout (4 s, then a 3 s countdown, results shown 4 s) for
the countdown, reset and second-visitor tests, and a calm one (10 minutes) for the walks
through every screen that measure touch targets and run axe, so that no countdown
interrupts a measurement. Neither passes Streamlit's chrome flags (``--ui.hideTopBar``
and friends): ``make kiosk`` serves through the server (python -m server), so the kiosk's own CSS must hide it all.

Screenshots of every screen go to /tmp/kiosk-shots/.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import main, wait_idle
from conftest import COURSE, ROOT, AppServer
from playwright.sync_api import Browser, Page, expect

from classroom.content.load import load_course
from classroom.quiz.attempts import askable
from classroom.results.store import Store, attempts

SHOTS = Path("/tmp/kiosk-shots")
VIEWPORTS = {"tablet": {"width": 1280, "height": 800}, "display": {"width": 1920, "height": 1080}}
MIN_TARGET = 44  # CSS px, WCAG 2.5.5
IDLE, WARN, RESULT = 4, 3, 4
RECONNECT_TIMEOUT_MS = 60_000
SECRET_DATE, SECRET_WORD = "17 July 1777", "Quetzalcoatlus"
BLOCKING = ("critical", "serious")
AXE = Axe()
CHROME = [  # Streamlit's navigation chrome: none of it may be visible on a kiosk
    "stHeader",
    "stToolbar",
    "stMainMenu",
    "stAppDeployButton",
    "stSidebar",
    "stSidebarCollapsedControl",
    "stSidebarNav",
    "stDecoration",
    "stStatusWidget",
    "stDialog",
]


LARGEST = "The largest questions of the course"


def largest_questions() -> list[dict]:
    """The biggest question of each kind in the shipped course (most options, then the longest text).

    Written into the test course as one quiz, so the walk proves that the real course's
    largest questions, not only the fixture's small ones, fit a screen with their actions.
    """
    biggest: dict[str, tuple[tuple[int, int], dict]] = {}
    for quiz in load_course([ROOT / "lessons", ROOT / "quizzes"]).quizzes.values():
        for question in askable(quiz):
            listed = getattr(question, "options", None) or getattr(question, "items", None)
            count = len(listed or getattr(question, "pairs", None) or ())
            kind = question.kind + ("-several" if getattr(question, "several", False) else "")
            size = (count, len(question.ask))
            if kind not in biggest or size > biggest[kind][0]:
                data = question.model_dump(by_alias=True, exclude_none=True, mode="json")
                data.pop("source", None)
                data["id"] = f"{kind.replace('_', '-')}-{len(biggest) + 1}"
                biggest[kind] = (size, data)
    return [data for _, data in sorted(biggest.values(), key=lambda entry: entry[1]["id"])]


def course_with_largest(folder: Path) -> Path:
    """The fixture course plus a quiz made of the shipped course's largest questions."""
    shutil.copytree(COURSE, folder)
    quiz = {"id": "largest", "title": LARGEST, "lessons": ["alliance"], "shuffle": False}
    quiz["questions"] = largest_questions()
    text = yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False)
    (folder / "quizzes" / "largest.yaml").write_text(text, encoding="utf-8")
    return folder


class KioskServer(AppServer):
    """The app in kiosk mode, with a kiosk file of its own and a class to file attempts under."""

    def __init__(self, workdir: Path, idle: int, warn: int, result: int, content: Path = COURSE) -> None:
        super().__init__(workdir)
        self.env["CLASSROOM_CONTENT"] = str(content)
        store = Store(self.env["CLASSROOM_DATABASE_URL"])
        self.room = store.create_class("Visitors")
        store.close()
        config = workdir / "kiosk.yaml"
        config.write_text(
            "name: hall-kiosk\n"
            "title: Welcome to the test kiosk\n"
            "welcome: Read a lesson or take a quiz.\n"
            "lessons: [alliance]\n"
            "quizzes: [every-kind, broken, leak-check, largest]\n"
            f"idle_seconds: {idle}\nwarning_seconds: {warn}\nresult_seconds: {result}\n"
            f"class: {self.room.join_code}\n",
            encoding="utf-8",
        )
        self.env.update({"CLASSROOM_MODE": "kiosk", "CLASSROOM_KIOSK_CONFIG": str(config)})

    def attempts(self) -> list[sa.Row]:
        store = Store(self.env["CLASSROOM_DATABASE_URL"])
        try:
            with store.engine.connect() as conn:
                return conn.execute(sa.select(attempts).order_by(attempts.c.started_at)).all()
        finally:
            store.close()


class ShippedKiosk(AppServer):
    """``make kiosk`` as shipped: the repository's kiosk.yaml over the real course."""

    def __init__(self, workdir: Path) -> None:
        super().__init__(workdir)
        shipped = {"CLASSROOM_CONTENT": str(ROOT), "CLASSROOM_KIOSK_CONFIG": str(ROOT / "kiosk.yaml")}
        self.env.update({**shipped, "CLASSROOM_MODE": "kiosk"})


def _serve(workdir: Path, idle: int, warn: int, result: int, content: Path = COURSE) -> Iterator[KioskServer]:
    server = KioskServer(workdir, idle, warn, result, content)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def kiosk_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskServer]:
    """Short timers: the idle warning after 4 s, the reset 3 s later, a result for 4 s."""
    yield from _serve(tmp_path_factory.mktemp("kiosk"), IDLE, WARN, RESULT)


@pytest.fixture(scope="module")
def calm_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KioskServer]:
    """Timers long enough never to fire during a walk through every screen; the largest questions too."""
    workdir = tmp_path_factory.mktemp("kiosk-calm")
    yield from _serve(workdir, 600, 15, 600, course_with_largest(workdir / "course"))


@pytest.fixture
def kiosk_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    contexts = []

    def _open(viewport: dict[str, int] | None = None, color_scheme: str = "light") -> Page:
        context = browser.new_context(viewport=viewport or VIEWPORTS["tablet"], color_scheme=color_scheme)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


# ---------------------------------------------------------------- helpers


def attract_button(page: Page):
    return page.get_by_role("button", name="Read a lesson", exact=True)


def open_kiosk(page: Page, url: str) -> None:
    page.goto(url)
    expect(attract_button(page)).to_be_visible()
    wait_idle(page)


def press(page: Page, name: str, then: str) -> None:
    """Press a button, wait for the text ``then`` and for Streamlit to finish."""
    page.get_by_role("button", name=name, exact=True).click()
    expect(main(page).get_by_text(then, exact=True).first).to_be_visible()
    wait_idle(page)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def start_leak_check(page: Page, url: str) -> None:
    open_kiosk(page, url)
    press(page, "Take a quiz", "Choose a quiz")
    press(page, "Keys that must stay on the server (4 questions)", "Keys that must stay on the server")
    press(page, "Start the quiz", "Which day is the secret date?")


def idle_dialog(page: Page):
    return page.get_by_role("alertdialog", name="Are you still there?")


# Every target a finger or the keyboard can use, measured where it is drawn. A visually hidden
# input (a radio or a checkbox) is operated through its label, so the label is what counts.
TARGETS = """() => {
    const found = [];
    const seen = new Set();
    const selector = 'button, a[href], input, select, textarea, summary, [role="button"], [role="combobox"],'
        + ' [role="option"], [tabindex]:not([tabindex="-1"])';
    const clipped = (element) => {  // visually hidden for screen readers only (react-aria's VisuallyHidden)
        for (let node = element; node && node !== document.body; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (style.clipPath === 'inset(50%)' || style.clip === 'rect(0px, 0px, 0px, 0px)') return true;
        }
        return false;
    };
    for (const element of document.querySelectorAll(selector)) {
        let target = element;
        if (element.matches('input[type="radio"], input[type="checkbox"]') && element.closest('label')) {
            target = element.closest('label');
        } else if (clipped(element)) {
            continue;
        }
        const box = target.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) continue;  // not drawn (the hidden buttons, the skip link)
        if (getComputedStyle(target).visibility === 'hidden' || seen.has(target)) continue;
        if (target.matches('main, [data-testid="stMain"]')) continue;  // the page itself, focusable for the skip link
        seen.add(target);
        const name = (target.getAttribute('aria-label') || target.innerText || target.value || target.tagName)
            .replace(/\\s+/g, ' ').trim().slice(0, 40);
        found.push({name, width: box.width, height: box.height, top: box.top, bottom: box.bottom,
                    left: box.left, right: box.right});
    }
    const scroller = document.querySelector('[data-testid="stMain"]');
    return {targets: found, width: innerWidth, height: innerHeight,
            scrolled: (scroller ? scroller.scrollTop : 0) + window.scrollY};
}"""


def check_targets(page: Page, screen: str, problems: list[str]) -> None:
    """Every target is at least 44×44 CSS px and lies inside the viewport without scrolling."""
    found = page.evaluate(TARGETS)
    assert found["targets"], f"{screen}: no target found"
    for target in found["targets"]:
        where = f"{screen}: '{target['name']}' ({target['width']:.0f}×{target['height']:.0f} px"
        if target["width"] < MIN_TARGET or target["height"] < MIN_TARGET:
            problems.append(f"{where}) is smaller than {MIN_TARGET}×{MIN_TARGET}")
        if target["top"] < 0 or target["bottom"] > found["height"] or target["right"] > found["width"]:
            problems.append(f"{where}, bottom at {target['bottom']:.0f}) needs scrolling to reach")
    if found["scrolled"]:
        problems.append(f"{screen}: the screen opened scrolled by {found['scrolled']} px")


def check_type(page: Page, screen: str, problems: list[str]) -> None:
    """Large type: body text and button labels at 20 px or more."""
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stMain"] p, [data-testid="stMain"] li')]
            .filter(e => e.getBoundingClientRect().height > 0 && e.innerText.trim())
            .map(e => [e.innerText.trim().slice(0, 30), parseFloat(getComputedStyle(e).fontSize)])"""
    )
    small = [(text, size) for text, size in sizes if size < 20]
    if small:
        problems.append(f"{screen}: text smaller than 20 px: {small[:3]}")


def check_no_chrome(page: Page, screen: str) -> None:
    for test_id in CHROME:
        visible = [e for e in page.get_by_test_id(test_id).all() if e.is_visible()]
        assert not visible, f"{screen}: Streamlit's {test_id} is visible on the kiosk"
    assert not [e for e in page.locator("footer").all() if e.is_visible()], f"{screen}: a footer is visible"
    assert not [e for e in page.get_by_role("navigation").all() if e.is_visible()], f"{screen}: navigation shows"


# The every-kind quiz, question by question: what to do before submitting (a mix of verdicts).
ANSWERS: list[tuple[str, Callable[[Page], None]]] = [
    ("In which year was the alliance founded?", lambda p: tap_keys(p, "1949")),
    ("Who was Secretary General in 1997?", lambda p: None),
    ("How many founding members were there?", lambda p: p.get_by_text("14", exact=True).click()),
    ("Which of these joined in 1999? Pick all that apply.", lambda p: p.get_by_text("Poland", exact=True).click()),
    ("The alliance gave outsiders a veto.", lambda p: p.get_by_text("True", exact=True).click()),
    ("Put these in order, earliest first.", lambda p: None),
    ("Match each person to the office.", lambda p: None),
    ("How many countries joined in 1999?", lambda p: tap_keys(p, "3")),
]


def tap_keys(page: Page, keys: str) -> None:
    """Write on the on-screen number pad, one key at a time (a kiosk has no keyboard)."""
    for typed in range(1, len(keys) + 1):  # one key at a time: wait for each to show before the next
        page.get_by_role("button", name=keys[typed - 1], exact=True).click()
        expect(page.get_by_role("textbox")).to_have_value(keys[:typed])
        wait_idle(page)


def submit_answer(page: Page, visit: Callable[[str], None] | None = None, screen: str = "") -> None:
    """Submit; a blank answer asks "Submit an empty answer?" first, and the visitor confirms it."""
    page.get_by_role("button", name="Submit answer").click()
    confirm = page.get_by_role("button", name="Submit it empty")
    step = page.get_by_role("button", name="Next question").or_(page.get_by_role("button", name="See my result"))
    expect(confirm.or_(step)).to_be_visible()
    wait_idle(page)
    if confirm.count():
        if visit is not None:
            visit(f"{screen}-confirm-empty")
        confirm.click()


def walk(page: Page, url: str, visit: Callable[[str], None]) -> None:
    """Every kiosk screen, calling ``visit(name)`` on each once it has settled."""
    open_kiosk(page, url)
    visit("attract")
    press(page, "Read a lesson", "Choose a lesson")
    visit("lessons")
    press(page, "1. A test lesson about an alliance", "The founding")
    visit("lesson-part-1")
    press(page, "Next part", "Later years")
    visit("lesson-part-2")
    press(page, "Next part", "Check the claim")
    visit("lesson-checks")
    press(page, "Take the quiz", "Start the quiz")
    visit("quiz-start")
    press(page, "Start the quiz", ANSWERS[0][0])
    for number, (_, answer) in enumerate(ANSWERS, start=1):
        visit(f"question-{number}")
        answer(page)
        submit_answer(page, visit, f"question-{number}")
        last = number == len(ANSWERS)
        expect(page.get_by_role("button", name="See my result" if last else "Next question")).to_be_visible()
        wait_idle(page)
        visit(f"question-{number}-verdict")
        if not last:
            press(page, "Next question", ANSWERS[number][0])
    press(page, "See my result", "Question by question")
    visit("result")
    press(page, "Try another quiz", "Choose a quiz")
    visit("quizzes")


def walk_largest(page: Page, url: str, visit: Callable[[str], None]) -> None:
    """The shipped course's largest question of each kind, unanswered and answered."""
    open_kiosk(page, url)
    press(page, "Take a quiz", "Choose a quiz")
    count = len(largest_questions())
    label = f"{LARGEST} ({count} questions)"
    press(page, label, LARGEST)
    press(page, "Start the quiz", f"{LARGEST} — question 1 of {count}")
    for number in range(1, count + 1):
        visit(f"largest-{number}")
        submit_answer(page, visit, f"largest-{number}")
        step = "See my result" if number == count else "Next question"
        expect(page.get_by_role("button", name=step)).to_be_visible()
        wait_idle(page)
        visit(f"largest-{number}-verdict")
        if number < count:
            press(page, "Next question", f"{LARGEST} — question {number + 1} of {count}")


# ---------------------------------------------------------------- chrome and routes


def test_no_navigation_chrome_on_any_screen(calm_server: KioskServer, kiosk_page: Callable[..., Page]) -> None:
    page = kiosk_page()
    walk(page, calm_server.base, lambda screen: check_no_chrome(page, screen))


@pytest.mark.parametrize(
    "path",
    [
        "/teacher",
        "/teacher?tab=Classes",
        "/?page=teacher",
        "/results?quiz=every-kind",
        "/quiz?quiz=every-kind&attempt=stolen",
        "/lesson?lesson=alliance",
        "/home",
    ],
)
def test_teacher_and_classroom_routes_are_unreachable(
    calm_server: KioskServer, kiosk_page: Callable[..., Page], path: str
) -> None:
    page = kiosk_page()
    page.goto(calm_server.base + path)
    expect(attract_button(page)).to_be_visible()
    wait_idle(page)
    expect(page.get_by_text("Teacher's room")).to_have_count(0)
    expect(page.locator("input[type=password]")).to_have_count(0)
    # Streamlit's "Page not found" is closed at once: nothing covers the screen or holds the focus.
    expect(page.get_by_test_id("stDialog")).to_have_count(0)
    assert "?" not in page.url, f"the query string stayed: {page.url}"
    for _ in range(6):
        page.keyboard.press("Tab")
        if attract_button(page).evaluate("element => element === document.activeElement"):
            break
    else:
        raise AssertionError("the keyboard cannot reach the attract screen's buttons")
    page.keyboard.press("r")  # Streamlit's rerun key: still the kiosk
    page.keyboard.press("Escape")
    expect(attract_button(page)).to_be_visible()


def test_a_script_path_shows_nothing_of_the_teachers_room(
    calm_server: KioskServer, kiosk_page: Callable[..., Page]
) -> None:
    """Streamlit answers a nested path with its page but loads no app there (its assets are relative)."""
    page = kiosk_page()
    page.goto(calm_server.base + "/ui/teacher/room.py")
    page.wait_for_timeout(3000)
    assert "Teacher" not in page.evaluate("document.body.innerText")
    expect(page.locator("input")).to_have_count(0)


# ---------------------------------------------------------------- sizes


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_touch_targets_and_type_on_every_screen(
    calm_server: KioskServer, kiosk_page: Callable[..., Page], viewport: str
) -> None:
    size = VIEWPORTS[viewport]
    page = kiosk_page(size)
    problems: list[str] = []

    def visit(screen: str) -> None:
        shot(page, f"{size['width']}x{size['height']}-{screen}")
        check_targets(page, screen, problems)
        check_type(page, screen, problems)

    walk(page, calm_server.base, visit)
    walk_largest(page, calm_server.base, visit)
    # An open drop-down of the match question: its options are targets too.
    open_kiosk(page, calm_server.base)
    press(page, "Take a quiz", "Choose a quiz")
    press(page, "One question of every kind (8 questions)", "One question of every kind")
    press(page, "Start the quiz", ANSWERS[0][0])
    for number in range(1, 7):
        submit_answer(page)
        expect(page.get_by_role("button", name="Next question")).to_be_visible()
        press(page, "Next question", ANSWERS[number][0])
    page.get_by_role("combobox", name="Javier Solana").click()
    expect(page.get_by_role("option").first).to_be_visible()
    shot(page, f"{size['width']}x{size['height']}-question-7-open")
    check_targets(page, "match drop-down", problems)
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def shipped_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ShippedKiosk]:
    server = ShippedKiosk(tmp_path_factory.mktemp("kiosk-shipped"))
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_shipped_kiosk_fits_the_whole_course(
    shipped_server: ShippedKiosk, kiosk_page: Callable[..., Page], viewport: str
) -> None:
    """Six lessons and seven quizzes of the real course: every chooser fits, and so does every lesson's bar."""
    size = VIEWPORTS[viewport]
    page = kiosk_page(size)
    problems: list[str] = []
    course = load_course([ROOT / "lessons", ROOT / "quizzes"])

    def visit(screen: str) -> None:
        shot(page, f"{size['width']}x{size['height']}-shipped-{screen}")
        check_targets(page, screen, problems)
        check_type(page, screen, problems)

    page.goto(shipped_server.base)
    expect(attract_button(page)).to_be_visible()
    wait_idle(page)
    visit("attract")
    press(page, "Read a lesson", "Choose a lesson")
    visit("lessons")
    for number, lesson in enumerate(course.lessons.values(), start=1):
        press(page, f"{number}. {lesson.title}", lesson.title)
        visit(f"lesson-{number}")
        press(page, "All lessons", "Choose a lesson")
    press(page, "Back", "Read a lesson")
    press(page, "Take a quiz", "Choose a quiz")
    visit("quizzes")
    assert not problems, "\n".join(problems)


def test_idle_warning_is_big_enough(kiosk_server: KioskServer, kiosk_page: Callable[..., Page]) -> None:
    for name, size in VIEWPORTS.items():
        page = kiosk_page(size)
        start_leak_check(page, kiosk_server.base)
        expect(idle_dialog(page)).to_be_visible(timeout=(IDLE + 3) * 1000)
        shot(page, f"{size['width']}x{size['height']}-idle-warning")
        box = page.get_by_role("button", name="I’m still here").bounding_box()
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, (name, box)
        assert box["y"] + box["height"] <= size["height"], (name, box)


# ---------------------------------------------------------------- idle and reset


def test_idle_countdown_then_reset_forgets_the_visitor(
    kiosk_server: KioskServer, kiosk_page: Callable[..., Page]
) -> None:
    page = kiosk_page()
    start_leak_check(page, kiosk_server.base)
    answer = page.get_by_role("textbox", name="Year")
    answer.fill(SECRET_DATE)  # typed, not submitted
    touched = time.monotonic()
    dialog = idle_dialog(page)
    expect(dialog).to_be_visible(timeout=(IDLE + 3) * 1000)
    waited = time.monotonic() - touched
    assert IDLE - 0.5 <= waited <= IDLE + 2.5, f"the warning came after {waited:.1f} s, not {IDLE} s"
    expect(dialog).to_contain_text(re.compile(r"starts over in [1-3] seconds"))
    still_here = page.get_by_role("button", name="I’m still here")
    assert still_here.evaluate("element => element === document.activeElement"), "the button has the focus"

    page.keyboard.press("Enter")  # by keyboard alone
    expect(dialog).to_be_hidden()
    expect(answer).to_have_value(SECRET_DATE)  # nothing lost: the visitor is still here

    expect(dialog).to_be_visible(timeout=(IDLE + 3) * 1000)
    counted = dialog.locator("[data-count]").inner_text()
    assert counted in {"1", "2", "3"}
    expect(attract_button(page)).to_be_visible(timeout=(WARN + 4) * 1000)
    wait_idle(page)
    expect(dialog).to_be_hidden()
    assert SECRET_DATE not in page.content()
    assert "?" not in page.url
    assert page.evaluate("document.querySelector('[data-testid=stMain]').scrollTop + window.scrollY") == 0


def test_touching_the_screen_during_the_countdown_keeps_the_visit(
    kiosk_server: KioskServer, kiosk_page: Callable[..., Page]
) -> None:
    page = kiosk_page()
    start_leak_check(page, kiosk_server.base)
    expect(idle_dialog(page)).to_be_visible(timeout=(IDLE + 3) * 1000)
    page.mouse.click(20, 20)  # anywhere, by touch or mouse
    expect(idle_dialog(page)).to_be_hidden()
    expect(page.get_by_text("Which day is the secret date?")).to_be_visible()


def test_the_attract_screen_never_counts_down(kiosk_server: KioskServer, kiosk_page: Callable[..., Page]) -> None:
    page = kiosk_page()
    open_kiosk(page, kiosk_server.base)
    page.wait_for_timeout((IDLE + WARN + 1) * 1000)
    expect(idle_dialog(page)).to_be_hidden()
    expect(attract_button(page)).to_be_visible()


def test_a_result_shows_for_its_time_then_the_kiosk_starts_over(
    kiosk_server: KioskServer, kiosk_page: Callable[..., Page]
) -> None:
    page = kiosk_page()
    start_leak_check(page, kiosk_server.base)
    for number in range(4):
        submit_answer(page)
        step = "See my result" if number == 3 else "Next question"
        expect(page.get_by_role("button", name=step)).to_be_visible()
        wait_idle(page)
        if number < 3:
            page.get_by_role("button", name="Next question").click()
            expect(page.get_by_role("button", name="Submit answer")).to_be_visible()
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_text(re.compile(r"Starting over in \d+ s"))).to_be_visible()
    shown = time.monotonic()
    expect(attract_button(page)).to_be_visible(timeout=(RESULT + 4) * 1000)
    assert time.monotonic() - shown >= RESULT - 1.5
    rows = [row for row in kiosk_server.attempts() if row.finished_at is not None]
    assert rows, "the finished attempt is stored"
    assert {(row.student_id, row.kiosk, row.class_id) for row in rows} == {(None, "hall-kiosk", kiosk_server.room.id)}


def test_the_next_visitor_starts_clean_even_after_back(
    kiosk_server: KioskServer, kiosk_page: Callable[..., Page]
) -> None:
    page = kiosk_page()
    start_leak_check(page, kiosk_server.base)
    arrived = page.evaluate("history.length")
    page.get_by_role("textbox", name="Year").fill(SECRET_DATE)  # a kiosk with a keyboard: typed whole
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_text("Correct", exact=False).first).to_be_visible()
    wait_idle(page)
    page.get_by_role("button", name="Next question").click()
    page.get_by_role("textbox", name="Your answer").fill(SECRET_WORD)
    page.get_by_role("button", name="Submit answer").click()
    expect(page.get_by_role("button", name="Next question")).to_be_visible()
    wait_idle(page)
    assert page.evaluate("history.length") == arrived, "a kiosk visit adds no history entry for Back to return to"

    # The visitor walks away; the kiosk starts over by itself.
    expect(attract_button(page)).to_be_visible(timeout=(IDLE + WARN + 5) * 1000)
    wait_idle(page)

    # The next visitor presses Back (and Forward again, should Back have left the kiosk).
    page.go_back()
    page.wait_for_timeout(1000)
    for text in (SECRET_DATE, SECRET_WORD):
        assert text not in page.content()
    if page.url == "about:blank":
        page.go_forward()
    expect(attract_button(page)).to_be_visible()
    wait_idle(page)
    for text in (SECRET_DATE, SECRET_WORD):
        assert text not in page.content()
    press(page, "Take a quiz", "Choose a quiz")
    press(page, "Keys that must stay on the server (4 questions)", "Start the quiz")
    press(page, "Start the quiz", "Which day is the secret date?")
    expect(page.get_by_role("textbox", name="Year")).to_have_value("")
    expect(main(page).get_by_text("question 1 of 4", exact=False)).to_be_visible()


# ---------------------------------------------------------------- keyboard alone


def tab_to(page: Page, name: str, limit: int = 40) -> None:
    target = page.get_by_role("button", name=name, exact=True)
    target.wait_for()
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached '{name}'")


def test_a_visit_by_keyboard_alone(calm_server: KioskServer, kiosk_page: Callable[..., Page]) -> None:
    page = kiosk_page()
    open_kiosk(page, calm_server.base)
    tab_to(page, "Take a quiz")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Choose a quiz")).to_be_visible()
    wait_idle(page)
    tab_to(page, "Keys that must stay on the server (4 questions)")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Start the quiz")).to_be_visible()
    wait_idle(page)
    tab_to(page, "Start the quiz")
    page.keyboard.press("Enter")
    answer = page.get_by_role("textbox", name="Year")
    expect(answer).to_be_visible()
    wait_idle(page)
    for _ in range(20):
        if answer.evaluate("element => element === document.activeElement"):
            break
        page.keyboard.press("Tab")
    page.keyboard.type(SECRET_DATE)
    tab_to(page, "Submit answer")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Next question")).to_be_visible()
    wait_idle(page)
    tab_to(page, "Start over")
    page.keyboard.press("Enter")
    expect(attract_button(page)).to_be_visible()


# ---------------------------------------------------------------- resilience


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[KioskServer]:
    yield from _serve(tmp_path, 600, 15, 600)


def test_reconnects_by_itself_after_a_server_restart(own_server: KioskServer, kiosk_page: Callable[..., Page]) -> None:
    page = kiosk_page()
    start_leak_check(page, own_server.base)
    page.get_by_role("textbox", name="Year").fill(SECRET_DATE)

    own_server.stop(kill=True)  # as if the laptop lost power
    notice = page.get_by_role("status").filter(has_text="Reconnecting")
    expect(notice).to_be_visible(timeout=RECONNECT_TIMEOUT_MS)
    page.wait_for_timeout(4000)  # long enough for Streamlit's own "Connection error" dialog
    shot(page, "1280x800-reconnecting")
    assert not [d for d in page.get_by_test_id("stDialog").all() if d.is_visible()], "an error dialog shows"

    own_server.start()
    expect(attract_button(page)).to_be_visible(timeout=RECONNECT_TIMEOUT_MS)
    wait_idle(page)
    expect(notice).to_be_hidden()
    assert SECRET_DATE not in page.content()
    press(page, "Take a quiz", "Choose a quiz")  # a working screen, not a frozen one


# ---------------------------------------------------------------- accessibility


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(
    calm_server: KioskServer, kiosk_server: KioskServer, kiosk_page: Callable[..., Page], theme: str
) -> None:
    page = kiosk_page(color_scheme=theme)
    found: dict[str, list[str]] = {}

    def scan(screen: str) -> None:
        page.evaluate("document.fonts.ready.then(() => true)")
        for violation in AXE.run(page).response["violations"]:
            if violation["impact"] in BLOCKING:
                targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
                found.setdefault(
                    f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}", []
                ).append(screen)

    walk(page, calm_server.base, scan)
    page = kiosk_page(color_scheme=theme)
    start_leak_check(page, kiosk_server.base)
    expect(idle_dialog(page)).to_be_visible(timeout=(IDLE + 3) * 1000)
    scan("idle-warning")
    assert not found, "\n".join(f"[{theme}] {rule} on {', '.join(screens)}" for rule, screens in found.items())


# ---------------------------------------------------------------- the Rome course: BCE dates, centuries, decades, circa

ROME = ROOT / "courses" / "rome"
ROME_QUIZZES = {
    "Lesson 1 quiz: kings, Carthage and the Ides of March": 8,
    "Lesson 2 quiz: the Empire's long ending": 7,
}
# Every date question of courses/rome (era BCE/CE): what a visitor taps, and what the keys must write.
ROME_DATES: dict[str, dict] = {
    "On which day was Julius Caesar killed?": {"day": "15", "month": "March", "keys": "44", "era": "BCE"},
    "In which year, by Roman tradition, was the last king driven out and the Republic begun?": {
        "keys": "509",
        "era": "BCE",
    },
    "In which century did the First Punic War begin?": {"keys": "3", "era": "BCE"},
    'In which decade did the Julian calendar come into use? (Answer with a decade, like "the 60s BCE".)': {
        "keys": "40",
        "era": "BCE",
    },
    "In which year did Vesuvius bury Pompeii?": {"keys": "79"},
    "Roughly when did the building of Hadrian's Wall begin? A year within ten of the usual date counts.": {
        "keys": "122",
        "circa": True,
    },
    "On which day was Constantinople dedicated as the new capital?": {"day": "11", "month": "May", "keys": "330"},
    "In which century did the last emperor in the west lose his throne?": {"keys": "5"},
}
WRITTEN = {  # what each answer says on the screen before it is submitted (the engine's spoken form)
    "On which day was Julius Caesar killed?": "15 March 44 BCE",
    "In which year, by Roman tradition, was the last king driven out and the Republic begun?": "509 BCE",
    "In which century did the First Punic War begin?": "the 3rd century BCE",
    'In which decade did the Julian calendar come into use? (Answer with a decade, like "the 60s BCE".)': "the 40s BCE",
    "In which year did Vesuvius bury Pompeii?": "79 CE",
    "Roughly when did the building of Hadrian's Wall begin? A year within ten of the usual date counts.": "c. 122 CE",
    "On which day was Constantinople dedicated as the new capital?": "11 May 330 CE",
    "In which century did the last emperor in the west lose his throne?": "the 5th century CE",
}


class RomeKiosk(AppServer):
    """A kiosk on the second shipped course, as ``CLASSROOM_CONTENT=courses/rome`` serves it."""

    def __init__(self, workdir: Path) -> None:
        super().__init__(workdir)
        config = workdir / "kiosk.yaml"
        config.write_text(
            "name: rome-kiosk\ntitle: Ancient Rome\nlessons: [rome-republic, rome-empire-end]\n"
            "quizzes: [rome-republic-quiz, rome-empire-end-quiz]\n"
            "idle_seconds: 600\nwarning_seconds: 15\nresult_seconds: 600\n",
            encoding="utf-8",
        )
        self.env.update(
            {"CLASSROOM_CONTENT": str(ROME), "CLASSROOM_MODE": "kiosk", "CLASSROOM_KIOSK_CONFIG": str(config)}
        )


@pytest.fixture(scope="module")
def rome_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RomeKiosk]:
    server = RomeKiosk(tmp_path_factory.mktemp("kiosk-rome"))
    server.start()
    yield server
    server.stop()


def tap_date(page: Page, plan: dict) -> None:
    """Pick a date with taps only: the day from its list, the month, the digits, the era, "about"."""
    if "day" in plan:
        page.get_by_role("combobox", name=re.compile("^Day")).click()
        option = page.get_by_role("option", name=plan["day"], exact=True)
        listbox = page.get_by_role("listbox").first
        expect(listbox).to_be_visible()
        for _ in range(30):  # the list shows a few days at a time: swipe until the day is wholly in view
            wanted, shown = option.bounding_box() if option.count() else None, listbox.bounding_box()
            if (
                wanted
                and shown
                and shown["y"] <= wanted["y"]
                and wanted["y"] + wanted["height"] <= shown["y"] + shown["height"]
            ):
                break
            listbox.hover()
            page.mouse.wheel(0, 60)
            page.wait_for_timeout(100)
        option.click()
        expect(page.get_by_role("combobox", name=re.compile("^Day"))).to_have_attribute("aria-expanded", "false")
        wait_idle(page)
    if "month" in plan:
        choose(page, plan["month"])
    for typed in range(1, len(plan["keys"]) + 1):  # one key at a time: wait for each to show before the next
        page.get_by_role("button", name=plan["keys"][typed - 1], exact=True).click()
        expect(main(page).get_by_role("textbox")).to_have_value(plan["keys"][:typed])
        wait_idle(page)
    if "era" in plan:
        choose(page, plan["era"])
    if plan.get("circa"):
        choose(page, "about (c.)")


def choose(page: Page, name: str) -> None:
    """Tap one of a row of choices (the month, the era, "about"), and see it chosen."""
    choice = (
        main(page)
        .get_by_role("radio", name=name, exact=True)
        .or_(main(page).get_by_role("checkbox", name=name, exact=True))
    )
    choice.click()
    expect(choice).to_be_checked()
    wait_idle(page)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_rome_dates_are_answered_with_taps_only(
    rome_server: RomeKiosk, kiosk_page: Callable[..., Page], theme: str
) -> None:
    """Every date question of the Rome course, by taps on a 1280×800 tablet: full marks on each.

    Each picker is measured (targets >= 44 px and on screen without scrolling), scanned with
    axe, and photographed (/tmp/kiosk-shots/rome-*.png) before and after it is filled in.
    """
    page = kiosk_page(color_scheme=theme)
    problems: list[str] = []
    found: dict[str, list[str]] = {}
    answered: list[str] = []

    def visit(screen: str) -> None:
        shot(page, f"rome-{theme}-{screen}")
        check_targets(page, screen, problems)
        check_type(page, screen, problems)
        page.evaluate("document.fonts.ready.then(() => true)")
        for violation in AXE.run(page).response["violations"]:
            if violation["impact"] in BLOCKING:
                targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
                found.setdefault(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}", [])
                found[f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}"].append(screen)

    for title, count in ROME_QUIZZES.items():
        open_kiosk(page, rome_server.base)
        press(page, "Take a quiz", "Choose a quiz")
        press(page, f"{title} ({count} questions)", title)
        press(page, "Start the quiz", f"{title} — question 1 of {count}")
        for number in range(1, count + 1):
            ask = main(page).get_by_role("heading", level=2).first.inner_text().strip()
            if ask in ROME_DATES:
                screen = f"{'republic' if number and 'Lesson 1' in title else 'empire'}-{len(answered) + 1}"
                expect(main(page).get_by_role("radio", name="CE", exact=True)).to_be_checked()  # the later era at first
                visit(f"{screen}-empty")
                tap_date(page, ROME_DATES[ask])
                expect(main(page).get_by_text(f"Your answer: {WRITTEN[ask]}", exact=True)).to_be_visible()
                visit(f"{screen}-picked")
                page.get_by_role("button", name="Submit answer").click()
                verdict = main(page).get_by_text("Correct — 1 of 1 point", exact=True)
                expect(verdict).to_be_visible()
                wait_idle(page)
                answered.append(ask)
            else:
                submit_answer(page)
            step = "See my result" if number == count else "Next question"
            expect(page.get_by_role("button", name=step)).to_be_visible()
            wait_idle(page)
            if number < count:
                press(page, "Next question", f"{title} — question {number + 1} of {count}")
        press(page, "See my result", "Question by question")
        page.get_by_role("button", name="Start over now").click()
        expect(attract_button(page)).to_be_visible()
    assert sorted(answered) == sorted(ROME_DATES)  # all eight, each "Correct — 1 of 1 point"
    assert not problems, "\n".join(problems)
    assert not found, "\n".join(f"[{theme}] {rule} on {', '.join(screens)}" for rule, screens in found.items())


def test_keys_tapped_in_quick_succession_are_all_kept(
    calm_server: KioskServer, kiosk_page: Callable[..., Page]
) -> None:
    """A child taps faster than the page redraws: no key may be lost to the field's older value."""
    page = kiosk_page()
    open_kiosk(page, calm_server.base)
    press(page, "Take a quiz", "Choose a quiz")
    press(page, "One question of every kind (8 questions)", "One question of every kind")
    press(page, "Start the quiz", ANSWERS[0][0])
    for key in "19491949":  # no wait between taps: each lands while the last one's run may still be drawing
        page.get_by_role("button", name=key, exact=True).click()
    expect(page.get_by_role("textbox")).to_have_value("19491949")
    wait_idle(page)
    page.get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("textbox")).to_have_value("1949")
    wait_idle(page)
    expect(page.get_by_role("textbox")).to_have_value("1949")
