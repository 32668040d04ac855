"""Snapshots: the browser's element tree frozen into the typed nodes a test reads.

``freeze_roots`` is called after a run, on the first query (``AppTest`` keeps the result until
the tree changes). Each element kind maps to its node class (``"slider"`` -> ``Slider``); an
unknown kind is a plain ``Element`` (or ``Widget`` when it has an id) or ``Block``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from apptest._api.nodes import (
    Alert,
    Element,
    Exception_,
    Heading,
    Markdown,
    Metric,
    Node,
    Toast,
    Widget,
)
from apptest._api.query import Block, Column, Status
from apptest._paths import ROOT_NAMES, Path
from apptest._props import is_widget

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest
    from apptest._browser.frontend import TreeNode

ELEMENT_CLASSES: dict[str, type[Node]] = {
    "markdown": Markdown,
    "caption": Markdown,
    "latex": Markdown,
    "divider": Markdown,
    "text": Markdown,
    "code": Markdown,
    "json": Markdown,
    "html": Markdown,
    "title": Heading,
    "header": Heading,
    "subheader": Heading,
    "error": Alert,
    "warning": Alert,
    "info": Alert,
    "success": Alert,
    "toast": Toast,
    "metric": Metric,
    "exception": Exception_,
    "column": Column,
    "status": Status,
}

_typed_classes_loaded = False


def load_typed_classes() -> None:
    """Add the typed widget classes (``Slider``, ``Selectbox`` …) to ELEMENT_CLASSES."""
    global _typed_classes_loaded
    # lazy: the widget classes (and the value checks they use) load with the first snapshot,
    # not with ``import apptest``, which stays fast.
    from apptest._api import (
        widget_nodes,
        widget_nodes_choice,
        widget_nodes_data,
        widget_nodes_values,
    )

    for module in (widget_nodes, widget_nodes_values, widget_nodes_choice, widget_nodes_data):
        ELEMENT_CLASSES.update(module.CLASSES)
    _typed_classes_loaded = True


def freeze(node: TreeNode, path: Path, at: AppTest) -> Node:
    """Build the immutable node (and subtree) for one frontend node."""
    props = MappingProxyType(dict(node.props))
    if node.children is not None:
        cls = ELEMENT_CLASSES.get(node.kind, Block)
        if not issubclass(cls, Block):
            cls = Block
        block = cls(node.kind, path, node.run_id, node.fragment_id, props, at)
        assert isinstance(block, Block)
        block.children = tuple(
            freeze(child, (*path, i), at) for i, child in enumerate(node.children)
        )
        return block
    leaf = ELEMENT_CLASSES.get(node.kind)
    if leaf is None:
        leaf = Widget if is_widget(node.props) else Element
    return leaf(node.kind, path, node.run_id, node.fragment_id, props, at)


def freeze_roots(roots: list[TreeNode], at: AppTest) -> tuple[Block, ...]:
    if not _typed_classes_loaded:
        load_typed_classes()
    frozen = []
    for index, root in enumerate(roots):
        block = freeze(root, (index,), at)
        assert isinstance(block, Block)
        block.type = ROOT_NAMES[index]
        frozen.append(block)
    return tuple(frozen)


__all__ = ["ELEMENT_CLASSES", "freeze_roots", "load_typed_classes"]
