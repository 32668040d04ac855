"""``at.clock``: read and move an AppTest's virtual clock (section 11)."""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

from apptest._browser.timers import PendingTimer
from apptest._errors import AppTestError
from apptest._time.clock import Clock, check_instant, to_ns

Owner = TypeVar("Owner")

if TYPE_CHECKING:
    from apptest._browser.browser import Browser, Deliver
    from apptest._server.requests import Request


class ClockControl(Generic[Owner]):
    """``at.clock``: read and move the AppTest's virtual clock (section 11).

    The clock starts at ``start_time`` (default 2024-01-01 12:00:00 UTC) and moves only when
    a test advances it or the app calls ``time.sleep``. Example::

        at.clock.advance("2s")          # every timer due in the next 2 s fires, in order
        at.clock.now                    # aware datetime (UTC)
        at.clock.pending()              # armed run_every timers, soonest first

    One ``advance`` fires at most :attr:`max_runs` timer runs (``advance("1d")`` on a 1 s
    ticker would be 86,400): more is an error before anything runs. Raise it for one AppTest
    (``at.clock.max_runs = 100_000``) or for all (``apptest.ClockControl.max_runs``).
    """

    #: The most timer runs one ``advance`` may fire.
    max_runs: int = 10_000

    def __init__(
        self,
        owner: Owner,
        browser: Browser,
        deliver: Deliver,
        name_of: Callable[[str], str],
        *,
        lock: threading.RLock | None = None,
    ) -> None:
        self._owner = owner
        self._lock = lock if lock is not None else threading.RLock()
        self._browser = browser
        self._deliver = deliver
        self._name_of = name_of
        #: (number of runs, clock, target) when the last advance() returned.
        self._last: tuple[int, int, int] | None = None

    @property
    def _clock(self) -> Clock:
        return self._browser.session.clock

    @property
    def now(self) -> _dt.datetime:
        """The virtual time, as an aware UTC datetime."""
        return self._clock.as_datetime(self._clock.now_ns)

    def pending(self) -> list[PendingTimer]:
        """The armed ``run_every`` timers with their next due instant, soonest first."""
        return [
            replace(timer, fragment=self._name_of(timer.fragment_id))
            for timer in self._browser.timers.pending()
        ]

    def advance(self, delta: float | int | str | _dt.timedelta) -> Owner:
        """Move time forward by ``delta`` (seconds, a time string such as ``"5s"``, or a
        timedelta), firing every timer tick due by then in time order (T7-T12).

        Each tick is one fragment run with trigger ``"timer"`` (ties: the timer armed first
        fires first), with the clock set to the tick's instant while it runs. Ticks that came
        due while a run was in progress (the app slept) fire right after it, merged into one
        run (T12), if that is still within ``delta``. Time a run sleeps past the end of one
        ``advance`` counts toward the next one, so ``advance(a + b)`` and ``advance(a)``
        followed by ``advance(b)`` fire the same runs. Returns the AppTest. Raises AppTestError
        if a timer that would fire continuously (run_every under 1 ms) is armed, if ``delta``
        would take the clock past the year 9999, or if it would fire more than
        :attr:`max_runs` timer runs.
        """
        __tracebackhide__ = True
        step = to_ns(delta)
        if step < 0:
            raise AppTestError(
                f"advance() moves time forward only; got {delta!r}. The virtual clock never "
                "goes back."
            )
        with self._lock:
            runs = self._browser.session.runs
            clock = self._clock
            base = clock.now_ns
            if self._last is not None and self._last[:2] == (len(runs), clock.now_ns):
                base = self._last[2]  # nothing happened since the last advance overshot
            target = base + step
            check_instant(target, f"advance({delta!r})")
            self._check_runs(delta, target)
            deliver = _counted(self._deliver, self.max_runs, delta)
            self._browser.advance(target, deliver, self._name_of)
            self._last = (len(runs), clock.now_ns, target)
        return self._owner

    def _check_runs(self, delta: object, target: int) -> None:
        """Refuse, before any run, an advance whose soonest timer alone would fire too often
        (the other timers are not looked at: a tick costs the same with 1 or 1,000 armed)."""
        __tracebackhide__ = True
        timers = self._browser.timers
        if timers.hot_timer() is not None:
            return  # the browser refuses with its own message, naming the fragment
        timer = timers.next_due(target)
        if timer is None or timer.interval <= 0:
            return
        expected = (target - timer.due) // timer.interval + 1
        if expected > self.max_runs:
            raise AppTestError(_too_many(delta, self.max_runs, f"at least {expected}"))


def _too_many(delta: object, limit: int, count: str) -> str:
    return (
        f"advance({delta!r}) would fire {count} timer runs, more than at.clock.max_runs "
        f"({limit}). Advance in smaller steps, or raise the limit (at.clock.max_runs = ..., "
        "or apptest.ClockControl.max_runs for every AppTest) if the test needs that many runs."
    )


def _counted(deliver: Deliver, limit: int, delta: object) -> Deliver:
    """``deliver`` that refuses the run after ``limit`` (timers armed during the advance)."""
    count = 0

    def counted(request: Request, timeout: float | None, until: int | None) -> None:
        __tracebackhide__ = True
        nonlocal count
        count += 1
        if count > limit:
            raise AppTestError(_too_many(delta, limit, "more than " + str(limit)))
        deliver(request, timeout, until)

    return counted


__all__ = ["ClockControl"]
