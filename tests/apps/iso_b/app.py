import samename

import streamlit as st

st.write(samename.VALUE)
