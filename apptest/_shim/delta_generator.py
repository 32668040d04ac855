"""``DeltaGenerator``: the object behind ``st``, ``st.sidebar`` and every container.

Each method turns Streamlit's signature into element properties and hands them to the
runtime (``apptest._run.layout``, ``apptest._run.widgets``, ``apptest._server.fragments``). No behaviour
lives here beyond that translation.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import json as _json
import re
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, Iterable, Iterator, KeysView, Sequence, ValuesView
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

#: Stands for Streamlit's default of ``st.help(obj=streamlit)``: the streamlit module itself.
_STREAMLIT: Any = object()

#: The keywords matplotlib's ``Figure.savefig`` takes (across the 3.x releases Streamlit
#: supports); ``st.pyplot`` passes its extra keywords there.
_SAVEFIG_KEYWORDS = frozenset(
    "backend bbox_extra_artists bbox_inches dpi edgecolor facecolor format frameon metadata "
    "optimize orientation pad_inches papertype pil_kwargs progressive quality transparent".split()
)


def _check_savefig_keywords(options: dict[str, Any]) -> None:
    for name in options:
        if name not in _SAVEFIG_KEYWORDS:
            raise TypeError(
                f"st.pyplot() got an unexpected keyword argument '{name}': Streamlit passes extra "
                "keywords to matplotlib's Figure.savefig(), which does not take it. Check the "
                f"spelling; savefig() takes {', '.join(sorted(_SAVEFIG_KEYWORDS))}."
            )


def _text(body: object) -> str:
    return body if isinstance(body, str) else str(body)


class DeltaGenerator(WidgetCommands, Container):
    """A place to write Streamlit elements (the shim's ``st``, ``st.sidebar``, containers)."""

    # -- plumbing ------------------------------------------------------------------------
    def _el(self, kind: str, **props: Any) -> DeltaGenerator:
        return emit_element(self, kind, props)  # type: ignore[return-value]

    def _record(
        self, kind: str, arguments: dict[str, Any], data: str = "data", **extra: Any
    ) -> DeltaGenerator:
        """Emit ``kind`` with each of the command's ``arguments`` (its ``locals()``) as a prop.

        The argument named ``data`` is recorded as the ``data`` prop; ``extra`` props are added.
        """
        props = {name: value for name, value in arguments.items() if name != "self"}
        props["data"] = props.pop(data)
        props.update(extra)
        return emit_element(self, kind, props)  # type: ignore[return-value]

    def _block(self, kind: str, **props: Any) -> DeltaGenerator:
        return emit_block(self, kind, props)  # type: ignore[return-value]

    def __repr__(self) -> str:
        return f"DeltaGenerator({self._kind})"

    # -- text elements -------------------------------------------------------------------
    # Signatures are Streamlit 1.58's, keyword for keyword, so a misspelt keyword raises
    # Python's TypeError as in Streamlit. ``width``, ``height`` and ``text_alignment`` only
    # place things on the page, which apptest does not simulate: accepted and ignored here.
    def markdown(
        self,
        body: object,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: int | str = "auto",
        text_alignment: str = "left",
    ) -> DeltaGenerator:
        # The most frequent write (``st.write`` of text too): no helper layers.
        text = body if isinstance(body, str) else str(body)
        return emit_element(
            self, "markdown", {"body": text, "help": help, "allow_html": unsafe_allow_html}
        )  # type: ignore[return-value]

    def title(
        self,
        body: object,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        width: int | str = "stretch",
        text_alignment: str = "left",
    ) -> DeltaGenerator:
        return self._el(
            "title", body=_text(body), help=help, tag="h1", **heading_props(_text(body), anchor)
        )

    def header(
        self,
        body: object,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        divider: bool | str = False,
        width: int | str = "stretch",
        text_alignment: str = "left",
    ) -> DeltaGenerator:
        return self._el(
            "header",
            body=_text(body),
            help=help,
            tag="h2",
            divider=divider,
            **heading_props(_text(body), anchor),
        )

    def subheader(
        self,
        body: object,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        divider: bool | str = False,
        width: int | str = "stretch",
        text_alignment: str = "left",
    ) -> DeltaGenerator:
        return self._el(
            "subheader",
            body=_text(body),
            help=help,
            tag="h3",
            divider=divider,
            **heading_props(_text(body), anchor),
        )

    def caption(
        self,
        body: object,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: int | str = "stretch",
        text_alignment: str = "left",
    ) -> DeltaGenerator:
        return self._el("caption", body=_text(body), help=help)

    def text(
        self,
        body: object,
        *,
        help: str | None = None,
        width: int | str = "content",
        text_alignment: str = "left",
    ) -> DeltaGenerator:
        return self._el("text", body=_text(body), help=help)

    def code(
        self,
        body: object,
        language: str | None = "python",
        *,
        line_numbers: bool = False,
        wrap_lines: bool = False,
        height: int | str | None = "content",
        width: int | str = "stretch",
    ) -> DeltaGenerator:
        return self._el(
            "code",
            body=_text(body),
            language=language or "plaintext",
            line_numbers=line_numbers,
            wrap_lines=wrap_lines,
        )

    def latex(
        self, body: object, *, help: str | None = None, width: int | str = "stretch"
    ) -> DeltaGenerator:
        return self._el("latex", body=_text(body), help=help)

    def json(
        self, body: object, *, expanded: bool | int = True, width: int | str = "stretch"
    ) -> DeltaGenerator:
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

    def divider(self, *, width: int | str = "stretch") -> DeltaGenerator:
        return self._el("divider", body="---")

    def html(
        self, body: object, *, width: int | str = "stretch", unsafe_allow_javascript: bool = False
    ) -> DeltaGenerator:
        return self._el("html", body=_text(body), unsafe_allow_javascript=unsafe_allow_javascript)

    def metric(
        self,
        label: str,
        value: object,
        delta: object = None,
        delta_color: str = "normal",
        *,
        help: str | None = None,
        label_visibility: str = "visible",
        border: bool = False,
        width: int | str = "stretch",
        height: int | str = "content",
        chart_data: object = None,
        chart_type: str = "line",
        delta_arrow: str = "auto",
        format: str | None = None,
        delta_description: str | None = None,
    ) -> DeltaGenerator:
        # ``format`` is recorded, not applied: ``body`` is the value as the script passed it.
        return self._el(
            "metric",
            label=label,
            body="—" if value is None else _text(value),
            delta="" if delta is None else _text(delta),
            delta_color=delta_color,
            help=help,
            label_visibility=label_visibility,
            border=border,
            chart_data=chart_data,
            chart_type=chart_type,
            delta_arrow=delta_arrow,
            format=format,
            delta_description=delta_description,
        )

    def error(
        self,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: str | None = None,
    ) -> DeltaGenerator:
        return self._el("error", body=_text(body), icon=icon, title=title)

    def warning(
        self,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: str | None = None,
    ) -> DeltaGenerator:
        return self._el("warning", body=_text(body), icon=icon, title=title)

    def info(
        self,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: str | None = None,
    ) -> DeltaGenerator:
        return self._el("info", body=_text(body), icon=icon, title=title)

    def success(
        self,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: str | None = None,
    ) -> DeltaGenerator:
        return self._el("success", body=_text(body), icon=icon, title=title)

    def exception(self, exception: BaseException, width: int | str = "stretch") -> DeltaGenerator:

        return self._el("exception", **exception_props(exception))

    def toast(
        self, body: object, *, icon: str | None = None, duration: str | int | None = "short"
    ) -> None:
        event = self.at_root(2)
        emit_element(event, "toast", {"body": _text(body), "icon": icon, "duration": duration})

    def balloons(self) -> DeltaGenerator:
        return self._el("balloons")

    def snow(self) -> DeltaGenerator:
        return self._el("snow")

    def progress(
        self, value: float | int, text: str | None = None, width: int | str = "stretch"
    ) -> DeltaGenerator:
        return self._el("progress", value=value, text=text)

    def empty(self) -> DeltaGenerator:
        return self._el("empty")

    @contextmanager
    def spinner(
        self,
        text: str = "In progress...",
        *,
        show_time: bool = False,
        _cache: bool = False,
        width: int | str = "content",
    ) -> Iterator[None]:
        """Shown while the body runs, as a transient: it takes no slot in the container."""
        # ``_cache`` is Streamlit's own flag for its cache spinners; accepted as 1.58 does.
        with show_transient(self, "spinner", {"text": text, "body": text, "show_time": show_time}):
            yield

    # -- data and media: recorded generically ---------------------------------------------
    # What apptest cannot show (sizes, selections, themes) is kept in the element's props so a
    # test can read it; none of it changes what the command returns.
    def dataframe(
        self,
        data: object = None,
        width: int | str = "stretch",
        height: int | str = "auto",
        *,
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: object = None,
        key: object = None,
        on_select: object = "ignore",
        selection_mode: str | Iterable[str] = "multi-row",
        selection_default: object = None,
        row_height: int | None = None,
        placeholder: str | None = None,
    ) -> DeltaGenerator:
        # on_select="rerun" makes Streamlit return the selection; apptest records the request
        # and returns the element as for "ignore" (selections are not simulated).
        return self._record("dataframe", locals(), value=_tabular(data))

    def table(
        self,
        data: object = None,
        *,
        border: bool | str = True,
        width: int | str = "stretch",
        height: int | str = "content",
        hide_index: bool | None = None,
        hide_header: bool | None = None,
    ) -> DeltaGenerator:
        return self._record("table", locals(), value=_tabular(data))

    def image(
        self,
        image: object,
        caption: object = None,
        width: int | str = "content",
        use_column_width: bool | str | None = None,
        clamp: bool = False,
        channels: str = "RGB",
        output_format: str = "auto",
        *,
        use_container_width: bool | None = None,
        link: str | None = None,
    ) -> DeltaGenerator:
        return self._record("image", locals(), data="image")

    def audio(
        self,
        data: object,
        format: str = "audio/wav",
        start_time: object = 0,
        *,
        sample_rate: int | None = None,
        end_time: object = None,
        loop: bool = False,
        autoplay: bool = False,
        width: int | str = "stretch",
    ) -> DeltaGenerator:
        return self._record("audio", locals())

    def video(
        self,
        data: object,
        format: str = "video/mp4",
        start_time: object = 0,
        *,
        subtitles: object = None,
        end_time: object = None,
        loop: bool = False,
        autoplay: bool = False,
        muted: bool = False,
        width: int | str = "stretch",
    ) -> DeltaGenerator:
        return self._record("video", locals())

    # -- charts: recorded generically -------------------------------------------------------
    def line_chart(
        self,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        return self._record("line_chart", locals())

    def area_chart(
        self,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        stack: bool | str | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        return self._record("area_chart", locals())

    def bar_chart(
        self,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        horizontal: bool = False,
        sort: bool | str = True,
        stack: bool | str | None = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        return self._record("bar_chart", locals())

    def scatter_chart(
        self,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        size: object = None,
        width: int | str = "stretch",
        height: int | str = "content",
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        return self._record("scatter_chart", locals())

    def map(
        self,
        data: object = None,
        *,
        latitude: str | None = None,
        longitude: str | None = None,
        color: object = None,
        size: object = None,
        zoom: int | None = None,
        width: int | str = "stretch",
        height: int | str = 500,
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        return self._record("map", locals())

    def altair_chart(
        self,
        altair_chart: object,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: str | None = "streamlit",
        key: object = None,
        on_select: object = "ignore",
        selection_mode: object = None,
    ) -> DeltaGenerator:
        return self._record("altair_chart", locals(), data="altair_chart")

    def vega_lite_chart(
        self,
        data: object = None,
        spec: object = None,
        *,
        width: int | str | None = None,
        height: int | str = "content",
        use_container_width: bool | None = None,
        theme: str | None = "streamlit",
        key: object = None,
        on_select: object = "ignore",
        selection_mode: object = None,
    ) -> DeltaGenerator:
        return self._record("vega_lite_chart", locals())

    def plotly_chart(
        self,
        figure_or_data: object,
        use_container_width: bool | None = None,
        *,
        width: int | str = "stretch",
        height: int | str = "content",
        theme: str | None = "streamlit",
        key: object = None,
        on_select: object = "ignore",
        selection_mode: object = ("points", "box", "lasso"),
        config: dict[str, Any] | None = None,
    ) -> DeltaGenerator:
        return self._record("plotly_chart", locals(), data="figure_or_data")

    def pyplot(
        self,
        fig: object = None,
        clear_figure: bool | None = None,
        *,
        width: int | str = "stretch",
        use_container_width: bool | None = None,
        **kwargs: Any,
    ) -> DeltaGenerator:
        """Record a Matplotlib figure; extra keywords are ``savefig`` options, as in Streamlit."""
        # Streamlit 1.58 hands **kwargs to matplotlib's ``Figure.savefig``, which raises
        # TypeError for a name it does not take; apptest does not render, so it checks names.
        _check_savefig_keywords(kwargs)
        return self._record("pyplot", locals(), data="fig")

    def bokeh_chart(self, figure: object, use_container_width: bool = True) -> DeltaGenerator:
        return self._record("bokeh_chart", locals(), data="figure")

    def pydeck_chart(
        self,
        pydeck_obj: object = None,
        *,
        width: int | str = "stretch",
        use_container_width: bool | None = None,
        height: int | str = 500,
        selection_mode: str = "single-object",
        on_select: object = "ignore",
        key: object = None,
    ) -> DeltaGenerator:
        return self._record("pydeck_chart", locals(), data="pydeck_obj")

    def graphviz_chart(
        self,
        figure_or_dot: object,
        use_container_width: bool | None = None,
        *,
        width: int | str = "content",
        height: int | str = "content",
    ) -> DeltaGenerator:
        return self._record("graphviz_chart", locals(), data="figure_or_dot")

    # -- write -----------------------------------------------------------------------------
    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
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
            elif (
                isinstance(arg, _HELP_TYPES)
                or inspect.isclass(arg)
                or dataclasses.is_dataclass(arg)
            ):
                flush()
                self.help(arg)
            elif _MEM_ADDRESS.match(text := str(arg)):
                flush()
                self.help(arg)  # "<foo object at 0x...>": Streamlit shows help, not the text
            else:
                pending.append(_inline_code(text))
        flush()

    def help(self, obj: object = _STREAMLIT, *, width: int | str = "stretch") -> DeltaGenerator:
        if obj is _STREAMLIT:
            obj = importlib.import_module("apptest._shim")  # st.help(): help on streamlit itself
        doc = getattr(obj, "__doc__", None) or ""
        return self._el("help", name=getattr(obj, "__name__", repr(obj)), body=doc.strip())

    # -- layout ----------------------------------------------------------------------------
    # Layout keywords (width, alignment, gap) are recorded, not laid out. A container's
    # ``key``/``on_change`` make Streamlit track its open state; apptest has no user who opens
    # or closes one, so such a callback never runs.
    def container(
        self,
        *,
        border: bool | None = None,
        key: object = None,
        width: int | str = "stretch",
        height: int | str = "content",
        horizontal: bool = False,
        horizontal_alignment: str = "left",
        vertical_alignment: str = "top",
        gap: str | None = "small",
        autoscroll: bool | None = None,
    ) -> DeltaGenerator:
        return self._block(
            "container",
            border=bool(border),
            key=None if key is None else str(key),
            height=height,
            horizontal=horizontal,
            horizontal_alignment=horizontal_alignment,
            vertical_alignment=vertical_alignment,
            gap=gap,
            autoscroll=autoscroll,
        )

    def columns(
        self,
        spec: int | Sequence[float],
        *,
        gap: str | None = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        width: int | str = "stretch",
    ) -> list[DeltaGenerator]:

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
        return [
            row._block(
                "column",
                weight=w / total,
                gap=gap,
                vertical_alignment=vertical_alignment,
                border=border,
            )
            for w in weights
        ]

    def tabs(
        self,
        tabs: Sequence[str],
        *,
        width: int | str = "stretch",
        default: str | None = None,
        key: object = None,
        on_change: object = "ignore",
        args: Any = None,
        kwargs: Any = None,
    ) -> list[DeltaGenerator]:

        labels = [str(t) for t in tabs]
        if not labels:
            raise StreamlitAPIException(
                "The input argument to st.tabs must contain at least one tab label."
            )
        bar = self._block("tab_container", default=default, key=None if key is None else str(key))
        return [bar._block("tab", label=label) for label in labels]

    def expander(
        self,
        label: str,
        expanded: bool = False,
        *,
        key: object = None,
        icon: str | None = None,
        type: str = "default",
        width: int | str = "stretch",
        on_change: object = "ignore",
        args: Any = None,
        kwargs: Any = None,
    ) -> DeltaGenerator:
        return self._block(
            "expander",
            label=label,
            expanded=expanded,
            icon=icon,
            type=type,
            key=None if key is None else str(key),
        )

    def popover(
        self,
        label: str,
        *,
        type: str = "secondary",
        help: str | None = None,
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | str = "content",
        key: object = None,
        on_change: object = "ignore",
        args: Any = None,
        kwargs: Any = None,
    ) -> DeltaGenerator:
        return self._block(
            "popover",
            label=label,
            help=help,
            disabled=disabled,
            icon=icon,
            type=type,
            key=None if key is None else str(key),
        )

    def status(
        self,
        label: str,
        *,
        expanded: bool = False,
        state: str = "running",
        type: str = "default",
        width: int | str = "stretch",
    ) -> StatusContainer:
        block = self._block("status", label=label, expanded=expanded, state=state, type=type)
        status = StatusContainer.__new__(StatusContainer)
        status.__dict__.update(block.__dict__)
        status._slot = Cursor(path_of(block)[:-1], path_of(block)[-1], locked=True)
        status._props = {"label": label, "expanded": expanded, "state": state, "type": type}
        status._parent_container = self
        return status

    # Input widgets and st.form: apptest._shim.widgets.WidgetCommands.


class StatusContainer(DeltaGenerator):
    """What ``st.status`` returns: a container whose label and state can be updated."""

    _slot: Cursor
    _props: dict[str, Any]
    _parent_container: DeltaGenerator

    def update(
        self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None
    ) -> None:
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


# Streamlit defines its commands on mixin classes, so Python's own argument errors name the
# mixin ("LayoutsMixin.expander() got an unexpected keyword argument 'expandd'"). The shim's
# methods (here and in the widget modules) carry the same qualified names, so those messages
# read as in Streamlit 1.58.
_STREAMLIT_MIXINS: dict[str, tuple[str, ...]] = {
    "AlertMixin": ("error", "warning", "info", "success"),
    "ArrowMixin": ("dataframe",),
    "BalloonsMixin": ("balloons",),
    "BokehMixin": ("bokeh_chart",),
    "ButtonGroupMixin": ("pills", "segmented_control"),
    "ButtonMixin": ("button", "download_button", "link_button"),
    "CameraInputMixin": ("camera_input",),
    "ChatMixin": ("chat_input",),
    "CheckboxMixin": ("checkbox", "toggle"),
    "CodeMixin": ("code",),
    "ColorPickerMixin": ("color_picker",),
    "DataEditorMixin": ("data_editor",),
    "EmptyMixin": ("empty",),
    "ExceptionMixin": ("exception",),
    "FeedbackMixin": ("feedback",),
    "FileUploaderMixin": ("file_uploader",),
    "FormMixin": ("form", "form_submit_button"),
    "GraphvizMixin": ("graphviz_chart",),
    "HeadingMixin": ("title", "header", "subheader"),
    "HelpMixin": ("help",),
    "HtmlMixin": ("html",),
    "ImageMixin": ("image",),
    "JsonMixin": ("json",),
    "LayoutsMixin": ("container", "columns", "tabs", "expander", "popover", "status"),
    "MapMixin": ("map",),
    "MarkdownMixin": ("markdown", "caption", "latex", "divider"),
    "MediaMixin": ("audio", "video"),
    "MetricMixin": ("metric",),
    "MultiSelectMixin": ("multiselect",),
    "NumberInputMixin": ("number_input",),
    "PlotlyMixin": ("plotly_chart",),
    "ProgressMixin": ("progress",),
    "PydeckMixin": ("pydeck_chart",),
    "PyplotMixin": ("pyplot",),
    "RadioMixin": ("radio",),
    "SelectSliderMixin": ("select_slider",),
    "SelectboxMixin": ("selectbox",),
    "SliderMixin": ("slider",),
    "SnowMixin": ("snow",),
    "SpinnerMixin": ("spinner",),
    "TableMixin": ("table",),
    "TextMixin": ("text",),
    "TextWidgetsMixin": ("text_input", "text_area"),
    "TimeWidgetsMixin": ("date_input", "time_input"),
    "ToastMixin": ("toast",),
    "VegaChartsMixin": (
        "line_chart",
        "area_chart",
        "bar_chart",
        "scatter_chart",
        "altair_chart",
        "vega_lite_chart",
    ),
    "WriteMixin": ("write",),
}


def _name_like_streamlit() -> None:
    for mixin, names in _STREAMLIT_MIXINS.items():
        for name in names:
            func = inspect.getattr_static(DeltaGenerator, name)
            # st.spinner is a context manager: the TypeError comes from the wrapped generator.
            for layer in (func, getattr(func, "__wrapped__", None)):
                if layer is not None:
                    layer.__qualname__ = f"{mixin}.{name}"


_name_like_streamlit()


def _is_dataframe_like(obj: object) -> bool:
    module = type(obj).__module__
    return module.startswith(("pandas", "polars", "pyarrow", "numpy"))


_JSON_TYPES = (
    dict,
    list,
    map,
    enumerate,
    MappingProxyType,
    UserDict,
    ChainMap,
    UserList,
    ItemsView,
    KeysView,
    ValuesView,
)
_HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)


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
