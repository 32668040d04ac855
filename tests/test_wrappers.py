"""Fragment writes to containers created outside them: 1.67's per-fragment wrappers (spec 7.1,
O1-O9, E8, E9) under ``"modern"``, against the seed's accumulate / raise (7.2, L1-L4).

Each app runs under both profiles where they differ: the same app gives the 1.58 answer under
``"seed"`` and the 1.67 answer under ``"modern"``.
"""

from __future__ import annotations

import textwrap

import pytest

from apptest import AppTest

BOTH = pytest.mark.parametrize("semantics", ["seed", "modern"])

# Whole messages of 1.67's delta_generator.py (_get_or_create_outside_wrapper, _enqueue).
O6_MESSAGE = (
    "A fragment tried to write to a container created outside it, but the fragment did not "
    "write to that container during the last full app run, so Streamlit could not reserve a "
    "stable position for it.\n\n"
    "If this fragment uses `parallel=True`, writing to containers created outside it is not "
    "supported, including `st.sidebar` and `st.bottom`. Move the element inside the fragment "
    "body.\n\n"
    "Otherwise, inside the fragment function, write to the container on every full app run "
    "(e.g. `outside_container.empty()` or `with outside_container: st.empty()`), then fill it "
    "during fragment reruns."
)
O9_MESSAGE = (
    "Writing to a container created outside a parallel fragment, including `st.sidebar` and "
    "`st.bottom`, is not supported on a full app run or a later fragment rerun.\n\n"
    "To fix this, move the element inside the fragment body."
)


def _app(source: str, semantics: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), semantics=semantics).run()


def _click(at: AppTest, label: str) -> AppTest:
    return at.button(label=label).click().run()


OUTSIDE = """
import streamlit as st
c = st.container()
c.write("main-before")
ph = st.empty()
@st.fragment
def f():
    n = st.session_state.get("n", 0)
    st.button("go")
    c.write(f"from fragment {n}")
    ph.write(f"placeholder {n}")
    st.session_state.n = n + 1
f()
c.write("main-after")
"""


def _paths(at: AppTest) -> list[tuple[tuple[int, ...], str]]:
    return [(m.path, m.value) for m in at.main.markdown]


# -- O1-O4: where the writes land ------------------------------------------------------------
@BOTH
def test_O1_O3_first_write_makes_one_wrapper_at_the_cursor_slot(semantics: str) -> None:
    at = _app(OUTSIDE, semantics)
    if semantics == "seed":  # L1: straight into C at its live cursor
        assert [n.type for n in at.container[0].children] == ["markdown"] * 3
        return
    box = at.container[0]
    assert [n.type for n in box.children] == ["markdown", "transparent", "markdown"]
    wrapper = box.children[1]
    assert wrapper.fragment_id == at.fragments[0].id  # O1: tagged with the fragment's id
    assert wrapper.children[0].fragment_id == at.fragments[0].id
    # O3: the main script's later write lands after the wrapper (C's cursor moved by one).
    assert _paths(at)[:3] == [
        ((0, 0, 0), "main-before"),
        ((0, 0, 1, 0), "from fragment 0"),
        ((0, 0, 2), "main-after"),
    ]


@BOTH
def test_O1_two_fragments_get_two_wrappers_in_one_container(semantics: str) -> None:
    at = _app(
        """
        import streamlit as st
        c = st.container()
        @st.fragment
        def a():
            c.write("a1")
            c.write("a2")
        @st.fragment
        def b():
            c.write("b1")
        a()
        b()
        """,
        semantics,
    )
    box = at.container[0]
    if semantics == "seed":
        assert [(n.type, n.path) for n in box.children] == [
            ("markdown", (0, 0, i)) for i in range(3)
        ]
        return
    assert [n.type for n in box.children] == ["transparent", "transparent"]
    first, second = box.children
    assert [m.value for m in first.markdown] == ["a1", "a2"]  # one wrapper per (F, C)
    assert [m.value for m in second.markdown] == ["b1"]
    assert first.fragment_id != second.fragment_id


@BOTH
def test_O2_placeholder_writes_replace(semantics: str) -> None:
    at = _app(OUTSIDE, semantics)
    for _ in range(2):
        _click(at, "go")
    placeholders = [(p, v) for p, v in _paths(at) if v.startswith("placeholder")]
    # L2 and O2 both replace; under 1.67 the wrapper takes the slot, writes go to its index 0.
    where = (0, 1) if semantics == "seed" else (0, 1, 0)
    assert placeholders == [(where, "placeholder 2")]


@BOTH
def test_O5_L1_fragment_reruns_overwrite_in_place_or_accumulate(semantics: str) -> None:
    at = _app(OUTSIDE, semantics)
    for _ in range(2):
        _click(at, "go")
    in_box = [(m.path, m.value) for m in at.container[0].markdown]
    if semantics == "seed":  # L1: the observed paths [0,0,1], [0,0,3], [0,0,4]
        assert [p for p, v in in_box if v.startswith("from")] == [(0, 0, 1), (0, 0, 3), (0, 0, 4)]
    else:  # O5: the wrapper keeps its slot, its content is redrawn
        assert in_box == [
            ((0, 0, 0), "main-before"),
            ((0, 0, 1, 0), "from fragment 2"),
            ((0, 0, 2), "main-after"),
        ]


@BOTH
def test_O4_a_full_run_rebuilds_the_wrappers(semantics: str) -> None:
    at = _app(OUTSIDE, semantics)
    first = _paths(at)
    for _ in range(3):
        _click(at, "go")
    at.session_state.n = 0
    at.run()
    assert _paths(at) == first


SHRINKING = """
import streamlit as st
c = st.container()
st.session_state.setdefault("k", 3)
@st.fragment
def f():
    if st.button("less"):
        st.session_state.k -= 1
    for i in range(st.session_state.k):
        c.write(f"row {i}")
f()
c.write("footer")
"""


@BOTH
def test_O5_FE5_what_a_rerun_did_not_rewrite_is_cleared(semantics: str) -> None:
    at = _app(SHRINKING, semantics)
    _click(at, "less")
    values = at.container[0].markdown.values
    if semantics == "seed":  # L1: the new rows are appended after the footer
        assert values == ["row 0", "row 1", "row 2", "footer", "row 0", "row 1"]
        return
    assert values == ["row 0", "row 1", "footer"]
    for _ in range(2):
        _click(at, "less")
    wrapper = at.container[0].children[0]
    assert wrapper.type == "transparent" and wrapper.children == ()  # O5: it ends up empty
    assert at.container[0].markdown.values == ["footer"]


# -- O6: no wrapper yet ------------------------------------------------------------------------
LATE_WRITE = """
import streamlit as st
c = st.container()
@st.fragment
def f():
    if st.button("show"):
        c.write("late")
    st.write("inside")
f()
st.write("end")
"""


@BOTH
def test_O6_first_outside_write_on_a_fragment_rerun(semantics: str) -> None:
    at = _click(_app(LATE_WRITE, semantics), "show")
    if semantics == "seed":  # L1: accumulates at C's live cursor
        assert at.container[0].markdown.values == ["late"]
        assert not at.exception
        return
    (error,) = at.exception
    assert error.exc_type == "StreamlitInvalidLayoutContextError"
    assert error.message == O6_MESSAGE
    assert error.fragment_id == at.fragments[0].id
    assert at.container[0].children == ()
    assert at.markdown.values == ["end"]  # X2: shown in the fragment, its later writes not run


def test_O6_workaround_an_empty_claimed_on_every_full_run() -> None:
    at = _app(
        """
        import streamlit as st
        c = st.container()
        @st.fragment
        def f():
            slot = c.empty()
            if st.button("show"):
                slot.write("late")
        f()
        """,
        "modern",
    )
    assert not _click(at, "show").exception
    assert at.container[0].markdown.values == ["late"]


PARENT_CHILD = """
import streamlit as st
@st.fragment
def parent():
    st.button("parent")
    box = st.container()
    box.write("parent's")
    @st.fragment
    def child():
        n = st.session_state.get("n", 0)
        st.session_state.n = n + 1
        if st.button("child") or n:
            box.write(f"child {n}")
    child()
parent()
"""


def test_O6_exception_a_container_its_rerunning_parent_just_created() -> None:
    at = _app(PARENT_CHILD, "modern")  # the first run: no write into box from the child
    assert at.container[0].markdown.values == ["parent's"]
    _click(at, "parent")  # the child writes into box during the parent's rerun: allowed
    assert not at.exception
    assert at.container[0].markdown.values == ["parent's", "child 1"]
    # m06: the wrapper made in that fragment run counts; the child's own reruns reuse it.
    _click(at, "child")
    _click(at, "child")
    assert not at.exception
    assert at.container[0].markdown.values == ["parent's", "child 3"]


# -- O7, O8: widgets and the sidebar -----------------------------------------------------------
WIDGET_OUTSIDE = """
import streamlit as st
st.session_state.runs = st.session_state.get("runs", 0) + 1
left, right = st.columns(2)
@st.fragment
def f():
    st.write("inside")
    if right.button("outside button"):
        st.session_state.clicks = st.session_state.get("clicks", 0) + 1
f()
st.write(f"runs {st.session_state.runs}")
"""


@BOTH
def test_O7_L3_widget_written_outside(semantics: str) -> None:
    at = _app(WIDGET_OUTSIDE, semantics)
    if semantics == "seed":  # L3
        assert at.exception[0].exc_type == "StreamlitFragmentWidgetsNotAllowedOutsideError"
        assert at.button.values == []
        return
    assert not at.exception
    (button,) = at.button
    assert button.path == (0, 0, 1, 0, 0) and button.fragment_id == at.fragments[0].id
    for _ in range(3):
        at.button(label="outside button").click().run()
    # O7: its clicks rerun the fragment only, and reruns leave no duplicates.
    assert at.session_state.runs == 1 and at.session_state.clicks == 3
    assert len(at.button) == 1 and at.runs[-1].scope == "fragment"


SIDEBAR = """
import streamlit as st
st.sidebar.write("header")
@st.fragment
def f():
    n = st.session_state.get("n", 0)
    st.session_state.n = n + 1
    st.button("go")
    st.sidebar.write(f"from fragment {n}")
    with st.sidebar:
        st.checkbox("in sidebar")
f()
st.sidebar.write("footer")
"""


@BOTH
def test_O8_L4_direct_sidebar_writes_from_a_fragment(semantics: str) -> None:
    at = _app(SIDEBAR, semantics)
    if semantics == "seed":  # L4
        assert at.exception[0].exc_type == "StreamlitAPIException"
        assert at.exception[0].message == (  # 1.58 delta_generator.py::_enqueue
            "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To "
            "write elements to the sidebar with a fragment, call your fragment function inside a "
            "`with st.sidebar` context manager."
        )
        assert at.sidebar.markdown.values == ["header"]
        return
    assert not at.exception
    _click(at, "go")
    kids = at.sidebar.children
    assert [n.type for n in kids] == ["markdown", "transparent", "markdown"]
    assert [n.type for n in kids[1].children] == ["markdown", "checkbox"]
    assert at.sidebar.markdown.values == ["header", "from fragment 1", "footer"]


@BOTH
def test_O8_fragment_called_inside_with_sidebar(semantics: str) -> None:
    at = _app(
        """
        import streamlit as st
        st.sidebar.write("top")
        @st.fragment
        def f():
            st.button("go")
            st.write("in my own area")
        with st.sidebar:
            f()
        """,
        semantics,
    )
    _click(at, "go")
    assert not at.exception
    assert at.button[0].path == (1, 1, 0)  # the fragment's own container is at [1, ...]
    assert at.sidebar.markdown.values == ["top", "in my own area"]


# -- O9: parallel fragments --------------------------------------------------------------------
PARALLEL = """
import streamlit as st
c = st.container()
@st.fragment(parallel=True)
def f():
    st.button("go")
    if st.session_state.get("write", True):
        c.write("outside")
f()
"""


@BOTH
def test_O9_parallel_fragment_writing_outside(semantics: str) -> None:
    at = _app(PARALLEL, semantics)
    if semantics == "seed":  # parallel= changes nothing in 1.58's layout rules (L1)
        assert at.container[0].markdown.values == ["outside"]
        return
    (error,) = at.exception
    assert error.exc_type == "StreamlitInvalidLayoutContextError"
    assert error.message == O9_MESSAGE
    assert at.container[0].children == ()


def test_O9_parallel_fragment_rerun_gets_the_O6_error() -> None:
    at = AppTest.from_string(PARALLEL, semantics="modern")
    at.session_state.write = False
    at.run()
    assert not at.exception
    at.session_state.write = True
    _click(at, "go")
    assert at.exception[0].message == O6_MESSAGE


# -- O10: wrappers belong to a fragment id -----------------------------------------------------
SHIFTING_CHILD = """
import streamlit as st
c = st.container()
@st.fragment
def child():
    st.session_state.n = st.session_state.get("n", 0) + 1
    c.write(f"child {st.session_state.n}")
@st.fragment
def parent():
    shift = st.button("shift")
    st.button("plain")
    if shift:
        st.write("extra")  # moves the child's call site: a new fragment id (ID3)
    child()
parent()
"""


@BOTH
def test_O10_wrappers_of_evicted_fragments_are_forgotten(semantics: str) -> None:
    at = _click(_app(SHIFTING_CHILD, semantics), "plain")
    first_child = at.fragments[1].id
    _click(at, "shift")  # the child runs under a new id; the old id is evicted (N3)
    assert at.fragments[1].id != first_child
    _click(at, "plain")  # the child is back at its first call site, under its first id
    assert at.fragments[1].id == first_child
    if semantics == "seed":  # L1: every write accumulates at the container's cursor
        assert at.container[0].markdown.values == ["child 1", "child 2", "child 3", "child 4"]
        assert not at.exception
        return
    # The old id's wrapper left storage with the eviction, so its write has no slot (O6),
    # and the text it wrote last stays on screen until the next full run.
    assert at.container[0].markdown.values == ["child 2"]
    error = at.exception[0]  # then the parent's FragmentHandledException copy (N6)
    assert (error.exc_type, error.message) == ("StreamlitInvalidLayoutContextError", O6_MESSAGE)
    at.run()
    assert not at.exception and at.container[0].markdown.values == ["child 5"]


# -- O8: st.bottom -----------------------------------------------------------------------------
BOTTOM = """
import streamlit as st
@st.fragment
def f():
    st.session_state.n = st.session_state.get("n", 0) + 1
    st.button("go")
    st.bottom.write(f"bottom {st.session_state.n}")
f()
"""


def test_O8_bottom_writes_from_a_fragment_redraw_in_place() -> None:
    at = _click(_app(BOTTOM, "modern"), "go")
    assert not at.exception
    assert at.bottom.markdown.values == ["bottom 2"]
