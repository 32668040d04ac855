"""Session State as Streamlit keeps it: three value layers plus widget metadata (section 1, 10).

Layers, read in this order (V1):
1. ``user``: values set by user code during the current run, by user key;
2. ``incoming``: widget values the browser sent for this run, by widget id;
3. ``old``: values compacted from earlier runs, by widget id (keyed widgets) or user key.

The runtime drives it: ``on_request`` at the start of a run that carries widget states (F3,
V3), ``register_widget`` while the body runs, ``on_finished`` at the end (F6, C1-C5).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from apptest._st_errors import StreamlitAPIException, StreamlitWidgetAlreadyInstantiatedError

WIDGET_ID_PREFIX = "$$ID"
_INIT_HINT = (
    "Did you forget to initialize it? More info: "
    "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
)


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


def _already_instantiated(key: str, error_class: str) -> StreamlitAPIException:
    """E19 / SS1 in the active profile's class and words."""
    if error_class == "StreamlitWidgetAlreadyInstantiatedError":
        # 1.67 formats the key as Python subscript code, in a Markdown code span whose fence
        # is longer than any run of backticks in the key.
        code = f"st.session_state[{key!r}]"
        fence = "`"
        while fence in code:
            fence += "`"
        item = f"{fence}{code}{fence}"
        return StreamlitWidgetAlreadyInstantiatedError(
            f"{item} cannot be modified after the widget with that key is instantiated. Assign "
            f"{item} before creating the widget, or update it from an `on_change` or "
            "`on_click` callback, which runs before the widget is instantiated. If this is a "
            "read-only session state key (buttons, file and media inputs, `st.data_editor`, "
            "forms, chart or `ButtonColumn` selections), store the value under a different "
            "session state key."
        )
    return StreamlitAPIException(
        f"`st.session_state.{key}` cannot be modified after the widget with key `{key}` is "
        "instantiated."
    )


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
        #: The ids of trigger widgets (buttons) ever registered: what ``reset_triggers`` visits.
        self.trigger_ids: set[str] = set()
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
    def get_item(self, key: str) -> Any:
        try:
            return self._lookup(self._state_key(key))
        except KeyError:
            raise KeyError(f'st.session_state has no key "{key}". {_INIT_HINT}') from None

    def set_item(self, key: str, value: Any) -> None:
        widget_id = self.key_to_id.get(key)
        forms = self.run_forms
        # E19 concerns the run in progress; between runs (a test writing
        # at.session_state) there is no instantiated widget to conflict with.
        if forms is not None and (
            (widget_id is not None and self.registered_in_scope(widget_id)) or key in forms
        ):
            raise _already_instantiated(key, self.already_instantiated_error)
        self.user[key] = value

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
            raise KeyError(f'st.session_state has no key "{key}". {_INIT_HINT}')

    def contains(self, key: str) -> bool:
        try:
            self._lookup(self._state_key(key))
        except KeyError:
            return False
        return True

    def registered_in_scope(self, widget_id: str) -> bool:
        return widget_id in self.registered

    def snapshot(self) -> dict[str, Any]:
        """A plain dict of the visible keys, for tests and reprs."""
        return {k: self.get_item(k) for k in self.user_keys()}

    # -- the run protocol ----------------------------------------------------------------
    def on_request(self, widget_states: dict[str, Any]) -> list[str]:
        """F3/V3: reset triggers, compact, load the browser's values; return changed widgets.

        The result lists, in request order, the widgets whose callbacks must fire (CB1-CB2).
        """
        self.reset_triggers()
        # Compaction: every key's current value (V1 order) moves into ``old``. Written as
        # layer updates, lowest precedence first, instead of a lookup per key.
        old = self.old
        for key, widget_id in self.key_to_id.items():
            if key in old and widget_id not in old:
                old[widget_id] = old[key]
        old.update(self.incoming)
        for key, value in self.user.items():
            old[self.key_to_id.get(key, key)] = value
        self.user.clear()
        self.incoming = dict(widget_states)
        changed: list[str] = []
        for widget_id, value in self.incoming.items():
            meta = self.meta.get(widget_id)
            if meta is None or meta.callback is None:
                continue
            if meta.trigger:
                fired = bool(value) and value != meta.reset_value
            else:
                fired = widget_id not in self.old or not _same(self.old[widget_id], value)
            if fired:
                changed.append(widget_id)
        return changed

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
        """Record a widget rendered in this run; return ``(value, value_set_by_user_code)``."""
        self.meta[meta.id] = meta
        if meta.trigger:
            self.trigger_ids.add(meta.id)
        self.registered[meta.id] = meta.fragment_id
        key = meta.user_key
        if key is not None:
            self.key_to_id[key] = meta.id
            self.id_to_key[meta.id] = key
        if meta.trigger:
            value = self.incoming.get(meta.id, meta.reset_value)
            self.incoming[meta.id] = value
            return value, False
        if key is not None and key in self.user:
            return self.user[key], True
        try:
            return self._lookup(meta.id), False
        except KeyError:
            self.incoming[meta.id] = default
            return default, False

    def reset_widget_value(self, meta: WidgetMeta, value: Any) -> None:
        """A widget's value was replaced while it registered (e.g. no longer a valid option)."""
        self.incoming[meta.id] = value
        if meta.user_key is not None and meta.user_key in self.user:
            self.user[meta.user_key] = value

    def reset_triggers(self) -> None:
        """C5: trigger values (buttons) read as their reset value again."""
        for widget_id in self.trigger_ids:
            meta = self.meta[widget_id]
            if not meta.trigger:
                continue
            for layer in (self.incoming, self.old):
                if widget_id in layer:
                    layer[widget_id] = meta.reset_value

    def remove_stale_widgets(self, fragment_ids: tuple[str, ...]) -> None:
        """C2: drop values of widgets not rendered by this run (within its scope)."""
        scope = set(fragment_ids)
        for layer in (self.incoming, self.old):
            # Widgets registered in this run stay: only the other keys are looked at.
            for state_key in layer.keys() - self.registered.keys():
                if not state_key.startswith(WIDGET_ID_PREFIX):
                    continue
                meta = self.meta.get(state_key)
                if meta is None or not scope or meta.fragment_id in scope:
                    del layer[state_key]


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:
        return a is b


class SessionStateProxy(MutableMapping[str, Any]):
    """``st.session_state`` and ``at.session_state``: item and attribute access on a session."""

    __slots__ = ("_get_state",)

    def __init__(self, get_state: Callable[[], SessionState]) -> None:
        object.__setattr__(self, "_get_state", get_state)

    def __getitem__(self, key: str) -> Any:
        return self._get_state().get_item(_key(key))

    def __setitem__(self, key: str, value: Any) -> None:
        self._get_state().set_item(_key(key), value)

    def __delitem__(self, key: str) -> None:
        self._get_state().del_item(_key(key))

    def __contains__(self, key: object) -> bool:
        return isinstance(key, (str, int)) and self._get_state().contains(_key(key))

    def __iter__(self) -> Iterator[str]:
        return iter(self._get_state().user_keys())

    def __len__(self) -> int:
        return len(self._get_state().user_keys())

    def __getattr__(self, name: str) -> Any:
        try:
            return self._get_state().get_item(name)
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{name}". {_INIT_HINT}'
            ) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self._get_state().set_item(name, value)

    def __delattr__(self, name: str) -> None:
        try:
            self._get_state().del_item(name)
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{name}". {_INIT_HINT}'
            ) from None

    def to_dict(self) -> dict[str, Any]:
        state: SessionState = self._get_state()
        return state.snapshot()

    def __repr__(self) -> str:
        return repr(self.to_dict())


def _key(key: object) -> str:
    # Streamlit normalises int keys to str.
    return str(key) if isinstance(key, int) else key  # type: ignore[return-value]
