"""The element tree (issue 2, point 4): roots, delta paths, containers, elements, st.write.

Rule ids: FE1 (a delta replaces the node at its path; ancestors take the run id), FE2 (a block
re-sent with the same type keeps its children), FE3 (clearing only after a finished run; a run
ended by st.rerun clears nothing), FE4 (a full run removes every node it did not write), M2
(st.empty and element handles write to one slot).
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from apptest import AppTest, RerunLimitError
from apptest._api.query import Block

if TYPE_CHECKING:
    from conftest import RunApp


def probing(function: Callable[..., Any]) -> tuple[AppTest, list[str]]:
    """An AppTest of ``function(probe)``; ``probe()`` records ``at.tree`` mid-run."""
    trees: list[str] = []
    holder: list[AppTest] = []

    def probe() -> None:
        trees.append(holder[0].tree)

    at = AppTest.from_function(function, args=(probe,))
    holder.append(at)
    return at, trees


# -- roots and node identity -------------------------------------------------------------------
def test_roots_main_sidebar_event(app: RunApp) -> None:
    at = app("import streamlit as st\nst.write('m')\nst.sidebar.write('s')\nst.toast('t')")
    assert [root.type for root in (at.main, at.sidebar, at.event)] == ["main", "sidebar", "event"]
    assert [root.path for root in (at.main, at.sidebar, at.event)] == [(0,), (1,), (2,)]
    assert at[0] is at.main[0]
    assert len(at) == len(at.main) == 1
    assert at.main.markdown.values == ["m"]
    assert at.sidebar.markdown.values == ["s"]
    assert at.event.toast.values == ["t"]


def test_every_node_has_path_run_id_and_fragment_id(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.write("a")
        with st.container():
            st.write("b")
            c1, c2 = st.columns(2)
            c2.write("c")
        st.sidebar.write("d")
        """
    )
    seen = {}
    for node in at.main.get("markdown"):
        seen[node.value] = node.path
        assert node.run_id == 1
        assert node.fragment_id == ""
        assert node.fragment is None
    assert seen == {"a": (0, 0), "b": (0, 1, 0), "c": (0, 1, 1, 1, 0)}
    assert at.sidebar.markdown[0].path == (1, 0)
    for block in (at.container[0], at.columns[1]):
        assert block.run_id == 1 and block.fragment_id == ""
    at.run()
    assert {node.run_id for node in at.markdown} == {2}


def test_node_paths_index_into_the_tree(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.expander("E"):
            with st.container():
                st.write("deep")
        """
    )
    node = at.markdown[0]
    walked: Any = (at.main, at.sidebar, at.event)[node.path[0]]
    for index in node.path[1:]:
        walked = walked[index]
    assert walked is node


# -- containers --------------------------------------------------------------------------------
def test_container_with_border_and_key(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        box = st.container(border=True, key="box")
        box.write("inside")
        plain = st.container()
        """
    )
    box, plain = at.container
    assert box.proto["border"] is True and box.key == "box"
    assert plain.proto["border"] is False and plain.key is None
    assert box.markdown.values == ["inside"]
    assert at.get_by_key("box") is box


def test_columns_int_spec_gap_and_weights(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        a, b, c = st.columns(3, gap="large")
        b.write("middle")
        """
    )
    assert len(at.columns) == 3
    assert [col.weight for col in at.columns] == pytest.approx([1 / 3] * 3)
    assert {col.gap for col in at.columns} == {"large"}
    assert at.columns[1].markdown.values == ["middle"]
    assert at.get("horizontal")[0].proto["gap"] == "large"
    assert [col.path for col in at.columns] == [(0, 0, 0), (0, 0, 1), (0, 0, 2)]


def test_columns_list_spec_normalises_weights(app: RunApp) -> None:
    at = app("import streamlit as st\nst.columns([2, 1])")
    assert [col.weight for col in at.columns] == pytest.approx([2 / 3, 1 / 3])
    assert [col.gap for col in at.columns] == ["small", "small"]  # the default


@pytest.mark.parametrize("spec", ["0", "[]", "[1, 0]", "[-1, 2]"])
def test_columns_bad_spec_is_streamlits_error(spec: str, app: RunApp) -> None:
    at = app(f"import streamlit as st\nst.columns({spec})")
    [exc] = at.exception
    assert exc.exc_type == "StreamlitInvalidColumnSpecError"
    assert exc.message.startswith(
        "The `spec` argument to `st.columns` must be either a positive integer"
    )


def test_columns_bad_gap_is_streamlits_error(app: RunApp) -> None:
    at = app("import streamlit as st\nst.columns(2, gap='huge')")
    [exc] = at.exception
    assert exc.exc_type == "StreamlitInvalidColumnGapError"
    assert exc.message == (
        'The `gap` argument to `st.columns` must be `"small"`, `"medium"`, or `"large"`. \n'
        "The argument passed was huge."
    )


def test_tabs_with_and_methods(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        one, two = st.tabs(["One", "Two"])
        one.write("first")
        with two:
            st.write("second")
        """
    )
    assert [tab.label for tab in at.tabs] == ["One", "Two"]
    assert at.tabs[0].markdown.values == ["first"]
    assert at.tabs[1].markdown.values == ["second"]
    assert at.get("tab_container")[0].path == (0, 0)


def test_expander_and_popover(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.expander("More", expanded=True):
            st.write("hidden")
        pop = st.popover("Pop")
        pop.button("In popover")
        """
    )
    [expander] = at.expander
    assert expander.label == "More" and expander.proto["expanded"] is True
    assert expander.markdown.values == ["hidden"]
    [popover] = at.popover
    assert popover.label == "Pop"
    assert popover.button[0].label == "In popover"


def test_M2_empty_is_a_single_slot(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        slot = st.empty()
        slot.write("first")
        slot.write("second")
        with st.empty():
            st.write("one")
            st.write("two")
        st.write("after")
        """
    )
    assert at.markdown.values == ["second", "two", "after"]
    assert [node.path for node in at.markdown] == [(0, 0), (0, 1), (0, 2)]


def test_M2_element_handle_replaces_its_element(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        handle = st.markdown("old")
        st.write("next")
        handle.info("replaced")
        """
    )
    assert at.main[0].type == "info" and at.main[0].value == "replaced"
    assert at.markdown.values == ["next"]


def test_empty_container_holds_several_elements(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        box = st.empty().container()
        box.write("a")
        box.write("b")
        """
    )
    assert at.container[0].markdown.values == ["a", "b"]


def test_status_complete_on_exit_and_update(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.status("Working") as s:
            st.write("step")
        other = st.status("Manual", state="running")
        other.update(label="Done", state="error", expanded=True)
        """
    )
    first, second = at.status
    assert (first.label, first.state) == ("Working", "complete")
    assert first.markdown.values == ["step"]
    assert (second.label, second.state, second.proto["expanded"]) == ("Done", "error", True)


def test_status_error_when_its_body_raises(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.status("Risky"):
            raise ValueError("no")
        """
    )
    assert at.status[0].state == "error"
    assert at.exception[0].message == "no"


def test_form_block(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.form("f"):
            st.write("in form")
            st.form_submit_button("Send")
        """
    )
    [form] = at.form
    assert form.proto["form_id"] == "f"
    assert form.markdown.values == ["in form"]


def test_sidebar_as_attribute_and_with(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.sidebar.title("Side")
        with st.sidebar:
            st.write("in with")
            st.button("side button")
            col, = st.columns(1)
            col.write("in column")
        st.write("main")
        """
    )
    assert at.sidebar.title.values == ["Side"]
    assert at.sidebar.markdown.values == ["in with", "in column"]
    assert at.sidebar.button[0].label == "side button"
    assert at.main.markdown.values == ["main"]


def test_container_methods_and_with_on_every_container(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        blocks = {
            "container": st.container(),
            "column": st.columns(1)[0],
            "tab": st.tabs(["T"])[0],
            "expander": st.expander("E"),
            "popover": st.popover("P"),
            "status": st.status("S"),
            "form": st.form("F"),
            "sidebar": st.sidebar,
        }
        for name, block in blocks.items():
            block.write(f"method {name}")
            with block:
                st.write(f"with {name}")
        """
    )
    for node in (
        at.container[0], at.columns[0], at.tabs[0], at.expander[0], at.popover[0],
        at.status[0], at.form[0], at.sidebar,
    ):
        name = "sidebar" if node.type == "sidebar" else node.type
        assert node.markdown.values == [f"method {name}", f"with {name}"]
    # Nothing landed at the top level of main: every write went into its block.
    assert [n.type for n in at.main] == [
        "container", "horizontal", "tab_container", "expander", "popover", "status", "form",
    ]


def test_nested_with_blocks_restore_the_outer_target(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.container():
            st.write("outer 1")
            with st.expander("E"):
                st.write("inner")
            st.write("outer 2")
        st.write("top")
        """
    )
    assert at.container[0].markdown.values == ["outer 1", "inner", "outer 2"]
    assert [n.path for n in at.markdown] == [(0, 0, 0), (0, 0, 1, 0), (0, 0, 2), (0, 1)]


def test_column_button_returns_its_value(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        left, right = st.columns(2)
        if right.button("Press"):
            left.write("pressed")
        """
    )
    at.columns[1].button[0].click().run()
    assert at.columns[0].markdown.values == ["pressed"]


# -- elements ----------------------------------------------------------------------------------
def test_text_elements(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.markdown("**md**")
        st.title("Title")
        st.header("Header", divider=True)
        st.subheader("Sub")
        st.caption("cap")
        st.text("plain")
        st.code("print(1)", language="python")
        st.latex("x^2")
        st.divider()
        st.html("<b>b</b>")
        """
    )
    assert [n.type for n in at.main] == [
        "markdown", "title", "header", "subheader", "caption", "text", "code", "latex",
        "divider", "html",
    ]
    assert at.markdown.values == ["**md**"]
    assert (at.title[0].value, at.title[0].tag) == ("Title", "h1")
    assert (at.header[0].value, at.header[0].tag) == ("Header", "h2")
    assert at.subheader.values == ["Sub"]
    assert at.caption.values == ["cap"]
    assert at.text.values == ["plain"]
    assert at.code[0].value == "print(1)" and at.code[0].proto["language"] == "python"
    assert at.latex.values == ["$$\nx^2\n$$"]  # as Streamlit sends it, and AppTest reads it
    assert len(at.divider) == 1
    assert at.get("html")[0].value == "<b>b</b>"


def test_alerts_metric_json_and_exception(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.error("e")
        st.warning("w")
        st.info("i", icon="🔥")
        st.success("s")
        st.metric("Temp", 70, "1.2 °F", help="degrees")
        st.json({"a": [1, 2]})
        try:
            raise KeyError("missing")
        except KeyError as exc:
            st.exception(exc)
        st.write("exception does not stop the script")
        """
    )
    assert (at.error.values, at.warning.values, at.success.values) == (["e"], ["w"], ["s"])
    assert at.info[0].icon == "🔥"
    metric = at.metric[0]
    assert (metric.label, metric.value, metric.delta, metric.help) == (
        "Temp", "70", "1.2 °F", "degrees",
    )
    assert json.loads(at.json[0].value) == {"a": [1, 2]}
    exc = at.exception[0]
    assert (exc.exc_type, exc.message) == ("KeyError", "'missing'")
    assert exc.stack_trace[0].startswith('File "<streamlit app>", line 10')
    assert at.markdown.values == ["exception does not stop the script"]


def test_toast_goes_to_the_event_root(app: RunApp) -> None:
    at = app("import streamlit as st\nst.write('x')\nst.toast('Saved', icon='✅')")
    [toast] = at.toast
    assert toast.path == (2, 0)
    assert (toast.value, toast.icon) == ("Saved", "✅")
    assert [n.type for n in at.main] == ["markdown"]


def test_balloons_snow_progress_and_media(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.balloons()
        st.snow()
        bar = st.progress(10, text="loading")
        bar.progress(80, text="almost")
        st.image("cat.png", caption="Cat")
        st.audio(b"RIFF", format="audio/wav")
        st.video("movie.mp4")
        """
    )
    assert [n.type for n in at.main] == ["balloons", "snow", "progress", "image", "audio", "video"]
    progress = at.get("progress")[0]
    assert (progress.value, progress.proto["text"]) == (80, "almost")
    assert at.get("image")[0].proto["caption"] == "Cat"
    assert at.get("audio")[0].proto["data"] == b"RIFF"


@pytest.mark.parametrize(
    "command",
    [
        "line_chart", "area_chart", "bar_chart", "scatter_chart", "map", "altair_chart",
        "vega_lite_chart", "plotly_chart", "pyplot", "pydeck_chart",
        "graphviz_chart",
    ],
)
def test_chart_commands_are_recorded_generically(command: str, app: RunApp) -> None:
    at = app(f"import streamlit as st\nst.{command}({{'a': [1, 2]}})")
    [chart] = at.get(command)
    assert chart.proto["data"] == {"a": [1, 2]}
    assert not at.exception


def test_dataframe_and_table_with_plain_data(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.dataframe({"a": [1, 2]})
        st.table([[1, 2], [3, 4]])
        """
    )
    assert at.dataframe[0].value == {"a": [1, 2]}
    assert at.table[0].value == [[1, 2], [3, 4]]


def test_dataframe_with_pandas_when_installed() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"a": [1, 2]})

    def show(frame):  # type: ignore[no-untyped-def]
        import streamlit as st

        st.write(frame)
        st.dataframe(frame)

    at = AppTest.from_function(show, args=(frame,)).run()
    assert len(at.dataframe) == 2
    assert at.dataframe[0].value.equals(frame)


# -- st.write dispatch -------------------------------------------------------------------------
def test_write_dispatch(app: RunApp) -> None:
    at = app(
        """
        import dataclasses
        import streamlit as st

        @dataclasses.dataclass
        class Point:
            x: int

        st.write("just text")
        st.write("several", "strings", 3, None, True)
        st.write({"k": 1})
        st.write([1, "two"])
        st.write(ValueError("shown"))
        st.write(42)
        st.write(2.5)
        st.write("line 1\\nline 2")
        st.write(len)
        st.write(Point)
        st.write(object())
        st.write("a `tick`", 1)
        """
    )
    kinds = [node.type for node in at.main]
    assert kinds == [
        "markdown", "markdown", "json", "json", "exception", "markdown", "markdown",
        "markdown", "help", "help", "help", "markdown",
    ]
    assert at.markdown.values == [
        "just text",
        "several strings `3` `None` `True`",
        "`42`",
        "`2.5`",
        "line 1\nline 2",
        "a `tick` `1`",
    ]
    assert [json.loads(v) for v in at.json.values] == [{"k": 1}, [1, "two"]]
    assert at.exception[0].message == "shown"
    assert at.get("help")[0].proto["name"] == "len"


def test_write_multiline_value_is_a_fenced_block(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        class Multi:
            def __str__(self):
                return "a\\n```b"
        st.write(Multi())
        """
    )
    assert at.markdown.values == ["````\na\n```b\n````"]


def test_write_backticks_in_a_value_get_longer_fences(app: RunApp) -> None:
    at = app("import streamlit as st\nclass V:\n    def __str__(self): return 'a`b'\nst.write(V())")
    assert at.markdown.values == ["``a`b``"]


@given(hs.text())
def test_write_of_any_text_round_trips_to_markdown(text: str) -> None:
    at = AppTest.from_function(_write_argument, args=(text,)).run()
    assert at.markdown.values == [textwrap.dedent(text).strip()]  # Streamlit's clean_text
    assert not at.exception


def _write_argument(value):  # type: ignore[no-untyped-def]
    import streamlit as st

    st.write(value)


# -- spinner -----------------------------------------------------------------------------------
def test_spinner_is_a_transient_shown_while_its_body_runs() -> None:
    """1.58 spinners are transient: shown at the cursor, taking no slot, gone afterwards."""
    def spinning(probe):  # type: ignore[no-untyped-def]
        import streamlit as st

        with st.spinner("Crunching"):
            probe()
            st.write("result")
        st.write("after")

    at, trees = probing(spinning)
    at.run()
    assert trees == ["main\n  spinner 'Crunching'"]
    assert [n.type for n in at.main] == ["markdown", "markdown"]
    assert at.main[0].path == (0, 0)
    assert at.runs[-1].spinners == ("Crunching",)


def test_spinner_is_removed_when_its_body_raises(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.spinner("Working"):
            raise RuntimeError("broken")
        """
    )
    assert [n.type for n in at.main] == ["exception"]
    assert at.runs[-1].spinners == ("Working",)


# -- stale clearing (FE1-FE4) ------------------------------------------------------------------
STALE_APP = """
import streamlit as st
first = "seen" not in st.session_state
st.session_state.seen = True
st.write("always")
if first:
    st.write("only in run 1")
    st.sidebar.write("sidebar run 1")
    st.toast("toast run 1")
    with st.expander("E"):
        st.write("gone later")
"""


def test_FE4_full_run_removes_what_it_did_not_write(app: RunApp) -> None:
    at = app(STALE_APP)
    assert at.markdown.values == ["always", "only in run 1", "gone later", "sidebar run 1"]
    assert len(at.toast) == 1
    at.run()
    assert at.markdown.values == ["always"]
    assert not at.expander
    assert not at.sidebar.children
    assert not at.toast
    assert at.tree == "main\n  markdown 'always'"


def test_FE1_a_delta_replaces_the_node_at_its_path(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        if "again" in st.session_state:
            st.info("replacement")
        else:
            st.session_state.again = True
            st.write("original")
        """
    )
    assert at.main[0].type == "markdown"
    at.run()
    assert [(n.type, n.value, n.path) for n in at.main] == [("info", "replacement", (0, 0))]


def test_FE1_ancestors_take_the_run_id_of_a_delta_below_them(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        box = st.container()
        box.write("x")
        """
    )
    at.run()
    assert at.container[0].run_id == 2
    assert at.main.run_id == 2


def test_FE2_same_type_block_keeps_children_until_cleared() -> None:
    def two_runs(probe):  # type: ignore[no-untyped-def]
        import streamlit as st

        second = st.session_state.get("second", False)
        st.session_state.second = True
        with st.expander("E"):
            if second:
                probe()  # the block was re-sent; its run-1 children are still there
                st.write("new a")
            else:
                st.write("old a")
                st.write("old b")

    at, trees = probing(two_runs)
    at.run()
    at.run()
    assert trees == ["main\n  expander 'E'\n    markdown 'old a'\n    markdown 'old b'"]
    assert at.expander[0].markdown.values == ["new a"]


def test_FE2_other_block_type_starts_empty() -> None:
    def two_runs(probe):  # type: ignore[no-untyped-def]
        import streamlit as st

        second = st.session_state.get("second", False)
        st.session_state.second = True
        if second:
            with st.container():
                probe()
        else:
            with st.expander("E"):
                st.write("old")

    at, trees = probing(two_runs)
    at.run()
    at.run()
    assert trees == ["main\n  container"]


def test_FE3_a_run_ended_by_rerun_clears_nothing(app: RunApp) -> None:
    """Each run ends with st.rerun(); the rerun budget stops the chain before any run
    finishes, so nothing written by the first run was cleared."""
    at = app(
        """
        import streamlit as st
        if st.session_state.get("loop"):
            st.write("looping")
            st.rerun()
        st.write("first")
        st.write("second")
        """
    )
    assert at.markdown.values == ["first", "second"]
    at.session_state.loop = True
    with pytest.raises(RerunLimitError):
        at.run()
    assert at.markdown.values == ["looping", "second"]
    assert all(run.status == "rerun" for run in at.runs[1:])


def test_FE3_exception_and_stop_still_clear_stale_elements(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        mode = st.session_state.get("mode")
        st.write("top")
        if mode == "raise":
            raise ValueError("x")
        if mode == "stop":
            st.stop()
        st.write("bottom")
        """
    )
    assert at.markdown.values == ["top", "bottom"]
    at.session_state.mode = "raise"
    at.run()
    assert [n.type for n in at.main] == ["markdown", "exception"]
    at.session_state.mode = None
    at.run()
    at.session_state.mode = "stop"
    at.run()
    assert at.markdown.values == ["top"]


def test_blocks_are_frozen_snapshots(app: RunApp) -> None:
    at = app("import streamlit as st\nst.write('a')")
    main = at.main
    assert isinstance(main, Block)
    at.run()
    assert main.run_id == 1 and at.main.run_id == 2  # the old snapshot did not change


def test_a_node_read_mid_run_keeps_its_properties_when_the_app_updates_it(app: RunApp) -> None:
    """Frozen nodes share the properties the runtime sent (no copy): an update sends new ones
    and leaves the old snapshot's as they were (``st.status(...).update``, ``empty`` reuse)."""
    at = app(
        """
        import streamlit as st
        status = st.status("working")
        slot = st.empty()
        slot.markdown("first")
        st.session_state.seen = (st.session_state.get("probe") or (lambda: None))()
        status.update(label="done", state="complete")
        slot.markdown("second")
        """
    )
    at.session_state.probe = lambda: (at.status[0], at.markdown[0])
    at.run()
    status, markdown = at.session_state.seen  # frozen mid-run, read after the run ended
    assert (status.label, status.state, markdown.value) == ("working", "running", "first")
    assert (at.status[0].label, at.markdown[0].value) == ("done", "second")


# -- what the text tree shows (issue 11) -------------------------------------------------------
def test_tree_shows_metric_value_delta_and_colour(app: RunApp) -> None:
    at = app("import streamlit as st\nst.metric('Temp', '70 °F', '-1.2 °F', delta_color='inverse')")
    assert at.tree.splitlines()[1] == "  metric 'Temp' = '70 °F' delta '-1.2 °F' (inverse)"


def test_tree_shows_table_shape_columns_and_rows_up_to_a_limit(app: RunApp) -> None:
    pytest.importorskip("pandas")
    at = app(
        """
        import pandas as pd
        import streamlit as st
        st.dataframe(pd.DataFrame({"n": range(25), "sq": [i * i for i in range(25)]}))
        st.table({"a": [1, 2]})
        """
    )
    lines = at.tree.splitlines()
    assert lines[1] == "  dataframe 25 rows x 2 columns ['n', 'sq']"
    assert lines[2:5] == ["    |    n  sq", "    | 0  0   0", "    | 1  1   1"]
    assert lines[12] == "    | 9  9  81"
    assert lines[13] == "    | ... 15 more rows"
    assert lines[14:] == [
        "  table 2 rows x 1 columns ['a']",
        "    |    a",
        "    | 0  1",
        "    | 1  2",
    ]


def test_tree_shows_text_json_code_progress_media_and_toasts(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.json({"k": [1, 2]})
        st.code("print(1)", language="python")
        st.progress(40, text="Loading")
        st.image(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(20), caption="Logo", width=120)
        st.audio(b"abc", format="audio/ogg")
        st.toast("Saved", icon="✅")
        st.warning("Careful")
        """
    )
    assert at.tree.splitlines() == [
        "main",
        "  json '{\"k\": [1, 2]}'",
        "  code (python) 'print(1)'",
        "  progress 40 'Loading'",
        "  image png 28 bytes caption 'Logo' width 120",
        "  audio 3 bytes audio/ogg",
        "  warning 'Careful'",
        "event",
        "  toast 'Saved' icon '✅'",
    ]


def test_tree_shows_widgets_label_value_and_options(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.selectbox("City", ["Oslo", "Rome"], index=1)
        st.multiselect("Tags", ["a", "b", "c"], ["b"])
        st.slider("Size", 0, 10, 3, disabled=True)
        st.text_input("Password", "hunter2", type="password")
        st.text_input("Name", "Ann")
        """
    )
    assert at.tree.splitlines()[1:] == [
        "  selectbox 'City' = 'Rome' options ['Oslo', 'Rome']",
        "  multiselect 'Tags' = ['b'] options ['a', 'b', 'c']",
        "  slider 'Size' = 3 range [0, 10] (disabled)",
        "  text_input 'Password' = '********'",
        "  text_input 'Name' = 'Ann'",
    ]
    assert "hunter2" not in at.tree


def test_tree_shows_dialog_title_and_has_no_addresses(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.dialog("Confirm")
        def ask():
            st.write("Sure?")
        ask()
        st.text(repr(object()))
        """
    )
    assert "  dialog 'Confirm'" in at.tree.splitlines()
    assert "0x…" in at.tree
    assert not re.search(r"0x[0-9a-f]{4,}", at.tree)


def test_filter_example_snapshot_changes_with_the_filtered_data() -> None:
    pytest.importorskip("pandas")
    at = AppTest.from_file("../examples/filter.py").run()
    before = at.tree
    assert "  metric 'Units' = '40'" in before.splitlines()
    at.selectbox(label="Region").select("North").run()
    after = at.tree
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == [
        "  selectbox 'Region' = 'North' options ['All', 'North', 'South', 'East', 'West']",
        "  metric 'Units' = '19'",
        "  dataframe 2 rows x 3 columns ['region', 'product', 'units']",
    ]
    assert after.count("South") == 1  # only in the options: the South rows are gone
    assert AppTest.from_file("../examples/filter.py").run().tree == before  # deterministic


def test_new_kinds_plug_in_a_description() -> None:
    from apptest._api import describe

    describe.register("badge", lambda kind, props: f"{kind} {props.get('label')!r}")
    try:
        assert describe.DESCRIBERS["badge"]("badge", {"label": "New"}) == "badge 'New'"
    finally:
        del describe.DESCRIBERS["badge"]


def test_tree_shows_dates_charts_links_and_status() -> None:
    pytest.importorskip("pandas")
    at = AppTest.from_string(
        """
        import datetime
        import pandas as pd
        import streamlit as st
        st.date_input("Day", datetime.date(2024, 2, 3))
        st.time_input("At", datetime.time(9, 30))
        st.map(pd.DataFrame({"lat": [1.0], "lon": [2.0]}))
        st.graphviz_chart("digraph { a -> b }")
        st.link_button("Docs", "https://docs.streamlit.io")
        with st.status("Loading") as s:
            s.update(state="error")
        """
    ).run()
    assert at.tree.splitlines()[1:] == [
        "  date_input 'Day' = 2024-02-03 range [2014-02-03, 2034-02-03]",
        "  time_input 'At' = 09:30:00",
        "  map 1 rows x 2 columns ['lat', 'lon']",
        "    |    lat  lon",
        "    | 0  1.0  2.0",
        "  graphviz_chart 'digraph { a -> b }'",
        "  link_button 'Docs' -> 'https://docs.streamlit.io'",
        "  status 'Loading' (error)",
    ]


@given(
    texts=hs.lists(hs.text(max_size=600), min_size=1, max_size=4),
    rows=hs.integers(min_value=0, max_value=30),
)
def test_tree_is_deterministic_and_bounded(texts: list[str], rows: int) -> None:
    pytest.importorskip("pandas")
    source = (
        "import pandas as pd\nimport streamlit as st\n"
        f"for t in {texts!r}:\n    st.text(t)\n"
        f"st.dataframe(pd.DataFrame({{'n': range({rows})}}))\n"
    )
    tree = AppTest.from_string(source).run().tree
    assert AppTest.from_string(source).run().tree == tree  # the same every time
    lines = tree.splitlines()
    shown_rows = 1 + min(rows, 10) + (rows > 10) if rows else 0  # header, rows, "... more"
    assert len(lines) == 1 + len(texts) + 1 + shown_rows
    assert all(len(line) < 420 for line in lines)  # long text is shortened
    assert (f"    | ... {rows - 10} more rows" in lines) == (rows > 10)
    assert not re.search(r"0x[0-9a-fA-F]{4,}", tree) or "0x" in "".join(texts)
