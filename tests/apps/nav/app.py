"""MPA v2: st.navigation router with file and function pages (tests/test_pages.py)."""

import streamlit as st


def settings():
    st.title("Settings")
    st.session_state.setdefault("visits", []).append("settings")
    if st.button("Go to reports"):
        st.switch_page(reports)


st.sidebar.checkbox("Dark mode", key="dark")
reports = st.Page("views/reports.py", title="Reports", icon="📊", url_path="reports")
home = st.Page("views/home.py", default=True)
pg = st.navigation({"Main": [home, reports], "Account": [st.Page(settings)]})
st.sidebar.write(f"on {pg.title}")
pg.run()
