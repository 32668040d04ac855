"""Planted bug: deleting for the reason "spam" inside the dialog breaks."""

import streamlit as st


@st.dialog("Delete item")
def confirm():
    reason = st.selectbox("Reason", ["duplicate", "outdated", "spam"])
    if st.button("Delete"):
        labels = {"duplicate": "Duplicate", "outdated": "Outdated"}
        st.session_state.deleted = labels[reason]  # bug: no label for "spam"
        st.rerun()


st.title("Items")
if st.button("Delete an item"):
    confirm()
st.write(f"Deleted: {st.session_state.get('deleted', 'nothing')}")
