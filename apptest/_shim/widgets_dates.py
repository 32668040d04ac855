"""Date and time widgets of the shim: date_input, time_input, datetime_input.

Thin translations of Streamlit's signatures (seed era, 1.58) into ``register_widget`` calls, as
Streamlit's ``TimeWidgetsMixin`` groups them; default dates, bounds and steps are resolved in
``apptest._values.dates`` and ``apptest._values.datetimes``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from apptest._props import CLEARABLE, DEFAULT, SPEC
from apptest._run.layout import Container, newer_commands
from apptest._run.widgets import (
    WidgetCall,
    WidgetPlan,
    known_plan,
    register_plan,
    register_widget,
    remember_plan,
)
from apptest._shim.errors_modern import bad_type, bad_value, out_of_range
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException
from apptest._values.common import check_label_visibility, key_state
from apptest._values.dates import check_date_format, date_spec, time_step, to_time
from apptest._values.datetimes import datetime_spec

Callback = Callable[..., Any] | None

_DATE_FORMATS = ("YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY")


def _date_for_id(value: Any) -> Any:
    """Streamlit's ``parse_date_deterministic_for_id``: "today" must not change the id."""
    if value == "today":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return None


def _date_format_ok(format: str) -> bool:
    return any(format in (f, f.replace("/", "."), f.replace("/", "-")) for f in _DATE_FORMATS)


def _check_format_modern(format: object) -> None:
    """1.67's ``_validate_date_format``."""
    if not isinstance(format, str):
        raise bad_type("format", format, "str")
    if not _date_format_ok(format):
        formats = [f.replace("/", sep) for sep in "/.-" for f in _DATE_FORMATS]
        raise bad_value(
            "format", ", ".join(repr(f) for f in formats), f"Provided value: {format!r}."
        )


def _step_seconds(step: Any) -> int:
    if newer_commands():
        if isinstance(step, bool) or not isinstance(step, (int, timedelta)):
            raise bad_type("step", step, "int, timedelta")
        seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
        if not 60 <= seconds <= timedelta(hours=23).seconds:
            raise out_of_range("step", f"{seconds} seconds", "60 seconds", "23 hours")
        return seconds
    if not isinstance(step, (int, timedelta)):
        raise StreamlitAPIException(
            f"`step` can only be `int` or `timedelta` but {type(step)} is provided."
        )
    seconds = int(step.total_seconds()) if isinstance(step, timedelta) else step
    if seconds < 60 or seconds > timedelta(hours=23).seconds:
        raise StreamlitAPIException(
            f"`step` must be between 60 seconds and 23 hours but is currently set to "
            f"{seconds} seconds."
        )
    return seconds


class DateWidgets(Container):
    """``st.date_input``, ``st.time_input`` and ``st.datetime_input``."""

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def date_input(
        self,
        label: str,
        value: Any = "today",
        min_value: Any = None,
        max_value: Any = None,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        format: str = "YYYY/MM/DD",
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        required: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> Any:
        if required is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "date_input", required=required, persist_state=persist_state)
        # Everything the plan depends on: the same call in the next run finds it remembered.
        # Only for dates given as dates: "today" (and no value) read the virtual clock.
        arguments: tuple[Any, ...] = (label, value, min_value, max_value, key, help, on_change)
        arguments += (args, kwargs, format, disabled, label_visibility, width)
        pure = isinstance(value, date) and all(
            bound is None or isinstance(bound, date) for bound in (min_value, max_value)
        )
        plan = known_plan("date_input", arguments) if pure else None
        if plan is None:
            plan = self._date_input_plan(*arguments)
            if pure:
                remember_plan("date_input", arguments, plan)
        return register_plan(self, plan)

    # long: one parameter a line (every argument the plan depends on), as the signature
    def _date_input_plan(
        self,
        label: str,
        value: Any,
        min_value: Any,
        max_value: Any,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        format: str,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> WidgetPlan:
        check_label_visibility(label_visibility)
        if value == "today" or isinstance(value, (str, date)) or value is None:
            value_for_id: Any = _date_for_id(value)
        else:
            value_for_id = [_date_for_id(v) for v in value]
        check_date_format(format)
        spec = date_spec(
            value, min_value, max_value, state=key_state(key) if value == "today" else (False, None)
        )
        return WidgetPlan(
            WidgetCall(
                "date_input",
                label=label,
                key=key,
                key_identity=frozenset({"format"}),
                identity={
                    "value": value_for_id,
                    "min_value": _date_for_id(min_value),
                    "max_value": _date_for_id(max_value),
                    "help": help,
                    "format": format,
                    "width": width,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=spec.default,
            sanitize=spec.sanitize,
            props={
                SPEC: spec,
                DEFAULT: spec.default,
                "min": spec.min,
                "max": spec.max,
                "is_range": spec.is_range,
                CLEARABLE: spec.clearable,
                "format": format,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def time_input(
        self,
        label: str,
        value: Any = "now",
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        step: int | timedelta = timedelta(minutes=15),
        width: Any = "stretch",
        bind: Any = None,
        required: object = NOT_GIVEN,
        format: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> time | None:
        if required is not NOT_GIVEN or format is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(
                self, "time_input", required=required, format=format, persist_state=persist_state
            )
        found, current = key_state(key)
        # Everything the plan depends on: the same call in the next run finds it remembered.
        # Not for "now", which reads the virtual clock.
        arguments: tuple[Any, ...] = (label, value, key, help, on_change, args, kwargs)
        arguments += (disabled, label_visibility, step, width, found and current is None)
        pure = type(value) is not str or value != "now"
        plan = known_plan("time_input", arguments) if pure else None
        if plan is None:
            plan = self._time_input_plan(*arguments)
            if pure:
                remember_plan("time_input", arguments, plan)
        result = register_plan(self, plan)
        return result if result is None or isinstance(result, time) else to_time(result)

    # long: one parameter a line (every argument the plan depends on), as the signature
    def _time_input_plan(
        self,
        label: str,
        value: Any,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        step: int | timedelta,
        width: Any,
        cleared: bool,
    ) -> WidgetPlan:
        """``cleared``: Session State holds None for ``key`` (the widget then starts empty)."""
        check_label_visibility(label_visibility)
        parsed = None if value is None else to_time(value)
        identity = {
            "value": parsed if isinstance(value, (datetime, time)) else value,
            "help": help,
            "step": step,
            "width": width,
        }
        if cleared:
            parsed = None
        seconds = time_step(step)
        return WidgetPlan(
            WidgetCall(
                "time_input",
                label=label,
                key=key,
                key_identity=frozenset({"step"}),
                identity=identity,
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=parsed,
            props={
                DEFAULT: parsed,
                "step": seconds,
                CLEARABLE: parsed is None,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def datetime_input(
        self,
        label: str,
        value: Any = "now",
        min_value: Any = None,
        max_value: Any = None,
        *,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        format: str = "YYYY/MM/DD",
        step: int | timedelta = timedelta(minutes=15),
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        required: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> datetime | None:
        if required is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "datetime_input", required=required, persist_state=persist_state)
        check_label_visibility(label_visibility)
        spec = datetime_spec(value, min_value, max_value, modern=newer_commands())
        if newer_commands():
            _check_format_modern(format)
        if not _date_format_ok(format):
            raise StreamlitAPIException(
                f"The provided format (`{format}`) is not valid. DateTimeInput format "
                "should be one of `YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` "
                "and can also use a period (.) or hyphen (-) as separators."
            )
        seconds = _step_seconds(step)
        default = spec.value
        found, current = key_state(key)
        if found and current is None:
            default = None
        explicit = min_value is not None or max_value is not None

        def sanitize(current: Any, _set_by_user: bool) -> Any:
            if isinstance(current, datetime) and explicit:
                if not spec.min <= current <= spec.max:
                    return spec.value
            return current

        for_id = value
        if isinstance(value, (date, time)):  # datetime included
            for_id = None if spec.value is None else spec.value.isoformat(timespec="minutes")
        return register_widget(  # type: ignore[no-any-return]
            self,
            WidgetCall(
                "datetime_input",
                label=label,
                key=key,
                key_identity=frozenset({"format", "step"}),
                identity={
                    "value": for_id,
                    "min_value": spec.min.isoformat(timespec="minutes"),
                    "max_value": spec.max.isoformat(timespec="minutes"),
                    "help": help,
                    "format": format,
                    "step": step,
                    "width": width,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=default,
            sanitize=sanitize,
            props={
                DEFAULT: default,
                SPEC: spec,
                "step": seconds,
                "format": format,
                CLEARABLE: spec.value is None,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
