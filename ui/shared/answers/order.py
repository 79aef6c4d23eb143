"""Put in order: Move up and Move down buttons (keyboard and clicks, no dragging needed)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from classroom.kinds import QuestionView
from classroom.kinds.order import OrderQuestion
from ui.shared.answers.base import Data, Slots, Widget, lines
from ui.shared.safe import escape


def _move(key: str, index: int, step: int) -> None:
    current = st.session_state[key]
    current[index], current[index + step] = current[index + step], current[index]


class OrderWidget(Widget[OrderQuestion]):
    in_form = False  # every move reruns the page to show the new order

    def answer(self, view: QuestionView, key: str, disabled: bool = False) -> None:
        current: list[str] = list(view.options) if disabled else st.session_state.setdefault(key, list(view.options))
        st.markdown("**Put the items in order, earliest first.** Use the Move up and Move down buttons.")
        for index, item in enumerate(current):
            text, up, down = st.columns([4, 2, 2], vertical_alignment="center")
            text.markdown(f"{index + 1}. {escape(item)}")
            # The label names the position shown beside the item, so a screen reader can tell the buttons apart.
            up.button(
                f"Move {index + 1} up",
                key=f"{key}:up:{index}",
                disabled=disabled or index == 0,
                icon=":material/arrow_upward:",
                on_click=_move,
                args=(key, index, -1),
            )
            down.button(
                f"Move {index + 1} down",
                key=f"{key}:down:{index}",
                disabled=disabled or index == len(current) - 1,
                icon=":material/arrow_downward:",
                on_click=_move,
                args=(key, index, 1),
            )

    def read(self, view: QuestionView, key: str) -> Any:
        return list(st.session_state.get(key, view.options))

    def editor(self, question: OrderQuestion, key: str, name: str) -> tuple[Data, Slots]:
        typed = st.text_area(
            f"{name}: items in the right order, earliest first, one per line",
            value="\n".join(question.items),
            key=f"{key}:items",
            persist_state="session",
        )
        return {"items": lines(typed)}, {"items": st.empty()}


WIDGET = OrderWidget()
