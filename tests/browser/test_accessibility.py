"""axe-core in Chromium on every screen and every question widget, in the light and the dark theme,
at a 1280×900 laptop, a 390×844 phone and a 1366×768 laptop (one server for all six walks).

No violation of impact "serious" or "critical" is allowed. Every violation found (any impact) is
printed, grouped by rule and element with the screens where it shows, so that a failure says exactly
what to fix and where. Streamlit follows the browser's ``prefers-color-scheme`` when the student has
not picked a theme, so the dark run emulates a dark browser and first checks that the app really
turned dark.

axe does not judge text drawn inside the Vega charts (SVG), so a second test measures the contrast
of every chart label against what is drawn under it, in both themes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import (
    choose_match,
    expect_question,
    expect_verdict,
    main,
    next_question,
    open_url,
    pick_option,
    see_result,
    shot,
    start_quiz,
    submit,
    tick,
    wait_for_charts,
    wait_idle,
    wait_settled,
)
from playwright.sync_api import Page, expect

BLOCKING = ("critical", "serious")
REACT_IDS = re.compile(r'\s[\w-]+=":[^"]*:"')  # generated ids (aria-labelledby=":r7:") differ between renders
AXE = Axe()

# The every-kind quiz, question by question: what to do before submitting, and the verdict expected.
# The answers are chosen so that every verdict box appears (correct, no answer, wrong, partly right).
QUIZ_STEPS: list[tuple[str, Callable[[Page], None], str]] = [
    ("date", lambda page: page.get_by_role("textbox", name="Your answer (a date)").fill("1949"), "Correct"),
    ("text", lambda page: None, "No answer"),
    ("choice", lambda page: pick_option(page, "Pick one answer", "14"), "Not right"),
    ("several-choice", lambda page: (tick(page, "Poland"), tick(page, "Croatia")), "Not right"),
    ("true-false", lambda page: pick_option(page, "True or false?", "True"), "Not right"),
    ("order", lambda page: None, "right"),  # starts scrambled: partly right or not right
    ("match", lambda page: choose_match(page, "Javier Solana", "NATO Secretary General"), "Partly right"),
    ("number", lambda page: page.get_by_role("spinbutton", name="Your answer (a number)").fill("3"), "Correct"),
]


class Scanner:
    """Runs axe on the current page and keeps every violation, grouped by rule and element."""

    def __init__(self, page: Page, theme: str) -> None:
        self.page = page
        self.theme = theme
        self.screens: list[str] = []
        # (rule, impact, help, target, widget, html, failure summary) -> screens where it was found
        self.found: dict[tuple[str, ...], list[str]] = {}

    def scan(self, screen: str) -> None:
        wait_idle(self.page)
        wait_for_charts(self.page)
        self.page.evaluate("document.fonts.ready.then(() => true)")
        wait_settled(self.page)
        results = AXE.run(self.page)
        self.screens.append(screen)
        for violation in results.response["violations"]:
            for node in violation["nodes"]:
                target = " ".join(map(str, node["target"]))
                key = (
                    violation["id"],
                    violation["impact"] or "",
                    violation["help"],
                    target,
                    self._widget(node["target"]),
                    REACT_IDS.sub("", " ".join(node["html"].split()))[:200],
                    " ".join((node.get("failureSummary") or "").split())[:300],
                )
                self.found.setdefault(key, []).append(screen)

    def _widget(self, target: list) -> str:
        """The Streamlit element around a target (its nearest data-testid), to say where it is in the app."""
        if len(target) != 1 or not isinstance(target[0], str):
            return "?"
        return self.page.evaluate(
            """selector => {
                const element = document.querySelector(selector);
                const owner = element && element.closest('[data-testid]');
                return owner ? owner.dataset.testid : '?';
            }""",
            target[0],
        )

    def report(self, impacts: tuple[str, ...] | None = None) -> str:
        lines = []
        for (rule, impact, help_text, target, widget, html, summary), screens in self.found.items():
            if impacts is not None and impact not in impacts:
                continue
            lines.append(f"[{self.theme}] {rule} ({impact}) — {help_text}")
            lines.append(f"    target: {target}  (inside {widget})")
            lines.append(f"    html: {html}")
            if summary:
                lines.append(f"    {summary}")
            lines.append(f"    on {len(screens)} screen(s): {'; '.join(screens)}")
        return "\n".join(lines) or f"[{self.theme}] no violations on {len(self.screens)} screens"


def luminance(colour: str) -> float:
    """WCAG relative luminance (0 black … 1 white) of a CSS "rgb(…)" / "rgba(…)" colour."""
    red, green, blue = (int(float(part)) / 255 for part in re.findall(r"[\d.]+", colour)[:3])

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def background_luminance(page: Page) -> float:
    """Relative luminance of the app container's computed background colour."""
    return luminance(page.get_by_test_id("stApp").evaluate("element => getComputedStyle(element).backgroundColor"))


# Every screen at each size a class uses (issue 18): the laptop the walk was written at, a phone, a small laptop.
SIZES = {
    "1280x900": {"width": 1280, "height": 900},
    "390x844": {"width": 390, "height": 844},
    "1366x768": {"width": 1366, "height": 768},
}


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_no_serious_or_critical_axe_violation(
    new_page: Callable[..., Page], app_url: str, theme: str, size: str
) -> None:
    page = new_page(color_scheme=theme, viewport=SIZES[size])
    scanner = Scanner(page, f"{theme} {size}")
    theme = f"{theme}-{size}"  # in the screenshots' names

    open_url(page, app_url, "Did Russia want to join NATO?")
    background = background_luminance(page)
    if theme.startswith("dark"):
        assert background < 0.1, f"the dark theme did not apply: app background luminance {background:.2f}"
    else:
        assert background > 0.8, f"the light theme did not apply: app background luminance {background:.2f}"
    scanner.scan("home")
    page.get_by_text("Sign in to keep your work").click()
    expect(page.get_by_role("textbox", name="Class code")).to_be_visible()
    scanner.scan("home, sign-in and join forms open")

    open_url(page, f"{app_url}/lesson?lesson=alliance", "People and offices")
    scanner.scan("lesson")
    open_url(
        page,
        f"{app_url}/lesson?lesson=alliance&passage=p1&from=question",
        "The answer to your question comes from this part.",
    )
    scanner.scan("lesson, linked passage highlighted")

    open_url(page, f"{app_url}/timeline", "All events")
    scanner.scan("timeline")
    wait_for_charts(page)
    main(page).get_by_test_id("stVegaLiteChart").locator("g.mark-symbol path").first.click()
    expect(main(page).get_by_role("link", name=re.compile("^Read it in:"))).to_be_visible()
    scanner.scan("timeline, event selected")

    open_url(page, f"{app_url}/quiz?quiz=broken", "can't be opened right now")
    scanner.scan("broken quiz (friendly message)")

    open_url(page, f"{app_url}/quiz?quiz=every-kind", "Start the quiz")
    scanner.scan("quiz start")
    start_quiz(page, app_url, "every-kind", len(QUIZ_STEPS))
    page.get_by_text("Show a hint").click()
    expect(main(page).get_by_text("Look at the first part of the lesson.")).to_be_visible()
    scanner.scan("question 1 (date), hint open")
    page.get_by_role("textbox", name="Your answer (a date)").fill("soon")
    page.get_by_role("button", name="Submit answer").click()
    expect(main(page).get_by_text("is not a date I can read", exact=False)).to_be_visible()
    scanner.scan("question 1 (date), an unreadable answer held back")
    for number, (kind, answer, verdict) in enumerate(QUIZ_STEPS, start=1):
        if number > 1:
            next_question(page, number, len(QUIZ_STEPS))
        answer(page)
        scanner.scan(f"question {number} ({kind})")
        if verdict == "No answer":  # the blank answer asks first: scan the question too
            page.get_by_role("button", name="Submit answer").click()
            expect(page.get_by_role("button", name="Submit it empty")).to_be_visible()
            scanner.scan(f"question {number} ({kind}), submit an empty answer?")
            page.get_by_role("button", name="Submit it empty").click()
            expect_verdict(page, verdict)
        else:
            submit(page)
        expect_verdict(page, verdict)
        scanner.scan(f"question {number} ({kind}), verdict shown")
    shot(page, f"40-axe-{theme}-last-verdict")

    see_result(page).click()
    expect(page.get_by_role("heading", name="Question by question")).to_be_visible()
    page.get_by_text("Score by topic as a table").click()
    expect(main(page).get_by_role("table")).to_be_visible()
    scanner.scan("result")
    shot(page, f"41-axe-{theme}-result")

    page.get_by_role("button", name=re.compile(r"Retry the \d+ I missed")).click()
    expect_question(page, 1, sum(1 for *_, verdict in QUIZ_STEPS if verdict != "Correct"))
    scanner.scan("retry, first question")

    print(f"axe scanned {len(scanner.screens)} screens in the {theme} theme and size:")
    print(scanner.report())
    blocking = scanner.report(impacts=BLOCKING)
    assert not any(impact in BLOCKING for _, impact, *_ in scanner.found), (
        f"serious or critical axe violations in the {theme} theme and size:\n{blocking}\n\n"
        f"All violations:\n{scanner.report()}"
    )


# ---------------------------------------------------------------- chart text (axe does not check SVG text)

# Every text of every Vega chart on the page: its colour and what is drawn right under its centre
# (a bar or point of the chart, else the chart's background).
CHART_TEXTS = """() => {
    const found = [];
    const painted = colour => colour && colour !== 'none' && !/rgba\\(.*,\\s*0\\)$/.test(colour);
    for (const svg of document.querySelectorAll('[data-testid="stVegaLiteChart"] svg.marks')) {
        const chartBackground = getComputedStyle(svg).backgroundColor;
        for (const text of svg.querySelectorAll('text')) {
            const words = text.textContent.trim();
            if (!words || getComputedStyle(text).visibility === 'hidden') continue;
            text.scrollIntoView({block: 'center'});
            const box = text.getBoundingClientRect();
            const under = document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2)
                .find(shape => shape !== text && svg.contains(shape) && shape.tagName === 'path'
                      && !shape.classList.contains('background') && painted(getComputedStyle(shape).fill));
            found.push({
                text: words,
                colour: getComputedStyle(text).fill,
                background: under ? getComputedStyle(under).fill : chartBackground,
                over: under ? 'a mark of the chart' : 'the chart background',
                size: getComputedStyle(text).fontSize,
            });
        }
    }
    return found;
}"""
TEXT_CONTRAST = 4.5  # WCAG 1.4.3 (AA) for text under 18.66 px bold / 24 px


def chart_text_problems(page: Page, screen: str, problems: dict[tuple[str, ...], list[str]]) -> None:
    """Collect chart texts under the contrast threshold, grouped by colour pair: (colours) -> ["screen: text"]."""
    wait_idle(page)
    wait_for_charts(page)
    for item in page.evaluate(CHART_TEXTS):
        ratio = contrast(item["colour"], item["background"])
        if ratio < TEXT_CONTRAST:
            key = (item["colour"], item["over"], item["background"], f"{ratio:.2f}")
            problems.setdefault(key, []).append(f"{screen}: {item['text']!r} ({item['size']})")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_chart_text_is_readable(new_page: Callable[..., Page], app_url: str, theme: str) -> None:
    """Labels drawn inside charts (axis labels, "score / max" on the bars) keep WCAG AA text contrast."""
    page = new_page(color_scheme=theme)
    problems: dict[tuple[str, ...], list[str]] = {}
    open_url(page, f"{app_url}/timeline", "All events")
    chart_text_problems(page, "timeline", problems)
    open_url(page, f"{app_url}/lesson?lesson=alliance", "People and offices")
    chart_text_problems(page, "lesson", problems)

    # A result with a long bar (label inside, on the bar) and short ones (label after the bar).
    start_quiz(page, app_url, "every-kind", len(QUIZ_STEPS))
    page.get_by_role("textbox", name="Your answer (a date)").fill("1949")
    for number in range(1, len(QUIZ_STEPS) + 1):
        if number > 1:
            next_question(page, number, len(QUIZ_STEPS))
        submit(page, empty=QUIZ_STEPS[number - 1][0] not in ("date", "order"))  # only these two are answered
    see_result(page).click()
    expect(page.get_by_role("heading", name="Question by question")).to_be_visible()
    chart_text_problems(page, "result (score by topic)", problems)
    shot(page, f"42-chart-text-{theme}-result")

    report = "\n".join(
        f"[{theme}] text {colour} over {over} {background}: contrast {ratio}:1 < {TEXT_CONTRAST}:1 for\n    "
        + "\n    ".join(texts)
        for (colour, over, background, ratio), texts in problems.items()
    )
    print(report or f"[{theme}] chart text: all readable")
    assert not problems, f"chart text too faint in the {theme} theme:\n{report}"
