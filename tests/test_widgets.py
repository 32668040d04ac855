"""Every input widget, one table (issue 3, items 1-2).

For each widget: its default value, a staged interaction seen by the next run, ``on_change``
firing exactly once with its args/kwargs (CB1, CB2; triggers reset, C5), the key <->
``st.session_state`` sync (V1: a value set before the widget is created is its value; V2 the
widget shows it; reading the key back), and the ``AppTestError`` for a value the browser
could not send. Widget-specific rules are in ``test_widgets_*.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from apptest import AppTest, AppTestError, UploadedFile

CB = 'key="w", on_change=cb, args=("a",), kwargs={"k": 1}'
TRIGGER_CB = 'key="w", on_click=cb, args=("a",), kwargs={"k": 1}'


def widget_app(call: str, setup: str = "") -> AppTest:
    return AppTest.from_string(
        f"""
import datetime as dt
import streamlit as st

st.session_state.setdefault("calls", [])

def cb(*args, **kwargs):
    st.session_state.calls.append((args, kwargs))

{setup}
value = {call}
st.session_state["seen"] = value
"""
    )


def _is_file(name: str) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, UploadedFile) and v.name == name


@dataclass
class Case:
    kind: str
    call: str
    default: Any
    stage: Callable[[Any], Any]
    staged: Any
    bad: Callable[[Any], Any]
    bad_match: str
    preset: Any = None
    read_only: bool = False
    trigger: bool = False
    marks: list[Any] = field(default_factory=list)

    def check(self, value: Any) -> bool:
        return bool(self.staged(value)) if callable(self.staged) else value == self.staged


D = dt.date
CASES = [
    Case("checkbox", f'st.checkbox("C", {CB})', False, lambda w: w.check(), True,
         lambda w: w.set_value("yes"), "True or False", preset=True),
    Case("toggle", f'st.toggle("T", {CB})', False, lambda w: w.set_value(True), True,
         lambda w: w.set_value(1), "True or False", preset=True),
    Case("text_input", f'st.text_input("T", max_chars=5, {CB})', "", lambda w: w.input("hey"), "hey",
         lambda w: w.input("too long"), "max_chars=5", preset="pre"),
    Case("text_area", f'st.text_area("A", "x", max_chars=3, {CB})', "x", lambda w: w.input("abc"), "abc",
         lambda w: w.input(5), "takes a string", preset="pre"),
    Case("color_picker", f'st.color_picker("P", {CB})', "#000000", lambda w: w.pick("00ff00"), "#00ff00",
         lambda w: w.set_value("blue"), "hex colour", preset="#123456"),
    Case("number_input", f'st.number_input("N", 0, 10, {CB})', 0, lambda w: w.set_value(7), 7,
         lambda w: w.set_value(11), r"outside the widget's range \[0, 10\]", preset=3),
    Case("radio", f'st.radio("R", ["a", "b", "c"], {CB})', "a", lambda w: w.set_value("c"), "c",
         lambda w: w.set_value("z"), "not one of its options", preset="b"),
    Case("selectbox", f'st.selectbox("S", [1, 2, 3], format_func=lambda n: f"n{{n}}", {CB})', 1,
         lambda w: w.select_index(2), 3, lambda w: w.select(9), r"\['n1', 'n2', 'n3'\]", preset=2),
    Case("multiselect", f'st.multiselect("M", ["x", "y", "z"], {CB})', [],
         lambda w: w.select("y").select("z"), ["y", "z"], lambda w: w.set_value(["x", "q"]),
         "'q': it is not one of its options", preset=["x"]),
    Case("pills", f'st.pills("P", ["a", "b"], {CB})', None, lambda w: w.select("b"), "b",
         lambda w: w.select("q"), "not one of its options", preset="a"),
    Case("segmented_control", f'st.segmented_control("G", ["a", "b"], selection_mode="multi", {CB})', [],
         lambda w: w.set_value(["a", "b"]), ["a", "b"], lambda w: w.set_value(["a", "a"]),
         "same option twice", preset=["b"]),
    Case("feedback", f'st.feedback("stars", {CB})', None, lambda w: w.set_value(3), 3,
         lambda w: w.set_value(5), r"0\.\.4", preset=1),
    Case("slider", f'st.slider("S", 0, 10, 5, {CB})', 5, lambda w: w.set_value(8), 8,
         lambda w: w.set_value(11), r"outside the slider's range \[0, 10\]", preset=2),
    Case("slider", f'st.slider("R", 0.0, 1.0, (0.2, 0.4), {CB})', (0.2, 0.4),
         lambda w: w.set_range(0.1, 0.9), (0.1, 0.9), lambda w: w.set_range(0.9, 0.1),
         "lower thumb is above", preset=(0.3, 0.6)),
    Case("select_slider", f'st.select_slider("S", ["lo", "mid", "hi"], {CB})', "lo",
         lambda w: w.set_value("hi"), "hi", lambda w: w.set_value("max"), "not one of its options",
         preset="mid"),
    Case("date_input", f'st.date_input("D", dt.date(2024, 1, 10), dt.date(2024, 1, 1), dt.date(2024, 12, 31), {CB})',
         D(2024, 1, 10), lambda w: w.set_value(D(2024, 6, 1)), D(2024, 6, 1),
         lambda w: w.set_value(D(2025, 1, 1)), r"outside the widget's range \[2024-01-01, 2024-12-31\]",
         preset=D(2024, 2, 2)),
    Case("date_input", f'st.date_input("R", (dt.date(2024, 1, 1), dt.date(2024, 1, 5)), {CB})',
         (D(2024, 1, 1), D(2024, 1, 5)), lambda w: w.set_range(D(2024, 2, 1), D(2024, 2, 9)),
         (D(2024, 2, 1), D(2024, 2, 9)), lambda w: w.set_range(D(2024, 2, 9), D(2024, 2, 1)),
         "start is after the end", preset=(D(2024, 3, 1), D(2024, 3, 2))),
    Case("time_input", f'st.time_input("T", dt.time(8, 0), {CB})', dt.time(8, 0), lambda w: w.increment(),
         dt.time(8, 15), lambda w: w.set_value(dt.time(8, 0, 30)), "hours and minutes only",
         preset=dt.time(9, 0)),
    Case("chat_input", 'st.chat_input("Say", key="w", on_submit=cb, args=("a",), kwargs={"k": 1})', None,
         lambda w: w.set_value("hi"), "hi", lambda w: w.set_value(""), "empty message", trigger=True),
    Case("button", f'st.button("B", {TRIGGER_CB})', False, lambda w: w.click(), True,
         lambda w: w.set_value(False), "can only be clicked", read_only=True, trigger=True),
    Case("download_button", f'st.download_button("D", "data", {TRIGGER_CB})', False, lambda w: w.click(), True,
         lambda w: w.check(), r"has no check\(\): it takes click\(\)", read_only=True, trigger=True),
    Case("file_uploader", f'st.file_uploader("F", type="csv", {CB})', None,
         lambda w: w.upload("a.csv", b"1,2", "text/csv"), _is_file("a.csv"),
         lambda w: w.upload("a.txt", b"x"), r"accepts only \['.csv'\]", read_only=True),
    Case("camera_input", f'st.camera_input("C", {CB})', None, lambda w: w.upload("p.jpg", b"jpeg"),
         _is_file("p.jpg"), lambda w: w.upload("p.png", b"png", "image/png"), "accepts only",
         read_only=True),
    Case("data_editor", 'st.data_editor([{"a": 1}, {"a": 2}], key="w", on_change=cb, args=("a",), kwargs={"k": 1})',
         [{"a": 1}, {"a": 2}], lambda w: w.edit_cell(1, "a", 5), [{"a": 1}, {"a": 5}],
         lambda w: w.add_row({"a": 3}), "num_rows='fixed': rows cannot be added", read_only=True),
]
IDS = [f"{c.kind}-{i}" for i, c in enumerate(CASES)]


def widget(at: AppTest, case: Case) -> Any:
    return at.get(case.kind)[0]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_default_value(case: Case) -> None:
    at = widget_app(case.call).run()
    assert not at.exception
    assert at.session_state["seen"] == case.default
    if not case.trigger:
        assert widget(at, case).value == case.default


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_staged_interaction_reaches_the_next_run(case: Case) -> None:
    at = widget_app(case.call).run()
    case.stage(widget(at, case))
    at.run()
    assert not at.exception
    assert case.check(at.session_state["seen"])
    assert len(at.runs) == 2


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_CB1_CB2_C5_on_change_fires_exactly_once_with_its_args(case: Case) -> None:
    at = widget_app(case.call).run()
    assert at.session_state["calls"] == []
    case.stage(widget(at, case))
    at.run()
    assert at.session_state["calls"] == [(("a",), {"k": 1})]
    at.run()  # nothing staged: the value did not change (CB2), a trigger reset (C5)
    assert at.session_state["calls"] == [(("a",), {"k": 1})]
    if case.trigger:
        assert at.session_state["seen"] == case.default


@pytest.mark.parametrize("case", [c for c in CASES if not c.read_only and not c.trigger], ids=lambda c: c.kind)
def test_V1_V2_key_set_before_creation_is_the_widget_value_and_reads_back(case: Case) -> None:
    setup = f'if "w" not in st.session_state:\n    st.session_state.w = {case.preset!r}'
    at = widget_app(case.call, setup.replace("datetime.", "dt.")).run()
    assert not at.exception
    assert at.session_state["seen"] == case.preset
    assert widget(at, case).value == case.preset
    assert at.session_state["w"] == case.preset
    expected = case.stage(widget(at, case)).value  # staged on top of the preset
    if not isinstance(case.preset, bool):
        assert expected != case.preset
    at.run()
    assert at.session_state["w"] == expected == at.session_state["seen"]


@pytest.mark.parametrize("case", [c for c in CASES if c.read_only], ids=lambda c: c.kind)
def test_SS2_read_only_widget_keys_cannot_be_assigned(case: Case) -> None:
    at = widget_app(case.call, 'st.session_state.w = "x"').run()
    assert at.exception[0].exc_type == "StreamlitValueAssignmentNotAllowedError"
    assert at.exception[0].message == (
        "Values for the widget with `key` 'w' cannot be set using `st.session_state`."
    )


@pytest.mark.parametrize("case", [c for c in CASES if c.read_only and not c.trigger], ids=lambda c: c.kind)
def test_read_only_widget_value_reads_back_through_its_key(case: Case) -> None:
    at = widget_app(case.call).run()
    case.stage(widget(at, case))
    at.run()
    seen = at.session_state["w"]
    if case.kind == "data_editor":
        assert seen == {"edited_rows": {1: {"a": 5}}, "added_rows": [], "deleted_rows": []}
    else:
        assert case.check(seen)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_bad_input_raises_apptesterror_and_stages_nothing(case: Case) -> None:
    at = widget_app(case.call).run()
    with pytest.raises(AppTestError, match=case.bad_match):
        case.bad(widget(at, case))
    at.run()
    assert at.session_state["calls"] == []
    assert at.session_state["seen"] == case.default


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_disabled_widget_refuses_interaction(case: Case) -> None:
    call = case.call.replace('key="w"', 'key="w", disabled=True')
    at = widget_app(call).run()
    assert not at.exception
    with pytest.raises(AppTestError, match="disabled"):
        case.stage(widget(at, case))


@pytest.mark.parametrize("case", [c for c in CASES if not c.trigger], ids=lambda c: c.kind)
def test_staged_value_shows_in_value_until_the_run(case: Case) -> None:
    at = widget_app(case.call).run()
    staged = case.stage(widget(at, case))
    if case.kind == "data_editor":
        assert staged.value == case.staged
    else:
        assert case.check(staged.value)
    assert at.session_state["seen"] == case.default  # not applied before run()


def test_click_on_a_non_button_says_what_the_widget_takes() -> None:
    at = widget_app(f'st.selectbox("S", ["a", "b"], {CB})').run()
    with pytest.raises(AppTestError) as info:
        at.selectbox[0].click()
    message = str(info.value)
    assert "st.selectbox 'S' (key='w') has no click()" in message
    assert "select()" in message and "select_index()" in message and "set_value()" in message
    assert "Only buttons can be clicked" in message


def test_unknown_attribute_is_still_an_attribute_error() -> None:
    at = widget_app(f'st.checkbox("C", {CB})').run()
    with pytest.raises(AttributeError):
        _ = at.checkbox[0].no_such_thing


SIMPLE = [c for c in CASES if c.kind not in ("chat_input", "data_editor")]


@pytest.mark.parametrize("case", SIMPLE, ids=lambda c: c.kind)
def test_W2_the_same_unkeyed_widget_twice_is_streamlits_duplicate_id_error(case: Case) -> None:
    call = case.call.replace(f", {CB}", "").replace(f", {TRIGGER_CB}", "")
    at = widget_app(f"{call}\n{call}").run()
    assert at.exception[0].exc_type == "StreamlitDuplicateElementId"
    assert f"There are multiple `{case.kind}` elements with the same auto-generated ID." in at.exception[0].message


@pytest.mark.parametrize("case", [c for c in CASES if not c.read_only and not c.trigger], ids=lambda c: c.kind)
def test_SS1_assigning_the_key_after_the_widget_exists_is_streamlits_error(case: Case) -> None:
    at = widget_app(case.call + "\nst.session_state.w = None").run()
    assert at.exception[0].message == (
        "`st.session_state.w` cannot be modified after the widget with key `w` is instantiated."
    )


def test_W1_keyed_widget_keeps_its_value_when_its_label_changes() -> None:
    """1.58 ``key_as_main_identity``: a keyed number input's id is its key (and page)."""
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        st.write(st.number_input(f"N {st.session_state.n}", 0, 10, key="k"))
        """
    ).run()
    at.number_input("k").set_value(7).run()
    at.run()
    assert at.markdown.values == ["`7`"]


def test_W1_unkeyed_widget_with_new_arguments_is_a_new_widget() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(st.number_input(st.session_state.get("label", "N"), 0, 10))
        """
    ).run()
    at.number_input[0].set_value(7).run()
    assert at.markdown.values == ["`7`"]
    at.session_state["label"] = "M"
    at.run()
    assert at.markdown.values == ["`0`"]
