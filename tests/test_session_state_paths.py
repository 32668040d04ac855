"""``st.session_state`` reads and writes of keys no widget owns skip the key translation (V1,
SS1), and a request's loading skips work it has nothing to do for: each per-run shortcut (issue
13) is checked against the general computation, on lookalike keys.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from apptest._run.state import WIDGET_ID_PREFIX, SessionState, WidgetMeta

# -- Session State: the shortcut for keys no widget owns ----------------------------------------
_KEYS = ["a", "k", "w", f"{WIDGET_ID_PREFIX}-1-k", f"{WIDGET_ID_PREFIX}-2-None", "$$I"]
_LAYER = hs.dictionaries(hs.sampled_from(_KEYS), hs.integers(0, 3), max_size=4)


def _state(user: dict[str, int], incoming: dict[str, int], old: dict[str, int]) -> SessionState:
    state = SessionState()
    state.user, state.incoming, state.old = dict(user), dict(incoming), dict(old)
    state.bind_key("k", f"{WIDGET_ID_PREFIX}-1-k")  # a keyed widget: both spellings
    return state


@given(_LAYER, _LAYER, _LAYER)
def test_reads_answer_as_the_general_lookup(
    user: dict[str, int], incoming: dict[str, int], old: dict[str, int]
) -> None:
    state = _state(user, incoming, old)
    for key in _KEYS:
        try:
            expected: Any = state._lookup(state._state_key(key))
        except KeyError:
            expected = KeyError
        assert state.contains(key) is (expected is not KeyError)
        if expected is KeyError:
            with pytest.raises(KeyError) as raised:
                state.get_item(key)
            assert raised.value.args[0].startswith(
                f'st.session_state has no key "{key}". Did you forget to initialize it?'
            )
        else:
            assert state.get_item(key) == expected


@pytest.mark.parametrize("key", _KEYS)
def test_writes_keep_the_trigger_and_orphan_bookkeeping(key: str) -> None:
    state = _state({}, {}, {})
    trigger = f"{WIDGET_ID_PREFIX}-2-None"
    state.register_widget(WidgetMeta(trigger, "button", None, "", trigger=True), False)
    state.reset_triggers()
    state.begin_run((), set())
    state.set_item(key, 1)
    state_key = state._state_key(key)
    assert state.user[key] == 1
    assert (state_key in state._armed) is (state_key == trigger)
    assert (state_key in state._dirty) is state_key.startswith(WIDGET_ID_PREFIX)
    assert (state_key in state._orphan_ids) is (state_key == f"{WIDGET_ID_PREFIX}-1-k")


def test_a_created_widgets_key_and_a_forms_key_still_refuse_writes() -> None:
    state = _state({}, {}, {})
    widget = f"{WIDGET_ID_PREFIX}-1-k"
    state.begin_run((), {"form"})
    state.register_widget(WidgetMeta(widget, "slider", "k", ""), 0)
    for key in ("k", "form"):
        with pytest.raises(Exception, match="cannot be modified after the widget"):
            state.set_item(key, 1)
    state.set_item("a", 1)  # any other key is written
    assert state.get_item("a") == 1


def _load_changed_reference(state: SessionState, states: dict[str, Any], changed: Any) -> Any:
    """``SessionState._load_changed`` as it was written before its fast paths."""
    old, incoming = state.old, state.incoming
    state._move_unbound()
    dirty, state._dirty = state._dirty, set()
    dirty.update(changed)
    dirty.update(state.key_to_id.get(key, key) for key in state.user)
    for state_key in dirty:
        if state_key in incoming:
            old[state_key] = incoming.pop(state_key)
    for key, value in state.user.items():
        state_key = state.key_to_id.get(key, key)
        old[state_key] = value
        if state_key in state.trigger_ids:
            state._armed.add(state_key)
    state.user.clear()
    present = {k for k in dirty if k in states}
    for state_key in present:
        incoming[state_key] = states[state_key]
    return present


_SOME_KEYS = hs.sets(hs.sampled_from(_KEYS), max_size=3)


@given(_LAYER, _LAYER, _LAYER, _LAYER, _SOME_KEYS, _SOME_KEYS)
def test_loading_a_request_changes_what_the_general_loading_changes(
    user: dict[str, int],
    incoming: dict[str, int],
    old: dict[str, int],
    states: dict[str, int],
    dirty: set[str],
    changed: set[str],
) -> None:
    def fresh() -> SessionState:
        state = _state(user, incoming, old)
        trigger = f"{WIDGET_ID_PREFIX}-2-None"
        state.register_widget(WidgetMeta(trigger, "button", None, "", trigger=True), False)
        state.reset_triggers()
        state.user, state.incoming, state.old = dict(user), dict(incoming), dict(old)
        state._dirty = set(dirty)
        return state

    fast, general = fresh(), fresh()
    assert fast._load_changed(states, frozenset(changed)) == _load_changed_reference(
        general, states, frozenset(changed)
    )
    for layer in ("user", "incoming", "old", "_armed", "_dirty", "_unbound_keys"):
        assert getattr(fast, layer) == getattr(general, layer), layer
