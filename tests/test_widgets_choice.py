"""Choice widgets: radio, selectbox, multiselect, pills, segmented_control, feedback.

Options are matched as Streamlit matches them (by value, or by their ``format_func`` label);
a selection whose label is no longer offered falls back to the default (1.58
``validate_and_sync_value_with_options``); staging refuses anything that is not an option.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apptest import AppTest, AppTestError

OPTIONS = ["apple", "banana", "cherry", "date"]


def run(source: str) -> AppTest:
    return AppTest.from_string("import streamlit as st\n" + source).run()


# -- selectbox / radio -----------------------------------------------------------------------
def test_selectbox_options_are_labels_and_value_is_the_option_object() -> None:
    at = run('v = st.selectbox("n", [10, 20, 30], format_func=lambda n: f"#{n}")\nst.write(v + 1)')
    box = at.selectbox[0]
    assert box.options == ["#10", "#20", "#30"]
    assert (box.value, box.index) == (10, 0)
    assert box.format_func(5) == "#5"
    box.select("#30").run()  # a label stands for its option
    assert at.markdown.values == ["`31`"]
    assert at.selectbox[0].index == 2


def test_selectbox_index_none_starts_empty_and_can_be_cleared() -> None:
    at = run('st.write(repr(st.selectbox("s", ["a", "b"], index=None, placeholder="Pick")))')
    assert at.markdown.values == ["None"]
    assert at.selectbox[0].placeholder == "Pick"
    at.selectbox[0].select("b").run()
    assert at.markdown.values == ["'b'"]
    at.selectbox[0].set_value(None).run()
    assert at.markdown.values == ["None"]


def test_selectbox_with_a_default_cannot_be_cleared() -> None:
    at = run('st.selectbox("s", ["a", "b"])')
    with pytest.raises(AppTestError, match="cannot be cleared to None"):
        at.selectbox[0].set_value(None)


def test_select_index_out_of_range_is_refused() -> None:
    at = run('st.selectbox("s", ["a", "b"])')
    with pytest.raises(AppTestError, match=r"options 0\.\.1; index 2"):
        at.selectbox[0].select_index(2)


def test_selectbox_accept_new_options_takes_any_string() -> None:
    at = run('st.write(st.selectbox("s", ["a"], accept_new_options=True))')
    at.selectbox[0].set_value("brand new").run()
    assert at.markdown.values == ["brand new"]


def test_selectbox_index_errors_are_streamlits() -> None:
    at = run('st.selectbox("s", ["a"], index="0")')
    assert at.exception[0].message == "Selectbox Value has invalid type: str"
    at = run('st.radio("r", ["a"], index=3)')
    assert at.exception[0].message == "Radio index must be between 0 and length of options"


def test_selectbox_filter_mode_none_with_new_options_is_an_error() -> None:
    at = run('st.selectbox("s", ["a"], accept_new_options=True, filter_mode=None)')
    assert at.exception[0].message == (
        "The `filter_mode` argument to `st.selectbox` cannot be None when `accept_new_options=True`."
    )


def test_W1_keyed_selectbox_keeps_its_value_when_its_label_changes() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        st.write(st.selectbox(f"label {st.session_state.n}", ["a", "b"], key="k"))
        """
    ).run()
    at.selectbox("k").select("b").run()
    at.run()
    assert at.markdown.values == ["b"]  # 1.58: a key is the widget's identity


def test_selection_no_longer_offered_falls_back_to_the_default() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        opts = ["a", "b", "c"] if st.session_state.get("wide", True) else ["a", "c"]
        st.write(st.selectbox("s", opts, key="k"))
        """
    ).run()
    at.selectbox("k").select("b").run()
    assert at.markdown.values == ["b"]
    at.session_state["wide"] = False
    at.run()
    assert at.markdown.values == ["a"]
    assert at.session_state["k"] == "a"


def test_radio_value_index_and_captions() -> None:
    at = run('st.write(st.radio("r", ["x", "y"], captions=["first", "second"], horizontal=True))')
    radio = at.radio[0]
    assert (radio.value, radio.index, radio.options) == ("x", 0, ["x", "y"])
    assert radio.proto["captions"] == ["first", "second"]
    radio.select_index(1).run()
    assert at.markdown.values == ["y"]
    at = run('st.radio("r", ["x"], captions=[1])')
    assert at.exception[0].message == "Radio captions must be strings. Passed type: int"


def test_enum_options_round_trip() -> None:
    at = AppTest.from_string(
        """
        import enum
        import streamlit as st
        class Color(enum.Enum):
            RED = 1
            BLUE = 2
        c = st.radio("c", Color, format_func=lambda c: c.name)
        st.write(c.name, isinstance(c, Color))
        """
    ).run()
    assert at.radio[0].options == ["RED", "BLUE"]
    at.radio[0].set_value("BLUE").run()
    assert at.markdown.values == ["BLUE `True`"]


@given(st.integers(min_value=0, max_value=len(OPTIONS) - 1))
def test_selectbox_any_offered_option_round_trips(index: int) -> None:
    at = run(f'st.write(st.selectbox("s", {OPTIONS!r}))')
    at.selectbox[0].select(OPTIONS[index]).run()
    assert at.markdown.values == [OPTIONS[index]]


@given(st.text().filter(lambda s: s not in OPTIONS))
def test_selectbox_anything_not_offered_is_refused(text: str) -> None:
    at = run(f'st.selectbox("s", {OPTIONS!r})')
    with pytest.raises(AppTestError, match="not one of its options"):
        at.selectbox[0].select(text)


# -- multiselect -----------------------------------------------------------------------------
def test_multiselect_select_unselect_indices_and_values() -> None:
    at = run(f'st.write(st.multiselect("m", {OPTIONS!r}, default=["date"], format_func=str.upper))')
    box = at.multiselect[0]
    assert box.value == ["date"]
    box = box.select("apple").select("apple").unselect("date")
    assert box.value == ["apple"] and box.indices == [0] and box.values == ["APPLE"]
    box.run()
    assert at.json.values == ['["apple"]']


def test_multiselect_max_selections_is_enforced_on_staging() -> None:
    at = run(f'st.multiselect("m", {OPTIONS!r}, max_selections=2)')
    box = at.multiselect[0].select("apple").select("banana")
    with pytest.raises(AppTestError, match="at most max_selections=2"):
        box.select("cherry")


def test_multiselect_session_state_beyond_max_is_streamlits_error() -> None:
    at = run(f'st.session_state.m = ["apple", "banana"]\nst.multiselect("m", {OPTIONS!r}, max_selections=1, key="m")')
    assert at.exception[0].exc_type == "StreamlitSelectionCountExceedsMaxError"
    assert "Please select at most 1 option." in at.exception[0].message


def test_multiselect_invalid_max_selections() -> None:
    at = run('st.multiselect("m", ["a"], max_selections=0)')
    assert at.exception[0].message == (
        "In `st.multiselect`, `max_selections` was set to 0. `max_selections` must be a positive "
        "integer. To disable `st.multiselect`, use `disabled=True`."
    )


def test_multiselect_returns_a_fresh_list_each_run() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        v = st.multiselect("m", ["a", "b"], default=["a"], key="m")
        st.write(len(v))
        v.append("b")
        """
    ).run()
    at.run()
    assert at.markdown.values == ["`1`"]
    assert at.session_state["m"] == ["a"]


@given(st.lists(st.sampled_from(OPTIONS), unique=True))
def test_multiselect_any_set_of_options_round_trips(chosen: list[str]) -> None:
    at = run(f'st.session_state["v"] = st.multiselect("m", {OPTIONS!r})')
    at.multiselect[0].set_value(chosen).run()
    assert at.session_state["v"] == chosen


@given(st.lists(st.sampled_from(OPTIONS), min_size=1), st.text().filter(lambda s: s not in OPTIONS))
def test_multiselect_a_value_not_offered_is_refused(chosen: list[str], extra: str) -> None:
    at = run(f'st.multiselect("m", {OPTIONS!r})')
    with pytest.raises(AppTestError, match="not one of its options"):
        at.multiselect[0].set_value([*chosen, extra])


# -- pills, segmented control, feedback -------------------------------------------------------
def test_pills_single_select_and_unselect() -> None:
    at = run('st.write(repr(st.pills("p", ["a", "b"], default="a")))')
    pills = at.pills[0]
    assert (pills.value, pills.selection_mode, pills.indices) == ("a", "single", [0])
    pills.unselect("a").run()
    assert at.markdown.values == ["None"]


def test_pills_required_cannot_be_unselected() -> None:
    at = run('st.pills("p", ["a", "b"], default="a", required=True)')
    with pytest.raises(AppTestError, match="cannot be cleared"):
        at.pills[0].unselect("a")


def test_segmented_control_multi_default_and_errors() -> None:
    at = run('st.write(st.segmented_control("g", ["a", "b", "c"], selection_mode="multi", default=["b"]))')
    assert at.segmented_control[0].value == ["b"]
    at.segmented_control[0].select("c").run()
    assert at.json.values == ['["b", "c"]']
    at = run('st.pills("p", ["a", "b"], default=["a", "b"])')
    assert at.exception[0].message == (
        "The default argument to `st.pills` must be a single value when `selection_mode='single'`."
    )
    at = run('st.pills("p", ["a"], selection_mode="many")')
    assert at.exception[0].message == (
        "The selection_mode argument must be one of ['single', 'multi']. The argument passed was 'many'."
    )


def test_feedback_values_and_errors() -> None:
    at = run('st.write(repr(st.feedback("thumbs", key="f")))')
    assert at.feedback[0].options == "thumbs"
    at.feedback("f").set_value(1).run()
    assert at.markdown.values == ["1"]
    with pytest.raises(AppTestError, match=r"0\.\.1"):
        at.feedback("f").set_value(2)
    at.feedback("f").set_value(None).run()
    assert at.markdown.values == ["None"]
    at = run('st.feedback("hearts")')
    assert "must be one of ['thumbs', 'faces', 'stars']" in at.exception[0].message
    at = run('st.feedback("faces", default=5)')
    assert at.exception[0].message == (
        "The default value in 'faces' must be a number between 0 and 4. The passed default value is 5"
    )
