"""The run timeout: interrupt a script that runs longer than the AppTest's timeout.

How the interrupt reaches the script depends on the thread ``run()`` was called in:

- on the main thread (where ``SIGALRM`` exists) a real-time interval timer raises
  :class:`ScriptInterrupt` from its signal handler; a signal also ends a blocking system call
  (a socket read, a real wait) the app is stuck in;
- in any other thread (and where there is no ``SIGALRM``) one shared watchdog thread raises it
  in the run's thread, through ``PyThreadState_SetAsyncExc`` (CPython). It cannot end a
  blocking system call: the interrupt lands when that call returns.

Once the deadline passed, a trace function is installed in the run's thread (only then: no
cost while no timeout happens) and raises again at every line of app code (each turn of a
loop on one line included). An app that swallows the interrupt (``try: ... except
BaseException: pass`` in a loop) gets the next one on the handler's own line, where nothing
catches it, so the run does end. Only line events raise (as a debugger's "quit" does): raising
at single bytecodes can land between an exception handler's entry and its setup and corrupt
the thread's exception state. Tracing stops at the first error of a trace function; the
interrupt, when swallowed and freed, turns it back on.

Details that keep this safe:

- the interrupt is raised only while *app* code runs (the interrupted frame is not apptest's
  own), so a run is never cut in the middle of updating the element tree or Session State; a
  tick that lands in apptest code waits for the next one (off the main thread the watchdog
  looks at the thread's current frame, then raises: should the thread step into apptest code
  in between, the interrupt lands there; the run still ends as a timeout);
- nothing is raised or traced once the run's frame has left the stack, even if the run ended
  in a way that skipped the clean-up;
- a timer someone else armed before the run (``pytest-timeout``'s signal method) is armed
  again afterwards, minus the time the run took; a trace function already installed (coverage,
  a debugger) is put back.

A timeout of ``None``, ``0``, ``inf`` or anything longer than :data:`LONGEST` means no timeout
(see :func:`check_timeout`).
"""

from __future__ import annotations

import heapq
import itertools
import math
import os
import signal
import sys
import threading
import time
import types
from typing import Any

from apptest._errors import AppTestError, ScriptInterrupt, hide_test_errors

#: The real clock, taken before any run freezes ``time`` (only to re-arm an outer timer).
_monotonic = time.monotonic

#: apptest's own code: the interrupt is never raised there.
_OWN_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep

#: How often the interrupt is raised again once the deadline passed (real seconds).
RETRY_INTERVAL = 0.05

#: How soon the watchdog tries again when the run's thread was in apptest's own code.
_SOON = 0.005

#: Timeouts longer than this (real seconds, about 115 days) mean no timeout at all.
LONGEST = 1e7

#: ``signal.signal`` without its enum conversions (for a Python handler, converting the result
#: raises and catches a ValueError inside ``enum``: several µs). Every run installs and
#: restores the handler, so the C function behind ``signal.signal`` is called when there is one.
_set_handler: Any = getattr(signal, "_signal", signal).signal
_HAS_ITIMER = hasattr(signal, "setitimer")
#: The main thread's ident (a forked child's main thread is the one that forked).
_MAIN_THREAD = [threading.main_thread().ident]
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=lambda: _MAIN_THREAD.__setitem__(0, threading.get_ident()))

TraceFunction = Any  # sys.settrace's argument; typeshed's alias is private


def check_timeout(value: object, name: str) -> float:
    """``value`` as a timeout in seconds (``math.inf`` for none), or an AppTestError.

    ``None``, ``0``, ``math.inf`` and anything longer than :data:`LONGEST` mean no timeout.
    """
    __tracebackhide__ = hide_test_errors
    if value is None:
        return math.inf
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AppTestError(
            f"{name} must be a number of seconds (real time), or None for no timeout; got "
            f"{type(value).__name__} {value!r}."
        )
    seconds = float(value)
    if math.isnan(seconds) or seconds < 0:
        raise AppTestError(
            f"{name}={value!r} is not a usable timeout; pass a positive number of seconds "
            "(real time), or None (or math.inf) for no timeout."
        )
    return math.inf if seconds == 0 or seconds > LONGEST else seconds


def _is_app(frame: types.FrameType) -> bool:
    return not frame.f_code.co_filename.startswith(_OWN_DIR)


def _on_stack(base: types.FrameType | None, frame: types.FrameType | None) -> bool:
    while frame is not None:
        if frame is base:
            return True
        frame = frame.f_back
    return False


#: The deadline of the run each thread is in (nested runs: the innermost).
_current = threading.local()


class _Interrupt(ScriptInterrupt):
    """The interrupt a deadline raises. Made (async path) or freed (an app swallowed it) in the
    run's thread, it turns the trace function on again there."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        _retrace()

    def __del__(self) -> None:
        _retrace()


def _retrace() -> None:
    deadline: Deadline | None = getattr(_current, "deadline", None)
    if deadline is not None and deadline.expired:
        deadline.trace_app_frames(sys._getframe(1))


class Deadline:
    """``with Deadline(seconds):`` interrupts the body after ``seconds`` of real time.

    ``seconds`` comes from :func:`check_timeout`; ``math.inf`` (or 0) arms nothing.
    """

    # Defaults as class attributes: a deadline is made for every run, and most of these are
    # only ever set when the deadline fires.
    #: The deadline passed and the body still runs: the interrupt keeps coming.
    expired = False
    _mode = ""  # how the interrupt is delivered: "alarm", "watchdog", or "" (off)
    _previous_handler: Any = None
    _previous_timer: tuple[float, float] = (0.0, 0.0)
    _started = 0.0
    _base: types.FrameType | None = None  # the frame that entered the deadline
    _ident = 0
    _outer: Deadline | None = None
    _tracing = False
    _previous_trace: TraceFunction = None

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self) -> Deadline:
        if not 0 < self.seconds <= LONGEST:
            return self
        ident = threading.get_ident()
        if _HAS_ITIMER and ident == _MAIN_THREAD[0]:
            self._mode = "alarm"
        elif _WATCHDOG.usable():
            self._mode = "watchdog"
        else:
            return self  # neither signals nor CPython's async exceptions: no timeout
        self._base = sys._getframe(1)
        self._ident = ident
        self._outer = getattr(_current, "deadline", None)
        _current.deadline = self
        if self._mode == "alarm":
            self._previous_handler = _set_handler(signal.SIGALRM, self._on_alarm)
            self._previous_timer = signal.setitimer(
                signal.ITIMER_REAL, self.seconds, RETRY_INTERVAL
            )
            if self._previous_timer[0] > 0:
                self._started = _monotonic()  # someone's timer: re-armed after, minus the run
        else:
            _WATCHDOG.add(self, self.seconds)
        return self

    def __exit__(self, *exc: object) -> None:
        mode, self._mode = self._mode, ""
        if not mode:
            return
        try:
            if mode == "alarm":
                signal.setitimer(signal.ITIMER_REAL, 0)
                _set_handler(signal.SIGALRM, self._previous_handler)
                if self._previous_timer[0] > 0:
                    self._rearm_previous_timer()
            else:
                _WATCHDOG.settle()
        finally:
            self.expired = False
            _current.deadline = self._outer
            if self._tracing:
                self._untrace()
            self._base = self._outer = None

    def _rearm_previous_timer(self) -> None:
        """A timer someone armed before the run goes on, minus the time the run took."""
        delay, interval = self._previous_timer
        elapsed = _monotonic() - self._started
        signal.setitimer(signal.ITIMER_REAL, max(delay - elapsed, 1e-6), interval)

    # -- delivering the interrupt ----------------------------------------------------------------
    def _on_alarm(self, signum: int, frame: types.FrameType | None) -> None:
        if self._mode != "alarm" or frame is None:
            return
        self.expired = True
        self.trace_app_frames(frame)
        if _is_app(frame):
            raise _Interrupt()
        # apptest's own code: the trace function raises at the app's next line

    def kick(self) -> float | None:
        """The watchdog's turn (its thread, under its lock): interrupt the run's thread if it
        runs app code. Returns when to try again, or None once the body is over."""
        if self._mode != "watchdog":
            return None
        frame = sys._current_frames().get(self._ident)
        if not _on_stack(self._base, frame):
            return None  # the body is over, whatever skipped the clean-up
        self.expired = True
        assert frame is not None
        if not _is_app(frame):
            return _SOON
        _WATCHDOG.raise_in(self._ident)
        return RETRY_INTERVAL

    # -- the trace function ----------------------------------------------------------------------
    def trace_app_frames(self, frame: types.FrameType | None) -> None:
        """Trace the app's frames from ``frame`` down to the deadline's: every line
        raises the interrupt. Only in the run's thread, while the deadline is expired."""
        if not self.expired or threading.get_ident() != self._ident:
            return
        if not _on_stack(self._base, frame):
            return
        if not self._tracing:
            self._previous_trace = sys.gettrace()
            self._tracing = True
        sys.settrace(self._trace)
        while frame is not None and frame is not self._base:
            if _is_app(frame):
                frame.f_trace = self._trace
            frame = frame.f_back

    def _trace(self, frame: types.FrameType, event: str, arg: object) -> TraceFunction:
        if not self.expired or not _on_stack(self._base, frame):
            self._untrace()
            return None
        if not _is_app(frame):
            return None
        if event == "exception":
            # An exception on its way (the interrupt itself, often): raising here would
            # replace it and turn tracing off; the handler that catches it is traced.
            return self._trace
        raise _Interrupt()

    def _untrace(self) -> None:
        if self._tracing and threading.get_ident() == self._ident:
            self._tracing = False
            sys.settrace(self._previous_trace)
            self._previous_trace = None


class _Watchdog:
    """One daemon thread that interrupts the runs whose deadline passed outside the main thread.

    Adding a deadline is a heap push under a lock; the thread wakes only when the earliest one
    is due. Entries of runs that ended are dropped when they come up.
    """

    def __init__(self) -> None:
        self._reset()
        self._set_async_exc: Any = None
        os.register_at_fork(after_in_child=self._reset)

    def _reset(self) -> None:
        self.cond = threading.Condition(threading.Lock())
        self._queue: list[tuple[float, int, Deadline]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def usable(self) -> bool:
        if self._set_async_exc is None:
            try:
                import ctypes  # here: ctypes loads only for runs off the main thread

                function = ctypes.pythonapi.PyThreadState_SetAsyncExc
            except (ImportError, AttributeError):
                self._set_async_exc = False  # not CPython
                return False
            function.argtypes = (ctypes.c_ulong, ctypes.c_void_p)
            function.restype = ctypes.c_int
            self._set_async_exc = function
        return self._set_async_exc is not False

    def add(self, deadline: Deadline, delay: float) -> None:
        with self.cond:
            entry = (_monotonic() + delay, next(self._order), deadline)
            heapq.heappush(self._queue, entry)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._loop, name="apptest-timeout", daemon=True
                )
                self._thread.start()
            elif self._queue[0] is entry:
                self.cond.notify()

    def raise_in(self, ident: int) -> None:
        """Raise the interrupt in thread ``ident`` at its next check (the caller holds the lock)."""
        self._set_async_exc(ident, id(_Interrupt))

    def settle(self) -> None:
        """A body is over: wait for a kick under way (it lands before the lock is taken).

        A kick is sent only while the run's thread is in app code, and that thread checks for
        it before it runs anything else, so nothing is left pending afterwards. (Clearing it
        with ``PyThreadState_SetAsyncExc(ident, NULL)`` is not an option: on CPython 3.11
        that leaves every thread's eval breaker set for good.)
        """
        with self.cond:
            pass

    def _loop(self) -> None:
        with self.cond:
            while True:
                if not self._queue:
                    self.cond.wait()
                    continue
                due, _, deadline = self._queue[0]
                wait = due - _monotonic()
                if deadline._mode == "watchdog" and wait > 0:
                    self.cond.wait(wait)
                    continue
                heapq.heappop(self._queue)
                again = deadline.kick()
                if again is not None:
                    heapq.heappush(self._queue, (_monotonic() + again, next(self._order), deadline))


_WATCHDOG = _Watchdog()
