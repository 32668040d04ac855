"""The session: one app's server and browser, driven one request at a time (section 1.1).

A request (a click, a timer tick, ``st.rerun``) becomes a run: callbacks first (F3), then the
page body (a full run) or the queued fragments (a fragment run, R1-R10), then the end-of-run
updates: stale elements cleared in the browser (FE3-FE5), Session State tidied (F6, C1-C5),
fragment storage pruned after a completed full run (F5). Nothing here uses threads or reads the
real clock; requests that arrive while a run is in progress are merged and run after it (Q4,
T12).
"""

from __future__ import annotations

import os
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from apptest._clock import Clock
from apptest._deadline import Deadline
from apptest._errors import (
    FragmentHandledException,
    RerunException,
    RerunLimitError,
    ScriptInterrupt,
    ScriptTimeoutError,
    StopException,
    hide_test_errors,
)
from apptest._fragments import FragmentStorage
from apptest._layout import Container, ScriptRun, current_run, emit_element, running
from apptest._profile import Semantics
from apptest._script import Script
from apptest._state import SessionState
from apptest._tree import Frontend

if TYPE_CHECKING:
    import datetime

    from apptest._cache import CacheStore
    from apptest._pages import Pages
    from apptest._session_apis import SessionAPIs

Trigger = Literal["initial", "user", "rerun", "timer"]
Status = Literal["finished", "rerun", "stopped", "error", "compile_error", "timeout"]

_RERUN_NOOP = "Calling st.rerun() within a callback is a no-op."

#: How many runs one ``run()`` may chain (``st.rerun()`` loops) before it gives up.
RERUN_BUDGET = 100


@dataclass
class Request:
    """A rerun request: the browser's widget states plus, for a fragment run, fragment ids.

    ``widget_states`` is None for requests that carry none (``st.rerun``, RR6); ``triggers``
    holds the trigger values (button clicks) the request carries, by widget id.
    """

    fragment_ids: tuple[str, ...] = ()
    fragment_scoped: bool = False
    widget_states: dict[str, Any] | None = None
    trigger: Trigger = "user"
    triggers: dict[str, Any] = field(default_factory=dict)

    @property
    def is_full(self) -> bool:
        return not self.fragment_ids and not self.fragment_scoped


def merge_requests(pending: Request | None, new: Request) -> Request:
    """Q4: a full request absorbs everything; fragment queues concatenate without duplicates.

    Widget states: the newer values win, but a trigger the older request carried stays (a
    click is never lost).
    """
    if pending is None:
        return new
    states = new.widget_states
    if pending.widget_states is not None:
        states = {**pending.widget_states, **(new.widget_states or {})}
    triggers = {**pending.triggers, **new.triggers}
    trigger = pending.trigger if pending.trigger == "user" else new.trigger
    if pending.is_full or new.is_full:
        return Request((), False, states, trigger, triggers)
    queue = pending.fragment_ids + tuple(
        f for f in new.fragment_ids if f not in pending.fragment_ids
    )
    scoped = pending.fragment_scoped or new.fragment_scoped
    return Request(queue, scoped, states, trigger, triggers)


@dataclass(frozen=True)
class RunRecord:
    """One entry of ``at.runs``: what ran, why, and how it ended."""

    id: int
    scope: Literal["app", "fragment"]
    trigger: Trigger
    fragment_ids: tuple[str, ...]
    fragments: tuple[str, ...]
    status: Status
    started_at: datetime.datetime
    spinners: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()

    def __repr__(self) -> str:
        what = f"fragment {', '.join(self.fragments) or '?'}" if self.scope == "fragment" else "app"
        return f"<run {self.id}: {what} ({self.trigger}) {self.status}>"


# Parts of a session made by functions that import their module: ``import apptest`` does
# not load what only a running session needs (the first AppTest does).
def _new_cache_store() -> CacheStore:
    from apptest._cache import CacheStore

    return CacheStore()


def _new_pages() -> Pages:
    from apptest._pages import Pages

    return Pages()


def _new_apis() -> SessionAPIs:
    from apptest._session_apis import SessionAPIs

    return SessionAPIs()


@dataclass
class Session:
    """Everything one AppTest simulates: script, state, browser tree, fragments, clock."""

    script: Script
    profile: Semantics
    clock: Clock
    main: Container
    shim_modules: dict[str, types.ModuleType]
    timeout: float
    state: SessionState = field(default_factory=SessionState)
    frontend: Frontend = field(default_factory=Frontend)
    fragments: FragmentStorage = field(default_factory=FragmentStorage)
    runs: list[RunRecord] = field(default_factory=list)
    page_hash: str = ""
    page_config: dict[str, Any] = field(default_factory=dict)
    module: types.ModuleType | None = None
    caches: CacheStore = field(default_factory=_new_cache_store)
    pages: Pages = field(default_factory=_new_pages)
    apis: SessionAPIs = field(default_factory=_new_apis)
    _exceptions: list[str] = field(default_factory=list)

    # -- driving ---------------------------------------------------------------------------
    def process(
        self, request: Request, *, timeout: float | None = None, until: int | None = None
    ) -> None:
        """Run ``request`` and every run it leads to (reruns, ticks that came due).

        T12: ticks that came due during a run fire after it, merged, if that pending run would
        start by ``until`` (``at.clock.advance``'s target). Without ``until`` (``run()``) the
        limit is the end of the last run a tick did not cause: a fragment slower than its
        interval does not rerun forever; its overdue ticks wait for the next advance.
        """
        __tracebackhide__ = hide_test_errors
        pending: Request | None = request
        budget = RERUN_BUDGET
        horizon = self.clock.now_ns if until is None else until
        while pending is not None:
            if budget == 0:
                raise RerunLimitError(
                    f"The app requested more than {RERUN_BUDGET} reruns in one run() "
                    "(an st.rerun() that is called on every run?). Guard the st.rerun() call "
                    "with a condition that becomes false."
                )
            budget -= 1
            pending = self._drop_unknown(pending)
            if pending is None:
                break
            by_tick = pending.trigger == "timer"
            limit = horizon if until is not None or by_tick else None
            pending = self.execute(
                pending, timeout=self.timeout if timeout is None else timeout, until=limit
            )
            if until is None and not by_tick:
                horizon = self.clock.now_ns

    def _drop_unknown(self, request: Request) -> Request | None:
        """Q2/E21: a request naming only fragments the session no longer has is dropped."""
        if request.is_full:
            return request
        known = tuple(f for f in request.fragment_ids if self.fragments.get(f) is not None)
        if not known and not request.fragment_scoped:
            return None
        return request

    def execute(
        self, request: Request, *, timeout: float, until: int | None = None
    ) -> Request | None:
        """One run (section 1.1, steps 3-7); returns the request that must run next, if any.

        Ticks that came due during the run become the next request (T12), unless it would
        start after ``until`` and nothing else is pending.
        """
        __tracebackhide__ = hide_test_errors
        run_id = len(self.runs) + 1
        fragment_ids = request.fragment_ids
        full = request.is_full
        run = ScriptRun(self, run_id, fragment_ids)
        started = self.clock.as_datetime(self.clock.now_ns)
        if full:
            self.clock.clear()  # T9 / FE10
        self.frontend.begin_run(run_id, fragment_ids)
        self.state.begin_run(fragment_ids)
        self._exceptions = []
        next_request: Request | None = None
        early_stop = False
        body_started = False
        status: Status = "finished"
        module = self.module
        if full:
            module = self.script.new_module(self._magic)
        with running(run), self.script.patched(self.shim_modules, module), self.clock.frozen():
            try:
                with Deadline(timeout):
                    if request.widget_states is not None:
                        states = {**request.widget_states, **request.triggers}
                        changed = self.state.on_request(states)
                        self._run_callbacks(run, changed)
                    body_started = True
                    if full:
                        assert module is not None
                        self.module = module
                        self._run_page(module)
                    else:
                        self._run_fragments(run)
            except RerunException as exc:
                status = "rerun"
                asked = exc.request
                next_request = Request(asked.fragment_ids, asked.fragment_scoped, None, "rerun")
            except StopException:
                status = "stopped"
                early_stop = True
            except FragmentHandledException:
                status = "error"  # X2: already shown inside the fragment.
                early_stop = True
            except ScriptInterrupt:
                status = "timeout"
                early_stop = True
            except SyntaxError as exc:
                if exc is self.script.compile_error:
                    status = "compile_error"
                else:
                    status = "error"
                self.show_exception(exc, self.main)
                early_stop = True
            except (Exception, SystemExit) as exc:
                # SystemExit too: sys.exit() in an app must not end the test process.
                status = "error"
                early_stop = True
                self.show_exception(exc, self.main)
        if status not in ("rerun", "compile_error"):
            self.frontend.clear_stale()  # FE3
        if not early_stop:
            self.state.reset_triggers()  # C5
            if body_started and status != "rerun":
                self.state.remove_stale_widgets(fragment_ids)  # F6, R7
        if full and status == "finished":
            self.fragments.keep_only(run.fragments_executed)  # F5
        self.runs.append(
            RunRecord(
                id=run_id,
                scope="app" if full else "fragment",
                trigger=request.trigger,
                fragment_ids=fragment_ids,
                fragments=tuple(self._names(fragment_ids)),
                status=status,
                started_at=started,
                spinners=tuple(run.spinners),
                exceptions=tuple(self._exceptions),
            )
        )
        if status == "timeout":
            raise ScriptTimeoutError(
                f"The script ran longer than the timeout of {timeout:g} s (real time) and was "
                "interrupted. Pass a larger timeout to run(timeout=...) or default_timeout= if "
                "the app is just slow; an endless loop must be fixed in the app."
            )
        due: list[str] = []
        if next_request is not None or until is None or self.clock.now_ns <= until:
            due = self.clock.collect_overdue()
        if due:
            # T12: ticks that came due during the run merge into one pending fragment run. They
            # carry the browser's widget states (T11) and came before a rerun the run asked for.
            states = dict(self.frontend.widget_values)
            tick = Request(tuple(due), False, states, "timer")
            next_request = merge_requests(tick, next_request) if next_request else tick
        return next_request

    def _names(self, fragment_ids: tuple[str, ...]) -> Iterator[str]:
        for fragment_id in fragment_ids:
            stored = self.fragments.get(fragment_id)
            yield stored.name if stored is not None else fragment_id

    def _run_page(self, module: types.ModuleType) -> None:
        from apptest._pages import run_page

        run_page(self, module)  # the main script, or the selected page of a pages/ folder

    def _run_fragments(self, run: ScriptRun) -> None:
        """R5: rerun each queued fragment; one's exception does not stop the next (X4)."""
        done: set[str] = set()
        for fragment_id in run.fragment_ids:
            stored = self.fragments.get(fragment_id)
            if stored is None:
                continue  # R5.2 / Q6
            if self.profile.skip_descendants_of_queued_ancestor and self._has_ancestor_in(
                stored.parent, done
            ):
                continue
            done.add(fragment_id)
            try:
                stored.rerun()
            except FragmentHandledException:
                continue

    def _has_ancestor_in(self, parent: str | None, done: set[str]) -> bool:
        while parent is not None:
            if parent in done:
                return True
            stored = self.fragments.get(parent)
            parent = stored.parent if stored is not None else None
        return False

    def _run_callbacks(self, run: ScriptRun, changed: list[str]) -> None:
        """CB1: callbacks of changed widgets run before the body, in request order."""
        for widget_id in changed:
            meta = self.state.meta[widget_id]
            assert meta.callback is not None
            run.in_callback = True
            if self.profile.callbacks_carry_fragment_id and meta.fragment_id:
                from apptest._layout import FragmentFrame

                run.frame = FragmentFrame(meta.fragment_id)
            try:
                meta.callback(*meta.args, **meta.kwargs)
            except RerunException:
                if self.profile.rerun_in_callback != "noop-warning":
                    raise
                # RR7 [1.39-1.62]: the rerun ends the callback and is dropped, with a warning
                # at the top of main; the remaining callbacks and the body still run.
                run.in_callback = False
                emit_element(self.main, "warning", {"body": _RERUN_NOOP, "icon": None})
            finally:
                run.in_callback = False
                run.frame = None

    # -- helpers the shim uses ---------------------------------------------------------------
    def _magic(self, *values: Any) -> Any:
        from apptest._shim import _magic_write

        return _magic_write(*values)

    def show_exception(self, exc: BaseException, container: Container) -> None:
        """An exception element where the error was raised, as the browser shows it."""
        props = exception_props(exc)
        self._exceptions.append(f"{props['exc_type']}: {props['message']}")
        emit_element(container, "exception", props)


_OWN_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep


def exception_props(exc: BaseException, message: str | None = None) -> dict[str, Any]:
    """An exception element's fields: class name, message, stack trace (section 6 of notes).

    Frames of apptest itself are left out, as Streamlit leaves out its own.
    """
    import traceback  # only when an exception is shown

    from apptest._shim.errors import MarkdownFormattedException

    frames = [
        frame
        for frame in traceback.extract_tb(exc.__traceback__)
        if not frame.filename.startswith(_OWN_DIR)
    ]
    stack = tuple(line.strip() for line in traceback.format_list(frames))
    if not stack:
        stack = (
            "Cannot extract the stack trace for this exception. Try calling exception() "
            "within the `catch` block.",
        )
    if message is None:
        if isinstance(exc, SyntaxError) and exc.text is not None:
            caret = " " * max((exc.offset or 1) - 1, 0)
            message = (
                f'File "{exc.filename}", line {exc.lineno}\n  {exc.text.rstrip()}\n'
                f"  {caret}^\n{type(exc).__name__}: {exc.msg}"
            )
        else:
            message = str(exc).strip()
    return {
        "exc_type": type(exc).__name__,
        "message": message,
        "stack_trace": stack,
        "is_markdown": isinstance(exc, MarkdownFormattedException),
        "is_warning": isinstance(exc, Warning),
    }


def current_session() -> Session | None:
    run = current_run()
    return run.session if run is not None else None


__all__ = ["Request", "RunRecord", "Session", "merge_requests"]
