"""Property tests for the graders: the answer key earns full marks, scores stay in [0, max], grading is pure."""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from classroom.content.dates import parse_iso
from classroom.content.models import (
    ChoiceQuestion,
    DateQuestion,
    MatchQuestion,
    NumberQuestion,
    OrderQuestion,
    Quiz,
    TextQuestion,
    TrueFalseQuestion,
)
from classroom.quiz.grading import grade, grade_quiz, key_response

# ---------------------------------------------------------------- question strategies

IDS = st.from_regex(r"[a-z0-9]{1,6}(?:-[a-z0-9]{1,4})?", fullmatch=True)
TEXTS = st.text(min_size=1, max_size=12).filter(lambda text: text.strip() != "")
POINTS = st.integers(min_value=1, max_value=100)
TOPICS = st.sampled_from(["dates", "roles", "outcomes", "context"])


@st.composite
def base_fields(draw, kind: str) -> dict:
    fields = {"id": draw(IDS), "kind": kind, "ask": draw(TEXTS), "points": draw(POINTS)}
    if draw(st.booleans()):
        fields["topic"] = draw(TOPICS)
    return fields


@st.composite
def iso_dates(draw) -> str:
    day = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    text = f"{day.year:04d}"
    if precision != "year":
        text += f"-{day.month:02d}"
    if precision == "day":
        text += f"-{day.day:02d}"
    return text


@st.composite
def date_questions(draw) -> DateQuestion:
    fields = draw(base_fields("date"))
    tolerance = draw(st.integers(min_value=0, max_value=5))
    fields |= {"answer": draw(iso_dates()), "tolerance": tolerance}
    if draw(st.booleans()):
        fields["near"] = draw(st.integers(min_value=tolerance, max_value=tolerance + 5))
    fields["feedback"] = draw(st.dictionaries(iso_dates(), TEXTS, max_size=2))
    return DateQuestion.model_validate(fields)


@st.composite
def text_questions(draw) -> TextQuestion:
    fields = draw(base_fields("text"))
    fields["accept"] = draw(st.lists(TEXTS, min_size=1, max_size=3))
    if draw(st.booleans()):
        fields["typos"] = draw(st.integers(min_value=0, max_value=5))
    fields["feedback"] = draw(st.dictionaries(TEXTS, TEXTS, max_size=2))
    return TextQuestion.model_validate(fields)


@st.composite
def choice_questions(draw) -> ChoiceQuestion:
    fields = draw(base_fields("choice"))
    options = draw(st.lists(TEXTS, min_size=2, max_size=5, unique=True))
    correct = draw(st.lists(st.sampled_from(options), min_size=1, max_size=len(options), unique=True))
    wrong = [option for option in options if option not in correct]
    feedback = draw(st.dictionaries(st.sampled_from(wrong), TEXTS, max_size=2)) if wrong else {}
    fields |= {"options": options, "correct": correct, "feedback": feedback}
    return ChoiceQuestion.model_validate(fields)


@st.composite
def true_false_questions(draw) -> TrueFalseQuestion:
    fields = draw(base_fields("true_false"))
    fields["answer"] = draw(st.booleans())
    fields["feedback"] = draw(st.dictionaries(st.sampled_from(["true", "false"]), TEXTS, max_size=2))
    return TrueFalseQuestion.model_validate(fields)


@st.composite
def order_questions(draw) -> OrderQuestion:
    fields = draw(base_fields("order"))
    fields["items"] = draw(st.lists(TEXTS, min_size=2, max_size=6, unique=True))
    if draw(st.booleans()):
        fields["scoring"] = draw(st.sampled_from(["subset", "exact"]))
    return OrderQuestion.model_validate(fields)


@st.composite
def match_questions(draw) -> MatchQuestion:
    fields = draw(base_fields("match"))
    fields["pairs"] = draw(st.dictionaries(TEXTS, TEXTS, min_size=2, max_size=4))
    fields["distractors"] = draw(st.lists(TEXTS, max_size=2))
    return MatchQuestion.model_validate(fields)


FINITE = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
SPANS = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def number_questions(draw) -> NumberQuestion:
    fields = draw(base_fields("number"))
    tolerance = draw(SPANS)
    fields |= {"answer": draw(FINITE | st.integers(-(10**6), 10**6)), "tolerance": tolerance}
    if draw(st.booleans()):
        fields["near"] = tolerance + draw(SPANS)
    fields["feedback"] = draw(st.dictionaries(st.integers(-100, 100).map(str), TEXTS, max_size=2))
    return NumberQuestion.model_validate(fields)


QUESTIONS = st.one_of(
    date_questions(),
    text_questions(),
    choice_questions(),
    true_false_questions(),
    order_questions(),
    match_questions(),
    number_questions(),
)

# ---------------------------------------------------------------- response strategies

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and infinities included
    st.text(max_size=20),
    st.sampled_from(["1991", "Dec 26, 1991", "26 December 1991", "true", "no", "3", " ", "the", "1,000"]),
)
ANY_RESPONSE = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def shifted(answer: str, step: int) -> str:
    """The ISO date ``step`` units (of its own precision) away from ``answer``, kept within years 1..9999."""
    key = parse_iso(answer)
    if key.precision == "year":
        return f"{min(9999, max(1, key.year + step)):04d}"
    if key.precision == "month":
        months = min(9999 * 12 - 1, max(0, key.year * 12 + key.month - 1 + step - 12))
        return f"{months // 12 + 1:04d}-{months % 12 + 1:02d}"
    ordinal = min(dt.date.max.toordinal(), max(1, dt.date(key.year, key.month, key.day).toordinal() + step))
    return dt.date.fromordinal(ordinal).isoformat()


def related_responses(question) -> st.SearchStrategy:
    """Responses built from the question's own vocabulary, to reach the partial-credit paths."""
    if isinstance(question, ChoiceQuestion):
        pool = [*question.options, "not an option"]
        return st.sampled_from(pool) | st.lists(st.sampled_from(pool), max_size=6)
    if isinstance(question, OrderQuestion):
        pool = [*question.items, "not an item"]
        return st.permutations(question.items).map(list) | st.lists(st.sampled_from(pool), max_size=8)
    if isinstance(question, MatchQuestion):
        return st.dictionaries(st.sampled_from(list(question.pairs)), st.sampled_from(question.choices))
    if isinstance(question, TextQuestion):
        return st.sampled_from([*question.accept, *question.feedback])
    if isinstance(question, DateQuestion):
        nearby = st.integers(min_value=-12, max_value=12).map(lambda step: shifted(question.answer, step))
        return nearby | iso_dates() | st.sampled_from(list(question.feedback) or [question.answer])
    if isinstance(question, NumberQuestion):
        return FINITE.map(lambda offset: question.answer + offset) | st.sampled_from(list(question.feedback) or ["0"])
    return st.sampled_from([True, False, "true", "false", "yes", "no", "maybe"])


@st.composite
def question_and_response(draw):
    question = draw(QUESTIONS)
    response = draw(ANY_RESPONSE | related_responses(question))
    return question, response


# ---------------------------------------------------------------- properties


@settings(max_examples=200, deadline=None)
@given(QUESTIONS)
def test_the_answer_key_earns_full_marks(question):
    result = grade(question, key_response(question))
    assert result.verdict == "correct"
    assert result.points == question.points
    assert result.max == question.points


@settings(max_examples=200, deadline=None)
@given(question_and_response())
def test_any_response_is_graded_within_zero_and_max(pair):
    question, response = pair
    result = grade(question, response)
    assert result.verdict in ("correct", "partial", "wrong", "blank")
    assert result.max == question.points
    assert 0 <= result.points <= result.max
    assert (result.verdict == "correct") == (result.points == result.max)
    assert (result.verdict in ("wrong", "blank")) == (result.points == 0)
    assert isinstance(result.feedback, str)
    assert (result.id, result.kind, result.topic) == (question.id, question.kind, question.topic)


@settings(max_examples=200, deadline=None)
@given(question_and_response())
def test_grading_is_deterministic_and_leaves_the_response_alone(pair):
    question, response = pair
    kept = copy.deepcopy(response)
    first = grade(question, response)
    assert grade(question, response) == first
    assert grade(question, kept) == first
    assert repr(response) == repr(kept)


@st.composite
def quizzes(draw) -> Quiz:
    questions = draw(st.lists(QUESTIONS, min_size=1, max_size=5))
    dumped = [q.model_dump(by_alias=True) | {"id": f"q{index}"} for index, q in enumerate(questions)]
    return Quiz.model_validate({"id": "prop", "title": "Property quiz", "lessons": ["after-1991"], "questions": dumped})


@settings(max_examples=200, deadline=None)
@given(quizzes(), st.integers(min_value=0, max_value=100))
def test_the_answer_key_earns_a_full_quiz_score(quiz, pass_mark):
    quiz = quiz.model_copy(update={"pass_mark": pass_mark})
    total = grade_quiz(quiz, {q.id: key_response(q) for q in quiz.questions})
    assert total.score == total.max == sum(q.points for q in quiz.questions)
    assert total.percent == 100.0
    assert total.passed is True
