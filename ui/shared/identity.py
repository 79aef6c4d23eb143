"""Who this browser is: the student's and the teacher's sessions, as the database has them.

The tab that signed in remembers its session's id in ``st.session_state``; any other tab,
a reload, a restarted server or another server process finds the session from the cookie
(``st.context.cookies``, set by ``server/auth_routes.py``). Either way the database row is
read again (at most every few seconds per tab), so signing out, a new code or a removal
ends the session everywhere. Nothing here trusts anything the browser sends but the cookie.
"""

from __future__ import annotations

import html
import logging
import time

import streamlit as st

from classroom.people import sessions
from classroom.people.sessions import Session
from classroom.people.signin import SignIn
from ui.shared.db import store

log = logging.getLogger("classroom")

RECHECK_S = 5.0  # how long a tab trusts the session it read before asking the database again
CLAIM_SHOWN_S = 100.0  # the claim image is drawn on every run for this long (a claim lives 120 s)


def _key(role: str, part: str) -> str:
    return f"identity:{role}:{part}"


def session(role: str) -> Session | None:
    """This browser's live session for ``role`` ("student" or "teacher"), or None."""
    checked = st.session_state.get(_key(role, "checked"))
    if checked is not None and time.monotonic() - checked[1] < RECHECK_S:
        return checked[0]
    found: Session | None = None
    known = st.session_state.get(_key(role, "id"))
    try:
        if known:
            found = sessions.by_id(store(), known)
            if found is None:  # this tab's session was ended elsewhere (a new code, a removal) or expired
                st.session_state[_key(role, "lapsed")] = True
        if found is None and not st.session_state.get(_key(role, "signed-out")):
            token = st.context.cookies.get(sessions.COOKIE[role])
            if isinstance(token, str) and token:
                found = sessions.by_token(store(), token)
                if found is None:
                    st.session_state[_key(role, "lapsed")] = True
    except Exception:  # the database is down: nobody is signed in until it is back
        log.exception("could not read the %s session", role)
        st.session_state[_key(role, "unreachable")] = True
        return None
    st.session_state.pop(_key(role, "unreachable"), None)
    if found is None:
        st.session_state.pop(_key(role, "id"), None)
    else:
        st.session_state[_key(role, "id")] = found.id
        st.session_state.pop(_key(role, "lapsed"), None)
    st.session_state[_key(role, "checked")] = (found, time.monotonic())
    return found


def lapsed(role: str) -> bool:
    """Whether this browser brought a cookie whose session has ended (expired, or signed out elsewhere)."""
    return bool(st.session_state.get(_key(role, "lapsed")))


def unreachable(role: str) -> bool:
    """Whether the last look-up failed because the database did not answer."""
    return bool(st.session_state.get(_key(role, "unreachable")))


def signed_in(result: SignIn, role: str) -> None:
    """Remember a successful sign-in in this tab and arrange for the cookie (drawn by :func:`cookie_image`)."""
    assert result.ok and result.session is not None and result.claim is not None
    st.session_state[_key(role, "id")] = result.session.id
    st.session_state[_key(role, "checked")] = (result.session, time.monotonic())
    st.session_state[_key(role, "claim")] = (result.claim, time.monotonic())
    for part in ("lapsed", "signed-out"):
        st.session_state.pop(_key(role, part), None)


def sign_out(role: str) -> None:
    """End this session in the database (every tab and cookie with it) and delete the cookie."""
    known = st.session_state.get(_key(role, "id"))
    if known:
        try:
            sessions.end(store(), known)
        except Exception:
            log.exception("could not end a %s session", role)
    for part in ("id", "checked", "claim", "lapsed"):
        st.session_state.pop(_key(role, part), None)
    st.session_state[_key(role, "signed-out")] = True  # the old cookie of this tab's connection no longer counts
    st.session_state[_key(role, "clear")] = True


def cookie_image(role: str) -> None:
    """The 1-pixel image that sets (after a sign-in) or clears (after a sign-out) this role's cookie."""
    pending = st.session_state.get(_key(role, "claim"))
    if pending is not None:
        claim, since = pending
        if time.monotonic() - since > CLAIM_SHOWN_S:
            st.session_state.pop(_key(role, "claim"), None)
        else:
            _pixel(f"/auth/claim?c={html.escape(claim, quote=True)}")
    if st.session_state.pop(_key(role, "clear"), False):
        _pixel(f"/auth/clear?role={role}")


def _pixel(url: str) -> None:
    st.html(f'<img src="{url}" alt="" width="1" height="1" style="position:absolute;opacity:0">')


def cookie_images() -> None:
    for role in sessions.COOKIE:
        cookie_image(role)
