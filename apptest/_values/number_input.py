"""``st.number_input``: its argument handling and the numbers a user can type or step to.

:class:`NumberSpec` is what the arguments resolve to. ``number_spec`` follows Streamlit's
``_number_input`` (seed era, 1.58) step by step: mixed int/float arguments raise
``StreamlitMixedNumericTypesError``; ``value="min"`` starts at ``min_value``; the int/float
type and the default format are inferred from the arguments; a format that disagrees with the
type yields Streamlit's warning element; a default outside ``[min_value, max_value]`` raises
``StreamlitValueBelowMinError``/``StreamlitValueAboveMaxError``; arguments beyond JavaScript's
number bounds raise ``StreamlitJSNumberBoundsError``. ``NumberSpec.sanitize`` is 1.58's
``value_needs_reset``: a kept value outside the range falls back to the default.

``MIN_SAFE_INTEGER``/``MAX_SAFE_INTEGER`` (JavaScript's safe integers) are shared with
``apptest._values.sliders``. The staging checks ``check_number``/``step_number`` raise
:class:`~apptest.InvalidValueError` for a number a browser user could not enter. Values use the
return-value representation described in ``apptest._values.common``.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from typing import Any

from apptest import _st_errors as errors
from apptest._errors import InvalidValueError, hide_test_errors
from apptest._st_errors import StreamlitAPIException

# pytest leaves this module's frames out of the traceback of an AppTestError (a value a widget
# verb refused): the test's line and the message say it all.
__tracebackhide__ = hide_test_errors

MAX_SAFE_INTEGER = (1 << 53) - 1
MIN_SAFE_INTEGER = -MAX_SAFE_INTEGER


@dataclass(frozen=True)
class NumberSpec:
    """What ``st.number_input``'s arguments resolve to (int/float inference as Streamlit does)."""

    data_type: str  # "int" | "float"
    default: int | float | None
    min: int | float | None
    max: int | float | None
    step: int | float
    format: str
    warning: str | None

    @property
    def clearable(self) -> bool:
        return self.default is None

    def cast(self, value: float | int) -> int | float:
        return int(value) if self.data_type == "int" else value

    def sanitize(self, value: Any, _set_by_user: bool) -> Any:
        """A value outside ``[min, max]`` falls back to the default (1.58 ``value_needs_reset``)."""
        if value is None:
            return None
        if (self.min is not None and value < self.min) or (
            self.max is not None and value > self.max
        ):
            return self.default
        return value


def number_spec(
    min_value: Any,
    max_value: Any,
    value: Any,
    step: Any,
    format: str | None,
    *,
    none_in_state: bool,
) -> NumberSpec:
    """Streamlit's ``_number_input`` argument handling (seed era, 1.58), step by step: the
    argument types, the default value, its type, the format, the step, the range and the
    JavaScript number bounds."""
    all_int, all_float = _number_arg_types(min_value, max_value, value, step)
    if none_in_state:
        value = None
    value = _number_default(value, min_value, all_int, all_float)
    int_value = isinstance(value, numbers.Integral)
    float_value = isinstance(value, float)
    if value is None:  # no value to go by: the arguments decide
        if all_int and not all_float:
            int_value = True
        else:
            float_value = True
    number_format = ("%d" if int_value else "%0.2f") if format is None else format
    warning = _number_format_warning(number_format, int_value, float_value)
    if step is None:
        step = 1 if int_value else 0.01
    try:
        float(number_format % 2)
    except (TypeError, ValueError):
        raise errors.StreamlitInvalidNumberFormatError(
            "Format string for `st.number_input` contains invalid characters: {format}",
            format=number_format,
        ) from None
    _check_number_default_in_range(value, min_value, max_value)
    all_ints = int_value and all_int
    _check_js_number_bounds(all_ints, min_value, max_value, step, value)
    data_type = "int" if all_ints else "float"
    default = None if value is None else (int(value) if data_type == "int" else value)
    return NumberSpec(data_type, default, min_value, max_value, step, number_format, warning)


def _number_arg_types(min_value: Any, max_value: Any, value: Any, step: Any) -> tuple[bool, bool]:
    """``(all_int, all_float)``: whether the numeric arguments given (None and strings are
    skipped) are all ints, all floats; both True when none is a number. Mixed ints and floats
    raise ``StreamlitMixedNumericTypesError`` naming the type of each argument given."""
    args = [min_value, max_value, value, step]
    all_int = all(isinstance(a, (numbers.Integral, type(None), str)) for a in args)
    all_float = all(isinstance(a, (float, type(None), str)) for a in args)
    if not all_int and not all_float:
        message = "All numerical arguments must be of the same type."
        kwargs: dict[str, str] = {}
        named = (
            ("value", value),
            ("min_value", min_value),
            ("max_value", max_value),
            ("step", step),
        )
        for name, arg in named:
            if arg is not None:
                message += f"\n`{name}` has {{{name}_type}} type."
                kwargs[f"{name}_type"] = type(arg).__name__
        raise errors.StreamlitMixedNumericTypesError(message, **kwargs)
    return all_int, all_float


def _number_default(value: Any, min_value: Any, all_int: bool, all_float: bool) -> Any:
    """``value="min"`` (the default) starts at ``min_value``, else at 0.0 when no argument is
    a number, 0 when they are ints, 0.0 when floats; any other string is an error."""
    if not isinstance(value, str):
        return value
    if value != "min":
        raise StreamlitAPIException(
            f"The `value` of st.number_input must be a number, 'min' or None, not {value!r}."
        )
    if min_value is not None:
        return min_value
    if all_int and all_float:
        return 0.0
    return 0 if all_int else 0.0


def _number_format_warning(number_format: str, int_value: bool, float_value: bool) -> str | None:
    """Streamlit's warning element when the format and the value's type disagree: an integer
    format for a float value, or a float format for an int value (the int is shown as int)."""
    if number_format in {"%d", "%u", "%i"} and float_value:
        return (
            "Warning: NumberInput value below has type float, but format "
            f"{number_format} displays as integer."
        )
    if number_format[-1:] == "f" and int_value:
        return (
            "Warning: NumberInput value below has type int so is displayed as int despite "
            f"format string {number_format}."
        )
    return None


def _check_number_default_in_range(value: Any, min_value: Any, max_value: Any) -> None:
    """The default must lie in ``[min_value, max_value]`` (``StreamlitValueBelowMinError``,
    ``StreamlitValueAboveMaxError``); a None default is not checked."""
    if min_value is not None and value is not None and min_value > value:
        raise errors.StreamlitValueBelowMinError(
            "The `value` {value} is less than the `min_value` {min_value}.",
            value=value,
            min_value=min_value,
        )
    if max_value is not None and value is not None and max_value < value:
        raise errors.StreamlitValueAboveMaxError(
            "The `value` {value} is greater than the `max_value` {max_value}.",
            value=value,
            max_value=max_value,
        )


def _check_js_number_bounds(
    all_ints: bool, min_value: Any, max_value: Any, step: Any, value: Any
) -> None:
    """Streamlit's ``JSNumber`` checks: ints within JavaScript's safe integers, floats
    finite; raises ``StreamlitJSNumberBoundsError`` for the first argument out of bounds."""
    named = (
        ("`min_value`", min_value),
        ("`max_value`", max_value),
        ("`step`", step),
        ("`value`", value),
    )
    for name, arg in named:
        if arg is None:
            continue
        if all_ints and not MIN_SAFE_INTEGER <= int(arg) <= MAX_SAFE_INTEGER:
            bound = ">= -((1 << 53) - 1)" if int(arg) < 0 else "<= (1 << 53) - 1"
            raise errors.StreamlitJSNumberBoundsError(f"{name} ({arg}) must be {bound}")
        if not all_ints and isinstance(arg, float) and math.isinf(arg):
            bound = ">= -1.797e+308" if arg < 0 else "<= 1.797e+308"
            raise errors.StreamlitJSNumberBoundsError(f"{name} ({arg}) must be {bound}")


def check_number(what: str, spec: NumberSpec, value: Any) -> int | float | None:
    """Staging a number: int/float of the widget's type, within ``[min, max]``."""
    if value is None:
        if spec.clearable:
            return None
        raise InvalidValueError(
            f"{what} cannot be cleared to None: it was created with a value, so the browser "
            "puts the value back. Stage a number."
        )
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidValueError(f"{what} takes a number, not {type(value).__name__} {value!r}.")
    if isinstance(value, float) and math.isnan(value):
        raise InvalidValueError(f"{what} cannot take NaN: a browser user cannot type it.")
    if spec.data_type == "int" and isinstance(value, float) and not value.is_integer():
        raise InvalidValueError(
            f"{what} holds integers (its arguments are ints); {value!r} is not one. Stage an int."
        )
    lower, upper = spec.min, spec.max
    if (lower is not None and value < lower) or (upper is not None and value > upper):
        raise InvalidValueError(
            f"{what} cannot take {value!r}: it is outside the widget's range "
            f"[{_bound(lower, '-inf')}, {_bound(upper, 'inf')}]. Stage a number in that range."
        )
    return int(value) if spec.data_type == "int" else float(value)


def _bound(value: object, missing: str) -> str:
    return missing if value is None else repr(value)


def step_number(spec: NumberSpec, value: int | float | None, direction: int) -> int | float | None:
    """``increment``/``decrement``: one step, clamped to the bounds (None stays None)."""
    if value is None:
        return None
    moved = value + direction * spec.step
    if spec.max is not None:
        moved = min(moved, spec.max)
    if spec.min is not None:
        moved = max(moved, spec.min)
    return spec.cast(moved)
