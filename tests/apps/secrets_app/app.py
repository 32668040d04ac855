"""Reads secrets from .streamlit/secrets.toml beside it (tests/test_session_apis.py)."""

import os

import streamlit as st

st.write(st.secrets["db_username"], st.secrets.db_password)
st.write(st.secrets.my_other_secrets.things_i_like)
st.write(st.secrets["my_other_secrets"]["things_i_like"][0])
st.write("in:", "db_username" in st.secrets, "nope" in st.secrets)
st.write("env:", os.environ.get("db_username"))
st.write(st.secrets.to_dict())
