"""Control flow with fragments: st.rerun, st.stop, exceptions, callbacks, nesting (spec 5.1, 9)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from apptest import AppTest

if TYPE_CHECKING:
    from conftest import RunApp

E1 = (
    'scope="fragment" can only be specified from `@st.fragment`-decorated functions during '
    "fragment reruns."
)


# -- st.rerun ------------------------------------------------------------------------------------


def test_RR2_rerun_in_a_fragment_run_ends_it_and_starts_a_full_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def f():
            if st.button("go"):
                st.session_state.log.append("before rerun")
                st.rerun()
                st.session_state.log.append("never")
        @st.fragment
        def g():
            st.session_state.log.append("g")
        f()
        g()
        """
    )
    at.session_state["log"] = []
    at.button(label="go").click().run()
    assert [(r.scope, r.status) for r in at.runs[-2:]] == [("fragment", "rerun"), ("app", "finished")]
    assert at.session_state["log"] == ["before rerun", "g"]


def test_RR3_scoped_rerun_reruns_the_calling_fragment_only(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("k", 0)
        st.session_state.setdefault("app", 0)
        st.session_state.app += 1
        @st.fragment
        def f():
            st.session_state.k += 1
            st.write(f"k={st.session_state.k}")
            if st.button("loop") or 1 < st.session_state.k % 5:
                if st.session_state.k % 5:
                    st.rerun(scope="fragment")
        f()
        """
    )
    at.button(label="loop").click().run()
    assert at.markdown.values == ["k=5"]
    assert at.session_state["app"] == 1
    assert [r.trigger for r in at.runs[1:]] == ["user", "rerun", "rerun", "rerun"]
    assert all(r.scope == "fragment" for r in at.runs[1:])


def test_RR3_scoped_rerun_covers_the_caller_and_fragments_queued_after_it(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def a():
            if st.button("a"):
                st.session_state.log.append("a")
        @st.fragment
        def b():
            st.session_state.log.append("b")
            if st.button("b") and st.session_state.log.count("b") < 3:
                st.rerun(scope="fragment")
        @st.fragment
        def c():
            st.session_state.log.append("c body")
            if st.button("c"):
                st.session_state.log.append("c clicked")
        a()
        b()
        c()
        """
    )
    at.session_state["log"] = []
    at.button(label="a").click()
    at.button(label="b").click()
    at.button(label="c").click()
    at.run()
    assert at.runs[-2].fragments == ("a", "b", "c")
    assert at.runs[-1].fragments == ("b", "c")  # dropwhile from the caller
    # c was cut short in the first run; its click trigger was reset with that run (C5).
    assert at.session_state["log"] == ["a", "b", "b", "c body"]


def test_E1_scoped_rerun_during_a_full_run_raises_where_called(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.write("in fragment")
            st.rerun(scope="fragment")
        f()
        st.write("after")
        """
    )
    (error,) = at.exception
    assert (error.exc_type, error.message) == ("StreamlitAPIException", E1)
    assert error.path == (0, 0, 1)
    assert "after" not in at.markdown.values


def test_E1_scoped_rerun_in_the_main_body_raises(app: RunApp) -> None:
    at = app("import streamlit as st\nst.rerun(scope='fragment')")
    assert at.exception[0].message == E1


def test_RR5_rerun_is_not_swallowed_by_except_Exception(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        if st.session_state.n == 1:
            try:
                st.rerun()
            except Exception:
                st.write("swallowed")
        st.write(f"n={st.session_state.n}")
        """
    )
    assert at.markdown.values == ["n=2"]


def test_RR7_seed_rerun_in_a_callback_is_a_no_op_with_a_warning(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        def cb():
            st.rerun()
        st.button("go", on_click=cb)
        """
    )
    at.button(label="go").click().run()
    assert at.warning.values == ["Calling st.rerun() within a callback is a no-op."]
    assert at.warning[0].path == (0, 0)
    assert at.session_state["runs"] == 2 and at.runs[-1].status == "finished"


# -- st.stop -------------------------------------------------------------------------------------


def test_S1_stop_in_a_fragment_during_a_full_run_stops_the_script(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.write("in f")
            st.stop()
        f()
        st.write("after")
        """
    )
    assert at.markdown.values == ["in f"]
    assert at.runs[-1].status == "stopped"


def test_S2_stop_in_a_fragment_run_ends_that_run_only(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def f():
            if st.button("f"):
                st.session_state.log.append("f")
                st.stop()
        @st.fragment
        def g():
            if st.button("g"):
                st.session_state.log.append("g")
        f()
        g()
        st.write("main")
        """
    )
    at.button(label="f").click()
    at.button(label="g").click()
    at.run()
    assert at.session_state["log"] == ["f"]  # g was queued after f and did not run
    assert at.markdown.values == ["main"]  # the rest of the app stays
    assert at.runs[-1].scope == "fragment" and at.runs[-1].status == "stopped"


def test_S4_stop_in_a_callback_ends_the_run_before_the_body(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("body", 0)
        st.session_state.body += 1
        st.button("go", on_click=st.stop)
        """
    )
    at.button(label="go").click().run()
    assert at.session_state["body"] == 1


# -- exceptions -----------------------------------------------------------------------------------


def test_X4_R5_exception_in_one_queued_fragment_does_not_stop_the_next(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def bad():
            if st.button("bad"):
                raise RuntimeError("bad fragment")
        @st.fragment
        def good():
            if st.button("good"):
                st.session_state.log.append("good ran")
        bad()
        good()
        """
    )
    at.button(label="bad").click()
    at.button(label="good").click()
    at.run()
    assert at.session_state["log"] == ["good ran"]
    (error,) = at.exception
    assert error.message == "bad fragment" and error.fragment_id == at.fragments[0].id


def test_X1_R5_exception_disappears_when_the_fragment_reruns_cleanly(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            fail = st.checkbox("fail")
            if fail:
                raise ValueError("failing")
            st.write("fine")
        f()
        st.write("main")
        """
    )
    at.checkbox(label="fail").check().run()
    assert at.exception.values == ["failing"] and at.markdown.values == ["main"]
    at.checkbox(label="fail").uncheck().run()
    assert at.exception.values == [] and at.markdown.values == ["fine", "main"]


def test_X6_exception_in_a_callback_shows_at_the_top_and_skips_the_body(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("body", 0)
        st.session_state.body += 1
        def cb():
            raise ZeroDivisionError("in callback")
        st.write("first")
        @st.fragment
        def f():
            st.button("go", on_click=cb)
        f()
        """
    )
    at.button(label="go").click().run()
    (error,) = at.exception
    assert error.message == "in callback" and error.path == (0, 0) and error.fragment_id == ""
    assert at.session_state["body"] == 1


# -- nested fragments -------------------------------------------------------------------------------

NESTED = """
import streamlit as st
st.session_state.setdefault("log", [])
@st.fragment
def inner():
    st.session_state.log.append("inner")
    st.button("inner")
    if st.session_state.get("inner_fails"):
        raise ValueError("inner failed")
@st.fragment
def outer():
    st.session_state.log.append("outer")
    st.button("outer")
    if st.session_state.get("show_inner", True):
        inner()
outer()
st.write("main")
"""


def test_N1_N2_interactions_route_to_the_innermost_fragment(app: RunApp) -> None:
    at = app(NESTED)
    outer_id, inner_id = (f.id for f in at.fragments)
    assert at.fragments[1].parent == outer_id
    at.session_state["log"] = []
    at.button(label="inner").click().run()
    assert at.session_state["log"] == ["inner"] and at.runs[-1].fragment_ids == (inner_id,)
    at.session_state["log"] = []
    at.button(label="outer").click().run()
    assert at.session_state["log"] == ["outer", "inner"]  # parent reruns children inline


def test_N3_seed_child_no_longer_called_is_dropped_at_once(app: RunApp) -> None:
    """N3, 1.58 note (observed in the browser): the parent's rerun evicts the child at once;
    only 1.39 kept it until the next full run."""
    at = app(NESTED)
    at.session_state["show_inner"] = False
    at.button(label="outer").click().run()
    assert [b.label for b in at.button] == ["outer"]  # the child's area is gone (FE6)
    assert [f.name for f in at.fragments] == ["outer"]


def test_N3_seed_an_evicted_timed_child_keeps_its_timer_but_its_ticks_run_nothing(
    app: RunApp,
) -> None:
    """1.58 has no ``stop_auto_rerun``: the browser's timer fires, and the server drops the
    tick for a fragment it no longer has (Q2, E21)."""
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment(run_every=2)
        def child():
            st.session_state.log.append("child")
        @st.fragment
        def parent():
            st.button("parent")
            if st.session_state.get("show", True):
                child()
        parent()
        """
    )
    child_id = at.fragments[1].id
    at.session_state["show"] = False
    at.button(label="parent").click().run()
    assert [f.name for f in at.fragments] == ["parent"]
    assert [p.fragment_id for p in at.clock.pending()] == [child_id]
    runs = len(at.runs)
    at.clock.advance(2)
    assert len(at.runs) == runs and at.session_state["log"] == ["child"]
    assert [p.fragment_id for p in at.clock.pending()] == [child_id]  # still armed


def test_N3_seed_a_child_not_called_before_the_parents_rerun_stopped_is_dropped(
    app: RunApp,
) -> None:
    """1.58 drops the children a parent rerun had not called again, however the rerun ended
    (here ``st.stop()`` before the child's call)."""
    at = app(
        """
        import streamlit as st
        @st.fragment
        def child():
            st.write("child")
        @st.fragment
        def parent():
            if st.button("parent"):
                st.stop()
            child()
        parent()
        """
    )
    at.button(label="parent").click().run()
    assert at.runs[-1].status == "stopped"
    assert [f.name for f in at.fragments] == ["parent"]


def test_N6_child_exception_is_shown_twice_and_stops_the_full_run(app: RunApp) -> None:
    at = app(NESTED)
    at.session_state["inner_fails"] = True
    at.run()
    assert [(e.exc_type, e.message) for e in at.exception] == [
        ("ValueError", "inner failed"),
        ("FragmentHandledException", "inner failed"),
    ]
    assert "main" not in at.markdown.values


def test_N7_E2_scoped_rerun_from_a_child_inside_its_parents_rerun(app: RunApp) -> None:
    """E2, 1.58 note (observed in the browser): RuntimeError; only 1.39 raised AssertionError."""
    at = app(
        """
        import streamlit as st
        @st.fragment
        def child():
            if st.session_state.get("go"):
                st.rerun(scope="fragment")
        @st.fragment
        def parent():
            st.button("parent")
            child()
        parent()
        """
    )
    at.session_state["go"] = True
    at.button(label="parent").click().run()
    messages = [(e.exc_type, e.message) for e in at.exception]
    text = "Could not find current_fragment_id in fragment_id_queue. This should never happen."
    assert messages == [("RuntimeError", text), ("FragmentHandledException", text)]


def test_N5_widgets_of_a_child_the_parent_stopped_rendering_survive_until_a_full_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def child():
            st.text_input("child", key="child")
        @st.fragment
        def parent():
            st.button("parent")
            if st.session_state.get("show", True):
                child()
        parent()
        """
    )
    at.text_input("child").input("kept").run()
    at.session_state["show"] = False
    at.button(label="parent").click().run()
    assert at.session_state["child"] == "kept"
    at.run()
    assert "child" not in at.session_state


# -- callbacks and Session State across scopes -------------------------------------------------------


def test_CB3_seed_callback_elements_are_untagged_and_replace_the_top_of_main(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        def cb():
            st.write("from callback")
        @st.fragment
        def f():
            st.button("go", on_click=cb)
            st.write("body")
        st.write("first")
        f()
        """
    )
    at.button(label="go").click().run()
    assert [(m.path, m.fragment_id, m.value) for m in at.markdown][0] == (
        (0, 0),
        "",
        "from callback",
    )
    assert at.markdown.values == ["from callback", "body"]


def test_SS3_outside_widget_key_set_by_a_fragment_reverts_on_the_next_full_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        st.text_input("outside", key="out", on_change=lambda: st.session_state.log.append("changed"))
        @st.fragment
        def f():
            if st.button("set"):
                st.session_state.out = "from fragment"
            st.write(f"sees {st.session_state.out}")
        f()
        """
    )
    at.text_input("out").input("typed").run()
    assert at.session_state["log"] == ["changed"]
    at.button(label="set").click().run()
    assert at.markdown.values == ["sees from fragment"]  # readable at once
    at.run()
    assert at.session_state["out"] == "typed"  # the browser's stale value wins ...
    assert at.session_state["log"] == ["changed", "changed"]  # ... and on_change fires


def test_FE7_form_in_main_submitted_by_an_untagged_button_is_a_full_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.form("f"):
            st.checkbox("agree")
            done = st.form_submit_button("Send")
        st.write(f"done={done}")
        """
    )
    at.checkbox(label="agree").check()
    at.get("form_submit_button")[0].click().run()
    assert at.runs[-1].scope == "app" and at.markdown.values == ["done=True"]
    assert at.checkbox(label="agree").value is True


def test_FE8_values_of_widgets_outside_a_rerun_fragment_are_kept(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.checkbox("outside", key="o")
        @st.fragment
        def f():
            st.checkbox("inside", key="i")
        f()
        st.write(f"{st.session_state.o} {st.session_state.i}")
        """
    )
    at.checkbox("o").check().run()
    at.checkbox("i").check().run()
    assert at.runs[-1].scope == "fragment"
    at.run()
    assert at.markdown.values == ["True True"]


def test_profiles_unknown_name_is_a_clear_error() -> None:
    import pytest

    from apptest import AppTestError

    with pytest.raises(AppTestError, match="Known profiles: 'modern', 'seed'"):
        AppTest.from_string("", semantics="1.39")
    assert AppTest.from_string("").semantics.name == "seed"
    assert str(AppTest.from_string("", semantics="modern").semantics) == (
        "modern (Streamlit 1.59-1.67)"
    )


def test_at_fragments_lists_name_id_path_run_every_and_parent(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment(run_every="2s")
        def child():
            st.write("c")
        @st.fragment
        def parent():
            child()
        parent()
        """
    )
    parent, child = at.fragments
    assert (parent.name, parent.path, parent.run_every, parent.parent) == ("parent", (0, 0), None, None)
    assert (child.name, child.path, child.run_every, child.parent) == ("child", (0, 0, 0), 2.0, parent.id)


def test_RR7_seed_rerun_ends_the_callback_but_not_the_other_callbacks(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def first():
            st.session_state.log.append("first before")
            st.rerun()
            st.session_state.log.append("first after")
        def second():
            st.session_state.log.append("second")
        st.button("a", on_click=first)
        st.checkbox("b", on_change=second)
        """
    )
    at.button(label="a").click()
    at.checkbox(label="b").check()
    at.run()
    assert sorted(at.session_state["log"]) == ["first before", "second"]
    assert at.runs[-1].scope == "app" and at.runs[-1].status == "finished"


def test_E5_unknown_rerun_scope_is_refused(app: RunApp) -> None:
    at = app("import streamlit as st\nst.rerun(scope='page')")
    assert at.exception[0].exc_type == "StreamlitAPIException"
    assert at.exception[0].message == (
        "'page'is not a valid rerun scope. Valid scopes are 'app' and 'fragment'."
    )


def test_N4_seed_queued_parent_and_child_both_run(app: RunApp) -> None:
    """Legacy queue handling: a queued child still runs after its queued parent (1.67 skips it)."""
    at = app(NESTED)
    at.session_state["log"] = []
    at.button(label="outer").click()
    at.button(label="inner").click()
    at.run()
    assert at.runs[-1].fragments == ("outer", "inner")
    assert at.session_state["log"] == ["outer", "inner", "inner"]
