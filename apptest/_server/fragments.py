"""``st.fragment`` and ``st.dialog``: decoration, identity, storage and one call (sections 2-4, 13).

Decorating registers nothing (D5). Each *call* during a run computes the fragment id from the
function's module, qualname and the delta path of the call site (ID1-ID4), stores a closure
that can rerun the body later with the same arguments and the cursors of this call (F9, F11,
D9), arms the ``run_every`` timer (F12, T7) and runs the body inside the fragment's own
container (F14-F16).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apptest import _st_errors as errors
from apptest._errors import FragmentHandledException, ScriptControlException
from apptest._paths import Path
from apptest._props import FRAGMENT_ID
from apptest._run.layout import (
    EVENT,
    Container,
    Cursor,
    FragmentFrame,
    ScriptRun,
    current_run,
    emit_block,
    in_dialog,
    layout_error,
    next_path,
    reuse_wrappers,
)
from apptest._server.session import session_of
from apptest._server.storage import StoredFragment
from apptest._st_errors import StreamlitBadTimeStringError
from apptest._time.timestring import TimeStringError, parse_time_string


def object_name(func: object) -> str:
    """ID2: ``__qualname__`` if it is a str, else ``__name__``, else the type's qualname."""
    qualname = getattr(func, "__qualname__", None)
    if isinstance(qualname, str):
        return qualname
    name = getattr(func, "__name__", None)
    if isinstance(name, str):
        return name
    return type(func).__qualname__


def fragment_id_for(run: ScriptRun, func: object, path: Path, extra: str = "") -> str:
    """ID1: hash of ``f"{module}.{qualname}{delta_path_str}{additional_hash_info}"``."""
    module = getattr(func, "__module__", None) or type(func).__module__
    text = f"{module}.{object_name(func)}{list(path)}{extra}"
    return run.session.profile.calc_hash(text)


def run_every_seconds(run_every: object) -> float | None:
    """T1-T4: falsy means no timer; numbers, timedeltas and time strings become seconds."""
    import datetime
    import numbers

    if not run_every:
        return None
    if isinstance(run_every, numbers.Real):  # int, float, bool, numpy numbers (protobuf double)
        return float(run_every)
    if isinstance(run_every, datetime.timedelta):
        return run_every.total_seconds()
    if isinstance(run_every, str):
        try:
            return parse_time_string(run_every)
        except TimeStringError:
            raise StreamlitBadTimeStringError(run_every) from None
    raise TypeError(f"must be real number, not {type(run_every).__name__}")


def call_fragment(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    run_every: object = None,
    container: Container,
    dialog_name: str = "",
    parallel: bool = False,
) -> Any:
    """One call of a fragment wrapper during a run (section 4.2): identify it, store it for
    later reruns, arm its timer, run its body."""
    run = current_run()
    if run is None:
        return None  # D6: outside a script run the body does not run.
    path = next_path(container, run)
    call = _FragmentCall.capture(run, func, args, kwargs, container, path, dialog_name)
    if parallel:
        call = dataclasses.replace(call, parallel=True)
    session = session_of(run)
    session.fragments.set(
        StoredFragment(
            id=call.fragment_id,
            name=object_name(func),
            path=path,
            parent=run.frame.fragment_id if run.frame else None,
            run_every=None,
            rerun=call.rerun,
            is_dialog=bool(dialog_name),
        )
    )
    # T5: the id is registered before the interval is parsed, so a bad string raises here,
    # at the call site, before the body runs.
    interval = run_every_seconds(run_every)
    stored = session.fragments.get(call.fragment_id)
    assert stored is not None
    stored.run_every = interval
    if interval is not None:
        session.frontend.auto_rerun(call.fragment_id, interval)  # F12, T7
    return call.execute(run, rerun=False)


@dataclass(frozen=True)
class _FragmentCall:
    """One call of a fragment, as a later rerun needs it: the body and its arguments (F11),
    the cursors and container of the call site (F9, R5.3) and the page identity (M9)."""

    func: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    container: Container
    snapshot: tuple[dict[int, Cursor], list[Container]]
    where_then: Container
    fragment_id: str
    page_hash: str
    #: ``parallel=True``: O9 (modern) forbids its outside writes on a full run.
    parallel: bool = False

    @classmethod
    def capture(
        cls,
        run: ScriptRun,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        container: Container,
        path: Path,
        dialog_name: str,
    ) -> _FragmentCall:
        """The call at ``path`` in ``run``; a dialog's content hashes as Streamlit's (ID5)."""
        snapshot = run.snapshot()
        # The container the fragment's own block opens in, as it is now: a rerun reopens it
        # at exactly this slot (R5.3), whatever the live cursor has done since.
        where_then = container._active().copy_for_snapshot()
        frame_func: object = _dialog_content if dialog_name else func
        fragment_id = fragment_id_for(run, frame_func, path, dialog_name)
        page_hash = run.session.page_hash  # M9: reruns keep the page identity of this call
        return cls(func, args, kwargs, container, snapshot, where_then, fragment_id, page_hash)

    def execute(self, current: ScriptRun, *, rerun: bool) -> Any:
        """Run the body inside the fragment's own container block (F14-F16), as this call's
        page, with the fragment as the current frame. An exception in the body is shown in
        that block and re-raised as ``FragmentHandledException``; ``st.rerun``/``st.stop``
        pass through."""
        where = self.container
        if rerun:
            current.restore(self.snapshot)
            where = self.where_then.copy_for_snapshot()
        current.fragments_executed.append(self.fragment_id)
        session = session_of(current)
        previous = current.frame
        previous_page, session.page_hash = session.page_hash, self.page_hash
        if current.is_fragment_run and session.profile.outside_writes == "wrappers":
            reuse_wrappers(current, self.fragment_id)  # O5, top-level or inline
        current.frame = FragmentFrame(self.fragment_id, parallel=self.parallel)
        try:
            own = emit_block(where, "container", {FRAGMENT_ID: self.fragment_id})
            current.frame.own_path = own._cursor.parent if own._cursor else ()
            with own:
                try:
                    return self.func(*self.args, **self.kwargs)
                except ScriptControlException:
                    raise
                except Exception as exc:
                    session.show_exception(exc, own)
                    raise FragmentHandledException(exc) from exc
        finally:
            current.frame = previous
            session.page_hash = previous_page

    def rerun(self) -> None:
        """``StoredFragment.rerun``: run the body again in the current (fragment) run."""
        current = current_run()
        assert current is not None
        self.execute(current, rerun=True)


def _dialog_content() -> None:
    """ID5: dialogs hash a fixed internal qualname plus the user function's name."""


_dialog_content.__module__ = "streamlit.elements.dialog_decorator"
_dialog_content.__qualname__ = "_dialog_decorator.<locals>.wrap.<locals>.dialog_content"


def make_fragment(
    func: Callable[..., Any], *, run_every: object, main: Container, parallel: bool = False
) -> Callable[..., Any]:
    """D1-D7: the wrapper ``st.fragment`` returns (never the original object)."""

    @functools.wraps(func)
    def wrap(*args: Any, **kwargs: Any) -> Any:
        return call_fragment(
            func, args, kwargs, run_every=run_every, container=main, parallel=parallel
        )

    # ``inspect.signature(wrap)`` follows ``__wrapped__`` (set by ``functools.wraps``) to the
    # function's own signature, as in Streamlit; nothing is computed per decoration.
    return wrap


def open_dialog(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    title: str,
    width: str,
    main: Container,
) -> None:
    """DG2: open a dialog block in the event root and run ``func`` as its content fragment."""

    run = current_run()
    if run is None:
        return None
    if in_dialog(main):
        raise layout_error("Dialogs may not be nested inside other dialogs.")
    name = object_name(func)
    dialog_id = run.session.profile.calc_hash(f"dialog{title}{width}{name}")
    if dialog_id in run.widget_ids:
        raise errors.StreamlitDuplicateElementId("dialog")
    run.widget_ids.add(dialog_id)
    if run.dialog_opened:
        raise layout_error(
            "Only one dialog is allowed to be opened at the same time. Please make sure to not "
            "call a dialog-decorated function more than once in a script run."
        )
    run.dialog_opened = True
    event = main.at_root(EVENT)
    block = emit_block(
        event, "dialog", {"title": title, "width": width, "is_open": True}, in_dialog=True
    )
    # The content fragment is app-scoped and lives inside the dialog block (DG2.5, ID5).
    call_fragment(func, args, kwargs, container=block, dialog_name=name)
    return None
