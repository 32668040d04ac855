"""``AppTest``: load an app, run it, interact, read the element tree.

Example::

    from apptest import AppTest

    at = AppTest.from_file("app.py").run()
    at.button(label="Rerun fragment").click().run()
    assert at.runs[-1].scope == "fragment"
    at.clock.advance("5s")        # fires run_every timers that come due
"""

from __future__ import annotations

import datetime as _dt
import inspect
import os
import tokenize
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from apptest._clock import Clock, PendingTimer, hot_timer_error, to_epoch_ns, to_ns
from apptest._elements import Block, Node, Widget, freeze_roots
from apptest._errors import AppTestError, hide_test_errors
from apptest._profile import Semantics, resolve_profile
from apptest._query import QueryMixin
from apptest._script import Script
from apptest._session import Request, RunRecord, Session, merge_requests
from apptest._session_inputs import SessionInputsMixin
from apptest._state import SessionStateProxy


@dataclass(frozen=True)
class FragmentInfo:
    """One registered fragment, as ``at.fragments`` lists it."""

    name: str
    id: str
    path: tuple[int, ...]
    run_every: float | None
    parent: str | None
    is_dialog: bool


@dataclass
class _Staged:
    widget_id: str
    value: Any
    trigger: bool
    fragment_id: str
    form_id: str


class _TestSessionState(SessionStateProxy):
    """``at.session_state``: also remembers which keys the test assigned."""

    __slots__ = ("_assigned",)

    def __init__(self, get_state: Callable[[], Any], assigned: set[str]) -> None:
        super().__init__(get_state)
        object.__setattr__(self, "_assigned", assigned)

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self._assigned.add(str(key))

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        self._assigned.add(name)


class ClockControl:
    """``at.clock``: read and move the AppTest's virtual clock (section 11).

    The clock starts at ``start_time`` (default 2024-01-01 12:00:00 UTC) and moves only when
    a test advances it or the app calls ``time.sleep``. Example::

        at.clock.advance("2s")          # every timer due in the next 2 s fires, in order
        at.clock.now                    # aware datetime (UTC)
        at.clock.pending()              # armed run_every timers, soonest first
    """

    def __init__(self, at: AppTest) -> None:
        self._at = at
        #: (number of runs, clock, target) when the last advance() returned.
        self._last: tuple[int, int, int] | None = None

    @property
    def _clock(self) -> Clock:
        return self._at._session.clock

    @property
    def now(self) -> _dt.datetime:
        """The virtual time, as an aware UTC datetime."""
        return self._clock.as_datetime(self._clock.now_ns)

    def pending(self) -> list[PendingTimer]:
        """The armed ``run_every`` timers with their next due instant, soonest first."""
        return [
            replace(timer, fragment=self._at._fragment_name(timer.fragment_id))
            for timer in self._clock.pending()
        ]

    def _with_pending_ticks(self, request: Request) -> Request:
        """Q4: ticks still pending (overdue) merge with the request of a ``run()``: ticks
        first; a full rerun absorbs them."""
        if not self._clock.overdue():
            return request
        states = dict(self._at._session.frontend.widget_values)
        tick = Request(tuple(self._clock.collect_overdue()), False, states, "timer")
        return merge_requests(tick, request)

    def advance(self, delta: float | int | str | _dt.timedelta) -> AppTest:
        """Move time forward by ``delta`` (seconds, a time string such as ``"5s"``, or a
        timedelta), firing every timer tick due by then in time order (T7-T12).

        Each tick is one fragment run with trigger ``"timer"`` (ties: the timer armed first
        fires first), with the clock set to the tick's instant while it runs. Ticks that came
        due while a run was in progress (the app slept) fire right after it, merged into one
        run (T12), if that is still within ``delta``. Time a run sleeps past the end of one
        ``advance`` counts toward the next one, so ``advance(a + b)`` and ``advance(a)``
        followed by ``advance(b)`` fire the same runs. Returns the AppTest. Raises
        AppTestError if a timer that would fire continuously (run_every under 1 ms) is armed.
        """
        __tracebackhide__ = True  # a refused call shows the test's line and the message
        step = to_ns(delta)
        if step < 0:
            raise AppTestError(
                f"advance() moves time forward only; got {delta!r}. The virtual clock never "
                "goes back."
            )
        session = self._at._session
        clock = self._clock
        base = clock.now_ns
        if self._last is not None and self._last[:2] == (len(session.runs), clock.now_ns):
            base = self._last[2]  # nothing happened since the last advance overshot its target
        target = base + step
        while True:
            hot = clock.hot_timer()
            if hot is not None and target > hot.due:
                raise hot_timer_error(hot, self._at._fragment_name(hot.fragment_id))
            if clock.now_ns > target:
                break
            if clock.overdue():
                due = tuple(clock.collect_overdue())  # came due during a run: merged (T12)
            else:
                timer = clock.next_due(target)
                if timer is None:
                    break
                clock.now_ns = timer.due
                timer.due += timer.interval
                due = (timer.fragment_id,)
            states = dict(session.frontend.widget_values)  # T11
            self._at._process(Request(due, False, states, "timer"), until=target)
        clock.now_ns = max(clock.now_ns, target)
        self._last = (len(session.runs), clock.now_ns, target)
        return self._at


class AppTest(SessionInputsMixin, QueryMixin):
    """Runs a Streamlit app headlessly and lets a test interact with it.

    Create one with :meth:`from_file`, :meth:`from_string` or :meth:`from_function`, call
    :meth:`run`, then query elements (``at.button``, ``at.markdown`` …), stage interactions
    (``at.button[0].click()``) and run again.
    """

    def __init__(
        self,
        script: Script,
        *,
        default_timeout: float = 3,
        semantics: str | Semantics = "seed",
        start_time: _dt.datetime | str | None = None,
    ) -> None:
        from apptest._shim import _main
        from apptest._shim_modules import shim_modules

        __tracebackhide__ = hide_test_errors
        self.default_timeout = default_timeout
        profile = resolve_profile(semantics)
        self._session = Session(
            script=script,
            profile=profile,
            clock=Clock(
                to_epoch_ns(start_time), one_timer_per_fragment=profile.one_timer_per_fragment
            ),
            main=_main,
            shim_modules=shim_modules(),
            timeout=default_timeout,
        )
        self._staged: dict[str, _Staged] = {}
        self._snapshot: tuple[Block, ...] | None = None
        self._snapshot_version = -1
        self._fragment_names: dict[str, str] = {}
        #: Keys the test assigned through ``at.session_state`` since the last run.
        self._assigned: set[str] = set()
        self.session_state: SessionStateProxy = _TestSessionState(
            lambda: self._session.state, self._assigned
        )
        self.clock = ClockControl(self)
        self._init_session_inputs()  # at.secrets, at.query_params, at.context, at.user

    # -- constructors --------------------------------------------------------------------
    @classmethod
    def from_file(
        cls,
        script_path: str | os.PathLike[str],
        *,
        default_timeout: float = 3,
        semantics: str | Semantics = "seed",
        start_time: _dt.datetime | str | None = None,
    ) -> AppTest:
        """Load a script file; a relative path is resolved against the calling test file:
        ``AppTest.from_file("app.py").run()``."""
        __tracebackhide__ = True  # a refused call shows the test's line and the message
        path = Path(script_path)
        if not path.is_absolute():
            import traceback

            caller = Path(traceback.extract_stack(limit=2)[0].filename).parent
            candidates = [caller / path, Path.cwd() / path]
            found = next((c for c in candidates if c.is_file()), None)
            if found is None:
                tried = ", ".join(str(c) for c in candidates)
                raise AppTestError(
                    f"AppTest script not found: {str(script_path)!r} (tried {tried}). Relative "
                    "paths are resolved against the file that calls AppTest.from_file(), then "
                    "the working directory."
                )
            path = found
        elif not path.is_file():
            raise AppTestError(f"AppTest script not found at {path}.")
        with tokenize.open(path) as file:  # PEP 263 coding line, UTF-8 BOM: as Python reads it
            source = file.read()
        return cls(
            Script(source, str(path)),
            default_timeout=default_timeout,
            semantics=semantics,
            start_time=start_time,
        )

    @classmethod
    def from_string(
        cls,
        script: str,
        *,
        default_timeout: float = 3,
        semantics: str | Semantics = "seed",
        start_time: _dt.datetime | str | None = None,
    ) -> AppTest:
        """Load an app from source text (dedented first): ``AppTest.from_string(src).run()``."""
        __tracebackhide__ = True  # a refused call shows the test's line and the message
        if not isinstance(script, str):
            raise AppTestError(
                f"from_string() takes the app's source text, not {type(script).__name__}."
            )
        import textwrap

        return cls(
            Script(textwrap.dedent(script), None),
            default_timeout=default_timeout,
            semantics=semantics,
            start_time=start_time,
        )

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
        semantics: str | Semantics = "seed",
        start_time: _dt.datetime | str | None = None,
    ) -> AppTest:
        """Load an app from a function's source; its body runs as the script, with ``args``."""
        __tracebackhide__ = True  # a refused call shows the test's line and the message
        if not callable(script):
            raise AppTestError(f"from_function() takes a function, not {type(script).__name__}.")
        import textwrap

        source = textwrap.dedent(inspect.getsource(script))
        source += f"\n{script.__name__}(*__args, **__kwargs)\n"
        extra = {"__args": tuple(args or ()), "__kwargs": dict(kwargs or {})}
        return cls(
            Script(source, None, extra_globals=extra),
            default_timeout=default_timeout,
            semantics=semantics,
            start_time=start_time,
        )

    # -- running -------------------------------------------------------------------------
    def run(self, *, timeout: float | None = None) -> AppTest:
        """Apply staged interactions and run the app; returns ``self``.

        With nothing staged this is a full run (as pressing "R" in the browser). A click on a
        widget inside a fragment reruns only that fragment. App exceptions never raise here:
        they become exception elements (``at.exception``).
        """
        __tracebackhide__ = True  # a timeout or rerun loop shows the test's line and the message
        from apptest._forms import pending_defaults

        submitted = {s.form_id for s in self._staged.values() if s.trigger and s.form_id}
        cleared = pending_defaults(self._session.frontend, submitted)  # FM4
        request = self.clock._with_pending_ticks(self._take_staged(submitted))  # Q4
        self._process(request, timeout=timeout)
        for item in cleared:
            self._staged.setdefault(
                item.widget_id,
                _Staged(item.widget_id, item.value, False, item.fragment_id, item.form_id),
            )
        return self

    def _process(
        self, request: Request, *, timeout: float | None = None, until: int | None = None
    ) -> None:
        __tracebackhide__ = hide_test_errors
        request = self._load_session_inputs(request)
        try:
            self._session.process(request, timeout=timeout, until=until)
        finally:
            self._read_session_outputs()
        self._check_page_request()
        for stored in self._session.fragments.fragments.values():
            self._fragment_names[stored.id] = stored.name

    def _take_staged(self, submitted_forms: set[str]) -> Request:
        """The request the staged interactions make; ``submitted_forms``: forms whose submit
        button was clicked (their buffered values go with it, FM1)."""
        frontend = self._session.frontend
        merged: Request | None = None
        keep: dict[str, _Staged] = {}
        sends: list[_Staged] = []
        for staged in self._staged.values():
            if staged.form_id and not staged.trigger and staged.form_id not in submitted_forms:
                keep[staged.widget_id] = staged  # FM1: buffered until the form is submitted
                continue
            if not staged.trigger:
                frontend.widget_values[staged.widget_id] = staged.value
            sends.append(staged)
        # As in Streamlit's AppTest, a widget sends its Session State value: a value the test
        # assigned to a widget's key through at.session_state reaches the widget (a staged
        # interaction wins).
        state = self._session.state
        sent = {staged.widget_id for staged in sends}
        for key in self._assigned:
            widget_id = state.key_to_id.get(key)
            if widget_id in frontend.widget_values and widget_id not in sent and key in state.user:
                frontend.widget_values[widget_id] = state.user[key]
        self._assigned.clear()
        states = dict(frontend.widget_values)
        for staged in sends:
            if staged.form_id and not staged.trigger:
                continue  # sent with its form's submit button
            triggers = {staged.widget_id: staged.value} if staged.trigger else {}
            fragments = (staged.fragment_id,) if staged.fragment_id else ()
            merged = merge_requests(merged, Request(fragments, False, states, "user", triggers))
        self._staged = keep
        if merged is None:
            trigger = "initial" if not self._session.runs else "user"
            return Request((), False, states, trigger)  # type: ignore[arg-type]
        merged.widget_states = states
        return merged

    def _stage(self, widget: Widget, value: Any, *, trigger: bool = False) -> None:
        form_id = str(widget.proto.get("form_id") or "")
        self._staged.pop(widget.id, None)
        self._staged[widget.id] = _Staged(widget.id, value, trigger, widget.fragment_id, form_id)

    def _staged_value(self, widget_id: str, current: Any) -> Any:
        staged = self._staged.get(widget_id)
        return staged.value if staged is not None else current

    # -- reading -------------------------------------------------------------------------
    def _roots(self) -> tuple[Block, ...]:
        frontend = self._session.frontend
        if self._snapshot is None or self._snapshot_version != frontend.version:
            self._snapshot = freeze_roots(frontend.roots, self)
            self._snapshot_version = frontend.version
        return self._snapshot

    def _nodes(self) -> Iterator[Node]:
        yield from self._roots()

    @property
    def main(self) -> Block:
        """The main area of the app."""
        return self._roots()[0]

    @property
    def sidebar(self) -> Block:
        return self._roots()[1]

    @property
    def event(self) -> Block:
        """Toasts and dialogs."""
        return self._roots()[2]

    def __getitem__(self, index: int) -> Node:
        return self.main[index]

    def __len__(self) -> int:
        return len(self.main)

    @property
    def runs(self) -> list[RunRecord]:
        """Every run since this AppTest was created, oldest first."""
        return list(self._session.runs)

    @property
    def fragments(self) -> list[FragmentInfo]:
        """The fragments the session has registered now (pruned by completed full runs)."""
        return [
            FragmentInfo(f.name, f.id, f.path, f.run_every, f.parent, f.is_dialog)
            for f in sorted(self._session.fragments.fragments.values(), key=lambda f: f.seq)
        ]

    @property
    def semantics(self) -> Semantics:
        return self._session.profile

    def _fragment_name(self, fragment_id: str) -> str:
        return self._fragment_names.get(fragment_id, fragment_id)

    @property
    def tree(self) -> str:
        """The element tree as compact text: one line per node, indented by depth."""
        from apptest._render import render_tree

        return render_tree(self._roots(), self._fragment_name)

    def __repr__(self) -> str:
        return self.tree
