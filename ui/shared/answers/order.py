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
        st.markdown("**Put the items in order, earliest first.** Use the arrow buttons to move an item.")
        # One compact row per item, even on a phone: the text, then two icon buttons (their words are
        # kept for screen readers and hidden on screen by the CSS in ui/shared/style.py).
        with st.container(key=f"order-{key}", gap="xsmall"):
            for index, item in enumerate(current):
                with st.container(horizontal=True, vertical_alignment="center", gap="xsmall", wrap=False):
                    st.markdown(f"{index + 1}. {escape(item)}", width="stretch")
                    # The label names the position shown beside the item, so a screen reader can tell them apart.
                    st.button(
                        f"Move {index + 1} up",
                        key=f"{key}:up:{index}",
                        disabled=disabled or index == 0,
                        icon=":material/arrow_upward:",
                        on_click=_move,
                        args=(key, index, -1),
                    )
                    st.button(
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
