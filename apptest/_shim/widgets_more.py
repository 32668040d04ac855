"""Widgets of the shim added in Streamlit 1.5x: ``st.audio_input``, ``st.datetime_input``,
``st.menu_button``, ``st.pagination``.

Thin translations of Streamlit 1.58's signatures and checks into ``register_widget`` calls;
values and their staging rules live in ``apptest._values`` (``uploads``, ``datetimes``,
``choices``). ``st.menu_button`` is a trigger widget, like ``st.button``: it returns the
option picked in the run the pick caused, else None. ``st.pagination`` holds a page number.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from apptest import _st_errors as errors
from apptest._props import CLEARABLE, DEFAULT, OPTIONS, SPEC
from apptest._run.layout import Container, form_id_of, layout_error
from apptest._run.widgets import WidgetCall, register_widget
from apptest._shim.errors_modern import bad_type, bad_value, missing_parameter, modern, out_of_range
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._shim.widgets_buttons import FORM_DOCS_INFO
from apptest._st_errors import StreamlitAPIException
from apptest._values.choices import Options
from apptest._values.common import check_label_visibility, key_state
from apptest._values.datetimes import datetime_spec
from apptest._values.uploads import UploadedFile, rewind

Callback = Callable[..., Any] | None

_SAMPLE_RATES = frozenset({8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000})
_DATE_FORMATS = ("YYYY/MM/DD", "DD/MM/YYYY", "MM/DD/YYYY")


def _audio_sanitizer(value: Any, _set_by_user: bool) -> Any:
    if isinstance(value, UploadedFile):
        rewind(value)
        return value
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
    if modern():
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


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class MoreWidgets(Container):
    """``st.audio_input``, ``st.datetime_input``, ``st.menu_button``, ``st.pagination``."""

    def audio_input(
        self,
        label: str,
        *,
        sample_rate: int | None = 16000,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
    ) -> UploadedFile | None:
        check_label_visibility(label_visibility)
        if sample_rate is not None and sample_rate not in _SAMPLE_RATES and modern():
            rates = ", ".join(str(rate) for rate in sorted(_SAMPLE_RATES))
            raise bad_value("sample_rate", f"{rates}, None")
        if sample_rate is not None and sample_rate not in _SAMPLE_RATES:
            raise StreamlitAPIException(
                f"Invalid sample_rate: {sample_rate}. "
                f"Must be one of {sorted(_SAMPLE_RATES)} Hz, or None for browser default."
            )
        value = register_widget(
            self,
            WidgetCall(
                "audio_input",
                label=label,
                key=key,
                read_only=True,
                key_identity=True,
                identity={"help": help, "width": width, "sample_rate": sample_rate},
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=None,
            sanitize=_audio_sanitizer,
            props={
                DEFAULT: None,
                "sample_rate": sample_rate,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
        return value if isinstance(value, UploadedFile) else None

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
        spec = datetime_spec(value, min_value, max_value, modern=modern())
        if modern():
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
        if not opts.raw and modern():
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
    if modern() and not _is_int(default):
        raise bad_type("default", default, "int")
    if modern() and not 1 <= default <= num_pages:  # type: ignore[operator]
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
