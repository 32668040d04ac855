"""A live ticker: a run_every fragment beside a slow full-app part.

    apptest run examples/ticker.py --advance 5s
"""

import time

import streamlit as st

st.title("Ticker")
with st.spinner("Loading history..."):
    time.sleep(3)
st.session_state.setdefault("ticks", 0)


@st.fragment(run_every="2s")
def ticker():
    st.session_state.ticks += 1
    st.metric("Tick", st.session_state.ticks)
    st.caption(f"virtual time: {time.strftime('%H:%M:%S', time.gmtime())}")


ticker()
st.button("Refresh all")
