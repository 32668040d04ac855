import os
import sys

import streamlit as st

st.write(__name__)
st.write(__file__)
st.write(os.path.dirname(os.path.abspath(__file__)) in sys.path)
st.write(list(sys.argv))
