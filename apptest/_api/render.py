"""The text form of an element tree: what ``repr(at)``, ``at.tree`` and ``apptest run`` print.

One line per node, indented by depth (``Node._describe``, or for a block kind, a describer
registered in ``apptest._api.describe``); the lines a node adds below itself
(``Node._details``: a table's rows) are indented one step further and start with ``| ``. The
text is the same for the same app state: no object addresses, no real-time values; it is what
snapshots (``assert at.tree == snapshot``) compare.
"""

from __future__ import annotations

from collections.abc import Callable

from apptest._api.describe import DESCRIBERS, stable
from apptest._api.nodes import Node
from apptest._api.query import Block
from apptest._props import FRAGMENT_ID


def render_tree(roots: tuple[Block, ...], fragment_name: Callable[[str], str]) -> str:
    """One line per node, indented by depth; empty roots other than main are left out."""
    lines: list[str] = []

    def visit(node: Node, depth: int) -> None:
        describer = DESCRIBERS.get(node.type) if isinstance(node, Block) else None
        label = describer(node.type, node.proto) if describer else node._describe()
        fragment_id = node.proto.get(FRAGMENT_ID)
        if isinstance(node, Block) and isinstance(fragment_id, str):
            label = f"fragment {fragment_name(fragment_id)!r}"
        indent = "  " * depth
        lines.append(indent + stable(label))
        lines.extend(f"{indent}  | {stable(detail)}" for detail in node._details())
        if isinstance(node, Block):
            for child in node.children:
                visit(child, depth + 1)

    for index, root in enumerate(roots):
        if index == 0 or root.children:
            visit(root, 0)
    return "\n".join(lines)
