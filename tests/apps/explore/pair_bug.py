"""Planted bug: only a triangle of width 0 breaks (two widgets' values together)."""

import streamlit as st

shape = st.selectbox("Shape", ["square", "circle", "triangle"])
width = st.slider("Width", 0, 10, 5)
filled = st.checkbox("Filled")
st.write(f"A {'filled ' if filled else ''}{shape} of width {width}")
if shape == "triangle":
    st.write(f"Slope: {10 / width:.2f}")  # bug: width 0
