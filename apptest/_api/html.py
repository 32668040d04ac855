"""A picture of the app: the element tree as one static, self-contained HTML page.

``at.to_html()`` and ``apptest run --html FILE`` write it; the pytest plugin writes one per
failing test with ``--apptest-html DIR``. A person opens it to see the app's state: headings,
text, widgets as disabled controls holding their values, columns side by side, every tab's
content, expanders, the sidebar, dialogs, and exceptions in red. Nothing is loaded from
elsewhere (styles are inline, small PNG/JPEG/GIF images are embedded), and nothing runs.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from apptest._api.describe import MASK, as_frame, media_summary, stable
from apptest._api.nodes import Exception_, Node, Widget
from apptest._api.query import Block
from apptest._props import FRAGMENT_ID

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest

#: Rows of a table the page shows.
HTML_ROWS = 50
#: Largest image embedded in the page (bytes); larger ones show a placeholder.
EMBED_LIMIT = 512 * 1024

STYLE = """
body{font-family:sans-serif;margin:0;display:flex;color:#262730}
aside.sidebar{background:#f0f2f6;min-width:16em;max-width:20em;padding:1em}
main{flex:1;padding:1em 2em;max-width:60em}
.columns{display:flex;gap:1em}.column{flex:1;min-width:0}
.tabs>.tab{border-top:1px solid #ccc;margin-top:.5em}.tab-label{font-weight:bold;color:#f63366}
.exception{color:#b00020;background:#fde8e8;border:1px solid #b00020;padding:.5em;margin:.5em 0}
.exception pre{white-space:pre-wrap;color:#b00020}
.alert{padding:.5em;margin:.5em 0;border-radius:4px}.error{background:#fde8e8;color:#b00020}
.warning{background:#fff8e1}.info{background:#e8f0fe}.success{background:#e6f4ea}
.widget{margin:.4em 0}.widget label{display:block;font-size:.9em}
dialog{position:static;border:2px solid #444;margin:1em 0}
.toast{border:1px solid #ccc;padding:.4em;margin:.4em 0;background:#fff}
.metric .value{font-size:2em}.metric .delta{color:#09ab3b}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px}
.markdown{white-space:pre-wrap;margin:.4em 0}.caption{font-size:.8em;color:#777}
.border{border:1px solid #ddd;padding:.5em}.fragment{outline:1px dashed #ddd}
"""

Renderer = Callable[[Node, str], str]


def _text(value: object) -> str:
    return escape(stable(str(value)))


def _attr(value: object) -> str:
    return escape(stable(str(value)), quote=True)


# -- elements ----------------------------------------------------------------------------------
def _heading(node: Node, inner: str) -> str:
    tag = str(node.proto.get("tag") or "h2")
    return f"<{tag}>{_text(node.proto.get('body', ''))}</{tag}>"


def _markdown(node: Node, inner: str) -> str:
    kind = node.type
    body = node.proto.get("body", "")
    if kind == "divider":
        return "<hr>"
    if kind in ("code", "json"):
        return f'<pre class="{kind}"><code>{_text(body)}</code></pre>'
    return f'<div class="markdown {kind}">{_text(body)}</div>'


def _alert(node: Node, inner: str) -> str:
    icon = node.proto.get("icon")
    prefix = f"{_text(icon)} " if icon else ""
    css = "toast" if node.type == "toast" else f"alert {node.type}"
    return f'<div class="{css}">{prefix}{_text(node.proto.get("body", ""))}</div>'


def _exception(node: Node, inner: str) -> str:
    assert isinstance(node, Exception_)
    trace = "\n".join(node.stack_trace)
    return (
        f'<div class="exception" style="color:#b00020"><strong>{_text(node.exc_type)}</strong>: '
        f"{_text(node.message)}<pre>{_text(trace)}</pre></div>"
    )


def _metric(node: Node, inner: str) -> str:
    props = node.proto
    delta = props.get("delta")
    shown = f'<div class="delta">{_text(delta)}</div>' if delta not in (None, "") else ""
    return (
        f'<div class="metric"><div class="label">{_text(props.get("label", ""))}</div>'
        f'<div class="value">{_text(props.get("body", ""))}</div>{shown}</div>'
    )


def table_html(data: object) -> str:
    """``data`` as an HTML table (the first ``HTML_ROWS`` rows), or its summary."""
    frame = as_frame(data)
    if frame is None:
        return f"<pre>{_text(media_summary(data))}</pre>"
    head = "".join(f"<th>{_text(c)}</th>" for c in frame.columns)
    rows = [
        "<tr>" + "".join(f"<td>{_text(v)}</td>" for v in row) + "</tr>"
        for row in frame.head(HTML_ROWS).itertuples(index=False)
    ]
    more = len(frame) - HTML_ROWS
    tail = f'<p class="caption">… {more} more rows</p>' if more > 0 else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{tail}"


def _table(node: Node, inner: str) -> str:
    return f'<div class="{node.type}">{table_html(node.proto.get("data"))}</div>'


def _image(node: Node, inner: str) -> str:
    data = node.proto.get("data")
    caption = node.proto.get("caption")
    mime = {"png ": "image/png", "jpeg": "image/jpeg", "gif ": "image/gif"}
    summary = media_summary(data)
    kind = mime.get(summary[:4])
    if isinstance(data, (bytes, bytearray)) and kind and len(data) <= EMBED_LIMIT:
        uri = f"data:{kind};base64,{base64.b64encode(bytes(data)).decode()}"
        picture = f'<img src="{uri}" alt="{_attr(caption or "")}">'
    else:
        picture = f'<div class="placeholder">[{_text(node.type)}: {_text(summary)}]</div>'
    text = f'<div class="caption">{_text(caption)}</div>' if caption else ""
    return f'<figure class="{node.type}">{picture}{text}</figure>'


def _progress(node: Node, inner: str) -> str:
    value = node.proto.get("value", 0)
    if isinstance(value, float):
        value = round(value * 100)  # st.progress takes 0.0-1.0 or 0-100
    text = node.proto.get("text")
    label = f"<label>{_text(text)}</label>" if text else ""
    return (
        f'<div class="progress">{label}<progress max="100" value="{_attr(value)}"></progress></div>'
    )


def _generic(node: Node, inner: str) -> str:
    return f'<div class="element {_attr(node.type)}">{_text(node._describe())}</div>'


# -- widgets -----------------------------------------------------------------------------------
def _control(widget: Widget) -> str:
    props, kind, value = widget.proto, widget.type, widget._shown_value()
    if kind in ("checkbox", "toggle"):
        checked = " checked" if value else ""
        return f'<input type="checkbox" disabled{checked}>'
    if kind in ("button", "form_submit_button", "download_button", "link_button"):
        return f"<button disabled>{_text(widget.label)}</button>"
    options = props.get("options")
    if isinstance(options, (list, tuple)) and kind != "select_slider":
        chosen = _chosen_labels(widget, value)
        multiple = " multiple" if isinstance(value, (list, tuple)) else ""
        items = "".join(
            f"<option{' selected' if str(o) in chosen else ''}>{_text(o)}</option>" for o in options
        )
        return f"<select disabled{multiple}>{items}</select>"
    if kind == "text_area":
        return f"<textarea disabled>{_text(value if value is not None else '')}</textarea>"
    if props.get("type") == "password":
        shown = MASK if value else ""
        return f'<input type="password" disabled value="{_attr(shown)}">'
    if kind == "slider" and not isinstance(value, (list, tuple)) and props.get("min") is not None:
        bounds = f'min="{_attr(props.get("min"))}" max="{_attr(props.get("max"))}"'
        return f'<input type="range" disabled {bounds} value="{_attr(value)}"> {_text(value)}'
    html_type = {"number_input": "number", "date_input": "date", "time_input": "time"}
    if kind == "color_picker":
        return f'<input type="color" disabled value="{_attr(value)}">'
    if kind == "data_editor":
        return table_html(value)
    shown = "" if value is None else value
    return f'<input type="{html_type.get(kind, "text")}" disabled value="{_attr(shown)}">'


def _chosen_labels(widget: Widget, value: Any) -> set[str]:
    options = [str(o) for o in widget.proto.get("options") or ()]
    raw = list(widget.proto.get("option_values") or ())
    values = list(value) if isinstance(value, (list, tuple)) else [value]
    chosen = set()
    for item in values:
        if item in raw:
            chosen.add(options[raw.index(item)])
        else:
            chosen.add(str(item))
    return chosen


def _widget(node: Node, inner: str) -> str:
    assert isinstance(node, Widget)
    label = "" if node.type.endswith("button") else f"<label>{_text(node.label)}</label>"
    return f'<div class="widget {node.type}">{label}{_control(node)}</div>'


# -- blocks ------------------------------------------------------------------------------------
def _block(node: Node, inner: str) -> str:
    kind, props = node.type, node.proto
    label = props.get("label") or props.get("title") or props.get("name")
    if kind == "horizontal":
        return f'<div class="columns">{inner}</div>'
    if kind == "column":
        return f'<div class="column" style="flex:{_attr(props.get("weight", 1))}">{inner}</div>'
    if kind == "tab_container":
        return f'<div class="tabs">{inner}</div>'
    if kind == "tab":
        return f'<section class="tab"><div class="tab-label">{_text(label)}</div>{inner}</section>'
    if kind in ("expander", "popover", "status"):
        opened = " open" if props.get("expanded", True) else ""
        state = f" ({_text(props['state'])})" if props.get("state") else ""
        head = f"<summary>{_text(label or '')}{state}</summary>"
        return f'<details class="{kind}"{opened}>{head}{inner}</details>'
    if kind == "dialog":
        return f"<dialog open><h2>{_text(label or '')}</h2>{inner}</dialog>"
    if kind == "form":
        return f'<form class="form border" onsubmit="return false">{inner}</form>'
    border = " border" if props.get("border") else ""
    title = f'<div class="label">{_text(label)}</div>' if label else ""
    return f'<div class="block {_attr(kind)}{border}">{title}{inner}</div>'


RENDERERS: dict[str, Renderer] = {
    **dict.fromkeys(("title", "header", "subheader"), _heading),
    **dict.fromkeys(
        ("markdown", "caption", "latex", "text", "json", "html", "divider", "code"), _markdown
    ),
    **dict.fromkeys(("error", "warning", "info", "success", "toast"), _alert),
    "exception": _exception,
    "metric": _metric,
    "progress": _progress,
    **dict.fromkeys(("dataframe", "table"), _table),
    **dict.fromkeys(("image", "audio", "video"), _image),
}


def node_html(node: Node) -> str:
    """One node (and what it holds) as HTML."""
    if isinstance(node, Block):
        inner = "".join(node_html(child) for child in node.children)
        if isinstance(node.proto.get(FRAGMENT_ID), str):
            return f'<div class="fragment">{inner}</div>'
        return _block(node, inner)
    renderer = RENDERERS.get(node.type)
    if renderer is None:
        renderer = _widget if isinstance(node, Widget) else _generic
    return renderer(node, "")


def to_html(at: AppTest, title: str = "apptest") -> str:
    """The whole page: sidebar, main area, then toasts and dialogs (shown open)."""
    sidebar = "".join(node_html(child) for child in at.sidebar.children)
    side = f'<aside class="sidebar">{sidebar}</aside>' if sidebar else ""
    main = "".join(node_html(child) for child in at.main.children)
    event = "".join(node_html(child) for child in at.event.children)
    bottom = "".join(node_html(child) for child in at._roots()[3].children)  # chat input
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{_text(title)}</title><style>{STYLE}</style></head>"
        f"<body>{side}<main>{main}{bottom}{event}</main></body></html>\n"
    )


__all__ = ["RENDERERS", "node_html", "table_html", "to_html"]
