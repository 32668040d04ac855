"""``apptest.strategies``: values every widget kind accepts, interactions as code, durations.

For every widget of an app that shows one of each kind (and variants with bounds, ranges,
limits, forms), every drawn value is one the widget's own verbs accept, and the simplest value
is the widget's default. Durations and run_every values are ones apptest's parsers take.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from apptest import AppTest, AppTestError
from apptest._explore.values import REGISTRY
from apptest._server.fragments import run_every_seconds
from apptest._time.clock import to_ns
from apptest.strategies import (
    Interaction,
    durations,
    interactions,
    register_values,
    run_every_values,
    values_for,
    widgets,
)

APPS = Path(__file__).parent / "apps"

VARIANTS = """
import datetime as dt
import streamlit as st
st.slider("Range", 0, 100, (20, 30), step=5, key="range")
st.slider("Float", 0.0, 1.0, 0.5, step=0.1, key="float")
st.slider("When", dt.time(9), dt.time(17), dt.time(12), key="when")
st.slider("Day", dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 1, 10), key="day")
st.select_slider("Level", ["lo", "mid", "hi"], value=("lo", "hi"), key="level")
st.number_input("Bounded", 1, 9, 3, key="bounded")
st.number_input("Ratio", 0.0, 2.0, 1.0, step=0.25, key="ratio")
st.number_input("Maybe", value=None, key="maybe")
st.text_input("Short", "ab", max_chars=3, key="short")
st.date_input("Span", (dt.date(2024, 1, 2), dt.date(2024, 1, 5)),
              min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 1, 31), key="span")
st.selectbox("Maybe pick", ["x", "y"], index=None, key="maybe_pick")
st.multiselect("Two at most", ["a", "b", "c"], max_selections=2, key="two")
st.pills("Tags", ["a", "b", "c"], selection_mode="multi", key="tags")
st.file_uploader("CSVs", type=["csv"], accept_multiple_files=True, key="csvs")
st.time_input("Alarm", dt.time(7, 30), step=600, key="alarm")
st.color_picker("Ink", "#123456", key="ink")
st.data_editor({"n": [1, 2], "s": ["a", "b"], "ok": [True, False]}, key="grid")
st.data_editor({"n": [1, 2], "f": [0.5, 1.5]}, num_rows="dynamic", key="rows")
st.data_editor({"n": [1, 2]}, num_rows="delete", disabled=["n"], key="deletable")
"""


def all_widgets() -> list[tuple[str, str]]:
    cases = []
    for name, at in (("kinds", _kinds_app()), ("variants", _variants_app())):
        cases += [(name, w.key or w.label) for w in widgets(at) if w.key]
    return cases


def _kinds_app() -> AppTest:
    return AppTest.from_file(APPS / "query_all_kinds.py", semantics="modern").run()


def _variants_app() -> AppTest:
    return AppTest.from_string(VARIANTS).run()


def _widget(app: str, key: str) -> tuple[AppTest, Any]:
    at = _kinds_app() if app == "kinds" else _variants_app()
    return at, next(w for w in widgets(at) if w.key == key)


@pytest.mark.parametrize(("app", "key"), all_widgets())
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_every_drawn_value_is_accepted_by_the_widget(app: str, key: str, data: Any) -> None:
    at, widget = _widget(app, key)
    value = data.draw(values_for(widget))
    Interaction(widget, value, REGISTRY[widget.type], at._roots()).apply(at)  # verbs check it
    assert at.exception.values in ([], ["bad"])  # query_all_kinds shows one on purpose


@pytest.mark.parametrize(
    ("key", "default"),
    [("range", (20, 30)), ("float", 0.5), ("bounded", 3), ("short", "ab"), ("alarm", None)],
)
def test_values_shrink_towards_the_default(key: str, default: Any) -> None:
    _, widget = _widget("variants", key)
    expected = dt.time(7, 30) if key == "alarm" else default
    assert find(values_for(widget), lambda v: True) == expected


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_values_stay_within_bounds_step_and_limits(data: Any) -> None:
    at = _variants_app()
    low, high = data.draw(values_for(at.slider("range")))
    assert 0 <= low <= high <= 100 and low % 5 == 0 and high % 5 == 0
    assert len(data.draw(values_for(at.text_input("short"))) or "") <= 3
    assert len(data.draw(values_for(at.multiselect("two")))) <= 2
    start, end = data.draw(values_for(at.date_input("span")))
    assert dt.date(2024, 1, 1) <= start <= end <= dt.date(2024, 1, 31)
    files = data.draw(values_for(at.file_uploader("csvs"))) or []
    assert all(name.endswith(".csv") for name, _, _ in files)


def test_a_widget_kind_without_a_strategy_is_named_in_the_error() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write('x')").run()
    with pytest.raises(AppTestError, match=r"takes an input widget; .*'markdown'"):
        values_for(at.markdown[0])
    kind = REGISTRY.pop("color_picker")
    try:
        at = AppTest.from_string("import streamlit as st\nst.color_picker('Ink')").run()
        with pytest.raises(AppTestError, match="No value strategy for the widget kind 'color"):
            values_for(at.color_picker[0])
        register_values("color_picker", lambda w: st.just("#000000"))
        assert find(values_for(at.color_picker[0]), lambda v: True) == "#000000"
    finally:
        REGISTRY["color_picker"] = kind


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_interactions_print_as_code_that_finds_the_same_widget(data: Any) -> None:
    at = _kinds_app()
    step = data.draw(interactions(at))
    locator = repr(step).split(").", 1)[0].split("].", 1)[0]
    locator += ")" if "(" in locator else "]"
    assert eval(locator, {"at": at}) is step.widget
    assert repr(step).endswith(".run()") == (step.widget.form_id == "" or step.kind.trigger)


def test_interactions_cover_the_sidebar_and_open_dialogs() -> None:
    source = """
    import streamlit as st
    @st.dialog("D")
    def d():
        st.button("In dialog")
    st.sidebar.checkbox("In sidebar")
    if st.button("Open"):
        d()
    st.button("Off", disabled=True)
    """
    at = AppTest.from_string(source).run()
    assert [w.label for w in widgets(at)] == ["Open", "In sidebar"]
    at.button(label="Open").click().run()
    assert [w.label for w in widgets(at)] == ["Open", "In sidebar", "In dialog"]
    drawn = find(interactions(at), lambda i: i.widget.label == "In dialog")
    assert repr(drawn) == 'at.button(label="In dialog").click().run()'


@given(durations())
def test_durations_are_clock_steps(value: Any) -> None:
    assert to_ns(value) > 0


@given(run_every_values())
def test_run_every_values_are_accepted_by_the_fragment_parser(value: Any) -> None:
    seconds = run_every_seconds(value)
    assert seconds is not None and 0.001 <= seconds <= 4 * 3600


def test_import_apptest_does_not_import_hypothesis() -> None:
    import subprocess
    import sys

    code = (
        "import sys, apptest, apptest.cli\n"
        "assert 'hypothesis' not in sys.modules, 'import apptest loaded Hypothesis'\n"
        "import apptest.strategies\n"
        "assert 'hypothesis' in sys.modules\n"
        "from hypothesis import settings\n"
        "assert settings.get_profile('apptest').deadline is None\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_registered_strategy_survives_the_explorer_loading_later() -> None:
    """The built-in kinds register once, when their module loads: importing the explorer
    after a test registered its own strategy keeps the test's (a fresh interpreter, where
    neither is loaded yet)."""
    import subprocess
    import sys

    program = (
        "from hypothesis import strategies as st\n"
        "from apptest.strategies import register_values\n"
        "from apptest._explore.values import REGISTRY\n"
        "register_values('slider', lambda w: st.just(7))\n"
        "mine = REGISTRY['slider']\n"
        "import apptest.stateful, apptest._explore.explorer\n"
        "assert REGISTRY['slider'] is mine, 'the built-in slider strategy came back'\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
