"""Logging configuration changed during a run, recorded as it happens and undone after it.

Snapshotting every logger before each run would cost time in proportion to the number of
loggers the process made (pandas, urllib3, … make dozens). Instead, once, the ``Logger`` class
learns to record: an attribute assigned on a logger (``setLevel``, ``propagate``, ``disabled``,
``handlers = [...]``) and ``addHandler``/``removeHandler`` append what was there before to a
journal, but only in a context where a run is active (:data:`_RECORDING`; other threads and
the test itself are never recorded). :func:`undo_since` puts the journal back in reverse
order. A run that touches no logger costs nothing here.

Not recorded: a handler list changed in place (``logger.handlers.append(h)``) and changes to
handlers' own settings (``handler.setLevel``); ``logging.disable`` and the root logger's filters
are compared directly by :mod:`apptest._server.process_state`.
"""

from __future__ import annotations

import contextvars
import functools
import logging
from collections.abc import Callable
from typing import Any

_HANDLERS = object()  # marks an entry that restores a handler list's contents

#: True in the context of a run: only then are changes recorded.
_RECORDING: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "apptest_logging_recording", default=False
)

#: (logger, attribute or _HANDLERS, value before) of each change made during runs.
_JOURNAL: list[tuple[Any, Any, Any]] = []

_installed = False


def _recording_setattr(self: logging.Logger, name: str, value: Any) -> None:
    # Only attributes the logger has: a logger made during the run sets its own in __init__.
    if _RECORDING.get() and name in self.__dict__:
        _JOURNAL.append((self, name, self.__dict__[name]))
    object.__setattr__(self, name, value)


def _recording_handlers(method: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    @functools.wraps(method)
    def change_handlers(self: logging.Logger, handler: Any) -> None:
        if _RECORDING.get():
            _JOURNAL.append((self.handlers, _HANDLERS, tuple(self.handlers)))
        method(self, handler)

    return change_handlers


def _install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    cls: Any = logging.Logger
    if "__setattr__" not in vars(cls):  # someone else's hook stays in place
        cls.__setattr__ = _recording_setattr
    cls.addHandler = _recording_handlers(cls.addHandler)
    cls.removeHandler = _recording_handlers(cls.removeHandler)


class Recording:
    """``start()`` before a run (in its context), ``stop()`` after it: undoes the run's
    changes to loggers."""

    __slots__ = ("mark", "token")

    def __init__(self) -> None:
        self.mark = 0
        self.token: contextvars.Token[bool] | None = None

    def start(self) -> None:
        if not _installed:
            _install()
        self.mark = len(_JOURNAL)
        self.token = _RECORDING.set(True)

    def stop(self) -> None:
        if self.token is not None:
            _RECORDING.reset(self.token)
            self.token = None
        if len(_JOURNAL) > self.mark:
            _undo_since(self.mark)


def _undo_since(mark: int) -> None:
    while len(_JOURNAL) > mark:
        target, name, before = _JOURNAL.pop()
        if name is _HANDLERS:
            target[:] = before
        else:
            target.__dict__[name] = before
    logging.root.manager._clear_cache()  # type: ignore[attr-defined]  # isEnabledFor caches


__all__ = ["Recording"]
