"""A cached loader whose real calls are counted in Session State (tests/test_cache.py)."""

import streamlit as st

st.session_state.setdefault("calls", 0)


@st.cache_data
def load(n):
    st.session_state.calls += 1
    return list(range(n))


rows = load(3)
st.write(f"calls={st.session_state.calls}")
st.write(f"rows={rows}")
