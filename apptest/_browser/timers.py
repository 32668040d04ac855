"""The browser's ``run_every`` timers (section 11.2): ``setInterval(tick, run_every * 1000)``.

The server sends ``auto_rerun`` with a fragment's ``run_every`` (T7); the browser arms an
interval timer that counts on the session's virtual clock. The delay is a whole number of
milliseconds (a WebIDL ``long``: fractions truncated, values past 2,147,483,647 ms wrap
around); a delay of 0 ms or less fires continuously (a "hot" timer), which the harness refuses
to simulate: advancing the clock past one raises AppTestError. A full run clears every timer
(T9).
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass

from apptest._errors import AppTestError
from apptest._time.clock import MS, Clock

_INT32 = 2**32


def browser_delay_ms(seconds: float) -> int:
    """T4: the delay ``setInterval(f, seconds * 1000)`` really uses (WebIDL ``long``, then
    negative delays count as 0)."""
    ms = seconds * 1000
    if not math.isfinite(ms):
        return 0
    wrapped = math.trunc(ms) % _INT32
    if wrapped >= _INT32 // 2:
        wrapped -= _INT32
    return max(wrapped, 0)


@dataclass
class Timer:
    """One browser auto-rerun timer (T8), in nanoseconds.

    ``seconds`` is the ``run_every`` value the server sent; ``interval`` the browser's delay.
    A hot timer (``interval == 0``) keeps ``due`` at the instant it was armed.
    """

    fragment_id: str
    seconds: float
    interval: int
    due: int
    order: int


@dataclass(frozen=True)
class PendingTimer:
    """What ``at.clock.pending()`` reports for one armed timer.

    ``interval`` is the ``run_every`` value in seconds; ``due`` the next tick (a past instant
    means the tick is overdue: it came due while a run was in progress and fires at the
    start of the next ``advance``). ``fragment`` is the fragment's function name.
    """

    fragment_id: str
    interval: float
    due: _dt.datetime
    fragment: str = ""


def hot_timer_error(timer: Timer, name: str) -> AppTestError:
    """The error for advancing past a timer that would fire continuously (T4)."""

    ms = timer.seconds * 1000
    if math.isfinite(ms) and ms >= _INT32 // 2:
        why = (
            f"{ms:.0f} ms is more than setInterval's limit of 2,147,483,647 ms (about 24.8 "
            "days), so browsers wrap it around to a delay of 0 ms and fire continuously"
        )
    else:
        why = "the browser's setInterval gets a delay of 0 ms and fires continuously"
    return AppTestError(
        f"Fragment {name!r} has run_every={timer.seconds:g} s: {why}; advancing the clock "
        "would never end. Give it an interval of at least 0.001 s (1 ms), or do not advance "
        "the clock while it is armed."
    )


class Timers:
    """The interval timers of one browser tab, counting on ``clock``.

    ``one_timer_per_fragment`` (T8, Streamlit 1.60+) keeps one timer per fragment id: a new
    message with the same interval keeps the running timer and its phase, another interval
    replaces it. Without it (1.39 and 1.58 browsers, the seed) every message adds one more
    timer, so a nested child re-announced by its parent's rerun ticks twice per period.
    """

    def __init__(self, clock: Clock, *, one_timer_per_fragment: bool = True) -> None:
        self.clock = clock
        self.one_timer_per_fragment = one_timer_per_fragment
        self._timers: dict[object, Timer] = {}
        self._order = 0

    def arm(self, fragment_id: str, seconds: float) -> None:
        """T7/T8: an ``auto_rerun`` message arrives; the countdown starts now."""
        key: object = fragment_id
        if self.one_timer_per_fragment:
            existing = self._timers.get(fragment_id)
            if existing is not None and existing.seconds == seconds:
                return
            self._timers.pop(fragment_id, None)  # a replaced timer loses its arming order
        else:
            key = (fragment_id, self._order + 1)
        self._order += 1
        interval = browser_delay_ms(seconds) * MS
        self._timers[key] = Timer(
            fragment_id, seconds, interval, self.clock.now_ns + interval, self._order
        )

    def clear(self) -> None:
        """T9: a full run's ``new_session`` clears every timer."""
        self._timers.clear()

    def disarm(self, fragment_ids: set[str]) -> None:
        """T10: ``stop_auto_rerun`` for evicted fragments."""
        self._timers = {k: t for k, t in self._timers.items() if t.fragment_id not in fragment_ids}

    def next_due(self, until: int) -> Timer | None:
        """The earliest non-hot timer due at or before ``until`` (ties by arming order)."""
        best: Timer | None = None
        for timer in self._timers.values():
            if (
                timer.interval > 0
                and timer.due <= until
                and (best is None or (timer.due, timer.order) < (best.due, best.order))
            ):
                best = timer
        return best

    def hot_timer(self) -> Timer | None:
        """The first armed timer that would fire continuously, if any."""
        return next((t for t in self._timers.values() if t.interval <= 0), None)

    def overdue(self) -> list[Timer]:
        """Timers whose tick came due while a run was in progress: due strictly before now
        (a tick due exactly now is on time and fires on its own)."""
        found = [t for t in self._timers.values() if t.interval > 0 and t.due < self.clock.now_ns]
        return sorted(found, key=lambda t: (t.due, t.order))

    def collect_overdue(self) -> list[str]:
        """T12: the overdue ticks become one pending fragment run: each timer moves past
        ``now`` and its fragment is listed once, in order of the first overdue tick."""
        due = self.overdue()
        for timer in due:
            self.skip_past(timer, self.clock.now_ns)
        return list(dict.fromkeys(t.fragment_id for t in due))

    @staticmethod
    def skip_past(timer: Timer, instant: int) -> None:
        """Move ``timer`` to its first tick strictly after ``instant`` (setInterval phase)."""
        if timer.due <= instant:
            timer.due += ((instant - timer.due) // timer.interval + 1) * timer.interval

    def pending(self) -> list[PendingTimer]:
        """Armed timers, soonest first (hot timers show the instant they were armed)."""
        return [
            PendingTimer(t.fragment_id, t.seconds, self.clock.as_datetime(t.due))
            for t in sorted(self._timers.values(), key=lambda t: (t.due, t.order))
        ]


__all__ = ["PendingTimer", "Timer", "Timers", "browser_delay_ms", "hot_timer_error"]
