import streamlit as st

st.title("Home page")
st.session_state.setdefault("visits", []).append("home")
