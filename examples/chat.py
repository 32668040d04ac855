"""A chat app: the history in Session State, one `st.chat_message` per message, and a reply
streamed with `st.write_stream`. `tests/test_chat.py` tests it through `at.chat_input`."""

import streamlit as st

if "messages" not in st.session_state:
    st.session_state.messages = [{"role": "assistant", "content": "How can I help?"}]

for message in st.session_state.messages:
    with st.chat_message(message["role"]):
        st.markdown(message["content"])

if prompt := st.chat_input("Say something"):
    st.session_state.messages.append({"role": "user", "content": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    reply = f"Echo: {prompt}"
    with st.chat_message("assistant"):
        st.write_stream(iter([reply[:5], reply[5:]]))  # two chunks, one element
    st.session_state.messages.append({"role": "assistant", "content": reply})
