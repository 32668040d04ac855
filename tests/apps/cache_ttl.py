"""A cached function with a ttl read from Session State (tests/test_cache.py)."""

import datetime

import streamlit as st

TTLS = {"seconds": 10, "string": "10s", "timedelta": datetime.timedelta(seconds=10)}
st.session_state.setdefault("calls", 0)
st.session_state.setdefault("ttl", "seconds")


@st.cache_data(ttl=TTLS[st.session_state.ttl])
def fetch():
    st.session_state.calls += 1
    return st.session_state.calls


st.write(f"value={fetch()} calls={st.session_state.calls}")
