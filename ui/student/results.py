"""Result: score, pass or not, score by topic, every question reviewed, and a retry of the misses."""

from __future__ import annotations

import logging

import streamlit as st

from charts.scores import topic_spec
from ui import pages
from ui.shared import state
from ui.shared.course import course
from ui.shared.questions import pts, question_review
from ui.shared.safe import friendly_content_problem, markdown_table, note

log = logging.getLogger("classroom")


GO_TO_QUIZ = "results:go-to-quiz"  # where an "again" button's callback sends the next run: the new attempt


def main() -> None:
    going = st.session_state.pop(GO_TO_QUIZ, None)
    if going:  # straight on to the new attempt, without drawing this page once more first
        st.switch_page(pages.target(pages.QUIZ), query_params=going)
    quiz_id = st.query_params.get("quiz")
    quiz = course().quizzes.get(quiz_id or "")
    st.title("Your result")
    if quiz is None:
        if quiz_id:
            friendly_content_problem("result")
        else:
            st.info("Finish a quiz to see your result here.")
        pages.link(pages.QUIZ, label="Choose a quiz", icon=":material/quiz:")
        return
    found = state.attempt(quiz)
    attempt = found[1] if found else None
    if attempt is None or not attempt.finished:
        st.info("This quiz is not finished yet.")
        pages.link(pages.QUIZ, label="Back to the quiz", icon=":material/quiz:", query_params={"quiz": quiz.id})
        return
    score = state.finish(quiz, found[0], attempt)  # idempotent: makes sure the store has the total

    st.header(quiz.title, anchor=False)
    if attempt.plan.retry:
        practice_result(quiz, attempt)
        question_review(quiz, attempt)
        _again(quiz, attempt)
        return
    verdict = "Passed" if score.passed else "Not passed yet"
    icon = ":material/check_circle:" if score.passed else ":material/replay:"
    cols = st.columns(3)
    cols[0].metric("Score", f"{pts(score.score)} / {pts(score.max)}")
    cols[1].metric("Percent", f"{score.percent:g}%")
    cols[2].metric("Pass mark", f"{quiz.pass_mark}%")
    (st.success if score.passed else st.warning)(f"**{verdict}**", icon=icon)

    st.header("Score by topic", anchor=False)
    rows = [
        {
            "Topic": topic,
            "Score": f"{pts(totals['score'])} / {pts(totals['max'])}",
            "Percent": f"{100 * totals['score'] / totals['max']:.0f}%",
        }
        for topic, totals in score.by_topic.items()
    ]
    st.vega_lite_chart(topic_spec(score.by_topic, title=""), width="stretch", theme=None)  # the header titles it
    with st.expander("Score by topic as a table"):
        markdown_table(rows)  # not st.table: its pandas/Arrow conversion cost more than the rest of the page

    question_review(quiz, attempt)
    _again(quiz, attempt)


def practice_result(quiz, attempt) -> None:
    """A round of missed questions is practice: how many came right now, and the real best score."""
    right = sum(graded.verdict == "correct" for graded in attempt.graded.values())
    asked = len(attempt.plan.question_ids)
    st.info(
        f"**Practice: {right} of {asked} right.** A practice round does not change your score.",
        icon=":material/fitness_center:",
    )
    best = state.best_percent(quiz.id)
    if best is not None:
        passed = "passed" if best >= quiz.pass_mark else "not passed yet"
        note(f"Your best score in this quiz is still {best:g}% ({passed}; the pass mark is {quiz.pass_mark}%).")


def _again(quiz, attempt) -> None:
    missed = attempt.missed()
    if st.session_state.pop("again_failed", False):
        st.error("A new attempt could not be started. Check the connection and try again.", icon=":material/error:")
    # One row that wraps on a phone: one block, where two columns sent three on every result page.
    with st.container(horizontal=True, gap="small"):
        if missed:
            st.button(
                f"Retry the {len(missed)} I missed",
                type="primary",
                icon=":material/replay:",
                on_click=_start_again,
                args=(quiz, missed),
            )
        st.button("Take the whole quiz again", icon=":material/restart_alt:", on_click=_start_again, args=(quiz, None))
    pages.link(pages.HOME, label="Back to the course", icon=":material/home:")


def _start_again(quiz, only: list[str] | None) -> None:
    """A callback: the attempt is saved before the next run, which then goes straight to the quiz."""
    try:
        attempt_id, _ = state.start_attempt(quiz, only=only)
    except Exception:  # the store is unreachable: say so here, never a traceback
        log.exception("could not start quiz %s again", quiz.id)
        st.session_state["again_failed"] = True
        return
    st.session_state[GO_TO_QUIZ] = {"quiz": quiz.id, "attempt": attempt_id}


main()
