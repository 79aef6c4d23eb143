"""Class summaries and item analysis: pure functions over the rows the store hands out.

Input is ``Store.attempt_rows()`` (one dict per attempt) and
``Store.response_rows()`` (one dict per answered question). Nothing here
touches the database or the screen, so every number a teacher sees can be
checked by hand against a small table in the tests.

Percentages are 0..100 like the stored ``percent``; facility and pass rate
are fractions 0..1. Nothing is rounded here: rounding is for display.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from classroom.content.models import TOPICS
from classroom.limits import MAX_ANALYSED_ANSWER_CHARS
from classroom.quiz.grading import is_blank
from classroom.results.export import response_text

TOO_EASY_ABOVE = 0.9  # facility above this: nearly everyone gets it right
TOO_HARD_BELOW = 0.3  # facility below this: most of the class gets it wrong
NEGATIVE_DISCRIMINATION_BELOW = 0.0  # weaker students do better on it than stronger ones
MIN_RESPONSES_FOR_FLAGS = 5  # fewer answers than this say nothing reliable about a question
MIN_ATTEMPTS_FOR_DISCRIMINATION = 3  # a correlation over two points is always +1 or -1
TOP_WRONG_ANSWERS = 3
NO_ANSWER = "(no answer)"

FLAG_TOO_EASY = "too easy"
FLAG_TOO_HARD = "too hard"
FLAG_NEGATIVE = "negative discrimination — check the key"


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class QuizSummary:
    """The headline numbers of a dashboard; averages and pass rate count finished attempts only."""

    attempts: int
    finished: int
    students: int  # distinct known students; anonymous (kiosk) attempts cannot be told apart
    anonymous: int  # attempts without a student
    mean_percent: float | None
    median_percent: float | None
    pass_rate: float | None  # 0..1


@dataclass(frozen=True)
class ScoreBin:
    """One bar of the score histogram: finished attempts with low <= percent < high (the last bar includes 100)."""

    low: float
    high: float
    count: int

    @property
    def label(self) -> str:
        return f"{round(self.low, 1):g}–{round(self.high, 1):g}%"


@dataclass(frozen=True)
class TopicScore:
    """Points earned on a topic over the points on offer, across every answer given."""

    topic: str
    points: float
    max: float
    percent: float | None  # None when no points were on offer


@dataclass(frozen=True)
class DayProgress:
    """Finished attempts of one calendar day and their mean percent."""

    day: str  # ISO date, "2026-11-26"
    attempts: int
    mean_percent: float


@dataclass(frozen=True)
class WrongAnswer:
    """A wrong or partly right answer and how many gave it (as first written, counted without case or spaces)."""

    text: str
    count: int


@dataclass(frozen=True)
class ItemStats:
    """How one question behaved: how hard it was, whether it separates stronger from weaker students."""

    question_id: str
    kind: str
    topic: str
    n: int  # responses to this question
    max: float
    facility: float | None  # 0..1, mean points over max
    discrimination: float | None  # -1..1, None when it cannot be measured
    wrong_answers: tuple[WrongAnswer, ...]
    flags: tuple[str, ...]


# ---------------------------------------------------------------- dashboard


def _finished(attempt_rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row for row in attempt_rows if row["finished_at"] is not None and row["percent"] is not None]


def quiz_summary(attempt_rows: Sequence[dict[str, Any]]) -> QuizSummary:
    """Attempts, students and scores at a glance; an attempt still in progress has no score yet."""
    finished = _finished(attempt_rows)
    percents = [row["percent"] for row in finished]
    return QuizSummary(
        attempts=len(attempt_rows),
        finished=len(finished),
        students=len({row["student_id"] for row in attempt_rows if row["student_id"] is not None}),
        anonymous=sum(1 for row in attempt_rows if row["student_id"] is None),
        mean_percent=statistics.fmean(percents) if percents else None,
        median_percent=statistics.median(percents) if percents else None,
        pass_rate=sum(1 for row in finished if row["passed"]) / len(finished) if finished else None,
    )


def score_distribution(attempt_rows: Iterable[dict[str, Any]], bins: int = 10) -> list[ScoreBin]:
    """Finished attempts per equal-width percent band, every band present (empty ones show as gaps)."""
    if bins < 1:
        raise ValueError("a histogram needs at least one bin")
    counts = [0] * bins
    for row in _finished(attempt_rows):
        index = int(row["percent"] * bins / 100)
        counts[min(max(index, 0), bins - 1)] += 1  # 100 % belongs to the top band
    width = 100 / bins
    return [ScoreBin(i * width, (i + 1) * width, count) for i, count in enumerate(counts)]


def topic_scores(response_rows: Iterable[dict[str, Any]]) -> list[TopicScore]:
    """Per topic, all points earned over all points on offer, so a 2-point question weighs twice."""
    points: dict[str, float] = defaultdict(float)
    most: dict[str, float] = defaultdict(float)
    for row in response_rows:
        points[row["topic"]] += row["points"]
        most[row["topic"]] += row["max"]
    order = [t for t in TOPICS if t in most] + sorted(t for t in most if t not in TOPICS)
    return [
        TopicScore(topic, points[topic], most[topic], 100 * points[topic] / most[topic] if most[topic] else None)
        for topic in order
    ]


def progress_over_time(attempt_rows: Iterable[dict[str, Any]], tz: dt.tzinfo = dt.UTC) -> list[DayProgress]:
    """Mean percent per day of finishing, oldest first; ``tz`` decides where a day starts (the school's zone)."""
    by_day: dict[str, list[float]] = defaultdict(list)
    for row in _finished(attempt_rows):
        by_day[row["finished_at"].astimezone(tz).date().isoformat()].append(row["percent"])
    return [DayProgress(day, len(by_day[day]), statistics.fmean(by_day[day])) for day in sorted(by_day)]


# ---------------------------------------------------------------- item analysis


def _attempt_totals(response_rows: Iterable[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    """(points, max) of every attempt over the questions it answered."""
    totals: dict[str, tuple[float, float]] = {}
    for row in response_rows:
        points, most = totals.get(row["attempt_id"], (0.0, 0.0))
        totals[row["attempt_id"]] = (points + row["points"], most + row["max"])
    return totals


def discrimination(item_rows: Iterable[dict[str, Any]], totals: dict[str, tuple[float, float]]) -> float | None:
    """Pearson correlation of the item's score with the rest of the test, both as fractions of their maximum.

    The item itself is left out of the total, or it would correlate with itself.
    An attempt that answered nothing else has no rest score and is left out.
    None with fewer than 3 attempts or when either side never varies.
    """
    item, rest = [], []
    for row in item_rows:
        points, most = totals[row["attempt_id"]]
        rest_max = most - row["max"]
        if rest_max <= 0 or row["max"] <= 0:
            continue
        item.append(row["points"] / row["max"])
        rest.append((points - row["points"]) / rest_max)
    if len(item) < MIN_ATTEMPTS_FOR_DISCRIMINATION:
        return None
    try:
        return statistics.correlation(item, rest)
    except statistics.StatisticsError:  # one side is constant: no spread, no correlation
        return None


def shortened(text: str, limit: int = MAX_ANALYSED_ANSWER_CHARS) -> str:
    """At most ``limit`` characters and an ellipsis: an answer stored before the engine capped answers
    (or by a hostile client) can be megabytes, and the teacher's screen would render all of it."""
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def wrong_answers(item_rows: Iterable[dict[str, Any]], top: int = TOP_WRONG_ANSWERS) -> tuple[WrongAnswer, ...]:
    """The most common answers that were not fully right, so a teacher sees the misconceptions.

    Counted without case and surrounding spaces ("Yeltsin" = " yeltsin"), shown
    as first written; blanks count as "(no answer)"; ties in the order first given.
    Answers longer than ``MAX_ANALYSED_ANSWER_CHARS`` are cut, and counted by what is kept.
    """
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for row in item_rows:
        if row["verdict"] == "correct":
            continue
        text = NO_ANSWER if row["verdict"] == "blank" or is_blank(row["response"]) else response_text(row["response"])
        text = shortened(text.strip())
        key = text.casefold()
        shown.setdefault(key, text)
        counts[key] += 1
    return tuple(WrongAnswer(shown[key], count) for key, count in counts.most_common(top))


def item_flags(n: int, facility: float | None, discrimination: float | None) -> tuple[str, ...]:
    """Warnings for the teacher, given only from 5 responses on: with fewer, one student swings everything."""
    if n < MIN_RESPONSES_FOR_FLAGS:
        return ()
    flags = []
    if facility is not None and facility > TOO_EASY_ABOVE:
        flags.append(FLAG_TOO_EASY)
    if facility is not None and facility < TOO_HARD_BELOW:
        flags.append(FLAG_TOO_HARD)
    if discrimination is not None and discrimination < NEGATIVE_DISCRIMINATION_BELOW:
        flags.append(FLAG_NEGATIVE)
    return tuple(flags)


def _item_stats(question_id: str, item_rows: list[dict[str, Any]], totals: dict[str, tuple[float, float]]) -> ItemStats:
    points = sum(row["points"] for row in item_rows)
    most = sum(row["max"] for row in item_rows)  # the same as n * max unless the question was re-weighted
    facility = points / most if most else None
    disc = discrimination(item_rows, totals)
    return ItemStats(
        question_id=question_id,
        kind=item_rows[0]["kind"],
        topic=item_rows[0]["topic"],
        n=len(item_rows),
        max=item_rows[-1]["max"],
        facility=facility,
        discrimination=disc,
        wrong_answers=wrong_answers(item_rows),
        flags=item_flags(len(item_rows), facility, disc),
    )


def item_analysis(response_rows: Sequence[dict[str, Any]], order: Sequence[str] | None = None) -> list[ItemStats]:
    """Statistics per question of one quiz: in ``order`` (the quiz's order) when given, then by question id.

    Rows of several quizzes are refused: question ids are only unique within a quiz.
    Questions in ``order`` that nobody answered are left out.
    """
    quizzes = {row.get("quiz_id") for row in response_rows}
    if len(quizzes) > 1:
        raise ValueError(f"item analysis is per quiz; these rows hold {len(quizzes)} quizzes")
    by_question: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in response_rows:
        by_question[row["question_id"]].append(row)
    first = [qid for qid in dict.fromkeys(order or ()) if qid in by_question]
    ids = first + sorted(qid for qid in by_question if qid not in first)
    totals = _attempt_totals(response_rows)
    return [_item_stats(qid, by_question[qid], totals) for qid in ids]


# ---------------------------------------------------------------- help text

FORMULAS = f"""\
**Facility** — how easy a question was. It is the average mark on the question
divided by its full mark: 1.0 means everyone got full marks, 0.5 means the class
earned half of the marks on offer, 0 means nobody scored.

**Discrimination** — whether the question tells stronger and weaker students apart.
For each attempt we take the mark on this question and the mark on *the rest of the
test* (all the other questions the student answered, without this one), both as a
fraction of what was possible, and compute their correlation (Pearson's *r*):

- close to +1: students who did well on the rest of the test also did well here;
- around 0: the question does not follow overall performance;
- below 0: weaker students did *better* here than stronger ones, which often
  means the answer key is wrong or the question is misleading.

It needs at least {MIN_ATTEMPTS_FOR_DISCRIMINATION} attempts with other answered
questions, and some spread in both marks; otherwise it is shown as "—".

**Flags** (only once a question has at least {MIN_RESPONSES_FOR_FLAGS} answers, since a
handful of students can swing these numbers):

- *{FLAG_TOO_EASY}*: facility above {TOO_EASY_ABOVE:g};
- *{FLAG_TOO_HARD}*: facility below {TOO_HARD_BELOW:g};
- *{FLAG_NEGATIVE}*: discrimination below {NEGATIVE_DISCRIMINATION_BELOW:g}.

**Most common wrong answers** count every answer that was not fully right
(partly right ones included), ignoring capital letters and surrounding spaces;
an empty answer is counted as "{NO_ANSWER}".
"""
