"""``st.session_state`` and ``at.session_state`` (issue 2, point 5).

Rule ids: SS1/E19 (assigning a widget's key after the widget was created in this run), SS4
(plain keys are ordinary dict entries that persist), CB4 (callbacks may set keys of widgets
not created yet), V1/V2 (a key set before the widget registers becomes its value).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from apptest import AppTest

if TYPE_CHECKING:
    from conftest import RunApp

INIT_HINT = (
    "Did you forget to initialize it? More info: "
    "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
)


def test_item_and_attribute_access_contains_delete_iterate_len(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state["a"] = 1
        st.session_state.b = 2
        st.session_state[3] = "int key"
        st.write(st.session_state.a, st.session_state["b"], st.session_state["3"])
        st.write("a" in st.session_state, "zz" in st.session_state, 3 in st.session_state)
        del st.session_state["a"]
        del st.session_state.b
        st.write(sorted(st.session_state), len(st.session_state))
        st.write(st.session_state.get("missing", "default"))
        st.write(st.session_state.to_dict())
        """
    )
    assert at.markdown.values == [
        "`1` `2` int key",
        "`True` `False` `True`",
        "`1`",
        "default",
    ]
    assert at.json.values == ['["3"]', '{"3": "int key"}']
    assert at.get("markdown")[0].path == (0, 0)


def test_unknown_key_errors_have_streamlits_messages(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        try:
            st.session_state["nokey"]
        except KeyError as exc:
            st.write(exc.args[0])
        try:
            st.session_state.noattr
        except AttributeError as exc:
            st.write(str(exc))
        try:
            del st.session_state["nodel"]
        except KeyError as exc:
            st.write(exc.args[0])
        st.session_state.uncaught
        """
    )
    assert at.markdown.values == [
        f'st.session_state has no key "nokey". {INIT_HINT}',
        f'st.session_state has no attribute "noattr". {INIT_HINT}',
        f'st.session_state has no key "nodel". {INIT_HINT}',
    ]
    [exc] = at.exception
    assert exc.exc_type == "AttributeError"
    assert exc.message == f'st.session_state has no attribute "uncaught". {INIT_HINT}'


def test_SS4_plain_keys_persist_across_runs(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.count = st.session_state.get("count", 0) + 1
        st.write(st.session_state.count)
        """
    )
    at.run().run()
    assert at.markdown.values == ["`3`"]
    assert at.session_state.count == 3


def test_keyed_widgets_are_in_session_state_and_in_sync(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.checkbox("Check", key="chk")
        st.text_input("Name", key="name", value="Ada")
        st.checkbox("Unkeyed")
        st.write(st.session_state.chk, st.session_state.name)
        """
    )
    assert at.markdown.values == ["`False` Ada"]
    assert sorted(at.session_state) == ["chk", "name"]  # unkeyed widget ids are internal
    assert len(at.session_state) == 2
    at.checkbox("chk").check()
    at.text_input("name").input("Bob").run()
    assert at.markdown.values == ["`True` Bob"]
    assert at.session_state.chk is True and at.session_state["name"] == "Bob"


def test_V2_key_set_before_the_widget_becomes_its_value(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        if st.session_state.get("reset"):
            st.session_state.name = "from state"
            st.session_state.reset = False
        value = st.text_input("Name", key="name")
        st.write(value)
        """
    )
    at.text_input("name").input("typed").run()
    assert at.markdown.values == ["typed"]
    at.session_state.reset = True
    at.run()
    assert at.markdown.values == ["from state"]
    assert at.text_input("name").value == "from state"


def test_CB4_callback_sets_a_widget_key(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        def clear():
            st.session_state.name = ""
        st.text_input("Name", key="name")
        st.button("Clear", on_click=clear)
        """
    )
    at.text_input("name").input("something").run()
    assert at.session_state.name == "something"
    at.button[0].click().run()
    assert at.text_input("name").value == ""
    assert at.session_state.name == ""


@pytest.mark.parametrize(
    "assignment", ["st.session_state.k = True", "st.session_state['k'] = True"]
)
def test_E19_assigning_after_the_widget_is_created(assignment: str, app: RunApp) -> None:
    at = app(
        f"""
        import streamlit as st
        st.checkbox("box", key="k")
        {assignment}
        st.write("not reached")
        """
    )
    [exc] = at.exception
    assert exc.exc_type == "StreamlitAPIException"
    assert exc.message == (
        "`st.session_state.k` cannot be modified after the widget with key `k` is instantiated."
    )
    assert exc.is_markdown
    assert not at.markdown
    assert exc.stack_trace[-1].startswith('File "<streamlit app>", line 4')


def test_E19_is_catchable_as_streamlit_api_exception(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        from streamlit.errors import StreamlitAPIException
        st.checkbox("box", key="k")
        try:
            st.session_state.k = True
        except StreamlitAPIException:
            st.write("caught")
        """
    )
    assert at.markdown.values == ["caught"]


def test_E19_only_for_widgets_of_this_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.k = st.session_state.get("k", False)  # before the widget: allowed
        st.checkbox("box", key="k")
        """
    )
    at.run()
    assert not at.exception


# -- at.session_state ----------------------------------------------------------------------------
def test_at_session_state_seeds_state_before_the_first_run() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(st.session_state.user)
        st.checkbox("Agree", key="agree")
        """
    )
    at.session_state["user"] = "ada"
    at.session_state.agree = True
    assert "user" in at.session_state
    at.run()
    assert at.markdown.values == ["ada"]
    assert at.checkbox("agree").value is True


def test_at_session_state_readable_after_the_run(app: RunApp) -> None:
    at = app("import streamlit as st\nst.session_state.answer = 42")
    assert at.session_state.answer == 42
    assert at.session_state["answer"] == 42
    assert at.session_state.to_dict() == {"answer": 42}
    assert dict(at.session_state) == {"answer": 42}


def test_at_session_state_unknown_key(app: RunApp) -> None:
    at = app("import streamlit as st")
    with pytest.raises(KeyError) as info:
        at.session_state["nope"]
    assert info.value.args[0] == f'st.session_state has no key "nope". {INIT_HINT}'
    with pytest.raises(AttributeError, match='no attribute "nope"'):
        at.session_state.nope  # noqa: B018


def test_at_session_state_sets_a_rendered_widget_for_the_next_run(app: RunApp) -> None:
    """As in Streamlit's AppTest: the widget takes the value the test assigned."""
    at = app(
        """
        import streamlit as st
        st.write(st.checkbox("c", key="c"))
        """
    )
    at.checkbox("c").check().run()
    assert at.markdown.values == ["`True`"]
    at.session_state.c = False
    at.run()
    assert at.markdown.values == ["`False`"]
    assert at.checkbox("c").value is False
    at.run()  # and it stays
    assert at.markdown.values == ["`False`"]


def test_at_session_state_deletion_between_runs(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        st.write(st.session_state.n)
        """
    )
    at.run()
    assert at.markdown.values == ["`2`"]
    del at.session_state.n
    at.run()
    assert at.markdown.values == ["`1`"]


# -- Hypothesis: plain keys behave like a dict -------------------------------------------------
KEYS = hs.sampled_from(["a", "b", "c", "d"])
OPS = hs.lists(
    hs.one_of(
        hs.tuples(hs.just("set"), KEYS, hs.integers()),
        hs.tuples(hs.just("setattr"), KEYS, hs.integers()),
        hs.tuples(hs.just("get"), KEYS, hs.just(0)),
        hs.tuples(hs.just("del"), KEYS, hs.just(0)),
        hs.tuples(hs.just("contains"), KEYS, hs.just(0)),
    ),
    max_size=25,
)


def _apply_ops():  # type: ignore[no-untyped-def]
    import streamlit as st

    ops = st.session_state.pop("__ops", [])
    results = []
    for op, key, value in ops:
        if op == "set":
            st.session_state[key] = value
        elif op == "setattr":
            setattr(st.session_state, key, value)
        elif op == "get":
            try:
                results.append(st.session_state[key])
            except KeyError:
                results.append("missing")
        elif op == "del":
            try:
                del st.session_state[key]
            except KeyError:
                results.append("missing")
        else:
            results.append(key in st.session_state)
    st.write(results)


@given(OPS)
def test_SS4_plain_key_operations_behave_like_a_dict(ops: list[tuple[str, str, int]]) -> None:
    model: dict[str, Any] = {}
    expected: list[Any] = []
    for op, key, value in ops:
        if op in ("set", "setattr"):
            model[key] = value
        elif op == "get":
            expected.append(model.get(key, "missing"))
        elif op == "del":
            if key in model:
                del model[key]
            else:
                expected.append("missing")
        else:
            expected.append(key in model)
    at = AppTest.from_function(_apply_ops)
    at.session_state["__ops"] = ops
    at.run()
    assert not at.exception
    assert at.json.values == [json.dumps(expected)]
    assert at.session_state.to_dict() == model
    assert sorted(at.session_state) == sorted(model)
    assert len(at.session_state) == len(model)
    at.run()  # SS4: a run that does not touch them keeps them
    assert at.session_state.to_dict() == model


# -- V3: compaction --------------------------------------------------------------------------
from hypothesis import given as _given  # noqa: E402
from hypothesis import strategies as _st  # noqa: E402

from apptest._run.state import SessionState as _SessionState  # noqa: E402

_keys = _st.sampled_from(["a", "b", "c"])
_ids = _st.sampled_from(["$$ID-1-a", "$$ID-2-b", "$$ID-3-None"])


@_given(
    _st.dictionaries(_keys, _st.integers()),
    _st.dictionaries(_ids, _st.integers()),
    _st.dictionaries(_st.one_of(_keys, _ids), _st.integers()),
    _st.booleans(),
)
def test_V3_compaction_moves_every_current_value_into_old_state(
    user: dict[str, int], incoming: dict[str, int], old: dict[str, int], map_keys: bool
) -> None:
    """Compaction equals a V1 lookup of every key, stored under its state key."""
    state = _SessionState()
    if map_keys:
        state.bind_key("a", "$$ID-1-a")
        state.bind_key("b", "$$ID-2-b")
    state.user, state.incoming, state.old = dict(user), dict(incoming), dict(old)
    expected = dict(old)
    for key in state._all_state_keys():
        try:
            expected[key] = state._lookup(key)
        except KeyError:
            pass
    state.on_request({})
    assert state.old == expected
