"""The app-testing example: a password page; the status lives in Session State."""

import hmac

import streamlit as st

if "status" not in st.session_state:
    st.session_state.status = "unverified"
st.title("Members only")


def on_password() -> None:
    typed = st.session_state.password
    ok = hmac.compare_digest(typed, st.secrets.password)
    st.session_state.status = "verified" if ok else "incorrect"
    st.session_state.password = ""


def on_logout() -> None:
    st.session_state.status = "unverified"


if st.session_state.status != "verified":
    st.text_input("Password:", key="password", on_change=on_password)
    if st.session_state.status == "incorrect":
        st.warning("Incorrect password, try again.")
    st.stop()

st.success("Login successful. Welcome back!")
st.button("Log out", on_click=on_logout)
