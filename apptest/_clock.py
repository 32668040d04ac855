"""Virtual time: one clock per AppTest, the browser's ``run_every`` timers, frozen app time.

Time is one number, ``now_ns``: integer nanoseconds since the Unix epoch, so that sums of
intervals are exact (``advance(a + b)`` and ``advance(a); advance(b)`` fire the same ticks).
Nothing here reads the real clock. ``now_ns`` never goes back; it moves only when the test
advances it (``at.clock.advance``) or the app sleeps (``time.sleep`` inside a run). Other parts
of the harness that need the time (``st.cache_data(ttl=...)``) read ``session.clock.now_ns``.

Every AppTest starts at :data:`DEFAULT_START` (2024-01-01 12:00:00 UTC) unless given
``start_time=``. While a script runs, the app's time functions read this clock (see
:mod:`apptest._freeze`).

Timers are the browser's (section 11.2): ``setInterval(tick, run_every * 1000)``. The delay is
a whole number of milliseconds (a WebIDL ``long``: fractions truncated, values past
2,147,483,647 ms wrap around); a delay of 0 ms or less fires continuously (a "hot" timer),
which the harness refuses to simulate: advancing the clock past one raises AppTestError.
"""

from __future__ import annotations

import datetime as _dt
import math
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apptest._errors import AppTestError

#: Where every AppTest's clock starts unless told otherwise: a fixed, documented instant.
DEFAULT_START = _dt.datetime(2024, 1, 1, 12, 0, 0, tzinfo=_dt.timezone.utc)

NS = 1_000_000_000
MS = 1_000_000
_EPOCH_UTC = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
_INT32 = 2**32


def seconds_to_ns(seconds: float) -> int:
    return round(seconds * NS)


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


def to_ns(delta: float | int | str | _dt.timedelta) -> int:
    """Turn ``advance``'s argument into nanoseconds, or say what is accepted."""
    from apptest._errors import AppTestError, hide_test_errors
    from apptest._timestring import TimeStringError, parse_time_string

    __tracebackhide__ = hide_test_errors
    if isinstance(delta, bool):
        raise AppTestError(f"advance() takes seconds, a time string or a timedelta; got {delta!r}.")
    if isinstance(delta, (int, float)):
        if not math.isfinite(delta):
            raise AppTestError(f"advance() needs a finite number of seconds; got {delta!r}.")
        return seconds_to_ns(delta)
    if isinstance(delta, _dt.timedelta):
        return (delta.days * 86400 + delta.seconds) * NS + delta.microseconds * 1000
    if isinstance(delta, str):
        try:
            return seconds_to_ns(parse_time_string(delta))
        except TimeStringError:
            raise AppTestError(
                f"advance() could not read the time string {delta!r}; use forms such as "
                "'5s', '1.5 min', '2h', '00:00:05', or pass seconds or a timedelta."
            ) from None
    raise AppTestError(
        f"advance() takes seconds (int or float), a time string such as '5s', or a "
        f"datetime.timedelta; got {type(delta).__name__} {delta!r}."
    )


def to_seconds(delta: float | int | str | _dt.timedelta) -> float:
    """Like :func:`to_ns`, in seconds."""
    return to_ns(delta) / NS


def to_epoch_ns(start: _dt.datetime | str | None) -> int:
    """``start_time=``: an aware datetime, a naive one (read as UTC) or an ISO 8601 string."""
    from apptest._errors import AppTestError

    if start is None:
        start = DEFAULT_START
    if isinstance(start, str):
        try:
            start = _dt.datetime.fromisoformat(start)
        except ValueError:
            raise AppTestError(
                f"start_time={start!r} is not an ISO 8601 date-time; use e.g. "
                "'2024-01-01T12:00:00+00:00' or a datetime object."
            ) from None
    if not isinstance(start, _dt.datetime):
        raise AppTestError(
            f"start_time must be a datetime or an ISO 8601 string, not "
            f"{type(start).__name__} {start!r}."
        )
    if start.tzinfo is None:
        start = start.replace(tzinfo=_dt.timezone.utc)
    delta = start - _EPOCH_UTC
    return (delta.days * 86400 + delta.seconds) * NS + delta.microseconds * 1000


def hot_timer_error(timer: Timer, name: str) -> AppTestError:
    """The error for advancing past a timer that would fire continuously (T4)."""
    from apptest._errors import AppTestError

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


class Clock:
    """The session's virtual clock and the browser's interval timers (section 11.2).

    ``one_timer_per_fragment`` (T8, Streamlit 1.60+) keeps one timer per fragment id: a new
    message with the same interval keeps the running timer and its phase, another interval
    replaces it. Without it (1.39 browsers) every message adds one more timer.
    """

    def __init__(self, start_ns: int, *, one_timer_per_fragment: bool = True) -> None:
        self.now_ns = start_ns
        self.one_timer_per_fragment = one_timer_per_fragment
        self._timers: dict[object, Timer] = {}
        self._order = 0

    # -- timers, as the browser keeps them ------------------------------------------------
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
            fragment_id, seconds, interval, self.now_ns + interval, self._order
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
        found = [t for t in self._timers.values() if t.interval > 0 and t.due < self.now_ns]
        return sorted(found, key=lambda t: (t.due, t.order))

    def collect_overdue(self) -> list[str]:
        """T12: the overdue ticks become one pending fragment run: each timer moves past
        ``now`` and its fragment is listed once, in order of the first overdue tick."""
        due = self.overdue()
        for timer in due:
            self.skip_past(timer, self.now_ns)
        return list(dict.fromkeys(t.fragment_id for t in due))

    @staticmethod
    def skip_past(timer: Timer, instant: int) -> None:
        """Move ``timer`` to its first tick strictly after ``instant`` (setInterval phase)."""
        if timer.due <= instant:
            timer.due += ((instant - timer.due) // timer.interval + 1) * timer.interval

    def pending(self) -> list[PendingTimer]:
        """Armed timers, soonest first (hot timers show the instant they were armed)."""
        return [
            PendingTimer(t.fragment_id, t.seconds, self.as_datetime(t.due))
            for t in sorted(self._timers.values(), key=lambda t: (t.due, t.order))
        ]

    def as_datetime(self, instant_ns: int) -> _dt.datetime:
        """An instant as an aware UTC datetime (microsecond resolution)."""
        return _EPOCH_UTC + _dt.timedelta(microseconds=instant_ns // 1000)

    # -- the app's view of time ------------------------------------------------------------
    def sleep(self, seconds: float) -> None:
        """``time.sleep`` inside a run: returns at once, ``now`` moves on by ``seconds``."""
        if not isinstance(seconds, (int, float)):
            if not hasattr(type(seconds), "__float__"):
                raise TypeError(
                    f"'{type(seconds).__name__}' object cannot be interpreted as an integer"
                )
            seconds = float(seconds)
        if math.isnan(seconds):
            raise ValueError("Invalid value NaN (not a number)")
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        if math.isinf(seconds):
            raise OverflowError("timestamp too large to convert to C _PyTime_t")
        self.now_ns += seconds_to_ns(seconds)

    def frozen(self) -> AbstractContextManager[None]:
        """Make the app's time functions read this clock while a script runs."""
        from apptest._freeze import frozen

        return frozen(self)
