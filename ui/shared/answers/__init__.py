"""Each question kind's widget: the student's input, the teacher's preview of it, and its review editor.

Keyed like the engine's registry (``classroom.kinds.KINDS``); ``tests/test_kinds.py``
checks that every kind the engine knows has a widget here.
"""

from __future__ import annotations

from typing import Any

from ui.shared.answers import choice, date, match, number, order, text, true_false
from ui.shared.answers.base import Widget

WIDGETS: dict[str, Widget[Any]] = {
    "date": date.WIDGET,
    "text": text.WIDGET,
    "choice": choice.WIDGET,
    "true_false": true_false.WIDGET,
    "order": order.WIDGET,
    "match": match.WIDGET,
    "number": number.WIDGET,
}
