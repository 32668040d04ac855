"""Text widgets of the shim: text_input, text_area, color_picker, chat_input.

Thin translations of Streamlit's signatures (seed era, 1.58) to ``register_widget``; colour
and label checks live in ``apptest._values.common``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apptest import _st_errors as errors
from apptest._props import DEFAULT, PLACEHOLDER
from apptest._run.layout import BOTTOM, MAIN, Container, form_id_of, layout_error
from apptest._run.widgets import (
    WidgetCall,
    WidgetPlan,
    known_plan,
    register_plan,
    register_widget,
    remember_plan,
)
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException
from apptest._values.common import (
    _HEX_COLOR,
    check_color_default,
    check_label_visibility,
    key_state,
)

Callback = Callable[..., Any] | None


def _truncate(max_chars: int | None) -> Callable[[Any, bool], Any] | None:
    """Streamlit's text serde: a default (or browser value) longer than max_chars is cut."""
    if not max_chars:
        return None  # nothing is ever cut: no check per run

    def sanitize(value: Any, set_by_user: bool) -> Any:
        if not set_by_user and max_chars and isinstance(value, str) and len(value) > max_chars:
            return value[:max_chars]
        return value

    return sanitize


class TextWidgets(Container):
    """``st.text_input``, ``st.text_area``, ``st.color_picker`` and ``st.chat_input``."""

    # -- text ------------------------------------------------------------------------------------
    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def text_input(
        self,
        label: str,
        value: Any = "",
        max_chars: int | None = None,
        key: object = None,
        type: str = "default",
        help: str | None = None,
        autocomplete: str | None = None,
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
        validate: object = NOT_GIVEN,
        live: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> str | None:
        if (
            required is not NOT_GIVEN
            or validate is not NOT_GIVEN
            or live is not NOT_GIVEN
            or persist_state is not NOT_GIVEN
        ):
            newer_keywords(
                self,
                "text_input",
                required=required,
                validate=validate,
                live=live,
                persist_state=persist_state,
            )
        found, current = key_state(key)
        arguments: tuple[Any, ...] = (
            label,
            value,
            found and current is None,
            max_chars,
            key,
            type,
            help,
        )
        arguments += (autocomplete, on_change, args, kwargs, placeholder, disabled)
        arguments += (label_visibility, icon, width)
        plan = known_plan("text_input", arguments) or remember_plan(
            "text_input", arguments, self._text_input_plan(*arguments)
        )
        result = register_plan(self, plan)
        return None if result is None else str(result)

    # long: one parameter a line (every argument the plan depends on), as the signature
    def _text_input_plan(
        self,
        label: str,
        value: Any,
        cleared: bool,
        max_chars: int | None,
        key: object,
        type: str,
        help: str | None,
        autocomplete: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        placeholder: str | None,
        disabled: bool,
        label_visibility: str,
        icon: str | None,
        width: Any,
    ) -> WidgetPlan:
        """``cleared``: Session State holds None for ``key`` (the widget then starts empty)."""
        check_label_visibility(label_visibility)
        default = None if value is None else str(value)
        identity = {
            "value": default,
            "max_chars": max_chars,
            "type": type,
            "help": help,
            "autocomplete": autocomplete,
            "placeholder": str(placeholder),
            "icon": icon,
            "width": width,
        }
        if cleared:
            default = None
        if type not in ("default", "password"):
            raise StreamlitAPIException(
                f"'{type}' is not a valid text_input type. "
                "Valid types are 'default' and 'password'."
            )
        if autocomplete is None:
            autocomplete = "new-password" if type == "password" else ""
        return self._text_plan(
            "text_input",
            label,
            key,
            identity,
            default,
            max_chars,
            on_change,
            args,
            kwargs,
            {
                "type": type,
                "autocomplete": autocomplete,
                "icon": icon,
                PLACEHOLDER: placeholder,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def text_area(
        self,
        label: str,
        value: Any = "",
        height: Any = None,
        max_chars: int | None = None,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        placeholder: str | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        bind: Any = None,
        required: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> str | None:
        if required is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "text_area", required=required, persist_state=persist_state)
        found, current = key_state(key)
        arguments: tuple[Any, ...] = (
            label,
            value,
            found and current is None,
            height,
            max_chars,
            key,
            help,
        )
        arguments += (on_change, args, kwargs, placeholder, disabled, label_visibility, width)
        plan = known_plan("text_area", arguments) or remember_plan(
            "text_area", arguments, self._text_area_plan(*arguments)
        )
        result = register_plan(self, plan)
        return None if result is None else str(result)

    def _text_area_plan(
        self,
        label: str,
        value: Any,
        cleared: bool,
        height: Any,
        max_chars: int | None,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        placeholder: str | None,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> WidgetPlan:
        check_label_visibility(label_visibility)
        default = None if value is None else str(value)
        identity = {
            "value": default,
            "height": height,
            "max_chars": max_chars,
            "help": help,
            "placeholder": str(placeholder),
            "width": width,
        }
        if cleared:
            default = None
        return self._text_plan(
            "text_area",
            label,
            key,
            identity,
            default,
            max_chars,
            on_change,
            args,
            kwargs,
            {
                "height": height,
                PLACEHOLDER: placeholder,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def _text_plan(
        self,
        kind: str,
        label: str,
        key: object,
        identity: dict[str, Any],
        default: str | None,
        max_chars: int | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        props: dict[str, Any],
    ) -> WidgetPlan:
        return WidgetPlan(
            WidgetCall(
                kind,
                label=label,
                key=key,
                key_identity=frozenset({"max_chars"}),
                identity=identity,
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=default,
            sanitize=_truncate(max_chars),
            props={**props, DEFAULT: default, "max_chars": max_chars},
        )

    def color_picker(
        self,
        label: str,
        value: str | None = None,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        persist_state: object = NOT_GIVEN,
    ) -> str:
        if persist_state is not NOT_GIVEN:
            newer_keywords(self, "color_picker", persist_state=persist_state)
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, value, key, help, on_change, args, kwargs)
        arguments += (disabled, label_visibility, width)
        plan = known_plan("color_picker", arguments) or remember_plan(
            "color_picker", arguments, self._color_picker_plan(*arguments)
        )
        return str(register_plan(self, plan))

    def _color_picker_plan(
        self,
        label: str,
        value: str | None,
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
        identity = {"value": str(value), "help": help, "width": width}
        default = check_color_default(value)

        def sanitize(current: Any, set_by_user: bool) -> Any:
            if set_by_user or (isinstance(current, str) and _HEX_COLOR.match(current)):
                return current
            return default

        return WidgetPlan(
            WidgetCall(
                "color_picker",
                label=label,
                key=key,
                key_identity=True,
                identity=identity,
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=default,
            sanitize=sanitize,
            props={
                DEFAULT: default,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def chat_input(
        self,
        placeholder: str = "Your message",
        *,
        key: object = None,
        max_chars: int | None = None,
        max_upload_size: int | None = None,
        accept_file: Any = False,
        file_type: Any = None,
        accept_audio: bool = False,
        audio_sample_rate: int | None = 16000,
        disabled: bool = False,
        on_submit: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        width: Any = "stretch",
        height: Any = "content",
        submit_mode: object = NOT_GIVEN,
    ) -> str | None:
        if submit_mode is not NOT_GIVEN:
            newer_keywords(self, "chat_input", submit_mode=submit_mode)
        if accept_file not in (True, False, "multiple", "directory"):
            raise StreamlitAPIException(
                "The `accept_file` parameter must be a boolean or 'multiple' or 'directory'."
            )
        if accept_file or accept_audio:
            raise errors.StreamlitAPIUnimplementedError(
                "`st.chat_input(accept_file=..., accept_audio=...)` is not simulated by apptest: "
                "chat input takes text only. Remove accept_file/accept_audio or test file input "
                "through st.file_uploader."
            )
        if form_id_of(self):
            raise layout_error("`st.chat_input()` can't be used in a `st.form()`.")
        target = self._active()
        where: Container = self
        if target._root == MAIN and target._cursor is None:
            where = self.at_root(BOTTOM)  # position "bottom": the app's bottom container
        value = register_widget(
            where,
            WidgetCall(
                "chat_input",
                label="",
                key=key,
                key_identity=frozenset(
                    {"accept_file", "file_type", "max_chars", "max_upload_size"}
                ),
                identity={
                    "placeholder": placeholder,
                    "max_chars": max_chars,
                    "max_upload_size": max_upload_size,
                    "accept_file": accept_file,
                    "file_type": file_type,
                    "accept_audio": accept_audio,
                    "audio_sample_rate": audio_sample_rate,
                    "width": width,
                    "height": height,
                },
                trigger=True,
                reset_value=None,
                on_change=on_submit,
                args=args,
                kwargs=kwargs,
            ),
            default=None,
            props={PLACEHOLDER: str(placeholder), "max_chars": max_chars, "disabled": disabled},
        )
        return None if value is None else str(value)
