"""The results store of this server process (one connection pool, shared by every session)."""

from __future__ import annotations

import streamlit as st

from classroom.results.store import Store


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """Only a connection pool: every session, throttle and answer is in the database it points at."""
    return Store()
