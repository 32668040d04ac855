"""Planted bug: the uptime counter adds 2 s per tick whatever the interval (explorer
acceptance: it drifts after a timer tick once the interval is not 2 s)."""

import time

import streamlit as st

st.session_state.setdefault("counted", 0)
interval = st.selectbox("Interval (s)", [2, 1, 5])


@st.fragment(run_every=interval)
def uptime():
    now = time.time()
    last = st.session_state.setdefault("last", now)
    if now - last >= interval:  # a tick
        st.session_state.counted += 2  # bug: should add now - last
        st.session_state.last = now
    st.write(f"Up for {st.session_state.counted} s")


uptime()
