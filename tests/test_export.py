"""CSV and JSON export: opens cleanly in a spreadsheet, survives a round trip, runs no formulas."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from classroom.results.export import (
    ATTEMPT_COLUMNS,
    RESPONSE_COLUMNS,
    attempts_csv,
    response_text,
    responses_csv,
    student_json,
)

STARTED = dt.datetime(2026, 11, 26, 10, 15, tzinfo=dt.UTC)
BERLIN_WINTER = dt.timezone(dt.timedelta(hours=1))


def attempt_row(**changes):
    row = {
        "attempt_id": "k3Xq9",
        "quiz_id": "fall-of-the-ussr",
        "student_id": 7,
        "class_id": 2,
        "kiosk": None,
        "started_at": STARTED,
        "finished_at": dt.datetime(2026, 11, 26, 11, 40, 5, 123456, tzinfo=BERLIN_WINTER),
        "score": 4.5,
        "max": 5.0,
        "percent": 90.0,
        "passed": True,
        "retry": False,
        "student": "Zoë Ångström",
    }
    return {**row, **changes}


def response_row(**changes):
    row = {
        "attempt_id": "k3Xq9",
        "question_id": "q1",
        "kind": "text",
        "topic": "roles",
        "response": "Gorbachev",
        "verdict": "correct",
        "points": 2.0,
        "max": 2.0,
        "feedback": "",
        "answered_at": STARTED,
        "quiz_id": "fall-of-the-ussr",
        "student_id": 7,
        "student": "Zoë Ångström",
        "kiosk": None,
    }
    return {**row, **changes}


def read(data: bytes) -> list[dict[str, str]]:
    """What a spreadsheet (or pandas) would read back."""
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_files_start_with_a_byte_order_mark_and_a_header():
    for data, columns in ((attempts_csv([]), ATTEMPT_COLUMNS), (responses_csv([]), RESPONSE_COLUMNS)):
        assert data.startswith("\ufeff".encode())
        assert data.decode("utf-8-sig") == ",".join(columns) + "\r\n"


def test_attempts_round_trip():
    unfinished = attempt_row(
        attempt_id="p0Lm", finished_at=None, score=None, max=None, percent=None, passed=None, kiosk="kiosk-2"
    )
    rows = read(attempts_csv([attempt_row(), unfinished]))
    assert rows[0] == {
        "quiz_id": "fall-of-the-ussr",
        "student": "Zoë Ångström",
        "student_id": "7",
        "class_id": "2",
        "kiosk": "",
        "attempt_id": "k3Xq9",
        "started_at": "2026-11-26T10:15:00+00:00",
        "finished_at": "2026-11-26T10:40:05+00:00",  # 11:40:05 an hour east of UTC, to the second
        "score": "4.5",
        "max": "5.0",
        "percent": "90.0",
        "passed": "true",
        "retry": "false",
    }
    assert rows[1]["finished_at"] == "" and rows[1]["score"] == "" and rows[1]["passed"] == ""
    assert rows[1]["kiosk"] == "kiosk-2"


def test_one_row_per_student_per_question():
    given = [response_row(question_id=q, student=name) for name in ("Ana", "Ben") for q in ("q1", "q2", "q3")]
    rows = read(responses_csv(given))
    assert [(row["student"], row["question_id"]) for row in rows] == [
        ("Ana", "q1"),
        ("Ana", "q2"),
        ("Ana", "q3"),
        ("Ben", "q1"),
        ("Ben", "q2"),
        ("Ben", "q3"),
    ]
    assert rows[0]["answered_at"] == "2026-11-26T10:15:00+00:00"
    assert (rows[0]["points"], rows[0]["max"], rows[0]["verdict"]) == ("2.0", "2.0", "correct")


@pytest.mark.parametrize(
    ("response", "text"),
    [
        ("Gorbachev", "Gorbachev"),
        (["1985", "1989", "1991"], "1985; 1989; 1991"),
        ({"Gorbachev": "USSR", "Reagan": "USA"}, "Gorbachev → USSR; Reagan → USA"),
        (True, "true"),
        (False, "false"),
        (1991, "1991"),
        (3.5, "3.5"),
        (None, ""),
        ([], ""),
    ],
)
def test_responses_are_written_as_text(response, text):
    assert response_text(response) == text
    assert read(responses_csv([response_row(response=response)]))[0]["response"] == text


@pytest.mark.parametrize(
    "tricky",
    [
        "Smith, John",
        'He said "no"',
        "two\nlines",
        "windows\r\nline",
        "Zoë Ångström-Łukasiewicz",
        "Ελληνικά 日本語 🏛️🎓",
        "trailing space ",
        "",
    ],
)
def test_awkward_text_survives_the_round_trip(tricky):
    [attempt] = read(attempts_csv([attempt_row(student=tricky)]))
    [answer] = read(responses_csv([response_row(student=tricky, response=tricky, feedback=tricky)]))
    assert attempt["student"] == tricky
    assert answer["student"] == answer["response"] == answer["feedback"] == tricky


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@", "\t", "\r"])
def test_formulas_are_neutralised_in_every_text_column(trigger):
    evil = trigger + 'HYPERLINK("http://evil.example","click")'
    [attempt] = read(attempts_csv([attempt_row(student=evil, kiosk=evil, quiz_id=evil, attempt_id=evil)]))
    [answer] = read(responses_csv([response_row(student=evil, response=evil, feedback=evil, question_id=evil)]))
    for cell in (attempt["student"], attempt["kiosk"], attempt["quiz_id"], attempt["attempt_id"]):
        assert cell == "'" + evil
    for cell in (answer["student"], answer["response"], answer["feedback"], answer["question_id"]):
        assert cell == "'" + evil


def test_formulas_inside_list_and_match_answers_are_neutralised():
    [row] = read(responses_csv([response_row(response=["=1+1", "b"])]))
    assert row["response"] == "'=1+1; b"
    [row] = read(responses_csv([response_row(response={"@SUM(A1)": "x"})]))
    assert row["response"] == "'@SUM(A1) → x"


def test_a_formula_character_later_in_the_text_is_left_alone():
    [row] = read(attempts_csv([attempt_row(student="Anne-Marie = 1 + 1")]))
    assert row["student"] == "Anne-Marie = 1 + 1"


def test_numbers_we_write_are_not_prefixed():
    negative = attempt_row(score=-1.0, percent=-20.0, student_id=-3, class_id=0)
    [row] = read(attempts_csv([negative]))
    assert (row["score"], row["percent"], row["student_id"], row["class_id"]) == ("-1.0", "-20.0", "-3", "0")
    [answer] = read(responses_csv([response_row(points=0.5, max=1.0)]))
    assert (answer["points"], answer["max"]) == ("0.5", "1.0")


def test_a_naive_time_is_taken_as_utc():
    [row] = read(attempts_csv([attempt_row(started_at=dt.datetime(2026, 11, 26, 10, 15))]))
    assert row["started_at"] == "2026-11-26T10:15:00+00:00"


def test_student_json_is_readable_utf8_with_iso_times():
    export = {
        "student": {"id": 7, "display_name": "Zoë 🎓", "class_id": 2},
        "attempts": [{"attempt_id": "k3Xq9", "started_at": STARTED, "finished_at": None, "percent": 90.0}],
        "responses": [{"question_id": "q4", "response": {"Gorbachev": "USSR"}, "answered_at": STARTED}],
    }
    data = student_json(export)
    assert "Zoë 🎓".encode() in data  # written as is, not as \u escapes
    back = json.loads(data.decode("utf-8"))
    assert back["attempts"][0]["started_at"] == "2026-11-26T10:15:00+00:00"
    assert back["attempts"][0]["finished_at"] is None
    assert back["responses"][0] == {
        "question_id": "q4",
        "response": {"Gorbachev": "USSR"},
        "answered_at": "2026-11-26T10:15:00+00:00",
    }
    assert back["student"] == export["student"]


def test_student_json_of_an_unknown_student_is_an_empty_object():
    assert json.loads(student_json({})) == {}


def test_student_json_refuses_what_it_cannot_write():
    with pytest.raises(TypeError):
        student_json({"odd": object()})
