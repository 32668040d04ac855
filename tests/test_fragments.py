"""st.fragment: decorator forms, identity, full runs and fragment runs (spec sections 2-6).

The three examples of the documentation page (``shared/seed/st_fragment.md``) come first; their
rules are shared by both profiles, so they run under "seed" (1.58) and "modern" (1.59-1.67).
"""

from __future__ import annotations

import dataclasses

import functools
from typing import TYPE_CHECKING

import pytest

from apptest import AppTest
from apptest._profile import SEED, blake2b_hex, md5_hex

if TYPE_CHECKING:
    from conftest import RunApp


# -- the documentation page's examples ---------------------------------------------------------
BOTH_PROFILES = pytest.mark.parametrize("semantics", ["seed", "modern"])


@BOTH_PROFILES
def test_doc_counters_example_fragment_and_full_reruns(semantics: str) -> None:
    at = AppTest.from_file("../examples/counters.py", semantics=semantics).run()
    for _ in range(3):
        at.button(label="Rerun fragment").click().run()
    assert at.markdown.values == [
        "Fragment says it ran 4 times.",
        "Full app says it ran 1 times.",
        "Full app sees that fragment ran 1 times.",
    ]
    assert [r.scope for r in at.runs] == ["app", "fragment", "fragment", "fragment"]
    at.button(label="Rerun full app").click().run()
    assert at.markdown.values == [
        "Fragment says it ran 5 times.",
        "Full app says it ran 2 times.",
        "Full app sees that fragment ran 5 times.",
    ]


@BOTH_PROFILES
def test_doc_plus_one_example_rerun_from_fragment_is_a_full_run(semantics: str) -> None:
    at = AppTest.from_file("apps/doc_plus_one.py", semantics=semantics).run()
    for _ in range(4):
        at.button(label="Plus one!").click().run()
    assert at.header.values == ["Multiples of five clicks: 0"]
    assert all(r.scope == "fragment" for r in at.runs[1:])
    at.button(label="Plus one!").click().run()
    assert at.header.values == ["Multiples of five clicks: 1"]
    assert [(r.scope, r.trigger, r.status) for r in at.runs[-2:]] == [
        ("fragment", "user", "rerun"),
        ("app", "rerun", "finished"),
    ]
    at.button(label="Check click count").click().run()
    assert at.toast.values == ["## Total clicks: 5"]


@BOTH_PROFILES
def test_doc_balloons_example_fragment_click_skips_the_slow_part(semantics: str) -> None:
    at = AppTest.from_file("apps/doc_balloons.py", semantics=semantics).run()
    assert at.runs[0].spinners == ("Inflating balloons...",)
    start = at.clock.now
    at.button(label="Release the balloons").click().run()
    last = at.runs[-1]
    assert (last.scope, last.fragments, last.spinners) == ("fragment", ("release_the_balloons",), ())
    assert at.clock.now == start  # the 5 s sleep did not run again
    assert len(at.get("balloons")) == 1
    assert at.get("balloons")[0].run_id == last.id  # shown again by the fragment run


# -- D: the decorator --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "decorate",
    [
        "@st.fragment\ndef f():",
        "@st.fragment()\ndef f():",
        "@st.fragment(run_every=None)\ndef f():",
        "def f_body():",
    ],
)
def test_D1_D2_call_forms_all_make_a_fragment(decorate: str, app: RunApp) -> None:
    body = '    st.button("b")\n    st.write("inside")\n'
    if decorate.startswith("def f_body"):
        source = "import streamlit as st\n" + decorate + "\n" + body + "f = st.fragment(f_body)\nf()\n"
    else:
        source = "import streamlit as st\n" + decorate + "\n" + body + "f()\n"
    at = app(source)
    assert len(at.fragments) == 1
    at.button(label="b").click().run()
    assert at.runs[-1].scope == "fragment"


def test_D4_lambdas_partials_methods_and_nested_functions(app: RunApp) -> None:
    at = app(
        """
        import functools
        import streamlit as st

        lam = st.fragment(lambda: st.button("lam"))
        lam()

        def greet(name):
            st.button(f"hi {name}")
        st.fragment(functools.partial(greet, "bob"))()

        class Panel:
            @st.fragment
            def show(self):
                st.button("method")
        Panel().show()

        def outer():
            @st.fragment
            def inner():
                st.button("nested")
            inner()
        outer()
        """
    )
    names = [f.name for f in at.fragments]
    assert names == ["<lambda>", "partial", "Panel.show", "outer.<locals>.inner"]
    for label in ("lam", "hi bob", "method", "nested"):
        at.button(label=label).click().run()
        assert at.runs[-1].scope == "fragment"


def test_D5_decorating_registers_nothing_and_D6_outside_a_run_returns_none(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def never_called():
            st.write("x")
        st.write("main")
        """
    )
    assert at.fragments == []
    import apptest._shim as st

    ran: list[int] = []
    wrapper = st.fragment(lambda: ran.append(1) or "value")
    assert wrapper() is None and ran == []


def test_D7_wraps_metadata_and_a_new_wrapper_each_time() -> None:
    import inspect

    import apptest._shim as st

    def documented(a: int, b: str = "x") -> int:
        """Doc."""
        return a

    documented.extra = 5  # type: ignore[attr-defined]
    wrapped = st.fragment(documented)
    assert wrapped is not documented and st.fragment(documented) is not wrapped
    assert (wrapped.__name__, wrapped.__qualname__, wrapped.__doc__) == (
        "documented",
        documented.__qualname__,
        "Doc.",
    )
    assert wrapped.__wrapped__ is documented  # type: ignore[attr-defined]
    assert wrapped.extra == 5  # type: ignore[attr-defined]
    assert inspect.signature(wrapped) == inspect.signature(documented)


def test_D8_return_value_on_a_full_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f(x):
            return x * 2
        st.write(f"got {f(21)}")
        """
    )
    assert at.markdown.values == ["got 42"]


def test_D9_arguments_are_frozen_and_D10_globals_as_left_by_the_full_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("full", 0)
        st.session_state.full += 1
        items = ["a"]
        LATER = "set before the call"
        @st.fragment
        def f(label, seen):
            st.button("go")
            st.write(f"{label} {seen} {LATER}")
        f(f"call {st.session_state.full}", items)
        items.append("b")     # mutation is visible to reruns (same object)
        LATER = "set after the call"
        """
    )
    assert at.markdown.values == ["call 1 ['a'] set before the call"]
    at.button(label="go").click().run()
    assert at.markdown.values == ["call 1 ['a', 'b'] set after the call"]


def test_D11_experimental_fragment_alias_of_1_37_to_1_48_warns_when_called() -> None:
    """A profile with the alias (Streamlit 1.37-1.48; neither seed nor modern has it)."""
    legacy = dataclasses.replace(SEED, name="alias", experimental_fragment_alias=True)
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.experimental_fragment
        def f():
            st.button("go")
        f()
        """,
        semantics=legacy,
    ).run()
    assert len(at.fragments) == 1
    assert "st.experimental_fragment" in at.warning[0].value
    at.button(label="go").click().run()
    assert at.runs[-1].scope == "fragment"


# -- ID: identity --------------------------------------------------------------------------------


def test_ID1_id_is_the_hash_of_module_qualname_and_call_path(app: RunApp) -> None:
    assert blake2b_hex("__main__.f[0, 2]") == "a36e91c625c9c895286498928f6f10ff"
    assert md5_hex("__main__.f[0, 2]") == "c1003b00d8e013e5d09f3d633926c97a"
    at = app(
        """
        import streamlit as st
        st.write("a")
        st.write("b")
        @st.fragment
        def f():
            st.write("c")
        f()
        """
    )
    (info,) = at.fragments
    assert info.path == (0, 2)
    assert info.id == "a36e91c625c9c895286498928f6f10ff"  # seed profile: BLAKE2b (1.57+)


def test_ID4_same_function_at_two_places_gives_two_independent_fragments(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("runs", {})
        @st.fragment
        def counter(name):
            st.session_state.runs[name] = st.session_state.runs.get(name, 0) + 1
            st.button("go", key=name)
            st.write(f"{name}: {st.session_state.runs[name]}")
        counter("one")
        counter("two")
        """
    )
    ids = [f.id for f in at.fragments]
    assert len(set(ids)) == 2
    at.button("two").click().run()
    assert at.runs[-1].fragments == ("counter",)
    assert at.runs[-1].fragment_ids == (ids[1],)
    assert at.markdown.values == ["one: 1", "two: 2"]


def test_ID4_same_unkeyed_widget_in_two_calls_is_a_duplicate_id(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.button("same")
        f()
        f()
        """
    )
    assert at.exception[0].exc_type == "StreamlitDuplicateElementId"
    assert "multiple `button` elements with the same auto-generated ID" in at.exception[0].message


def test_ID4_moving_the_call_site_changes_the_id_and_old_ids_are_pruned() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        if st.session_state.get("shift"):
            st.write("pushes the fragment down")
        @st.fragment
        def f():
            st.text_input("name", key="name")
        f()
        """
    ).run()
    first = at.fragments[0].id
    at.text_input("name").input("kept").run()
    at.session_state["shift"] = True
    at.run()
    (moved,) = at.fragments
    assert moved.id != first and moved.path == (0, 1)
    assert at.text_input("name").value == "kept"  # widget ids are not path-based


# -- F: full runs ------------------------------------------------------------------------------------


def test_F14_F15_fragment_opens_its_own_container_and_tags_what_it_writes(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.write("main")
        @st.fragment
        def f():
            st.write("in fragment")
            with st.expander("more"):
                st.write("deeper")
        f()
        """
    )
    (info,) = at.fragments
    area = at.main[1]
    assert area.type == "container" and area.fragment_id == info.id
    assert [n.fragment_id for n in at.markdown] == ["", info.id, info.id]
    assert at.markdown[1].path == (0, 1, 0)
    assert at.markdown[2].path == (0, 1, 1, 0)


def test_M5_a_fragment_that_writes_nothing_still_has_its_block(app: RunApp) -> None:
    at = app("import streamlit as st\nst.fragment(lambda: None)()\nst.write('after')")
    assert at.main[0].type == "container" and len(at.main[0].children) == 0
    assert at.markdown[0].path == (0, 1)


def test_F5_fragments_not_called_by_a_completed_full_run_are_pruned() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.button("go")
        if st.session_state.get("show", True):
            f()
        """
    ).run()
    assert len(at.fragments) == 1
    at.session_state["show"] = False
    at.run()
    assert at.fragments == []


def test_F5_Q8_an_interrupted_full_run_prunes_nothing() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.button("go")
        if st.session_state.get("show", True):
            f()
        else:
            st.stop()
        """
    ).run()
    at.session_state["show"] = False
    at.run()
    assert len(at.fragments) == 1  # stopped early: storage untouched


def test_F16_X1_X2_exception_in_a_fragment_is_shown_inside_it_and_stops_the_script(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.write("before")
            raise ValueError("boom")
        f()
        st.write("never")
        """
    )
    (error,) = at.exception
    assert (error.exc_type, error.message) == ("ValueError", "boom")
    assert error.path == (0, 0, 1) and error.fragment_id == at.fragments[0].id
    assert at.markdown.values == ["before"]
    assert at.runs[-1].status == "error"


def test_X3_catching_FragmentHandledException_lets_the_script_continue(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            raise KeyError("k")
        try:
            f()
        except Exception as e:
            st.write(f"caught {type(e).__name__} {e.args[0]!r}")
        st.write("continues")
        """
    )
    assert at.markdown.values == ["caught FragmentHandledException KeyError('k')", "continues"]
    assert [e.exc_type for e in at.exception] == ["KeyError"]


# -- R / FE5: fragment runs -----------------------------------------------------------------------


def test_R1_R9_fragment_run_leaves_everything_outside_untouched(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        import random
        st.write(f"main {random.random()}")
        @st.fragment
        def f():
            st.button("go")
            st.write(f"frag {random.random()}")
        f()
        st.checkbox("outside", key="cb")
        """
    )
    at.checkbox("cb").check().run()
    before = at.main
    at.button(label="go").click().run()
    after = at.main
    assert after[0] == before[0] and after[2] == before[2]
    assert after[0].run_id == before[0].run_id
    assert after[1][1].value != before[1][1].value
    assert at.checkbox("cb").value is True  # R9: outside widget values persist


def test_FE5_FE6_fragment_area_is_redrawn_and_stale_children_removed(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("n", 3)
        @st.fragment
        def f():
            if st.button("fewer"):
                st.session_state.n -= 1
            for i in range(st.session_state.n):
                st.write(f"line {i}")
        f()
        st.write("main")
        """
    )
    at.button(label="fewer").click().run()
    assert at.markdown.values == ["line 0", "line 1", "main"]
    assert all(m.run_id == at.runs[-1].id for m in at.markdown[:2])


def test_M1_dynamic_containers_in_a_fragment_leave_no_leftovers(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            three = st.checkbox("three")
            st.tabs(["a", "b", "c"] if three else ["a", "b"])
        f()
        """
    )
    for checked in (True, False, True, False):
        at.checkbox(label="three").set_value(checked).run()
        assert len(at.tabs) == (3 if checked else 2)


def test_R5_missing_fragment_ids_are_skipped_Q2_and_requests_for_them_dropped() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.button("go")
        if st.session_state.get("show", True):
            f()
        st.write("main")
        """
    ).run()
    stale_button = at.button(label="go")
    at.session_state["show"] = False
    at.run()
    count = len(at.runs)
    stale_button.click().run()  # the element is gone and its fragment pruned
    assert len(at.runs) == count


def test_R7_C2_fragment_run_removes_only_its_own_unrendered_widgets(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.text_input("outside", key="out")
        @st.fragment
        def f():
            st.button("toggle")
            if st.session_state.get("show_inner", True):
                st.text_input("inner", key="inner")
        f()
        """
    )
    at.text_input("out").input("o").run()
    at.text_input("inner").input("i").run()
    at.session_state["show_inner"] = False
    at.button(label="toggle").click().run()
    assert "inner" not in at.session_state
    assert at.session_state["out"] == "o"


def test_Q4_R2_two_fragment_clicks_in_one_run_rerun_both_in_click_order(app: RunApp) -> None:
    """Seed (R2): the queue keeps the order received, not the order on the page."""
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
            if st.button("b"):
                st.session_state.log.append("b")
        b()
        a()
        """
    )
    at.button(label="a").click()
    at.button(label="b").click()
    at.run()
    assert at.runs[-1].fragments == ("a", "b")
    assert at.session_state["log"] == ["a", "b"]


def test_Q4_any_interaction_outside_a_fragment_merges_into_one_full_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def a():
            if st.button("a"):
                st.session_state.log.append("a")
        a()
        if st.button("main"):
            st.session_state.log.append("main")
        """
    )
    count = len(at.runs)
    at.button(label="a").click()
    at.button(label="main").click()
    at.run()
    assert len(at.runs) == count + 1 and at.runs[-1].scope == "app"
    assert at.session_state["log"] == ["a", "main"]  # no click is lost


def test_CB1_callbacks_of_fragment_widgets_run_before_the_fragment_body(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def cb(tag):
            st.session_state.log.append(f"callback {tag}")
        @st.fragment
        def f():
            st.session_state.log.append("body")
            st.button("go", on_click=cb, args=("x",))
        f()
        """
    )
    at.session_state["log"] = []
    at.button(label="go").click().run()
    assert at.session_state["log"] == ["callback x", "body"]
    assert at.runs[-1].scope == "fragment"


def test_FM1_form_inside_a_fragment_submits_as_a_fragment_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("full", 0)
        st.session_state.full += 1
        @st.fragment
        def f():
            with st.form("f"):
                name = st.text_input("name")
                if st.form_submit_button("Send"):
                    st.write(f"sent {name}")
        f()
        """
    )
    at.text_input(label="name").input("ada")
    at.get("form_submit_button")[0].click().run()
    assert at.markdown.values == ["sent ada"]
    assert at.runs[-1].scope == "fragment" and at.session_state["full"] == 1


def test_FM2_fragment_inside_a_form_submits_as_a_full_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.text_input("inside fragment")
        with st.form("outer"):
            f()
            submitted = st.form_submit_button("Send")
        st.write(f"submitted={submitted}")
        """
    )
    at.text_input(label="inside fragment").input("x")
    at.get("form_submit_button")[0].click().run()
    assert at.runs[-1].scope == "app"
    assert at.markdown.values == ["submitted=True"]


def test_partial_and_method_identity_use_qualname() -> None:
    partial = functools.partial(print, "x")
    from apptest._server.fragments import object_name

    assert object_name(partial) == "partial"
    assert object_name(test_partial_and_method_identity_use_qualname) == (
        "test_partial_and_method_identity_use_qualname"
    )
