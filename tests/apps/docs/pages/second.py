"""Beyond the basics: the second page reacts to the word the first page saved."""

import streamlit as st

st.session_state.magic_word = st.session_state.get("magic_word", "Streamlit")
if st.session_state.magic_word == "Balloons":
    st.markdown(":balloon:")
