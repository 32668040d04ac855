"""Sliders: ``st.slider`` and ``st.select_slider`` argument handling and staging checks.

Values use the return-value representation (see ``apptest._values.common``): a slider holds
an int, float, ``date``, ``time`` or ``datetime``, or a ``(low, high)`` tuple for a range; a
select slider holds an option or a pair of options. Date and time inputs are in
``apptest._values.dates``.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from apptest import _st_errors as errors
from apptest._errors import InvalidValueError, hide_test_errors
from apptest._run.tokens import Memo, tokens
from apptest._st_errors import StreamlitAPIException
from apptest._values.choices import Options, check_choice
from apptest._values.number_input import MAX_SAFE_INTEGER, MIN_SAFE_INTEGER

# pytest leaves this module's frames out of the traceback of an AppTestError (a value a widget
# verb refused): the test's line and the message say it all.
__tracebackhide__ = hide_test_errors

_SCALARS = (numbers.Integral, numbers.Real, datetime, date, time)
_SLIDER_DEFAULTS: dict[str, tuple[Any, Any, Any, str]] = {
    "int": (0, 100, 1, "%d"),
    "float": (0.0, 1.0, 0.01, "%0.2f"),
}


def _type_of(value: Any) -> str:
    if isinstance(value, numbers.Integral):
        return "int"
    if isinstance(value, numbers.Real):
        return "float"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if isinstance(value, time):
        return "time"
    raise StreamlitAPIException(
        "Slider value should either be an int/float/datetime or a list/tuple of 0 to 2 "
        "ints/floats/datetimes"
    )


def _comparable(value: Any) -> Any:
    """Streamlit compares times and datetimes by wall clock (the zone is carried, not used)."""
    if isinstance(value, (datetime, time)):
        return value.replace(tzinfo=None)
    return value


def _as_datetime(value: Any, data_type: str) -> Any:
    if data_type == "time":
        return datetime.combine(date(2000, 1, 1), value)
    if data_type == "date":
        return datetime.combine(value, time())
    return value


@dataclass(frozen=True)
class SliderSpec:
    """What ``st.slider``'s arguments resolve to."""

    data_type: str  # "int" | "float" | "date" | "time" | "datetime"
    min: Any
    max: Any
    step: Any
    default: Any
    is_range: bool
    format: str
    tz: Any

    def in_range(self, value: Any) -> bool:
        return bool(_comparable(self.min) <= _comparable(value) <= _comparable(self.max))

    def sanitize(self, value: Any, set_by_user: bool) -> Any:
        """Values set through Session State must lie in range (1.58 raises); a stale browser
        value of the wrong shape or out of range falls back to the default (``SliderSerde``)."""
        if value is self.default and not set_by_user:
            return value  # in range and of its shape: the bounds were widened to take it in
        parts = list(value) if isinstance(value, (list, tuple)) else [value]
        if set_by_user:
            for part in parts:
                if _comparable(part) < _comparable(self.min):
                    raise errors.StreamlitValueBelowMinError(
                        "The `value` {value} is less than the `min_value` {min_value}.",
                        value=part,
                        min_value=self.min,
                    )
                if _comparable(part) > _comparable(self.max):
                    raise errors.StreamlitValueAboveMaxError(
                        "The `value` {value} is greater than the `max_value` {max_value}.",
                        value=part,
                        max_value=self.max,
                    )
            return value  # returned as set, a list stays a list (1.58)
        is_pair = isinstance(value, (list, tuple)) and len(value) == 2
        shape_ok = is_pair if self.is_range else not isinstance(value, (list, tuple))
        if not shape_ok or not all(self.in_range(part) for part in parts):
            return self.default
        return value


_SPECS: Memo[SliderSpec] = Memo()


def slider_spec(
    min_value: Any,
    max_value: Any,
    value: Any,
    step: Any,
    format: str | None,
    *,
    state: tuple[bool, Any],
) -> SliderSpec:
    """Streamlit's ``_slider`` argument handling (seed era, 1.58), step by step: the default
    value, its data type, the missing arguments, their types, the bounds, the spec.

    A pure function of its arguments when ``value`` is given (the spec is immutable), so the
    spec is remembered for arguments with tokens: the same slider in the next run costs a
    lookup. (Without a value the default comes from Session State: computed each time.)"""
    key = None if value is None else tokens((min_value, max_value, value, step, format))
    if key is not None:
        known = _SPECS.get(key)
        if known is not None:
            return known
    spec = _slider_spec(min_value, max_value, value, step, format, state)
    if key is not None:
        _SPECS.remember(key, spec)
    return spec


def _slider_spec(
    min_value: Any, max_value: Any, value: Any, step: Any, format: str | None, state: Any
) -> SliderSpec:
    if value is None:
        value = _slider_value_when_none(min_value, max_value, state)
    single_value, prepared = _slider_value_list(value)
    data_type = "int" if not prepared else _type_of(prepared[0])
    min_value, max_value, step, format = _fill_slider_args(
        data_type, prepared, min_value, max_value, step, format
    )
    _check_slider_arg_types(data_type, value, min_value, max_value, step)
    low, high, prepared = _slider_bounds(prepared, min_value, max_value)
    _check_slider_bounds(data_type, low, high)
    tz = prepared[0].tzinfo if data_type in ("time", "datetime") else None
    cast = _caster(data_type, tz)
    values = [cast(v) for v in prepared]
    default = values[0] if single_value else tuple(values)
    return SliderSpec(data_type, cast(low), cast(high), step, default, not single_value, format, tz)


def _slider_value_when_none(min_value: Any, max_value: Any, state: tuple[bool, Any]) -> Any:
    """``value=None``: one thumb at ``min_value`` (else 0), unless the key's Session State
    value is not a scalar; then a range from ``min_value`` to ``max_value`` (else 0 and 100).
    Streamlit asks Session State because nothing else says whether this is a range slider."""
    single = True
    found, state_value = state
    if found:
        single = isinstance(state_value, _SCALARS)
    low = min_value if min_value is not None else 0
    if single:
        return low
    return [low, max_value if max_value is not None else 100]


def _slider_value_list(value: Any) -> tuple[bool, list[Any]]:
    """Whether ``value`` is one value, and its parts as a list: a scalar, or a list/tuple of
    0 to 2 values of one data type (Streamlit's ``value_to_generic_type`` check)."""
    single_value = isinstance(value, _SCALARS)
    if not single_value and not (isinstance(value, (list, tuple)) and len(value) in (0, 1, 2)):
        raise StreamlitAPIException(
            "Slider value should either be an int/float/datetime or a list/tuple of 0 to 2 "
            "ints/floats/datetimes"
        )
    prepared: list[Any] = [value] if single_value else list(value)
    if len({_type_of(v) for v in prepared}) > 1:
        raise StreamlitAPIException(
            "Slider tuple/list components must be of the same type.\n"
            f"But were: {[type(v) for v in prepared]}"
        )
    return single_value, prepared


def _fill_slider_args(
    data_type: str,
    prepared: list[Any],
    min_value: Any,
    max_value: Any,
    step: Any,
    format: str | None,
) -> tuple[Any, Any, Any, str]:
    """Streamlit's defaults for the arguments left as None, by data type: numbers use
    ``_SLIDER_DEFAULTS``; times span the whole day in 15-minute steps; dates and datetimes
    span 14 days either side of the value in 1-day steps (15 minutes when the range given
    is shorter than a day)."""
    if data_type in ("int", "float"):
        default_min, default_max, default_step, default_format = _SLIDER_DEFAULTS[data_type]
    elif data_type == "time":
        tz = prepared[0].tzinfo
        default_min, default_max = time.min.replace(tzinfo=tz), time.max.replace(tzinfo=tz)
        default_step, default_format = timedelta(minutes=15), "HH:mm"
    else:
        default_min = prepared[0] - timedelta(days=14)
        default_max = prepared[0] + timedelta(days=14)
        default_step, default_format = timedelta(days=1), "YYYY-MM-DD"
    min_value = default_min if min_value is None else min_value
    max_value = default_max if max_value is None else max_value
    if step is None:
        step = default_step
        if data_type in ("date", "datetime") and max_value - min_value < timedelta(days=1):
            step = timedelta(minutes=15)
    return min_value, max_value, step, default_format if format is None else format


def _check_slider_arg_types(
    data_type: str, value: Any, min_value: Any, max_value: Any, step: Any
) -> None:
    """A non-zero step; ``min_value``, ``max_value`` and ``step`` all ints, all floats, or
    timelike with a timedelta step; and of the value's data type (Streamlit's "matching
    types" and "same type" errors, in that order)."""
    if step == 0:
        raise StreamlitAPIException("Slider components cannot be passed a `step` of 0.")
    args = [min_value, max_value, step]
    int_args = all(isinstance(a, numbers.Integral) for a in args)
    float_args = all(
        isinstance(a, numbers.Real) and not isinstance(a, numbers.Integral) for a in args
    )
    timelike_args = (
        data_type in ("date", "time", "datetime")
        and isinstance(step, timedelta)
        and type(min_value) is type(max_value)
    )
    if not int_args and not float_args and not timelike_args:
        raise StreamlitAPIException(
            "Slider value arguments must be of matching types.\n"
            f"`min_value` has {type(min_value).__name__} type.\n"
            f"`max_value` has {type(max_value).__name__} type.\n"
            f"`step` has {type(step).__name__} type."
        )
    if not (
        (data_type == "int" and int_args)
        or (data_type == "float" and float_args)
        or (data_type in ("date", "time", "datetime") and timelike_args)
    ):
        raise StreamlitAPIException(
            "Both value and arguments must be of the same type.\n"
            f"`value` has {type(value).__name__} type.\n"
            f"`min_value` has {type(min_value).__name__} type.\n"
            f"`max_value` has {type(max_value).__name__} type."
        )


def _slider_bounds(
    prepared: list[Any], min_value: Any, max_value: Any
) -> tuple[Any, Any, list[Any]]:
    """Streamlit's "min <= value(s) <= max": the bounds widen to take in the value(s); a
    reversed pair is swapped; an empty list becomes the pair of bounds. Returns
    ``(low, high, values)``."""
    low = min(min_value, max_value, key=_comparable)
    high = max(min_value, max_value, key=_comparable)
    if len(prepared) == 1:
        low = min(prepared[0], low, key=_comparable)
        high = max(prepared[0], high, key=_comparable)
    elif len(prepared) == 2:
        start, end = prepared
        if _comparable(start) > _comparable(end):
            prepared = [end, start]
        low = min(prepared[0], low, key=_comparable)
        high = max(prepared[1], high, key=_comparable)
    else:
        prepared = [low, high]
    return low, high, prepared


def _check_slider_bounds(data_type: str, low: Any, high: Any) -> None:
    """Int bounds within JavaScript's safe integers (``JSNumber``), and ``low < high`` once
    dates and times are made datetimes (the frontend fails on equal bounds)."""
    if data_type == "int":
        for name, bound in (("`min_value`", low), ("`max_value`", high)):
            if not MIN_SAFE_INTEGER <= bound <= MAX_SAFE_INTEGER:
                limit = ">= -((1 << 53) - 1)" if bound < 0 else "<= (1 << 53) - 1"
                raise StreamlitAPIException(f"{name} ({bound}) must be {limit}")
    if _comparable(_as_datetime(low, data_type)) == _comparable(_as_datetime(high, data_type)):
        raise StreamlitAPIException(
            "Slider `min_value` must be less than the `max_value`.\nThe values were "
            f"{_as_datetime(low, data_type)} and {_as_datetime(high, data_type)}."
        )


def _caster(data_type: str, tz: Any) -> Callable[[Any], Any]:
    if data_type == "int":
        return int
    if data_type == "float":
        return float
    if data_type in ("time", "datetime"):
        return lambda v: v.replace(tzinfo=tz)
    return lambda v: v


def _check_slider_part(what: str, spec: SliderSpec, value: Any) -> Any:
    kind = spec.data_type
    ok: Any = None
    if kind == "int" and isinstance(value, (int, float)) and not isinstance(value, bool):
        ok = int(value) if float(value).is_integer() else None
    elif kind == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
        ok = float(value)
    elif kind == "datetime" and isinstance(value, datetime):
        ok = value.replace(tzinfo=spec.tz)
    elif kind == "date" and isinstance(value, date):
        ok = value.date() if isinstance(value, datetime) else value
    elif kind == "time" and isinstance(value, (time, datetime)):
        ok = (value.timetz() if isinstance(value, datetime) else value).replace(tzinfo=spec.tz)
    if ok is None:
        raise InvalidValueError(f"{what} holds {kind} values; {value!r} is not one.")
    if not spec.in_range(ok):
        raise InvalidValueError(
            f"{what} cannot take {value!r}: it is outside the slider's range "
            f"[{spec.min!r}, {spec.max!r}]."
        )
    return ok


def check_slider(what: str, spec: SliderSpec, value: Any) -> Any:
    """Staging a slider value: one value, or a ``(low, high)`` pair for a range slider."""
    if not spec.is_range:
        if isinstance(value, (list, tuple)):
            raise InvalidValueError(
                f"{what} has one thumb and takes a single value, not {value!r}."
            )
        return _check_slider_part(what, spec, value)
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise InvalidValueError(
            f"{what} is a range slider and takes two values (low, high), not {value!r}. "
            "Use .set_range(low, high)."
        )
    low, high = (_check_slider_part(what, spec, v) for v in value)
    if _comparable(low) > _comparable(high):
        raise InvalidValueError(
            f"{what} cannot take {value!r}: the lower thumb is above the upper one. Stage "
            "(low, high) with low <= high."
        )
    return (low, high)


# -- select_slider -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SelectSliderSpec:
    options: Options
    default: Any
    default_indices: tuple[int, ...]
    is_range: bool

    def sanitize(self, value: Any, _set_by_user: bool) -> Any:
        if value is self.default and not self.is_range:
            return value  # one of these very options: nothing to coerce or check
        if isinstance(value, (list, tuple)):
            value = type(value)(self.options.coerce(v) for v in value)
        else:
            value = self.options.coerce(value)
        if isinstance(value, (list, tuple)) and len(value) == 2:
            if all(self.options.holds(v) for v in value):
                return value if isinstance(value, tuple) else tuple(value)
            end = (
                self.default_indices[1]
                if len(self.default_indices) > 1
                else len(self.options.raw) - 1
            )
            return (self.options.raw[self.default_indices[0]], self.options.raw[end])
        if self.options.holds(value):
            return value
        return self.options.raw[self.default_indices[0]]


def _index_of(options: Options, value: Any) -> int:
    """Streamlit's ``index_`` (``==`` with a float tolerance); ValueError when missing."""
    for i, option in enumerate(options.raw):
        if value == option:
            return i
        if isinstance(value, float) and isinstance(option, float) and abs(value - option) < 5e-12:
            return i
    raise ValueError(f"{value} is not in iterable")


def select_slider_spec(options: Options, value: Any) -> SelectSliderSpec:
    if not options.raw:
        raise StreamlitAPIException("The `options` argument needs to be non-empty")
    if isinstance(value, (list, tuple)):
        indices = [_index_of(options, v) for v in value]
        start, end = indices
        if start > end:
            indices = [end, start]
    else:
        try:
            indices = [_index_of(options, value)]
        except ValueError:
            if value is not None:
                raise
            indices = [0]
    raw = options.raw
    default = (raw[indices[0]], raw[indices[1]]) if len(indices) >= 2 else raw[indices[0]]
    return SelectSliderSpec(options, default, tuple(indices), len(indices) >= 2)


def check_select_slider(what: str, spec: SelectSliderSpec, value: Any) -> Any:
    if not spec.is_range:
        if isinstance(value, (list, tuple)):
            raise InvalidValueError(
                f"{what} has one thumb and takes a single option, not {value!r}."
            )
        return check_choice(what, spec.options, value, clearable=False)
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise InvalidValueError(
            f"{what} is a range select slider and takes two options (low, high), not {value!r}. "
            "Use .set_range(low, high)."
        )
    low, high = (check_choice(what, spec.options, v, clearable=False) for v in value)
    options = spec.options
    if options.index_of(low) > options.index_of(high):  # type: ignore[operator]
        return (high, low)  # sorted into option order, as Streamlit's AppTest does
    return (low, high)
