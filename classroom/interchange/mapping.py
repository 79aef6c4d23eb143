"""The one place where bank questions (``Item``) become this classroom's kinds, and back.

Import: each Moodle question type has the kind that grades it the same way, or
the nearest one with every difference said in the report (``Note``); types
with no equivalent (essay, description, cloze, ...) are skipped with the reason.
Export: each kind is written as the Moodle type that grades like it; ``order``
and ``date`` have none and go out as their nearest (matching, numerical or short
answer), again with a note. The kinds' own code answers every question about a
question (its key, its date's precision), so nothing here re-reads dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from classroom.content.dates import parse_iso
from classroom.content.fields import TOPICS
from classroom.content.models import Question
from classroom.interchange.items import Answer, Item, Note, Outcome
from classroom.kinds import kind_of
from classroom.text import slug, valid_id

QUESTION: TypeAdapter[Any] = TypeAdapter(Question)
NO_EQUIVALENT = {
    "essay": "an essay is marked by hand; the classroom has no free-text essay kind",
    "description": "a description is text without a question",
    "multianswer": "an embedded-answers (cloze) question has several answers in one text; no kind holds that",
    "cloze": "an embedded-answers (cloze) question has several answers in one text; no kind holds that",
    "calculated": "a calculated question draws random numbers; no kind does that",
    "calculatedsimple": "a calculated question draws random numbers; no kind does that",
    "calculatedmulti": "a calculated question draws random numbers; no kind does that",
    "ddwtos": "drag-and-drop into text has no equivalent kind",
    "gapselect": "select-missing-words has no equivalent kind",
    "randomsamatch": "random short-answer matching draws from other questions; no kind does that",
    "random": "a random question draws from a category; no kind does that",
}
WILDCARD = "*"


@dataclass(frozen=True)
class Imported:
    """One bank question after import: the question's data (None when skipped) and its report line."""

    data: dict[str, Any] | None
    note: Note
    category: str


def _close(a: float, b: float) -> bool:
    return abs(a - b) < 1e-4


def _percent(fraction: float) -> str:
    return f"{fraction * 100:g}%"


# ---------------------------------------------------------------- import


def to_question(item: Item, taken: set[str], number: int) -> Imported:
    """``item`` as one of our questions (``status: draft``), or the reason it cannot be one."""
    changes = list(item.changes)
    label = item.title or _first_words(item.text) or f"question {number}"
    if item.type in NO_EQUIVALENT:
        return Imported(None, Note("skipped", item.line, label, NO_EQUIVALENT[item.type]), item.category)
    build = _BUILDERS.get(item.type)
    if build is None:
        return Imported(None, Note("skipped", item.line, label, f"'{item.type}' questions have no equivalent kind"), "")
    if not item.text.strip():
        return Imported(None, Note("skipped", item.line, label, "the question has no text"), item.category)
    data = build(item, changes)
    if data is None:
        return Imported(None, Note("skipped", item.line, label, "; ".join(changes)), item.category)
    data = {"id": _new_id(item, taken, number), **data, "ask": item.text.strip()}
    _common(item, data, changes)
    try:
        question = QUESTION.validate_python(data)
    except ValidationError as error:
        reasons = "; ".join(str(e["msg"]) for e in error.errors())
        return Imported(None, Note("skipped", item.line, label, f"not a valid question: {reasons}"), item.category)
    taken.add(question.id)
    data = {k: v for k, v in data.items() if v not in (None, {}, [])}
    outcome: Outcome = "changed" if changes else "imported"
    return Imported(data, Note(outcome, item.line, label, "; ".join(changes), question.kind), item.category)


def _first_words(text: str, count: int = 8) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _new_id(item: Item, taken: set[str], number: int) -> str:
    base = item.title.strip().lower() if valid_id(item.title.strip().lower()) else slug(item.title, fallback="")
    base = base or f"q{number}"
    candidate, extra = base, 2
    while candidate in taken:
        candidate, extra = f"{base}-{extra}", extra + 1
    return candidate


def _common(item: Item, data: dict[str, Any], changes: list[str]) -> None:
    """The fields every kind shares: points, general feedback, hints, tags, penalty."""
    points = round(item.points)
    if not _close(points, item.points) or not 1 <= points <= 100:
        changes.append(f"mark {item.points:g} became {min(100, max(1, points))} (whole points from 1 to 100)")
    data["points"] = min(100, max(1, points))
    if data["points"] == 1:
        del data["points"]
    if item.general_feedback.strip():
        data["explain"] = item.general_feedback.strip()
    hints = [h.strip() for h in item.hints if h.strip()]
    if hints:
        data["hint"] = hints[0]
        if len(hints) > 1:
            changes.append(f"{len(hints) - 1} further hint(s) dropped (one hint per question)")
    topics = [t for t in item.tags if t.lower() in TOPICS]
    if topics:
        data["topic"] = topics[0].lower()
    other = [t for t in item.tags if t.lower() not in TOPICS]
    if other:
        changes.append(
            f"tags {', '.join(other)} dropped (a tag named dates, roles, outcomes or context sets the topic)"
        )
    if item.penalty and 0 < item.penalty < 1:  # 100%: no credit for a retry, which is answering once
        changes.append(f"penalty {_percent(item.penalty)} for each retry dropped (students answer once)")
    data["status"] = "draft"


def _truefalse(item: Item, changes: list[str]) -> dict[str, Any] | None:
    by_text = {a.text.strip().lower(): a for a in item.answers}
    true, false = by_text.get("true"), by_text.get("false")
    if true is None or false is None:
        changes.append("a true/false question needs both a 'true' and a 'false' answer")
        return None
    feedback = {key: a.feedback.strip() for key, a in (("true", true), ("false", false)) if a.feedback.strip()}
    return {"kind": "true_false", "answer": true.fraction > false.fraction, "feedback": feedback}


def _multichoice(item: Item, changes: list[str]) -> dict[str, Any] | None:
    options = [a.text.strip() for a in item.answers]
    positive = [a for a in item.answers if a.fraction > 0]
    if not positive:
        changes.append("no answer earns marks")
        return None
    full = [a for a in positive if _close(a.fraction, 1)]
    if item.single or full:
        correct = full or [max(positive, key=lambda a: a.fraction)]
        if len(correct) > 1:
            changes.append("several answers earn full marks: all of them must now be picked")
        for answer in positive:
            if answer not in correct:
                changes.append(f"partial credit ({_percent(answer.fraction)}) for '{answer.text.strip()}' dropped")
        if not item.single and len(correct) == 1:
            changes.append("'several answers allowed' dropped: one answer is right")
    else:
        correct = positive
        share = 1 / len(correct)
        if any(not _close(a.fraction, share) for a in correct):
            weights = ", ".join(_percent(a.fraction) for a in correct)
            changes.append(f"weights {weights} became equal shares")
        if any(a.fraction <= 0 and not _close(a.fraction, -share) for a in item.answers):
            changes.append(f"each wrong pick now takes off one share ({_percent(share)})")
    feedback: dict[str, str] = {}
    for answer in item.answers:
        if not answer.feedback.strip():
            continue
        if answer in correct:
            changes.append(f"feedback on the right answer '{answer.text.strip()}' dropped")
        else:
            feedback[answer.text.strip()] = answer.feedback.strip()
    return {"kind": "choice", "options": options, "correct": [a.text.strip() for a in correct], "feedback": feedback}


def _shortanswer(item: Item, changes: list[str]) -> dict[str, Any] | None:
    accept = [a.text.strip() for a in item.answers if _close(a.fraction, 1) and a.text.strip() != WILDCARD]
    if not accept:
        changes.append("no answer earns full marks")
        return None
    feedback: dict[str, str] = {}
    for answer in item.answers:
        text = answer.text.strip()
        if _close(answer.fraction, 1):
            if answer.feedback.strip():
                changes.append(f"feedback on the accepted answer '{text}' dropped")
        elif text == WILDCARD:
            if answer.feedback.strip():
                changes.append("feedback for any other answer (*) dropped")
        elif answer.fraction > 0:
            changes.append(f"partial credit ({_percent(answer.fraction)}) for '{text}' dropped")
            if answer.feedback.strip():
                feedback[text] = answer.feedback.strip()
        elif answer.feedback.strip():
            feedback[text] = answer.feedback.strip()
    return {"kind": "text", "accept": accept, "feedback": feedback}


def _numerical(item: Item, changes: list[str]) -> dict[str, Any] | None:
    numbers = [a for a in item.answers if a.text.strip() != WILDCARD]
    full = [a for a in numbers if _close(a.fraction, 1)]
    if not full:
        changes.append("no answer earns full marks")
        return None
    key = full[0]
    try:
        answer = float(key.text)
    except ValueError:
        changes.append(f"'{key.text}' is not a number")
        return None
    data: dict[str, Any] = {"kind": "number", "answer": answer, "tolerance": abs(key.tolerance)}
    if key.feedback.strip():
        changes.append("feedback on the right answer dropped")
    feedback: dict[str, str] = {}
    for other in item.answers:
        if other is key:
            continue
        text = other.text.strip()
        if text == WILDCARD:
            if other.feedback.strip():
                changes.append("feedback for any other answer (*) dropped")
            continue
        try:
            value = float(text)
        except ValueError:
            changes.append(f"answer '{text}' is not a number: dropped")
            continue
        key_text = text if _same(text, value) else f"{value:g}"
        if (
            _close(other.fraction, 0.5)
            and _close(value, answer)
            and other.tolerance >= key.tolerance
            and "near" not in data
        ):
            data["near"] = abs(other.tolerance)  # half marks within a wider margin: our "near"
            if other.feedback.strip():
                changes.append(f"feedback on the half-marks answer {text}±{other.tolerance:g} dropped")
        elif other.fraction > 0:
            changes.append(f"{_percent(other.fraction)} for {text}±{other.tolerance:g} dropped")
        elif other.tolerance:
            changes.append(f"feedback for {text}±{other.tolerance:g} now only for exactly {value:g}")
        if other.feedback.strip() and other.fraction <= 0:
            feedback[key_text] = other.feedback.strip()
    data["feedback"] = feedback
    if data["tolerance"] == 0:
        del data["tolerance"]
    return data


def _same(text: str, value: float) -> bool:
    """The number as written is how a teacher would key it ("1991", not "1991.0")."""
    return bool(text) and text.lstrip("-").replace(".", "", 1).isdigit() and float(text) == value


def _matching(item: Item, changes: list[str]) -> dict[str, Any] | None:
    pairs: dict[str, str] = {}
    distractors: list[str] = []
    for answer in item.answers:
        left, right = answer.left.strip(), answer.text.strip()
        if not left:
            if right:
                distractors.append(right)
        elif left in pairs:
            changes.append(f"'{left}' is listed twice; the second match dropped")
        else:
            pairs[left] = right
    if len(pairs) < 2:
        changes.append("a matching question needs at least two pairs")
        return None
    return {"kind": "match", "pairs": pairs, "distractors": distractors}


_BUILDERS = {
    "truefalse": _truefalse,
    "multichoice": _multichoice,
    "shortanswer": _shortanswer,
    "numerical": _numerical,
    "match": _matching,
    "matching": _matching,
}


# ---------------------------------------------------------------- export


def to_item(question: Question) -> tuple[Item, list[str]]:
    """Our question as a bank question, and what the format loses (empty when nothing)."""
    lost: list[str] = []
    item = Item(type="", text=question.ask, title=question.id, points=float(question.points))
    item.general_feedback = question.explain or ""
    item.hints = [question.hint] if question.hint else []
    item.tags = [question.topic]
    _EXPORTERS[question.kind](question, item, lost)
    return item, lost


def _export_choice(q: Any, item: Item, lost: list[str]) -> None:
    item.type = "multichoice"
    item.single = not q.several
    share = 1 / len(q.correct)
    for option in q.options:
        right = option in q.correct
        fraction = share if right else (0.0 if item.single else -share)
        item.answers.append(Answer(option, fraction, q.feedback.get(option, "")))


# The only grades Moodle's import takes (it refuses the whole file on any other): p/q for q <= 6,
# p/10, 1/q for q <= 10, and 1/20, each also negative. Moodle keeps them to 7 decimals.
MOODLE_GRADES = sorted(
    {p / q for q in range(1, 7) for p in range(q + 1)}
    | {p / 10 for p in range(11)}
    | {1 / q for q in range(1, 11)}
    | {1 / 20}
)


def moodle_grade_steps(item: Item) -> list[str]:
    """Give a pick-all-that-apply item grades Moodle accepts, and say what that changed.

    Equal shares of 1/n are Moodle grades only for n <= 10 and n = 20. For 11..19 right
    options, (20 - n) of them are worth 10% and the rest 5% (the right options' grades
    must add up to 100%); past 20, twenty carry 5% and the rest nothing. A wrong pick
    takes off the Moodle grade nearest to one share.
    """
    right = [a for a in item.answers if a.fraction > 0]
    count = len(right)
    if item.type != "multichoice" or item.single or count <= 10 or count == 20:
        return []
    steps = [0.1] * (20 - count) + [0.05] * (2 * count - 20) if count < 20 else [0.05] * 20 + [0.0] * (count - 20)
    penalty = min((0.1, 0.05), key=lambda grade: abs(grade - 1 / count))
    for answer in item.answers:
        if answer.fraction < 0:
            answer.fraction = -penalty
    for answer, step in zip(right, steps, strict=True):
        answer.fraction = step
    worth = "10% or 5%" if count < 20 else "5% for the first 20 and nothing for the others"
    return [
        f"Moodle takes only set grade steps, not an equal share of 1/{count}: the {count} right options "
        f"are worth {worth} each, and a wrong pick takes off {_percent(penalty)}"
    ]


def _export_true_false(q: Any, item: Item, lost: list[str]) -> None:
    item.type = "truefalse"
    for value in (True, False):
        key = "true" if value else "false"
        item.answers.append(Answer(key, 1.0 if q.answer == value else 0.0, q.feedback.get(key, "")))


def _export_text(q: Any, item: Item, lost: list[str]) -> None:
    item.type = "shortanswer"
    item.answers = [Answer(text, 1.0) for text in q.accept]
    item.answers += [Answer(text, 0.0, note) for text, note in q.feedback.items()]
    if q.typos != 0:
        lost.append("typos are not forgiven there: answers are marked exactly (in any case)")


def _export_number(q: Any, item: Item, lost: list[str]) -> None:
    item.type = "numerical"
    item.answers = [Answer(repr(q.answer), 1.0, "", q.tolerance)]
    if q.near is not None:
        item.answers.append(Answer(repr(q.answer), 0.5, "", q.near))
    item.answers += [Answer(key, 0.0, note, 0.0) for key, note in q.feedback.items()]


def _export_match(q: Any, item: Item, lost: list[str]) -> None:
    item.type = "matching"
    item.answers = [Answer(right, 1.0, left=left) for left, right in q.pairs.items()]
    item.answers += [Answer(extra, 0.0) for extra in q.distractors if extra not in q.pairs.values()]


def _export_order(q: Any, item: Item, lost: list[str]) -> None:
    item.type = "matching"
    item.answers = [Answer(str(place), 1.0, left=text) for place, text in enumerate(q.items, start=1)]
    lost.append("no 'put in order' type: exported as matching each item to its place (1, 2, …)")
    if q.scoring == "subset":
        lost.append("credit for items in the right order relative to each other becomes credit per place")


def _export_date(q: Any, item: Item, lost: list[str]) -> None:
    kind = kind_of(q)
    precision = kind.view(q, ())["precision"]
    key = parse_iso(q.answer)
    if precision == "year" and key is not None:
        item.type = "numerical"
        item.answers = [Answer(str(key.year), 1.0, "", float(q.tolerance))]
        if q.near is not None:
            item.answers.append(Answer(str(key.year), 0.5, "", float(q.near)))
        for text, note in q.feedback.items():
            wanted = parse_iso(text)
            if wanted is not None:
                item.answers.append(Answer(str(wanted.year), 0.0, note))
        lost.append("no date type: exported as a number question (the year)")
        return
    item.type = "shortanswer"
    item.answers = [Answer(q.answer, 1.0), Answer(kind.describe_key(q), 1.0)]
    item.answers += [Answer(text, 0.0, note) for text, note in q.feedback.items()]
    lost.append(f"no date type: exported as a short answer accepting '{q.answer}' or '{kind.describe_key(q)}'")
    if q.tolerance or q.near is not None:
        lost.append("the date's tolerance is lost (a short answer is exact)")


_EXPORTERS = {
    "choice": _export_choice,
    "true_false": _export_true_false,
    "text": _export_text,
    "number": _export_number,
    "match": _export_match,
    "order": _export_order,
    "date": _export_date,
}
