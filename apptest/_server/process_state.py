"""Process-wide state an app may change, saved before each run and put back after it.

Restored after every run:

- the working directory, watched through ``os.chdir`` and ``os.fchdir``: they record where the
  run started before its first change, so a run that does not change directories makes no
  system call for it;
- ``os.environ``, watched through ``os.putenv``/``os.unsetenv``, which every change of the
  mapping calls: a run that does not change it costs no copy or comparison. The time zone is
  reset (``time.tzset()``) when ``TZ`` changed, and an ``os.environ`` the app replaced is put
  back;
- the ``warnings`` filters and ``showwarning``;
- the logging configuration: every logger's level, handlers, ``propagate`` and ``disabled``, as
  recorded by :mod:`apptest._server.logging_journal`; the root logger's filters;
  ``logging.disable``;
- the recursion limit, ``sys.stdout``/``stderr``/``stdin``, ``sys.excepthook``,
  ``sys.displayhook``, ``sys.meta_path`` and the ``SIGINT``/``SIGTERM`` handlers.

``sys.modules``, ``sys.path``, ``sys.argv`` and the ``streamlit`` module are the script's
(:mod:`apptest._server.script`).

Saving is cheap and checks come first: a run that changed nothing costs a few comparisons.
What cannot be put back: ``os._exit``, threads and processes the app started, files it wrote,
state inside C extensions, and changes made through other means than the ones listed here
(``locale.setlocale``, ``socket.setdefaulttimeout``, ``random.seed`` …).
"""

from __future__ import annotations

import logging
import operator
import os
import signal
import sys
import threading
import time
import warnings
from typing import Any

from apptest._server.logging_journal import Recording

#: Signals whose handlers an app may replace: Ctrl-C (KeyboardInterrupt) and SIGTERM.
_SIGNALS = tuple(
    number
    for number in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None))
    if number is not None
)
#: ``signal.getsignal`` without its enum conversion (microseconds each, twice per run).
_getsignal: Any = getattr(signal, "_signal", signal).getsignal


def _signals() -> tuple[Any, ...]:
    """The handlers of ``_SIGNALS``, now."""
    if len(_SIGNALS) == 2:
        return (_getsignal(_SIGNALS[0]), _getsignal(_SIGNALS[1]))  # no map() per run
    return tuple(map(_getsignal, _SIGNALS))


_ENVIRON = os.environ
_ENVIRON_DATA: dict[Any, Any] | None = getattr(os.environ, "_data", None)
if type(_ENVIRON_DATA) is not dict:
    _ENVIRON_DATA = None


def _environ_data() -> dict[Any, Any]:
    """``os.environ``'s own dict (encoded keys and values), or a copy of the mapping."""
    if os.environ is _ENVIRON and _ENVIRON_DATA is not None:
        return _ENVIRON_DATA  # nearly always: no attribute lookup or isinstance per call
    data = getattr(os.environ, "_data", None)
    return data if isinstance(data, dict) else dict(os.environ)


class _OsWatch:
    """``os.chdir``/``os.fchdir`` and ``os.putenv``/``os.unsetenv`` while runs are active.

    Before the first change of a run, every active run that has not recorded the state yet
    records it: the starting directory (``ProcessState.cwd``) and a copy of ``os.environ``
    (``ProcessState.environ``). ``os.environ``'s item assignment, deletion, ``update``,
    ``pop`` and ``clear`` all call ``putenv``/``unsetenv`` (looked up in ``os``'s namespace)
    before they change the mapping, so a run that touches neither costs no system call and
    no copy or comparison of the environment.
    """

    def __init__(self) -> None:
        self.active: list[ProcessState] = []
        self.saved: tuple[Any, ...] = ()
        self.wrappers = {
            "chdir": self._wrap(os.chdir, self._record_cwd),
            "fchdir": self._wrap(os.fchdir, self._record_cwd),
            "putenv": self._wrap(os.putenv, self._record_environ),
            "unsetenv": self._wrap(os.unsetenv, self._record_environ),
        }
        self.names = tuple(self.wrappers)
        self.read = operator.itemgetter(*self.names)
        #: The real functions, as ``read`` gives them and as a dict to put them back with.
        self.real_values = self.read(os.__dict__)
        self.reals = dict(zip(self.names, self.real_values, strict=True))

    def _record_cwd(self) -> None:
        for state in self.active:
            if state.cwd is None:
                try:
                    state.cwd = os.getcwd()
                except OSError:
                    state.cwd = ""  # the test's own directory is gone: nothing to go back to

    def _record_environ(self) -> None:
        for state in self.active:
            if state.environ is None:
                state.environ = dict(_environ_data())

    def _wrap(self, real: Any, record: Any) -> Any:
        def watched(*args: Any) -> None:
            record()
            real(*args)

        watched.__name__ = watched.__qualname__ = real.__name__
        watched.__doc__ = real.__doc__
        return watched

    def push(self, state: ProcessState) -> None:
        if not self.active:
            namespace = os.__dict__
            self.saved = self.read(namespace)
            namespace.update(self.wrappers)
        self.active.append(state)

    def pop(self, state: ProcessState) -> None:
        active = self.active
        if active and active[-1] is state:
            active.pop()  # (runs nest: the last one pushed ends first)
        elif state in active:
            active.remove(state)
        if not active:
            saved = self.saved
            # Nearly always the real functions: put back from a ready dict, no zip of pairs.
            if saved == self.real_values:
                os.__dict__.update(self.reals)
            else:
                os.__dict__.update(zip(self.names, saved, strict=True))


_OS = _OsWatch()


class ProcessState:
    """``save()`` before a run, ``restore()`` after it (see the module docstring)."""

    __slots__ = (
        "cwd",
        "disable",
        "environ",
        "environ_object",
        "hooks",
        "logging",
        "meta_path",
        "recursion",
        "root_filters",
        "signals",
        "streams",
        "warn_filters",
        "warn_list",
        "warn_show",
    )

    def __init__(self) -> None:
        #: Where the run started, once it changed directories (None: it did not).
        self.cwd: str | None = None
        #: ``os.environ``'s data before the run's first change (None: it changed nothing).
        self.environ: dict[Any, Any] | None = None
        self.environ_object: Any = None
        self.warn_list: list[Any] = []
        self.warn_filters: list[Any] = []
        self.warn_show: Any = None
        self.disable = 0
        self.root_filters: list[Any] = []
        self.logging = Recording()
        self.recursion = 0
        self.streams: tuple[Any, ...] = ()
        self.hooks: tuple[Any, ...] = ()
        self.meta_path: list[Any] = []
        self.signals: tuple[Any, ...] = ()

    def save(self) -> None:
        self.cwd = None
        _OS.push(self)
        self.environ_object = environ = os.environ
        # Changes through os.environ are seen by _OS (it copies the data before the first);
        # a replaced or unusual os.environ is copied now and compared after.
        fast = environ is _ENVIRON and _ENVIRON_DATA is not None
        self.environ = None if fast else dict(_environ_data())
        self.warn_list = warnings.filters  # type: ignore[assignment]  # a list at run time
        self.warn_filters = list(warnings.filters)
        self.warn_show = warnings.showwarning
        self.disable = logging.root.manager.disable
        self.root_filters = list(logging.root.filters)
        self.logging.start()
        self.recursion = sys.getrecursionlimit()
        self.streams = (sys.stdout, sys.stderr, sys.stdin)
        self.hooks = (sys.excepthook, sys.displayhook)
        self.meta_path = list(sys.meta_path)
        self.signals = _signals()

    def restore(self) -> None:
        # Each check is inline and the put-back out of line: a run that changed nothing
        # costs a few C calls here.
        _OS.pop(self)
        if self.cwd:
            os.chdir(self.cwd)
        if os.environ is not self.environ_object:
            os.environ = self.environ_object  # noqa: B003  (the app replaced the mapping: put it back)
        if self.environ is not None and _environ_data() != self.environ:
            self._restore_environ()
        self.environ = self.environ_object = None
        if warnings.filters is not self.warn_list or warnings.filters != self.warn_filters:
            self._restore_warnings()
        warnings.showwarning = self.warn_show
        self._restore_logging()
        if sys.getrecursionlimit() != self.recursion:
            sys.setrecursionlimit(self.recursion)
        sys.stdout, sys.stderr, sys.stdin = self.streams
        sys.excepthook, sys.displayhook = self.hooks
        self.streams = self.hooks = ()
        if sys.meta_path != self.meta_path:
            sys.meta_path[:] = self.meta_path
        if self.signals != _signals():
            self._restore_signals()

    def _restore_signals(self) -> None:
        """Ctrl-C and SIGTERM handlers an app installed (main thread only, where they can be
        set) are put back, so Ctrl-C still ends the test run."""
        if threading.current_thread() is threading.main_thread():
            for number, handler in zip(_SIGNALS, self.signals, strict=True):
                if handler is not None:
                    signal.signal(number, handler)

    def _restore_environ(self) -> None:
        tz = os.environ.get("TZ")
        saved = self.environ
        assert saved is not None
        current = _environ_data()
        for key in [key for key in current if key not in saved]:
            os.environ.pop(_decoded(key), None)
        for key, value in saved.items():
            if current.get(key) != value:
                os.environ[_decoded(key)] = _decoded(value)
        if os.environ.get("TZ") != tz and hasattr(time, "tzset"):
            time.tzset()

    def _restore_warnings(self) -> None:
        warnings.filters = self.warn_list
        self.warn_list[:] = self.warn_filters
        warnings._filters_mutated()  # type: ignore[attr-defined]

    def _restore_logging(self) -> None:
        self.logging.stop()  # loggers' levels, handlers, propagate, disabled
        root = logging.root
        if root.manager.disable != self.disable:
            logging.disable(self.disable)
        if root.filters != self.root_filters:
            root.filters[:] = self.root_filters


def _decoded(value: Any) -> str:
    """A key or value of ``os.environ._data`` as ``os.environ`` takes it."""
    return os.fsdecode(value) if isinstance(value, bytes) else str(value)


__all__ = ["ProcessState"]
