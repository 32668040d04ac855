import streamlit as st

st.title("Reports")
st.session_state.setdefault("visits", []).append("reports")


@st.fragment
def filters():
    st.checkbox("Only open", key="only_open")
    st.button("Refresh")


filters()
