"""Value widgets of the shim: number_input, slider, select_slider, pagination.

Thin translations of Streamlit's signatures (seed era, 1.58); argument resolution (int/float
inference, ranges) lives in ``apptest._values.number_input`` and ``apptest._values.sliders``.
``st.pagination`` holds a page number, 1..``num_pages``. The date and time widgets are in
``apptest._shim.widgets_dates``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apptest._props import CLEARABLE, DEFAULT, OPTIONS, PLACEHOLDER, SPEC
from apptest._run.layout import Container, newer_commands
from apptest._run.widgets import (
    WidgetCall,
    WidgetPlan,
    known_plan,
    register_plan,
    register_widget,
    remember_plan,
)
from apptest._shim.errors_modern import bad_type, out_of_range
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException
from apptest._values.choices import Options
from apptest._values.common import check_label_visibility, key_state
from apptest._values.number_input import number_spec
from apptest._values.sliders import select_slider_spec, slider_spec

Callback = Callable[..., Any] | None


class ValueWidgets(Container):
    """``st.number_input``, ``st.slider``, ``st.select_slider`` and ``st.pagination``."""

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
        found, current = key_state(key)
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, min_value, max_value, value, step, format, key)
        arguments += (help, on_change, args, kwargs, placeholder, disabled, label_visibility)
        arguments += (icon, width, found and current is None)
        plan = known_plan("number_input", arguments) or remember_plan(
            "number_input", arguments, self._number_input_plan(*arguments)
        )
        warning = plan.props[SPEC].warning
        if warning is not None:
            # The package imports this module: ``st._main`` is read when a warning is shown.
            from apptest._shim import _main

            _main.warning(warning)
        return register_plan(self, plan)

    # long: one parameter a line (every argument the plan depends on), as the signature
    def _number_input_plan(
        self,
        label: str,
        min_value: Any,
        max_value: Any,
        value: Any,
        step: Any,
        format: str | None,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        placeholder: str | None,
        disabled: bool,
        label_visibility: str,
        icon: str | None,
        width: Any,
        none_in_state: bool,
    ) -> WidgetPlan:
        check_label_visibility(label_visibility)
        spec = number_spec(min_value, max_value, value, step, format, none_in_state=none_in_state)
        return WidgetPlan(
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
        # Everything the plan depends on: the same call in the next run finds it remembered.
        # (Without a value the default comes from Session State: no plan is remembered.)
        arguments: tuple[Any, ...] = (label, min_value, max_value, value, step, format, key)
        arguments += (help, on_change, args, kwargs, disabled, label_visibility, width)
        plan = None if value is None else known_plan("slider", arguments)
        if plan is None:
            plan = self._slider_plan(*arguments)
            if value is not None:
                remember_plan("slider", arguments, plan)
        return register_plan(self, plan)

    # long: one parameter a line (every argument the plan depends on), as the signature
    def _slider_plan(
        self,
        label: str,
        min_value: Any,
        max_value: Any,
        value: Any,
        step: Any,
        format: str | None,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> WidgetPlan:
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
        return WidgetPlan(
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
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, options, value, format_func is str)
        arguments += (None if format_func is str else format_func, key, help, on_change, args)
        arguments += (kwargs, disabled, label_visibility, width)
        plan = known_plan("select_slider", arguments) or remember_plan(
            "select_slider",
            arguments,
            self._select_slider_plan(
                label, options, value, format_func, key, help, on_change, args, kwargs,
                disabled, label_visibility, width,
            ),
        )  # fmt: skip
        return register_plan(self, plan)

    def _select_slider_plan(
        self,
        label: str,
        options: Any,
        value: Any,
        format_func: Callable[[Any], Any],
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> WidgetPlan:
        check_label_visibility(label_visibility)
        opts = Options.make(options, format_func)
        spec = select_slider_spec(opts, value)
        return WidgetPlan(
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

    def pagination(
        self,
        num_pages: int,
        *,
        default: int = 1,
        max_visible_pages: int | None = 7,
        width: Any = "content",
        key: object = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        disabled: bool = False,
        bind: Any = None,
        persist_state: object = NOT_GIVEN,
    ) -> int:
        if persist_state is not NOT_GIVEN:
            newer_keywords(self, "pagination", persist_state=persist_state)
        _check_pages(num_pages, default, max_visible_pages)

        def sanitize(current: Any, _set_by_user: bool) -> Any:
            if _is_int(current) and 1 <= current <= num_pages:
                return current
            return default

        return int(
            register_widget(
                self,
                WidgetCall(
                    "pagination",
                    label="",
                    key=key,
                    key_identity=True,
                    identity={
                        "num_pages": num_pages,
                        "default": default,
                        "max_visible_pages": max_visible_pages,
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
                    "num_pages": num_pages,
                    "max_visible_pages": max_visible_pages,
                    "disabled": disabled,
                },
            )
        )


def _check_pages(num_pages: object, default: object, max_visible_pages: object) -> None:
    """``st.pagination``'s argument checks, in Streamlit's order and words."""
    if not _is_int(num_pages) or num_pages < 1:  # type: ignore[operator]
        raise StreamlitAPIException(
            f"`num_pages` must be an integer of at least 1. Got {num_pages}."
        )
    if newer_commands() and not _is_int(default):
        raise bad_type("default", default, "int")
    if newer_commands() and not 1 <= default <= num_pages:  # type: ignore[operator]
        raise out_of_range("default", default, 1, num_pages)
    if not _is_int(default) or not 1 <= default <= num_pages:  # type: ignore[operator]
        raise StreamlitAPIException(
            f"`default` must be between 1 and `num_pages` ({num_pages}). Got {default}."
        )
    if max_visible_pages is not None and (
        not _is_int(max_visible_pages) or max_visible_pages < 0  # type: ignore[operator]
    ):
        raise StreamlitAPIException(
            f"`max_visible_pages` must be a non-negative integer or None. Got {max_visible_pages}."
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
