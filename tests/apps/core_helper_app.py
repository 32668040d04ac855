import core_helper_mod

import streamlit as st

core_helper_mod.say("from helper")
st.write("from app")
