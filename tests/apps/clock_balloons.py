"""The documentation's balloons example, recording the time the app sees around the sleep."""

import time

import streamlit as st


@st.fragment
def release_the_balloons():
    st.button("Release the balloons", help="Fragment rerun")
    st.balloons()


before = time.time()
with st.spinner("Inflating balloons..."):
    time.sleep(5)
st.session_state.slept = time.time() - before
release_the_balloons()
st.button("Inflate more balloons", help="Full rerun")
