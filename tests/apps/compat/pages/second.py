"""Second page: celebrates one special motto (tests/test_compat.py)."""

import streamlit as st

st.session_state.motto = st.session_state.get("motto", "Keep going")
if st.session_state.motto == "Party":
    st.markdown(":tada:")
