"""Keyed fragments, keyed ``st.rerun`` and ``parallel=`` under both profiles.

Streamlit 1.58 (``"seed"``) has no ``key=`` on ``st.fragment`` and takes ``st.rerun(*,
scope=...)`` only: passing a key or a positional scope is a ``TypeError``. Under ``"modern"``
(1.59-1.67) fragments take ``key=`` (D3, D5, F10, E6, E7), a widget callback may rerun keyed
fragments (RR4, RR7, E3-E5), a callback's fragment rerun replays the click (RR8), and a
``parallel=True`` fragment is detached on full runs (F13, M11, E13).
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apptest import AppTest

BOTH = pytest.mark.parametrize("semantics", ["seed", "modern"])


def _app(source: str, semantics: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), semantics=semantics).run()


def _errors(at: AppTest) -> list[tuple[str, str]]:
    return [(e.exc_type, e.message) for e in at.exception]


KEYED_APP = """
import streamlit as st
st.session_state.setdefault("log", [])
st.session_state.log.append("main")
def cb():
    st.session_state.log.append("cb")
    st.rerun("b")
@st.fragment(key="a")
def a():
    st.session_state.log.append("a")
    st.button("go", on_click=cb)
@st.fragment(key="b")
def b(n):
    st.session_state.log.append(f"b{n}")
a()
b(1)
b(2)
"""


# -- D3, D5: the key parameter -----------------------------------------------------------------
@BOTH
def test_D3_fragment_key_is_a_type_error_under_seed_only(semantics: str) -> None:
    at = _app(KEYED_APP, semantics)
    if semantics == "seed":  # 1.58: st.fragment has no key parameter
        assert _errors(at) == [("TypeError", "fragment() got an unexpected keyword argument 'key'")]
        assert at.session_state["log"] == ["main"]
    else:
        assert _errors(at) == []
        assert at.session_state["log"] == ["main", "a", "b1", "b2"]


@pytest.mark.parametrize("key", ["app", "fragment"])
def test_E7_reserved_fragment_keys_raise_at_decoration(key: str) -> None:
    at = _app(
        f"""
        import streamlit as st
        st.session_state["decorated"] = False
        def f():
            st.write("body")
        g = st.fragment(f, key={key!r})
        st.session_state["decorated"] = True
        """,
        "modern",
    )
    [(exc_type, message)] = _errors(at)
    assert exc_type == "StreamlitAPIException"
    assert message == (  # 1.67 runtime/fragment.py::_fragment
        f"`{key}` is a reserved name and cannot be used as a fragment key, because "
        "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
        "`@st.fragment(key=...)`."
    )
    assert at.session_state["decorated"] is False  # D5: checked when decorating


def test_D5_int_keys_become_str_and_decorating_registers_nothing() -> None:
    at = _app(
        """
        import streamlit as st
        def cb():
            st.rerun("7")
        @st.fragment(key=7)
        def seven():
            st.write("seven")
        @st.fragment(key=8)
        def never_called():
            st.write("never")
        seven()
        st.button("again", on_click=cb)
        """,
        "modern",
    )
    assert [f.name for f in at.fragments] == ["seven"]  # D5: only the call registered
    at.button[0].click().run()
    assert at.runs[-1].fragments == ("seven",)  # the int key 7 is found as "7"


# -- F10, E6: one definition per key per run ---------------------------------------------------
def test_F10_E6_two_definitions_may_not_share_a_key() -> None:
    at = _app(
        """
        import streamlit as st
        @st.fragment(key="k")
        def one():
            st.write("one")
        @st.fragment(key="k")
        def two():
            st.write("two")
        one()
        one()
        two()
        st.write("after")
        """,
        "modern",
    )
    assert _errors(at) == [  # 1.67 errors.py::StreamlitDuplicateElementKey
        (
            "StreamlitDuplicateElementKey",
            "There are multiple elements with the same `key='k'`. To fix this, please make sure "
            "that the `key` argument is unique for each element you create.",
        )
    ]
    assert at.markdown.values == ["one", "one"]  # two call sites of one definition share it


def test_F10_a_key_claimed_in_an_earlier_run_is_free_again() -> None:
    at = _app(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        @st.fragment(key="k")
        def one():
            st.write("one")
        @st.fragment(key="k")
        def two():
            st.write("two")
        if st.session_state.n % 2:
            one()
        else:
            two()
        """,
        "modern",
    )
    at.run()
    assert _errors(at) == [] and at.markdown.values == ["two"]


# -- RR4, RR7: keyed reruns from callbacks -----------------------------------------------------
def test_RR4_RR7_keyed_rerun_reruns_every_call_site_of_the_key_only() -> None:
    at = _app(KEYED_APP, "modern")
    at.session_state["log"] = []
    at.button(label="go").click().run()
    # The callback's vote replaces the interaction's default: "a" does not rerun, the body
    # is preempted, and both call sites of "b" rerun in registration order.
    assert at.session_state["log"] == ["cb", "b1", "b2"]
    assert [(r.scope, r.status, r.fragments) for r in at.runs[1:]] == [
        ("fragment", "rerun", ("a",)),
        ("fragment", "finished", ("b", "b")),
    ]


@BOTH
def test_RR1_positional_scope_is_a_type_error_under_seed_only(semantics: str) -> None:
    at = _app(
        """
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        if st.session_state.runs == 1:
            st.rerun("app")
        """,
        semantics,
    )
    if semantics == "seed":  # 1.58: rerun(*, scope="app")
        assert _errors(at) == [
            ("TypeError", "rerun() takes 0 positional arguments but 1 was given")
        ]
        assert at.session_state["runs"] == 1
    else:
        assert _errors(at) == [] and at.session_state["runs"] == 2


def test_E3_keyed_rerun_outside_a_callback() -> None:
    at = _app(
        """
        import streamlit as st
        @st.fragment(key="k")
        def f():
            st.write("f")
        f()
        st.rerun("k")
        """,
        "modern",
    )
    [(exc_type, message)] = _errors(at)
    assert exc_type == "StreamlitAPIException"
    assert message == (  # 1.67 commands/execution_control.py::_new_fragment_id_queue
        "Passing a fragment key to `st.rerun()` is only allowed from a widget callback "
        "(e.g. `on_change` / `on_click`). Calling it from the main script body or a fragment "
        "body would abort the current run. If you meant to rerun the whole app or the current "
        "fragment, use `scope='app'` or `scope='fragment'`."
    )


def test_E4_keyed_rerun_of_an_unknown_key() -> None:
    at = _app(
        """
        import streamlit as st
        st.button("go", on_click=lambda: st.rerun(["missing"]))
        """,
        "modern",
    )
    at.button[0].click().run()
    assert _errors(at) == [
        (
            "StreamlitAPIException",
            "No fragment found for target 'missing'. Pass the same `key` you set on "
            "`@st.fragment(key=...)`, and make sure that fragment has rendered at least once.",
        )
    ]


SCOPE_APP = """
import streamlit as st
st.session_state.setdefault("done", False)
def cb():
    st.rerun(st.session_state["scope"])
st.button("go", on_click=cb)
"""


_SUPPORTED = "Supported values: 'app', 'fragment', a fragment key, a list of keys."
_TYPES = "Expected one of: str, int, list[str | int]."


def _reserved_in_list(name: str) -> str:
    return (
        "Invalid `scope` value. Supported values: fragment keys. "
        f"'{name}' is a reserved scope name and cannot appear inside a list. "
        f"Pass '{name}' directly as a string."
    )


# Whole messages of 1.67's commands/execution_control.py::rerun, in its order of checks.
@pytest.mark.parametrize(
    ("scope", "exc_type", "message"),
    [
        ("", "StreamlitValueError", f"Invalid `scope` value. {_SUPPORTED} Got an empty string."),
        ([], "StreamlitValueError", f"Invalid `scope` value. {_SUPPORTED} Got an empty list."),
        (["k", "app"], "StreamlitValueError", _reserved_in_list("app")),
        (["fragment"], "StreamlitValueError", _reserved_in_list("fragment")),
        (
            ["k", ""],
            "StreamlitValueError",
            "Invalid `scope list items` value. Supported values: non-empty strings or ints. "
            "Found an empty string in the list.",
        ),
        (
            b"k",
            "StreamlitInvalidParameterTypeError",
            f"Invalid `scope` type. {_TYPES} Provided type: bytes.",
        ),
        (
            1.5,
            "StreamlitInvalidParameterTypeError",
            f"Invalid `scope` type. {_TYPES} Provided type: float.",
        ),
        (
            {"k": 1},
            "StreamlitInvalidParameterTypeError",
            f"Invalid `scope` type. {_TYPES} Provided type: dict.",
        ),
        (
            ["app", None],  # item types are checked before reserved names
            "StreamlitInvalidParameterTypeError",
            "Invalid `scope list items` type. Expected one of: str, int. Provided type: NoneType.",
        ),
    ],
)
def test_E5_modern_scope_validation(scope: object, exc_type: str, message: str) -> None:
    at = AppTest.from_string(SCOPE_APP, semantics="modern").run()
    at.session_state["scope"] = scope
    at.button[0].click().run()
    assert _errors(at) == [(exc_type, message)]


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_E5_int_scopes_name_the_str_key(number: int) -> None:
    at = AppTest.from_string(
        f"""
import streamlit as st
def cb():
    st.rerun({number})
@st.fragment(key="{number}")
def f():
    st.button("go", on_click=cb)
f()
""",
        semantics="modern",
    ).run()
    at.button[0].click().run()
    assert _errors(at) == [] and at.runs[-1].fragments == ("f",)


def test_E5_seed_keeps_the_1_58_scope_error() -> None:
    at = _app('import streamlit as st\nst.rerun(scope="k")\n', "seed")
    assert _errors(at) == [
        (
            "StreamlitAPIException",
            "'k'is not a valid rerun scope. Valid scopes are 'app' and 'fragment'.",
        )
    ]


# -- RR8: trigger replay -----------------------------------------------------------------------
REPLAY_APP = """
import streamlit as st
def cb():
    st.rerun(scope=st.session_state["scope"])
@st.fragment
def f():
    clicked = st.button("go", on_click=cb)
    st.write(f"clicked={clicked}")
f()
"""


@BOTH
def test_RR8_fragment_rerun_from_a_callback_replays_the_click(semantics: str) -> None:
    at = AppTest.from_string(REPLAY_APP, semantics=semantics).run()
    at.session_state["scope"] = "fragment"
    at.button[0].click().run()
    if semantics == "seed":  # 1.58 callbacks are untagged (CB3): the scoped rerun fails (E2)
        assert [e.exc_type for e in at.exception] == ["RuntimeError"]
        return
    assert at.markdown.values == ["clicked=True"]  # the rerun replays the click (RR8)
    assert [(r.scope, r.status) for r in at.runs[1:]] == [
        ("fragment", "rerun"),
        ("fragment", "finished"),
    ]
    at.run()
    assert at.markdown.values == ["clicked=False"]  # the trigger is reset afterwards (C5)


def test_RR8_a_plain_rerun_from_a_callback_loses_the_click() -> None:
    at = AppTest.from_string(REPLAY_APP, semantics="modern").run()
    at.session_state["scope"] = "app"
    at.button[0].click().run()
    assert at.runs[-1].scope == "app" and at.markdown.values == ["clicked=False"]


MERGED_REPLAY_APP = """
import time
import streamlit as st
st.session_state.setdefault("calls", 0)
st.session_state.setdefault("ticks", 0)
def cb():
    st.session_state.calls += 1
    time.sleep(1.5)  # the timer below comes due meanwhile: the browser queues its tick (T12)
    st.rerun(scope="fragment")
@st.fragment
def f():
    clicked = st.button("go", on_click=cb)
    st.write(f"clicked={clicked}")
@st.fragment(run_every=1)
def timed():
    st.session_state.ticks += 1
f()
timed()
"""


def test_RR8_a_replayed_click_merged_with_a_queued_request_fires_its_callback_once() -> None:
    # 1.67 keeps replayed triggers apart from the widget states a queued request brings
    # (``RerunData.replay_trigger_states``), so merging the two never reruns the callback.
    at = AppTest.from_string(MERGED_REPLAY_APP, semantics="modern").run()
    at.button(label="go").click().run()
    assert at.session_state["calls"] == 1
    assert at.markdown.values == ["clicked=True"]  # the body still reads the click (RR8)
    assert [(r.scope, r.status) for r in at.runs[1:]] == [
        ("fragment", "rerun"),  # the callbacks asked for the rerun, before the body
        ("fragment", "finished"),  # the tick and the replayed click, in one run (Q4)
    ]
    assert at.session_state["ticks"] == 2


# -- F13, M11, E13: parallel fragments ---------------------------------------------------------
PARALLEL_APP = """
import streamlit as st
@st.fragment(parallel=True)
def p(n):
    st.write(f"p{n}")
    st.button(f"b{n}")
    if n == 1:
        raise ValueError("boom")
    return n
st.write(f"returned {p(1)!r}, {p(2)!r}")
"""


@BOTH
def test_F13_M11_parallel_fragments_on_a_full_run(semantics: str) -> None:
    at = _app(PARALLEL_APP, semantics)
    assert _errors(at) == [("ValueError", "boom")]
    if semantics == "seed":  # parallel= ignored: the exception stops the script (X2)
        assert at.markdown.values == ["p1"]
    else:  # detached: None returned, the error stays in p(1), p(2) and the script go on
        assert at.markdown.values == ["p1", "p2", "returned None, None"]
        assert [f.name for f in at.fragments] == ["p", "p"]
        at.button(label="b2").click().run()  # M11: its rerun runs on the script thread
        assert at.runs[-1].fragments == ("p",) and at.runs[-1].status == "finished"


DIALOG_APP = """
import streamlit as st
@st.dialog("D")
def d():
    st.write("in dialog")
@st.fragment(parallel=True)
def p():
    if st.button("open"):
        d()
    else:
        d()
p()
"""


def _parallel_unsafe(api_name: str) -> str:
    """E13 as 1.67's runtime/fragment.py::_check_not_parallel_worker words it."""
    return (
        f"`{api_name}` cannot be called from a parallel fragment during the initial page load, "
        f"because parallel fragments run concurrently on separate threads where `{api_name}` is "
        "not safe.\n\n"
        "To fix this, gate the call behind a widget interaction (e.g., `if st.button(...):`) so "
        "it runs during a sequential fragment rerun instead."
    )


@BOTH
def test_E13_dialog_from_a_parallel_fragment_only_after_the_first_run(semantics: str) -> None:
    at = _app(DIALOG_APP, semantics)
    if semantics == "seed":
        assert _errors(at) == [] and "in dialog" in at.markdown.values
    else:
        [(exc_type, message)] = _errors(at)
        assert exc_type == "StreamlitInvalidLayoutContextError"
        assert message == _parallel_unsafe("@st.dialog")
    at.button(label="open").click().run()  # a later fragment rerun may open it
    assert _errors(at) == [] and "in dialog" in at.markdown.values


def test_E13_switch_page_from_a_parallel_fragment_on_the_first_run() -> None:
    at = _app(
        """
        import streamlit as st
        @st.fragment(parallel=True)
        def p():
            @st.fragment
            def child():
                st.switch_page("other.py")
            child()
        p()
        """,
        "modern",
    )
    # Nested fragments inherit the restriction; the parent shows the child's error again (N6).
    (exc_type, message), (outer_type, _) = _errors(at)
    assert (exc_type, outer_type) == (
        "StreamlitInvalidLayoutContextError",
        "FragmentHandledException",
    )
    assert message == _parallel_unsafe("st.switch_page")
