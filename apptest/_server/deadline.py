"""The run timeout: interrupt a script that runs longer than the AppTest's timeout.

A real-time interval timer (``SIGALRM``, main thread only) raises :class:`ScriptInterrupt`
into the script. Three details make it safe:

- it raises only while *app* code runs (the interrupted frame is not apptest's own), so a run
  is never cut in the middle of updating the element tree or Session State; a tick that lands
  in apptest code waits for the next one;
- it keeps ticking, so an app that swallows the first interrupt (a bare ``except:``) gets
  another one;
- a timer someone else armed before the run (``pytest-timeout``'s signal method) is armed
  again afterwards, minus the time the run took.
"""

from __future__ import annotations

import os
import signal
import threading
import time
import types
from typing import Any

from apptest._errors import ScriptInterrupt

#: The real clock, taken before any run freezes ``time`` (only to re-arm an outer timer).
_monotonic = time.monotonic

_OWN_DIR = os.path.dirname(os.path.abspath(__file__)) + os.sep

#: How often the interrupt is raised again once the deadline passed (real seconds).
RETRY_INTERVAL = 0.05

#: ``signal.signal`` without its enum conversions (for a Python handler, converting the result
#: raises and catches a ValueError inside ``enum``: several µs). Every run installs and
#: restores the handler, so the C function behind ``signal.signal`` is called when there is one.
_set_handler: Any = getattr(signal, "_signal", signal).signal


class Deadline:
    """``with Deadline(seconds):`` interrupts the body after ``seconds`` of real time."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._armed = False
        self._previous_handler: Any = None
        self._previous_timer: tuple[float, float] = (0.0, 0.0)
        self._started = 0.0

    def _usable(self) -> bool:
        return (
            self.seconds > 0
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )

    def _interrupt(self, signum: int, frame: types.FrameType | None) -> None:
        if not self._armed or frame is None or frame.f_code.co_filename.startswith(_OWN_DIR):
            return  # apptest's own code: the next tick raises into the app
        raise ScriptInterrupt()

    def __enter__(self) -> Deadline:
        if self._usable():
            self._previous_handler = _set_handler(signal.SIGALRM, self._interrupt)
            self._armed = True
            self._started = _monotonic()
            self._previous_timer = signal.setitimer(
                signal.ITIMER_REAL, self.seconds, RETRY_INTERVAL
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._armed:
            return
        self._armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        _set_handler(signal.SIGALRM, self._previous_handler)
        delay, interval = self._previous_timer
        if delay > 0:
            elapsed = _monotonic() - self._started
            signal.setitimer(signal.ITIMER_REAL, max(delay - elapsed, 1e-6), interval)
