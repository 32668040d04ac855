"""Snapshots: the browser's element tree frozen into the typed nodes a test reads.

``freeze_roots`` is called after a run, on the first query (``AppTest`` keeps the result until
the tree changes). Each element kind maps to its node class (``"slider"`` -> ``Slider``); an
unknown kind is a plain ``Element`` (or ``Widget`` when it has an id) or ``Block``.

Frozen nodes never change, so a snapshot shares them with the one before: each frontend node
keeps its frozen copy, and a block re-freezes only the children the frontend marked changed
(``TreeNode.dirty``). After a fragment run, the snapshot costs what the fragment's path costs.

Every exception element frozen is counted on its AppTest (``AppTest._exceptions_frozen``):
every node of a snapshot was frozen by its AppTest once, so while the count is 0 no snapshot
shows one, and ``apptest.explore`` checks that after each step without searching the tree.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from types import MappingProxyType
from typing import TYPE_CHECKING

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
from apptest._api.query import Block, Column, KindPositions, Status, kinds_of
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
    "code": Code,
    "help": Help,
    "json": Json,
    "html": Html,
    "progress": Progress,
    "image": Image,
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
        element_nodes,
        widget_nodes,
        widget_nodes_choice,
        widget_nodes_data,
        widget_nodes_values,
    )

    for module in (widget_nodes, widget_nodes_values, widget_nodes_choice, widget_nodes_data):
        ELEMENT_CLASSES.update(module.CLASSES)
    ELEMENT_CLASSES.update(element_nodes.CLASSES)
    _typed_classes_loaded = True


def freeze(node: TreeNode, path: Path, at: AppTest) -> Node:
    """The immutable node (and subtree) for one frontend node: its last copy if unchanged."""
    frozen = node.frozen
    if node.children is None:
        if frozen is not None and frozen.path == path:
            return frozen  # type: ignore[no-any-return]
        return _freeze_leaf(node, path, at)
    assert node.dirty is not None
    if frozen is not None and frozen.path == path:
        if not node.dirty:
            return frozen  # type: ignore[no-any-return]
        block = _new_block(node, path, at)
        _refreeze_children(block, node, frozen, at)
    else:
        block = _new_block(node, path, at)
        block.children = _freeze_all(node.children, path, at)
    node.frozen = block
    node.dirty.clear()
    return block


#: The element kind an AppTest counts as it freezes (see the module docstring).
EXCEPTION = "exception"


def _freeze_leaf(node: TreeNode, path: Path, at: AppTest) -> Node:
    leaf = ELEMENT_CLASSES.get(node.kind)
    if leaf is None:
        leaf = Widget if is_widget(node.props) else Element
    if node.kind == EXCEPTION:
        at._exceptions_frozen += 1
    # No copy of the properties: the runtime never changes a dict it sent (a change sends a
    # new one), so the read-only view stays what this run wrote.
    frozen = leaf(node.kind, path, node.run_id, node.fragment_id, MappingProxyType(node.props), at)
    node.frozen = frozen
    return frozen


def _freeze_all(children: list[TreeNode], path: Path, at: AppTest) -> tuple[Node, ...]:
    """``freeze`` of every child, without its call for what is unchanged: after a full run
    this runs for every element (each was sent again, so each is a new frontend node)."""
    frozen_children: list[Node] = []
    append = frozen_children.append
    for index, child in enumerate(children):
        child_path = (*path, index)
        frozen = child.frozen
        if frozen is not None and frozen.path == child_path and not child.dirty:
            append(frozen)  # an unchanged leaf, or a block with nothing changed below
        elif child.children is not None:
            append(freeze(child, child_path, at))
        else:
            append(_freeze_leaf(child, child_path, at))
    return tuple(frozen_children)


def _new_block(node: TreeNode, path: Path, at: AppTest) -> Block:
    cls = ELEMENT_CLASSES.get(node.kind, Block)
    if not issubclass(cls, Block):
        cls = Block
    props = MappingProxyType(node.props)  # never changed once sent: see ``freeze``
    block = cls(node.kind, path, node.run_id, node.fragment_id, props, at)
    assert isinstance(block, Block)
    return block


def _refreeze_children(block: Block, node: TreeNode, old: Block, at: AppTest) -> None:
    """``block``'s children: ``old``'s, with the marked ones frozen again (and appended ones).

    The kind positions (``Block.kind_positions``) follow, when ``old`` had them: a query
    after a fragment run then looks only where the fragment is."""
    assert node.children is not None and node.dirty is not None
    children = node.children
    path = block.path
    shared = list(old.children)
    kept = len(shared)
    if kept > len(children) or 4 * len(node.dirty) > kept:
        # A removal (which always drops the frozen copy: never shared), or most children
        # changed (a full run sends every element again): freeze them all; the positions
        # are rebuilt when asked.
        block.children = _freeze_all(children, path, at)
        return
    positions = old.known_positions()
    for index in sorted(node.dirty):
        if 0 <= index < kept:
            new = freeze(children[index], (*path, index), at)
            if positions is not None:
                positions = move_kinds(positions, index, shared[index], new)
            shared[index] = new
    for index in range(kept, len(children)):
        new = freeze(children[index], (*path, index), at)
        if positions is not None:
            positions = move_kinds(positions, index, None, new)
        shared.append(new)
    block.children = tuple(shared)
    if positions is not None:
        block.set_positions(positions)


def move_kinds(positions: KindPositions, index: int, old: Node | None, new: Node) -> KindPositions:
    """``positions`` with the child at ``index`` now ``new`` (was ``old``; None: appended).

    The given dict and its lists are shared with the previous frozen block, so they are copied
    before a change, and only when the child's types changed (the common case is none)."""
    if old is not None and old.type == new.type and not isinstance(new, Block):
        if not isinstance(old, Block):
            return positions  # a leaf replaced by a leaf of the same type
    before = set(kinds_of(old)) if old is not None else set()
    after = set(kinds_of(new))
    if before == after:
        return positions
    result = dict(positions)
    for kind in before - after:
        indices = list(result[kind])
        del indices[bisect_left(indices, index)]
        if indices:
            result[kind] = indices
        else:
            del result[kind]
    for kind in after - before:
        indices = list(result.get(kind, ()))
        insort(indices, index)
        result[kind] = indices
    return result


#: Each root's path: roots never move, so a root's frozen copy is reused whenever it is clean.
_ROOT_PATHS = tuple((index,) for index in range(len(ROOT_NAMES)))


def freeze_roots(roots: list[TreeNode], at: AppTest) -> tuple[Block, ...]:
    if not _typed_classes_loaded:
        load_typed_classes()
    frozen = []
    for index, root in enumerate(roots):
        block = root.frozen
        if block is None or root.dirty:  # ``freeze``'s own test, without the call (a run
            block = freeze(root, _ROOT_PATHS[index], at)  # changes one or two roots)
            assert isinstance(block, Block)
            block.type = ROOT_NAMES[index]
        frozen.append(block)
    return tuple(frozen)


__all__ = ["ELEMENT_CLASSES", "EXCEPTION", "freeze_roots", "load_typed_classes"]
