"""Beyond the basics: the first page of a two-page app sets a word in Session State."""

import streamlit as st

st.session_state.magic_word = st.session_state.get("magic_word", "Streamlit")
word = st.text_input("Magic word:")
if st.button("Save the word"):
    st.session_state.magic_word = word
