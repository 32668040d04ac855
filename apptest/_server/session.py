"""The session: what the Streamlit server keeps for one app, one browser tab, between runs.

A :class:`Session` holds the script, the semantics profile, the clock, Session State, the
fragment and page storage, the feature stores and the run history. It talks to the browser only
through :class:`BrowserConnection` (the messages Streamlit's server sends: deltas, the start
of a run, ``auto_rerun`` timers); ``apptest._browser`` implements that side. The run loop that
turns a request into a run is ``apptest._server.runner``.
"""

from __future__ import annotations

import os
import traceback
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from apptest._profile import Semantics
from apptest._run.host import DeltaSink, Stores
from apptest._run.layout import Container, ScriptRun, emit_element, require_run
from apptest._run.state import SessionState
from apptest._server.imports import ShimImports
from apptest._server.records import RunRecord, Status
from apptest._server.script import Script
from apptest._server.storage import FragmentStorage, Pages
from apptest._st_errors import MarkdownFormattedException
from apptest._time.clock import Clock

#: The warning a rerun asked for inside a callback leaves (RR7, 1.37-1.58: the seed profile).
RERUN_NOOP_WARNING = "Calling st.rerun() within a callback is a no-op."


class BrowserConnection(DeltaSink, Protocol):
    """What the server sends to the browser besides deltas (Streamlit's ForwardMsgs)."""

    @property
    def widget_values(self) -> dict[str, Any]:
        """The widget values the browser holds (FE8): every request carries them."""
        ...

    def begin_run(self, run_id: int, fragment_ids: tuple[str, ...]) -> None:
        """``script_started``: deltas of run ``run_id`` follow."""

    def clear_stale(self) -> None:
        """``script_finished`` (successfully): the browser clears stale elements (FE3)."""

    def new_session(self) -> None:
        """A full run starts: the browser drops its ``run_every`` timers (T9)."""

    def auto_rerun(self, fragment_id: str, seconds: float) -> None:
        """A fragment with ``run_every`` ran: the browser arms its timer (T7, T8)."""

    def stop_auto_rerun(self, fragment_ids: list[str]) -> None:
        """Fragments were evicted (N3): the browser drops their timers (T10, 1.67)."""


@dataclass
class Session:
    """Everything the server keeps for one AppTest: script, state, fragments, pages, clock.

    ``main`` is the shim's ``st._main`` and ``magic`` its magic-command writer: both come from
    the layer above (``apptest._api``), so nothing here imports the fake ``streamlit``.
    """

    script: Script
    profile: Semantics
    clock: Clock
    frontend: BrowserConnection
    main: Container
    magic: Callable[..., Any]
    shim_modules: ShimImports
    timeout: float
    state: SessionState = field(default_factory=SessionState)
    fragments: FragmentStorage = field(default_factory=FragmentStorage)
    pages: Pages = field(default_factory=Pages)
    stores: Stores = field(default_factory=Stores)
    runs: list[RunRecord] = field(default_factory=list)
    page_hash: str = ""
    page_config: dict[str, Any] = field(default_factory=dict)
    module: types.ModuleType | None = None
    #: "ExcType: message" of each exception element of the run in progress.
    exceptions: list[str] = field(default_factory=list)
    #: The exceptions shown since the AppTest last looked (``raise_app_exceptions``).
    errors: list[BaseException] = field(default_factory=list)
    #: F10 (1.67): fragment key -> (run id, definition) of the definition that claimed it.
    fragment_key_claims: dict[str, tuple[int, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.state.already_instantiated_error = self.profile.widget_already_instantiated_error

    def url_paths(self) -> list[str]:
        """The URL paths of the pages registered by the last full run."""
        return [page.url_path for page in self.pages.registry.values()]

    def current_url_path(self) -> str:
        """The URL path of the page the session is on ("" for the default page)."""
        page = self.pages.registry.get(self.pages.current)
        return page.url_path if page is not None else ""

    def fragment_names(self, fragment_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The function names of stored fragments (the id where one is gone)."""
        names = []
        for fragment_id in fragment_ids:
            stored = self.fragments.get(fragment_id)
            names.append(stored.name if stored is not None else fragment_id)
        return tuple(names)

    def show_exception(self, exc: BaseException, container: Container) -> None:
        """An exception element where the error was raised, as the browser shows it."""
        props = exception_props(exc)
        self.exceptions.append(f"{props['exc_type']}: {props['message']}")
        self.errors.append(exc)
        emit_element(container, "exception", props)


def session_of(run: ScriptRun) -> Session:
    """The session a run belongs to, as the server sees it (the layers below see a RunHost)."""
    # Every run's host is a Session: ``apptest._server.runner`` is the only place runs are made.
    # (Annotated, not ``cast``: this is called for every fragment and ``typing.cast`` is a call.)
    session: Session = run.session  # type: ignore[assignment]
    return session


def current_session(command: str, hint: str = "") -> Session:
    """The session of the run in progress, or ``NoSessionContext`` naming ``command``."""
    return session_of(require_run(command, hint))


# The package's root folder: frames of apptest's own modules are left out of stack traces.
_OWN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


def exception_props(exc: BaseException, message: str | None = None) -> dict[str, Any]:
    """An exception element's fields: class name, message, stack trace (section 6 of notes).

    Frames of apptest itself are left out, as Streamlit leaves out its own.
    """
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
        message = _message_of(exc)
    return {
        "exc_type": type(exc).__name__,
        "message": message,
        "stack_trace": stack,
        "is_markdown": isinstance(exc, MarkdownFormattedException),
        "is_warning": isinstance(exc, Warning),
    }


def _message_of(exc: BaseException) -> str:
    """The message the browser shows; a syntax error shows the line with a caret."""
    if isinstance(exc, SyntaxError) and exc.text is not None:
        caret = " " * max((exc.offset or 1) - 1, 0)
        return (
            f'File "{exc.filename}", line {exc.lineno}\n  {exc.text.rstrip()}\n'
            f"  {caret}^\n{type(exc).__name__}: {exc.msg}"
        )
    try:
        return str(exc).strip()
    except Exception:  # the app's __str__ is broken: as Python's own traceback shows it
        return f"<exception str() failed> ({type(exc).__name__})"


__all__ = [
    "BrowserConnection",
    "RunRecord",
    "Session",
    "Status",
    "current_session",
    "exception_props",
    "session_of",
]
