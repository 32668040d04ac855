"""Dates and times: ``st.date_input`` and ``st.time_input`` argument handling and staging.

A date input holds a ``date``, a tuple of 0-2 dates (range mode) or None; a time input holds
a ``time`` (whole minutes when a browser sends it) or None. ``"today"`` and ``"now"`` read the
AppTest's virtual clock (freezegun's fakes during a run).
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from apptest._errors import InvalidValueError, hide_test_errors
from apptest._st_errors import StreamlitAPIException

# pytest leaves this module's frames out of the traceback of an AppTestError (a value a widget
# verb refused): the test's line and the message say it all.
__tracebackhide__ = hide_test_errors

_ALLOWED_DATE_FORMATS = re.compile(
    r"^(YYYY[/.\-]MM[/.\-]DD|DD[/.\-]MM[/.\-]YYYY|MM[/.\-]DD[/.\-]YYYY)$"
)


# -- date_input ----------------------------------------------------------------------------------
def adjust_years(value: date, years: int) -> date:
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, month=2, day=28)


def _today() -> date:
    return _dt.date.today()  # the virtual clock's date during a run


def to_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value == "today":
        return _today()
    if isinstance(value, str):
        for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
            try:
                return parse(value)
            except ValueError:
                pass
    raise StreamlitAPIException(
        'Date value should either be an date/datetime or an ISO string or "today"'
    )


@dataclass(frozen=True)
class DateSpec:
    """What ``st.date_input``'s arguments resolve to."""

    value: tuple[date, ...] | None
    is_range: bool
    min: date
    max: date
    explicit_bounds: bool

    @property
    def default(self) -> Any:
        if not self.value:
            return () if self.is_range else None
        return tuple(self.value) if self.is_range else self.value[0]

    @property
    def clearable(self) -> bool:
        return not self.value

    def sanitize(self, value: Any, _set_by_user: bool) -> Any:
        """With explicit bounds, a value out of range (or of the wrong shape) is reset."""
        if value is None or not self.explicit_bounds:
            return value
        if self.is_range and isinstance(value, tuple) and value:
            ok = self.min <= to_date(value[0]) and to_date(value[-1]) <= self.max
        elif not self.is_range and isinstance(value, date):
            ok = self.min <= to_date(value) <= self.max
        else:
            ok = False
        return value if ok else self.default


def date_spec(value: Any, min_value: Any, max_value: Any, *, state: tuple[bool, Any]) -> DateSpec:
    """Streamlit's ``_DateInputValues`` (seed era, 1.58), ``value="today"`` on the virtual clock."""
    explicit = min_value is not None or max_value is not None
    if value == "today" and state[0]:
        value = state[1]
    parsed: list[date] | None
    if value is None:
        parsed, is_range = None, False
    else:
        if isinstance(value, Sequence) and not isinstance(value, str):
            is_range, items = True, list(value)
        else:
            is_range, items = False, [value]
        if len(items) not in (0, 1, 2):
            raise StreamlitAPIException(
                "DateInput value should either be an date/datetime or a list/tuple of 0 - 2 "
                "date/datetime values"
            )
        parsed = [to_date(v) for v in items]
    anchor_low = parsed[0] if parsed else _today()
    anchor_high = parsed[-1] if parsed else _today()
    if min_value is None:
        low = adjust_years(anchor_low, -10)
    elif isinstance(min_value, (datetime, date, str)):
        low = to_date(min_value)
    else:
        raise StreamlitAPIException("DateInput min should either be a date/datetime or None")
    if max_value is None:
        high = adjust_years(anchor_high, 10)
    elif isinstance(max_value, (datetime, date, str)):
        high = to_date(max_value)
    else:
        raise StreamlitAPIException("DateInput max should either be a date/datetime or None")
    if value == "today" and parsed:
        parsed = [min(max(parsed[0], low), high)]
    if low > high:
        raise StreamlitAPIException(
            f"The `min_value`, set to {low}, shouldn't be larger than the `max_value`, "
            f"set to {high}."
        )
    if parsed and (parsed[0] < low or parsed[-1] > high):
        raise StreamlitAPIException(
            f"The default `value` of {parsed} must lie between the `min_value` of {low} and the "
            f"`max_value` of {high}, inclusively."
        )
    return DateSpec(None if parsed is None else tuple(parsed), is_range, low, high, explicit)


def check_date_format(format: str) -> None:
    if not _ALLOWED_DATE_FORMATS.match(format):
        raise StreamlitAPIException(
            f"The provided format (`{format}`) is not valid. DateInput format should be one of "
            "`YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or "
            "hyphen (-) as separators."
        )


def _check_day(what: str, spec: DateSpec, value: Any) -> date:
    if not isinstance(value, date):
        raise InvalidValueError(
            f"{what} takes datetime.date values, not {type(value).__name__} {value!r}."
        )
    day = value.date() if isinstance(value, datetime) else value
    if not spec.min <= day <= spec.max:
        raise InvalidValueError(
            f"{what} cannot take {day.isoformat()}: it is outside the widget's range "
            f"[{spec.min.isoformat()}, {spec.max.isoformat()}]."
        )
    return day


def check_date(what: str, spec: DateSpec, value: Any) -> Any:
    """Staging a date: one date (single mode) or 0-2 ordered dates (range mode), in range."""
    if not spec.is_range:
        if value is None:
            if spec.clearable:
                return None
            raise InvalidValueError(f"{what} has a default date and cannot be cleared to None.")
        if isinstance(value, (list, tuple)):
            raise InvalidValueError(f"{what} takes a single date, not {value!r}.")
        return _check_day(what, spec, value)
    if value is None or (isinstance(value, (list, tuple)) and not value):
        if spec.clearable:
            return ()
        raise InvalidValueError(f"{what} has a default range and cannot be cleared.")
    if not isinstance(value, (list, tuple)) or len(value) > 2:
        raise InvalidValueError(
            f"{what} is a range date input and takes a (start, end) pair (or just (start,)), "
            f"not {value!r}."
        )
    days = tuple(_check_day(what, spec, v) for v in value)
    if len(days) == 2 and days[0] > days[1]:
        raise InvalidValueError(f"{what} cannot take {value!r}: the start is after the end.")
    return days


# -- time_input ----------------------------------------------------------------------------------
def to_time(value: Any) -> time:
    if value == "now":
        return _dt.datetime.now().time().replace(second=0, microsecond=0)
    if isinstance(value, str):
        try:
            return time.fromisoformat(value)
        except ValueError:
            try:
                return datetime.fromisoformat(value).time().replace(second=0, microsecond=0)
            except ValueError:
                pass
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value
    raise StreamlitAPIException(
        "The type of value should be one of datetime, time, ISO string or None"
    )


def time_step(step: Any) -> int:
    if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
        raise StreamlitAPIException(
            f"`step` can only be `int` or `timedelta` but {type(step)} is provided."
        )
    seconds = step.seconds if isinstance(step, timedelta) else step
    if seconds < 60 or seconds > timedelta(hours=23).seconds:
        raise StreamlitAPIException(
            f"`step` must be between 60 seconds and 23 hours but is currently set to "
            f"{seconds} seconds."
        )
    return seconds


def check_time(what: str, value: Any, *, clearable: bool) -> time | None:
    """Staging a time: hours and minutes (the browser sends ``HH:MM``); None when clearable."""
    if value is None:
        if clearable:
            return None
        raise InvalidValueError(f"{what} has a default time and cannot be cleared to None.")
    if isinstance(value, datetime):
        value = value.time()
    if not isinstance(value, time):
        raise InvalidValueError(
            f"{what} takes datetime.time values, not {type(value).__name__} {value!r}."
        )
    if value.second or value.microsecond:
        raise InvalidValueError(
            f"{what} holds hours and minutes only (the browser sends HH:MM); {value!r} has "
            "seconds. Stage a time with second=0."
        )
    return value.replace(tzinfo=None)


def step_time(value: time | None, seconds: int, direction: int) -> time | None:
    """``increment``/``decrement`` of a time input: wraps around midnight, like AppTest."""
    if value is None:
        return None
    moved = datetime.combine(date(2000, 1, 1), value) + direction * timedelta(seconds=seconds)
    return moved.time().replace(second=0, microsecond=0)
