"""Planted bug: only a submitted order of 7 or more breaks (reachable through the form)."""

import streamlit as st

st.title("Order")
with st.form("order"):
    item = st.selectbox("Item", ["pen", "ink"])
    quantity = st.number_input("Quantity", min_value=1, max_value=9, value=1)
    submitted = st.form_submit_button("Submit")
if submitted:
    stock = {"pen": 6, "ink": 20}
    if quantity > stock[item] and item == "pen":
        raise ValueError(f"only {stock[item]} pens in stock")
    st.success(f"Ordered {quantity} {item}")
st.checkbox("Gift wrap")
