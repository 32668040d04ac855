"""The cheat sheet's form_submit_button: it shows up in at.button like any button."""

import streamlit as st

with st.form("order"):
    st.text_input("Item")
    st.form_submit_button("Place order")
