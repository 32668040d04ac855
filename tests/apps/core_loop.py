import streamlit as st

st.write("before loop")
if st.session_state.get("loop", True):
    while True:
        pass
st.write("no loop")
