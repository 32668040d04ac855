"""Virtual time: one clock per AppTest.

Time is one number, ``now_ns``: integer nanoseconds since the Unix epoch, so that sums of
intervals are exact (``advance(a + b)`` and ``advance(a); advance(b)`` fire the same ticks).
Nothing here reads the real clock. ``now_ns`` never goes back; it moves only when the test
advances it (``at.clock.advance``) or the app sleeps (``time.sleep`` inside a run). Other parts
of the harness that need the time (``st.cache_data(ttl=...)``) read ``session.clock.now_ns``.

Every AppTest starts at :data:`DEFAULT_START` (2024-01-01 12:00:00 UTC) unless given
``start_time=``. While a script runs, the app's time functions read this clock (see
:mod:`apptest._time.freeze`).

The browser's ``run_every`` timers count on this clock: :mod:`apptest._browser.timers`.
"""

from __future__ import annotations

import datetime as _dt
import math
from contextlib import AbstractContextManager

from apptest._errors import AppTestError, hide_test_errors
from apptest._time.freeze import frozen
from apptest._time.timestring import TimeStringError, parse_time_string

#: Where every AppTest's clock starts unless told otherwise: a fixed, documented instant.
DEFAULT_START = _dt.datetime(2024, 1, 1, 12, 0, 0, tzinfo=_dt.timezone.utc)

NS = 1_000_000_000
MS = 1_000_000
_EPOCH_UTC = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)
#: The latest instant the clock may reach: Python's datetimes end with the year 9999.
LATEST_NS = (_dt.datetime(9999, 12, 31, tzinfo=_dt.timezone.utc) - _EPOCH_UTC).days * 86400 * NS
#: ``time.sleep`` refuses what does not fit in a C ``_PyTime_t`` (signed 64-bit nanoseconds).
_SLEEP_MAX_NS = 2**63 - 1


def check_instant(instant_ns: int, what: str) -> None:
    """Refuse to move a clock past :data:`LATEST_NS` (every later datetime would overflow)."""
    __tracebackhide__ = hide_test_errors
    if instant_ns > LATEST_NS:
        years = (instant_ns - LATEST_NS) / NS / 86400 / 365.25
        raise AppTestError(
            f"{what} would move the virtual clock about {years:.3g} years past 9999-12-31, the "
            "last date Python's datetime can show. Pass a duration that keeps the clock "
            "within that (minutes, days or years, not millennia)."
        )


def seconds_to_ns(seconds: float) -> int:
    return round(seconds * NS)


def to_ns(delta: float | int | str | _dt.timedelta) -> int:
    """Turn ``advance``'s argument into nanoseconds, or say what is accepted."""
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


class Clock:
    """The session's virtual clock: one number, ``now_ns``, that only moves forward.

    The browser's ``run_every`` timers count on it (``apptest._browser.timers``); while a
    script runs, the app's time functions read it (``apptest._time.freeze``).
    """

    def __init__(self, start_ns: int) -> None:
        self.now_ns = start_ns
        self._frozen: frozen | None = None
        self._last_datetime: tuple[int, _dt.datetime] | None = None

    def as_datetime(self, instant_ns: int) -> _dt.datetime:
        """An instant as an aware UTC datetime (microsecond resolution)."""
        last = self._last_datetime
        if last is not None and last[0] == instant_ns:
            return last[1]  # every run asks for its start: often the same instant again
        value = _EPOCH_UTC + _dt.timedelta(microseconds=instant_ns // 1000)
        self._last_datetime = (instant_ns, value)
        return value

    def as_ns(self, instant: _dt.datetime) -> int:
        """An aware datetime (or a naive one, read as UTC) as an instant in nanoseconds."""
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=_dt.timezone.utc)
        delta = instant - _EPOCH_UTC
        return (delta.days * 86400 + delta.seconds) * NS + delta.microseconds * 1000

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
        if math.isinf(seconds) or seconds * NS > _SLEEP_MAX_NS:
            raise OverflowError("timestamp too large to convert to C _PyTime_t")
        step = seconds_to_ns(seconds)
        if self.now_ns + step > LATEST_NS:
            raise OverflowError(
                f"time.sleep({seconds!r}) would move apptest's virtual clock past "
                "9999-12-31, the last date Python's datetime can show"
            )
        self.now_ns += step

    def frozen(self) -> AbstractContextManager[None]:
        """Make the app's time functions read this clock while a script runs."""
        spare = self._frozen
        if spare is None or spare.token is not None:  # first use, or nested in its own block
            spare = frozen(self)
            if self._frozen is None:
                self._frozen = spare
        return spare
