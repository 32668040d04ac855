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
import sys
import threading
import tokenize
import types
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from apptest._api.clock_control import ClockControl
from apptest._api.describe import MASK
from apptest._api.html import to_html
from apptest._api.nodes import Node, Widget
from apptest._api.query import Block, QueryMixin
from apptest._api.render import render_tree
from apptest._api.session_inputs import SessionInputsMixin
from apptest._api.snapshot import freeze_roots, load_typed_classes
from apptest._errors import AppTestError, hide_test_errors
from apptest._plugin_state import current_scope, note_created
from apptest._profile import Semantics, resolve_profile
from apptest._props import FORM_ID
from apptest._run.state import SessionStateProxy
from apptest._server.records import RunRecord
from apptest._server.requests import Request
from apptest._server.script import Script

if TYPE_CHECKING:
    from apptest._browser.browser import Staged
    from apptest._server.imports import ShimImports


#: apptest's modules as first loaded: see keep_modules_loaded.
_LOADED: dict[str, types.ModuleType] = {}


def keep_modules_loaded(*, record: bool = False) -> None:
    """Put back apptest modules something took out of ``sys.modules`` since they loaded.

    pytester's in-process runs drop every module first imported inside them; importing one
    again would make a second copy (its classes not the ones the snapshots already use, a
    second fake ``streamlit``). With ``record`` instead, remember the modules loaded now (the
    first time only).
    """
    modules = sys.modules
    if record:
        if not _LOADED:
            load_typed_classes()  # what the first snapshot would load: loaded and kept now
            _LOADED.update(
                (name, module)
                for name, module in list(modules.items())
                if name.startswith("apptest.") and module is not None
            )
        return
    for name, module in _LOADED.items():
        if modules.get(name) is not module:
            modules[name] = module


def _shim_package() -> ShimImports:
    """The fake ``streamlit`` package, loaded when something first imports ``streamlit``."""
    # lazy: ``import apptest`` stays light; the shim loads with the first ``import streamlit``
    # (outside runs only when no real Streamlit is installed) or the first AppTest.
    from apptest._shim.modules import shim_package

    return shim_package()


class RunHistory(Sequence[RunRecord]):
    """A read-only view of the session's run list: ``at.runs``.

    It reads the live list, so ``at.runs[-1]`` and ``len(at.runs)`` cost the same after ten runs
    or a hundred thousand (no copy is made). It compares equal to a list or tuple of the same
    records (``assert at.runs == []``); a slice is a new list.
    """

    __slots__ = ("_runs",)

    def __init__(self, runs: list[RunRecord]) -> None:
        self._runs = runs

    @overload
    def __getitem__(self, index: int) -> RunRecord: ...
    @overload
    def __getitem__(self, index: slice) -> list[RunRecord]: ...
    def __getitem__(self, index: int | slice) -> RunRecord | list[RunRecord]:
        """The run at ``index`` (``at.runs[-1]``), or a list of the runs in a slice."""
        return self._runs[index]

    def __len__(self) -> int:
        """How many runs the session has made."""
        return len(self._runs)

    def __iter__(self) -> Iterator[RunRecord]:
        """The runs, oldest first."""
        return iter(self._runs)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RunHistory):
            return self._runs == other._runs
        if isinstance(other, list):
            return self._runs == other
        if isinstance(other, tuple):
            return len(self._runs) == len(other) and self._runs == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a list, so unhashable like one

    def __repr__(self) -> str:
        return repr(self._runs)


@dataclass(frozen=True)
class FragmentInfo:
    """One registered fragment, as ``at.fragments`` lists it."""

    name: str
    id: str
    path: tuple[int, ...]
    run_every: float | None
    parent: str | None
    is_dialog: bool


class _Masked:
    """Stands for a password in printed Session State."""

    def __repr__(self) -> str:
        return repr(MASK)


class _TestSessionState(SessionStateProxy):
    """``at.session_state``: also remembers which keys the test assigned."""

    __slots__ = ("_assigned", "_secret_keys")

    def __init__(
        self,
        get_state: Callable[[], Any],
        assigned: set[str],
        secret_keys: Callable[[], set[str]] = set,
    ) -> None:
        super().__init__(get_state)
        object.__setattr__(self, "_assigned", assigned)
        object.__setattr__(self, "_secret_keys", secret_keys)

    def __repr__(self) -> str:
        """As a dict, with the values of password fields' keys masked (issue 15)."""
        shown = self.to_dict()
        for key in self._secret_keys() & shown.keys():
            shown[key] = _Masked()
        return repr(shown)

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self._assigned.add(str(key))

    def __setattr__(self, name: str, value: Any) -> None:
        super().__setattr__(name, value)
        self._assigned.add(name)


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
        semantics: str | Semantics | None = None,
        start_time: _dt.datetime | str | None = None,
        raise_app_exceptions: bool | None = None,
    ) -> None:
        __tracebackhide__ = hide_test_errors
        self.default_timeout = default_timeout
        scope = current_scope()
        if raise_app_exceptions is None:
            raise_app_exceptions = scope.raise_app_exceptions if scope is not None else False
        #: When True, ``run()`` (and a clock advance) raises the first exception the app
        #: raised during it, after showing it, as Starlette's TestClient does.
        self.raise_app_exceptions = raise_app_exceptions
        profile = resolve_profile(semantics)
        keep_modules_loaded()
        # lazy: ``import apptest`` (pytest does it in every run, for the plugin) stays light;
        # the fake streamlit package, the server and the browser load with the first AppTest.
        from apptest._api.runtime import open_runtime

        keep_modules_loaded(record=True)
        self._session, self._browser = open_runtime(script, profile, start_time, default_timeout)
        #: One thread at a time uses this AppTest: run(), clock.advance() and reading the tree
        #: from several threads take turns (each whole), so no update is lost.
        self._lock = threading.RLock()
        self._snapshot: tuple[Block, ...] | None = None
        self._snapshot_version = -1
        self._by_kind: dict[str, list[Node]] = {}
        #: Exception elements frozen so far (0: no snapshot ever showed one; see snapshot.py).
        self._exceptions_frozen = 0
        self._fragment_names: dict[str, str] = {}
        #: Keys the test assigned through ``at.session_state`` since the last run.
        self._assigned: set[str] = set()
        self.session_state: SessionStateProxy = _TestSessionState(
            lambda: self._session.state, self._assigned, self._password_keys
        )
        self.clock: ClockControl[AppTest] = ClockControl(
            self, self._browser, self._deliver, self._fragment_name, lock=self._lock
        )
        self._init_session_inputs()  # at.secrets, at.query_params, at.context, at.user
        note_created(self)  # the pytest plugin's failure report shows this AppTest

    # -- constructors --------------------------------------------------------------------
    @classmethod
    def from_file(
        cls,
        script_path: str | os.PathLike[str],
        *,
        default_timeout: float = 3,
        semantics: str | Semantics | None = None,
        start_time: _dt.datetime | str | None = None,
        raise_app_exceptions: bool | None = None,
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
            raise_app_exceptions=raise_app_exceptions,
        )

    @classmethod
    def from_string(
        cls,
        script: str,
        *,
        default_timeout: float = 3,
        semantics: str | Semantics | None = None,
        start_time: _dt.datetime | str | None = None,
        raise_app_exceptions: bool | None = None,
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
            raise_app_exceptions=raise_app_exceptions,
        )

    @classmethod
    def from_function(
        cls,
        script: Callable[..., Any],
        *,
        default_timeout: float = 3,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
        semantics: str | Semantics | None = None,
        start_time: _dt.datetime | str | None = None,
        raise_app_exceptions: bool | None = None,
    ) -> AppTest:
        """Load an app from a function's source; its body runs as the script, with ``args``."""
        __tracebackhide__ = True  # a refused call shows the test's line and the message
        if not callable(script):
            raise AppTestError(f"from_function() takes a function, not {type(script).__name__}.")
        import textwrap

        try:
            source = textwrap.dedent(inspect.getsource(script))
        except (OSError, TypeError):
            raise AppTestError(
                f"from_function() reads the source of {script.__name__!r}, and Python has none "
                "for it (a function defined in the REPL, by exec() or in C). Define it in a "
                ".py file, or pass the script text to AppTest.from_string()."
            ) from None
        source += f"\n{script.__name__}(*__args, **__kwargs)\n"
        extra = {"__args": tuple(args or ()), "__kwargs": dict(kwargs or {})}
        return cls(
            Script(source, None, extra_globals=extra),
            default_timeout=default_timeout,
            semantics=semantics,
            start_time=start_time,
            raise_app_exceptions=raise_app_exceptions,
        )

    # -- running -------------------------------------------------------------------------
    def run(self, *, timeout: float | None = None) -> AppTest:
        """Apply staged interactions and run the app; returns ``self``.

        With nothing staged this is a full run (as pressing "R" in the browser). A click on a
        widget inside a fragment reruns only that fragment. App exceptions never raise here:
        they become exception elements (``at.exception``). ``timeout`` (real seconds) overrides
        ``default_timeout`` for this call; ``None`` keeps the default, ``math.inf`` means none.
        """
        __tracebackhide__ = True  # a timeout or rerun loop shows the test's line and the message
        with self._lock:
            request, cleared = self._browser.take_request(self._assigned_widget_values())
            self._deliver(self._browser.with_overdue_ticks(request), timeout, None)  # Q4
            if cleared:
                self._browser.restage_defaults(cleared)  # FM4
        return self

    def _assigned_widget_values(self) -> dict[str, Any]:
        """As in Streamlit's AppTest, a widget sends its Session State value: what the test
        assigned to a widget's key through ``at.session_state`` reaches the widget."""
        if not self._assigned:
            return {}
        state = self._session.state
        values = {
            state.key_to_id[key]: state.user[key]
            for key in self._assigned
            if key in state.key_to_id and key in state.user
        }
        self._assigned.clear()
        return values

    def _deliver(self, request: Request, timeout: float | None, until: int | None) -> None:
        """Send one request with the session inputs the test set; read back what it changed."""
        __tracebackhide__ = hide_test_errors
        request = self._load_session_inputs(request)
        self._session.errors.clear()  # left by a delivery that ended in a timeout
        try:
            self._browser.process(request, timeout=timeout, until=until)
        finally:
            self._read_session_outputs()
        if self._session.pages.requested is not None:
            self._check_page_request()
        self._fragment_names.update(self._session.fragments.take_names())
        errors = self._session.errors
        if errors:
            first = errors[0]
            errors.clear()
            if self.raise_app_exceptions:
                raise first

    @property
    def _staged(self) -> dict[str, Staged]:
        return self._browser.staged

    def _stage(self, widget: Widget, value: Any, *, trigger: bool = False) -> None:
        form_id = str(widget.proto.get(FORM_ID) or "")
        self._browser.stage(
            widget.id, value, trigger=trigger, fragment_id=widget.fragment_id, form_id=form_id
        )

    def _staged_value(self, widget_id: str, current: Any) -> Any:
        return self._browser.staged_value(widget_id, current)

    # -- reading -------------------------------------------------------------------------
    def _roots(self) -> tuple[Block, ...]:
        frontend = self._browser.frontend
        snapshot = self._snapshot
        if snapshot is None or self._snapshot_version != frontend.version:
            with self._lock:
                # only the paths a run changed are frozen again; the rest is shared
                snapshot = self._snapshot = freeze_roots(frontend.roots, self)
                frontend.snapshot_taken()
                self._snapshot_version = frontend.version
                self._by_kind = {}
        return snapshot

    def _nodes(self) -> Iterator[Node]:
        yield from self._roots()

    def _of_kind(self, kind: str) -> list[Node]:
        roots = self._roots()  # a new snapshot drops the old lists
        found = self._by_kind.get(kind)
        if found is None:
            found = self._by_kind[kind] = []
            for root in roots:
                if root.type == kind:
                    found.append(root)
                found.extend(root._of_kind(kind))  # a root nothing changed in kept its list
        return found

    @property
    def main(self) -> Block:
        """The main area of the app."""
        return self._roots()[0]

    @property
    def sidebar(self) -> Block:
        """The sidebar: ``at.sidebar.button("go")``."""
        return self._roots()[1]

    @property
    def event(self) -> Block:
        """Toasts and dialogs."""
        return self._roots()[2]

    @property
    def bottom(self) -> Block:
        """The bottom container (``st.bottom``, ``st.chat_input``): ``at.bottom.markdown``."""
        return self._roots()[3]

    def __getitem__(self, index: int) -> Node:
        return self.main[index]

    def __len__(self) -> int:
        return len(self.main)

    @property
    def runs(self) -> Sequence[RunRecord]:
        """Every run since this AppTest was created, oldest first (a read-only, live view)."""
        return RunHistory(self._session.runs)

    @property
    def fragments(self) -> list[FragmentInfo]:
        """The fragments the session has registered now (pruned by completed full runs)."""
        return [
            FragmentInfo(f.name, f.id, f.path, f.run_every, f.parent, f.is_dialog)
            for f in sorted(self._session.fragments.fragments.values(), key=lambda f: f.seq)
        ]

    @property
    def semantics(self) -> Semantics:
        """The semantics profile this AppTest simulates: ``str(at.semantics)`` is e.g.
        ``"modern (Streamlit 1.59-1.67)"`` (``.name``, ``.versions``). Chosen by ``semantics=``
        at creation, else the ``apptest_semantics`` marker, ini option, ``APPTEST_SEMANTICS``,
        ``"seed"``."""
        return self._session.profile

    def _password_keys(self) -> set[str]:
        """The keys of ``type="password"`` inputs: their values are masked when printed."""
        return {
            node.key
            for node in self._of_kind("text_input")
            if node.key is not None and node.proto.get("type") == "password"
        }

    def _fragment_name(self, fragment_id: str) -> str:
        return self._fragment_names.get(fragment_id, fragment_id)

    @property
    def tree(self) -> str:
        """The element tree as compact text: one line per node, indented by depth."""
        return render_tree(self._roots(), self._fragment_name)

    def to_html(self, title: str = "apptest") -> str:
        """The page as static, self-contained HTML (widgets as disabled controls with their
        values, columns, tabs, expanders, sidebar, dialogs, exceptions in red):
        ``Path("page.html").write_text(at.to_html())``."""
        return to_html(self, title)

    def __repr__(self) -> str:
        return self.tree
