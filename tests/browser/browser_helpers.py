"""Small helpers for driving the Streamlit app in Chromium: waiting for reruns, screenshots, quiz steps."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

SHOTS = Path("/tmp/shots")  # screenshots for review; never in the repository
EXPECT_TIMEOUT_MS = 15_000
expect.set_options(timeout=EXPECT_TIMEOUT_MS)

# The app is idle: connected, the script (or fragment) finished, no element left over from the
# previous run and no "running" status widget.
_IDLE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return !!app
        && app.dataset.testConnectionState === 'CONNECTED'
        && app.dataset.testScriptState === 'notRunning'
        && !document.querySelector('[data-testid="stStatusWidget"]')
        && !document.querySelector('[data-stale="true"]')
        && document.querySelector('[data-testid="stMain"]')?.innerText.trim().length > 0;
}"""


def wait_idle(page: Page) -> None:
    """Wait until Streamlit has finished rendering.

    Call it after the new content is expected (``expect(...)``): right after a click the
    previous run may still look finished.
    """
    page.wait_for_function(_IDLE, timeout=EXPECT_TIMEOUT_MS)


def open_url(page: Page, url: str, ready: str | re.Pattern[str]) -> None:
    """Load ``url`` (a new Streamlit session) and wait for the text ``ready`` and an idle app."""
    page.goto(url)
    expect(main(page).get_by_text(ready).first).to_be_visible()
    wait_idle(page)


def main(page: Page) -> Locator:
    return page.get_by_test_id("stMain")


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


# Every finite CSS animation or transition has ended: a rerun fades elements out and back in, and
# a colour read mid-fade is a contrast failure that no student ever sees.
_SETTLED = """() => Promise.all(
    document.getAnimations()
        .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map(a => a.finished.catch(() => null))
).then(() => true)"""


def wait_settled(page: Page) -> None:
    """Wait for the page's finite animations (fades, expanders opening) to finish."""
    page.evaluate(_SETTLED)


def wait_for_charts(page: Page) -> None:
    """Every Vega-Lite chart the reader can see has drawn its marks.

    A chart in a tab that is not open may never draw until the tab opens (its
    width is zero), so only visible charts are waited for; axe skips hidden ones too.
    """
    charts = main(page).get_by_test_id("stVegaLiteChart").filter(visible=True)
    for index in range(charts.count()):
        expect(charts.nth(index).locator("svg.marks, canvas.marks").first).to_be_attached()


# ---------------------------------------------------------------- quiz steps


def start_quiz(page: Page, app_url: str, quiz_id: str, total: int) -> None:
    open_url(page, f"{app_url}/quiz?quiz={quiz_id}", "Start the quiz")
    page.get_by_role("button", name="Start the quiz").click()
    expect_question(page, 1, total)


def expect_question(page: Page, number: int, total: int) -> None:
    expect(main(page).get_by_text(re.compile(rf"^Question {number} of {total} · "))).to_be_visible()
    expect(page.get_by_role("button", name="Submit answer")).to_be_visible()
    wait_idle(page)


def submit(page: Page, empty: bool = False) -> None:
    """Submit the answer; ``empty``: it is blank, so confirm "Submit an empty answer?" first."""
    page.get_by_role("button", name="Submit answer").click()
    if empty:
        expect(main(page).get_by_text("Submit an empty answer?", exact=False)).to_be_visible()
        wait_idle(page)
        page.get_by_role("button", name="Submit it empty").click()
    expect(next_step(page)).to_be_visible()
    wait_idle(page)


def next_step(page: Page) -> Locator:
    """What follows a verdict: "Next question", or "See my result" after the last question."""
    return page.get_by_role("button", name="Next question").or_(see_result(page))


def see_result(page: Page) -> Locator:
    name = "See my result"
    return page.get_by_role("button", name=name).or_(page.get_by_role("link", name=name))


def expect_result(page: Page, score: str, percent: str) -> None:
    """The result page shows the score and the percent; if not, the failure says what it showed instead."""
    values = main(page).get_by_test_id("stMetricValue")
    try:
        expect(values.nth(0)).to_have_text(score)
        expect(values.nth(1)).to_have_text(percent)
    except AssertionError as error:
        raise AssertionError(f"{error}\nthe page showed instead:\n{main(page).inner_text()}") from None


def expect_verdict(page: Page, text: str) -> None:
    """The verdict box shows words (and an icon), e.g. "Correct — 1 of 1 point"."""
    expect(main(page).get_by_test_id("stAlert").filter(has_text=text)).to_be_visible()


def next_question(page: Page, number: int, total: int) -> None:
    page.get_by_role("button", name="Next question").click()
    expect_question(page, number, total)


def pick_option(page: Page, group: str, option: str) -> None:
    """Pick a radio option by clicking its visible label (the input itself is visually hidden)."""
    page.get_by_role("radiogroup", name=group).get_by_text(option, exact=True).click()
    expect(page.get_by_role("radio", name=option, exact=True)).to_be_checked()


def tick(page: Page, label: str) -> None:
    main(page).get_by_text(label, exact=True).click()
    expect(page.get_by_role("checkbox", name=label, exact=True)).to_be_checked()


def choose_match(page: Page, prompt: str, choice: str) -> None:
    box = page.get_by_role("combobox", name=prompt, exact=True)
    box.click()
    page.get_by_role("option", name=choice, exact=True).click()
    expect(box).to_have_value(choice)


def order_items(page: Page) -> Locator:
    """The items of an order question, in the order shown (one numbered row each)."""
    return main(page).get_by_test_id("stHorizontalBlock").locator("li")


def order_button(page: Page, row: int, direction: str) -> Locator:
    """The "Move N up" or "Move N down" button on row ``row`` (0-based) of an order question."""
    name = f"Move {row + 1} {direction.lower()}"
    return main(page).get_by_test_id("stHorizontalBlock").nth(row).get_by_role("button", name=name, exact=True)


def move(page: Page, row: int, direction: str, press: str | None = None) -> list[str]:
    """Move the item on ``row`` Up or Down (by click, or by keyboard with ``press``); return the new order."""
    before = order_items(page).all_inner_texts()
    after = before[:]
    other = row - 1 if direction == "Up" else row + 1
    after[row], after[other] = after[other], after[row]
    button = order_button(page, row, direction)
    if press is None:
        clear_tooltips(page)
        button.click()
    else:
        tab_to(page, button)
        page.keyboard.press(press)
    expect(order_items(page)).to_have_text(after)
    wait_idle(page)
    return after


def clear_tooltips(page: Page) -> None:
    """Move the mouse off the buttons: a hover tooltip ("Move … up") can cover the row above."""
    page.mouse.move(1, 1)
    expect(page.get_by_role("tooltip")).to_have_count(0)


def block_of(text: Locator) -> Locator:
    """The innermost container (``st.container``) around ``text``."""
    return text.locator("xpath=ancestor::div[@data-testid='stVerticalBlock'][1]")


def review_cards(page: Page) -> list[str]:
    """The result page's question-by-question review, one text per question (a rule stands between two)."""
    review = main(page).get_by_test_id("stMarkdownContainer").filter(has=page.locator("hr"))
    expect(review).to_have_count(1)
    return review.evaluate(
        """element => {
            const cards = [[]];
            for (const child of element.children) {
                if (child.tagName === "HR") cards.push([]);
                else cards[cards.length - 1].push(child.innerText);
            }
            return cards.map(lines => lines.join("\\n"));
        }"""
    )


# ---------------------------------------------------------------- keyboard


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, target: Locator, limit: int = 60) -> None:
    """Press Tab (only Tab) until ``target`` has the keyboard focus."""
    target.wait_for()
    for _ in range(limit):
        if is_focused(target):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{target} never got the focus in {limit} presses of Tab")


def focus_is_visible(page: Page) -> bool:
    """The focused element draws a focus ring (an outline or a box shadow) under :focus-visible."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            if (!element || !element.matches(':focus-visible')) return false;
            const style = getComputedStyle(element);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            return outline || (style.boxShadow && style.boxShadow !== 'none');
        }"""
    )
