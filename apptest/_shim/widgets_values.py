"""Value widgets of the shim: number_input, slider, select_slider, date_input, time_input.

Thin translations of Streamlit's signatures (seed era, 1.58); argument resolution (int/float
inference, ranges, default dates) lives in ``apptest._values.number_input``,
``apptest._values.sliders`` and ``apptest._values.dates``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from apptest._props import CLEARABLE, DEFAULT, OPTIONS, PLACEHOLDER, SPEC
from apptest._run.layout import Container
from apptest._run.widgets import WidgetCall, register_widget
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._values.choices import Options
from apptest._values.common import check_label_visibility, key_state
from apptest._values.dates import check_date_format, date_spec, time_step, to_time
from apptest._values.number_input import number_spec
from apptest._values.sliders import select_slider_spec, slider_spec

Callback = Callable[..., Any] | None


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


class ValueWidgets(Container):
    """``st.number_input``, ``st.slider``, ``st.select_slider``, ``st.date_input`` and
    ``st.time_input``."""

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def number_input(
        self,
        label: str,
        min_value: Any = None,
        max_value: Any = None,
        value: Any = "min",
        step: Any = None,
        format: str | None = None,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        icon: str | None = None,
        width: Any = "stretch",
        bind: Any = None,
        required: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> Any:
        if required is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "number_input", required=required, persist_state=persist_state)
        check_label_visibility(label_visibility)
        found, current = key_state(key)
        spec = number_spec(
            min_value, max_value, value, step, format, none_in_state=found and current is None
        )
        if spec.warning is not None:
            # The package imports this module: ``st._main`` is read when a warning is shown.
            from apptest._shim import _main

            _main.warning(spec.warning)
        return register_widget(
            self,
            WidgetCall(
                "number_input",
                label=label,
                key=key,
                key_identity=True,
                identity={
                    "min_value": min_value,
                    "max_value": max_value,
                    "value": value,
                    "step": step,
                    "format": format,
                    "help": help,
                    "placeholder": None if placeholder is None else str(placeholder),
                    "icon": icon,
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
                "step": spec.step,
                "data_type": spec.data_type,
                "format": spec.format,
                CLEARABLE: spec.clearable,
                PLACEHOLDER: placeholder,
                "icon": icon,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    # long: Streamlit's signature (1.58 and 1.59+ keywords) is a third of it or more
    def slider(
        self,
        label: str,
        min_value: Any = None,
        max_value: Any = None,
        value: Any = None,
        step: Any = None,
        format: str | None = None,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: object = NOT_GIVEN,
    ) -> Any:
        if persist_state is not NOT_GIVEN:
            newer_keywords(self, "slider", persist_state=persist_state)
        check_label_visibility(label_visibility)
        identity = {
            "min_value": min_value,
            "max_value": max_value,
            "value": value,
            "step": step,
            "format": format,
            "help": help,
            "width": width,
        }
        spec = slider_spec(min_value, max_value, value, step, format, state=key_state(key))
        return register_widget(
            self,
            WidgetCall(
                "slider",
                label=label,
                key=key,
                key_identity=frozenset({"min_value", "max_value", "step"}),
                identity=identity,
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
                "step": spec.step,
                "data_type": spec.data_type,
                "is_range": spec.is_range,
                "format": spec.format,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def select_slider(
        self,
        label: str,
        options: Any = (),
        value: Any = None,
        format_func: Callable[[Any], Any] = str,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        persist_state: object = NOT_GIVEN,
    ) -> Any:
        if persist_state is not NOT_GIVEN:
            newer_keywords(self, "select_slider", persist_state=persist_state)
        check_label_visibility(label_visibility)
        opts = Options.make(options, format_func)
        spec = select_slider_spec(opts, value)
        return register_widget(
            self,
            WidgetCall(
                "select_slider",
                label=label,
                key=key,
                key_identity=True,
                identity={
                    "options": opts.formatted,
                    "value": spec.default_indices,
                    "help": help,
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
                OPTIONS: list(opts.formatted),
                "option_values": opts.raw,
                "format_func": opts.format_func,
                DEFAULT: spec.default,
                "is_range": spec.is_range,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

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
        check_label_visibility(label_visibility)
        if value == "today" or isinstance(value, (str, date)) or value is None:
            value_for_id: Any = _date_for_id(value)
        else:
            value_for_id = [_date_for_id(v) for v in value]
        check_date_format(format)
        spec = date_spec(
            value, min_value, max_value, state=key_state(key) if value == "today" else (False, None)
        )
        return register_widget(
            self,
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
        check_label_visibility(label_visibility)
        parsed = None if value is None else to_time(value)
        identity = {
            "value": parsed if isinstance(value, (datetime, time)) else value,
            "help": help,
            "step": step,
            "width": width,
        }
        found, current = key_state(key)
        if found and current is None:
            parsed = None
        seconds = time_step(step)
        result = register_widget(
            self,
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
        return result if result is None or isinstance(result, time) else to_time(result)
