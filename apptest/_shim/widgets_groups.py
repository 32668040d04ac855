"""Button-group widgets of the shim: pills, segmented_control and feedback.

Thin translations of Streamlit's signatures (seed era, 1.58) to ``register_widget``; option
handling and validation live in ``apptest._values.choices``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apptest._props import DEFAULT, OPTIONS
from apptest._run.layout import Container
from apptest._run.widgets import (
    WidgetCall,
    WidgetPlan,
    known_plan,
    register_plan,
    register_widget,
    remember_plan,
)
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._shim.widgets_choice import option_props
from apptest._st_errors import StreamlitAPIException
from apptest._values.choices import Options, default_indices, keep_option, keep_options
from apptest._values.common import FEEDBACK_OPTIONS, check_label_visibility

Callback = Callable[..., Any] | None


class GroupWidgets(Container):
    """``st.pills``, ``st.segmented_control`` and ``st.feedback``."""

    def pills(
        self,
        label: str,
        options: Any,
        *,
        selection_mode: str = "single",
        default: Any = None,
        required: bool = False,
        format_func: Callable[[Any], Any] | None = None,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        wrap: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> Any:
        if wrap is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "pills", wrap=wrap, persist_state=persist_state)
        return self._button_group(
            "pills",
            label,
            options,
            selection_mode,
            default,
            required,
            format_func,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
            width,
        )

    def segmented_control(
        self,
        label: str,
        options: Any,
        *,
        selection_mode: str = "single",
        default: Any = None,
        required: bool = False,
        format_func: Callable[[Any], Any] | None = None,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        wrap: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> Any:
        if wrap is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "segmented_control", wrap=wrap, persist_state=persist_state)
        return self._button_group(
            "segmented_control",
            label,
            options,
            selection_mode,
            default,
            required,
            format_func,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
            width,
        )

    def _button_group(
        self,
        style: str,
        label: str,
        options: Any,
        selection_mode: str,
        default: Any,
        required: bool,
        format_func: Callable[[Any], Any] | None,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> Any:
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, options, selection_mode, default, required)
        arguments += (format_func is str, None if format_func is str else format_func, key)
        arguments += (help, on_change, args, kwargs, disabled, label_visibility, width)
        plan = known_plan(style, arguments) or remember_plan(
            style,
            arguments,
            self._button_group_plan(
                style, label, options, selection_mode, default, required, format_func, key,
                help, on_change, args, kwargs, disabled, label_visibility, width,
            ),
        )  # fmt: skip
        value = register_plan(self, plan)
        return list(value or ()) if selection_mode == "multi" else value

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def _button_group_plan(
        self,
        style: str,
        label: str,
        options: Any,
        selection_mode: str,
        default: Any,
        required: bool,
        format_func: Callable[[Any], Any] | None,
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
        if required and selection_mode == "multi":
            raise StreamlitAPIException(
                "The `required` argument cannot be used with `selection_mode='multi'`. The "
                "`required` parameter is only supported for single-select mode."
            )
        opts = Options.make(options, format_func)
        indices = default_indices(opts, default)
        if selection_mode not in ("single", "multi"):
            raise StreamlitAPIException(
                "The selection_mode argument must be one of ['single', 'multi']. The argument "
                f"passed was '{selection_mode}'."
            )
        if selection_mode == "single" and len(indices) > 1:
            raise StreamlitAPIException(
                "The default argument to `st.pills` must be a single value when "
                "`selection_mode='single'`."
            )
        multi = selection_mode == "multi"
        initial: Any = (
            [opts.raw[i] for i in indices] if multi else (opts.raw[indices[0]] if indices else None)
        )
        return WidgetPlan(
            WidgetCall(
                style,
                label=label,
                key=key,
                key_identity=frozenset({"click_mode"}),
                identity={
                    "options": opts.formatted,
                    "default": indices,
                    "click_mode": selection_mode,
                    "style": style,
                    "width": width,
                    "help": help,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=initial,
            sanitize=keep_options(opts) if multi else keep_option(opts, initial),
            props={
                **option_props(opts),
                DEFAULT: initial,
                "selection_mode": selection_mode,
                "required": required,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def feedback(
        self,
        options: str = "thumbs",
        *,
        key: object = None,
        default: int | None = None,
        disabled: bool = False,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        width: Any = "content",
        bind: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> int | None:
        if bind is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "feedback", bind=bind, persist_state=persist_state)
        if options not in FEEDBACK_OPTIONS:
            raise StreamlitAPIException(
                "The options argument to st.feedback must be one of ['thumbs', 'faces', "
                f"'stars']. The argument passed was '{options}'."
            )
        count = FEEDBACK_OPTIONS[options]
        if default is not None and (default < 0 or default >= count):
            raise StreamlitAPIException(
                f"The default value in '{options}' must be a number between 0 and {count - 1}. "
                f"The passed default value is {default}"
            )
        value = register_widget(
            self,
            WidgetCall(
                "feedback",
                label="",
                key=key,
                key_identity=frozenset({"options"}),
                identity={"options": options, "default": default, "width": width},
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=default,
            props={
                OPTIONS: options,
                "option_count": count,
                DEFAULT: default,
                "disabled": disabled,
            },
        )
        return None if value is None else int(value)
