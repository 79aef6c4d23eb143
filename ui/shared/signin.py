"""The student's sign-in: a personal code (typed, or filled in from a card's QR code), or joining a class.

Shown on the home page, on "My work", and atop any page whose session has just lapsed, so a
student who was signed out signs in again without losing the page they were on.
"""

from __future__ import annotations

import logging

import streamlit as st

from classroom.people import signin
from classroom.people.codes import looks_like_code
from ui.shared import identity, state
from ui.shared.db import store
from ui.shared.safe import escape, note

log = logging.getLogger("classroom")

STUDENT = identity.sessions.STUDENT
NEW_CODE = "identity:new-code"  # session state: the code a student who just joined must write down
CODE_PARAMETER = "code"  # a card's QR code opens /?code=K7M2-QP4X


def _client() -> str | None:
    return st.context.ip_address


def _try(action, *args) -> signin.SignIn:
    try:
        return action(store(), *args, _client())
    except Exception:  # the database is down or read-only: say so, claim nothing
        log.exception("sign-in failed")
        return signin.SignIn(
            False,
            "The classroom's database is not answering, so nobody can sign in just now. "
            "You can still read and practise; tell your teacher.",
        )


def _signed_in(result: signin.SignIn) -> None:
    identity.signed_in(result, STUDENT)
    if result.new_code:
        st.session_state[NEW_CODE] = result.new_code
    st.query_params.pop(CODE_PARAMETER, None)
    st.rerun()


def new_code_notice() -> None:
    """Right after joining: the student's personal code, until they say they have written it down."""
    code = st.session_state.get(NEW_CODE)
    if not code:
        return
    with st.container(border=True):
        st.success("You joined your class. Your personal sign-in code is:", icon=":material/key:")
        st.subheader(code, anchor=False)
        note("Write it down or take a photo of it. On another device, or if you are signed out, sign in with it.")
        if st.button("I have written it down", key="identity:code-kept"):
            st.session_state.pop(NEW_CODE, None)
            st.rerun()


def signed_in_bar() -> bool:
    """'Signed in as ...' with a sign-out button; False when nobody is signed in."""
    me = state.student()
    if me is None:
        return False
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.markdown(f":material/person: Signed in as **{escape(me.display_name)}**. Your work is saved.")
    if right.button("Sign out", icon=":material/logout:", help="Sign out on this device", key="identity:sign-out"):
        identity.sign_out(STUDENT)
        state.forget_student()
        st.rerun()
    return True


def panel(expanded: bool = False) -> None:
    """Signed in: who. Otherwise the sign-in (code) and the join (class code + name) forms."""
    new_code_notice()
    if signed_in_bar():
        return
    if identity.unreachable(STUDENT):
        st.error(
            "The classroom's database is not answering: you are not signed in, and answers are not being "
            "saved. Tell your teacher.",
            icon=":material/cloud_off:",
        )
    prefilled = st.query_params.get(CODE_PARAMETER, "")
    lapsed = identity.lapsed(STUDENT)
    if lapsed:
        st.info(
            "You were signed out, or your sign-in expired. Sign in again to keep your work.", icon=":material/lock:"
        )
    with st.expander(
        "Sign in to keep your work", icon=":material/login:", expanded=expanded or lapsed or bool(prefilled)
    ):
        note("Without signing in, what you do is kept in this browser tab only.")
        with st.form("identity:code", border=False):
            code = st.text_input(
                "Your sign-in code",
                value=prefilled if looks_like_code(prefilled) else "",
                max_chars=20,
                placeholder="e.g. K7M2-QP4X",
                help="The code on the card your teacher gave you (or the one you got when you joined).",
            )
            if st.form_submit_button("Sign in", type="primary", icon=":material/login:"):
                result = _try(signin.student_code, code)
                if result.ok:
                    _signed_in(result)
                (st.warning if result.wait_seconds else st.error)(result.message, icon=":material/error:")
        st.markdown("**First time, with no code yet?** Join your class with the code on the board.")
        with st.form("identity:join", border=False):
            class_code = st.text_input("Class code", max_chars=12, placeholder="e.g. K7M2QP")
            name = st.text_input("Your name", max_chars=100, help="Your name as your teacher knows it.")
            if st.form_submit_button("Join the class", icon=":material/group_add:"):
                result = _try(signin.join_class, class_code, name)
                if result.ok:
                    _signed_in(result)
                (st.warning if result.wait_seconds else st.error)(result.message, icon=":material/error:")


def when_lapsed() -> None:
    """On any page but home: if this browser's sign-in just ended, offer it again here (the page stays)."""
    if state.student() is None and identity.lapsed(STUDENT):
        panel(expanded=True)
