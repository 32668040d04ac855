"""apptest: a headless, in-process test harness for Streamlit apps that simulates fragments.

Example::

    from apptest import AppTest

    at = AppTest.from_file("app.py").run()
    at.button(label="Rerun fragment").click().run()
    assert at.runs[-1].scope == "fragment"
"""

from apptest._apptest import AppTest, ClockControl, FragmentInfo
from apptest._elements import Block, Element, Node, Widget
from apptest._errors import (
    AppTestError,
    ElementIndexError,
    ElementNotFoundError,
    RerunLimitError,
    ScriptTimeoutError,
)
from apptest._profile import PROFILES, SEED, Semantics
from apptest._query import ElementList, WidgetList
from apptest._session import RunRecord
from apptest._uploads import UploadedFile

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
