"""``DeltaGenerator``: the object behind ``st``, ``st.sidebar`` and every container.

It is composed from the shim's command mixins, one module each: ``text``, ``status_elements``,
``data_media``, ``charts``, ``write``, ``layouts``, ``chat``, ``embeds``, ``newer`` and
``widgets`` (with ``widgets_buttons``, ``widgets_toggles``, ``widgets_text``, ``widgets_choice``,
``widgets_groups``, ``widgets_values``, ``widgets_dates``, ``widgets_data``). Each method turns
Streamlit's signature into element properties and hands them to the runtime
(``apptest._run.layout``, ``apptest._run.widgets``, ``apptest._server.fragments``); no
behaviour lives in the shim beyond that translation.
``st.status`` and its ``StatusContainer`` are here: the container is a ``DeltaGenerator``
subclass (as in Streamlit), which the mixin modules cannot import.
"""

from __future__ import annotations

import inspect
from typing import Any

from apptest._props import LABEL
from apptest._run.layout import Cursor, newer_commands, path_of, update_block
from apptest._shim.charts import ChartCommands
from apptest._shim.chat import ChatCommands
from apptest._shim.data_media import DataMediaCommands
from apptest._shim.embeds import EmbedCommands
from apptest._shim.layouts import LayoutCommands
from apptest._shim.newer import (
    NEWER_COMMANDS,
    NewerCommands,
    open_grid,
)
from apptest._shim.status_elements import StatusElements
from apptest._shim.text import TextCommands
from apptest._shim.widgets import WidgetCommands
from apptest._shim.write import WriteCommands


class DeltaGenerator(
    WriteCommands,
    TextCommands,
    StatusElements,
    DataMediaCommands,
    ChartCommands,
    LayoutCommands,
    WidgetCommands,
    ChatCommands,
    EmbedCommands,
    NewerCommands,
):
    """A place to write Streamlit elements (the shim's ``st``, ``st.sidebar``, containers)."""

    def __repr__(self) -> str:
        return f"DeltaGenerator({self._kind})"

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
        status._props = {LABEL: label, "expanded": expanded, "state": state, "type": type}
        status._parent_container = self
        return status

    def grid(
        self,
        columns: Any = "auto",
        *,
        min_column_width: Any = "auto",
        wrap: bool = True,
        gap: Any = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        row_height: Any = "content",
        width: Any = "stretch",
        height: Any = "content",
        key: object = None,
        dense: bool = False,
    ) -> GridContainer:
        """``st.grid`` (modern profile): a block whose ``cell()`` groups elements."""
        block = open_grid(
            self,
            columns,
            wrap,
            min_column_width=min_column_width,
            gap=gap,
            vertical_alignment=vertical_alignment,
            border=border,
            row_height=row_height,
            key=None if key is None else str(key),
            dense=dense,
        )
        grid = GridContainer.__new__(GridContainer)
        grid.__dict__.update(block.__dict__)
        return grid


class GridContainer(DeltaGenerator):
    """What ``st.grid`` returns: ``cell()`` opens one cell (spanning columns or rows)."""

    def cell(self, *, column_span: int | str = 1, row_span: int = 1) -> DeltaGenerator:
        return self._block("grid_cell", column_span=column_span, row_span=row_span)


class StatusContainer(DeltaGenerator):
    """What ``st.status`` returns: a container whose label and state can be updated."""

    _slot: Cursor
    _props: dict[str, Any]
    _parent_container: DeltaGenerator

    def update(
        self, *, label: str | None = None, expanded: bool | None = None, state: str | None = None
    ) -> None:
        if label is not None:
            self._props[LABEL] = label
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
# methods (in the mixin modules) carry the same qualified names, so those messages
# read as in Streamlit 1.58.
_STREAMLIT_MIXINS: dict[str, tuple[str, ...]] = {
    "AlertMixin": ("error", "warning", "info", "success"),
    "ArrowMixin": ("dataframe",),
    "AudioInputMixin": ("audio_input",),
    "BalloonsMixin": ("balloons",),
    "BokehMixin": ("bokeh_chart",),
    "ButtonGroupMixin": ("pills", "segmented_control"),
    "ButtonMixin": ("button", "download_button", "link_button", "page_link"),
    "CameraInputMixin": ("camera_input",),
    "ChatMixin": ("chat_input", "chat_message"),
    "CheckboxMixin": ("checkbox", "toggle"),
    "CodeMixin": ("code",),
    "ColorPickerMixin": ("color_picker",),
    "DataEditorMixin": ("data_editor",),
    "EmptyMixin": ("empty",),
    "EChartsMixin": ("echarts_chart",),
    "ExceptionMixin": ("exception",),
    "FeedbackMixin": ("feedback",),
    "FileUploaderMixin": ("file_uploader",),
    "FormMixin": ("form", "form_submit_button"),
    "GraphvizMixin": ("graphviz_chart",),
    "HeadingMixin": ("title", "header", "subheader"),
    "HelpMixin": ("help",),
    "HtmlMixin": ("html",),
    "IframeMixin": ("iframe", "_iframe", "_html"),
    "ImageMixin": ("image",),
    "JsonMixin": ("json",),
    "LayoutsMixin": ("container", "columns", "tabs", "expander", "popover", "status", "grid"),
    "MapMixin": ("map",),
    "MermaidChartMixin": ("mermaid_chart",),
    "MarkdownMixin": ("markdown", "caption", "latex", "divider", "badge"),
    "MediaMixin": ("audio", "video"),
    "MenuButtonMixin": ("menu_button",),
    "MetricMixin": ("metric",),
    "MultiSelectMixin": ("multiselect",),
    "NumberInputMixin": ("number_input",),
    "PaginationMixin": ("pagination",),
    "PdfMixin": ("pdf",),
    "PlotlyMixin": ("plotly_chart",),
    "ProgressMixin": ("progress",),
    "PydeckMixin": ("pydeck_chart",),
    "PyplotMixin": ("pyplot",),
    "RadioMixin": ("radio",),
    "SelectSliderMixin": ("select_slider",),
    "SelectboxMixin": ("selectbox",),
    "SliderMixin": ("slider",),
    "SkeletonMixin": ("skeleton",),
    "SnowMixin": ("snow",),
    "SpaceMixin": ("space",),
    "SpinnerMixin": ("spinner",),
    "TableMixin": ("table",),
    "TextMixin": ("text",),
    "TextWidgetsMixin": ("text_input", "text_area"),
    "TimeWidgetsMixin": ("date_input", "time_input", "datetime_input"),
    "ToastMixin": ("toast",),
    "VegaChartsMixin": (
        "line_chart",
        "area_chart",
        "bar_chart",
        "scatter_chart",
        "altair_chart",
        "vega_lite_chart",
    ),
    "WriteMixin": ("write", "write_stream"),
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


class _ModernOnly:
    """A command 1.58 does not have: under the seed profile the attribute is missing (as
    ``AttributeError``, so ``hasattr`` is False), under "modern" it is the method."""

    def __init__(self, name: str, func: Any) -> None:
        self._name = name
        self._func = func

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self._func
        if not newer_commands():
            raise AttributeError(f"'DeltaGenerator' object has no attribute '{self._name}'")
        return self._func.__get__(instance, owner)


def _gate_newer_commands() -> None:
    for name in NEWER_COMMANDS:
        setattr(
            DeltaGenerator, name, _ModernOnly(name, inspect.getattr_static(DeltaGenerator, name))
        )


_gate_newer_commands()
