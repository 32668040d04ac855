import streamlit as st

st.title("Other")
st.session_state.setdefault("visits", []).append("other")
if st.button("Back home"):
    st.switch_page("home.py")


@st.fragment(run_every="5s")
def ticker():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.write(f"ticks={st.session_state.ticks}")
    if st.button("Leave from the fragment"):
        st.switch_page("pages/2_🎈_balloons.py")


ticker()
