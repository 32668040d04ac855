"""The cheat sheet's chat elements: the user's message echoed in a chat message."""

import streamlit as st

prompt = st.chat_input("Ask something")
if prompt:
    with st.chat_message("user"):
        st.markdown(prompt)
