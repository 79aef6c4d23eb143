"""What every kind's widget provides: the student's input, reading it back, and the teacher's editor.

One file per kind in this folder, registered in ``__init__.py`` beside the engine's
``classroom.kinds.KINDS``. Inputs receive a ``QuestionView`` only: the key of an
unanswered question never reaches the browser. ``disabled`` draws the same input
switched off, for the teacher's preview.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

import streamlit as st

from classroom.kinds import QuestionBase, QuestionView

Q = TypeVar("Q", bound=QuestionBase)
Data = dict[str, Any]  # the edited fields of a question, by name
Slots = dict[str, Any]  # a place under each field for its error messages (st.empty)


class Widget(Generic[Q]):
    in_form: ClassVar[bool] = True  # False: the input reruns the page itself, so it cannot sit in a form

    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        """Draw the input under widget ``key``."""
        raise NotImplementedError

    def read(self, view: QuestionView, key: str) -> Any:
        """The response as the inputs hold it (read in a callback, before the screen is drawn again)."""
        return st.session_state.get(key)

    def editor(self, question: Q, key: str, name: str) -> tuple[Data, Slots]:
        """Inputs for the question's key in the draft review: the edited values and a slot per field."""
        st.markdown(f"**{name}: the answer** (edit it in the file)")
        return {}, {}


def lines(text: str) -> list[str]:
    """The non-empty lines of a text box, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]
