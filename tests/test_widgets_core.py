"""The widget mechanism with the three core widgets: button, checkbox, text_input.

Rule ids: W1 (widget id from type, key, identity kwargs, page; unkeyed add form and root), W2
(StreamlitDuplicateElementId / StreamlitDuplicateElementKey; the key check first), C2 (a
widget not rendered by a full run loses its value), C5 (a button is True for one run), CB1
(callbacks run before the script body), RR6 (a rerun carries no widget states).
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from apptest import AppTest, AppTestError
from apptest._profile import SEED
from apptest._run.widgets import WidgetCall, _widget_id, compute_widget_id

if TYPE_CHECKING:
    from conftest import RunApp

ID_PATTERN = re.compile(r"^\$\$ID-[0-9a-f]{32}-(.*)$", re.DOTALL)


# -- W1: ids -----------------------------------------------------------------------------------
def test_W1_id_format_with_and_without_key(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.button("Go", key="go")
        st.checkbox("Box")
        st.text_input("Name", key=7)
        """
    )
    button, = at.button
    checkbox, = at.checkbox
    text, = at.text_input
    assert ID_PATTERN.match(button.id).group(1) == "go"  # type: ignore[union-attr]
    assert ID_PATTERN.match(checkbox.id).group(1) == "None"  # type: ignore[union-attr]
    assert ID_PATTERN.match(text.id).group(1) == "7"  # type: ignore[union-attr]
    assert (button.key, checkbox.key, text.key) == ("go", None, "7")


def test_W1_ids_are_stable_across_runs(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.button("Go")
        st.checkbox("Box", key="box")
        st.sidebar.text_input("Name")
        """
    )
    first = [w.id for w in (*at.button, *at.checkbox, *at.text_input)]
    at.run()
    assert [w.id for w in (*at.button, *at.checkbox, *at.text_input)] == first
    assert AppTest.from_string(at._session.script.source).run().button[0].id == first[0]


def test_W1_identity_kwargs_and_root_change_the_id_of_unkeyed_widgets(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.checkbox("Same")
        st.checkbox("Same", value=True)
        st.checkbox("Same", help="other help")
        st.checkbox("Other")
        st.sidebar.checkbox("Same")
        """
    )
    ids = [w.id for w in at.checkbox]
    assert len(set(ids)) == 5
    assert not at.exception


def test_W1_disabled_is_not_part_of_the_identity(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.checkbox("Box")
        st.checkbox("Box", disabled=True)
        """
    )
    [exc] = at.exception
    assert exc.exc_type == "StreamlitDuplicateElementId"


@given(hs.lists(hs.text(min_size=1, max_size=12), min_size=2, max_size=6, unique=True))
def test_W1_distinct_keys_give_distinct_ids(keys: list[str]) -> None:
    ids = [
        compute_widget_id("checkbox", key, {"label": "Same"}, form_id="", root=0, page="",
                          calc_hash=SEED.calc_hash)
        for key in keys
    ]
    assert len(set(ids)) == len(keys)
    assert all(widget_id.endswith(f"-{key}") for widget_id, key in zip(ids, keys, strict=True))


@given(
    hs.sampled_from(["button", "checkbox", "text_input"]),
    hs.one_of(hs.none(), hs.text(max_size=8)),
    hs.dictionaries(hs.sampled_from(["label", "help", "value"]), hs.text(max_size=5)),
)
def test_W1_same_parameters_give_the_same_id(kind: str, key: str | None, identity: dict[str, str]) -> None:
    def make() -> str:
        return compute_widget_id(kind, key, dict(identity), form_id="", root=0, page="",
                                 calc_hash=SEED.calc_hash)

    assert make() == make()
    assert ID_PATTERN.match(make())


#: Values that compare equal while their reprs (and so their ids) differ, and kin.
_LOOKALIKES = [
    0, 0.0, -0.0, 1, 1.0, True, False, None, "1", (1,), [1], (1.0,), (True,), [[0.0]], [[-0.0]],
    datetime.time(7), datetime.time(7, fold=1), datetime.time(7, tzinfo=datetime.timezone.utc),
    datetime.datetime(2000, 1, 1), datetime.date(2000, 1, 1), datetime.timedelta(seconds=1),
]
_IDENTITY_VALUES = hs.recursive(
    hs.sampled_from(_LOOKALIKES) | hs.floats(allow_nan=True, allow_infinity=False, width=16),
    lambda inner: hs.lists(inner, max_size=3) | hs.lists(inner, max_size=3).map(tuple),
    max_leaves=4,
)


def test_W1_lookalike_values_never_share_a_remembered_id(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every ordered pair of ``_LOOKALIKES``, the first remembered before the second asks."""
    import apptest._run.widgets as widgets

    for first in _LOOKALIKES:
        for second in _LOOKALIKES:
            monkeypatch.setattr(widgets, "_ID_MEMO", widgets.Memo[str]())
            for value in (first, second):
                call = WidgetCall("slider", label="L", key=None, identity={"value": value})
                expected = compute_widget_id(
                    "slider", None, {"label": "L", "value": value}, form_id="", root=0,
                    page="p", calc_hash=SEED.calc_hash,
                )
                assert _widget_id(call, None, "", 0, "p", SEED.calc_hash) == expected, (
                    first,
                    second,
                )


@given(hs.lists(hs.tuples(_IDENTITY_VALUES, hs.booleans()), min_size=1, max_size=8))
def test_W1_a_remembered_id_is_the_computed_one(calls: list[tuple[object, bool]]) -> None:
    """The id memo (``_widget_id``) never answers with another value's id: 1, 1.0 and True,
    0.0 and -0.0, (1,) and [1], aware and naive times each keep their own (W1, by repr)."""
    for value, keyed in calls:
        key = "k" if keyed else None
        call = WidgetCall("slider", label="L", key=key, identity={"value": value})
        expected = compute_widget_id(
            "slider", key, {"label": "L", "value": value}, form_id="", root=0, page="p",
            calc_hash=SEED.calc_hash,
        )
        assert _widget_id(call, key, "", 0, "p", SEED.calc_hash) == expected


@given(hs.lists(hs.text(alphabet="abcdefgh", min_size=1, max_size=6), min_size=1, max_size=5, unique=True))
def test_W1_distinct_keys_in_an_app_never_collide(keys: list[str]) -> None:
    def render(keys):  # type: ignore[no-untyped-def]
        import streamlit as st

        for key in keys:
            st.checkbox("Same label", key=key)

    at = AppTest.from_function(render, args=(keys,)).run()
    assert not at.exception
    assert [w.key for w in at.checkbox] == keys
    assert len({w.id for w in at.checkbox}) == len(keys)


# -- W2: duplicates ------------------------------------------------------------------------------
def test_W2_duplicate_unkeyed_widget_is_streamlits_duplicate_id_error(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.button("Same")
        st.write("between")
        st.button("Same")
        st.write("not reached")
        """
    )
    assert [n.type for n in at.main] == ["button", "markdown", "exception"]
    exc = at.exception[0]
    assert exc.path == (0, 2)
    assert exc.exc_type == "StreamlitDuplicateElementId"
    assert exc.is_markdown
    assert exc.message == (
        "There are multiple `button` elements with the same auto-generated ID. When this "
        "element is created, it is assigned an internal ID based on the element type and "
        "provided parameters. Multiple elements with the same type and parameters will cause "
        "this error.\n\nTo fix this error, please pass a unique `key` argument to the `button` "
        "element."
    )
    assert exc.stack_trace == ['File "<streamlit app>", line 5, in <module>\n    st.button("Same")']


def test_W2_duplicate_key_is_streamlits_duplicate_key_error(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.checkbox("A", key="k")
        st.text_input("B", key="k")
        """
    )
    [exc] = at.exception
    assert exc.exc_type == "StreamlitDuplicateElementKey"
    assert exc.message == (
        "There are multiple elements with the same `key='k'`. To fix this, please make sure "
        "that the `key` argument is unique for each element you create."
    )


def test_W2_key_check_runs_before_the_id_check(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.button("Same", key="k")
        st.button("Same", key="k")
        """
    )
    assert at.exception[0].exc_type == "StreamlitDuplicateElementKey"


def test_W2_duplicate_detection_covers_one_run_only(app: RunApp) -> None:
    at = app("import streamlit as st\nst.button('Once')")
    at.run().run()
    assert not at.exception


# -- values ------------------------------------------------------------------------------------
COUNTER = """
import streamlit as st
clicked = st.button("Add", key="add")
checked = st.checkbox("Check")
name = st.text_input("Name", value="initial")
st.write(clicked, checked, name)
"""


def test_values_persist_across_runs(app: RunApp) -> None:
    at = app(COUNTER)
    assert at.markdown.values == ["`False` `False` initial"]
    at.checkbox[0].check()
    at.text_input[0].input("typed")
    assert at.checkbox[0].value is True  # staged values read back before the run
    at.run()
    assert at.markdown.values == ["`False` `True` typed"]
    at.run().run()
    assert at.markdown.values == ["`False` `True` typed"]
    at.checkbox[0].uncheck().run()
    assert at.markdown.values == ["`False` `False` typed"]


def test_C5_button_is_true_for_exactly_one_run(app: RunApp) -> None:
    at = app(COUNTER)
    at.button("add").click().run()
    assert at.markdown.values == ["`True` `False` initial"]
    assert at.button("add").value is True
    # The trigger is reset at the end of the run (Streamlit's AppTest shows the same).
    assert at.session_state.add is False
    at.run()
    assert at.markdown.values == ["`False` `False` initial"]
    assert at.session_state.add is False


def test_C5_button_click_with_other_interactions_in_one_run(app: RunApp) -> None:
    at = app(COUNTER)
    at.checkbox[0].check()
    at.button("add").click()
    at.run()
    assert at.markdown.values == ["`True` `True` initial"]


def test_RR6_rerun_after_a_click_sees_the_button_false(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        clicked = st.button("Go")
        st.session_state.log.append(clicked)
        if clicked:
            st.rerun()
        """
    )
    at.button[0].click().run()
    assert at.session_state.log == [False, True, False]
    assert [run.trigger for run in at.runs] == ["initial", "user", "rerun"]


def test_text_input_none_value_and_verbs(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.write(repr(st.text_input("Maybe", value=None, max_chars=3, placeholder="type")))
        """
    )
    assert at.markdown.values == ["None"]
    widget = at.text_input[0]
    assert (widget.max_chars, widget.placeholder) == (3, "type")
    with pytest.raises(AppTestError, match="max_chars=3"):
        widget.input("toolong")
    with pytest.raises(AppTestError, match="takes a string"):
        widget.set_value(5)
    widget.input("abc").run()
    assert at.markdown.values == ["'abc'"]
    at.text_input[0].set_value(None).run()
    assert at.markdown.values == ["None"]


def test_checkbox_and_button_verbs_refuse_wrong_values(app: RunApp) -> None:
    at = app("import streamlit as st\nst.checkbox('C')\nst.button('B')")
    with pytest.raises(AppTestError, match="True or False"):
        at.checkbox[0].set_value("yes")
    with pytest.raises(AppTestError, match=r"can only be clicked: use \.click\(\)"):
        at.button[0].set_value(False)


def test_widget_attributes(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.button("Go", key="go", help="Press it", disabled=True, type="primary")
        st.checkbox("Box", help="tick")
        """
    )
    button = at.button("go")
    assert (button.label, button.help, button.disabled, button.type) == (
        "Go", "Press it", True, "button",
    )
    assert button.type_ == "primary"
    assert at.checkbox[0].help == "tick" and at.checkbox[0].disabled is False


# -- callbacks -----------------------------------------------------------------------------------
CALLBACKS = """
import streamlit as st
st.session_state.setdefault("log", [])
def record(*args, **kwargs):
    st.session_state.log.append(("callback", args, kwargs))
st.session_state.log.append("body")
st.button("Go", on_click=record, args=(1, 2), kwargs={"x": 3})
st.checkbox("Box", key="box", on_change=record, args=("box",))
st.text_input("Text", on_change=record, kwargs={"field": "text"})
"""


def test_CB1_on_click_runs_before_the_body_with_args_and_kwargs(app: RunApp) -> None:
    at = app(CALLBACKS)
    at.button[0].click().run()
    assert at.session_state.log == ["body", ("callback", (1, 2), {"x": 3}), "body"]


def test_CB1_on_change_runs_only_when_the_value_changes(app: RunApp) -> None:
    at = app(CALLBACKS)
    at.checkbox("box").check().run()
    at.run()  # nothing changed: no callback
    at.text_input[0].input("hello").run()
    assert at.session_state.log == [
        "body",
        ("callback", ("box",), {}),
        "body",
        "body",
        ("callback", (), {"field": "text"}),
        "body",
    ]


def test_CB1_callback_sees_the_new_value_in_session_state(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        def seen():
            st.session_state.seen = st.session_state.box
        st.checkbox("Box", key="box", on_change=seen)
        """
    )
    at.checkbox("box").check().run()
    assert at.session_state.seen is True


def test_CB1_callback_exception_is_shown_and_the_body_does_not_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        def broken():
            raise ValueError("callback failed")
        st.write("body")
        st.button("Go", on_click=broken)
        """
    )
    at.button[0].click().run()
    assert [(n.type, n.path) for n in at.main] == [("exception", (0, 0))]
    assert at.exception[0].message == "callback failed"
    at.run()
    assert at.markdown.values == ["body"]


# -- C2: stale widgets ---------------------------------------------------------------------------
def test_C2_widget_not_rendered_by_a_full_run_loses_its_value(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        if st.session_state.get("show", True):
            st.checkbox("Box", key="box")
            st.text_input("Text")
        """
    )
    at.checkbox("box").check()
    at.text_input[0].input("kept?")
    at.run()
    assert at.session_state.box is True
    at.session_state.show = False
    at.run()
    assert "box" not in at.session_state
    assert not at.checkbox
    at.session_state.show = True
    at.run()
    assert at.checkbox("box").value is False
    assert at.text_input[0].value == ""


def test_C2_plain_keys_are_not_cleaned_up(app: RunApp) -> None:
    at = app("import streamlit as st\nst.session_state.setdefault('plain', 1)")
    at.run()
    assert at.session_state.plain == 1


def test_button_in_a_form_is_streamlits_error(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        with st.form("f"):
            st.button("Inside")
        """
    )
    [exc] = at.exception
    assert exc.exc_type == "StreamlitAPIException"
    assert exc.message == (
        "`st.button()` can't be used in an `st.form()`.\n\nFor more information, refer to the\n"
        "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
    )


def test_C5_button_value_reads_true_once_a_click_is_staged() -> None:
    """As Streamlit's AppTest: ``at.button[0].click().value`` is True before the run."""
    from apptest import AppTest

    at = AppTest.from_string("import streamlit as st\nst.button('go')").run()
    assert at.button[0].value is False
    assert at.button[0].click().value is True
    at.run()
    assert at.button[0].value is True  # the run the click caused
    at.run()
    assert at.button[0].value is False


# -- plans: what a widget command's arguments resolve to, remembered across runs ----------------
def test_a_rerun_of_the_same_widgets_builds_no_plan_and_computes_no_id(
    app: RunApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second run finds every plan and id remembered: no argument checks, no hashing."""
    import apptest._run.widgets as widgets

    at = app(
        """
        import datetime as dt
        import streamlit as st
        for i in range(3):
            st.checkbox(f"c{i}")
            st.toggle(f"t{i}", value=True)
            st.text_input(f"x{i}", key=f"x{i}", max_chars=5)
            st.text_area(f"a{i}")
            st.button(f"b{i}")
            st.radio(f"r{i}", ["cm", "in"], key=f"r{i}")
            st.selectbox(f"s{i}", ["red", "green"])
            st.multiselect(f"m{i}", ["a", "b", "c"], default=["a"])
            st.pills(f"p{i}", [1, 2, 3], selection_mode="multi")
            st.segmented_control(f"g{i}", ["view", "edit"], default="view")
            st.slider(f"l{i}", 0.0, 1.0, (0.2, 0.8))
            st.select_slider(f"v{i}", ["low", "mid", "high"], value="mid")
            st.number_input(f"n{i}", 0, 120, 30)
            st.date_input(f"d{i}", dt.date(2024, 1, 1))
            st.time_input(f"h{i}", dt.time(7, 0))
            st.color_picker(f"k{i}", "#336699")
        with st.form("f"):
            st.text_input("in the form")
            st.form_submit_button("Save")
        """
    )
    counts = {"plans": 0, "ids": 0}
    plan_init = widgets.WidgetPlan.__init__
    widget_id = widgets._widget_id

    def counting_init(self: widgets.WidgetPlan, *args: object, **kwargs: object) -> None:
        counts["plans"] += 1
        plan_init(self, *args, **kwargs)  # type: ignore[arg-type]

    def counting_id(*args: object) -> str:
        counts["ids"] += 1
        return widget_id(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(widgets.WidgetPlan, "__init__", counting_init)
    monkeypatch.setattr(widgets, "_widget_id", counting_id)
    at.checkbox[0].check()
    at.text_input[1].input("hello")
    at.run()
    assert counts == {"plans": 0, "ids": 0}
    assert at.checkbox[0].value is True
    assert at.text_input[1].value == "hello"
    assert len(at.checkbox) == 3 and len(at.toggle) == 3 and len(at.button) == 4


def test_lookalike_arguments_never_share_a_plan() -> None:
    """1, 1.0 and True (and 0.0 and -0.0) are equal but show differently: each call keeps
    its own plan, so an element's properties keep the type the app passed."""
    import apptest._run.widgets as widgets

    lookalikes = [1, 1.0, True, 0, 0.0, -0.0, False, "1", None, [1], [1.0], [True], (1,)]
    lookalikes += [[[0.0]], [[-0.0]], ["a", 1], ["a", 1.0], datetime.date(2000, 1, 1)]
    lookalikes += [datetime.datetime(2000, 1, 1)]
    for first in lookalikes:
        plan = widgets.remember_plan("probe", ("L", first), object())  # type: ignore[arg-type]
        for second in lookalikes:
            known = widgets.known_plan("probe", ("L", second))
            same = type(first) is type(second) and repr(first) == repr(second)
            assert (known is plan) == same, (first, second)
        widgets._PLANS.clear()


def test_a_call_with_a_callback_or_unhashable_arguments_is_not_remembered() -> None:
    import apptest._run.widgets as widgets

    for arguments in (("L", print), ("L", {"a": 1}), ("L", [object()])):
        widgets.remember_plan("probe", arguments, object())  # type: ignore[arg-type]
        assert widgets.known_plan("probe", arguments) is None


def test_equal_looking_disabled_flags_keep_their_type(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.checkbox("A", disabled=1)
        st.checkbox("B", disabled=True)
        st.checkbox("C", disabled=1)
        """
    )
    at.run()
    assert [type(box.proto["disabled"]) for box in at.checkbox] == [int, bool, int]


def test_a_list_read_from_a_widget_is_the_tests_own_copy() -> None:
    """Widget plans share their option and caption lists between runs and AppTests: changing
    a list a test read from an element changes nothing the next run or AppTest shows."""
    source = "import streamlit as st\nst.radio('Pick', ['a', 'b'], captions=['one', 'two'])\n"
    first = AppTest.from_string(source).run()
    captions = first.radio[0].captions
    captions.append("three")
    assert first.run().radio[0].captions == ["one", "two"]
    assert AppTest.from_string(source).run().radio[0].captions == ["one", "two"]
