"""Argument errors whose class and words depend on the running profile: 1.58's (seed) or
1.67's (modern), which moved several of them to its typed exceptions
(``StreamlitValueError``, ``StreamlitMissingRequiredParameterError`` ...)."""

from __future__ import annotations

from apptest import _st_errors as errors
from apptest._run.layout import newer_commands


def missing_parameter(parameter: str, detail: str = "") -> Exception:
    """1.67's ``StreamlitMissingRequiredParameterError``."""
    return errors.StreamlitMissingRequiredParameterError(
        "The `{parameter}` parameter is required." + (" {detail}" if detail else ""),
        parameter=parameter,
        detail=detail,
    )


def bad_type(parameter: str, value: object, expected: str, detail: str = "") -> Exception:
    """1.67's ``StreamlitInvalidParameterTypeError``."""
    return errors.StreamlitInvalidParameterTypeError(
        "Invalid `{parameter}` type. Expected one of: {expected_types}. "
        "Provided type: {provided_type}." + (" {detail}" if detail else ""),
        parameter=parameter,
        expected_types=expected,
        provided_type=type(value).__name__,
        detail=detail,
    )


def bad_value(parameter: str, valid: str, detail: str = "") -> Exception:
    """1.67's ``StreamlitValueError``."""
    return errors.StreamlitValueError(
        "Invalid `{parameter}` value. Supported values: {valid_values}."
        + (" {detail}" if detail else ""),
        parameter=parameter,
        valid_values=valid,
        detail=detail,
    )


def out_of_range(parameter: str, value: object, low: object, high: object) -> Exception:
    """1.67's ``StreamlitValueOutOfRangeError``."""
    return errors.StreamlitValueOutOfRangeError(
        "The `{parameter}` parameter, set to {value}, is outside the required range "
        "[{min_value}, {max_value}].",
        parameter=parameter,
        value=value,
        min_value=low,
        max_value=high,
    )


def check_tab_index(tab_index: object) -> None:
    """``tab_index``: None, -1 or a non-negative integer (1.58's message, or 1.67's)."""
    if tab_index is None:
        return
    is_int = isinstance(tab_index, int) and not isinstance(tab_index, bool)
    if newer_commands():
        if not is_int:
            raise bad_type("tab_index", tab_index, "int")
        if tab_index < -1:  # type: ignore[operator]
            raise bad_value("tab_index", "None, -1, a non-negative integer")
    elif not is_int or tab_index < -1:  # type: ignore[operator]
        raise errors.StreamlitAPIException("tab_index must be None, -1, or a non-negative integer.")
