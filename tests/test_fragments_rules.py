"""More fragment rules, one test each (spec sections 2-5, 10): the ones the scenario tests in
``test_fragments*.py`` exercise only in passing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import RunApp


def test_D3_options_are_keyword_only(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        def f():
            st.write("x")
        st.fragment(f, 5)
        """
    )
    assert at.exception[0].exc_type == "TypeError"


def test_RR1_seed_rerun_scope_is_keyword_only(app: RunApp) -> None:
    at = app("import streamlit as st\nst.rerun('fragment')")
    assert at.exception[0].exc_type == "TypeError"


def test_ID2_qualname_rules_decide_the_name() -> None:
    from apptest._server.fragments import object_name

    class NoQualname:
        __name__ = "named"

    assert object_name(NoQualname()) == "named"
    assert object_name(object()) == "object"


@pytest.mark.parametrize(
    ("prefix", "expected_path"),
    [
        ("st.write('a')\nst.write('b')\nf()", (0, 2)),
        ("with st.sidebar:\n    f()", (1, 0)),
        ("st.write('a')\nst.write('b')\nst.write('c')\nwith st.container():\n    st.write('x')\n    f()", (0, 3, 1)),
    ],
)
def test_ID3_call_site_path_is_the_next_free_slot(prefix: str, expected_path: tuple[int, ...], app: RunApp) -> None:
    at = app("import streamlit as st\n@st.fragment\ndef f():\n    st.write('in f')\n" + prefix)
    assert at.fragments[0].path == expected_path
    from apptest._profile import blake2b_hex

    assert at.fragments[0].id == blake2b_hex(f"__main__.f{list(expected_path)}")


def test_F1_every_run_starts_from_fresh_cursors(app: RunApp) -> None:
    at = app("import streamlit as st\nst.write('first')\nst.write('second')")
    at.run()
    assert [m.path for m in at.markdown] == [(0, 0), (0, 1)]


def test_F3_callbacks_run_first_and_a_stop_there_skips_the_body(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        st.session_state.log.append("body")
        def cb():
            st.session_state.log.append("callback")
            if st.session_state.get("halt"):
                st.stop()
        st.checkbox("c", on_change=cb)
        """
    )
    at.checkbox(label="c").check().run()
    assert at.session_state["log"][-2:] == ["callback", "body"]
    at.session_state["halt"] = True
    at.checkbox(label="c").uncheck().run()
    assert at.session_state["log"][-1] == "callback"


def test_F6_S3_a_stopped_run_does_not_reset_triggers_or_drop_stale_widgets(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.text_input("t", key="t")
        if st.session_state.get("stop"):
            st.stop()
        """
    )
    at.text_input("t").input("kept").run()
    at.session_state["stop"] = True
    at.run()
    assert at.session_state["t"] == "kept"


def test_F6_C1_seed_a_run_ended_by_rerun_drops_the_widgets_it_had_not_registered(
    app: RunApp,
) -> None:
    """Issue 10's example, spec section 16 "Stale cleanup after st.rerun" (1.58, observed): the
    fragment's 2nd run calls st.rerun() before its checkbox, so C is stale and reads its default
    in the full run that follows."""
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.session_state.runs = st.session_state.get("runs", 0) + 1
            if st.session_state.runs == 2:
                st.rerun()
            st.checkbox("C", key="c")
        f()
        st.write(f"c = {st.session_state.c}")
        """
    )
    at.checkbox(key="c").check().run()
    assert [r.scope for r in at.runs[-2:]] == ["fragment", "app"]
    assert at.markdown.values == ["c = False"]
    assert at.checkbox(key="c").value is False


def test_F6_C1_seed_a_full_run_ended_by_rerun_keeps_only_the_widgets_it_registered(
    app: RunApp,
) -> None:
    at = app(
        """
        import streamlit as st
        st.text_input("a", key="a")
        if st.session_state.get("go"):
            st.session_state.go = False
            st.rerun()
        st.text_input("b", key="b")
        """
    )
    at.text_input("a").input("x").run()
    at.text_input("b").input("y").run()
    at.session_state["go"] = True
    at.run()
    assert (at.session_state["a"], at.session_state["b"]) == ("x", "")


def test_C1_C2_a_completed_full_run_drops_widgets_it_did_not_render(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        if st.session_state.get("show", True):
            st.text_input("t", key="t")
        """
    )
    at.text_input("t").input("gone soon").run()
    at.session_state["show"] = False
    at.run()
    assert "t" not in at.session_state


def test_F9_R5_fragment_rerun_reopens_its_container_at_the_registration_path(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        left, right = st.columns(2)
        right.write("right before")
        with right:
            @st.fragment
            def f():
                st.button("go")
            f()
        right.write("right after")
        """
    )
    path = at.fragments[0].path
    assert path == (0, 0, 1, 1)
    at.button(label="go").click().run()
    assert at.button[0].path == (*path, 0)
    assert at.columns[1].markdown.values == ["right before", "right after"]


def test_F11_a_later_call_on_the_same_path_overwrites_the_stored_closure(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f(tag):
            st.button("go")
            st.write(tag)
        f(st.session_state.get("tag", "first"))
        """
    )
    at.session_state["tag"] = "second"
    at.run()
    at.button(label="go").click().run()
    assert at.markdown.values == ["second"]
    assert len(at.fragments) == 1


def test_R6_Q7_a_fragment_run_prunes_no_other_fragment(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def a():
            st.button("a")
        @st.fragment
        def b():
            st.button("b")
        a()
        if st.session_state.get("show_b", True):
            b()
        """
    )
    at.session_state["show_b"] = False
    at.button(label="a").click().run()
    assert [f.name for f in at.fragments] == ["a", "b"]  # only full runs prune


def test_R8_fragment_run_status_and_finish_are_recorded(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.button("go")
        f()
        """
    )
    at.button(label="go").click().run()
    last = at.runs[-1]
    assert (last.scope, last.status, last.trigger) == ("fragment", "finished", "user")


def test_W3_duplicate_between_fragment_and_outside_widget_is_only_seen_on_full_runs(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.button("go")
            if st.session_state.get("dup"):
                st.checkbox("same", key="k")
        f()
        if st.session_state.get("dup_outside"):
            st.checkbox("same", key="k")
        """
    )
    at.session_state["dup"] = True
    at.session_state["dup_outside"] = False
    at.button(label="go").click().run()
    assert at.exception.values == []  # fragment run: only the fragment's widgets register
    at.session_state["dup_outside"] = True
    at.run()
    assert at.exception[0].exc_type == "StreamlitDuplicateElementKey"


def test_W5_widgets_record_the_fragment_that_was_running(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.checkbox("outside", key="o")
        @st.fragment
        def f():
            st.checkbox("inside", key="i")
        f()
        """
    )
    meta = at._session.state.meta
    fragment_id = at.fragments[0].id
    by_key = {m.user_key: m.fragment_id for m in meta.values()}
    assert by_key == {"o": "", "i": fragment_id}
    assert at.checkbox("i").fragment_id == fragment_id


def test_V3_compaction_keeps_values_set_in_earlier_runs(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        if "x" not in st.session_state:
            st.session_state.x = 1
        st.checkbox("c", key="c")
        st.write(st.session_state.x)
        """
    )
    for _ in range(3):
        at.checkbox("c").set_value(not at.checkbox("c").value).run()
    assert at.session_state["x"] == 1


def test_M4_dialog_adds_two_levels_and_fragments_one(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.dialog("d")
        def d():
            st.write("in dialog")
        @st.fragment
        def f():
            st.write("in fragment")
        f()
        d()
        """
    )
    paths = {m.value: m.path for m in at.get("markdown")}
    assert paths == {"in fragment": (0, 0, 0), "in dialog": (2, 0, 0, 0)}


def test_E22_stop_in_a_fragment_is_not_an_error(app: RunApp) -> None:
    at = app("import streamlit as st\nst.fragment(st.stop)()\nst.write('after')")
    assert at.exception.values == [] and at.markdown.values == []
    assert at.runs[-1].status == "stopped"


def test_E18_X5_duplicate_widget_in_a_nested_fragment_is_shown_twice(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def child():
            st.button("same")
            st.button("same")
        @st.fragment
        def parent():
            child()
        parent()
        """
    )
    assert [e.exc_type for e in at.exception] == [
        "StreamlitDuplicateElementId",
        "FragmentHandledException",
    ]


def test_Q6_E21_a_queued_fragment_that_vanished_is_skipped(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.fragment
        def a():
            if st.button("a"):
                st.session_state.log.append("a")
                st.session_state.hide_b = True
                st.rerun()
        @st.fragment
        def b():
            if st.button("b"):
                st.session_state.log.append("b")
        a()
        if not st.session_state.get("hide_b"):
            b()
        """
    )
    at.button(label="a").click()
    at.button(label="b").click()
    at.run()
    # a's rerun ended the fragment run before b ran; the full run then dropped b.
    assert at.session_state["log"] == ["a"]
    assert [f.name for f in at.fragments] == ["a"]
