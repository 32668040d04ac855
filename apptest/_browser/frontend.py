"""The browser's side of a session: the element tree as the frontend holds it.

A run sends deltas (``put_element``, ``put_block``) at delta paths; each node remembers the run
that last wrote it and the fragment that wrote it. When a run finishes successfully, stale
nodes are cleared: every node of an older run after a full run (FE4), only the areas of the
rerun fragments after a fragment run (FE5). The tree also keeps the browser's widget values
(FE8), which every rerun request carries.

This tree is mutated only inside a run. Tests never see it: they get frozen snapshots
(``apptest._api.nodes``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apptest._browser.timers import Timers
from apptest._paths import ROOT_NAMES, Path
from apptest._props import ID, TRIGGER, VALUE, is_widget


class TreeNode:
    """One element or block in the frontend tree (mutable, private to the runtime)."""

    __slots__ = ("children", "fragment_id", "kind", "props", "run_id")

    def __init__(
        self,
        kind: str,
        props: dict[str, Any],
        run_id: int,
        fragment_id: str,
        children: list[TreeNode] | None = None,
    ) -> None:
        self.kind = kind
        self.props = props
        self.run_id = run_id
        self.fragment_id = fragment_id
        self.children = children

    @property
    def is_block(self) -> bool:
        return self.children is not None

    def walk(self) -> Iterator[TreeNode]:
        yield self
        if self.children is not None:
            for child in self.children:
                yield from child.walk()


class Frontend:
    """The element tree plus widget values, updated the way Streamlit's frontend does."""

    def __init__(self, timers: Timers) -> None:
        #: The ``run_every`` timers the server armed (T7-T10).
        self.timers = timers
        self.roots = [TreeNode("root", {"name": name}, 0, "", []) for name in ROOT_NAMES]
        #: The browser's widget values, by widget id (FE7, FE8).
        self.widget_values: dict[str, Any] = {}
        self.run_id = 0
        self._fragment_ids: frozenset[str] = frozenset()
        self._is_fragment_run = False
        # Blocks that became current in this fragment run and carry a rerun fragment's id:
        # only under them can FE5 remove anything, so clearing never walks the rest.
        self._marked: dict[int, TreeNode] = {}
        self._widgets_sent: set[str] = set()
        #: Bumped on every change; the frozen snapshot is rebuilt only when it moved.
        self.version = 0

    # -- messages about runs and timers -------------------------------------------------
    def new_session(self) -> None:
        """T9: a full run starts; every ``run_every`` timer is cleared."""
        self.timers.clear()

    def auto_rerun(self, fragment_id: str, seconds: float) -> None:
        """T7/T8: the server asks for ``fragment_id`` to rerun every ``seconds``."""
        self.timers.arm(fragment_id, seconds)

    def stop_auto_rerun(self, fragment_ids: list[str]) -> None:
        """T10: the server evicted these fragments; their timers stop."""
        self.timers.disarm(set(fragment_ids))

    # -- a run's deltas ------------------------------------------------------------------
    def begin_run(self, run_id: int, fragment_ids: tuple[str, ...]) -> None:
        self.run_id = run_id
        self._fragment_ids = frozenset(fragment_ids)
        self._is_fragment_run = bool(fragment_ids)
        self._marked = {}
        self._widgets_sent = set()

    def _parent_for(self, path: Path) -> list[TreeNode]:
        # FE1: every ancestor on a delta's path takes the current run id (this runs for every
        # delta, hence the locals and the inline steps).
        run_id = self.run_id
        marking = self._is_fragment_run
        node = self.roots[path[0]]
        node.run_id = run_id
        if marking:
            self._mark(node)
        if len(path) == 2 and node.children is not None:
            return node.children  # most writes go to a root's top level
        for index in path[1:-1]:
            children = node.children
            if children is None or index >= len(children):
                raise IndexError(f"no block at delta path {list(path)}")
            node = children[index]
            if node.children is None:
                raise IndexError(f"delta path {list(path)} goes through an element")
            node.run_id = run_id
            if marking:
                self._mark(node)
        assert node.children is not None
        return node.children

    def _mark(self, node: TreeNode) -> None:
        """In a fragment run, remember a block of a rerun fragment (FE5 clears below it)."""
        if node.fragment_id in self._fragment_ids:
            self._marked[id(node)] = node

    def _place(self, path: Path, node: TreeNode) -> TreeNode | None:
        siblings = self._parent_for(path)
        index = path[-1]
        self.version += 1
        if index < len(siblings):
            old = siblings[index]
            siblings[index] = node
            return old
        # FE1: an index past the end is a frontend error in the browser; appending keeps the
        # simulation going and can only arise from paths shifted by a removal.
        siblings.append(node)
        return None

    def put_element(self, path: Path, kind: str, props: dict[str, Any], fragment_id: str) -> None:
        """FE1: replace the node at ``path`` or append it."""
        self._place(path, TreeNode(kind, props, self.run_id, fragment_id))
        # ``keeps_value(props)``, written out: this runs for every element of every run.
        widget_id = props.get(ID)
        if widget_id is not None and not props.get(TRIGGER) and VALUE in props:
            self.widget_values[widget_id] = props[VALUE]
            self._widgets_sent.add(widget_id)

    def put_block(self, path: Path, kind: str, props: dict[str, Any], fragment_id: str) -> None:
        """FE2: a block of the same type keeps the old children; another type starts empty."""
        node = TreeNode(kind, props, self.run_id, fragment_id, [])
        old = self._place(path, node)
        if old is not None and old.children is not None and old.kind == kind:
            node.children = old.children
        if self._is_fragment_run and fragment_id in self._fragment_ids:
            self._marked[id(node)] = node

    def put_transient(
        self, path: Path, kind: str, props: dict[str, Any], fragment_id: str
    ) -> TreeNode | None:
        """Show a transient at ``path`` if that slot is free; it never replaces a node."""
        siblings = self._parent_for(path)
        if path[-1] != len(siblings):
            return None
        node = TreeNode(kind, props, self.run_id, fragment_id)
        siblings.append(node)
        self.version += 1
        return node

    def remove_transient(self, path: Path, node: TreeNode) -> None:
        parent = self.node_at(path[:-1])
        if parent is not None and parent.children is not None and node in parent.children:
            parent.children.remove(node)
            self.version += 1

    def update_props(self, path: Path, kind: str, props: dict[str, Any]) -> None:
        """New properties for the ``kind`` node at ``path`` (its run id and children stay)."""
        node = self.node_at(path)
        if node is not None and node.kind == kind:
            node.props = props
            self.version += 1

    def node_at(self, path: Path) -> TreeNode | None:
        node = self.roots[path[0]]
        for index in path[1:]:
            if node.children is None or index >= len(node.children):
                return None
            node = node.children[index]
        return node

    # -- end of a run --------------------------------------------------------------------
    def clear_stale(self) -> None:
        """FE3-FE5: called only after a run that finished successfully."""
        self.version += 1
        removed: list[TreeNode] = []
        if not self._is_fragment_run:
            live: set[str] = set()
            for root in self.roots:
                self._clear_full(root, removed, live)
            self.widget_values = {k: v for k, v in self.widget_values.items() if k in live}
            return
        for block in list(self._marked.values()):
            if block.run_id == self.run_id and block.fragment_id in self._fragment_ids:
                self._clear_marked(block, removed)
        for node in removed:
            for gone in node.walk():
                if gone.children is None and is_widget(gone.props):
                    widget_id = gone.props[ID]
                    if widget_id not in self._widgets_sent:
                        self.widget_values.pop(widget_id, None)

    def _clear_full(self, block: TreeNode, removed: list[TreeNode], live: set[str]) -> None:
        """FE4 below ``block``; the ids of the widgets that stay are added to ``live``."""
        assert block.children is not None
        keep: list[TreeNode] = []
        run_id = self.run_id
        for child in block.children:
            if child.run_id != run_id:
                removed.append(child)
                continue
            keep.append(child)
            if child.children is not None:
                self._clear_full(child, removed, live)
            elif (
                ID in child.props
            ):  # is_widget(child.props), written out: every node, every full run
                live.add(child.props[ID])
        block.children[:] = keep

    def _clear_marked(self, block: TreeNode, removed: list[TreeNode]) -> None:
        """FE5 below a block whose fragment is being rerun (the marker is set)."""
        assert block.children is not None
        keep: list[TreeNode] = []
        for child in block.children:
            current = child.run_id == self.run_id
            if child.children is not None:
                if not current:
                    removed.append(child)
                    continue
                self._clear_marked(child, removed)
            elif not (current or not child.fragment_id):
                removed.append(child)
                continue
            keep.append(child)
        block.children[:] = keep
