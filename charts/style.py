"""One look for every chart: dark text on a white card, in the light and the dark theme alike.

No single text colour reaches WCAG's 4.5:1 contrast on both Streamlit's white and
its near-black background, and the app cannot reliably know the theme on a
session's first run. So each chart carries its own white background and dark
text, and screens show it with ``theme=None`` so Streamlit does not restyle it.
"""

from __future__ import annotations

from typing import TypeVar

import altair as alt

INK = "#31333F"  # Streamlit's own text colour: 12.6:1 on white
PAPER = "#FFFFFF"

ChartT = TypeVar("ChartT", alt.Chart, alt.LayerChart)


def on_paper(chart: ChartT) -> ChartT:
    """Apply the shared background, fonts and text colours to a top-level chart."""
    return (
        chart.configure(background=PAPER, padding=8, font="sans-serif")
        .configure_axis(labelColor=INK, titleColor=INK, domainColor=INK, tickColor=INK, gridColor="#E6E6E6")
        .configure_title(color=INK, fontSize=15, anchor="start")
        .configure_legend(labelColor=INK, titleColor=INK)
        .configure_text(color=INK)
        .configure_view(stroke=None)
    )
