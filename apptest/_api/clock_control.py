"""``at.clock``: read and move an AppTest's virtual clock (section 11)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Generic, TypeVar

from apptest._browser.timers import PendingTimer
from apptest._errors import AppTestError
from apptest._time.clock import Clock, to_ns

Owner = TypeVar("Owner")

if TYPE_CHECKING:
    from apptest._browser.browser import Browser, Deliver


class ClockControl(Generic[Owner]):
    """``at.clock``: read and move the AppTest's virtual clock (section 11).

    The clock starts at ``start_time`` (default 2024-01-01 12:00:00 UTC) and moves only when
    a test advances it or the app calls ``time.sleep``. Example::

        at.clock.advance("2s")          # every timer due in the next 2 s fires, in order
        at.clock.now                    # aware datetime (UTC)
        at.clock.pending()              # armed run_every timers, soonest first
    """

    def __init__(
        self, owner: Owner, browser: Browser, deliver: Deliver, name_of: Callable[[str], str]
    ) -> None:
        self._owner = owner
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
        if a timer that would fire continuously (run_every under 1 ms) is armed.
        """
        __tracebackhide__ = True
        step = to_ns(delta)
        if step < 0:
            raise AppTestError(
                f"advance() moves time forward only; got {delta!r}. The virtual clock never "
                "goes back."
            )
        runs = self._browser.session.runs
        clock = self._clock
        base = clock.now_ns
        if self._last is not None and self._last[:2] == (len(runs), clock.now_ns):
            base = self._last[2]  # nothing happened since the last advance overshot its target
        target = base + step
        self._browser.advance(target, self._deliver, self._name_of)
        self._last = (len(runs), clock.now_ns, target)
        return self._owner


__all__ = ["ClockControl"]
