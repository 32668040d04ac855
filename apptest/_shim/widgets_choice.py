"""Choice widgets of the shim: radio, selectbox, multiselect (pills, segmented_control and
feedback are in ``widgets_groups``).

Thin translations of Streamlit's signatures (seed era, 1.58) to ``register_widget``; option
handling and validation live in ``apptest._values.choices``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from apptest import _st_errors as errors
from apptest._props import CLEARABLE, DEFAULT, OPTIONS, PLACEHOLDER
from apptest._run.layout import Container
from apptest._run.widgets import (
    WidgetCall,
    WidgetPlan,
    known_plan,
    register_plan,
    remember_plan,
)
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException
from apptest._values.choices import Options, default_indices, keep_option, keep_options
from apptest._values.common import check_label_visibility, key_state

Callback = Callable[..., Any] | None
_FILTER_MODES = ("fuzzy", "contains", "prefix", None)


def _check_filter_mode(filter_mode: object, accept_new_options: bool, command: str) -> None:
    try:
        valid = filter_mode in _FILTER_MODES
    except TypeError:
        valid = False
    if not valid:
        raise errors.StreamlitValueError(
            "Invalid `{parameter}` value. Supported values: {valid_values}.",
            parameter="filter_mode",
            valid_values="fuzzy, contains, prefix, None",
        )
    if filter_mode is None and accept_new_options:
        raise StreamlitAPIException(
            f"The `filter_mode` argument to `{command}` cannot be None when "
            "`accept_new_options=True`."
        )


def _check_index(name: str, index: object, count: int, range_message: str) -> None:
    if not isinstance(index, int) and index is not None:
        raise StreamlitAPIException(f"{name} Value has invalid type: {type(index).__name__}")
    if index is not None and count > 0 and not 0 <= index < count:
        raise StreamlitAPIException(range_message)


def option_props(options: Options) -> dict[str, Any]:
    return {
        OPTIONS: list(options.formatted),
        "option_values": options.raw,
        "format_func": options.format_func,
    }


class ChoiceWidgets(Container):
    """``st.radio``, ``st.selectbox`` and ``st.multiselect``."""

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def radio(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], Any] = str,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        horizontal: bool = False,
        captions: Sequence[str] | None = None,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        persist_state: object = NOT_GIVEN,
    ) -> Any:
        if persist_state is not NOT_GIVEN:
            newer_keywords(self, "radio", persist_state=persist_state)
        found, current = key_state(key)
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, options, index, format_func is str)
        arguments += (None if format_func is str else format_func, key, help, on_change, args)
        arguments += (kwargs, disabled, horizontal, captions, label_visibility, width)
        arguments += (found and current is None,)
        plan = known_plan("radio", arguments) or remember_plan(
            "radio",
            arguments,
            self._radio_plan(
                label, options, index, format_func, key, help, on_change, args, kwargs,
                disabled, horizontal, captions, label_visibility, width,
                found and current is None,
            ),
        )  # fmt: skip
        return register_plan(self, plan)

    # long: one parameter a line (every argument the plan depends on), as the signature
    def _radio_plan(
        self,
        label: str,
        options: Any,
        index: int | None,
        format_func: Callable[[Any], Any],
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        disabled: bool,
        horizontal: bool,
        captions: Sequence[str] | None,
        label_visibility: str,
        width: Any,
        cleared: bool,
    ) -> WidgetPlan:
        """``cleared``: Session State holds None for ``key`` (no option is then selected)."""
        check_label_visibility(label_visibility)
        opts = Options.make(options, format_func)
        _check_index(
            "Radio", index, len(opts.raw), "Radio index must be between 0 and length of options"
        )
        for caption in captions or ():
            if caption is not None and not isinstance(caption, str):
                raise StreamlitAPIException(
                    f"Radio captions must be strings. Passed type: {type(caption).__name__}"
                )
        if cleared:
            index = None
        default = opts.raw[index] if index is not None and opts.raw else None
        return WidgetPlan(
            WidgetCall(
                "radio",
                label=label,
                key=key,
                key_identity=True,
                identity={
                    "options": opts.formatted,
                    "index": index,
                    "help": help,
                    "horizontal": horizontal,
                    "captions": captions,
                    "width": width,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=default,
            sanitize=keep_option(opts, default),
            props={
                **option_props(opts),
                "index": index,
                DEFAULT: default,
                CLEARABLE: index is None,
                "horizontal": horizontal,
                "captions": list(captions or ()),
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def selectbox(
        self,
        label: str,
        options: Any,
        index: int | None = 0,
        format_func: Callable[[Any], Any] = str,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        accept_new_options: bool = False,
        filter_mode: Any = "fuzzy",
        width: Any = "stretch",
        bind: Any = None,
        required: object = NOT_GIVEN,
        icon: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> Any:
        if required is not NOT_GIVEN or icon is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(
                self, "selectbox", required=required, icon=icon, persist_state=persist_state
            )
        found, current = key_state(key)
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, options, index, format_func is str)
        arguments += (None if format_func is str else format_func, key, help, on_change, args)
        arguments += (kwargs, placeholder, disabled, label_visibility, accept_new_options)
        arguments += (filter_mode, width, found and current is None)
        plan = known_plan("selectbox", arguments) or remember_plan(
            "selectbox",
            arguments,
            self._selectbox_plan(
                label, options, index, format_func, key, help, on_change, args, kwargs,
                placeholder, disabled, label_visibility, accept_new_options, filter_mode, width,
                found and current is None,
            ),
        )  # fmt: skip
        return register_plan(self, plan)

    # long: one parameter a line (every argument the plan depends on), as the signature
    def _selectbox_plan(
        self,
        label: str,
        options: Any,
        index: int | None,
        format_func: Callable[[Any], Any],
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        placeholder: str | None,
        disabled: bool,
        label_visibility: str,
        accept_new_options: bool,
        filter_mode: Any,
        width: Any,
        cleared: bool,
    ) -> WidgetPlan:
        """``cleared``: Session State holds None for ``key`` (no option is then selected)."""
        check_label_visibility(label_visibility)
        opts = Options.make(options, format_func)
        _check_index(
            "Selectbox",
            index,
            len(opts.raw),
            "Selectbox index must be greater than or equal to 0 and less than the length of "
            "options.",
        )
        if placeholder == "":
            placeholder = " "
        _check_filter_mode(filter_mode, accept_new_options, "st.selectbox")
        if cleared:
            index = None
        default = opts.raw[index] if index is not None and opts.raw else None
        return WidgetPlan(
            WidgetCall(
                "selectbox",
                label=label,
                key=key,
                key_identity=frozenset({"accept_new_options"}),
                identity={
                    "options": opts.formatted,
                    "index": index,
                    "help": help,
                    "placeholder": placeholder,
                    "accept_new_options": accept_new_options,
                    "filter_mode": filter_mode,
                    "width": width,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=default,
            sanitize=None if accept_new_options else keep_option(opts, default),
            props={
                **option_props(opts),
                "index": index,
                DEFAULT: default,
                CLEARABLE: index is None,
                PLACEHOLDER: placeholder or "",
                "accept_new_options": accept_new_options,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def multiselect(
        self,
        label: str,
        options: Any,
        default: Any = None,
        format_func: Callable[[Any], Any] = str,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        max_selections: int | None = None,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        accept_new_options: bool = False,
        filter_mode: Any = "fuzzy",
        width: Any = "stretch",
        bind: Any = None,
        select_all: object = NOT_GIVEN,
        wrap: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> list[Any]:
        if select_all is not NOT_GIVEN or wrap is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(
                self, "multiselect", select_all=select_all, wrap=wrap, persist_state=persist_state
            )
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, options, default, format_func is str)
        arguments += (None if format_func is str else format_func, key, help, on_change, args)
        arguments += (kwargs, max_selections, placeholder, disabled, label_visibility)
        arguments += (accept_new_options, filter_mode, width)
        plan = known_plan("multiselect", arguments) or remember_plan(
            "multiselect",
            arguments,
            self._multiselect_plan(
                label, options, default, format_func, key, help, on_change, args, kwargs,
                max_selections, placeholder, disabled, label_visibility, accept_new_options,
                filter_mode, width,
            ),
        )  # fmt: skip
        return list(register_plan(self, plan) or ())

    # long: one parameter a line (every argument the plan depends on), as the signature
    def _multiselect_plan(
        self,
        label: str,
        options: Any,
        default: Any,
        format_func: Callable[[Any], Any],
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        max_selections: int | None,
        placeholder: str | None,
        disabled: bool,
        label_visibility: str,
        accept_new_options: bool,
        filter_mode: Any,
        width: Any,
    ) -> WidgetPlan:
        check_label_visibility(label_visibility)
        if max_selections is not None and max_selections < 1:
            action = (
                " To disable `st.multiselect`, use `disabled=True`." if max_selections == 0 else ""
            )
            raise errors.StreamlitInvalidMaxError(
                "In `{widget_name}`, `{parameter_name}` was set to {value}. "
                "`{parameter_name}` must be a positive integer." + action,
                widget_name="st.multiselect",
                parameter_name="max_selections",
                value=max_selections,
            )
        opts = Options.make(options, format_func)
        indices = default_indices(opts, default)
        if placeholder == "":
            placeholder = " "
        _check_filter_mode(filter_mode, accept_new_options, "st.multiselect")
        initial = [opts.raw[i] for i in indices]
        sanitize = keep_options(opts, max_selections, drop_unknown=not accept_new_options)
        return WidgetPlan(
            WidgetCall(
                "multiselect",
                label=label,
                key=key,
                key_identity=frozenset({"max_selections", "accept_new_options"}),
                identity={
                    "options": opts.formatted,
                    "default": indices,
                    "help": help,
                    "max_selections": max_selections,
                    "placeholder": placeholder,
                    "accept_new_options": accept_new_options,
                    "filter_mode": filter_mode,
                    "width": width,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=initial,
            sanitize=sanitize,
            props={
                **option_props(opts),
                DEFAULT: initial,
                "max_selections": max_selections,
                PLACEHOLDER: placeholder or "",
                "accept_new_options": accept_new_options,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
