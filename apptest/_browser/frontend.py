"""The browser's side of a session: the element tree as the frontend holds it.

A run sends deltas (``put_element``, ``put_block``) at delta paths; each node remembers the run
that last wrote it and the fragment that wrote it. When a run finishes successfully, stale
nodes are cleared: every node of an older run after a full run (FE4), only the areas of the
rerun fragments after a fragment run (FE5). The tree also keeps the browser's widget values
(FE8), which every rerun request carries.

This tree is mutated only inside a run. Tests never see it: they get frozen snapshots
(``apptest._api.nodes``). Each node keeps its last frozen copy (``frozen``) and, for a block,
the indices of the children changed since (``dirty``), so a snapshot re-freezes only the paths
a run wrote to: every change marks the path from the root down to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apptest._browser.timers import Timers
from apptest._paths import ROOT_NAMES, Path
from apptest._props import ID, TRIGGER, VALUE, is_widget

#: In a block's ``dirty`` set: the block itself changed (run id, properties).
SELF = -1


class TreeNode:
    """One element or block in the frontend tree (mutable, private to the runtime)."""

    __slots__ = (
        "children",
        "dirty",
        "fragment_id",
        "frozen",
        "kind",
        "parent_path",
        "path",
        "props",
        "run_id",
    )

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
        #: The snapshot's immutable copy of this node (set by the snapshot), or None.
        self.frozen: Any = None
        #: For a block: the child indices changed since ``frozen`` was made; ``SELF`` when
        #: the block's own run id or properties changed.
        self.dirty: set[int] | None = None if children is None else set()
        #: For a block: the delta path ``put_block`` last returned for it, and the parent
        #: path it was built from (see ``put_block``).
        self.path: Path | None = None
        self.parent_path: Path | None = None

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
        # Blocks that became current in this fragment run and carry a rerun fragment's id, with
        # their paths: only under them can FE5 remove anything, so clearing never walks the rest.
        self._marked: dict[int, tuple[TreeNode, Path]] = {}
        # The blocks written into in this run, by the identity of the path object a cursor
        # holds (with the path, which keeps the id from being reused). Their ancestors already
        # carry this run's id (FE1) and the marks of a change, so a write into a known block
        # neither walks from the root nor hashes its path: writes cost the same at any depth.
        self._blocks: dict[int, tuple[Path, TreeNode]] = {}
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
        self._blocks = {}
        self._widgets_sent = set()

    def snapshot_taken(self) -> None:
        """The snapshot consumed the change marks: the next write walks its path again."""
        self._blocks = {}

    def _children_of(self, parent_path: Path, index: int) -> list[TreeNode]:
        """The children of the block at ``parent_path``, marking child ``index`` changed."""
        # This runs for every delta: one lookup when the block was written into in this run.
        entry = self._blocks.get(id(parent_path))
        if entry is not None and entry[0] is parent_path:
            parent = entry[1]
        else:
            parent = self._walk(parent_path)
        assert parent.dirty is not None and parent.children is not None
        parent.dirty.add(index)
        return parent.children

    def _walk(self, block_path: Path) -> TreeNode:
        """FE1: every block on the path takes the current run id and marks the child changed."""
        run_id = self.run_id
        marking = self._is_fragment_run
        node = self.roots[block_path[0]]
        node.run_id = run_id
        if marking:
            self._mark(node, block_path[:1])
        for depth, index in enumerate(block_path[1:], 2):
            children = node.children
            if children is None or index >= len(children):
                raise IndexError(f"no block at delta path {list(block_path)}")
            assert node.dirty is not None
            node.dirty.add(index)
            node = children[index]
            if node.children is None:
                raise IndexError(f"delta path {list(block_path)} goes through an element")
            node.run_id = run_id
            if marking:
                self._mark(node, block_path[:depth])
        self._blocks[id(block_path)] = (block_path, node)
        return node

    def _mark(self, node: TreeNode, path: Path) -> None:
        """In a fragment run, remember a block of a rerun fragment (FE5 clears below it)."""
        if node.fragment_id in self._fragment_ids:
            self._marked[id(node)] = (node, path)

    def _touch(self, path: Path) -> TreeNode | None:
        """Mark the path to a node changed (not a write: run ids stay); the node, if any."""
        node = self.roots[path[0]]
        for index in path[1:]:
            if node.children is None or index >= len(node.children):
                return None
            assert node.dirty is not None
            node.dirty.add(index)
            node = node.children[index]
        return node

    def _forget_frozen(self) -> None:
        """The next snapshot freezes every node again (the marks could not be placed)."""
        for root in self.roots:
            for node in root.walk():
                node.frozen = None

    def _place(self, parent_path: Path, index: int, node: TreeNode) -> TreeNode | None:
        siblings = self._children_of(parent_path, index)
        self.version += 1
        if index < len(siblings):
            old = siblings[index]
            siblings[index] = node
            if old.children is not None and (node.children is None or old.kind != node.kind):
                self._blocks = {}  # the blocks below ``old`` left the tree
            return old
        # FE1: an index past the end is a frontend error in the browser; appending keeps the
        # simulation going and can only arise from paths shifted by a removal.
        siblings.append(node)
        return None

    def put_element(
        self, parent_path: Path, index: int, kind: str, props: dict[str, Any], fragment_id: str
    ) -> None:
        """FE1: replace the node at ``(*parent_path, index)`` or append it."""
        # ``_place`` and ``_children_of``, written out: this runs for every element of every run.
        entry = self._blocks.get(id(parent_path))
        if entry is not None and entry[0] is parent_path:
            parent = entry[1]
        else:
            parent = self._walk(parent_path)
        siblings = parent.children
        assert parent.dirty is not None and siblings is not None
        parent.dirty.add(index)
        self.version += 1
        if index < len(siblings):
            old = siblings[index]
            if old.children is None and old.kind == kind:
                # The same kind of element, sent again (every element of a rerun): the node
                # takes the new one's fields, as a new node would have them. Nothing outside
                # the tree holds a node (snapshots hold frozen copies); the one transient
                # kind, "spinner", is never sent as an element, so a transient is replaced.
                old.props, old.run_id, old.fragment_id, old.frozen = (
                    props,
                    self.run_id,
                    fragment_id,
                    None,
                )
            else:
                siblings[index] = TreeNode(kind, props, self.run_id, fragment_id)
                if old.children is not None:
                    self._blocks = {}  # the blocks below ``old`` left the tree
        else:
            # past the end: see ``_place``
            siblings.append(TreeNode(kind, props, self.run_id, fragment_id))
        # ``keeps_value(props)``, written out: this runs for every element of every run.
        widget_id = props.get(ID)
        if widget_id is not None and not props.get(TRIGGER) and VALUE in props:
            self.widget_values[widget_id] = props[VALUE]
            self._widgets_sent.add(widget_id)

    def put_block(
        self, parent_path: Path, index: int, kind: str, props: dict[str, Any], fragment_id: str
    ) -> Path:
        """FE2: a block of the same type keeps the old children; another type starts empty.

        Returns the block's path: writes into the block through that very object (a cursor's
        parent) find it without a walk."""
        siblings = self._children_of(parent_path, index)
        self.version += 1
        old = siblings[index] if index < len(siblings) else None
        if old is not None and old.children is not None and old.kind == kind:
            # The same block, sent again: it takes the new properties and this run's id, and
            # keeps its children, their frozen copies and their marks.
            node = old
            node.props, node.run_id, node.fragment_id = props, self.run_id, fragment_id
            assert node.dirty is not None
            node.dirty.add(SELF)
            path = node.path
            # The path it had, if it is still at the same place: a block at depth d would
            # otherwise build a new d-tuple on every run. Its parent's path is the very
            # object of the last run when the parent was kept too (then no comparison).
            moved = node.parent_path is not parent_path and node.parent_path != parent_path
            if path is None or path[-1] != index or moved:
                path = node.path = (*parent_path, index)
            node.parent_path = parent_path
        else:
            node = TreeNode(kind, props, self.run_id, fragment_id, [])
            if old is None:
                siblings.append(node)  # past the end: see ``_place``
            else:
                siblings[index] = node
                if old.children is not None:
                    self._blocks = {}  # the blocks below ``old`` left the tree
            path = node.path = (*parent_path, index)
            node.parent_path = parent_path
        self._blocks[id(path)] = (path, node)
        if self._is_fragment_run and fragment_id in self._fragment_ids:
            self._marked[id(node)] = (node, path)
        return path

    def put_transient(
        self, path: Path, kind: str, props: dict[str, Any], fragment_id: str
    ) -> TreeNode | None:
        """Show a transient at ``path`` if that slot is free; it never replaces a node."""
        siblings = self._children_of(path[:-1], path[-1])
        if path[-1] != len(siblings):
            return None
        node = TreeNode(kind, props, self.run_id, fragment_id)
        siblings.append(node)
        self.version += 1
        return node

    def remove_transient(self, path: Path, node: TreeNode) -> None:
        parent = self._touch(path[:-1])
        if parent is not None and parent.children is not None and node in parent.children:
            parent.children.remove(node)
            parent.frozen = None  # the siblings after it moved up: their paths changed
            self._blocks = {}
            self.version += 1

    def update_props(self, path: Path, kind: str, props: dict[str, Any]) -> None:
        """New properties for the ``kind`` node at ``path`` (its run id and children stay)."""
        node = self.node_at(path)
        if node is not None and node.kind == kind:
            node.props = props
            self._touch(path)
            if node.dirty is None:
                node.frozen = None
            else:
                node.dirty.add(SELF)
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
                if root.children:
                    self._clear_full(root, removed, live)
            values = self.widget_values
            if values.keys() - live:
                self.widget_values = {k: v for k, v in values.items() if k in live}
            return
        for block, path in list(self._marked.values()):
            if block.run_id == self.run_id and block.fragment_id in self._fragment_ids:
                if self._clear_marked(block, removed) and self._touch(path) is not block:
                    self._forget_frozen()  # a removal moved the block: mark everything
        for node in removed:
            for gone in node.walk():
                if gone.children is None and is_widget(gone.props):
                    widget_id = gone.props[ID]
                    if widget_id not in self._widgets_sent:
                        self.widget_values.pop(widget_id, None)

    def _clear_full(self, root: TreeNode, removed: list[TreeNode], live: set[str]) -> None:
        """FE4 below ``root``; the ids of the widgets that stay are added to ``live``.

        This visits every node of every full run: it walks the tree with a list, not by
        recursion (no call per block, no deeper frames at depth), and the common case (nothing
        stale) builds no list. Each block waits with its link up the tree: ``(parent, the
        block, the parent's link)``, to mark the way to a removal changed."""
        run_id = self.run_id
        todo: list[tuple[TreeNode, Any]] = [(root, None)]
        pop, push = todo.pop, todo.append
        while todo:
            block, up = pop()
            mark = len(todo)
            assert block.children is not None
            for child in block.children:
                if child.run_id != run_id:
                    # Stale children go first, then the block is visited again (what it
                    # queued so far is queued again).
                    del todo[mark:]
                    self._drop_stale(block, up, removed)
                    push((block, up))
                    break
                below = child.children
                if below is None:
                    # ``is_widget(child.props)``, written out
                    props = child.props
                    if ID in props:
                        live.add(props[ID])
                elif below:
                    push((child, (block, child, up)))

    def _drop_stale(self, block: TreeNode, up: Any, removed: list[TreeNode]) -> None:
        """FE4: ``block``'s children of older runs go; its frozen copy and the marks on the way
        down to it say so."""
        assert block.children is not None
        run_id = self.run_id
        keep: list[TreeNode] = []
        for child in block.children:
            (keep if child.run_id == run_id else removed).append(child)
        block.children[:] = keep
        block.frozen = None
        while up is not None:
            # the index after the removals: found only here, as removals are rare
            parent, below, up = up
            assert parent.dirty is not None and parent.children is not None
            parent.dirty.add(parent.children.index(below))

    def _clear_marked(self, block: TreeNode, removed: list[TreeNode]) -> bool:
        """FE5 below a block whose fragment is being rerun (the marker is set).

        True when anything below ``block`` was removed (its frozen copy is then stale)."""
        assert block.children is not None and block.dirty is not None
        keep: list[TreeNode] = []
        changed = False
        for child in block.children:
            current = child.run_id == self.run_id
            if child.children is not None:
                if not current:
                    removed.append(child)
                    continue
                if self._clear_marked(child, removed):
                    block.dirty.add(len(keep))
                    changed = True
            elif not (current or not child.fragment_id):
                removed.append(child)
                continue
            keep.append(child)
        if len(keep) != len(block.children):
            block.children[:] = keep
            block.frozen = None
            return True
        return changed
