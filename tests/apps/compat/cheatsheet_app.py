"""Elements in the order the docs' cheat sheet asserts them (tests/test_compat.py)."""

import streamlit as st

st.title("Inventory app")
st.header("Stock levels")
st.subheader("Warehouse A")
st.divider()
st.markdown("Hello from the warehouse!")
st.code("import streamlit as st")
st.caption("A diagram of shelves")
st.text("Counted this morning")
st.latex(r"\sum_i x_i")
st.divider()
st.button("Recount")
st.checkbox("Show empty shelves")
st.toggle("Debug mode")
st.text_input("Location", "Aisle 3")
st.success("Stock is fine!")
st.info("Enter a location to continue")
st.warning("Two shelves are low")
st.error("The scanner is offline :(")
st.toast("Counted!", icon="📦")
