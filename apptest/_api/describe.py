"""What the text tree says about each element: one line, and detail lines for data.

The tree (``at.tree``, ``apptest run``, snapshots) must show everything a user sees, the same way
every time: a metric's value and delta, a table's rows, a widget's label, value and options.
Each element kind can have a *describer* here: ``DESCRIBERS[kind](kind, props)`` gives the
node's line, ``DETAILS[kind](props)`` the lines shown under it (a table's rows). A node class
may instead override ``_describe()`` / ``_details()`` (``apptest._api.nodes``); a new kind plugs
in with :func:`register`::

    register("badge", lambda kind, props: f"badge {short(props.get('label'))}")

Nothing volatile is printed: object addresses are blanked (:func:`stable`) and the app's
times come from the virtual clock. A password field's value shows as ``MASK``.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any

#: How a line is made for one kind: ``(kind, props) -> text``.
Describer = Callable[[str, Mapping[str, Any]], str]
#: The lines under a node (a table's rows): ``props -> lines``.
Details = Callable[[Mapping[str, Any]], list[str]]

#: The longest text shown whole (longer text keeps its start and end).
TEXT_LIMIT = 400
#: How many rows of a table the tree shows (then "... N more rows").
ROW_LIMIT = 10
#: How many options of a choice widget the tree shows.
OPTION_LIMIT = 20
#: What a password field's value shows as (quoted in the tree: ``'********'``).
MASK = "********"

_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{4,}\b")


def stable(text: str) -> str:
    """``text`` with object addresses (``at 0x7f...``) blanked: they differ on every run."""
    return _ADDRESS.sub("0x…", text)


def plain(value: object) -> str:
    """``repr(value)``, but dates and times (and tuples or lists of them) in ISO form:
    ``2024-01-01`` rather than ``FakeDate(2024, 1, 1)``."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (tuple, list)) and any(isinstance(v, (dt.date, dt.time)) for v in value):
        inner = ", ".join(plain(v) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    return repr(value)


def short(value: object, limit: int = 60) -> str:
    """``plain(value)``, shortened in the middle beyond ``limit`` characters (quotes kept)."""
    text = stable(plain(value))
    return text if len(text) <= limit else text[: limit - 4] + "..." + text[-1]


# -- tables ------------------------------------------------------------------------------------
def as_frame(data: object) -> Any:
    """``data`` as a pandas DataFrame when pandas is loaded and can read it, else None."""
    pandas = sys.modules.get("pandas")
    if pandas is None or data is None:
        return None
    if isinstance(data, pandas.DataFrame):
        return data
    if isinstance(data, pandas.Series):
        return data.to_frame()
    try:
        return pandas.DataFrame(data)
    except Exception:  # data pandas cannot read is shown by its repr
        return None


def table_summary(data: object) -> str:
    """``3 rows x 2 columns ['a', 'b']`` for tabular data; a short repr for anything else."""
    frame = as_frame(data)
    if frame is None:
        return "(no data)" if data is None else short(data)
    rows, cols = frame.shape
    columns = [str(c) for c in frame.columns[:OPTION_LIMIT]]
    more = f" +{cols - OPTION_LIMIT}" if cols > OPTION_LIMIT else ""
    return f"{rows} rows x {cols} columns {columns}{more}"


def table_rows(data: object, limit: int = ROW_LIMIT, *, index: bool = True) -> list[str]:
    """The first ``limit`` rows as pandas prints them, then ``... N more rows``."""
    frame = as_frame(data)
    if frame is None or 0 in frame.shape:  # the summary says "0 rows"
        return []
    text = frame.head(limit).to_string(max_cols=OPTION_LIMIT, max_colwidth=40, index=index)
    lines = [line.rstrip() for line in text.split("\n")]
    if len(frame) > limit:
        lines.append(f"... {len(frame) - limit} more rows")
    return [stable(line) for line in lines]


def _table(kind: str, props: Mapping[str, Any]) -> str:
    return f"{kind} {table_summary(props.get('data'))}"


def _data_rows(props: Mapping[str, Any]) -> list[str]:
    return table_rows(props.get("data"), index=not props.get("hide_index"))


# -- media -------------------------------------------------------------------------------------
def media_summary(data: object) -> str:
    """What a medium is made of, without its bytes: ``png 1234 bytes``, an array's shape, a URL."""
    if isinstance(data, (bytes, bytearray)):
        magic = {b"\x89PNG": "png ", b"\xff\xd8\xff": "jpeg ", b"GIF8": "gif ", b"RIFF": "riff "}
        kind = next((name for head, name in magic.items() if data.startswith(head)), "")
        return f"{kind}{len(data)} bytes"
    if isinstance(data, str):
        return short(data, TEXT_LIMIT)
    shape = getattr(data, "shape", None)
    if shape is not None:
        return f"array {tuple(shape)}"
    size = getattr(data, "size", None)
    if isinstance(size, tuple):
        return f"image {size[0]}x{size[1]}"
    if isinstance(data, (list, tuple)):
        return f"[{', '.join(media_summary(item) for item in data)}]"
    return type(data).__name__


def _media(kind: str, props: Mapping[str, Any]) -> str:
    parts = [kind, media_summary(props.get("data"))]
    caption = props.get("caption")
    if caption:
        parts.append(f"caption {short(caption, TEXT_LIMIT)}")
    width = props.get("width")
    if isinstance(width, int) and not isinstance(width, bool):
        parts.append(f"width {width}")
    fmt = props.get("format")
    if kind != "image" and isinstance(fmt, str):
        parts.append(fmt)
    return " ".join(parts)


# -- text and status elements ------------------------------------------------------------------
def _text(kind: str, props: Mapping[str, Any]) -> str:
    body = props.get("body")
    return f"{kind} {short(body, TEXT_LIMIT)}" if body not in (None, "") else kind


def _code(kind: str, props: Mapping[str, Any]) -> str:
    language = props.get("language")
    lang = f" ({language})" if isinstance(language, str) and language else ""
    return f"{kind}{lang} {short(props.get('body', ''), TEXT_LIMIT)}"


def _metric(kind: str, props: Mapping[str, Any]) -> str:
    text = f"{kind} {short(props.get('label', ''))} = {short(str(props.get('body', '')))}"
    delta = props.get("delta")
    if delta not in (None, ""):
        text += f" delta {short(str(delta))}"
        color = props.get("delta_color", "normal")
        if color != "normal":
            text += f" ({color})"
    return text


def _progress(kind: str, props: Mapping[str, Any]) -> str:
    text = props.get("text")
    label = f" {short(text, TEXT_LIMIT)}" if text else ""
    return f"{kind} {props.get('value')!r}{label}"


def _alert(kind: str, props: Mapping[str, Any]) -> str:
    icon = props.get("icon")
    return _text(kind, props) + (f" icon {icon!r}" if isinstance(icon, str) and icon else "")


def _chart(kind: str, props: Mapping[str, Any]) -> str:
    data = props.get("data")
    if hasattr(data, "shape") and hasattr(data, "columns"):
        text = f" {table_summary(data)}"
    elif isinstance(data, (str, dict, list)):
        text = f" {short(data, TEXT_LIMIT)}"
    else:
        text = "" if data is None else f" {type(data).__name__}"
    spec = props.get("spec")
    if isinstance(spec, dict):
        text += f" spec {short(spec, TEXT_LIMIT)}"
    return kind + text


def _link(kind: str, props: Mapping[str, Any]) -> str:
    return f"{kind} {short(props.get('label', ''))} -> {short(props.get('url', ''), TEXT_LIMIT)}"


def _status(kind: str, props: Mapping[str, Any]) -> str:
    return f"{kind} {short(props.get('label', ''))} ({props.get('state', '')})"


CHARTS = (
    "map", "vega_lite_chart", "plotly_chart", "altair_chart", "pyplot", "bokeh_chart",
    "pydeck_chart", "graphviz_chart",
)  # fmt: skip

DESCRIBERS: dict[str, Describer] = {
    **dict.fromkeys(("markdown", "caption", "latex", "text", "json", "html", "divider"), _text),
    **dict.fromkeys(("title", "header", "subheader"), _text),
    **dict.fromkeys(("error", "warning", "info", "success", "toast"), _alert),
    "code": _code,
    "metric": _metric,
    "progress": _progress,
    **dict.fromkeys(("image", "audio", "video"), _media),
    **dict.fromkeys(
        ("dataframe", "table", "line_chart", "bar_chart", "area_chart", "scatter_chart"), _table
    ),
    **dict.fromkeys(CHARTS, _chart),
    "link_button": _link,
    "status": _status,
}

DETAILS: dict[str, Details] = dict.fromkeys(
    (
        "dataframe", "table", "line_chart", "bar_chart", "area_chart", "scatter_chart", "map",
        "vega_lite_chart",
    ),
    _data_rows,
)  # fmt: skip


def register(kind: str, describer: Describer, details: Details | None = None) -> None:
    """Describe elements of ``kind`` with ``describer`` (and ``details``, the lines below)."""
    DESCRIBERS[kind] = describer
    if details is not None:
        DETAILS[kind] = details


# -- widgets -----------------------------------------------------------------------------------
def widget_value(props: Mapping[str, Any], value: Any) -> str:
    """A widget's value as the tree shows it: masked for a password, a table's summary."""
    if props.get("type") == "password" and value not in (None, ""):
        return repr(MASK)
    frame_like = sys.modules.get("pandas")
    if frame_like is not None and isinstance(value, frame_like.DataFrame):
        return table_summary(value)
    return short(value, TEXT_LIMIT)


def widget_extras(props: Mapping[str, Any]) -> str:
    """What a widget offers: its options, or its range; ``(disabled)``."""
    parts = []
    options = props.get("options")
    if isinstance(options, (list, tuple)) and options:
        shown = [str(option) for option in options[:OPTION_LIMIT]]
        more = f" +{len(options) - OPTION_LIMIT}" if len(options) > OPTION_LIMIT else ""
        parts.append(f"options {short(shown, TEXT_LIMIT)}{more}")
    low, high = props.get("min"), props.get("max")
    if low is not None or high is not None:
        parts.append(f"range [{short(low)}, {short(high)}]")
    if props.get("disabled"):
        parts.append("(disabled)")
    return "".join(f" {part}" for part in parts)


__all__ = [
    "DESCRIBERS",
    "DETAILS",
    "MASK",
    "ROW_LIMIT",
    "TEXT_LIMIT",
    "as_frame",
    "media_summary",
    "plain",
    "register",
    "short",
    "stable",
    "table_rows",
    "table_summary",
    "widget_extras",
    "widget_value",
]
