"""Streamlit entry point: page set-up and routing, nothing else."""

from __future__ import annotations

import logging

import streamlit as st

from classroom.kiosk import process_mode
from classroom.settings import ModeError
from ui import pages
from ui.shared import identity, signin, style

try:
    MODE = process_mode()  # CLASSROOM_MODE / CLASSROOM_KIOSK, read once when the server starts
except ModeError as error:  # a typo must never open the classroom (and its teacher's room) on a kiosk
    st.error(str(error))
    st.stop()

if MODE == "kiosk":
    # A kiosk server has one page and no other page object at all: no URL reaches the teacher's room.
    st.set_page_config(page_title="Classroom kiosk", page_icon=pages.FAVICON, layout="wide", menu_items={})
    style.apply()
    page = st.navigation([st.Page(pages.KIOSK, title="Kiosk", default=True)], position="hidden")
    page.run()  # ui/kiosk/page.py catches its own failures and starts over
    st.stop()

st.set_page_config(page_title="History classroom", page_icon=pages.FAVICON, layout="centered")
style.apply()

page = st.navigation(pages.classroom_pages())
try:
    with st.sidebar:  # the 1-pixel images that set or clear the sign-in cookies (ui/shared/identity.py)
        identity.cookie_images()
    if page.url_path:  # not home, which has the sign-in anyway
        signin.when_lapsed()  # signed out elsewhere or expired: sign in again right here, on this page
    page.run()
except Exception:  # a bug must never show a student a traceback; it goes to the server log
    logging.getLogger("classroom").exception("screen %s failed", page.title)
    # Only what is true whatever failed: the store itself may be what broke, so nothing is promised as saved.
    st.error(
        "Something went wrong on this screen. What you just did may not have been saved: try again or go back home."
    )
    pages.link(pages.HOME, label="Back to the course", icon=":material/home:")
