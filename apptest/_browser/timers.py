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
import heapq
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

    The timers that tick are kept in a heap by ``(due, order)``, so finding the next tick
    costs the log of the number of timers, not a look at each. A heap entry is stale (and
    skipped) once its timer is gone or has moved: a timer's ``due`` is only changed here.
    """

    def __init__(self, clock: Clock, *, one_timer_per_fragment: bool = True) -> None:
        self.clock = clock
        self.one_timer_per_fragment = one_timer_per_fragment
        self._timers: dict[object, Timer] = {}
        #: (due, order, key) of every ticking timer, and stale entries of moved or gone ones.
        self._heap: list[tuple[int, int, object]] = []
        #: The keys of each fragment's timers (T10 disarms by fragment).
        self._by_fragment: dict[str, dict[object, None]] = {}
        #: Keys of the hot timers (interval 0), in arming order.
        self._hot: dict[object, None] = {}
        self._order = 0

    def arm(self, fragment_id: str, seconds: float) -> None:
        """T7/T8: an ``auto_rerun`` message arrives; the countdown starts now."""
        key: object = fragment_id
        if self.one_timer_per_fragment:
            existing = self._timers.get(fragment_id)
            if existing is not None and existing.seconds == seconds:
                return
            self._remove(fragment_id)  # a replaced timer loses its arming order
        else:
            key = (fragment_id, self._order + 1)
        self._order += 1
        interval = browser_delay_ms(seconds) * MS
        timer = Timer(fragment_id, seconds, interval, self.clock.now_ns + interval, self._order)
        self._timers[key] = timer
        self._by_fragment.setdefault(fragment_id, {})[key] = None
        if interval > 0:
            heapq.heappush(self._heap, (timer.due, timer.order, key))
        else:
            self._hot[key] = None

    def _remove(self, key: object) -> None:
        timer = self._timers.pop(key, None)
        if timer is not None:
            self._by_fragment.get(timer.fragment_id, {}).pop(key, None)
            self._hot.pop(key, None)  # a heap entry goes stale and is skipped

    def clear(self) -> None:
        """T9: a full run's ``new_session`` clears every timer."""
        self._timers.clear()
        self._heap.clear()
        self._by_fragment.clear()
        self._hot.clear()

    def disarm(self, fragment_ids: set[str]) -> None:
        """T10: ``stop_auto_rerun`` for evicted fragments."""
        for fragment_id in fragment_ids:
            for key in list(self._by_fragment.pop(fragment_id, ())):
                self._remove(key)

    def _top(self) -> Timer | None:
        """The ticking timer due first (ties by arming order); stale entries are dropped."""
        heap = self._heap
        while heap:
            due, order, key = heap[0]
            timer = self._timers.get(key)
            if timer is not None and timer.order == order and timer.due == due:
                return timer
            heapq.heappop(heap)
        return None

    def _move(self, timer: Timer, due: int) -> None:
        """``timer``'s next tick is at ``due``; its current heap entry goes stale."""
        timer.due = due
        key: object = (timer.fragment_id, timer.order)
        if self.one_timer_per_fragment:
            key = timer.fragment_id
        heapq.heappush(self._heap, (due, timer.order, key))

    def next_due(self, until: int) -> Timer | None:
        """The earliest non-hot timer due at or before ``until`` (ties by arming order)."""
        timer = self._top()
        return timer if timer is not None and timer.due <= until else None

    def fire(self, timer: Timer) -> None:
        """``timer`` ticked at its due instant: its next tick is one interval later."""
        self._move(timer, timer.due + timer.interval)

    def hot_timer(self) -> Timer | None:
        """The first armed timer that would fire continuously, if any."""
        key = next(iter(self._hot), None)
        return self._timers[key] if key is not None else None

    def has_overdue(self) -> bool:
        """Whether a tick came due while a run was in progress: due strictly before now (a
        tick due exactly now is on time and fires on its own)."""
        if not self._heap:
            return False  # no timer: every run asks, so no call below
        timer = self._top()
        return timer is not None and timer.due < self.clock.now_ns

    def collect_overdue(self) -> list[str]:
        """T12: the overdue ticks become one pending fragment run: each timer moves past
        ``now`` and its fragment is listed once, in order of the first overdue tick."""
        if not self._heap:
            return []
        now = self.clock.now_ns
        due: list[Timer] = []
        timer = self._top()
        while timer is not None and timer.due < now:
            heapq.heappop(self._heap)
            due.append(timer)
            timer = self._top()
        for timer in due:
            self._move(timer, _past(timer, now))
        return list(dict.fromkeys(t.fragment_id for t in due))

    def pending(self) -> list[PendingTimer]:
        """Armed timers, soonest first (hot timers show the instant they were armed)."""
        return [
            PendingTimer(t.fragment_id, t.seconds, self.clock.as_datetime(t.due))
            for t in sorted(self._timers.values(), key=lambda t: (t.due, t.order))
        ]


def _past(timer: Timer, instant: int) -> int:
    """The first tick of ``timer`` strictly after ``instant`` (or its due, if later)."""
    if timer.due <= instant:
        return timer.due + ((instant - timer.due) // timer.interval + 1) * timer.interval
    return timer.due


__all__ = ["PendingTimer", "Timer", "Timers", "browser_delay_ms", "hot_timer_error"]
