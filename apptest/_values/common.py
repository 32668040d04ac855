"""What input widgets hold: defaults from a command's arguments, and the values a user can give.

One representation everywhere: a widget's value in Session State, in the browser's widget
values (``Frontend.widget_values``), in its element's ``props["value"]`` and in a staged test
interaction is the widget's **return value** (the option object a selectbox returns, a
``(low, high)`` tuple for a range slider, a ``date``, an ``UploadedFile`` …). There is no
wire serialization. The one exception is ``st.data_editor``, whose value is its edit state
(``{"edited_rows": …, "added_rows": […], "deleted_rows": […]}``), which is also what
``st.session_state[key]`` shows in Streamlit; the command returns the data with those edits
applied (``apptest._values.data_editor``).

Two kinds of checks live here:

* the command's own argument checks, raising Streamlit's exceptions with Streamlit's texts
  (seed era, 1.58) — used by the shim;
* the staging checks (``check_*``), raising :class:`AppTestError` when a test stages a value
  a browser user could not give the widget, naming what was wrong and what the widget takes.

Choice, text, number and colour widgets are here; sliders are in ``apptest._values.sliders``,
dates and times in ``apptest._values.dates``, uploads in ``apptest._values.uploads``, the data editor
in ``apptest._values.data_editor``.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum, EnumMeta
from typing import Any

from apptest import _st_errors as errors
from apptest._errors import AppTestError, hide_test_errors
from apptest._run.layout import current_run
from apptest._st_errors import StreamlitAPIException

# pytest leaves this module's frames out of the traceback of an AppTestError (a value a widget
# verb refused): the test's line and the message say it all.
__tracebackhide__ = hide_test_errors

_FLOAT_EQUALITY_EPSILON = 5e-12
MAX_SAFE_INTEGER = (1 << 53) - 1
MIN_SAFE_INTEGER = -MAX_SAFE_INTEGER
_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")


def check_label_visibility(label_visibility: object) -> None:
    """Streamlit's ``maybe_raise_label_warnings`` (an empty label only logs there)."""
    if label_visibility not in LABEL_VISIBILITIES:
        raise StreamlitAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. "
            "Valid values are 'visible', 'hidden' or 'collapsed'."
        )


def check_button_type(command: str, kind: object) -> None:
    if kind not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(
            f'The type argument to {command} must be "primary", "secondary", or "tertiary". '
            f'\nThe argument passed was "{kind}".'
        )


def key_state(key: object) -> tuple[bool, Any]:
    """Whether Session State holds ``key`` right now, and its value (for ``value=None`` rules)."""
    run = current_run()
    if run is None or key is None:
        return False, None
    try:
        return True, run.session.state.get_item(str(key))  # one lookup (widgets call this)
    except KeyError:
        return False, None


# -- options -------------------------------------------------------------------------------------
def to_option_list(options: object) -> list[Any]:
    """Streamlit's ``convert_anything_to_list`` for the option kinds apps pass."""
    if options is None:
        return []
    if isinstance(options, (str, bytes, int, float, bool)):
        return [options]
    if isinstance(options, EnumMeta):
        return list(options)
    if isinstance(options, dict):
        return list(options)
    module = type(options).__module__
    if module.startswith("pandas") and hasattr(options, "columns"):
        frame: Any = options
        if len(frame.columns) == 0:
            return []
        return list(frame.iloc[:, 0].tolist())
    tolist = getattr(options, "tolist", None)
    if callable(tolist):
        result = tolist()
        return list(result) if isinstance(result, list) else [result]
    if isinstance(options, Iterable):
        return list(options)
    return [options]


@dataclass(frozen=True)
class Options:
    """A choice widget's options with their formatted labels (what the browser shows)."""

    raw: tuple[Any, ...]
    formatted: tuple[str, ...]
    format_func: Callable[[Any], Any]
    #: The Enum class of the options (an Enum class passed as options, or all options members
    #: of one Enum class): values of a same-named class from an earlier run are coerced to it.
    enum_class: Any = None

    @classmethod
    def make(cls, options: object, format_func: Callable[[Any], Any] | None) -> Options:
        func = format_func or str
        raw = tuple(to_option_list(options))
        enum_class: Any = options if isinstance(options, EnumMeta) else None
        if enum_class is None and raw and isinstance(raw[0], Enum):
            first = type(raw[0])
            enum_class = first if all(type(option) is first for option in raw) else None
        return cls(raw, tuple(str(func(option)) for option in raw), func, enum_class)

    def coerce(self, value: Any) -> Any:
        """Streamlit's ``runner.enumCoercion="nameOnly"``: every full run re-creates an app's
        Enum classes, so a member kept from an earlier run becomes this run's member."""
        target = self.enum_class
        if target is None or not isinstance(value, Enum) or isinstance(value, target):
            return value
        source = type(value)
        if source.__qualname__ != target.__qualname__ or set(source._member_names_) != set(
            target._member_names_
        ):
            return value
        return target[value._name_]

    def format(self, value: Any) -> str | None:
        try:
            return str(self.format_func(value))
        except Exception:
            return None

    def index_of(self, value: Any) -> int | None:
        """The option ``value`` stands for: an option itself, or an option's label."""
        for i, option in enumerate(self.raw):
            try:
                if value == option:
                    return i
            except Exception:
                pass
            if (
                isinstance(value, float)
                and isinstance(option, float)
                and abs(value - option) < _FLOAT_EQUALITY_EPSILON
            ):
                return i
        formatted = self.format(value)
        if formatted is not None and formatted in self.formatted:
            return self.formatted.index(formatted)
        if isinstance(value, str) and value in self.formatted:
            return self.formatted.index(value)
        return None

    def holds(self, value: Any) -> bool:
        """Streamlit's ``validate_and_sync``: a value is kept while its label is an option."""
        formatted = self.format(value)
        return formatted is not None and formatted in self.formatted


def default_indices(options: Options, default: object) -> list[int]:
    """``multiselect``/``pills`` defaults: every default must be one of the options."""
    if default is None:
        return []
    values = to_option_list(default) if not isinstance(default, str) else [default]
    indices = []
    for value in values:
        index = None
        for i, option in enumerate(options.raw):
            try:
                if value == option:
                    index = i
                    break
            except Exception:
                continue
        if index is None:
            raise StreamlitAPIException(
                f"The default value '{value}' is not part of the options. Please make sure that "
                "every default values also exists in the options."
            )
        indices.append(index)
    return indices


def keep_option(options: Options, default: Any) -> Callable[[Any, bool], Any]:
    """Sanitizer: a selection whose label is no longer offered falls back to the default."""

    def sanitize(value: Any, _set_by_user: bool) -> Any:
        value = options.coerce(value)
        if value is None or options.holds(value):
            return value
        return default

    return sanitize


def keep_options(
    options: Options, max_selections: int | None = None, *, drop_unknown: bool = True
) -> Callable[[Any, bool], Any]:
    """Sanitizer for multi-selections: drop values no longer offered, enforce the maximum."""

    def sanitize(value: Any, _set_by_user: bool) -> Any:
        values = (
            list(value) if isinstance(value, (list, tuple)) else [] if value is None else [value]
        )
        coerced = [options.coerce(v) for v in values]
        changed = any(a is not b for a, b in zip(coerced, values, strict=True))
        values = coerced
        if max_selections is not None and len(values) > max_selections:
            raise errors.StreamlitSelectionCountExceedsMaxError(
                "Multiselect has {count} {noun} selected but `max_selections` is set to {max}. "
                "This happened because you either gave too many options to `default` or you "
                "manipulated the widget's state through `st.session_state`. Note that the "
                "latter can happen before the line indicated in the traceback. Please select "
                "at most {max} {max_noun}.",
                count=len(values),
                noun="option" if len(values) == 1 else "options",
                max=max_selections,
                max_noun="option" if max_selections == 1 else "options",
            )
        kept = [v for v in values if options.holds(v)] if drop_unknown else values
        if len(kept) == len(values) and isinstance(value, list) and not changed:
            return value
        return kept

    return sanitize


def check_choice(
    what: str, options: Options, value: Any, *, clearable: bool, accept_new: bool = False
) -> Any:
    """Staging one choice: an option (or its label); None only when the widget can be cleared."""
    if value is None:
        if clearable:
            return None
        raise AppTestError(
            f"{what} cannot be cleared to None: it has a default selection, so a browser user "
            f"can only pick another option. Options: {list(options.formatted)}."
        )
    index = options.index_of(value)
    if index is not None:
        return options.raw[index]
    if accept_new and isinstance(value, str):
        return value
    extra = " (or a new string: accept_new_options=True)" if accept_new else ""
    raise AppTestError(
        f"{what} cannot take {value!r}: it is not one of its options. It accepts one of "
        f"{list(options.formatted)}{extra}."
    )


def check_choices(
    what: str,
    options: Options,
    values: Any,
    *,
    max_selections: int | None,
    accept_new: bool = False,
) -> list[Any]:
    """Staging several choices: a list of distinct options, at most ``max_selections``."""
    if values is None or isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise AppTestError(
            f"{what} takes a list of options, not {values!r}. Options: {list(options.formatted)}."
        )
    chosen = [
        check_choice(what, options, value, clearable=False, accept_new=accept_new)
        for value in values
    ]
    labels = [options.format(v) for v in chosen]
    if len(set(labels)) != len(labels):
        raise AppTestError(
            f"{what} cannot select the same option twice: {values!r}. Pass each option once."
        )
    if max_selections is not None and len(chosen) > max_selections:
        raise AppTestError(
            f"{what} accepts at most max_selections={max_selections} options; {values!r} has "
            f"{len(chosen)}."
        )
    return chosen


# -- text ----------------------------------------------------------------------------------------
def check_text(what: str, value: Any, max_chars: int | None) -> str | None:
    """Staging typed text: a string (or None) no longer than ``max_chars``."""
    if value is not None and not isinstance(value, str):
        raise AppTestError(
            f"{what} takes a string (or None), not {type(value).__name__} {value!r}."
        )
    if value is not None and max_chars is not None and len(value) > max_chars:
        raise AppTestError(
            f"{what} accepts at most max_chars={max_chars} characters; {value!r} has "
            f"{len(value)}. Stage a shorter text."
        )
    return value


def check_color(what: str, value: Any) -> str:
    if not isinstance(value, str) or not _HEX_COLOR.match(value):
        raise AppTestError(
            f"{what} takes a hex colour such as '#00ffaa' or '#0fa', not {value!r}. "
            "Use .pick('00ffaa') to add the '#'."
        )
    return value


def check_color_default(value: object) -> str:
    if value is None:
        return "#000000"
    if not isinstance(value, str):
        raise StreamlitAPIException(
            f"\nColor Picker Value has invalid type: {type(value).__name__}. Expects a hex "
            "string\nlike '#00FFAA' or '#000'.\n"
        )
    if not _HEX_COLOR.match(value):
        raise StreamlitAPIException(
            f"\n'{value}' is not a valid hex code for colors. Valid ones are like\n"
            "'#00FFAA' or '#000'.\n"
        )
    return value


# -- number_input --------------------------------------------------------------------------------
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
        raise AppTestError(
            f"{what} cannot be cleared to None: it was created with a value, so the browser "
            "puts the value back. Stage a number."
        )
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AppTestError(f"{what} takes a number, not {type(value).__name__} {value!r}.")
    if isinstance(value, float) and math.isnan(value):
        raise AppTestError(f"{what} cannot take NaN: a browser user cannot type it.")
    if spec.data_type == "int" and isinstance(value, float) and not value.is_integer():
        raise AppTestError(
            f"{what} holds integers (its arguments are ints); {value!r} is not one. Stage an int."
        )
    lower, upper = spec.min, spec.max
    if (lower is not None and value < lower) or (upper is not None and value > upper):
        raise AppTestError(
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


# -- feedback ------------------------------------------------------------------------------------
FEEDBACK_OPTIONS = {"thumbs": 2, "faces": 5, "stars": 5}


def check_feedback(what: str, count: int, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
        raise AppTestError(
            f"{what} takes an option index 0..{count - 1} (or None to clear), not {value!r}."
        )
    return value


def checked_bool(what: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise AppTestError(f"{what} takes True or False, not {value!r}.")
    return value


def describe(kind: str, label: str, key: str | None) -> str:
    """How staging errors name a widget: ``st.selectbox 'Pick' (key='p')``."""
    text = f"st.{kind}"
    if label:
        text += f" {label!r}"
    if key is not None and not key.startswith("FormSubmitter:"):
        text += f" (key={key!r})"
    return text
