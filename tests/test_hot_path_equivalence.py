"""The per-run hot paths' written-out shortcuts answer as the general code does (issue 13).

Fragment ids come from a memo (ID1), ``@st.fragment`` copies the function's metadata without
``functools.update_wrapper`` (D7), and ``st.session_state`` reads and writes of keys no widget
owns skip the key translation (V1, SS1): each is checked here against the general computation,
on lookalike inputs that a careless memo key or shortcut would confuse.
"""

from __future__ import annotations

import dataclasses
import functools
import types
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from apptest._profile import SEED, Semantics, blake2b_hex, md5_hex
from apptest._run.state import WIDGET_ID_PREFIX, SessionState, WidgetMeta
from apptest._server import fragments
from apptest._server.fragments import fragment_id_for, make_fragment

MD5 = dataclasses.replace(SEED, name="md5", hash_name="md5")


def _run(profile: Semantics) -> Any:
    """What ``fragment_id_for`` reads of a run: its session's profile."""
    return types.SimpleNamespace(session=types.SimpleNamespace(profile=profile))


def _function(module: object, qualname: str) -> Any:
    def f() -> None:
        pass

    f.__module__ = module  # type: ignore[assignment]
    f.__qualname__ = qualname
    return f


class _Named:
    """A callable object: ID2 takes its ``__qualname__`` attribute (not the type's)."""

    def __init__(self, qualname: object) -> None:
        self.__qualname__ = qualname
        self.__module__ = "objects"

    def __call__(self) -> None:
        pass


# Module, name, path and extra split the same text in different ways ("a.b" + "c" and
# "a" + "b.c"; [0, 1] + "0" and [0, 10]...), and both hashes are used.
_FUNCS = hs.builds(
    _function,
    hs.sampled_from(["a", "a.b", "", "__main__", None]),
    hs.sampled_from(["c", "b.c", "f", "f.<locals>.g"]),
) | hs.builds(_Named, hs.sampled_from(["c", "b.c", 3]))
_CALLS = hs.tuples(
    _FUNCS,
    hs.sampled_from([(), (0,), (0, 1), (0, 10), (0, 1, 0), (1,), (2, 0, 0)]),
    hs.sampled_from(["", "0", "d1", "1"]),
    hs.sampled_from([SEED, MD5]),
)


def _expected(func: Any, path: tuple[int, ...], extra: str, profile: Semantics) -> str:
    module = getattr(func, "__module__", None) or type(func).__module__
    text = f"{module}.{fragments.object_name(func)}{list(path)}{extra}"
    return md5_hex(text) if profile.hash_name == "md5" else blake2b_hex(text)


@given(hs.lists(_CALLS, min_size=1, max_size=8))
def test_remembered_fragment_ids_are_the_hash_of_their_own_text(calls: list[Any]) -> None:
    for func, path, extra, profile in calls + calls:  # the second round answers from the memo
        assert fragment_id_for(_run(profile), func, path, extra) == _expected(
            func, path, extra, profile
        )


def test_a_str_subclass_that_formats_differently_is_never_remembered() -> None:
    class Shown(str):
        def __format__(self, spec: str) -> str:
            return "shown"

    fragments._ID_MEMO.clear()
    odd = _function(Shown("m"), "f")
    plain = _function("m", "f")
    assert fragment_id_for(_run(SEED), odd, (0, 1)) == blake2b_hex("shown.f[0, 1]")
    assert fragment_id_for(_run(SEED), plain, (0, 1)) == blake2b_hex("m.f[0, 1]")
    assert fragment_id_for(_run(SEED), odd, (0, 1)) == blake2b_hex("shown.f[0, 1]")
    assert list(fragments._ID_MEMO) == [("m", "f", (0, 1), "", "blake2b")]


def _reference(func: Any) -> Any:
    """What ``functools.wraps`` makes of ``func`` (the wrapper before the fast path)."""

    def wrap(*args: Any, **kwargs: Any) -> Any:
        return None

    wrap.__qualname__ = "make_fragment.<locals>.wrap"  # what a partial leaves in place
    return functools.update_wrapper(wrap, func)


_COPIED = (*functools.WRAPPER_ASSIGNMENTS, "__dict__", "__wrapped__")


def _metadata(wrapper: Any) -> dict[str, Any]:
    return {name: getattr(wrapper, name, "<missing>") for name in _COPIED}


def test_the_fragment_wrapper_carries_what_functools_wraps_copies() -> None:
    def plain() -> None:
        pass

    def rich(a: int, *, b: str = "") -> int:
        """Doc."""
        return a

    rich.extra = [1]  # type: ignore[attr-defined]
    rich.__wrapped__ = plain  # type: ignore[attr-defined]  # replaced by ``rich`` itself
    no_module = _function(None, "q")
    for func in (plain, rich, no_module, functools.partial(rich, 1), _Named("n")):
        made = make_fragment(func, run_every=None, main=None)  # type: ignore[arg-type]
        assert _metadata(made) == _metadata(_reference(func)), func
        assert made.__wrapped__ is func  # type: ignore[attr-defined]


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
