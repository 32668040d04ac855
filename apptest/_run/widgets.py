"""The widget mechanism: identity (W1-W5), duplicate checks, registration, value resolution.

Every input widget of the shim calls :func:`register_widget` with a :class:`WidgetCall` (its
kind, label, key, the keyword arguments that make up its identity, its callback) and its
default. The runtime computes the widget id, refuses duplicates with Streamlit's exceptions,
records metadata (callback, fragment, form) in Session State and returns the value the
widget shows in this run.

Apps render the same widgets with the same arguments run after run. So a command first asks
:func:`known_plan` for the :class:`WidgetPlan` its arguments resolved to in an earlier run
(keyed by the arguments' tokens, ``apptest._run.tokens``: 1, 1.0 and True never share one)
and hands it to :func:`register_plan`, which remembers on the plan, per place (form, root,
page), the widget's id, metadata and element properties: a rerun of an unchanged widget
redoes no argument check, no hashing and no dict building. Only what may change from run to
run is done every time (the duplicate checks, Session State's resolution, the element).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from apptest import _st_errors as errors
from apptest._paths import MAIN
from apptest._props import FORM_ID, ID, KEY, LABEL, TRIGGER, VALUE
from apptest._run.layout import Container, current_run, emit_element, widget_placement
from apptest._run.state import WIDGET_ID_PREFIX, SessionState, WidgetMeta
from apptest._run.tokens import NO_TOKEN, PLAIN, Memo, token
from apptest._run.tokens import tokens as tokens_of
from apptest._st_errors import StreamlitAPIException


def normalize_key(key: object) -> str | None:
    """Streamlit accepts str and int keys; ints become str."""
    if key is None:
        return None
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise StreamlitAPIException(
            f"Key must be a string or an integer, not {type(key).__name__} ({key!r})."
        )
    return str(key)


def compute_widget_id(
    kind: str,
    user_key: str | None,
    identity: dict[str, Any],
    *,
    form_id: str,
    root: int,
    page: str,
    calc_hash: Callable[[str], str],
) -> str:
    """W1: a hash of type, key, identity kwargs and page; unkeyed widgets add form and root."""
    parts = [kind, repr(user_key)]
    parts.extend(f"{name}={value!r}" for name, value in sorted(identity.items()))
    parts.append(page)
    if user_key is None:
        parts.extend((form_id, str(root)))
    digest = calc_hash("\x1f".join(parts))
    return f"{WIDGET_ID_PREFIX}-{digest}-{user_key if user_key is not None else 'None'}"


class WidgetCall(NamedTuple):
    """One widget command's call as :func:`register_widget` takes it: who the widget is
    (its id, W1) and what it calls back. Built by the shim's widget commands.

    ``kind`` is the command ("slider"); ``label`` and ``key`` are as the app passed them.
    ``identity`` holds the keyword arguments that make up the id. ``key_identity`` is
    Streamlit's ``key_as_main_identity``: when the widget has a key, True leaves every identity
    kwarg (label included) out of its id, a set keeps only those names. ``on_change`` (or
    ``on_click``/``on_submit``) runs with ``args``/``kwargs`` before the next run. A
    ``trigger`` widget (a button) is True in the run its click causes and ``reset_value``
    otherwise; a ``read_only`` widget's key cannot be set through Session State (SS2).

    Immutable. A NamedTuple rather than a frozen dataclass: one is built per widget per run,
    and a frozen dataclass's ``__init__`` (``object.__setattr__`` per field) made a run of
    50 widgets about a quarter slower.
    """

    kind: str
    label: str
    key: object
    identity: dict[str, Any]
    key_identity: bool | frozenset[str] = False
    on_change: Callable[..., Any] | None = None
    args: tuple[Any, ...] | list[Any] | None = None
    kwargs: dict[str, Any] | None = None
    trigger: bool = False
    reset_value: Any = False
    read_only: bool = False


_ID_MEMO: Memo[str] = Memo()


def _widget_id(
    call: WidgetCall,
    user_key: str | None,
    form_id: str,
    root: int,
    page: str,
    calc_hash: Callable[[str], str],
) -> str:
    """``compute_widget_id`` for one widget call, remembered across runs (apps render the
    same widgets run after run) when every identity value has a token
    (``apptest._run.tokens``): equal tokens mean equal reprs, so the id is the same, while 1,
    1.0 and True (or 0.0 and -0.0) never share an entry."""
    kind, label, identity, key_identity = call.kind, call.label, call.identity, call.key_identity
    values = tuple(identity.values())
    value_types = tuple(map(type, values))
    memo_key: tuple[Any, ...] | None = None
    if type(label) is str:
        if PLAIN.issuperset(value_types):
            tokens: Any = (values, value_types)  # the common case, without a call per value
        else:
            tokens = tokens_of(values)
        if tokens is not None:
            memo_key = (kind, label, user_key, key_identity, form_id, root, page, calc_hash)
            memo_key += (tuple(identity), tokens)
            known = _ID_MEMO.get(memo_key)
            if known is not None:
                return known
    id_kwargs = {"label": label, **identity}
    if user_key is not None and key_identity is not False:
        kept = frozenset() if key_identity is True else key_identity
        id_kwargs = {name: v for name, v in id_kwargs.items() if name in kept}
    widget_id = compute_widget_id(
        kind, user_key, id_kwargs, form_id=form_id, root=root, page=page, calc_hash=calc_hash
    )
    if memo_key is not None:
        _ID_MEMO.remember(memo_key, widget_id)
    return widget_id


class WidgetPlan:
    """What a widget command's arguments resolve to, before Session State has a say: the
    ``WidgetCall``, the default, the element's properties and the sanitizer. A pure function
    of the arguments, so the shim remembers it (:func:`known_plan`): the same widget, run
    after run, skips the command's argument checks and builds nothing. ``placed`` remembers,
    by where the widget lands (form, root, page, id hash), its id, user key and metadata."""

    __slots__ = ("call", "default", "placed", "props", "sanitize")

    def __init__(
        self,
        call: WidgetCall,
        default: Any,
        props: dict[str, Any],
        sanitize: Callable[[Any, bool], Any] | None = None,
    ) -> None:
        self.call = call
        self.default = default
        self.props = props
        self.sanitize = sanitize
        self.placed: dict[tuple[Any, ...], _Placed] = {}


class _Placed:
    """A plan's widget at one place: its id, user key and the metadata it last registered
    with (reused while the fragment registering it is the same)."""

    __slots__ = ("element", "id", "meta", "user_key")

    def __init__(self, widget_id: str, user_key: str | None) -> None:
        self.id = widget_id
        self.user_key = user_key
        self.meta: WidgetMeta | None = None
        #: The element's properties but its value (a copy is written in each run).
        self.element: dict[str, Any] | None = None


_PLANS: Memo[WidgetPlan] = Memo()
#: The positions of the arguments whose type is not in ``PLAIN``, by the arguments' types (a
#: lookup: apps call each command with a handful of type combinations).
_SHAPES: Memo[tuple[int, ...]] = Memo(1_000)


def _plan_key(
    kind: str,
    arguments: tuple[Any, ...],
    types: tuple[type, ...],
    others: tuple[int, ...] | None = None,
) -> tuple[Any, ...] | None:
    """The memo key of a command's ``arguments`` (of ``types``): so that 1, 1.0 and True
    never share a plan, the types are part of it and an argument of another type than
    ``PLAIN``'s stands by its token (``apptest._run.tokens``); None when one has none.
    ``others``: ``_SHAPES``'s entry for ``types``, when the caller has looked it up."""
    if others is None:
        others = _SHAPES.get(types)
    if others is None:
        others = tuple(i for i, kind_of in enumerate(types) if kind_of not in PLAIN)
        _SHAPES.remember(types, others)
    if not others:
        return (kind, arguments, types)
    values = list(arguments)
    for i in others:
        found = token(values[i])
        if found is NO_TOKEN:
            return None
        values[i] = found
    return (kind, tuple(values), types)


def known_plan(kind: str, arguments: tuple[Any, ...]) -> WidgetPlan | None:
    """The plan remembered for a ``kind`` command called with ``arguments`` (every argument
    its plan depends on), or None: then the command checks its arguments, builds the plan
    and hands it to :func:`remember_plan`. A call with a callback never has one (a function
    has no token; an app's callback is a new function object on every run anyway)."""
    types = tuple(map(type, arguments))
    others = _SHAPES.get(types)
    if others == ():
        return _PLANS.get((kind, arguments, types))  # the common case, without a call
    key = _plan_key(kind, arguments, types, others)
    return None if key is None else _PLANS.get(key)


def remember_plan(kind: str, arguments: tuple[Any, ...], plan: WidgetPlan) -> WidgetPlan:
    key = _plan_key(kind, arguments, tuple(map(type, arguments)))
    if key is not None:
        _PLANS.remember(key, plan)
    return plan


def register_widget(
    container: Container,
    call: WidgetCall,
    *,
    default: Any,
    props: dict[str, Any],
    sanitize: Callable[[Any, bool], Any] | None = None,
) -> Any:
    """Register a widget rendered in this run and write its element; return its value.

    ``default`` is the value before any interaction; ``props`` go into the element beside
    the keys every widget has (``apptest._props``: id, label, key, form_id, trigger,
    value). ``sanitize(value, set_by_user_code)`` checks the value the widget would show;
    it may raise the command's Streamlit error, or return a replacement (a value the widget
    can no longer hold falls back to its default), which then becomes the widget's value.
    Outside a script run nothing is registered and the default (a trigger's
    ``reset_value``) is returned.
    """
    return register_plan(container, WidgetPlan(call, default, props, sanitize))


def register_plan(container: Container, plan: WidgetPlan) -> Any:
    """:func:`register_widget` for a planned call: what the plan remembers is not redone."""
    run = current_run()
    call = plan.call
    if run is None:
        return call.reset_value if call.trigger else plan.default
    # ``widget_placement``, written out for the common case (no fragment running): this runs
    # for every widget of every run.
    frame = run.frame
    if frame is not None:
        form_id, root = widget_placement(container, run)
    elif container._cursor is None and container._root == MAIN and run.stack:
        target = run.stack[-1]
        form_id, root = target._form_id, target._root
    else:
        form_id, root = container._form_id, container._root
    session = run.session
    where = (form_id, root, session.page_hash, session.profile.hash_name)
    placed = plan.placed.get(where)
    if placed is None:
        placed = _place(call, form_id, root, session.page_hash, session.profile.calc_hash)
        plan.placed[where] = placed
    if form_id and call.on_change is not None and call.kind != "form_submit_button":
        raise errors.StreamlitInvalidFormCallbackError()
    widget_id, user_key = placed.id, placed.user_key
    # W2-W3: a key or an id used twice in one run is an error (the key check first); a
    # read-only widget's key must not be set in Session State (SS2, the seed era's message).
    if user_key is not None and user_key in run.widget_keys:
        raise errors.StreamlitDuplicateElementKey(user_key)
    if widget_id in run.widget_ids:
        raise errors.StreamlitDuplicateElementId(call.kind)
    state = session.state
    if call.read_only and user_key is not None and user_key in state.user:
        raise errors.StreamlitValueAssignmentNotAllowedError(user_key)
    run.widget_ids.add(widget_id)
    if user_key is not None:
        run.widget_keys.add(user_key)
    fragment_id = frame.fragment_id if frame is not None else ""
    meta = placed.meta
    if meta is None or meta.fragment_id != fragment_id:
        known = state.meta.get(widget_id)
        meta = placed.meta = _meta(known, call, widget_id, user_key, fragment_id, form_id)
    return _resolve_and_emit(container, plan, placed, meta, state)


def _place(
    call: WidgetCall, form_id: str, root: int, page: str, calc_hash: Callable[[str], str]
) -> _Placed:
    """The id and user key of ``call`` landing in ``form_id`` and ``root`` (W1), after the
    key's type is checked."""
    key = call.key
    user_key = key if key is None or type(key) is str else normalize_key(key)
    return _Placed(_widget_id(call, user_key, form_id, root, page, calc_hash), user_key)


def _resolve_and_emit(
    container: Container, plan: WidgetPlan, placed: _Placed, meta: WidgetMeta, state: SessionState
) -> Any:
    """Session State's resolution (section 10.2) passed through the plan's sanitizer (a
    replacement is written back as the widget's value); then the element is written."""
    default = plan.default
    if type(default) is list:
        default = default.copy()  # a multiselect's: the plan's own list stays as it was
    value, set_by_user = state.register_widget(meta, default)
    sanitize = plan.sanitize
    if sanitize is not None:
        fixed = sanitize(value, set_by_user)
        if fixed is not value:
            state.reset_widget_value(meta, fixed)
            value = fixed
    call = plan.call
    base = placed.element
    if base is None:
        base = placed.element = {
            ID: meta.id,
            LABEL: call.label,
            KEY: meta.user_key,
            FORM_ID: meta.form_id,
            TRIGGER: call.trigger,
            **plan.props,
        }
    element = base.copy()  # (a copy is cheaper than building the dict again)
    element[VALUE] = value
    emit_element(container, call.kind, element, widget=True)
    return value


def _meta(
    known: WidgetMeta | None,
    call: WidgetCall,
    widget_id: str,
    user_key: str | None,
    fragment_id: str,
    form_id: str,
) -> WidgetMeta:
    """The widget's metadata: ``known`` (what it registered with before) when nothing in it
    changed, so that Session State's indexes need no update (the common case: the same
    widget run after run); a new ``WidgetMeta`` otherwise. Callback arguments are never
    compared (an app's ``__eq__`` may raise or cost anything): a call with any gets a new one."""
    if (
        known is not None
        and known.callback is call.on_change
        and known.fragment_id == fragment_id
        and known.form_id == form_id
        and known.kind == call.kind
        and known.user_key == user_key
        and known.trigger is call.trigger
        and known.reset_value is call.reset_value
        and known.read_only is call.read_only
        and not (call.args or call.kwargs or known.args or known.kwargs)
    ):
        return known
    return WidgetMeta(
        widget_id,
        call.kind,
        user_key,
        fragment_id,
        form_id,
        call.trigger,
        call.reset_value,
        call.on_change,
        tuple(call.args) if call.args else (),
        dict(call.kwargs) if call.kwargs else {},
        call.read_only,
    )
