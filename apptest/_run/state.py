"""Session State as Streamlit keeps it: three value layers plus widget metadata (section 1, 10).

Layers, read in this order (V1):
1. ``user``: values set by user code during the current run, by user key;
2. ``incoming``: widget values the browser sent for this run, by widget id;
3. ``old``: values compacted from earlier runs, by widget id (keyed widgets) or user key.

The runtime drives it: ``on_request`` at the start of a run that carries widget states (F3,
V3), ``register_widget`` while the body runs, ``on_finished`` at the end (F6, C1-C5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from apptest._run.state_errors import already_instantiated, no_attribute, no_key

WIDGET_ID_PREFIX = "$$ID"


@dataclass(slots=True)
class WidgetMeta:
    """What Session State knows of one widget (W5)."""

    id: str
    kind: str
    user_key: str | None
    fragment_id: str
    form_id: str = ""
    trigger: bool = False
    #: The value a trigger widget reads when not triggered (False; None for chat input).
    reset_value: Any = False
    callback: Callable[..., Any] | None = None
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    read_only: bool = False


class SessionState:
    """The per-session store behind ``st.session_state``."""

    def __init__(self) -> None:
        self.user: dict[str, Any] = {}
        self.incoming: dict[str, Any] = {}
        self.old: dict[str, Any] = {}
        self.key_to_id: dict[str, str] = {}
        self.id_to_key: dict[str, str] = {}
        #: By widget id; written by ``register_widget`` only (it also keeps ``trigger_ids``).
        self.meta: dict[str, WidgetMeta] = {}
        #: The ids of trigger widgets (buttons) ever registered.
        self.trigger_ids: set[str] = set()
        #: Trigger ids whose value may differ from their reset value: what ``reset_triggers``
        #: visits (a click, a replay, a value written under the trigger's key), not every
        #: button ever rendered.
        self._armed: set[str] = set()
        #: Widget ids by the fragment that last registered them ("" for the main script):
        #: a fragment run's stale-widget cleanup looks at its own fragments' widgets only.
        self._by_fragment: dict[str, set[str]] = {}
        #: Widget ids with a callback, in registration order: the candidates for CB1.
        self._callback_ids: dict[str, None] = {}
        #: User keys whose value may have to be copied to their widget id at the next
        #: compaction (a key newly bound to a widget, or its widget's value dropped).
        self._unbound_keys: set[str] = set()
        #: Widget ids whose value here may differ from the browser's since the last request
        #: (written other than by the browser): a request that says which values it changed
        #: is compared on these and its changes only (``on_request``).
        self._dirty: set[str] = set()
        #: Widget-id-like keys with no widget behind them: stale on every cleanup (C2).
        self._orphan_ids: set[str] = set()
        #: Widgets registered in the current run, with the fragment that registered them.
        self.registered: dict[str, str] = {}
        #: The fragments rerun by the current run (empty on a full run).
        self.scope: frozenset[str] = frozenset()
        #: Keys of the forms the run in progress created; None between runs.
        self.run_forms: set[str] | None = None
        #: E19's class, from the session's profile (``widget_already_instantiated_error``).
        self.already_instantiated_error = "StreamlitAPIException"

    # -- keys ----------------------------------------------------------------------------
    def _state_key(self, key: str) -> str:
        """The layer key of a user key: its widget id when a keyed widget owns it."""
        return self.key_to_id.get(key, key)

    def _lookup(self, state_key: str) -> Any:
        user_key = self.id_to_key.get(state_key, state_key)
        if user_key in self.user:
            return self.user[user_key]
        if state_key in self.incoming:
            return self.incoming[state_key]
        if state_key in self.old:
            return self.old[state_key]
        if user_key in self.old:
            return self.old[user_key]
        raise KeyError(state_key)

    def _all_state_keys(self) -> set[str]:
        keys = {self._state_key(k) for k in self.old}
        keys.update(self.incoming)
        keys.update(self._state_key(k) for k in self.user)
        return keys

    def user_keys(self) -> list[str]:
        """Keys visible to apps and tests: unkeyed widget ids are internal and left out."""
        visible: list[str] = []
        for state_key in self._all_state_keys():
            if state_key.startswith(WIDGET_ID_PREFIX):
                user_key = self.id_to_key.get(state_key)
                if user_key is None:
                    continue
                visible.append(user_key)
            else:
                visible.append(state_key)
        return sorted(set(visible), key=str)

    # -- the mapping apps see ------------------------------------------------------------
    # ``get_item``, ``set_item`` and ``contains`` serve every ``st.session_state`` access. Each
    # first takes a written-out fast path for a key no widget owns (neither a widget's user
    # key nor a keyed widget's id): there both spellings of the key are the key itself, so
    # ``_state_key`` and ``_lookup`` reduce to the layers' own lookups.
    def get_item(self, key: str) -> Any:
        if key not in self.key_to_id and key not in self.id_to_key:
            if key in self.user:
                return self.user[key]
            if key in self.incoming:
                return self.incoming[key]
            if key in self.old:
                return self.old[key]
            raise no_key(key)
        try:
            return self._lookup(self._state_key(key))
        except KeyError:
            raise no_key(key) from None

    def set_item(self, key: str, value: Any) -> None:
        forms = self.run_forms
        widget_id = self.key_to_id.get(key)
        # E19 concerns the run in progress; between runs (a test writing
        # at.session_state) there is no instantiated widget to conflict with.
        if forms is not None and (
            (widget_id is not None and widget_id in self.registered) or key in forms
        ):
            raise already_instantiated(key, self.already_instantiated_error)
        self.user[key] = value
        self._note_write(key if widget_id is None else widget_id)

    def _note_write(self, state_key: str) -> None:
        """A value was written under ``state_key`` other than by a widget's registration:
        keep the trigger and orphan bookkeeping right (C5, C2)."""
        if state_key in self.trigger_ids:
            self._armed.add(state_key)
        if state_key.startswith(WIDGET_ID_PREFIX):
            self._dirty.add(state_key)
            if state_key not in self.meta:
                self._orphan_ids.add(state_key)

    def del_item(self, key: str) -> None:
        state_key = self._state_key(key)
        found = False
        for layer, layer_key in (
            (self.user, key),
            (self.incoming, state_key),
            (self.old, state_key),
            (self.old, key),
        ):
            if layer_key in layer:
                del layer[layer_key]
                found = True
        if not found:
            raise no_key(key)
        self._unbound_keys.add(key)
        self._dirty.add(state_key)

    def contains(self, key: str) -> bool:
        if key not in self.key_to_id and key not in self.id_to_key:
            return key in self.user or key in self.incoming or key in self.old
        try:
            self._lookup(self._state_key(key))
        except KeyError:
            return False
        return True

    def snapshot(self) -> dict[str, Any]:
        """A plain dict of the visible keys, for tests and reprs."""
        return {k: self.get_item(k) for k in self.user_keys()}

    # -- the run protocol ----------------------------------------------------------------
    def on_request(
        self,
        widget_states: dict[str, Any],
        triggers: dict[str, Any] | None = None,
        changed: frozenset[str] | None = None,
    ) -> list[str]:
        """F3/V3: reset triggers, compact, load the browser's values (``triggers`` over
        ``widget_states``); return the widgets whose callbacks must fire, in request order
        (CB1-CB2).

        ``changed``, when given, names the values the browser changed since its last request:
        then only those and the values written here since are looked at (the others are
        the same on both sides), and ``widget_states`` is only read, never copied.
        """
        self.reset_triggers()
        triggers = triggers or {}
        if changed is None:
            self._compact()
            self.incoming = dict(widget_states)
            self._dirty.clear()
            looked_at: Iterable[str] = self.incoming
        else:
            present = self._load_changed(widget_states, changed)
            if triggers:
                present.update(triggers)
            looked_at = present
        incoming = self.incoming
        if triggers:
            incoming.update(triggers)
            self._armed.update(triggers.keys() & self.trigger_ids)
        callbacks = self._callback_ids
        if not callbacks:
            return []  # (most apps: nothing to compare)
        fired = [w for w in looked_at if w in callbacks and self._fired(w, incoming[w])]
        if len(fired) > 1:
            fired_set = set(fired)
            in_order = dict.fromkeys(w for w in widget_states if w in fired_set)
            in_order.update(dict.fromkeys(w for w in triggers if w in fired_set))
            fired = list(in_order)  # request order
        return fired

    def _load_changed(self, states: dict[str, Any], changed: frozenset[str]) -> set[str]:
        """Compaction and loading for the keys that may differ from the browser's values;
        return those the request holds. The other keys keep their place: their value here
        is the one the browser sent (a lookup finds the same value in either layer)."""
        old, incoming, user = self.old, self.incoming, self.user
        if self._unbound_keys:
            self._move_unbound()
        dirty, self._dirty = self._dirty, set()
        if changed:
            dirty.update(changed)
        for state_key in dirty:
            if state_key in incoming:
                old[state_key] = incoming.pop(state_key)
        if user:
            # Values set by user code go to ``old`` under their state key, over the browser's
            # (which is dropped), and are looked at like the other keys written here.
            key_to_id, trigger_ids = self.key_to_id, self.trigger_ids
            for key, value in user.items():
                state_key = key_to_id[key] if key in key_to_id else key
                if state_key in states:  # (``present`` below is the ones in ``states``)
                    dirty.add(state_key)
                if state_key in incoming:
                    del incoming[state_key]
                old[state_key] = value
                if state_key in trigger_ids:
                    self._armed.add(state_key)
            user.clear()
        present = {k for k in dirty if k in states}  # (as many reads as keys looked at)
        for state_key in present:
            incoming[state_key] = states[state_key]
        return present

    def _fired(self, widget_id: str, value: Any) -> bool:
        meta = self.meta[widget_id]
        if meta.callback is None:
            return False
        if meta.trigger:
            return bool(value) and value != meta.reset_value
        return widget_id not in self.old or not _same(self.old[widget_id], value)

    def _compact(self) -> None:
        """Every key's current value (V1 order) moves into ``old``. Written as layer
        updates, lowest precedence first, instead of a lookup per key."""
        old = self.old
        self._move_unbound()
        old.update(self.incoming)
        for key, value in self.user.items():
            state_key = self.key_to_id.get(key, key)
            old[state_key] = value
            self._note_write(state_key)
        self.user.clear()

    def _move_unbound(self) -> None:
        """A user key's value reaches its widget id once the key is bound to a widget; only
        keys that were bound, or whose widget value was dropped, since the last request."""
        old = self.old
        for key in self._unbound_keys:
            widget_id = self.key_to_id.get(key)
            if widget_id is not None and key in old and widget_id not in old:
                old[widget_id] = old[key]
                self._note_write(widget_id)
        self._unbound_keys.clear()

    def replay(self, values: dict[str, Any]) -> None:
        """RR8: replayed trigger values go over the fresh ones, firing nothing."""
        self.incoming.update(values)
        self._armed.update(values.keys() & self.trigger_ids)

    def begin_run(self, scope: tuple[str, ...], forms: set[str]) -> None:
        """A run starts: ``scope`` are the fragments it reruns, ``forms`` collects the keys of
        the forms it creates (both for E19/SS1)."""
        self.registered = {}
        self.scope = frozenset(scope)
        self.run_forms = forms

    def end_run(self) -> None:
        """Between runs a test may assign any key (no widget is being instantiated)."""
        self.run_forms = None

    def register_widget(self, meta: WidgetMeta, default: Any) -> tuple[Any, bool]:
        """Record a widget rendered in this run; return ``(value, value_set_by_user_code)``.

        ``meta`` is the object it registered with before when nothing in it changed (see
        ``apptest._run.widgets``): then the indexes over it are already right."""
        widget_id = meta.id
        if self.meta.get(widget_id) is not meta:
            self._index(meta)
        elif meta.trigger:
            self._armed.add(widget_id)  # its value this run may be a click (C5)
        self.registered[widget_id] = meta.fragment_id
        self._dirty.add(widget_id)  # the browser learns its value from the element, if sent
        key = meta.user_key
        if key is not None and self.key_to_id.get(key) != widget_id:
            self.bind_key(key, widget_id)  # (an id has one key: bound once, bound for good)
        if meta.trigger:
            value = self.incoming.get(widget_id, meta.reset_value)
            self.incoming[widget_id] = value
            return value, False
        if key is not None:
            if key in self.user:
                return self.user[key], True
        elif widget_id in self.user:
            return self.user[widget_id], False  # written under the id itself (``_lookup``)
        # ``_lookup``, written out for the common case: the browser's value for the widget
        value = self.incoming.get(widget_id, _MISSING)
        if value is not _MISSING:
            return value, False
        try:
            return self._lookup(widget_id), False
        except KeyError:
            self.incoming[widget_id] = default
            return default, False

    def _index(self, meta: WidgetMeta) -> None:
        """Keep ``meta`` and the indexes over it: by fragment, with a callback, triggers."""
        widget_id = meta.id
        known = self.meta.get(widget_id)
        self.meta[widget_id] = meta
        if known is None or known.fragment_id != meta.fragment_id:
            if known is not None:
                self._by_fragment[known.fragment_id].discard(widget_id)
            self._by_fragment.setdefault(meta.fragment_id, set()).add(widget_id)
            self._orphan_ids.discard(widget_id)
        if meta.callback is not None:
            self._callback_ids[widget_id] = None
        elif known is not None and known.callback is not None:
            del self._callback_ids[widget_id]
        if meta.trigger:
            self.trigger_ids.add(widget_id)
            self._armed.add(widget_id)  # its value this run may be a click (C5)

    def bind_key(self, key: str, widget_id: str) -> None:
        """The widget ``widget_id`` owns the user key ``key`` (W5): both spellings name one
        value from now on."""
        if self.key_to_id.get(key) != widget_id:
            self._unbound_keys.add(key)  # its value moves to the widget id at compaction
        self.key_to_id[key] = widget_id
        self.id_to_key[widget_id] = key

    def reset_widget_value(self, meta: WidgetMeta, value: Any) -> None:
        """A widget's value was replaced while it registered (e.g. no longer a valid option)."""
        self.incoming[meta.id] = value
        if meta.user_key is not None and meta.user_key in self.user:
            self.user[meta.user_key] = value

    def reset_triggers(self) -> None:
        """C5: trigger values (buttons) read as their reset value again. Only triggers that
        may have been set since the last reset are visited."""
        armed = self._armed
        if not armed:
            return
        for widget_id in armed:
            meta = self.meta[widget_id]
            if not meta.trigger:
                continue
            for layer in (self.incoming, self.old):
                if widget_id in layer:
                    layer[widget_id] = meta.reset_value
        armed.clear()

    def remove_stale_widgets(self, fragment_ids: tuple[str, ...]) -> None:
        """C2: drop values of widgets not rendered by this run (within its scope). A fragment
        run looks only at the widgets its fragments registered before."""
        registered = self.registered
        if not fragment_ids:
            for layer in (self.incoming, self.old):
                # Widgets registered in this run stay: only the other keys are looked at.
                stale = layer.keys() - registered
                for state_key in stale:
                    if state_key.startswith(WIDGET_ID_PREFIX):
                        self._drop(layer, state_key)
            self._orphan_ids.clear()
            return
        for fragment_id in set(fragment_ids):
            for widget_id in self._by_fragment.get(fragment_id, ()):
                if widget_id not in registered:
                    self._drop(self.incoming, widget_id)
                    self._drop(self.old, widget_id)
        if self._orphan_ids:
            for widget_id in self._orphan_ids:
                if widget_id not in registered:
                    self._drop(self.incoming, widget_id)
                    self._drop(self.old, widget_id)
            self._orphan_ids = {k for k in self._orphan_ids if k in self.user}

    def _drop(self, layer: dict[str, Any], state_key: str) -> None:
        self._dirty.add(state_key)  # the browser may still hold it
        if layer.pop(state_key, _MISSING) is not _MISSING and layer is self.old:
            key = self.id_to_key.get(state_key)
            if key is not None:
                self._unbound_keys.add(key)  # its key's own value may come back (V1)


_MISSING = object()


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:
        return a is b


class SessionStateProxy(MutableMapping[str, Any]):
    """``st.session_state`` and ``at.session_state``: item and attribute access on a session."""

    __slots__ = ("_get_state",)
    _get_state: Callable[[], SessionState]

    def __init__(self, get_state: Callable[[], SessionState]) -> None:
        object.__setattr__(self, "_get_state", get_state)

    # (``type(key) is str`` first: ``_key`` only matters for other keys.)
    def __getitem__(self, key: str) -> Any:
        return self._get_state().get_item(key if type(key) is str else _key(key))

    def __setitem__(self, key: str, value: Any) -> None:
        self._get_state().set_item(key if type(key) is str else _key(key), value)

    def __delitem__(self, key: str) -> None:
        self._get_state().del_item(_key(key))

    def __contains__(self, key: object) -> bool:
        if type(key) is str:
            return self._get_state().contains(key)
        return isinstance(key, (str, int)) and self._get_state().contains(_key(key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._get_state().user_keys())

    def __len__(self) -> int:
        return len(self._get_state().user_keys())

    def __getattr__(self, name: str) -> Any:
        try:
            return self._get_state().get_item(name)
        except KeyError:
            raise no_attribute(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self._get_state().set_item(name, value)

    def __delattr__(self, name: str) -> None:
        try:
            self._get_state().del_item(name)
        except KeyError:
            raise no_attribute(name) from None

    def to_dict(self) -> dict[str, Any]:
        state: SessionState = self._get_state()
        return state.snapshot()

    def __repr__(self) -> str:
        return repr(self.to_dict())


def _key(key: object) -> str:
    # Streamlit normalises int keys to str.
    return str(key) if isinstance(key, int) else key  # type: ignore[return-value]
