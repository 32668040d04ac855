"""The text form of an element tree: what ``repr(at)`` and ``apptest run`` print."""

from __future__ import annotations

from collections.abc import Callable

from apptest._api.nodes import Node
from apptest._api.query import Block
from apptest._props import FRAGMENT_ID


def render_tree(roots: tuple[Block, ...], fragment_name: Callable[[str], str]) -> str:
    """One line per node, indented by depth; empty roots other than main are left out."""
    lines: list[str] = []

    def visit(node: Node, depth: int) -> None:
        label = node._describe()
        fragment_id = node.proto.get(FRAGMENT_ID)
        if isinstance(node, Block) and isinstance(fragment_id, str):
            label = f"fragment {fragment_name(fragment_id)!r}"
        lines.append("  " * depth + label)
        if isinstance(node, Block):
            for child in node.children:
                visit(child, depth + 1)

    for index, root in enumerate(roots):
        if index == 0 or root.children:
            visit(root, 0)
    return "\n".join(lines)
