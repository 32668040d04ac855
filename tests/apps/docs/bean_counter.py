"""Get started: a number input, a button that adds its value, and the running total."""

import streamlit as st

st.session_state.beans = st.session_state.get("beans", 0)
st.title("Counting beans")
how_many = st.number_input("How many beans", 0, 10)
if st.button("Add them"):
    st.session_state.beans += how_many
st.markdown(f"Beans counted: {st.session_state.beans}")
