"""A bare reference app: the quiz flow's pages and widgets with none of the app's work.

Same navigation (six pages), the same start button, one fragment per question
holding the same widgets as tests/testdata/course/quizzes/every-kind.yaml, the same
buttons and result page. No content files, no grading, no results store: what
Streamlit itself costs per interaction, the floor the real app is compared with.
"""

from __future__ import annotations

import streamlit as st

# (kind, label or options) per question, as the real app draws every-kind.yaml.
QUESTIONS = [
    ("text", "Your answer (a date)"),
    ("text", "Your answer"),
    ("radio", ["10", "12", "14"]),
    ("checkboxes", ["Poland", "Hungary", "Croatia", "Czech Republic"]),
    ("radio", ["True", "False"]),
    ("order", ["Treaty signed", "Solana takes office", "Three countries join"]),
    ("match", ["Javier Solana", "Boris Yeltsin"]),
    ("number", "Your answer (a number)"),
]
MATCHES = ["NATO Secretary General", "President of Russia", "Prime Minister of Russia"]


def _answered() -> None:
    st.session_state.answered = True


def _next() -> None:
    st.session_state.index += 1
    st.session_state.answered = False


def _inputs(index: int) -> None:
    kind, spec = QUESTIONS[index]
    key = f"q{index}"
    if kind == "text":
        st.text_input(spec, key=key)
    elif kind == "radio":
        st.radio("Pick one answer", spec, index=None, key=key)
    elif kind == "checkboxes":
        for number, option in enumerate(spec):
            st.checkbox(option, key=f"{key}:{number}")
    elif kind == "match":
        for number, prompt in enumerate(spec):
            st.selectbox(prompt, MATCHES, index=None, key=f"{key}:{number}")
    elif kind == "number":
        st.number_input(spec, value=None, step=1.0, key=key)


@st.fragment
def question() -> None:
    index = st.session_state.index
    st.progress(index / len(QUESTIONS), text=f"Question {index + 1} of {len(QUESTIONS)}")
    st.header(f"Question {index + 1}", anchor=False)
    if st.session_state.answered:
        st.success("**Correct** — 1 of 1 point")
        if index + 1 == len(QUESTIONS):
            st.page_link(results_page, label="See my result", query_params={"quiz": "every-kind"})
        else:
            st.button("Next question", type="primary", on_click=_next)
        return
    kind, spec = QUESTIONS[index]
    if kind == "order":
        for number, item in enumerate(spec):
            text, up, down = st.columns([4, 2, 2])
            text.markdown(f"{number + 1}. {item}")
            up.button(f"Move {number + 1} up", key=f"up{number}", disabled=number == 0)
            down.button(f"Move {number + 1} down", key=f"down{number}", disabled=number == len(spec) - 1)
        st.button("Submit answer", type="primary", on_click=_answered)
        return
    with st.form(f"form{index}", border=False):
        _inputs(index)
        st.form_submit_button("Submit answer", type="primary", on_click=_answered)


def _resume(token: str) -> None:
    """The benchmark's resume token "bare-<answered>": the real app resumes a stored attempt."""
    answered = int(token.removeprefix("bare-"))
    index = min(answered, len(QUESTIONS) - 1)
    st.session_state.update(started=True, index=index, answered=answered == len(QUESTIONS))


def quiz() -> None:
    st.title("One question of every kind")
    token = st.query_params.get("attempt", "")
    if "started" not in st.session_state and token.startswith("bare-"):
        _resume(token)
    if not st.session_state.get("started"):
        st.markdown(f"**{len(QUESTIONS)} questions**. You pass with **50%**.")
        if st.button("Start the quiz", type="primary"):
            st.session_state.update(started=True, index=0, answered=False)
            st.query_params["attempt"] = "bare"
            st.rerun()
        return
    question()


def results() -> None:
    st.title("Your result")
    cols = st.columns(3)
    cols[0].metric("Score", f"{len(QUESTIONS)} / {len(QUESTIONS)}")
    cols[1].metric("Percent", "100%")
    cols[2].metric("Pass mark", "50%")
    if st.button("Take the whole quiz again"):
        st.session_state.update(started=True, index=0, answered=False)
        st.switch_page(quiz_page, query_params={"quiz": "every-kind", "attempt": "bare"})


def placeholder() -> None:
    st.title("Not part of the benchmark")


quiz_page = st.Page(quiz, title="Quizzes", url_path="quiz")
results_page = st.Page(results, title="Results", url_path="results")
page = st.navigation(
    [
        st.Page(placeholder, title="Home", default=True),
        st.Page(placeholder, title="Lessons", url_path="lesson"),
        st.Page(placeholder, title="Timeline", url_path="timeline"),
        quiz_page,
        results_page,
        st.Page(placeholder, title="Teacher", url_path="teacher"),
    ]
)
page.run()
