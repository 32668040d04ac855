"""The shim's input widgets: buttons, toggles, text, colour, chat input and forms.

``WidgetCommands`` is mixed into ``DeltaGenerator``; it gathers every widget command
(choices in ``widgets_choice``, numbers/dates/sliders in ``widgets_values``, files and the
data editor in ``widgets_data``). Each method translates Streamlit's signature (seed era,
1.58) into ``register_widget``/``emit_element``/``emit_block`` calls; values and their rules
live in ``apptest._values.common`` and friends.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from apptest import _st_errors as errors
from apptest._run.layout import (
    BOTTOM,
    MAIN,
    Container,
    current_run,
    emit_block,
    emit_element,
    form_id_of,
    layout_error,
)
from apptest._run.widgets import WidgetCall, register_widget
from apptest._shim.widgets_choice import ChoiceWidgets
from apptest._shim.widgets_data import DataWidgets
from apptest._shim.widgets_values import ValueWidgets
from apptest._st_errors import StreamlitAPIException
from apptest._values.common import (
    _HEX_COLOR,
    check_button_type,
    check_color_default,
    check_label_visibility,
    key_state,
)
from apptest._values.uploads import download_bytes

Callback = Callable[..., Any] | None

FORM_DOCS_INFO = (
    "\n\nFor more information, refer to the\n[documentation for forms]"
    "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)


def _truncate(max_chars: int | None) -> Callable[[Any, bool], Any] | None:
    """Streamlit's text serde: a default (or browser value) longer than max_chars is cut."""
    if not max_chars:
        return None  # nothing is ever cut: no check per run

    def sanitize(value: Any, set_by_user: bool) -> Any:
        if not set_by_user and max_chars and isinstance(value, str) and len(value) > max_chars:
            return value[:max_chars]
        return value

    return sanitize


def _duplicate_form_message(key: str) -> str:
    return textwrap.dedent(
        f"""
        There are multiple identical forms with `key='{key}'`.

        To fix this, please make sure that the `key` argument is unique for
        each `st.form` you create.
        """
    ).strip("\n")


class WidgetCommands(ChoiceWidgets, ValueWidgets, DataWidgets, Container):
    """Every input widget command of ``st`` (and of any container), plus ``st.form``."""

    # -- buttons ---------------------------------------------------------------------------------
    def button(
        self,
        label: str,
        key: object = None,
        help: str | None = None,
        on_click: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
    ) -> bool:
        check_button_type("st.button", type)
        if form_id_of(self):
            raise layout_error(f"`st.button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}")
        return bool(
            register_widget(
                self,
                WidgetCall(
                    "button",
                    label=label,
                    key=key,
                    key_identity=True,
                    identity={
                        "icon": icon,
                        "help": help,
                        "is_form_submitter": False,
                        "type": type,
                        "width": width,
                        "icon_position": icon_position,
                        "shortcut": shortcut,
                    },
                    trigger=True,
                    read_only=True,
                    on_change=on_click,
                    args=args,
                    kwargs=kwargs,
                ),
                default=False,
                props={"help": help, "type": type, "icon": icon, "disabled": disabled},
            )
        )

    def form_submit_button(
        self,
        label: str = "Submit",
        help: str | None = None,
        on_click: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        key: object = None,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
    ) -> bool:
        check_button_type("st.form_submit_button", type)
        form_id = form_id_of(self)
        if not form_id:
            raise layout_error(
                f"`st.form_submit_button()` must be used inside an `st.form()`.{FORM_DOCS_INFO}"
            )
        user_key = key if key is not None else f"FormSubmitter:{form_id}-{label}"  # W4
        return bool(
            register_widget(
                self,
                WidgetCall(
                    "form_submit_button",
                    label=label,
                    key=user_key,
                    key_identity=True,
                    identity={
                        "icon": icon,
                        "help": help,
                        "is_form_submitter": True,
                        "type": type,
                        "width": width,
                        "icon_position": icon_position,
                        "shortcut": shortcut,
                    },
                    trigger=True,
                    read_only=True,
                    on_change=on_click,
                    args=args,
                    kwargs=kwargs,
                ),
                default=False,
                props={"help": help, "type": type, "icon": icon, "disabled": disabled},
            )
        )

    # long: Streamlit's signature, one parameter a line (20 lines); the body is 51
    def download_button(
        self,
        label: str,
        data: Any,
        file_name: str | None = None,
        mime: str | None = None,
        key: object = None,
        help: str | None = None,
        on_click: Any = "rerun",
        args: Any = None,
        kwargs: Any = None,
        *,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
    ) -> bool:
        check_button_type("st.download_button", type)
        callback = None if on_click in (None, "ignore", "rerun") else on_click
        if form_id_of(self):
            raise layout_error(
                f"`st.download_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}"
            )
        if callable(data):
            content: Any = data
            inferred = "application/octet-stream"
        else:
            converted = download_bytes(data)
            if converted is None:
                raise StreamlitAPIException(f"Invalid binary data format: {data.__class__}")
            content, inferred = converted
        return bool(
            register_widget(
                self,
                WidgetCall(
                    "download_button",
                    label=label,
                    key=key,
                    key_identity=True,
                    identity={
                        "icon": icon,
                        "file_name": file_name,
                        "mime": mime,
                        "help": help,
                        "type": type,
                        "width": width,
                        "icon_position": icon_position,
                        "shortcut": shortcut,
                    },
                    trigger=True,
                    read_only=True,
                    on_change=callback,
                    args=args,
                    kwargs=kwargs,
                ),
                default=False,
                props={
                    "data": content,
                    "file_name": file_name,
                    "mime": mime or inferred,
                    "ignore_rerun": on_click == "ignore",
                    "help": help,
                    "type": type,
                    "icon": icon,
                    "disabled": disabled,
                },
            )
        )

    def link_button(
        self,
        label: str,
        url: str,
        *,
        key: object = None,
        on_click: Any = "ignore",
        args: Any = None,
        kwargs: Any = None,
        help: str | None = None,
        type: str = "secondary",
        icon: str | None = None,
        icon_position: str = "left",
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        shortcut: str | None = None,
    ) -> Any:
        check_button_type("st.link_button", type)
        props = {
            "label": label,
            "url": url,
            "help": help,
            "type": type,
            "icon": icon,
            "disabled": disabled,
        }
        if on_click == "ignore":
            # An element: the browser opens the URL and the app does not rerun.
            return emit_element(self, "link_button", {**props, "ignore_rerun": True})
        callback = None if on_click == "rerun" else on_click
        return bool(
            register_widget(
                self,
                WidgetCall(
                    "link_button",
                    label=label,
                    key=key,
                    key_identity=True,
                    identity={
                        "icon": icon,
                        "url": url,
                        "help": help,
                        "type": type,
                        "width": width,
                        "icon_position": icon_position,
                        "shortcut": shortcut,
                    },
                    trigger=True,
                    read_only=True,
                    on_change=callback,
                    args=args,
                    kwargs=kwargs,
                ),
                default=False,
                props={**props, "ignore_rerun": False},
            )
        )

    # -- toggles ---------------------------------------------------------------------------------
    def checkbox(
        self,
        label: str,
        value: bool = False,
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
    ) -> bool:
        return self._checkbox(
            "checkbox",
            label,
            value,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
            width,
        )

    def toggle(
        self,
        label: str,
        value: bool = False,
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
    ) -> bool:
        return self._checkbox(
            "toggle",
            label,
            value,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
            width,
        )

    def _checkbox(
        self,
        kind: str,
        label: str,
        value: bool,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> bool:
        check_label_visibility(label_visibility)
        return bool(
            register_widget(
                self,
                WidgetCall(
                    kind,
                    label=label,
                    key=key,
                    key_identity=True,
                    identity={"value": bool(value), "help": help, "width": width},
                    on_change=on_change,
                    args=args,
                    kwargs=kwargs,
                ),
                default=bool(value),
                props={
                    "default": bool(value),
                    "help": help,
                    "disabled": disabled,
                    "label_visibility": label_visibility,
                },
            )
        )

    # -- text ------------------------------------------------------------------------------------
    # long: Streamlit's signature, one parameter a line (20 lines); the body is 41
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
    ) -> str | None:
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
        found, current = key_state(key)
        if found and current is None:
            default = None
        if type not in ("default", "password"):
            raise StreamlitAPIException(
                f"'{type}' is not a valid text_input type. Valid types are 'default' and 'password'."
            )
        if autocomplete is None:
            autocomplete = "new-password" if type == "password" else ""
        return self._text(
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
                "placeholder": placeholder,
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
    ) -> str | None:
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
        found, current = key_state(key)
        if found and current is None:
            default = None
        return self._text(
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
                "placeholder": placeholder,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def _text(
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
    ) -> str | None:
        result = register_widget(
            self,
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
            props={**props, "default": default, "max_chars": max_chars},
        )
        return None if result is None else str(result)

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
    ) -> str:
        check_label_visibility(label_visibility)
        identity = {"value": str(value), "help": help, "width": width}
        default = check_color_default(value)

        def sanitize(current: Any, set_by_user: bool) -> Any:
            if set_by_user or (isinstance(current, str) and _HEX_COLOR.match(current)):
                return current
            return default

        return str(
            register_widget(
                self,
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
                    "default": default,
                    "help": help,
                    "disabled": disabled,
                    "label_visibility": label_visibility,
                },
            )
        )

    # long: Streamlit's signature, one parameter a line (18 lines); the body is 46
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
    ) -> str | None:
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
            props={"placeholder": str(placeholder), "max_chars": max_chars, "disabled": disabled},
        )
        return None if value is None else str(value)

    # -- forms -----------------------------------------------------------------------------------
    def form(
        self,
        key: str,
        clear_on_submit: bool = False,
        *,
        enter_to_submit: bool = True,
        border: bool = True,
        width: Any = "stretch",
        height: Any = "content",
    ) -> Any:
        if form_id_of(self):
            raise layout_error("Forms cannot be nested in other forms.")
        run = current_run()
        if run is not None:
            if key in run.session.state.user:
                raise errors.StreamlitValueAssignmentNotAllowedError(key=key)  # SS2
            if key in run.form_ids:
                raise StreamlitAPIException(_duplicate_form_message(key))
            run.form_ids.add(key)
        return emit_block(
            self,
            "form",
            {
                "form_id": key,
                "clear_on_submit": clear_on_submit,
                "enter_to_submit": enter_to_submit,
                "border": border,
            },
            form_id=key,
        )
