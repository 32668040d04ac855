"""The run context: the script run executing now, its cursors and its container stack.

A :class:`ScriptRun` is one run's state (F1): the cursors of the root containers, the stack of
``with`` containers, the fragment running now and the ids seen so far. :func:`current_run`
answers which run the calling context is in (a context variable, set by :class:`running` for
the run's duration); every ``st.*`` command asks it. A :class:`Cursor` is a container's next
free slot. Where writes land is :mod:`apptest._run.layout`.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from apptest._paths import Path
from apptest._run.host import RunHost
from apptest._st_errors import NoSessionContext

if TYPE_CHECKING:
    from apptest._run.layout import Container

#: ``(invoked, acting, kind, props, result, what)``: a write observer's arguments. ``invoked``
#: is the container the command was called on, ``acting`` the one it wrote to (the innermost
#: ``with`` block for ``st.*`` calls), ``result`` the handle or block container it returned,
#: ``what`` is "element", "widget" or "block".
WriteObserver = Callable[["Container", "Container", str, dict[str, Any], "Container", str], None]


@dataclass(slots=True)
class Cursor:
    """The next free slot of a container: ``parent`` path plus ``index``.

    A locked cursor (``st.empty()``, an element handle) always writes to the same slot.
    (Slots: one is made for every element written.)
    """

    parent: Path
    index: int = 0
    locked: bool = False
    #: The fragment whose run created this container ("" for the main script): O5, O6.
    fragment_id: str = ""

    @property
    def path(self) -> Path:
        return (*self.parent, self.index)

    def advance(self) -> None:
        if not self.locked:
            self.index += 1

    def copy(self) -> Cursor:
        return Cursor(self.parent, self.index, self.locked, self.fragment_id)


@dataclass
class FragmentFrame:
    """The fragment running right now: its id and its own area (the container it opened)."""

    fragment_id: str
    own_path: Path = ()
    #: Declared ``parallel=True`` (O9 under the modern profile).
    parallel: bool = False


@dataclass
class ScriptRun:
    """Per-run state (F1): cursors, container stack, the running fragment, id sets."""

    session: RunHost
    run_id: int
    fragment_ids: tuple[str, ...]
    cursors: dict[int, Cursor] = field(default_factory=dict)
    stack: list[Container] = field(default_factory=list)
    frame: FragmentFrame | None = None
    in_callback: bool = False
    widget_ids: set[str] = field(default_factory=set)
    widget_keys: set[str] = field(default_factory=set)
    #: Keys of the ``st.form`` blocks created in this run (duplicate forms, SS1 for form keys).
    form_ids: set[str] = field(default_factory=set)
    fragments_executed: list[str] = field(default_factory=list)
    dialog_opened: bool = False
    spinners: list[str] = field(default_factory=list)
    #: Called after every element or block write (``apptest._features.cache`` records writes made
    #: inside cached functions to replay them on cache hits).
    observers: list[WriteObserver] = field(default_factory=list)

    @property
    def fragment_id(self) -> str:
        return self.frame.fragment_id if self.frame is not None else ""

    @property
    def is_fragment_run(self) -> bool:
        return bool(self.fragment_ids)

    def root_cursor(self, root: int) -> Cursor:
        cursor = self.cursors.get(root)
        if cursor is None:
            cursor = self.cursors[root] = Cursor((root,))
        return cursor

    def snapshot(self) -> tuple[dict[int, Cursor], list[Container]]:
        """F9: deep copies of the cursors and the container stack, for fragment reruns."""
        return (
            {root: c.copy() for root, c in self.cursors.items()},
            [c.copy_for_snapshot() for c in self.stack],
        )

    def restore(self, snap: tuple[dict[int, Cursor], list[Container]]) -> None:
        """R5.3: put a fragment's registration-time cursors back before rerunning it."""
        cursors, stack = snap
        self.cursors = {root: c.copy() for root, c in cursors.items()}
        self.stack = [c.copy_for_snapshot() for c in stack]


_current: contextvars.ContextVar[ScriptRun | None] = contextvars.ContextVar(
    "apptest_current_run", default=None
)


#: ``current_run()``: the run executing in this context, or None outside any script run. It is
#: the context variable's own ``get`` (a C call): every ``st.*`` command asks, often twice.
current_run: Callable[[], ScriptRun | None] = _current.get


def newer_commands() -> bool:
    """Whether the running app has 1.67's ``st`` module (``Semantics.newer_commands``): its
    commands, config options and argument checks. Outside a run: no (the seed's, 1.58)."""
    run = _current.get()
    return run is not None and run.session.profile.newer_commands


def require_run(command: str, hint: str = "") -> ScriptRun:
    """The current run, or ``NoSessionContext`` naming the command used outside any run."""
    run = _current.get()
    if run is None:
        raise NoSessionContext(
            f"{command} was used outside a script run; apptest provides it only while an "
            f"AppTest runs the app.{hint}"
        )
    return run


class running:
    """``with running(run):`` makes ``run`` the current run of this context (a plain class, not
    a ``@contextmanager``: it is entered on every run)."""

    __slots__ = ("run", "token")

    def __init__(self, run: ScriptRun) -> None:
        self.run = run
        self.token: contextvars.Token[ScriptRun | None] | None = None

    def __enter__(self) -> None:
        self.token = _current.set(self.run)

    def __exit__(self, *exc: object) -> None:
        assert self.token is not None
        _current.reset(self.token)
