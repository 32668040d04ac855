"""What ``apptest`` exports (issue item 2): every node class a test can meet, importable and
named ``apptest.X`` wherever it is defined; each documented (item 5).
"""

from __future__ import annotations

import inspect
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import apptest
from apptest import AppTest, ElementList, WidgetList
from apptest._api.nodes import Node
from apptest._api.query import QueryMixin
from apptest._api.snapshot import ELEMENT_CLASSES, load_typed_classes

ROOT = Path(__file__).resolve().parent.parent
load_typed_classes()

#: Every node class: the registered ones, the fallbacks, and the bases tests annotate with.
NODE_CLASSES = sorted(
    {*ELEMENT_CLASSES.values(), apptest.Element, apptest.Widget, apptest.Block, apptest.Node}
    | {apptest.InputWidget},
    key=lambda cls: cls.__name__,
)
EXPORTED_CLASSES = [*NODE_CLASSES, ElementList, WidgetList]


@pytest.mark.parametrize("cls", NODE_CLASSES, ids=lambda cls: cls.__name__)
def test_every_node_class_is_exported_and_in_all(cls: type[Node]) -> None:
    assert getattr(apptest, cls.__name__) is cls
    assert cls.__name__ in apptest.__all__


def test_every_node_an_app_shows_has_an_exported_class() -> None:
    at = AppTest.from_file("apps/query_all_kinds.py", semantics="modern").run()
    assert [e.message for e in at.exception] == ["bad"]  # the one the app shows on purpose
    kinds = {type(node) for root in at._roots() for node in _walk(root)}
    assert len(kinds) > 20
    assert all(getattr(apptest, cls.__name__) is cls for cls in kinds), kinds


def _walk(node: Node) -> list[Node]:
    children = getattr(node, "children", ())
    return [node, *(item for child in children for item in _walk(child))]


@pytest.mark.parametrize("cls", EXPORTED_CLASSES, ids=lambda cls: cls.__name__)
def test_exported_classes_print_as_apptest_x_and_pickle(cls: type) -> None:
    assert cls.__module__ == "apptest"
    assert repr(cls) == f"<class 'apptest.{cls.__qualname__}'>"
    assert pickle.loads(pickle.dumps(cls)) is cls


def test_nodes_name_the_public_classes() -> None:
    at = AppTest.from_string("import streamlit as st\nst.slider('Size', 0, 9, key='s')").run()
    assert repr(type(at.slider("s"))) == "<class 'apptest.Slider'>"
    assert repr(at.slider).startswith("ElementList([Slider(slider 'Size'")


def test_what_pickled_before_still_pickles() -> None:
    """Node instances hold their AppTest and never pickled; these did, and still do."""
    at = AppTest.from_string("import streamlit as st\nst.write('hi')").run()
    values = [
        apptest.ElementNotFoundError("No button with key='x'."),
        apptest.ElementIndexError("No button at index 3."),
        apptest.FragmentInfo("part", "id", (0, 1), None, None, False),
        at.runs[0],
        apptest.SEED,
        apptest.UploadedFile("id", "a.csv", "text/csv", b"x,y"),
    ]
    for value in values:
        copy = pickle.loads(pickle.dumps(value))
        assert type(copy) is type(value)
        assert str(copy) == str(value) if isinstance(value, Exception) else copy == value


def test_widget_classes_load_on_first_use_not_at_import() -> None:
    code = (
        "import sys, apptest\n"
        "assert not [m for m in sys.modules if m.startswith('apptest._api.widget_nodes')]\n"
        "assert apptest.Slider.__name__ == 'Slider' and 'Slider' in dir(apptest)\n"
        "from apptest import *\n"
        "assert DataEditor is apptest.DataEditor\n"
        "try:\n"
        "    apptest.Nope\n"
        "except AttributeError as exc:\n"
        "    assert \"no attribute 'Nope'\" in str(exc)\n"
        "else:\n"
        "    raise AssertionError('apptest.Nope exists')\n"
        "print(apptest.__file__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(ROOT / "apptest" / "__init__.py")


# -- docstrings (item 5) -------------------------------------------------------------------------
DOCUMENTED_DUNDERS = {"__call__", "__getitem__", "__len__", "__iter__", "__eq__"}


def _public_members(cls: type) -> list[tuple[str, object]]:
    return [
        (name, member.fget if isinstance(member, property) else member)
        for name, member in vars(cls).items()
        if (not name.startswith("_") or name in DOCUMENTED_DUNDERS)
        and (isinstance(member, property) or inspect.isfunction(member))
    ]


@pytest.mark.parametrize("cls", [*EXPORTED_CLASSES, QueryMixin], ids=lambda cls: cls.__name__)
def test_public_classes_and_members_of_the_query_api_have_docstrings(cls: type) -> None:
    assert inspect.getdoc(cls), f"{cls.__name__} has no docstring"
    undocumented = [name for name, member in _public_members(cls) if not member.__doc__]
    assert not undocumented, f"{cls.__name__}: no docstring on {undocumented}"
