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
import textwrap
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apptest._clock import Clock, PendingTimer, seconds_to_ns, to_epoch_ns, to_seconds
from apptest._elements import Block, Node, Widget, freeze_roots
from apptest._errors import AppTestError
from apptest._profile import Semantics, resolve_profile
from apptest._query import QueryMixin
from apptest._script import Script
from apptest._session import Request, RunRecord, Session, merge_requests
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


class ClockControl:
    """``at.clock``: read and move the AppTest's virtual clock.

    Example::

        at.clock.advance("2s")          # every timer due in the next 2 s fires, in order
        at.clock.now                    # aware datetime (UTC)
    """

    def __init__(self, at: AppTest) -> None:
        self._at = at

    @property
    def _clock(self) -> Clock:
        return self._at._session.clock

    @property
    def now(self) -> _dt.datetime:
        return self._clock.as_datetime(self._clock.now_ns)

    def pending(self) -> list[PendingTimer]:
        """The armed ``run_every`` timers with their next due instant, soonest first."""
        return self._clock.pending()

    def advance(self, delta: float | int | str | _dt.timedelta) -> AppTest:
        """Move time forward, firing every due timer tick in time order (T7-T12)."""
        seconds = to_seconds(delta)
        if seconds < 0:
            raise AppTestError(f"advance() moves time forward only; got {delta!r}.")
        session = self._at._session
        clock = self._clock
        target = clock.now_ns + seconds_to_ns(seconds)
        while True:
            timer = clock.next_due(target)
            if timer is None:
                break
            if timer.interval <= 0:
                name = self._at._fragment_name(timer.fragment_id)
                raise AppTestError(
                    f"Fragment {name!r} has run_every={timer.interval / 1e9:g} s, which fires "
                    "continuously; advancing the clock would never end. Give it a positive "
                    "interval."
                )
            clock.now_ns = max(clock.now_ns, timer.due)
            timer.due += timer.interval
            states = dict(session.frontend.widget_values)
            self._at._process(Request((timer.fragment_id,), False, states, "timer"))
        clock.now_ns = max(clock.now_ns, target)
        return self._at


class AppTest(QueryMixin):
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

        self.default_timeout = default_timeout
        self._session = Session(
            script=script,
            profile=resolve_profile(semantics),
            clock=Clock(to_epoch_ns(start_time)),
            main=_main,
            shim_modules=shim_modules(),
            timeout=default_timeout,
        )
        self._staged: dict[str, _Staged] = {}
        self._snapshot: tuple[Block, ...] | None = None
        self._snapshot_version = -1
        self._fragment_names: dict[str, str] = {}
        self.session_state = SessionStateProxy(lambda: self._session.state)
        self.clock = ClockControl(self)

    # -- constructors --------------------------------------------------------------------
    @classmethod
    def from_file(cls, script_path: str | os.PathLike[str], *, default_timeout: float = 3, semantics: str | Semantics = "seed", start_time: _dt.datetime | str | None = None) -> AppTest:
        """Load a script file; a relative path is resolved against the calling test file."""
        path = Path(script_path)
        if not path.is_absolute():
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
        source = path.read_text(encoding="utf-8")
        return cls(Script(source, str(path)), default_timeout=default_timeout, semantics=semantics, start_time=start_time)

    @classmethod
    def from_string(cls, script: str, *, default_timeout: float = 3, semantics: str | Semantics = "seed", start_time: _dt.datetime | str | None = None) -> AppTest:
        """Load an app from source text (dedented first)."""
        if not isinstance(script, str):
            raise AppTestError(f"from_string() takes the app's source text, not {type(script).__name__}.")
        return cls(Script(textwrap.dedent(script), None), default_timeout=default_timeout, semantics=semantics, start_time=start_time)

    @classmethod
    def from_function(cls, script: Callable[..., Any], *, default_timeout: float = 3, args: tuple[Any, ...] | None = None, kwargs: dict[str, Any] | None = None, semantics: str | Semantics = "seed", start_time: _dt.datetime | str | None = None) -> AppTest:
        """Load an app from a function's source; its body runs as the script, with ``args``."""
        if not callable(script):
            raise AppTestError(f"from_function() takes a function, not {type(script).__name__}.")
        source = textwrap.dedent(inspect.getsource(script))
        source += f"\n{script.__name__}(*__args, **__kwargs)\n"
        extra = {"__args": tuple(args or ()), "__kwargs": dict(kwargs or {})}
        return cls(Script(source, None, extra_globals=extra), default_timeout=default_timeout, semantics=semantics, start_time=start_time)

    # -- running -------------------------------------------------------------------------
    def run(self, *, timeout: float | None = None) -> AppTest:
        """Apply staged interactions and run the app; returns ``self``.

        With nothing staged this is a full run (as pressing "R" in the browser). A click on a
        widget inside a fragment reruns only that fragment. App exceptions never raise here:
        they become exception elements (``at.exception``).
        """
        request = self._take_staged()
        self._process(request, timeout=timeout)
        return self

    def _process(self, request: Request, *, timeout: float | None = None) -> None:
        self._session.process(request, timeout=timeout)
        for stored in self._session.fragments.fragments.values():
            self._fragment_names[stored.id] = stored.name

    def _take_staged(self) -> Request:
        frontend = self._session.frontend
        merged: Request | None = None
        submitted_forms = {s.form_id for s in self._staged.values() if s.trigger and s.form_id}
        keep: dict[str, _Staged] = {}
        sends: list[_Staged] = []
        for staged in self._staged.values():
            if staged.form_id and not staged.trigger and staged.form_id not in submitted_forms:
                keep[staged.widget_id] = staged  # FM1: buffered until the form is submitted
                continue
            if not staged.trigger:
                frontend.widget_values[staged.widget_id] = staged.value
            sends.append(staged)
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
