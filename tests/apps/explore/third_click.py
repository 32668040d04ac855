"""Planted bug: the fragment's third click raises (explorer acceptance)."""

import streamlit as st

st.title("Clicks")
st.slider("Volume", 0, 10, 5)
st.checkbox("Loud")


@st.fragment
def clicker():
    if st.button("Go"):
        st.session_state.clicks = st.session_state.get("clicks", 0) + 1
        if st.session_state.clicks == 3:
            raise RuntimeError("the third click breaks")
    st.write(f"clicks: {st.session_state.get('clicks', 0)}")


clicker()
st.button("Rerun full app")
