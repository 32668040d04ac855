"""Choice widgets' options: what ``st.radio``, ``st.selectbox``, ``st.multiselect``,
``st.pills``, ``st.segmented_control`` and ``st.select_slider`` offer, and the selections a
user can make.

:class:`Options` is a widget's options with the labels the browser shows (``format_func``
applied). Streamlit behaviour reproduced (seed era, 1.58):

* ``to_option_list`` is Streamlit's ``convert_anything_to_list`` for the option kinds apps
  pass (an Enum class, a dict, a pandas frame's first column, anything with ``tolist`` …);
* ``Options.coerce`` is ``runner.enumCoercion="nameOnly"``, ``Options.holds`` is
  ``validate_and_sync``: a kept selection stays while its label is still offered;
* ``default_indices`` raises Streamlit's exception for a default that is not an option, and
  ``keep_options`` raises ``StreamlitSelectionCountExceedsMaxError`` past ``max_selections``.

The staging checks ``check_choice``/``check_choices`` raise :class:`~apptest.InvalidValueError`
(an AppTestError and a ValueError) when a test stages a value a browser user could not pick.
Values use the return-value representation described in ``apptest._values.common``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum, EnumMeta
from typing import Any

from apptest import _st_errors as errors
from apptest._errors import InvalidValueError, hide_test_errors
from apptest._st_errors import StreamlitAPIException

# pytest leaves this module's frames out of the traceback of an AppTestError (a value a widget
# verb refused): the test's line and the message say it all.
__tracebackhide__ = hide_test_errors

_FLOAT_EQUALITY_EPSILON = 5e-12


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
        if value is default:
            return value  # an option (or None) of these very options: nothing to check
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
        raise InvalidValueError(
            f"{what} cannot be cleared to None: it has a default selection, so a browser user "
            f"can only pick another option. Options: {list(options.formatted)}."
        )
    index = options.index_of(value)
    if index is not None:
        return options.raw[index]
    if accept_new and isinstance(value, str):
        return value
    extra = " (or a new string: accept_new_options=True)" if accept_new else ""
    raise InvalidValueError(
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
        raise InvalidValueError(
            f"{what} takes a list of options, not {values!r}. Options: {list(options.formatted)}."
        )
    chosen = [
        check_choice(what, options, value, clearable=False, accept_new=accept_new)
        for value in values
    ]
    labels = [options.format(v) for v in chosen]
    if len(set(labels)) != len(labels):
        raise InvalidValueError(
            f"{what} cannot select the same option twice: {values!r}. Pass each option once."
        )
    if max_selections is not None and len(chosen) > max_selections:
        raise InvalidValueError(
            f"{what} accepts at most max_selections={max_selections} options; {values!r} has "
            f"{len(chosen)}."
        )
    return chosen
