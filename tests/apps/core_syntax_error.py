import streamlit as st

st.write("never shown")
x = (1,
