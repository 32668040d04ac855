"""Writes from a fragment to containers created outside it, seed profile (spec 7.2, L1-L4)."""

from __future__ import annotations

from apptest import AppTest

OUTSIDE = """
import streamlit as st
c = st.container()
c.write("main-before")
ph = st.empty()
@st.fragment
def f():
    st.button("go")
    c.write("from fragment")
    ph.write(f"placeholder {st.session_state.get('n', 0)}")
    st.session_state.n = st.session_state.get("n", 0) + 1
f()
c.write("main-after")
"""


def test_L1_outside_writes_accumulate_at_the_live_cursor() -> None:
    at = AppTest.from_string(OUTSIDE).run()
    assert [m.path for m in at.container[0].markdown] == [(0, 0, 0), (0, 0, 1), (0, 0, 2)]
    at.button(label="go").click().run()
    at.button(label="go").click().run()
    paths = [(m.path, m.value) for m in at.container[0].markdown]
    assert paths == [
        ((0, 0, 0), "main-before"),
        ((0, 0, 1), "from fragment"),
        ((0, 0, 2), "main-after"),
        ((0, 0, 3), "from fragment"),  # the spec's observed paths: [0,0,1], [0,0,3], [0,0,4]
        ((0, 0, 4), "from fragment"),
    ]


def test_L1_accumulated_writes_vanish_at_the_next_full_run() -> None:
    at = AppTest.from_string(OUTSIDE).run()
    for _ in range(3):
        at.button(label="go").click().run()
    assert len(at.container[0].markdown) == 6
    at.run()
    assert at.container[0].markdown.values == ["main-before", "from fragment", "main-after"]


def test_L2_outside_placeholder_is_replaced_not_accumulated() -> None:
    at = AppTest.from_string(OUTSIDE).run()
    at.button(label="go").click().run()
    at.button(label="go").click().run()
    placeholders = [m for m in at.main.markdown if m.value.startswith("placeholder")]
    assert [(m.path, m.value) for m in placeholders] == [((0, 1), "placeholder 2")]


def test_L3_widget_written_outside_raises_and_stops_the_full_run() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        left, right = st.columns(2)
        @st.fragment
        def f():
            st.write("inside")
            right.button("outside button")
        f()
        st.write("never reached")
        """
    ).run()
    (error,) = at.exception
    assert error.exc_type == "StreamlitFragmentWidgetsNotAllowedOutsideError"
    assert error.message == "Fragments cannot write widgets to outside containers."
    assert error.fragment_id == at.fragments[0].id and error.path == (0, 1, 1)
    assert at.button.values == [] and at.markdown.values == ["inside"]


def test_L3_widget_in_a_sidebar_block_created_by_the_fragment_still_raises() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def f():
            box = st.sidebar.container()
            box.write("allowed: not a widget")
            box.checkbox("not allowed")
        f()
        """
    ).run()
    assert at.sidebar.markdown.values == ["allowed: not a widget"]
    assert at.exception[0].exc_type == "StreamlitFragmentWidgetsNotAllowedOutsideError"


def test_L4_direct_sidebar_write_in_a_fragment_raises() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.sidebar.write("nope")
        f()
        """
    ).run()
    (error,) = at.exception
    assert error.exc_type == "StreamlitAPIException"
    assert error.message == (
        "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To "
        "write elements to the sidebar with a fragment, call your fragment function inside a "
        "`with st.sidebar` context manager."
    )
    assert at.sidebar.children == ()


def test_L4_with_sidebar_opened_inside_the_fragment_body_raises_too() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def f():
            with st.sidebar:
                st.write("nope")
        f()
        """
    ).run()
    assert at.exception[0].exc_type == "StreamlitAPIException"


def test_L4_calling_the_fragment_inside_with_sidebar_works() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.button("side")
            st.write("in the sidebar")
        with st.sidebar:
            f()
        """
    ).run()
    assert at.exception.values == []
    assert at.fragments[0].path == (1, 0)
    at.sidebar.button(label="side").click().run()
    assert at.runs[-1].scope == "fragment"
    assert at.sidebar.markdown.values == ["in the sidebar"]


def test_E16_set_page_config_in_a_fragment_does_not_raise_in_seed() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.set_page_config(page_title="x")
            st.write("ok")
        f()
        """
    ).run()
    assert at.exception.values == [] and at.markdown.values == ["ok"]


def test_FE6_outside_writes_are_kept_by_fragment_clearing_even_when_nested() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        col = st.columns(2)[0]
        inner = col.container()
        @st.fragment
        def f():
            st.button("go")
            inner.write("log")
        f()
        """
    ).run()
    for expected in (2, 3, 4):
        at.button(label="go").click().run()
        assert at.columns[0].markdown.values == ["log"] * expected
