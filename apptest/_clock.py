"""Virtual time: one clock per AppTest, the browser's ``run_every`` timers, frozen app time.

Time is one number, ``now_ns``: integer nanoseconds since the Unix epoch, so that sums of
intervals are exact (``advance(a + b)`` and ``advance(a); advance(b)`` fire the same ticks). Nothing here reads the
real clock. While a script runs, the app's ``time.time()``, ``time.monotonic()``,
``datetime.now()``, ``date.today()`` … return ``now`` through freezegun's fakes, and
``time.sleep(s)`` returns at once after moving ``now`` forward by ``s``.

Freezing does not use ``freezegun.freeze_time().start()``, which scans every loaded module on
each start: the fakes are installed on the ``time`` and ``datetime`` modules only (a handful
of attribute swaps), so the cost of a run does not grow with ``sys.modules``. The catch: a
module that did ``from time import time`` *before* the run keeps the real function.
"""

from __future__ import annotations

import builtins
import datetime as _dt
import sys
import time as _time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

#: Where every AppTest's clock starts unless told otherwise: a fixed, documented instant.
DEFAULT_START = _dt.datetime(2024, 1, 1, 12, 0, 0, tzinfo=_dt.timezone.utc)


NS = 1_000_000_000


def seconds_to_ns(seconds: float) -> int:
    return round(seconds * NS)


@dataclass
class Timer:
    """One browser auto-rerun timer (T8: one per fragment id), in nanoseconds."""

    fragment_id: str
    interval: int
    due: int
    order: int


@dataclass(frozen=True)
class PendingTimer:
    """What ``at.clock.pending()`` reports for one armed timer."""

    fragment_id: str
    interval: float
    due: _dt.datetime


def to_seconds(delta: float | int | str | _dt.timedelta) -> float:
    """Turn ``advance``'s argument into seconds, or say what is accepted."""
    from apptest._errors import AppTestError
    from apptest._timestring import TimeStringError, parse_time_string

    if isinstance(delta, bool):
        raise AppTestError(f"advance() takes seconds, a time string or a timedelta; got {delta!r}.")
    if isinstance(delta, (int, float)):
        return float(delta)
    if isinstance(delta, _dt.timedelta):
        return delta.total_seconds()
    if isinstance(delta, str):
        try:
            return parse_time_string(delta)
        except TimeStringError:
            raise AppTestError(
                f"advance() could not read the time string {delta!r}; use forms such as "
                "'5s', '1.5 min', '2h', '00:00:05', or pass seconds or a timedelta."
            ) from None
    raise AppTestError(
        f"advance() takes seconds (int or float), a time string such as '5s', or a "
        f"datetime.timedelta; got {type(delta).__name__} {delta!r}."
    )


def to_epoch_ns(start: _dt.datetime | str | None) -> int:
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
        raise AppTestError(f"start_time must be a datetime or an ISO string, not {start!r}.")
    if start.tzinfo is None:
        start = start.replace(tzinfo=_dt.timezone.utc)
    delta = start - _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
    return (delta.days * 86400 + delta.seconds) * NS + delta.microseconds * 1000


class Clock:
    """The session's virtual clock and the browser's interval timers (section 11)."""

    def __init__(self, start_ns: int) -> None:
        self.now_ns = start_ns
        self._timers: dict[str, Timer] = {}
        self._order = 0

    # -- timers, as the browser keeps them ------------------------------------------------
    def arm(self, fragment_id: str, seconds: float) -> None:
        """T7/T8: an ``auto_rerun`` message; the same interval keeps the running phase."""
        interval = seconds_to_ns(seconds)
        existing = self._timers.get(fragment_id)
        if existing is not None and existing.interval == interval:
            return
        self._order += 1
        self._timers[fragment_id] = Timer(fragment_id, interval, self.now_ns + interval, self._order)

    def clear(self) -> None:
        """T9: a full run's ``new_session`` clears every timer."""
        self._timers.clear()

    def disarm(self, fragment_ids: set[str]) -> None:
        for fragment_id in fragment_ids:
            self._timers.pop(fragment_id, None)

    def next_due(self, until: int) -> Timer | None:
        """The earliest timer due at or before ``until`` (ties by arming order)."""
        best: Timer | None = None
        for timer in self._timers.values():
            if timer.due <= until and (
                best is None or (timer.due, timer.order) < (best.due, best.order)
            ):
                best = timer
        return best

    def collect_due(self) -> list[str]:
        """T12: ticks that came due while a run was in progress, merged, in due order."""
        due = sorted(
            (t for t in self._timers.values() if t.due <= self.now_ns),
            key=lambda t: (t.due, t.order),
        )
        for timer in due:
            self.reschedule_past(timer, self.now_ns)
        return [t.fragment_id for t in due]

    @staticmethod
    def reschedule_past(timer: Timer, instant: int) -> None:
        """Move ``timer`` to its first tick strictly after ``instant`` (setInterval phase)."""
        if timer.interval <= 0:
            timer.due = instant
            return
        missed = (instant - timer.due) // timer.interval + 1
        timer.due += max(missed, 1) * timer.interval

    def pending(self) -> list[PendingTimer]:
        return [
            PendingTimer(t.fragment_id, t.interval / NS, self.as_datetime(t.due))
            for t in sorted(self._timers.values(), key=lambda t: (t.due, t.order))
        ]

    def as_datetime(self, instant_ns: int) -> _dt.datetime:
        epoch = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
        return epoch + _dt.timedelta(microseconds=instant_ns // 1000)

    # -- the app's view of time ------------------------------------------------------------
    def sleep(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        self.now_ns += seconds_to_ns(seconds)

    @contextmanager
    def frozen(self) -> Iterator[None]:
        """Make the app's time functions read this clock while a script runs."""
        with _freeze(self):
            yield


# -- freezing ----------------------------------------------------------------------------------

@contextmanager
def _freeze(clock: Clock) -> Iterator[None]:
    from freezegun import api

    def factory() -> _dt.datetime:
        # freezegun wants a naive UTC datetime.
        return _dt.datetime(1970, 1, 1) + _dt.timedelta(microseconds=clock.now_ns // 1000)

    swaps: list[tuple[Any, str, Any]] = [
        (_time, "time", api.fake_time),
        (_time, "monotonic", api.fake_monotonic),
        (_time, "perf_counter", api.fake_perf_counter),
        (_time, "localtime", api.fake_localtime),
        (_time, "gmtime", api.fake_gmtime),
        (_time, "strftime", api.fake_strftime),
        (_time, "sleep", clock.sleep),
        (_dt, "datetime", api.FakeDatetime),
        (_dt, "date", api.FakeDate),
    ]
    for name in ("time_ns", "monotonic_ns", "perf_counter_ns"):
        fake = getattr(api, f"fake_{name}", None)
        if fake is not None:
            swaps.append((_time, name, fake))
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in swaps]
    api.freeze_factories.append(factory)  # type: ignore[arg-type]
    api.tz_offsets.append(_dt.timedelta(0))
    api.ignore_lists.append(())
    api.tick_flags.append(False)
    for obj, name, fake in swaps:
        setattr(obj, name, fake)
    real_import = builtins.__import__

    def guarded_import(name: str, *args: Any, **kwargs: Any) -> Any:
        # A C extension imported for the first time while datetime is faked can record the
        # fake classes ("datetime.date size changed"): import new modules with real time.
        if name.partition(".")[0] in sys.modules:
            return real_import(name, *args, **kwargs)
        for obj, attr, original in saved:
            setattr(obj, attr, original)
        try:
            return real_import(name, *args, **kwargs)
        finally:
            for obj, attr, fake in swaps:
                setattr(obj, attr, fake)

    builtins.__import__ = guarded_import
    try:
        yield
    finally:
        builtins.__import__ = real_import
        for obj, name, original in saved:
            setattr(obj, name, original)
        api.freeze_factories.pop()
        api.tz_offsets.pop()
        api.ignore_lists.pop()
        api.tick_flags.pop()
