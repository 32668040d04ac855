"""A passcode page in the style of the docs' login example (tests/test_compat.py)."""

import hmac

import streamlit as st

st.session_state.status = st.session_state.get("status", "locked")
st.title("The vault")


def check_passcode():
    if hmac.compare_digest(st.session_state.passcode, st.secrets.passcode):
        st.session_state.status = "open"
    else:
        st.session_state.status = "wrong"
    st.session_state.passcode = ""


def prompt():
    st.text_input("Passcode:", key="passcode", type="password", on_change=check_passcode)
    if st.session_state.status == "wrong":
        st.warning("Wrong passcode. Try again.")


def lock():
    st.session_state.status = "locked"


def inside():
    st.success("The vault is open.")
    st.button("Lock", on_click=lock)


if st.session_state.status != "open":
    prompt()
    st.stop()
inside()
