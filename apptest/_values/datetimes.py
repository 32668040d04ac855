"""``st.datetime_input``: Streamlit 1.58's argument rules and what a test may stage.

A datetime input holds a naive ``datetime`` in whole minutes (the browser sends
``YYYY-MM-DDTHH:MM``), or None when its default is None. ``"now"`` reads the AppTest's
virtual clock. Without ``min_value``/``max_value`` the bounds are ten years either side of
the value's date (00:00 and 23:59).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from apptest import _st_errors as errors
from apptest._errors import AppTestError, hide_test_errors
from apptest._st_errors import StreamlitAPIException
from apptest._values.dates import adjust_years

__tracebackhide__ = hide_test_errors

_MIN_TIME = time(0, 0)
_MAX_TIME = time(23, 59)
_FORMATS = ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")


def _minutes(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0, tzinfo=None)


def _combine(day: date, at: time) -> datetime:
    return datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None))


def _parse_text(text: str, fallback_date: date, fallback_time: time) -> datetime | None:
    stripped = text.strip()
    try:
        return _minutes(datetime.fromisoformat(stripped))
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            return _minutes(datetime.strptime(stripped, fmt))
        except ValueError:
            pass
    try:
        return _combine(date.fromisoformat(stripped), fallback_time)
    except ValueError:
        pass
    try:
        return _combine(fallback_date, time.fromisoformat(stripped))
    except ValueError:
        return None


def to_datetime(
    value: Any, fallback_date: date, fallback_time: time, *, modern: bool = False
) -> datetime:
    """Streamlit's ``_convert_datetimelike_to_datetime`` (1.58's error, or 1.67's)."""
    if isinstance(value, str) and value == "now":
        return _minutes(_dt.datetime.now())
    if isinstance(value, datetime):
        return _minutes(value)
    if isinstance(value, date):
        return _combine(value, fallback_time)
    if isinstance(value, time):
        return _combine(fallback_date, value)
    if isinstance(value, str):
        parsed = _parse_text(value, fallback_date, fallback_time)
        if parsed is not None:
            return parsed
    if modern:
        raise errors.StreamlitInvalidParameterTypeError(
            "Invalid `{parameter}` type. Expected one of: {expected_types}. "
            "Provided type: {provided_type}.",
            parameter="value",
            expected_types='datetime, date, time, ISO string, "now"',
            provided_type=type(value).__name__,
        )
    raise StreamlitAPIException(
        "The type of value should be one of datetime, date, time, ISO string, or 'now'."
    )


@dataclass(frozen=True)
class DateTimeSpec:
    """A datetime input's default and bounds, checked as Streamlit checks them."""

    value: datetime | None
    min: datetime
    max: datetime
    #: 1.67's errors (``StreamlitInvalidMinMaxError`` ...) instead of 1.58's.
    modern: bool = False

    def __post_init__(self) -> None:
        if self.modern:
            _check_modern_spec(self)
        if self.min > self.max:
            raise StreamlitAPIException(
                f"The `min_value`, set to {self.min}, shouldn't be larger "
                f"than the `max_value`, set to {self.max}."
            )
        if self.value is not None and not (self.min <= self.value <= self.max):
            raise StreamlitAPIException(
                f"The default `value` of {self.value} must lie between the `min_value` "
                f"of {self.min} and the `max_value` of {self.max}, inclusively."
            )


def _check_modern_spec(spec: DateTimeSpec) -> None:
    """1.67's checks of the bounds and the default, in its classes and words."""
    if spec.min > spec.max:
        raise errors.StreamlitInvalidMinMaxError(
            "The `min_value`, set to {min_value}, cannot be greater than the `max_value`, set "
            "to {max_value}.",
            min_value=spec.min,
            max_value=spec.max,
        )
    if spec.value is not None and spec.value < spec.min:
        raise errors.StreamlitValueBelowMinError(
            "The `value` {value} is less than the `min_value` {min_value}.",
            value=spec.value,
            min_value=spec.min,
        )
    if spec.value is not None and spec.value > spec.max:
        raise errors.StreamlitValueAboveMaxError(
            "The `value` {value} is greater than the `max_value` {max_value}.",
            value=spec.value,
            max_value=spec.max,
        )


def datetime_spec(
    value: Any, min_value: Any, max_value: Any, *, modern: bool = False
) -> DateTimeSpec:
    """Streamlit's ``_DateTimeInputValues.from_raw_values``."""
    today = _dt.date.today()  # the virtual clock's date during a run
    parsed = None if value is None else to_datetime(value, today, _MIN_TIME, modern=modern)
    base = parsed.date() if parsed is not None else today
    low = (
        _combine(adjust_years(base, -10), _MIN_TIME)
        if min_value is None
        else to_datetime(min_value, base, _MIN_TIME, modern=modern)
    )
    high = (
        _combine(adjust_years(base, 10), _MAX_TIME)
        if max_value is None
        else to_datetime(max_value, base, _MAX_TIME, modern=modern)
    )
    return DateTimeSpec(parsed, low, high, modern)


def check_datetime(what: str, spec: DateTimeSpec, value: Any, *, clearable: bool) -> Any:
    """A value a test stages: a datetime within the bounds (a date means its 00:00), in whole
    minutes; None only when the input can be empty."""
    if value is None:
        if clearable:
            return None
        raise AppTestError(f"{what} has a default value and cannot be cleared to None.")
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime.combine(value, _MIN_TIME)
    if not isinstance(value, datetime):
        raise AppTestError(
            f"{what} takes datetime.datetime values, not {type(value).__name__} {value!r}."
        )
    value = value.replace(tzinfo=None)
    if value.second or value.microsecond:
        raise AppTestError(
            f"{what} holds whole minutes (the browser sends YYYY-MM-DDTHH:MM); {value!r} has "
            "seconds. Stage a datetime with second=0."
        )
    if not spec.min <= value <= spec.max:
        raise AppTestError(
            f"{what} accepts datetimes from {spec.min} to {spec.max}; {value} is outside. "
            "Stage a datetime within the bounds (a browser user cannot pick another)."
        )
    return value
