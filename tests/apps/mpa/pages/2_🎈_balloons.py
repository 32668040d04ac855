import streamlit as st

st.title("Balloons")
st.session_state.setdefault("visits", []).append("balloons")
