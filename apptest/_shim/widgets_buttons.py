"""Button widgets of the shim, and forms: button, form_submit_button, download_button,
link_button, menu_button, page_link and ``st.form``.

Thin translations of Streamlit's signatures (seed era, 1.58) to ``register_widget`` and
``emit_block``; a form's submission and reset live in ``apptest._browser.forms``.
``st.menu_button`` is a trigger widget, like ``st.button``: it returns the option picked in
the run the pick caused, else None. ``st.page_link`` is an element (a link to a page of the
app, as Streamlit's ``ButtonMixin`` has it beside ``link_button``); its target is resolved
by ``apptest._server.page_links``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from apptest import _st_errors as errors
from apptest._props import FORM_ID, LABEL, OPTIONS
from apptest._run.layout import (
    Container,
    current_run,
    emit_block,
    emit_element,
    form_id_of,
    layout_error,
    newer_commands,
)
from apptest._run.widgets import (
    WidgetCall,
    WidgetPlan,
    known_plan,
    register_plan,
    register_widget,
    remember_plan,
)
from apptest._server.page_links import page_link_target
from apptest._shim.errors_modern import missing_parameter
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException
from apptest._values.choices import Options
from apptest._values.common import check_button_type
from apptest._values.uploads import download_bytes

Callback = Callable[..., Any] | None

FORM_DOCS_INFO = (
    "\n\nFor more information, refer to the\n[documentation for forms]"
    "(https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
)


def _duplicate_form_message(key: str) -> str:
    return textwrap.dedent(
        f"""
        There are multiple identical forms with `key='{key}'`.

        To fix this, please make sure that the `key` argument is unique for
        each `st.form` you create.
        """
    ).strip("\n")


def _button_plan(
    kind: str,
    label: str,
    key: object,
    help: str | None,
    on_click: Callback,
    args: Any,
    kwargs: Any,
    type: str,
    icon: str | None,
    icon_position: str,
    disabled: bool,
    width: Any,
    shortcut: str | None,
) -> WidgetPlan:
    """The plan of ``st.button`` or ``st.form_submit_button`` (``kind``): the same element,
    told apart by ``is_form_submitter``."""
    check_button_type(f"st.{kind}", type)
    return WidgetPlan(
        WidgetCall(
            kind,
            label=label,
            key=key,
            key_identity=True,
            identity={
                "icon": icon,
                "help": help,
                "is_form_submitter": kind == "form_submit_button",
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


class ButtonWidgets(Container):
    """``st.button``, ``st.form_submit_button``, ``st.download_button``, ``st.link_button``,
    ``st.menu_button``, ``st.page_link`` and ``st.form``."""

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
        wrap: object = NOT_GIVEN,
    ) -> bool:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "button", wrap=wrap)
        if form_id_of(self):
            check_button_type("st.button", type)
            raise layout_error(f"`st.button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}")
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (
            label,
            key,
            help,
            on_click,
            args,
            kwargs,
            type,
            icon,
            icon_position,
        )
        arguments += (disabled, width, shortcut)
        plan = known_plan("button", arguments) or remember_plan(
            "button", arguments, _button_plan("button", *arguments)
        )
        return bool(register_plan(self, plan))

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
        wrap: object = NOT_GIVEN,
    ) -> bool:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "form_submit_button", wrap=wrap)
        form_id = form_id_of(self)
        if not form_id:
            check_button_type("st.form_submit_button", type)
            raise layout_error(
                f"`st.form_submit_button()` must be used inside an `st.form()`.{FORM_DOCS_INFO}"
            )
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, help, on_click, args, kwargs, key, type, icon)
        arguments += (icon_position, disabled, width, shortcut, form_id)
        plan = known_plan("form_submit_button", arguments)
        if plan is None:
            user_key = key if key is not None else f"FormSubmitter:{form_id}-{label}"  # W4
            plan = remember_plan(
                "form_submit_button",
                arguments,
                _button_plan(
                    "form_submit_button",
                    label,
                    user_key,
                    help,
                    on_click,
                    args,
                    kwargs,
                    type,
                    icon,
                    icon_position,
                    disabled,
                    width,
                    shortcut,
                ),
            )
        return bool(register_plan(self, plan))

    # long: Streamlit's signature, one parameter a line, is a third of it or more
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
        wrap: object = NOT_GIVEN,
    ) -> bool:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "download_button", wrap=wrap)
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

    # long: Streamlit's signature (1.58 and 1.59+ keywords) is a third of it or more
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
        wrap: object = NOT_GIVEN,
    ) -> Any:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "link_button", wrap=wrap)
        check_button_type("st.link_button", type)
        props = {
            LABEL: label,
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

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def menu_button(
        self,
        label: str,
        options: Any,
        *,
        key: object = None,
        help: str | None = None,
        on_click: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        type: str = "secondary",
        icon: str | None = None,
        disabled: bool = False,
        width: Any = "content",
        format_func: Callable[[Any], str] = str,
        wrap: object = NOT_GIVEN,
    ) -> Any:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "menu_button", wrap=wrap)
        if form_id_of(self):
            raise layout_error(
                f"`st.menu_button()` can't be used in an `st.form()`.{FORM_DOCS_INFO}"
            )
        if type not in {"primary", "secondary", "tertiary"}:
            raise errors.StreamlitValueError(
                "Invalid `{parameter}` value. Supported values: {valid_values}.",
                parameter="type",
                valid_values="'primary', 'secondary', 'tertiary'",
            )
        opts = Options.make(options, format_func)
        if not opts.raw and newer_commands():
            raise missing_parameter("options", "Provide at least one option.")
        if not opts.raw:
            raise StreamlitAPIException(
                "The options argument to st.menu_button must contain at least one option."
            )
        if len(set(opts.formatted)) != len(opts.formatted):
            raise StreamlitAPIException(
                "The `format_func` produced duplicate labels for the menu button options. "
                "Each formatted option label must be unique."
            )
        return register_widget(
            self,
            WidgetCall(
                "menu_button",
                label=label,
                key=key,
                key_identity=True,
                identity={
                    "options": opts.formatted,
                    "help": help,
                    "type": type,
                    "icon": icon,
                    "width": width,
                },
                trigger=True,
                reset_value=None,
                read_only=True,
                on_change=on_click,
                args=args,
                kwargs=kwargs,
            ),
            default=None,
            props={
                OPTIONS: list(opts.formatted),
                "option_values": opts.raw,
                "format_func": opts.format_func,
                "help": help,
                "type": type,
                "icon": icon,
                "disabled": disabled,
            },
        )

    def page_link(
        self,
        page: Any,
        *,
        label: str | None = None,
        icon: str | None = None,
        icon_position: str = "left",
        help: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        query_params: Any = None,
    ) -> Any:
        shown, url = page_link_target(page, label)
        props: dict[str, Any] = {LABEL: shown, "page": url, "icon": icon, "help": help}
        props.update(disabled=disabled, query_params=query_params)
        return emit_element(self, "page_link", props)

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
                FORM_ID: key,
                "clear_on_submit": clear_on_submit,
                "enter_to_submit": enter_to_submit,
                "border": border,
            },
            form_id=key,
        )
