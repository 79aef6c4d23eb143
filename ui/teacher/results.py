"""Results for one class and one quiz: the dashboard, the item analysis and the CSV export.

The three tabs share one choice of class and quiz (same widget keys; only one
tab runs at a time). Numbers come from ``classroom.results.analysis``; this module
only picks the rows, formats them and draws them.

Retries of the missed questions are listed with the attempts but left out of
the scores, charts and item analysis: they ask only the questions a student got
wrong, so their percent is not a score on the quiz, and counting a second try
at the same question would make it look easier than it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from charts.dashboard import progress_chart, score_histogram
from charts.scores import topic_chart
from classroom.content.models import Quiz
from classroom.results import analysis, times
from classroom.results.export import attempts_csv, responses_csv
from classroom.results.store import ClassRoom
from classroom.text import slug
from ui.shared.course import course
from ui.shared.db import store
from ui.shared.safe import escape, note
from ui.teacher.classes import NAME_LIMIT, today

CLASS_KEY = "teacher:class"
QUIZ_KEY = "teacher:quiz"
EVERY_CLASS = "all"
FLAG_WORDS = {flag: f"⚠ {flag}" for flag in (analysis.FLAG_TOO_EASY, analysis.FLAG_TOO_HARD, analysis.FLAG_NEGATIVE)}


@dataclass(frozen=True)
class Selection:
    """The class (None: every attempt, with or without a class) and quiz chosen, and their rows."""

    room: ClassRoom | None
    quiz_id: str
    quiz: Quiz | None
    attempts: list[dict[str, Any]]
    responses: list[dict[str, Any]]

    @property
    def retries(self) -> set[str]:
        return {row["attempt_id"] for row in self.attempts if row["retry"]}

    @property
    def scored(self) -> list[dict[str, Any]]:
        """Attempts at the whole quiz (retries of the missed questions left out)."""
        return [row for row in self.attempts if not row["retry"]]

    @property
    def scored_responses(self) -> list[dict[str, Any]]:
        retries = self.retries
        return [row for row in self.responses if row["attempt_id"] not in retries]

    @property
    def pass_mark(self) -> float | None:
        return self.quiz.pass_mark if self.quiz else None

    @property
    def title(self) -> str:
        return self.quiz.title if self.quiz else self.quiz_id

    def empty_message(self) -> str:
        if self.room is None:
            return f"No attempts at “{self.title}” yet."
        return (
            f"No attempts at “{self.title}” in {escape(self.room.name)} yet: share the join code "
            f"**{self.room.join_code}** with the class. Students join on the home page; their answers show up "
            "here as soon as they submit them."
        )


def local_zone() -> dt.tzinfo:
    """The school's time zone (CLASSROOM_TIMEZONE; the server's own by default)."""
    return times.school_zone()[0]


def when(moment: dt.datetime | None) -> str:
    return moment.astimezone(local_zone()).strftime("%Y-%m-%d %H:%M") if moment else ""


def pts(value: float | None) -> str:
    return "" if value is None else f"{round(value, 2):g}"


def percent(fraction_or_percent: float | None, scale: float = 1.0) -> str:
    return "—" if fraction_or_percent is None else f"{fraction_or_percent * scale:.0f}%"


# ---------------------------------------------------------------- the shared choice


def _latest(rows: list[dict[str, Any]], field: str, among: Iterable[Any]) -> Any:
    """The value of ``field`` in the attempt started last (rows come oldest first) that is one of ``among``."""
    allowed = set(among)
    return next((row[field] for row in reversed(rows) if row[field] in allowed), None)


def _new_class_chosen() -> None:
    st.session_state.pop(QUIZ_KEY, None)  # the quiz is chosen afresh: the one this class took last


def pick() -> Selection | None:
    """Class and quiz selectboxes; None (after saying what to do) when there is nothing to choose.

    The first time, they open on the class and the quiz of the latest attempt, so the
    teacher lands on what was just taken; changing the class does the same for the quiz.
    """
    the_store = store()
    rooms = {room.id: room for room in the_store.classes()}
    class_options = [*rooms, EVERY_CLASS]
    if st.session_state.get(CLASS_KEY) not in class_options:
        latest = _latest(the_store.attempt_rows(), "class_id", rooms)
        st.session_state[CLASS_KEY] = latest if latest is not None else class_options[0]
    left, right = st.columns(2)
    class_choice = left.selectbox(
        "Class",
        class_options,
        format_func=lambda c: (
            "Every attempt (all classes, and students without one)"
            if c == EVERY_CLASS
            else f"{rooms[c].name} ({rooms[c].join_code})"
        ),
        key=CLASS_KEY,
        on_change=_new_class_chosen,
    )
    room = rooms.get(class_choice)
    class_rows = the_store.attempt_rows(class_id=room.id if room else None)
    quizzes = course().quizzes
    stored_only = sorted({row["quiz_id"] for row in class_rows} - set(quizzes))
    options = [*sorted(quizzes, key=lambda q: quizzes[q].title.casefold()), *stored_only]
    if not options:
        st.info("There are no quizzes yet. Add one in the Content tab.")
        return None
    if st.session_state.get(QUIZ_KEY) not in options:
        latest = _latest(class_rows, "quiz_id", options)
        st.session_state[QUIZ_KEY] = latest if latest is not None else options[0]
    quiz_id = right.selectbox(
        "Quiz",
        options,
        format_func=lambda q: quizzes[q].title if q in quizzes else f"{q} (not in the course right now)",
        key=QUIZ_KEY,
    )
    attempts = [row for row in class_rows if row["quiz_id"] == quiz_id]
    responses = the_store.response_rows(class_id=room.id if room else None, quiz_id=quiz_id) if attempts else []
    return Selection(room, quiz_id, quizzes.get(quiz_id), attempts, responses)


# ---------------------------------------------------------------- dashboard


def attempt_table(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Who took what: one line per attempt, by student (anonymous last), each student's oldest first; names escaped."""
    table = []
    by_student = sorted(rows, key=lambda row: (row["student_id"] is None, row["student"].casefold()))  # stable
    for row in by_student:
        finished = row["finished_at"] is not None
        if row["retry"]:
            passed = "retry of missed questions"
        elif not finished:
            passed = "in progress"
        else:
            passed = "yes" if row["passed"] else "no"
        table.append(
            {
                "Student": escape(row["student"]),
                "Started": when(row["started_at"]),
                "Finished": when(row["finished_at"]) if finished else "not yet",
                "Score": f"{pts(row['score'])} / {pts(row['max'])}" if finished else "",
                "Percent": percent(row["percent"]) if finished else "",
                "Passed": passed,
            }
        )
    return table


def metrics(selection: Selection) -> analysis.QuizSummary:
    summary = analysis.quiz_summary(selection.scored)
    cols = st.columns(4)
    cols[0].metric("Pass rate", percent(summary.pass_rate, 100), help="Finished attempts that reached the pass mark")
    cols[1].metric("Mean score", percent(summary.mean_percent), help="Average percent of the finished attempts")
    cols[2].metric("Finished", f"{summary.finished} of {summary.attempts}", help="Finished attempts of all started")
    cols[3].metric("Students", summary.students, help="Students who started this quiz (not counting anonymous ones)")
    if summary.anonymous:
        plural = "s" if summary.anonymous != 1 else ""
        note(
            f"Also {summary.anonymous} anonymous attempt{plural} (a kiosk, or a student without a class): "
            "shown as “(anonymous)”, they can't be told apart."
        )
    return summary


def distribution(selection: Selection) -> None:
    st.header("Score distribution", anchor=False)
    bins = analysis.score_distribution(selection.scored)
    st.altair_chart(score_histogram(bins, selection.pass_mark, title=""), width="stretch", theme=None)
    with st.expander("Score distribution as a table"):
        st.table(
            [{"Score band": b.label, "Finished attempts": b.count} for b in bins],
            alt="Number of finished attempts in each score band",
        )


def by_topic(selection: Selection) -> None:
    st.header("Score by topic", anchor=False)
    topics = analysis.topic_scores(selection.scored_responses)
    if not topics:
        note("No answers yet.")
        return
    by_topic = {t.topic: {"score": t.points, "max": t.max} for t in topics}
    st.altair_chart(topic_chart(by_topic, title=""), width="stretch", theme=None)  # the subheader is the title
    with st.expander("Score by topic as a table"):
        st.table(
            [
                {
                    "Topic": t.topic.capitalize(),
                    "Points": f"{pts(t.points)} / {pts(t.max)}",
                    "Score": percent(t.percent),
                }
                for t in topics
            ],
            alt="Points earned and percent per topic, over every answer given",
        )


def progress(selection: Selection) -> None:
    st.header("Progress over time", anchor=False)
    days = analysis.progress_over_time(selection.scored, tz=local_zone())
    st.altair_chart(progress_chart(days, selection.pass_mark, title=""), width="stretch", theme=None)
    with st.expander("Progress over time as a table"):
        st.table(
            [{"Day": d.day, "Finished attempts": d.attempts, "Mean score": percent(d.mean_percent)} for d in days],
            alt="Mean score of the attempts finished each day",
        )


def dashboard_tab() -> None:
    selection = pick()
    if selection is None:
        return
    if not selection.attempts:
        st.info(selection.empty_message(), icon=":material/hourglass_empty:")
        return
    summary = metrics(selection)
    st.header("Who took what", anchor=False)
    st.table(attempt_table(selection.attempts), alt="Every attempt at this quiz: student, times, score and result")
    note(f"Times in {times.school_zone()[1]}.")
    if not summary.finished:
        st.info("Nobody has finished this quiz yet: scores and charts appear with the first finished attempt.")
        return
    distribution(selection)
    by_topic(selection)
    progress(selection)


# ---------------------------------------------------------------- item analysis


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}".replace("-", "−")


def item_table(selection: Selection) -> list[dict[str, Any]]:
    """One line per question, in the quiz's order; student answers escaped."""
    order = [q.id for q in selection.quiz.questions] if selection.quiz else None
    rows = []
    for item in analysis.item_analysis(selection.scored_responses, order=order):
        question = selection.quiz.question(item.question_id) if selection.quiz else None
        wrong = " · ".join(f"{escape(w.text)} ×{w.count}" for w in item.wrong_answers)
        if item.n < analysis.MIN_RESPONSES_FOR_FLAGS:
            flags = f"(fewer than {analysis.MIN_RESPONSES_FOR_FLAGS} answers)"
        else:
            flags = ", ".join(FLAG_WORDS.get(flag, f"⚠ {flag}") for flag in item.flags) or "✓ none"
        rows.append(
            {
                "Question": item.question_id,
                "Text": question.ask if question else "(no longer in the quiz)",
                "Answers": item.n,
                "Facility": "—" if item.facility is None else f"{item.facility:.2f}",
                "Discrimination": _signed(item.discrimination),
                "Common wrong answers": wrong or "—",
                "Flags": flags,
            }
        )
    return rows


def items_tab() -> None:
    selection = pick()
    if selection is None:
        return
    title, help_ = st.columns([4, 2], vertical_alignment="bottom")
    title.header("Item analysis", anchor=False)
    with help_.popover("How these are worked out", icon=":material/help:"):
        st.markdown(analysis.FORMULAS)
    if not selection.scored_responses:
        st.info(selection.empty_message(), icon=":material/hourglass_empty:")
        return
    rows = item_table(selection)
    flagged = sum(1 for row in rows if row["Flags"].startswith("⚠"))
    if flagged:
        st.warning(
            f"{flagged} question{'s are' if flagged != 1 else ' is'} flagged: look at the Flags column.",
            icon=":material/flag:",
        )
    st.table(rows, alt="Per question: answers, facility, discrimination, common wrong answers and flags")
    note(
        "Facility: mean mark ÷ full mark (1 = everyone right). Discrimination: correlation with the rest of the "
        "test (below 0: check the key). Retries of missed questions are not counted."
    )


# ---------------------------------------------------------------- export


def file_stem(selection: Selection) -> str:
    where = slug(selection.room.name, NAME_LIMIT, "class") if selection.room else "all-classes"
    return f"{where}-{selection.quiz_id}-{today()}"


def _rows(count: int) -> str:
    return f"{count} row{'s' if count != 1 else ''}"


def export_tab() -> None:
    selection = pick()
    if selection is None:
        return
    st.header("Download the results", anchor=False)
    st.markdown(
        "CSV files for Excel or LibreOffice: UTF-8, times in UTC (ISO 8601), and any cell a spreadsheet could "
        "run as a formula made plain text."
    )
    stem = file_stem(selection)
    attempts, answers = st.columns(2)
    attempts.download_button(
        f"Attempts ({_rows(len(selection.attempts))})",
        data=attempts_csv(selection.attempts),
        file_name=f"attempts-{stem}.csv",
        mime="text/csv",
        icon=":material/download:",
        key="teacher:attempts-csv",
        help="One row per attempt: student, times, score, percent, passed",
        on_click="ignore",
    )
    answers.download_button(
        f"Answers per question ({_rows(len(selection.responses))})",
        data=responses_csv(selection.responses),
        file_name=f"responses-{stem}.csv",
        mime="text/csv",
        icon=":material/download:",
        key="teacher:responses-csv",
        help="One row per student per question: the answer, verdict, points and feedback",
        on_click="ignore",
    )
    if not selection.attempts:
        note(selection.empty_message())
    else:
        note("Retries of missed questions are included; the dashboard leaves them out of the scores.")
