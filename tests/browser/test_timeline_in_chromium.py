"""The timeline in Chromium at laptop (1366x768) and phone (390x844) sizes, on the two shipped courses.

What only a real browser shows: every event's label drawn inside the chart and no two labels on top
of each other, the y axis written in the course's era words, a click on the chart opening the card
beside the chart (laptop) or right under it (phone) and in view, no sideways scrolling on a phone,
and axe finding nothing serious or critical.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_helpers import main, open_url, shot, wait_for_charts, wait_idle
from conftest import ROOT, AppServer
from playwright.sync_api import Browser, Page, expect

from classroom.content.load import load_course
from classroom.content.timeline import course_events

SIZES = {"laptop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}
COURSES = {"shipped": ROOT, "rome": ROOT / "courses" / "rome"}
CARD = ".st-key-timeline-card"

# Every drawn label of the chart (the marks' text layer, not the axis), with its box on screen.
LABEL_BOXES = """() => {
    const svg = document.querySelector('[data-testid="stVegaLiteChart"] svg.marks');
    const chart = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('g.mark-text.role-mark text')]
        .filter(text => text.textContent.trim())
        .map(text => {
            const box = text.getBoundingClientRect();
            return {text: text.textContent, left: box.left, right: box.right, top: box.top, bottom: box.bottom};
        });
    return {chart: {left: chart.left, right: chart.right, top: chart.top, bottom: chart.bottom}, boxes};
}"""


@pytest.fixture(scope="module", params=sorted(COURSES))
def course_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The app serving one of the shipped courses (the project's own, or courses/rome)."""
    server = AppServer(tmp_path_factory.mktemp(f"timeline-{request.param}"))
    server.env["CLASSROOM_CONTENT"] = str(COURSES[request.param])
    try:
        yield request.param, server.start()
    finally:
        server.stop()


@pytest.fixture(params=sorted(SIZES))
def sized_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    context = browser.new_context(viewport=SIZES[request.param])
    context.set_default_timeout(15_000)
    yield request.param, context.new_page()
    context.close()


DRAWN = """() => document.querySelector('[data-testid="stVegaLiteChart"] svg.marks g.mark-text.role-mark text')"""


def open_timeline(page: Page, url: str) -> None:
    open_url(page, f"{url}/timeline", "All events")
    wait_for_charts(page)
    page.wait_for_function(DRAWN)  # the labels are drawn (Vega may redraw once it knows its width)
    page.wait_for_timeout(300)


def event_count(course: str) -> int:
    root = COURSES[course]
    return len(course_events(load_course([root / "lessons"])))


def test_every_label_is_drawn_inside_the_chart_and_none_overlap(course_url, sized_page) -> None:
    course, url = course_url
    size, page = sized_page
    open_timeline(page, url)
    found = page.evaluate(LABEL_BOXES)
    chart, boxes = found["chart"], found["boxes"]
    events = event_count(course)
    labels = [box for box in boxes if not box["text"].startswith("⋮")]  # the squeezed-gap notes aside
    assert len(labels) == events, f"{len(labels)} labels for {events} events"
    for box in boxes:
        assert chart["left"] - 0.5 <= box["left"] and box["right"] <= chart["right"] + 0.5, box
        assert chart["top"] - 0.5 <= box["top"] and box["bottom"] <= chart["bottom"] + 0.5, box
    for index, a in enumerate(boxes):
        for b in boxes[index + 1 :]:
            apart = a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] + 0.5
            apart = apart or b["bottom"] <= a["top"] + 0.5
            assert apart, f"labels overlap on {course}/{size}: {a['text']!r} and {b['text']!r}"
    width = chart["right"] - chart["left"]
    assert width >= (300 if size == "phone" else 380), f"the chart is only {width:.0f} px wide"
    shot(page, f"timeline-{course}-{size}")


def test_the_axis_writes_years_in_the_courses_era_words(course_url, sized_page) -> None:
    course, url = course_url
    _, page = sized_page
    open_timeline(page, url)
    axis = page.locator('[data-testid="stVegaLiteChart"] svg.marks g.role-axis-label text').all_text_contents()
    if course == "rome":
        assert any(re.fullmatch(r"\d+ BCE", label) for label in axis), axis
        assert any(re.fullmatch(r"\d+( CE)?", label) for label in axis), axis
    else:
        assert "1950" in axis and not any("BC" in label for label in axis), axis


def test_a_click_on_the_chart_opens_the_card_in_view(course_url, sized_page) -> None:
    course, url = course_url
    size, page = sized_page
    open_timeline(page, url)
    chart = main(page).get_by_test_id("stVegaLiteChart")
    last = chart.locator("g.mark-symbol path").last  # the latest event: at the bottom of a long chart
    last.scroll_into_view_if_needed()
    label = last.get_attribute("aria-label") or ""
    last.click()
    card = page.locator(CARD)
    expect(card).to_be_visible()
    expect(card.get_by_role("link", name=re.compile("^Read it in:"))).to_be_visible()
    when = label.split(":")[0]
    expect(card).to_contain_text(when)
    wait_idle(page)
    expect(card).to_be_in_viewport(ratio=1)
    # The page scrolls the card clear of the fixed header a moment after it is drawn (up to 1.2 s).
    page.wait_for_function(
        """() => {
            const card = document.querySelector('.st-key-timeline-card');
            const header = document.querySelector('[data-testid="stHeader"]');
            return card && header && card.getBoundingClientRect().top >= header.getBoundingClientRect().bottom - 1;
        }""",
        timeout=5_000,
    )
    card_box, chart_box = card.bounding_box(), chart.bounding_box()
    header = page.get_by_test_id("stHeader").bounding_box()
    assert card_box and chart_box and header
    assert card_box["y"] >= header["y"] + header["height"] - 1, "the card hides under the page header"
    if size == "laptop":
        assert card_box["x"] >= chart_box["x"] + chart_box["width"] - 1, "the card is not beside the chart"
    else:
        assert card_box["y"] >= chart_box["y"] + chart_box["height"] - 1, "the card is not under the chart"
    shot(page, f"timeline-{course}-{size}-card")

    # A second choice, far up the chart: the card follows and comes into view again.
    first = chart.locator("g.mark-symbol path").first
    first.scroll_into_view_if_needed()
    first_when = (first.get_attribute("aria-label") or "").split(":")[0]
    first.click()
    expect(card).to_contain_text(first_when)
    wait_idle(page)
    expect(card).to_be_in_viewport(ratio=1)


def test_a_phone_never_scrolls_sideways(course_url, browser: Browser) -> None:
    _, url = course_url
    context = browser.new_context(viewport=SIZES["phone"])
    page = context.new_page()
    try:
        open_timeline(page, url)
        scroll, width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= width
    finally:
        context.close()


def test_axe_finds_nothing_serious_on_the_timeline(course_url, sized_page) -> None:
    course, url = course_url
    size, page = sized_page
    open_timeline(page, url)
    main(page).get_by_test_id("stVegaLiteChart").locator("g.mark-symbol path").first.click()
    expect(page.locator(CARD)).to_be_visible()
    wait_idle(page)
    wait_for_charts(page)
    violations = [
        (violation["id"], violation["impact"], node["target"])
        for violation in Axe().run(page).response["violations"]
        for node in violation["nodes"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not violations, f"{course}/{size}: {violations}"
