"""The timeline screen through AppTest: the period selector, the zoom, the keyboard picker's card, BCE words.

The browser tests (tests/browser/test_timeline_in_chromium.py) check what AppTest cannot:
labels drawn without overlap, a click on the chart, the card in view.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_fixtures import use_course  # noqa: F401 (pytest fixture)
from classroom.content.load import load_course
from classroom.content.timeline import course_events, spans

ROOT = Path(__file__).resolve().parent.parent
ROME = ROOT / "courses" / "rome"
TIMELINE = "ui/student/timeline.py"
LESSON = "ui/student/lesson.py"


@pytest.fixture
def rome(use_course: Callable[[Path], Path]) -> Path:  # noqa: F811 (the imported fixture)
    """The app serves the Rome sample course."""
    return use_course(ROME)


def open_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    at.run()
    at.switch_page(page)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(element.proto.spec) for element in at.get("vega_lite_chart")]


def picker(at: AppTest, label: str):
    [found] = [box for box in at.selectbox if box.label == label]
    return found


def test_the_fixture_course_shows_one_labelled_chart_and_the_table() -> None:
    at = open_page(TIMELINE)
    [spec] = chart_specs(at)
    assert spec["title"] == "Course timeline"
    assert [layer["mark"]["type"] for layer in spec["layer"]].count("text") >= 1
    assert picker(at, "Show").options == ["Everything (1949 – 1999)"]
    assert ":small[The event you select shows here.]" in [markdown.value for markdown in at.markdown]
    assert at.table[0].value.values.tolist()[0][:2] == ["4 April 1949", "Treaty signed"]


def test_choosing_an_event_with_the_keyboard_picker_opens_its_card_with_a_link() -> None:
    at = open_page(TIMELINE)
    picker(at, "Or choose an event").select_index(1).run()
    assert not at.exception
    texts = [markdown.value for markdown in at.markdown]
    assert "**December 1995 – October 1999** — Solana in office" in texts
    [link] = at.get("page_link")
    assert link.proto.label == "Read it in: A test lesson about an alliance"
    assert "lesson=alliance" in link.proto.query_string


def test_a_bce_course_reads_in_its_era_words_from_753_bce_to_1453(rome: Path) -> None:
    at = open_page(TIMELINE)
    options = picker(at, "Show").options
    assert options[0] == "Everything (753 BCE – 1453)"
    assert "Lesson: From a city of kings to the Ides of March (753 BCE – 14 CE)" in options
    [spec] = chart_specs(at)
    [points] = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"]
    assert "BCE" in points["encoding"]["y"]["axis"]["labelExpr"]
    assert at.table[0].value.values.tolist()[0][0] == "21 April 753 BCE"
    assert [box.label for box in at.selectbox][1:3] == ["From", "To"]


def test_picking_a_lesson_shows_only_its_years(rome: Path) -> None:
    at = open_page(TIMELINE)
    show = picker(at, "Show")
    show.select_index(1).run()
    [spec] = chart_specs(at)
    [points] = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"]
    labels = {row["label"] for row in points["data"]["values"]}
    assert "Julius Caesar is killed on the Ides of March" in labels
    assert "The Ottomans take Constantinople" not in labels
    domain = points["encoding"]["y"]["scale"]["domain"]
    assert domain[0] < -752 and domain[-1] < 100


def test_zooming_in_narrows_the_chart_to_the_chosen_years(rome: Path) -> None:
    at = open_page(TIMELINE)
    start = picker(at, "From")
    assert "400 CE" in start.options and "300 BCE" in start.options  # round years, in the course's words
    start.set_value(400.0).run()
    assert picker(at, "To").value == spans(course_events(load_course([ROME / "lessons"]), "BCE/CE"))[0].last
    assert not at.exception
    [spec] = chart_specs(at)
    [points] = [layer for layer in spec["layer"] if layer["mark"]["type"] == "point"]
    starts = [row["start"] for row in points["data"]["values"]]
    assert starts and min(starts) >= 300


def test_a_lesson_of_the_bce_course_has_its_labelled_timeline(rome: Path) -> None:
    at = open_page(LESSON, lesson="rome-republic")
    [spec] = chart_specs(at)
    assert spec["title"] == "Timeline of this lesson"
    assert any(layer["mark"]["type"] == "text" for layer in spec["layer"])
    listed = [m.value for m in at.markdown if m.value.startswith("- **")]
    assert "- **15 March 44 BCE** — Julius Caesar is killed on the Ides of March" in listed
