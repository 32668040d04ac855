"""Where writes land: containers and the layout rules of each write.

Every ``st.*`` write goes through :func:`emit_element` or :func:`emit_block`, which find the
active container, compute the delta path from its cursor, apply the layout rules of the active
semantics profile (L3, L4; or, under "modern", send a fragment's outside writes through its
wrapper blocks, O1-O9, kept in ``apptest._run.wrappers``) and hand the delta to the frontend
tree.

A :class:`Container` is Streamlit's DeltaGenerator state. The root containers ``st._main`` and
``st.sidebar`` are process-wide singletons whose cursor lives in the current run; a block's
container carries its own cursor object, which is why a fragment that writes to a container
created outside it appends at that container's *live* cursor (L1).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from apptest import _st_errors as errors
from apptest._paths import BOTTOM, EVENT, MAIN, SIDEBAR, Path
from apptest._run.host import RunHost
from apptest._run.script_run import (
    Cursor,
    FragmentFrame,
    ScriptRun,
    WriteObserver,
    current_run,
    newer_commands,
    require_run,
    running,
)
from apptest._run.wrappers import NO_WRAPPER, PARALLEL_OUTSIDE, WRAPPER_PROPS, WRAPPERS, Wrapper
from apptest._st_errors import (
    StreamlitAPIException,
    StreamlitFragmentWidgetsNotAllowedOutsideError,
)

# The paths' roots and the run context are imported from here by the shim and the server too.
__all__ = [
    "BOTTOM",
    "EVENT",
    "MAIN",
    "SIDEBAR",
    "Cursor",
    "FragmentFrame",
    "ScriptRun",
    "WriteObserver",
    "current_run",
    "newer_commands",
    "require_run",
    "running",
]

C = TypeVar("C", bound="Container")

#: ``object.__new__``: a container without calling its class (``Container._clone``).
_new = object.__new__

#: How many attributes a ``Container`` has (``__init__``'s five): a container with no more is
#: copied attribute by attribute on the hot paths. That is cheaper than copying its
#: ``__dict__`` and keeps the copy's attributes in the class's shared-key layout, which makes
#: reading them cheaper too; a subclass's own attributes (``StatusContainer``) need the copy.
_FIELDS = 5

_SIDEBAR_IN_FRAGMENT = (
    "Calling `st.sidebar` in a function wrapped with `st.fragment` is not supported. To write "
    "elements to the sidebar with a fragment, call your fragment function inside a "
    "`with st.sidebar` context manager."
)


class Container:
    """A place to write: a root, a block, or a single slot. The shim's DeltaGenerator."""

    def __init__(
        self,
        root: int = MAIN,
        cursor: Cursor | None = None,
        *,
        form_id: str = "",
        in_dialog: bool = False,
        kind: str = "root",
    ) -> None:
        self._root = root
        self._cursor = cursor
        self._form_id = form_id
        self._in_dialog = in_dialog
        self._kind = kind

    # -- structure -----------------------------------------------------------------------
    def _clone(self: C) -> C:
        """A shallow copy (as ``copy.copy``, without its generic dispatch: this is hot)."""
        clone = _new(type(self))
        clone.__dict__ = self.__dict__.copy()
        return clone

    def _spawn(self: C, cursor: Cursor, *, form_id: str | None = None, kind: str = "") -> C:
        child = self._clone()
        child._cursor = cursor
        if form_id is not None:
            child._form_id = form_id
        if kind:
            child._kind = kind
        return child

    def at_root(self: C, root: int) -> C:
        """A container of the same class writing to the top level of ``root``."""
        clone = self._clone()
        clone._root, clone._cursor, clone._form_id = root, None, ""
        clone._in_dialog, clone._kind = False, "root"
        return clone

    def copy_for_snapshot(self: C) -> C:
        clone = self._clone()
        if self._cursor is not None:
            clone._cursor = self._cursor.copy()
        return clone

    def _active(self) -> Container:
        """``st.write`` targets the innermost ``with`` container; others target themselves."""
        if self._cursor is None and self._root == MAIN:
            run = current_run()
            if run is not None and run.stack:
                return run.stack[-1]
        return self

    def _live_cursor(self, run: ScriptRun) -> Cursor:
        return self._cursor if self._cursor is not None else run.root_cursor(self._root)

    def __enter__(self: C) -> C:
        run = current_run()
        if run is not None:
            run.stack.append(self)
        return self

    def __exit__(self, exc_type: object = None, exc: object = None, tb: object = None) -> None:
        # Named parameters, not ``*exc``: no tuple is packed on every ``with`` block's exit.
        run = current_run()
        if run is not None:
            stack = run.stack
            if stack and stack[-1] is self:
                stack.pop()


def layout_error(message: str) -> Exception:
    """A layout-context error (E1, E10, E11) of the class the active profile uses."""

    run = current_run()
    name = run.session.profile.layout_error if run is not None else "StreamlitAPIException"
    error_class: type[Exception] = getattr(errors, name)
    return error_class(message)


def next_path(container: Container, run: ScriptRun) -> Path:
    """ID3: the path where the next write of ``container`` would land."""
    return container._active()._live_cursor(run).path


def _check_outside(
    run: ScriptRun, target: Container, path: Path, *, widget: bool
) -> Container | None:
    """L3, L4 (seed), or the wrapper an outside write goes through (O1-O9, modern).

    Returns the container to write to instead of ``target``, or None to write to ``target``.
    """
    frame = run.frame
    if frame is None or run.in_callback:
        return None
    profile = run.session.profile
    if profile.outside_writes == "wrappers":
        return through_wrapper(run, frame, target, path)
    own = frame.own_path
    inside = len(path) > len(own) and path[: len(own)] == own
    if widget and not inside and profile.widgets_outside_raise:
        raise StreamlitFragmentWidgetsNotAllowedOutsideError()
    if (
        not widget
        and profile.sidebar_write_in_fragment_raises
        and target._root == SIDEBAR
        and len(path) == 2
    ):
        raise StreamlitAPIException(_SIDEBAR_IN_FRAGMENT)
    return None


def emit_element(
    container: Container, kind: str, props: dict[str, Any], *, widget: bool = False
) -> Container:
    """Write one element at the active container's cursor; return a handle on its slot.

    For a widget (``widget=True``, from ``register_widget``, which drops the result) the
    container written to is returned instead, unless a write observer wants the handle.
    """
    # The hot path of every app (one call per element): written out, same steps as
    # ``_active``, ``_live_cursor``, ``Cursor.path`` and ``Cursor.advance``.
    run = current_run()
    if run is None:
        return container
    target = container
    if container._cursor is None and container._root == MAIN and run.stack:
        target = run.stack[-1]
    cursor = target._cursor
    if cursor is None:
        cursor = run.cursors.get(target._root) or run.root_cursor(target._root)
    parent, index = cursor.parent, cursor.index
    frame = run.frame
    # A write straight into the fragment's own block (its body's writes) is inside its area:
    # ``_check_outside`` would find nothing to do (no error, no wrapper).
    if frame is not None and parent is not frame.own_path:
        wrapper = _check_outside(run, target, (*parent, index), widget=widget)
        if wrapper is not None:  # O1: the write goes into the fragment's wrapper
            target = wrapper
            cursor = wrapper._live_cursor(run)
            parent, index = cursor.parent, cursor.index
    fragment_id = frame.fragment_id if frame is not None else ""
    run.session.frontend.put_element(parent, index, kind, props, fragment_id)
    if not cursor.locked:
        cursor.index = index + 1
    if widget and not run.observers:
        return target  # register_widget returns the widget's value: no handle is needed
    # ``target._spawn(Cursor(parent, index, True, fragment_id))``, without its calls
    slot = _new(Cursor)
    slot.parent, slot.index, slot.locked, slot.fragment_id = parent, index, True, fragment_id
    handle = _new(type(target))
    fields = target.__dict__
    if len(fields) == _FIELDS:
        handle._root, handle._cursor, handle._form_id = fields["_root"], slot, fields["_form_id"]
        handle._in_dialog, handle._kind = fields["_in_dialog"], fields["_kind"]
    else:  # a subclass's own attributes too (``StatusContainer``)
        fields = fields.copy()
        fields["_cursor"] = slot
        handle.__dict__ = fields
    for observe in run.observers:
        observe(container, target, kind, props, handle, "widget" if widget else "element")
    return handle


@contextmanager
def show_transient(container: Container, kind: str, props: dict[str, Any]) -> Iterator[None]:
    """A transient element (``st.spinner``): shown at the cursor without taking its slot.

    It is recorded in the run history (``at.runs[-1].spinners``) and removed when the body
    ends; a write to the same slot while it shows replaces it.
    """
    run = current_run()
    if run is None:
        yield
        return
    run.spinners.append(str(props.get("text", "")))
    target = container._active()
    path = target._live_cursor(run).path
    node = run.session.frontend.put_transient(path, kind, props, run.fragment_id)
    try:
        yield
    finally:
        if node is not None:
            run.session.frontend.remove_transient(path, node)


def update_block(path: Path, kind: str, props: dict[str, Any]) -> None:
    """Send new properties to the ``kind`` block at ``path`` (``st.status(...).update()``);
    its children stay, as a block delta of the same type keeps them (FE2)."""
    run = current_run()
    if run is not None:
        run.session.frontend.update_props(path, kind, props)


def widget_placement(container: Container, run: ScriptRun) -> tuple[str, int]:
    """L3 before a widget registers: raise if it would land outside the fragment's area.

    Returns the form id and the root of the container the widget writes to.
    """
    target = container._active()
    frame = run.frame
    if frame is not None:
        cursor = target._live_cursor(run)
        if cursor.parent is not frame.own_path:  # (inside its own block: see emit_element)
            wrapper = _check_outside(run, target, cursor.path, widget=True)
            if wrapper is not None:
                target = wrapper
    return target._form_id, target._root


def form_id_of(container: Container) -> str:
    # ``container._active()._form_id``, written out: every button of every run asks.
    if container._cursor is None and container._root == MAIN:
        run = current_run()
        if run is not None and run.stack:
            return run.stack[-1]._form_id
    return container._form_id


def root_of(container: Container) -> int:
    return container._active()._root


def emit_block(
    container: Container,
    kind: str,
    props: dict[str, Any],
    *,
    form_id: str | None = None,
    in_dialog: bool | None = None,
) -> Container:
    """Open a block at the active container's cursor; return the container writing into it."""
    run = current_run()
    if run is not None and run.frame is None and not run.observers:
        # Outside fragments with no write observer (every container, column and tab of a full
        # run), written out as ``emit_element`` is: the steps of the general path below.
        target = container
        if container._cursor is None and container._root == MAIN and run.stack:
            target = run.stack[-1]
        cursor = target._cursor
        if cursor is None:
            cursor = run.cursors.get(target._root) or run.root_cursor(target._root)
        path = run.session.frontend.put_block(cursor.parent, cursor.index, kind, props, "")
        if not cursor.locked:
            cursor.index += 1
        # ``target._spawn(Cursor(path), ...)``, without its calls (see ``emit_element``)
        slot = _new(Cursor)
        slot.parent, slot.index, slot.locked, slot.fragment_id = path, 0, False, ""
        child = _new(type(target))
        fields = target.__dict__
        if len(fields) == _FIELDS:
            child._root, child._cursor = fields["_root"], slot
            child._form_id = fields["_form_id"] if form_id is None else form_id
            child._in_dialog = fields["_in_dialog"] if in_dialog is None else in_dialog
            child._kind = kind or fields["_kind"]
            return child
        fields = fields.copy()
        fields["_cursor"] = slot
        if form_id is not None:
            fields["_form_id"] = form_id
        if kind:
            fields["_kind"] = kind
        if in_dialog is not None:
            fields["_in_dialog"] = in_dialog
        child.__dict__ = fields
        return child
    return _emit_framed_block(run, container, kind, props, form_id, in_dialog)


def _emit_framed_block(
    run: ScriptRun | None,
    container: Container,
    kind: str,
    props: dict[str, Any],
    form_id: str | None,
    in_dialog: bool | None,
) -> Container:
    """``emit_block`` outside any run, in a fragment or with a write observer."""
    target = container._active()
    if run is None:
        return target._spawn(Cursor((target._root,)), form_id=form_id, kind=kind)
    frame = run.frame
    if frame is not None and frame.own_path and not run.in_callback:
        # O1 for blocks (modern): opening a block in an outside container goes through the
        # wrapper too. (No own path yet: this is the fragment's own block being opened.)
        if run.session.profile.outside_writes == "wrappers":
            target = through_wrapper(run, frame, target, target._live_cursor(run).path) or target
    fragment_id = frame.fragment_id if frame is not None else ""
    cursor = target._live_cursor(run)
    path = run.session.frontend.put_block(cursor.parent, cursor.index, kind, props, fragment_id)
    cursor.advance()
    child = target._spawn(Cursor(path, 0, False, fragment_id), form_id=form_id, kind=kind)
    if in_dialog is not None:
        child._in_dialog = in_dialog
    for observe in run.observers:
        observe(container, target, kind, props, child, "block")
    return child


def path_of(container: Container) -> Path:
    """The path of the block a container writes into (its cursor's parent)."""
    run = current_run()
    if container._cursor is not None:
        return container._cursor.parent
    if run is None:
        return (container._root,)
    return run.root_cursor(container._root).parent


def in_dialog(container: Container) -> bool:
    return container._active()._in_dialog


# -- outside-container wrappers (O1-O9, the modern profile) --------------------------------


def _container_key(cursor: Cursor) -> Path:
    """Which outside container a cursor writes into: its block, or its one slot (O2)."""
    return (*cursor.path, -1) if cursor.locked else cursor.parent


def through_wrapper(
    run: ScriptRun, frame: FragmentFrame, target: Container, path: Path
) -> Container | None:
    """The wrapper an outside write of ``frame``'s fragment goes through, made on first use
    (O1, O2, O8); None if ``target`` is inside the fragment's area or one of its wrappers.
    Raises O6 (no wrapper on a fragment run) and O9 (parallel fragment, full run)."""
    if target._cursor is None:
        if target._root not in (SIDEBAR, BOTTOM):
            return None  # main's top level is never outside; EVENT never is (section 7)
    else:
        own = frame.own_path
        if len(path) > len(own) and path[: len(own)] == own:
            return None
    mine = run.session.stores[WRAPPERS].by_fragment.get(frame.fragment_id, {})
    if target._cursor is not None:
        for wrapper in mine.values():  # already inside one of this fragment's wrappers
            where = wrapper.path
            if len(path) > len(where) and path[: len(where)] == where:
                return None
    if frame.parallel and not run.is_fragment_run:
        raise layout_error(PARALLEL_OUTSIDE)  # O9
    cursor = target._live_cursor(run)
    key = _container_key(cursor)
    found = mine.get(key)
    if found is not None:
        return found.container
    return _new_wrapper(run, frame.fragment_id, target, cursor, key).container


def _new_wrapper(
    run: ScriptRun, fragment_id: str, target: Container, cursor: Cursor, key: Path
) -> Wrapper:
    """O1: a transparent block at C's cursor slot; C's cursor moves on by one (O2: a
    placeholder's wrapper takes its slot and writes always to index 0)."""
    creator = cursor.fragment_id
    if run.is_fragment_run and creator not in run.fragment_ids:
        raise layout_error(NO_WRAPPER)  # O6
    frontend = run.session.frontend
    path = frontend.put_block(
        cursor.parent, cursor.index, "transparent", WRAPPER_PROPS, fragment_id
    )
    cursor.advance()
    inner = target._spawn(Cursor(path, 0, cursor.locked, fragment_id))
    wrapper = Wrapper(path, inner, creator)
    run.session.stores[WRAPPERS].add(fragment_id, key, wrapper)
    return wrapper


def reuse_wrappers(run: ScriptRun, fragment_id: str) -> None:
    """O5, before a fragment's body runs in a fragment run: wrappers of containers it
    creates go; its other wrappers are re-sent at their paths, their cursors back at 0."""
    store = run.session.stores[WRAPPERS]
    store.drop_created_by(fragment_id)
    for wrapper in store.by_fragment.get(fragment_id, {}).values():
        where = wrapper.path
        run.session.frontend.put_block(
            where[:-1], where[-1], "transparent", WRAPPER_PROPS, fragment_id
        )
        cursor = wrapper.container._cursor
        if cursor is not None and not cursor.locked:
            cursor.index = 0


def forget_wrappers(host: RunHost, fragment_ids: list[str] | None = None) -> None:
    """O4: a full run starts (all wrappers go); O10: evicted fragments' wrappers go."""
    store = host.stores[WRAPPERS]
    if fragment_ids is None:
        store.forget_all()
    else:
        store.forget_fragments(fragment_ids)
