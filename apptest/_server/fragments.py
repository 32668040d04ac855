"""``st.fragment`` and ``st.dialog``: decoration, identity, storage and one call (sections 2-4, 13).

Decorating registers nothing (D5). Each *call* during a run computes the fragment id from the
function's module, qualname and the delta path of the call site (ID1-ID4), stores a closure
that can rerun the body later with the same arguments and the cursors of this call (F9, F11,
D9), arms the ``run_every`` timer (F12, T7) and runs the body inside the fragment's own
container (F14-F16).
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import numbers
from collections.abc import Callable
from types import FunctionType
from typing import Any, NamedTuple

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
from apptest._run.tokens import Memo
from apptest._run.widgets import normalize_key
from apptest._server.session import Session, session_of
from apptest._server.storage import StoredFragment
from apptest._st_errors import StreamlitBadTimeStringError
from apptest._time.timestring import TimeStringError, parse_time_string


def object_name(func: object) -> str:
    """ID2: ``__qualname__`` if it is a str, else ``__name__``, else the type's qualname."""
    if type(func) is FunctionType:
        return func.__qualname__  # a plain function's is always a str
    qualname = getattr(func, "__qualname__", None)
    if isinstance(qualname, str):
        return qualname
    name = getattr(func, "__name__", None)
    if isinstance(name, str):
        return name
    return type(func).__qualname__


#: Fragment ids by what they hash (ID1): every call of a fragment in every run asks for the
#: same few. The key holds the parts of the hashed text rather than the text: building it costs
#: more than the hash. So that equal keys mean equal texts, only exact strs go in (a str
#: subclass may format differently from the str it equals); paths are apptest's tuples of
#: ints (``Cursor.path``), and the profile's hash is named.
_ID_MEMO: Memo[str] = Memo()


def fragment_id_for(run: ScriptRun, func: object, path: Path, extra: str = "") -> str:
    """ID1: hash of ``f"{module}.{qualname}{delta_path_str}{additional_hash_info}"``."""
    module = getattr(func, "__module__", None) or type(func).__module__
    name = object_name(func)
    profile = run.session.profile
    memo_key = None
    if type(module) is str and type(name) is str and type(extra) is str:
        memo_key = (module, name, path, extra, profile.hash_name)
        fragment_id = _ID_MEMO.get(memo_key)
        if fragment_id is not None:
            return fragment_id
    fragment_id = profile.calc_hash(f"{module}.{name}{list(path)}{extra}")
    if memo_key is not None:
        _ID_MEMO.remember(memo_key, fragment_id)
    return fragment_id


def run_every_seconds(run_every: object, *, missing_space: bool = False) -> float | None:
    """T1-T4: falsy means no timer; numbers, timedeltas and time strings become seconds.
    ``missing_space``: E20's wording of the profile (``time_string_error_missing_space``)."""
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
            raise StreamlitBadTimeStringError(run_every, missing_space=missing_space) from None
    raise TypeError(f"must be real number, not {type(run_every).__name__}")


def call_fragment(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    run_every: object = None,
    container: Container,
    dialog_name: str = "",
    key: str | None = None,
    parallel: bool = False,
) -> Any:
    """One call of a fragment wrapper during a run (section 4.2): identify it, store it for
    later reruns, arm its timer, run its body."""
    run = current_run()
    if run is None:
        return None  # D6: outside a script run the body does not run.
    path = next_path(container, run)
    call = _FragmentCall.capture(run, func, args, kwargs, container, path, dialog_name, parallel)
    session = session_of(run)
    if key is not None:
        _claim_key(session, run, key, func)  # F10, E6
    stored = StoredFragment(
        id=call.fragment_id,
        name=object_name(func),
        path=path,
        parent=run.frame.fragment_id if run.frame else None,
        run_every=None,
        rerun=call.rerun,
        is_dialog=bool(dialog_name),
        key=key,
    )
    session.fragments.set(stored)
    # T5: the id is registered before the interval is parsed, so a bad string raises here,
    # at the call site, before the body runs.
    if run_every is not None:
        stored.run_every = run_every_seconds(
            run_every, missing_space=session.profile.time_string_error_missing_space
        )
        if stored.run_every is not None:
            session.frontend.auto_rerun(call.fragment_id, stored.run_every)  # F12, T7
    if parallel and session.profile.parallel_fragments_detached and not run.is_fragment_run:
        return _run_detached(call, run)  # F13, M11
    return call.execute(run, rerun=False)


def _claim_key(session: Session, run: ScriptRun, key: str, func: object) -> None:
    """F10, E6: a key belongs to one fragment definition per run; its call sites share it."""
    module = getattr(func, "__module__", None) or type(func).__module__
    definition = f"{module}.{object_name(func)}"
    claimed = session.fragment_key_claims.get(key)
    if claimed is not None and claimed[0] == run.run_id and claimed[1] != definition:
        raise errors.StreamlitDuplicateElementKey(key)
    session.fragment_key_claims[key] = (run.run_id, definition)


#: True while a ``parallel=True`` fragment's full-run body runs (and the fragments it calls):
#: what Streamlit runs on a worker thread (F13), where E13 applies.
_in_parallel_worker: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "apptest_in_parallel_worker", default=False
)


def _run_detached(call: _FragmentCall, run: ScriptRun) -> None:
    """F13, M11: a parallel fragment on a full run. apptest runs it inline, in call order; what
    stays observable is that the call returns None and that its exception, shown in the
    fragment, does not stop the script (the other fragments still finish)."""
    token = _in_parallel_worker.set(True)
    try:
        call.execute(run, rerun=False)
    except FragmentHandledException:
        pass
    finally:
        _in_parallel_worker.reset(token)
    return None


def check_not_parallel_worker(api_name: str) -> None:
    """E13: ``@st.dialog`` and ``st.switch_page`` (``api_name``, without backticks) are refused
    in a parallel fragment's full-run body (allowed in its later reruns)."""
    if _in_parallel_worker.get():
        raise layout_error(
            f"`{api_name}` cannot be called from a parallel fragment during the initial page "
            f"load, because parallel fragments run concurrently on separate threads where "
            f"`{api_name}` is not safe.\n\n"
            "To fix this, gate the call behind a widget interaction (e.g., `if st.button(...):`) "
            "so it runs during a sequential fragment rerun instead."
        )


class _FragmentCall(NamedTuple):
    """One call of a fragment, as a later rerun needs it: the body and its arguments (F11),
    the cursors and container of the call site (F9, R5.3) and the page identity (M9).

    Immutable. A NamedTuple rather than a frozen dataclass: one is made per fragment call per
    run, and a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``.
    """

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
        parallel: bool,
    ) -> _FragmentCall:
        """The call at ``path`` in ``run``; a dialog's content hashes as Streamlit's (ID5)."""
        snapshot = run.snapshot()
        # The container the fragment's own block opens in, as it is now: a rerun reopens it
        # at exactly this slot (R5.3), whatever the live cursor has done since.
        where_then = container._active().copy_for_snapshot()
        frame_func: object = _dialog_content if dialog_name else func
        fragment_id = fragment_id_for(run, frame_func, path, dialog_name)
        page_hash = run.session.page_hash  # M9: reruns keep the page identity of this call
        return cls(
            func, args, kwargs, container, snapshot, where_then, fragment_id, page_hash, parallel
        )

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
        if session.profile.outside_writes == "wrappers" and current.is_fragment_run:
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
    func: Callable[..., Any],
    *,
    run_every: object,
    main: Container,
    key: object = None,
    parallel: bool = False,
) -> Callable[..., Any]:
    """D1-D7: the wrapper ``st.fragment`` returns (never the original object). ``key`` is
    checked here, at decoration time (D5, E7)."""
    user_key = None if key is None else fragment_key(key)

    def wrap(*args: Any, **kwargs: Any) -> Any:
        return call_fragment(
            func,
            args,
            kwargs,
            run_every=run_every,
            container=main,
            key=user_key,
            parallel=parallel,
        )

    # ``inspect.signature(wrap)`` follows ``__wrapped__`` (set as by ``functools.wraps``) to
    # the function's own signature, as in Streamlit; nothing is computed per decoration.
    if type(func) is FunctionType and _PLAIN_WRAPS:
        # ``functools.update_wrapper``, written out for a plain function (the decorator runs
        # on every full run): it has every attribute copied, so none is skipped.
        wrap.__module__ = func.__module__
        wrap.__name__ = func.__name__
        wrap.__qualname__ = func.__qualname__
        wrap.__doc__ = func.__doc__
        wrap.__annotations__ = func.__annotations__
        if func.__dict__:
            wrap.__dict__.update(func.__dict__)
        wrap.__wrapped__ = func  # type: ignore[attr-defined]
        return wrap
    return functools.update_wrapper(wrap, func)


#: Whether ``functools.update_wrapper`` copies what ``make_fragment`` writes out: these
#: attributes and ``__dict__`` (Python 3.12 adds ``__type_params__``: then it is called).
_PLAIN_WRAPS = functools.WRAPPER_ASSIGNMENTS == (
    "__module__",
    "__name__",
    "__qualname__",
    "__doc__",
    "__annotations__",
) and functools.WRAPPER_UPDATES == ("__dict__",)


def fragment_key(key: object) -> str | None:
    """D5, E7: a fragment key as stored: ints become str; "app" and "fragment" are reserved."""
    user_key = normalize_key(key)
    if user_key in ("app", "fragment"):
        raise errors.StreamlitAPIException(
            f"`{user_key}` is a reserved name and cannot be used as a fragment key, because "
            "`st.rerun(scope=...)` reads it as a rerun level. Choose a different key for "
            "`@st.fragment(key=...)`."
        )
    return user_key


def keyed_rerun_ids(run: ScriptRun, keys: list[str]) -> tuple[str, ...]:
    """RR4: the fragments ``st.rerun(<keys>)`` reruns: every stored call site of each key, in
    registration order. Only a widget callback may ask (E3); an unknown key is E4."""
    if not run.in_callback:
        raise errors.StreamlitAPIException(
            "Passing a fragment key to `st.rerun()` is only allowed from a widget callback "
            "(e.g. `on_change` / `on_click`). Calling it from the main script body or a fragment "
            "body would abort the current run. If you meant to rerun the whole app or the "
            "current fragment, use `scope='app'` or `scope='fragment'`."
        )
    fragment_ids: list[str] = []
    for key in keys:
        found = session_of(run).fragments.with_key(key)
        if not found:
            raise errors.StreamlitAPIException(
                f"No fragment found for target '{key}'. Pass the same `key` you set on "
                "`@st.fragment(key=...)`, and make sure that fragment has rendered at least once."
            )
        fragment_ids.extend(f for f in found if f not in fragment_ids)
    return tuple(fragment_ids)


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
    check_not_parallel_worker("@st.dialog")  # E13
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
