"""A helper module an app imports: it does ``import streamlit as st`` at import time."""

import streamlit as st

IMPORTED_WITH = st


def say(text: str) -> None:
    st.write(text)
