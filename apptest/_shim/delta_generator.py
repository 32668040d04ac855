"""``DeltaGenerator``: the object behind ``st``, ``st.sidebar`` and every container.

Each method turns Streamlit's signature into element properties and hands them to the
runtime (``apptest._run.layout``, ``apptest._run.widgets``, ``apptest._server.fragments``). No behaviour
lives here beyond that translation.
"""

from __future__ import annotations

import dataclasses
import inspect
import json as _json
import re
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, Iterator, KeysView, Sequence, ValuesView
from contextlib import contextmanager
from types import MappingProxyType
from typing import Any

from apptest import _st_errors as errors
from apptest._features.session_apis import heading_props
from apptest._run.layout import (
    Container,
    Cursor,
    emit_block,
    emit_element,
    path_of,
    show_transient,
    update_block,
)
from apptest._server.session import exception_props
from apptest._shim.widgets import WidgetCommands
from apptest._st_errors import StreamlitAPIException


def _text(body: object) -> str:
    return body if isinstance(body, str) else str(body)


class DeltaGenerator(WidgetCommands, Container):
    """A place to write Streamlit elements (the shim's ``st``, ``st.sidebar``, containers)."""

    # -- plumbing ------------------------------------------------------------------------
    def _el(self, kind: str, **props: Any) -> DeltaGenerator:
        return emit_element(self, kind, props)  # type: ignore[return-value]

    def _block(self, kind: str, **props: Any) -> DeltaGenerator:
        return emit_block(self, kind, props)  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"DeltaGenerator({self._kind})"

    # -- text elements -------------------------------------------------------------------
    def markdown(self, body: object, unsafe_allow_html: bool = False, *, help: str | None = None, **_: Any) -> DeltaGenerator:
        # The most frequent write (``st.write`` of text too): no helper layers.
        text = body if isinstance(body, str) else str(body)
        return emit_element(self, "markdown", {"body": text, "help": help, "allow_html": unsafe_allow_html})  # type: ignore[return-value]

    def title(self, body: object, anchor: str | bool | None = None, *, help: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("title", body=_text(body), help=help, tag="h1", **heading_props(_text(body), anchor))

    def header(self, body: object, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False, **_: Any) -> DeltaGenerator:
        return self._el("header", body=_text(body), help=help, tag="h2", divider=divider, **heading_props(_text(body), anchor))

    def subheader(self, body: object, anchor: str | bool | None = None, *, help: str | None = None, divider: bool | str = False, **_: Any) -> DeltaGenerator:
        return self._el("subheader", body=_text(body), help=help, tag="h3", divider=divider, **heading_props(_text(body), anchor))

    def caption(self, body: object, unsafe_allow_html: bool = False, *, help: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("caption", body=_text(body), help=help)

    def text(self, body: object, *, help: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("text", body=_text(body), help=help)

    def code(self, body: object, language: str | None = "python", *, line_numbers: bool = False, **_: Any) -> DeltaGenerator:
        return self._el("code", body=_text(body), language=language or "plaintext", line_numbers=line_numbers)

    def latex(self, body: object, *, help: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("latex", body=_text(body), help=help)

    def json(self, body: object, *, expanded: bool | int = True, **_: Any) -> DeltaGenerator:
        if isinstance(body, (map, enumerate, ItemsView, KeysView, ValuesView)):
            body = list(body)
        elif isinstance(body, (MappingProxyType, UserDict, ChainMap)):
            body = dict(body)
        elif isinstance(body, UserList):
            body = list(body)
        if not isinstance(body, str):
            try:
                body = _json.dumps(body, default=repr)
            except TypeError:
                body = _json.dumps(str(body))
        return self._el("json", body=body, expanded=expanded)

    def divider(self, **_: Any) -> DeltaGenerator:
        return self._el("divider", body="---")

    def html(self, body: object, **_: Any) -> DeltaGenerator:
        return self._el("html", body=_text(body))

    def metric(self, label: str, value: object, delta: object = None, delta_color: str = "normal", *, help: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el(
            "metric", label=label, body="—" if value is None else _text(value),
            delta="" if delta is None else _text(delta), delta_color=delta_color, help=help,
        )

    def error(self, body: object, *, icon: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("error", body=_text(body), icon=icon)

    def warning(self, body: object, *, icon: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("warning", body=_text(body), icon=icon)

    def info(self, body: object, *, icon: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("info", body=_text(body), icon=icon)

    def success(self, body: object, *, icon: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("success", body=_text(body), icon=icon)

    def exception(self, exception: BaseException, **_: Any) -> DeltaGenerator:
        return self._el("exception", **exception_props(exception))

    def toast(self, body: object, *, icon: str | None = None, **_: Any) -> None:
        event = self.at_root(2)
        emit_element(event, "toast", {"body": _text(body), "icon": icon})

    def balloons(self) -> DeltaGenerator:
        return self._el("balloons")

    def snow(self) -> DeltaGenerator:
        return self._el("snow")

    def progress(self, value: float | int, text: str | None = None, **_: Any) -> DeltaGenerator:
        return self._el("progress", value=value, text=text)

    def empty(self) -> DeltaGenerator:
        return self._el("empty")

    @contextmanager
    def spinner(self, text: str = "In progress...", **_: Any) -> Iterator[None]:
        """Shown while the body runs, as a transient: it takes no slot in the container."""
        with show_transient(self, "spinner", {"text": text, "body": text}):
            yield

    # -- data and media: recorded generically ---------------------------------------------
    def dataframe(self, data: object = None, *args: Any, **kwargs: Any) -> DeltaGenerator:
        return self._el("dataframe", value=_tabular(data), data=data)

    def table(self, data: object = None, **kwargs: Any) -> DeltaGenerator:
        return self._el("table", value=_tabular(data), data=data)

    def image(self, image: object, caption: object = None, **kwargs: Any) -> DeltaGenerator:
        return self._el("image", data=image, caption=caption, **kwargs)

    def audio(self, data: object, format: str = "audio/wav", **kwargs: Any) -> DeltaGenerator:
        return self._el("audio", data=data, format=format, **kwargs)

    def video(self, data: object, format: str = "video/mp4", **kwargs: Any) -> DeltaGenerator:
        return self._el("video", data=data, format=format, **kwargs)

    def _chart(self, kind: str, data: object = None, **kwargs: Any) -> DeltaGenerator:
        return self._el(kind, data=data, **kwargs)

    def line_chart(self, data: object = None, **kw: Any) -> DeltaGenerator:
        return self._chart("line_chart", data, **kw)

    def area_chart(self, data: object = None, **kw: Any) -> DeltaGenerator:
        return self._chart("area_chart", data, **kw)

    def bar_chart(self, data: object = None, **kw: Any) -> DeltaGenerator:
        return self._chart("bar_chart", data, **kw)

    def scatter_chart(self, data: object = None, **kw: Any) -> DeltaGenerator:
        return self._chart("scatter_chart", data, **kw)

    def map(self, data: object = None, **kw: Any) -> DeltaGenerator:
        return self._chart("map", data, **kw)

    def altair_chart(self, chart: object, **kw: Any) -> DeltaGenerator:
        return self._chart("altair_chart", chart, **kw)

    def vega_lite_chart(self, data: object = None, spec: object = None, **kw: Any) -> DeltaGenerator:
        return self._chart("vega_lite_chart", data, spec=spec, **kw)

    def plotly_chart(self, figure: object, **kw: Any) -> DeltaGenerator:
        return self._chart("plotly_chart", figure, **kw)

    def pyplot(self, fig: object = None, **kw: Any) -> DeltaGenerator:
        return self._chart("pyplot", fig, **kw)

    def bokeh_chart(self, figure: object, **kw: Any) -> DeltaGenerator:
        return self._chart("bokeh_chart", figure, **kw)

    def pydeck_chart(self, pydeck_obj: object = None, **kw: Any) -> DeltaGenerator:
        return self._chart("pydeck_chart", pydeck_obj, **kw)

    def graphviz_chart(self, figure_or_dot: object, **kw: Any) -> DeltaGenerator:
        return self._chart("graphviz_chart", figure_or_dot, **kw)

    # -- write -----------------------------------------------------------------------------
    def write(self, *args: Any, unsafe_allow_html: bool = False, **kwargs: Any) -> None:
        """Write each argument with the element its type calls for; strings join into one."""
        pending: list[str] = []

        def flush() -> None:
            if pending:
                self.markdown(" ".join(pending), unsafe_allow_html=unsafe_allow_html)
                pending.clear()

        for arg in args:
            if isinstance(arg, str):
                pending.append(arg)
                continue
            if isinstance(arg, BaseException):
                flush()
                self.exception(arg)
            elif _is_dataframe_like(arg):
                flush()
                self.dataframe(arg)
            elif isinstance(arg, _JSON_TYPES) or _is_namedtuple(arg):
                flush()
                self.json(arg._asdict() if _is_namedtuple(arg) else arg)
            elif isinstance(arg, _HELP_TYPES) or inspect.isclass(arg) or dataclasses.is_dataclass(arg):
                flush()
                self.help(arg)
            elif _MEM_ADDRESS.match(text := str(arg)):
                flush()
                self.help(arg)  # "<foo object at 0x...>": Streamlit shows help, not the text
            else:
                pending.append(_inline_code(text))
        flush()

    def help(self, obj: object = None, **_: Any) -> DeltaGenerator:
        doc = getattr(obj, "__doc__", None) or ""
        return self._el("help", name=getattr(obj, "__name__", repr(obj)), body=doc.strip())

    # -- layout ----------------------------------------------------------------------------
    def container(self, *, border: bool | None = None, key: object = None, height: object = None, **_: Any) -> DeltaGenerator:
        return self._block("container", border=bool(border), key=None if key is None else str(key), height=height)

    def columns(self, spec: int | Sequence[float], *, gap: str | None = "small", vertical_alignment: str = "top", border: bool = False, **_: Any) -> list[DeltaGenerator]:

        if isinstance(spec, int):
            weights = [1.0] * spec
        else:
            weights = [float(w) for w in spec]
        if not weights or any(w <= 0 for w in weights):
            raise errors.StreamlitInvalidColumnSpecError()
        if vertical_alignment not in ("top", "center", "bottom"):
            raise errors.StreamlitInvalidVerticalAlignmentError(vertical_alignment)
        if gap is not None:
            if not isinstance(gap, str) or gap.lower() not in ("small", "medium", "large"):
                raise errors.StreamlitInvalidColumnGapError(gap)
            gap = gap.lower()
        total = sum(weights)
        row = self._block("horizontal", gap=gap)
        return [row._block("column", weight=w / total, gap=gap, vertical_alignment=vertical_alignment, border=border) for w in weights]

    def tabs(self, tabs: Sequence[str], **_: Any) -> list[DeltaGenerator]:

        labels = [str(t) for t in tabs]
        if not labels:
            raise StreamlitAPIException("The input argument to st.tabs must contain at least one tab label.")
        bar = self._block("tab_container")
        return [bar._block("tab", label=label) for label in labels]

    def expander(self, label: str, expanded: bool = False, *, icon: str | None = None, **_: Any) -> DeltaGenerator:
        return self._block("expander", label=label, expanded=expanded, icon=icon)

    def popover(self, label: str, *, help: str | None = None, disabled: bool = False, icon: str | None = None, **_: Any) -> DeltaGenerator:
        return self._block("popover", label=label, help=help, disabled=disabled, icon=icon)

    def status(self, label: str, *, expanded: bool = False, state: str = "running", **_: Any) -> StatusContainer:
        block = self._block("status", label=label, expanded=expanded, state=state)
        status = StatusContainer.__new__(StatusContainer)
        status.__dict__.update(block.__dict__)
        status._slot = Cursor(path_of(block)[:-1], path_of(block)[-1], locked=True)
        status._props = {"label": label, "expanded": expanded, "state": state}
        status._parent_container = self
        return status

    # Input widgets and st.form: apptest._shim.widgets.WidgetCommands.


class StatusContainer(DeltaGenerator):
    """What ``st.status`` returns: a container whose label and state can be updated."""

    _slot: Cursor
    _props: dict[str, Any]
    _parent_container: DeltaGenerator

    def update(self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None) -> None:
        if label is not None:
            self._props["label"] = label
        if expanded is not None:
            self._props["expanded"] = expanded
        if state is not None:
            self._props["state"] = state
        update_block(self._slot.path, "status", dict(self._props))

    def __exit__(self, *exc: object) -> None:
        super().__exit__(*exc)
        if self._props.get("state") == "running":
            self.update(state="error" if exc and exc[0] is not None else "complete")


def _is_dataframe_like(obj: object) -> bool:
    module = type(obj).__module__
    return module.startswith(("pandas", "polars", "pyarrow", "numpy"))


_JSON_TYPES = (dict, list, map, enumerate, MappingProxyType, UserDict, ChainMap, UserList, ItemsView, KeysView, ValuesView)
_HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType, types.MethodType, types.ModuleType)


_MEM_ADDRESS = re.compile(r"^\<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-f]+\>$")


def _is_namedtuple(obj: object) -> bool:
    return isinstance(obj, tuple) and hasattr(obj, "_asdict") and hasattr(obj, "_fields")


def _inline_code(text: str) -> str:
    """How ``st.write`` shows a plain value: inline code, or a fenced block when multi-line."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    if "\n" in text:
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{text}\n{fence}"
    ticks = "`" * (longest + 1)
    return f"{ticks}{text}{ticks}"


def _tabular(data: object) -> Any:
    return data
