"""Process-wide state an app may change, saved before each run and put back after it.

Restored after every run: the working directory, ``os.environ`` (and the time zone,
``time.tzset()``, when ``TZ`` changed), the ``warnings`` filters and ``showwarning``, the
logging configuration (the root logger's level, handlers and filters, ``logging.disable``, and
the level, handlers, ``propagate`` and ``disabled`` of every logger that existed before the
run), the recursion limit, ``sys.stdout``/``stderr``/``stdin``, ``sys.excepthook`` and
``sys.displayhook``. (``sys.modules``, ``sys.path``, ``sys.argv`` and the ``streamlit`` module
are the script's: :mod:`apptest._server.script`.)

Saving is cheap and checks come first: a run that changed nothing costs a few comparisons.
What cannot be put back: ``os._exit``, threads and processes the app started, files it wrote,
state inside C extensions, and changes made through other means than the ones listed here
(``locale.setlocale``, ``socket.setdefaulttimeout``, ``random.seed`` …).
"""

from __future__ import annotations

import logging
import os
import sys
import time
import warnings
from typing import Any

_Handlers = list[logging.Handler]
_LoggerState = tuple[logging.Logger, int, _Handlers, tuple[logging.Handler, ...], bool, bool]


def _environ_data() -> dict[Any, Any]:
    """``os.environ``'s own dict (encoded keys and values), or a copy of the mapping."""
    data = getattr(os.environ, "_data", None)
    return data if isinstance(data, dict) else dict(os.environ)


class ProcessState:
    """``save()`` before a run, ``restore()`` after it (see the module docstring)."""

    __slots__ = (
        "cwd",
        "disable",
        "environ",
        "hooks",
        "loggers",
        "recursion",
        "root_filters",
        "streams",
        "warn_filters",
        "warn_list",
        "warn_show",
    )

    def __init__(self) -> None:
        self.cwd = ""
        self.environ: dict[Any, Any] = {}
        self.warn_list: list[Any] = []
        self.warn_filters: list[Any] = []
        self.warn_show: Any = None
        self.disable = 0
        self.root_filters: list[Any] = []
        self.loggers: list[_LoggerState] = []
        self.recursion = 0
        self.streams: tuple[Any, ...] = ()
        self.hooks: tuple[Any, ...] = ()

    def save(self) -> None:
        try:
            self.cwd = os.getcwd()
        except OSError:
            self.cwd = ""  # the test's own directory is gone: nothing to go back to
        self.environ = dict(_environ_data())
        self.warn_list = warnings.filters  # type: ignore[assignment]  # a list at run time
        self.warn_filters = list(warnings.filters)
        self.warn_show = warnings.showwarning
        self.disable = logging.root.manager.disable
        self.root_filters = list(logging.root.filters)
        self.loggers = [_logger_state(logging.root)]
        for logger in list(logging.root.manager.loggerDict.values()):
            if isinstance(logger, logging.Logger):
                self.loggers.append(_logger_state(logger))
        self.recursion = sys.getrecursionlimit()
        self.streams = (sys.stdout, sys.stderr, sys.stdin)
        self.hooks = (sys.excepthook, sys.displayhook)

    def restore(self) -> None:
        if self.cwd:
            try:
                if os.getcwd() != self.cwd:
                    os.chdir(self.cwd)
            except OSError:
                os.chdir(self.cwd)
        self._restore_environ()
        self._restore_warnings()
        self._restore_logging()
        if sys.getrecursionlimit() != self.recursion:
            sys.setrecursionlimit(self.recursion)
        sys.stdout, sys.stderr, sys.stdin = self.streams
        sys.excepthook, sys.displayhook = self.hooks
        self.streams = self.hooks = ()
        self.loggers = []

    def _restore_environ(self) -> None:
        if _environ_data() == self.environ:
            return
        tz = os.environ.get("TZ")
        saved = self.environ
        current = _environ_data()
        for key in [key for key in current if key not in saved]:
            os.environ.pop(_decoded(key), None)
        for key, value in saved.items():
            if current.get(key) != value:
                os.environ[_decoded(key)] = _decoded(value)
        if os.environ.get("TZ") != tz and hasattr(time, "tzset"):
            time.tzset()

    def _restore_warnings(self) -> None:
        if warnings.filters is not self.warn_list or warnings.filters != self.warn_filters:
            warnings.filters = self.warn_list
            self.warn_list[:] = self.warn_filters
            warnings._filters_mutated()  # type: ignore[attr-defined]
        warnings.showwarning = self.warn_show

    def _restore_logging(self) -> None:
        manager = logging.root.manager
        changed = manager.disable != self.disable
        if changed:
            logging.disable(self.disable)
        if logging.root.filters != self.root_filters:
            logging.root.filters[:] = self.root_filters
        for logger, level, handlers, before, propagate, disabled in self.loggers:
            if logger.level != level:
                logger.level = level
                changed = True
            if logger.handlers is not handlers or tuple(handlers) != before:
                logger.handlers = handlers
                handlers[:] = before
            logger.propagate = propagate
            logger.disabled = disabled
        if changed:
            manager._clear_cache()  # type: ignore[attr-defined]


def _logger_state(logger: logging.Logger) -> _LoggerState:
    handlers = logger.handlers
    return (logger, logger.level, handlers, tuple(handlers), logger.propagate, logger.disabled)


def _decoded(value: Any) -> str:
    """A key or value of ``os.environ._data`` as ``os.environ`` takes it."""
    return os.fsdecode(value) if isinstance(value, bytes) else str(value)


__all__ = ["ProcessState"]
