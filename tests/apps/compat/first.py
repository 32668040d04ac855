"""First page: sets the motto others read (tests/test_compat.py)."""

import streamlit as st

st.session_state.motto = st.session_state.get("motto", "Keep going")
new_motto = st.text_input("Motto:")
if st.button("Save the motto"):
    st.session_state.motto = new_motto
