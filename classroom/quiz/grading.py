"""Pure, deterministic graders: one function per question kind, kept in a plain dict.

A grader takes a question and the student's response and returns a ``Graded``
record. ``grade_quiz`` adds the records up; ``score_total`` is the single
place where points become a score and a pass or fail.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from rapidfuzz.distance import Levenshtein

from classroom.content.dates import PRECISION_RANK, describe_precision, parse_answer, parse_iso
from classroom.content.models import (
    TOPICS,
    ChoiceQuestion,
    DateQuestion,
    MatchQuestion,
    NumberQuestion,
    OrderQuestion,
    Question,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)
from classroom.errors import InternalError

Verdict = Literal["correct", "partial", "wrong", "blank"]


@dataclass(frozen=True)
class Graded:
    """The outcome of one question."""

    id: str
    kind: str
    topic: str
    verdict: Verdict
    points: float
    max: float
    feedback: str = ""


@dataclass(frozen=True)
class QuizScore:
    """A whole quiz's outcome."""

    quiz: str
    score: float
    max: float
    percent: float
    passed: bool
    by_topic: dict[str, dict[str, float]]
    questions: tuple[Graded, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "quiz": self.quiz,
            "score": self.score,
            "max": self.max,
            "percent": self.percent,
            "passed": self.passed,
            "by_topic": self.by_topic,
            "questions": [g.__dict__.copy() for g in self.questions],
        }


# ---------------------------------------------------------------- helpers


def is_blank(response: Any) -> bool:
    """No answer at all: None, empty or white-space text, an empty list or mapping."""
    if response is None:
        return True
    if isinstance(response, str):
        return not response.strip()
    if isinstance(response, (list, tuple, dict, set)):
        return len(response) == 0
    return False


def fold(text: str) -> str:
    """Compare texts the way a teacher would: no case, accents, punctuation or leading "the"."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"['\u2019.]", "", plain)  # U.S.S.R. = USSR, Yeltsin's = Yeltsins
    words = re.sub(r"[\W_]+", " ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def default_typos(answer: str) -> int:
    """Edits allowed by default: 0 up to 4 letters, 1 up to 8, else 2."""
    letters = len(answer.replace(" ", ""))
    if letters <= 4:
        return 0
    return 1 if letters <= 8 else 2


def _result(question: Question, fraction: float, feedback: str = "") -> Graded:
    fraction = min(1.0, max(0.0, fraction))
    if fraction >= 1:
        verdict: Verdict = "correct"
    elif fraction > 0:
        verdict = "partial"
    else:
        verdict = "wrong"
    points = round(question.points * fraction, 4)
    return Graded(question.id, question.kind, question.topic, verdict, points, question.points, feedback)


def _blank(question: Question) -> Graded:
    return Graded(question.id, question.kind, question.topic, "blank", 0, question.points, "No answer was given.")


def _as_list(response: Any) -> list[str]:
    if isinstance(response, (list, tuple)):
        return [str(item) for item in response]
    return [str(response)]


# ---------------------------------------------------------------- graders


def grade_date(question: DateQuestion, response: Any) -> Graded:
    key = parse_iso(question.answer)
    assert key is not None  # the model guarantees it
    given = parse_answer(str(response))
    if given is None:
        return _result(
            question, 0, f"'{response}' is not a date I can read; write {describe_precision(key.precision)}."
        )
    if PRECISION_RANK[given.precision] < PRECISION_RANK[key.precision]:
        return _result(question, 0, f"This question asks for {describe_precision(key.precision)}.")
    distance = key.distance(given, key.precision)
    known = _date_feedback(question, given)
    if distance <= question.tolerance:
        return _result(question, 1, known)
    if question.near is not None and distance <= question.near:
        return _result(question, 0.5, known or f"Close: within {question.near} {key.precision}(s).")
    return _result(question, 0, known)


def _date_feedback(question: DateQuestion, given: Any) -> str:
    for key, text in question.feedback.items():
        wanted = parse_iso(key)
        if wanted is not None and given.distance(wanted, wanted.precision) == 0:
            return text
    return ""


def grade_text(question: TextQuestion, response: Any) -> Graded:
    given = fold(str(response))
    accepted = [fold(answer) for answer in question.accept]
    known_wrong = {fold(key): text for key, text in question.feedback.items()}
    if given in accepted:
        return _result(question, 1)
    if given in known_wrong:
        return _result(question, 0, known_wrong[given])
    for answer, original in zip(accepted, question.accept, strict=True):
        budget = question.typos if question.typos is not None else default_typos(answer)
        if Levenshtein.distance(given, answer, score_cutoff=budget) <= budget:
            return _result(question, 1, f"Accepted, allowing for spelling: '{original}'.")
    for wrong, text in known_wrong.items():
        budget = question.typos if question.typos is not None else default_typos(wrong)
        if Levenshtein.distance(given, wrong, score_cutoff=budget) <= budget:
            return _result(question, 0, text)
    return _result(question, 0)


def grade_choice(question: ChoiceQuestion, response: Any) -> Graded:
    picked = list(dict.fromkeys(_as_list(response)))
    correct = set(question.correct)
    notes = [question.feedback[p] for p in picked if p in question.feedback and p not in correct]
    if not question.several:
        fraction = 1.0 if picked == question.correct else 0.0
        return _result(question, fraction, " ".join(notes))
    right = sum(1 for p in picked if p in correct)
    wrong = sum(1 for p in picked if p not in correct)
    return _result(question, (right - wrong) / len(correct), " ".join(notes))


def grade_true_false(question: TrueFalseQuestion, response: Any) -> Graded:
    if not isinstance(response, (bool, str)):
        return _result(question, 0, "Answer true or false.")
    if isinstance(response, str):
        words = {"true": True, "false": False, "yes": True, "no": False}
        if response.strip().casefold() not in words:
            return _result(question, 0, "Answer true or false.")
        response = words[response.strip().casefold()]
    given = bool(response)
    feedback = question.feedback.get("true" if given else "false", "")
    return _result(question, 1.0 if given == question.answer else 0.0, feedback)


def longest_increasing_run(positions: list[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    for value in positions:
        index = bisect.bisect_left(tails, value)
        if index == len(tails):
            tails.append(value)
        else:
            tails[index] = value
    return len(tails)


def grade_order(question: OrderQuestion, response: Any) -> Graded:
    rank = {item: index for index, item in enumerate(question.items)}
    given = [rank[item] for item in dict.fromkeys(_as_list(response)) if item in rank]
    total = len(question.items)
    if question.scoring == "exact":
        return _result(question, 1.0 if given == list(range(total)) else 0.0)
    in_order = longest_increasing_run(given)
    feedback = (
        "" if in_order == total else f"{in_order} of {total} items are in the right order relative to each other."
    )
    return _result(question, in_order / total, feedback)


def grade_match(question: MatchQuestion, response: Any) -> Graded:
    if not isinstance(response, Mapping):
        return _result(question, 0, "Pick a match for each item.")
    right = sum(1 for left, match in question.pairs.items() if str(response.get(left, "")) == match)
    feedback = "" if right == len(question.pairs) else f"{right} of {len(question.pairs)} pairs are right."
    return _result(question, right / len(question.pairs), feedback)


def read_number(response: Any) -> float | None:
    """A number typed by a student: "1,000" is a thousand, "3,5" is three and a half."""
    if isinstance(response, bool):
        return None
    text = str(response).strip().replace(" ", "")
    if re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    try:
        value = float(text.replace(",", "."))
    except (ValueError, OverflowError):
        return None
    return value if value == value and abs(value) != float("inf") else None


def grade_number(question: NumberQuestion, response: Any) -> Graded:
    given = read_number(response)
    if given is None:
        return _result(question, 0, f"'{response}' is not a number.")
    known = next((text for key, text in question.feedback.items() if _same_number(key, given)), "")
    difference = abs(given - question.answer)
    if difference <= question.tolerance:
        return _result(question, 1, known)
    if question.near is not None and difference <= question.near:
        return _result(question, 0.5, known or "Close, but not exact.")
    return _result(question, 0, known)


def _same_number(text: str, value: float) -> bool:
    try:
        return float(text) == value
    except ValueError:
        return False


GRADERS: dict[str, Callable[[Any, Any], Graded]] = {
    "date": grade_date,
    "text": grade_text,
    "choice": grade_choice,
    "true_false": grade_true_false,
    "order": grade_order,
    "match": grade_match,
    "number": grade_number,
}


def grade(question: Question, response: Any) -> Graded:
    """Grade one response; a blank response is 'blank' and scores 0."""
    if is_blank(response):
        return _blank(question)
    return GRADERS[question.kind](question, response)


# ---------------------------------------------------------------- totals


def score_total(quiz: Quiz, graded: list[Graded]) -> QuizScore:
    """Add up points; raise when the records are inconsistent (a bug, never a student's fault)."""
    by_topic: dict[str, dict[str, float]] = {}
    for record in graded:
        if not 0 <= record.points <= record.max:
            raise InternalError(f"question {record.id}: {record.points} points out of {record.max}")
        bucket = by_topic.setdefault(record.topic, {"score": 0.0, "max": 0.0})
        bucket["score"] += record.points
        bucket["max"] += record.max
    score = round(sum(record.points for record in graded), 4)
    most = float(sum(record.max for record in graded))
    if score > most:
        raise InternalError(f"score {score} exceeds the maximum {most}")
    percent = round(100 * score / most, 1) if most else 0.0
    ordered = {topic: by_topic[topic] for topic in TOPICS if topic in by_topic}
    return QuizScore(quiz.id, score, most, percent, percent >= quiz.pass_mark, ordered, tuple(graded))


def grade_quiz(quiz: Quiz, responses: Mapping[str, Any], asked: list[str] | None = None) -> QuizScore:
    """Grade the questions asked (default: all of them, or when the quiz draws, those answered)."""
    if asked is None:
        asked = [q.id for q in quiz.questions if quiz.draw is None or q.id in responses]
    records = []
    for question_id in asked:
        question = quiz.question(question_id)
        if question is None:
            raise KeyError(f"quiz {quiz.id} has no question {question_id}")
        records.append(grade(question, responses.get(question_id)))
    return score_total(quiz, records)


def key_response(question: Question) -> Any:
    """A response that earns full marks: the answer key in the form a student would give it."""
    if isinstance(question, (DateQuestion, TrueFalseQuestion, NumberQuestion)):
        return question.answer
    if isinstance(question, TextQuestion):
        return question.accept[0]
    if isinstance(question, ChoiceQuestion):
        return list(question.correct) if question.several else question.correct[0]
    if isinstance(question, OrderQuestion):
        return list(question.items)
    return dict(question.pairs)
