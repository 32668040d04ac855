"""``st.column_config``: the column types of ``st.dataframe``/``st.data_editor``.

Each function has Streamlit 1.58's signature and returns the dict Streamlit builds (its
``ColumnConfig``: ``label``, ``width`` ... and a ``type_config`` with the column's ``type``);
apptest records it with the data frame. ``ButtonColumn`` and ``MarkdownColumn`` exist under the
modern profile (1.67) only.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Callable, Iterable
from typing import Any

from apptest._run.layout import newer_commands
from apptest._st_errors import StreamlitMissingRequiredParameterError, StreamlitValueError

_COMMON = ("label", "width", "help", "disabled", "required", "pinned", "alignment", "default")
_CHART_COLORS = (
    "auto",
    "auto-inverse",
    "red",
    "blue",
    "green",
    "yellow",
    "violet",
    "orange",
    "gray",
    "grey",
    "primary",
)
_CSS_COLOR = re.compile(r"^(#[0-9a-fA-F]{3,8}|rgba?\(.*\))$")


def _config(args: dict[str, Any], kind: str | None, **type_config: Any) -> dict[str, Any]:
    """A ``ColumnConfig``: the common keys the function has, plus its ``type_config``."""
    config = {key: args[key] for key in _COMMON if key in args}
    if kind is not None:
        config["type_config"] = {"type": kind, **type_config}
    return config


def _check_color(color: str | None) -> None:
    if color is not None and color not in _CHART_COLORS and not _CSS_COLOR.match(str(color)):
        raise StreamlitValueError(
            "Invalid `{parameter}` value. Supported values: {valid_values}.",
            parameter="color",
            valid_values=", ".join(
                [*_CHART_COLORS, "a valid hex color", "an rgb() or rgba() color"]
            ),
        )


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _seconds(step: Any) -> Any:
    return step.total_seconds() if isinstance(step, datetime.timedelta) else step


# Streamlit's names (CamelCase functions); each returns the dict Streamlit builds.
def Column(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    return _config(locals(), None)


def NumberColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: Any = None,
    format: Any = None,
    min_value: Any = None,
    max_value: Any = None,
    step: Any = None,
) -> dict[str, Any]:
    return _config(
        locals(), "number", min_value=min_value, max_value=max_value, format=format, step=step
    )


def TextColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
) -> dict[str, Any]:
    return _config(locals(), "text", max_chars=max_chars, validate=validate)


def LinkColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
    display_text: str | None = None,
) -> dict[str, Any]:
    return _config(
        locals(), "link", max_chars=max_chars, validate=validate, display_text=display_text
    )


def CheckboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: bool | None = None,
) -> dict[str, Any]:
    return _config(locals(), "checkbox")


def SelectboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    options: Iterable[Any] | None = None,
    format_func: Callable[[Any], str] | None = None,
) -> dict[str, Any]:
    processed: Any = options
    if options and format_func is not None:
        processed = [{"value": o, "label": format_func(o)} for o in options]
    return _config(
        locals(), "selectbox", options=list(processed) if processed is not None else None
    )


def _chart(kind: str, args: dict[str, Any]) -> dict[str, Any]:
    _check_color(args["color"])
    return _config(args, kind, y_min=args["y_min"], y_max=args["y_max"], color=args["color"])


def BarChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: float | None = None,
    y_max: float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    return _chart("bar_chart", locals())


def LineChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: float | None = None,
    y_max: float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    return _chart("line_chart", locals())


def AreaChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: float | None = None,
    y_max: float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    return _chart("area_chart", locals())


def ImageColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    return _config(locals(), "image")


def AudioColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    return _config(locals(), "audio")


def VideoColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    return _config(locals(), "video")


def JsonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> dict[str, Any]:
    return _config(locals(), "json")


def ListColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    default: Iterable[str] | None = None,
) -> dict[str, Any]:
    return _config(dict(locals(), default=None if default is None else list(default)), "list")


def MultiselectColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Iterable[str] | None = None,
    options: Iterable[Any] | None = None,
    accept_new_options: bool | None = None,
    color: Any = None,
    format_func: Callable[[Any], str] | None = None,
) -> dict[str, Any]:
    processed: list[dict[str, Any]] | None = None
    if options is not None:
        colors = None
        if color is not None:
            colors = itertools.repeat(color) if isinstance(color, str) else itertools.cycle(color)
        processed = []
        for option in options:
            item: dict[str, Any] = {"value": option}
            if format_func is not None:
                item["label"] = format_func(option)
            if colors is not None:
                item["color"] = next(colors)
            processed.append(item)
    args = dict(locals(), default=None if default is None else list(default))
    return _config(args, "multiselect", options=processed, accept_new_options=accept_new_options)


def _temporal(kind: str, args: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return _config(
        dict(args, default=_iso(args["default"])),
        kind,
        format=args["format"],
        min_value=_iso(args["min_value"]),
        max_value=_iso(args["max_value"]),
        **extra,
    )


def DatetimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: datetime.datetime | None = None,
    format: str | None = None,
    min_value: datetime.datetime | None = None,
    max_value: datetime.datetime | None = None,
    step: Any = None,
    timezone: str | None = None,
) -> dict[str, Any]:
    return _temporal("datetime", locals(), step=_seconds(step), timezone=timezone)


def TimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: datetime.time | None = None,
    format: str | None = None,
    min_value: datetime.time | None = None,
    max_value: datetime.time | None = None,
    step: Any = None,
) -> dict[str, Any]:
    return _temporal("time", locals(), step=_seconds(step))


def DateColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: datetime.date | None = None,
    format: str | None = None,
    min_value: datetime.date | None = None,
    max_value: datetime.date | None = None,
    step: int | None = None,
) -> dict[str, Any]:
    return _temporal("date", locals(), step=step)


def ProgressColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    format: Any = None,
    min_value: float | None = None,
    max_value: float | None = None,
    step: float | None = None,
    color: str | None = None,
) -> dict[str, Any]:
    _check_color(color)
    return _config(
        locals(),
        "progress",
        format=format,
        min_value=min_value,
        max_value=max_value,
        step=step,
        color=color,
    )


def _MarkdownColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
) -> dict[str, Any]:
    return _config(locals(), "markdown")


def _ButtonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    type: str = "secondary",
    on_click: Callable[..., Any] | None = None,
    args: Any = None,
    kwargs: Any = None,
    key: str | None = None,
) -> dict[str, Any]:
    config = _config(dict(locals(), disabled=True), "button", button_type=type)
    if key is None and (on_click is not None or args is not None or kwargs is not None):
        raise StreamlitMissingRequiredParameterError(
            "The `key` parameter is required. Callbacks passed via `on_click`, `args`, or "
            "`kwargs` need a unique key to be registered."
        )
    return config


_MODERN = {"MarkdownColumn": _MarkdownColumn, "ButtonColumn": _ButtonColumn}
_MarkdownColumn.__name__ = _MarkdownColumn.__qualname__ = "MarkdownColumn"
_ButtonColumn.__name__ = _ButtonColumn.__qualname__ = "ButtonColumn"


def __getattr__(name: str) -> Any:
    if name in _MODERN and newer_commands():
        return _MODERN[name]
    raise AttributeError(f"module 'streamlit.column_config' has no attribute '{name}'")


__all__ = [
    "AreaChartColumn",
    "AudioColumn",
    "BarChartColumn",
    "CheckboxColumn",
    "Column",
    "DateColumn",
    "DatetimeColumn",
    "ImageColumn",
    "JsonColumn",
    "LineChartColumn",
    "LinkColumn",
    "ListColumn",
    "MultiselectColumn",
    "NumberColumn",
    "ProgressColumn",
    "SelectboxColumn",
    "TextColumn",
    "TimeColumn",
    "VideoColumn",
]
