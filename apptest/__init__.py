"""apptest: a headless, in-process test harness for Streamlit apps that simulates fragments.

Example::

    from apptest import AppTest

    at = AppTest.from_file("app.py").run()
    at.button(label="Rerun fragment").click().run()
    assert at.runs[-1].scope == "fragment"
"""

from apptest._api.apptest import AppTest, FragmentInfo
from apptest._api.clock_control import ClockControl
from apptest._api.nodes import Block, Element, Node, Widget
from apptest._api.query import ElementList, WidgetList
from apptest._errors import (
    AppTestError,
    ElementIndexError,
    ElementNotFoundError,
    RerunLimitError,
    ScriptTimeoutError,
)
from apptest._profile import PROFILES, SEED, Semantics
from apptest._server.session import RunRecord
from apptest._values.uploads import UploadedFile

__all__ = [
    "PROFILES",
    "SEED",
    "AppTest",
    "AppTestError",
    "Block",
    "ClockControl",
    "Element",
    "ElementIndexError",
    "ElementList",
    "ElementNotFoundError",
    "FragmentInfo",
    "Node",
    "RerunLimitError",
    "RunRecord",
    "ScriptTimeoutError",
    "Semantics",
    "UploadedFile",
    "Widget",
    "WidgetList",
]
