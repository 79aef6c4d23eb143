"""The door of the teacher's room: OIDC sign-in, else the teacher password, else how to set one up.

``gate()`` draws whichever sign-in applies and says whether the room may be shown. Nothing of
the room is drawn, and no result is read, until it says yes.

A right password opens a teacher session in the database (``classroom/people/sessions.py``),
remembered by a cookie: a reload, a new tab or a restarted server keeps the teacher signed in
for the school day. Guessing is slowed by the database throttle (``classroom/people/signin.py``:
counted before the password is checked, per address and for everyone, shared by every server
process and kept across restarts); nothing a browser can send clears it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAuthError

from classroom import auth
from classroom.people import sessions, signin
from ui.shared import identity
from ui.shared.db import store
from ui.shared.safe import escape, note

log = logging.getLogger("classroom")

TEACHER = sessions.TEACHER
TEACHER_LIST = ("teachers", "emails")  # optional [teachers] emails = [...] in secrets.toml

OIDC_EXAMPLE = """\
[auth]
redirect_uri = "https://classroom.example.org/oauth2callback"
cookie_secret = "a long random string"
client_id = "..."
client_secret = "..."
server_metadata_url = "https://accounts.google.com/.well-known/openid-configuration"

[teachers]   # optional: only these accounts may open the teacher's room
emails = ["teacher@example.org"]
"""


def allowed_teachers(secrets_: Mapping[str, Any]) -> set[str] | None:
    """E-mails listed under ``[teachers] emails`` (lower case), or None when no list is configured."""
    try:
        section = secrets_.get(TEACHER_LIST[0])
    except FileNotFoundError:
        return None
    if not isinstance(section, Mapping):
        return None
    emails = section.get(TEACHER_LIST[1])
    if isinstance(emails, str):
        emails = [emails]
    if not isinstance(emails, (list, tuple)):
        return None
    return {str(email).strip().casefold() for email in emails if str(email).strip()}


def _providers() -> list[str]:
    """OIDC providers configured in secrets.toml; none when there is no file or it can't be read."""
    try:
        return auth.oidc_providers(st.secrets)
    except Exception:  # a broken secrets.toml must not open the room nor crash it
        log.exception("could not read the [auth] section of secrets.toml")
        return []


def _secrets() -> Mapping[str, Any]:
    try:
        return st.secrets
    except Exception:
        return {}


# ---------------------------------------------------------------- the gate


def method() -> str:
    """How teachers sign in here: "oidc", "password" or "none"."""
    if _providers():
        return "oidc"
    return "password" if auth.stored_hash() else "none"


def is_teacher() -> bool:
    """Whether this session is signed in as a teacher (checked again by every action that changes data)."""
    how = method()
    if how == "oidc":
        return _oidc_user_allowed()
    if how == "password":
        return identity.session(TEACHER) is not None
    return False


def gate() -> bool:
    """Draw the sign-in that applies (or the set-up help) and say whether the room may be shown."""
    how = method()
    if how == "oidc":
        return _oidc_gate(_providers())
    if how == "password":
        return _password_gate()
    _setup_help()
    return False


def _setup_help() -> None:
    st.warning("The teacher's room is locked: no way to sign in has been set up yet.", icon=":material/lock:")
    st.markdown(
        "Set one up on the server that runs this app, then reload this page.\n\n"
        "**A teacher password.** In the app's folder, run the command below. It asks for the password "
        f"(at least {auth.MIN_PASSWORD_LENGTH} characters) and keeps only a scrypt hash of it, never the password."
    )
    # Plain, wrapped code: the highlighter's colours fail contrast, and a scrolling box needs the mouse.
    st.code(auth.SET_PASSWORD_COMMAND, language=None, wrap_lines=True)
    st.markdown(
        "**Or your school's accounts (OIDC).** Add an `[auth]` section to `.streamlit/secrets.toml` "
        "with your identity provider's details, for example:"
    )
    st.code(OIDC_EXAMPLE, language=None, wrap_lines=True)


# ---------------------------------------------------------------- OIDC


def _user_email() -> str:
    return str(st.user.get("email") or "").strip()


def _oidc_user_allowed() -> bool:
    if not st.user.get("is_logged_in"):
        return False
    allowed = allowed_teachers(_secrets())
    return allowed is None or _user_email().casefold() in allowed


def _oidc_gate(providers: list[str]) -> bool:
    if st.user.get("is_logged_in"):
        who = _user_email() or str(st.user.get("name") or "you")
        if not _oidc_user_allowed():
            st.error(
                f"{escape(who)} is signed in, but is not on the list of teachers. "
                "Ask the person who runs this app to add the account under `[teachers]` in `.streamlit/secrets.toml`.",
                icon=":material/block:",
            )
            if st.button("Sign out", icon=":material/logout:"):
                st.logout()
            return False
        _signed_in_bar(f"Signed in as {escape(who)}", st.logout, rerun=False)
        if allowed_teachers(_secrets()) is None:
            note(
                ":material/info: Anyone who can sign in with this provider can open this room. To allow teachers "
                "only, list their e-mails under `[teachers]` in `.streamlit/secrets.toml`."
            )
        return True
    st.info("Sign in with your school account to open the teacher's room.", icon=":material/lock:")
    for provider in providers:
        label = "Sign in" if provider == "default" else f"Sign in with {provider}"
        if st.button(label, type="primary", icon=":material/login:", key=f"teacher:login:{provider}"):
            try:
                st.login(None if provider == "default" else provider)
            except StreamlitAuthError as error:
                log.exception("st.login failed for provider %s", provider)
                st.error(
                    f"Sign-in is not working: {error}. If Authlib is missing, install it on the server "
                    "with `pip install Authlib`.",
                    icon=":material/error:",
                )
    return False


# ---------------------------------------------------------------- password


def _sign_out() -> None:
    identity.sign_out(TEACHER)


def _signed_in_bar(text: str, sign_out: Callable[[], None], rerun: bool = True) -> None:
    left, right = st.columns([4, 1], vertical_alignment="center")
    with left:
        note(f":material/verified_user: {text}")
    if right.button("Sign out", icon=":material/logout:", key="teacher:sign-out"):
        sign_out()
        if rerun:
            st.rerun()


def _password_gate() -> bool:
    if identity.session(TEACHER) is not None:
        _signed_in_bar("Signed in with the teacher password", _sign_out)
        return True
    if identity.lapsed(TEACHER):
        st.info("You were signed out, or the school day's sign-in ended. Sign in again.", icon=":material/lock:")
    with st.form("teacher:sign-in", clear_on_submit=True):  # the typed password does not stay in the session
        password = st.text_input("Teacher password", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Sign in", type="primary", icon=":material/login:")
    if not submitted:
        return False
    try:
        result = signin.teacher_password(store(), password, st.context.ip_address)
    except Exception:  # the database is down or read-only: no session can be opened
        log.exception("teacher sign-in failed")
        st.error(
            "The classroom's database is not answering, so nobody can sign in just now.", icon=":material/cloud_off:"
        )
        return False
    if result.ok:
        identity.signed_in(result, TEACHER)
        st.rerun()
    (st.warning if result.wait_seconds else st.error)(result.message, icon=":material/lock:")
    return False
