"""A run_every="2s" counter beside elements written by the full run only."""

import time

import streamlit as st

st.session_state.setdefault("ticks", 0)
st.title("Ticker")


@st.fragment(run_every="2s")
def counter():
    st.session_state.ticks += 1
    st.markdown(f"Tick {st.session_state.ticks}")
    st.caption(f"seen at {time.time():.0f}")


counter()
st.markdown("Written by the full run")
