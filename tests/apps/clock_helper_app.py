"""An app whose helper module binds ``time``/``sleep``/``datetime`` by name."""

import clock_helper_mod
import streamlit as st

before = clock_helper_mod.snapshot()
clock_helper_mod.nap(3)
after = clock_helper_mod.snapshot()
st.session_state.before = before
st.session_state.after = after
st.session_state.helper = clock_helper_mod
