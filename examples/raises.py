"""An app with a bug: ``apptest run examples/raises.py`` exits 1 and shows the traceback."""

import streamlit as st

st.title("Average order")
orders: list[float] = []  # the bug: no orders were loaded
st.metric("Average", sum(orders) / len(orders))
