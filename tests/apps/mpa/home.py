"""MPA v1: a main script with a pages/ folder (tests/test_pages.py)."""

import streamlit as st

st.title("Home")
st.session_state.setdefault("visits", []).append("home")
if st.button("Go to other"):
    st.switch_page("pages/1_other.py")
