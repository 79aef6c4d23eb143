"""The page's CSS goes out minified on every full run: smaller, and every rule still there."""

from __future__ import annotations

import re

from ui.shared import style


def test_minified_drops_comments_and_spare_spaces_but_never_changes_a_quoted_value() -> None:
    css = """
    /* a comment that
       spans lines */
    .a  .b > p ,  .c { color : red ;  margin: 0 1px; }
    [aria-label="Move 1, up"] a { border: 1px solid rgba(1, 2, 3, 0.5); }
    """
    assert style.minified(css) == (
        '.a .b > p , .c { color : red ; margin: 0 1px; } [aria-label="Move 1, up"] a '
        "{ border: 1px solid rgba(1, 2, 3, 0.5); }"
    )


def test_every_rule_of_the_source_is_sent() -> None:
    without_comments = re.sub(r"/\*.*?\*/", "", style.CSS, flags=re.DOTALL)
    sent = style.STYLE.removeprefix("<style>").removesuffix("</style>")
    assert "/*" not in sent and "\n" not in sent
    assert sent.count("{") == without_comments.count("{") == sent.count("}")
    for declaration in ("padding-top: 3.75rem", "clip-path: inset(50%)", "color: #fff !important"):
        assert declaration in sent
    assert ".st-key-quiz-head h1 {" in sent  # a descendant selector keeps its one space
    assert len(style.STYLE) < 0.7 * len(style.CSS)
