"""Does one question give away another's answer? Its hint, explanation, feedback or options, read for the keys.

A quiz whose match question lists "Boris Yeltsin → President of Russia" while a text
question asks who the first President of Russia was, or whose explanation of one event
names the day another question asks for, tests nothing. ``leaks`` finds every place
where the quiz's title, or what a student is shown of one question (its ask; before or
after answering, its hint, explanation, feedback and options), writes the answer of
another question of the same quiz; and every place where a question's own ask or hint,
read before answering, writes its own answer. Answers are found the way the draft review
finds them in a passage (``classroom.ingest.review.answer_spans``: whole words in any
case; dates in any written form, at the key's precision or finer).

Only answers a text can write are looked for (the kinds whose ``Sought.expected`` is
true: dates, written answers, multiple choice); a true-or-false verdict, an order or a
number on its own says nothing when it appears in another question's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from classroom.content.models import Question, Quiz
from classroom.ingest.review import answer_spans
from classroom.kinds import kind_of


@dataclass(frozen=True)
class Leak:
    """``where`` (a field of question ``shown_in``, or the quiz's title) writes ``words``, the answer to ``answers``."""

    quiz: str
    shown_in: str
    where: str
    answers: str
    words: str

    def __str__(self) -> str:
        place = f"{self.shown_in}.{self.where}" if self.shown_in else self.where
        return f"{self.quiz}: {place} writes '{self.words}', the answer to {self.answers}"


def shown_texts(question: Question) -> list[tuple[str, str]]:
    """(field, text) of everything a student sees of ``question`` besides its ask: hint, explanation,
    feedback, and the options, items or matches offered."""
    texts = [("hint", question.hint), ("explain", question.explain)]
    texts += [(f"feedback[{key}]", text) for key, text in question.feedback.items()]
    for name in ("options", "items", "distractors"):
        texts += [(f"{name}[{i}]", value) for i, value in enumerate(getattr(question, name, None) or [])]
    pairs = getattr(question, "pairs", None) or {}
    texts += [(f"pairs[{left}]", f"{left} → {right}") for left, right in pairs.items()]
    return [(field, text) for field, text in texts if text]


def before_answering(question: Question) -> list[tuple[str, str]]:
    """(field, text) of what a student reads of ``question`` before answering it, its options aside
    (a choice question must offer its own answer)."""
    return [(field, text) for field, text in (("ask", question.ask), ("hint", question.hint)) if text]


def leaks(quiz: Quiz) -> list[Leak]:
    """Every place one question of ``quiz`` writes the answer of another, or its own before it is answered."""
    found = []
    for answered in quiz.questions:
        if not kind_of(answered).sought(answered).expected:
            continue
        for start, end in answer_spans(answered, quiz.title):  # on screen above every question
            found.append(Leak(quiz.id, "", "title", answered.id, quiz.title[start:end]))
        for other in quiz.questions:
            texts = before_answering(other) if other is answered else [("ask", other.ask), *shown_texts(other)]
            for field, text in texts:
                for start, end in answer_spans(answered, text):
                    found.append(Leak(quiz.id, other.id, field, answered.id, text[start:end]))
    return found
