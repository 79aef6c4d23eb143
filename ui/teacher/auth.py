"""The door of the teacher's room: OIDC sign-in, else the teacher password, else how to set one up.

``gate()`` draws whichever sign-in applies and says whether the room may be
shown. Nothing of the room is drawn, and no result is read, until it says yes.

Guessing the password is slowed down by ONE throttle for the whole server
process (``st.cache_resource``), asked about two keys on every try:

- this browser session's own key: the full back-off of ``classroom.auth.Throttle``
  (three free tries, then 1, 2, 4 ... up to 60 seconds between tries), so a
  teacher who mistypes is not bothered and one guessing tab is soon slow;
- one key shared by everyone: a new session starts with a clean key of its own,
  so a script that opens a fresh session per guess would dodge the first key.
  Every wrong password anywhere also counts here, but the wait it imposes is
  capped at ``EVERYONE_MAX_WAIT`` seconds. A flood of guesses thereby slows every
  try down a little (about one guess per 10 seconds for the whole server, instead
  of thousands a minute) without ever locking the teacher out: the teacher's
  next try is at most 10 seconds away, the wait is shown, and a quiet quarter of
  an hour (or a restart) forgives everything.
"""

from __future__ import annotations

import logging
import math
import secrets
from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAuthError

from classroom import auth
from classroom.auth import SignInResult, Throttle
from ui.shared.safe import escape, note

log = logging.getLogger("classroom")

SIGNED_IN = "teacher:signed-in"  # session state: True once the teacher password was right
CLIENT = "teacher:client"  # session state: this browser session's throttle key
EVERYONE = "everyone"
EVERYONE_MAX_WAIT = 10.0  # seconds: the most a flood of wrong guesses makes anyone wait
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


@st.cache_resource(show_spinner=False)
def throttle() -> Throttle:
    """The one throttle of this server process, shared by every session (see the module text)."""
    return Throttle()


def _wait_message(seconds: float) -> str:
    whole = max(1, math.ceil(seconds))
    return f"Too many wrong passwords. Wait {whole} second{'s' if whole != 1 else ''} and try again."


def everyone_wait(guard: Throttle) -> float:
    """The shared key's wait, capped: its back-off counted from the last wrong guess, at most EVERYONE_MAX_WAIT."""
    delay = guard.delay(EVERYONE)
    elapsed = delay - guard.check(EVERYONE)
    return max(0.0, min(delay, EVERYONE_MAX_WAIT) - elapsed)


def try_password(password: str, client: str, guard: Throttle) -> SignInResult:
    """Check a typed password under both throttle keys; a wrong one counts for this session and for everyone."""
    key = f"session:{client}"
    wait = max(guard.check(key), everyone_wait(guard))
    if wait > 0:
        return SignInResult(False, wait, _wait_message(wait))
    result = auth.sign_in(password, guard, key)
    if not result.ok:
        guard.failed(EVERYONE)
    return result


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
        return bool(st.session_state.get(SIGNED_IN))
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
    st.session_state.pop(SIGNED_IN, None)


def _signed_in_bar(text: str, sign_out: Callable[[], None], rerun: bool = True) -> None:
    left, right = st.columns([4, 1], vertical_alignment="center")
    with left:
        note(f":material/verified_user: {text}")
    if right.button("Sign out", icon=":material/logout:", key="teacher:sign-out"):
        sign_out()
        if rerun:
            st.rerun()


def _password_gate() -> bool:
    if st.session_state.get(SIGNED_IN):
        _signed_in_bar("Signed in with the teacher password", _sign_out)
        return True
    client = st.session_state.setdefault(CLIENT, secrets.token_urlsafe(12))
    with st.form("teacher:sign-in", clear_on_submit=True):  # the typed password does not stay in the session
        password = st.text_input("Teacher password", type="password", autocomplete="current-password")
        submitted = st.form_submit_button("Sign in", type="primary", icon=":material/login:")
    if not submitted:
        return False
    result = try_password(password, client, throttle())
    if result.ok:
        st.session_state[SIGNED_IN] = True
        st.rerun()
    (st.warning if result.wait_seconds else st.error)(result.message, icon=":material/lock:")
    return False
