"""apptest: a headless, in-process test harness for Streamlit apps that simulates fragments.

Example::

    from apptest import AppTest

    at = AppTest.from_file("app.py").run()
    at.button(label="Rerun fragment").click().run()
    assert at.runs[-1].scope == "fragment"

The node classes a test meets (``Button``, ``Slider``, ``Markdown`` …) are importable from
here for annotations and ``isinstance`` checks: ``def pick(w: apptest.Selectbox) -> None``.
"""

import importlib
from typing import TYPE_CHECKING, Any

from apptest._api.apptest import AppTest, FragmentInfo, _shim_package, keep_modules_loaded
from apptest._api.clock_control import ClockControl
from apptest._api.lists import ElementList, WidgetList
from apptest._api.nodes import (
    Alert,
    Code,
    Element,
    Exception_,
    Heading,
    Help,
    Html,
    Image,
    Json,
    Markdown,
    Metric,
    Node,
    Progress,
    Toast,
    Widget,
)
from apptest._api.query import Block, Column, Status
from apptest._errors import (
    AppTestError,
    ElementIndexError,
    ElementNotFoundError,
    InvalidValueError,
    RerunLimitError,
    ScriptTimeoutError,
)
from apptest._profile import PROFILES, SEED, Semantics
from apptest._server import imports as _imports
from apptest._server.imports import real_streamlit_installed
from apptest._server.records import RunRecord
from apptest._values.uploads import UploadedFile

if TYPE_CHECKING:
    from apptest._api.element_nodes import ChatMessage, Iframe, PageLink, Pdf, Space
    from apptest._api.widget_nodes import (
        Button,
        ChatInput,
        Checkbox,
        ComponentInstance,
        DownloadButton,
        InputWidget,
        LinkButton,
        TextInput,
    )
    from apptest._api.widget_nodes_choice import (
        ButtonGroup,
        MenuButton,
        Multiselect,
        Pagination,
        Radio,
        Selectbox,
        SelectSlider,
    )
    from apptest._api.widget_nodes_data import AudioInput, CameraInput, DataEditor, FileUploader
    from apptest._api.widget_nodes_values import (
        ColorPicker,
        DateInput,
        DateTimeInput,
        Feedback,
        NumberInput,
        Slider,
        TimeInput,
    )
    from apptest._explore.explorer import ExploreResult, explore


# ``import streamlit`` finds apptest's fake package (in runs; outside them when no real
# Streamlit is installed): see apptest/_server/imports.py.
_imports.install(_shim_package)

# The typed widget classes load on first use (the first snapshot loads them too), which keeps
# ``import apptest`` fast.
_LAZY_MODULES = {
    "apptest._api.widget_nodes": "Button ChatInput Checkbox ComponentInstance DownloadButton "
    "InputWidget LinkButton TextInput",
    "apptest._api.widget_nodes_values": "ColorPicker DateInput DateTimeInput Feedback NumberInput "
    "Slider TimeInput",
    "apptest._api.widget_nodes_choice": "ButtonGroup MenuButton Multiselect Pagination Radio "
    "Selectbox SelectSlider",
    "apptest._api.widget_nodes_data": "AudioInput CameraInput DataEditor FileUploader",
    "apptest._api.element_nodes": "ChatMessage Iframe PageLink Pdf Space",
    "apptest._explore.explorer": "ExploreResult explore",  # loads Hypothesis: on first use
}
_LAZY = {name: module for module, names in _LAZY_MODULES.items() for name in names.split()}

if not TYPE_CHECKING:  # mypy reads the imports above; a module __getattr__ would hide typos

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'apptest' has no attribute {name!r}")
        keep_modules_loaded()
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *_LAZY})


__all__ = [
    "Space",
    "Pdf",
    "Pagination",
    "PageLink",
    "MenuButton",
    "Iframe",
    "DateTimeInput",
    "ComponentInstance",
    "ChatMessage",
    "AudioInput",
    "PROFILES",
    "SEED",
    "Alert",
    "AppTest",
    "AppTestError",
    "Block",
    "Button",
    "ButtonGroup",
    "CameraInput",
    "ChatInput",
    "Checkbox",
    "ClockControl",
    "Code",
    "ColorPicker",
    "Column",
    "DataEditor",
    "DateInput",
    "DownloadButton",
    "Element",
    "ElementIndexError",
    "ElementList",
    "ElementNotFoundError",
    "Exception_",
    "ExploreResult",
    "Feedback",
    "FileUploader",
    "FragmentInfo",
    "Heading",
    "Help",
    "Html",
    "Image",
    "InputWidget",
    "InvalidValueError",
    "Json",
    "LinkButton",
    "Markdown",
    "Metric",
    "Multiselect",
    "Node",
    "NumberInput",
    "Progress",
    "Radio",
    "RerunLimitError",
    "RunRecord",
    "ScriptTimeoutError",
    "SelectSlider",
    "Selectbox",
    "Semantics",
    "Slider",
    "Status",
    "TextInput",
    "TimeInput",
    "Toast",
    "UploadedFile",
    "Widget",
    "WidgetList",
    "real_streamlit_installed",
    "explore",
]
