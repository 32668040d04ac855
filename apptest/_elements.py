"""The immutable element tree tests read: one typed node per element or block.

A snapshot is made from the browser tree after a run (lazily, on first access). Nodes never
change; widget verbs (``click``, ``check``, ``input`` …) stage an interaction on the AppTest
and return the widget, and ``.run()`` on any node runs the AppTest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from apptest._props import ID, KEY, LABEL, TRIGGER, VALUE, is_widget
from apptest._query import QueryMixin
from apptest._tree import ROOT_NAMES, Path, TreeNode

if TYPE_CHECKING:
    from apptest._apptest import AppTest


class Node:
    """Any node of the tree: its ``type``, delta ``path``, the run and fragment that wrote it."""

    __slots__ = ("_at", "fragment_id", "path", "proto", "run_id", "type")

    def __init__(
        self,
        kind: str,
        path: Path,
        run_id: int,
        fragment_id: str,
        props: Mapping[str, Any],
        at: AppTest,
    ) -> None:
        self.type = kind
        self.path = path
        self.run_id = run_id
        self.fragment_id = fragment_id
        self.proto: Mapping[str, Any] = props
        self._at = at

    @property
    def key(self) -> str | None:
        key = self.proto.get(KEY)
        return key if isinstance(key, str) else None

    @property
    def label(self) -> str:
        return str(self.proto.get(LABEL, ""))

    @property
    def help(self) -> str | None:
        value = self.proto.get("help")
        return value if isinstance(value, str) else None

    @property
    def fragment(self) -> str | None:
        """The name of the fragment that wrote this node (None for the main script)."""
        return self._at._fragment_name(self.fragment_id) if self.fragment_id else None

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the AppTest this node belongs to (applies staged interactions)."""
        return self._at.run(timeout=timeout)

    def _describe(self) -> str:
        return self.type

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._describe()})"


class Element(Node):
    """A leaf element. ``value`` is its main content (body text, widget value, data)."""

    __slots__ = ()

    @property
    def value(self) -> Any:
        if VALUE in self.proto:
            return self.proto[VALUE]
        return self.proto.get("body")

    def _describe(self) -> str:
        text = self.label or self.value
        return f"{self.type} {_short(text)}" if text not in (None, "") else self.type

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Element):
            return (self.type, self.path, dict(self.proto)) == (
                other.type,
                other.path,
                dict(other.proto),
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class Markdown(Element):
    __slots__ = ()

    @property
    def body(self) -> str:
        return str(self.proto.get("body", ""))


class Heading(Markdown):
    __slots__ = ()

    @property
    def tag(self) -> str:
        return str(self.proto.get("tag", ""))

    @property
    def anchor(self) -> Any:
        return self.proto.get("anchor")


class Alert(Markdown):
    __slots__ = ()

    @property
    def icon(self) -> str | None:
        icon = self.proto.get("icon")
        return icon if isinstance(icon, str) else None


Toast = Alert


class Metric(Element):
    __slots__ = ()

    @property
    def value(self) -> str:
        return str(self.proto.get("body", ""))

    @property
    def delta(self) -> str:
        return str(self.proto.get("delta", ""))

    @property
    def color(self) -> str:
        return str(self.proto.get("delta_color", "normal"))


class Exception_(Element):
    """An exception element: ``message``, ``exc_type`` and ``stack_trace`` as the browser shows."""

    __slots__ = ()

    @property
    def message(self) -> str:
        return str(self.proto.get("message", ""))

    @property
    def value(self) -> str:
        return self.message

    @property
    def exc_type(self) -> str:
        return str(self.proto.get("exc_type", ""))

    @property
    def stack_trace(self) -> tuple[str, ...]:
        return tuple(self.proto.get("stack_trace", ()))

    @property
    def is_markdown(self) -> bool:
        return bool(self.proto.get("is_markdown", False))

    def _describe(self) -> str:
        return f"{self.exc_type}: {_short(self.message)}"


class Widget(Element):
    """An input widget. Verbs stage an interaction, applied by the next ``run()``."""

    __slots__ = ()

    @property
    def id(self) -> str:
        return str(self.proto[ID])

    @property
    def disabled(self) -> bool:
        return bool(self.proto.get("disabled", False))

    @property
    def value(self) -> Any:
        return self._at._staged_value(self.id, self.proto.get(VALUE))

    def set_value(self, value: Any) -> Widget:
        """Stage ``value`` as if the user had entered it; returns the widget for chaining."""
        self._at._stage(self, value)
        return self

    def _describe(self) -> str:
        text = f"{self.type} {_short(self.label)}"
        if self.proto.get(TRIGGER):
            return text  # buttons: True only in the run a click caused
        return f"{text} = {_short(self.proto.get(VALUE))}"


class Block(QueryMixin, Node):
    """A container (main, sidebar, columns, tabs, expander, form, fragment area, dialog …)."""

    __slots__ = ("children",)
    children: tuple[Node, ...]

    def _nodes(self) -> Iterator[Node]:
        yield from self.children

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, index: int) -> Node:
        return self.children[index]

    def __iter__(self) -> Iterator[Node]:
        return iter(self.children)

    @property
    def value(self) -> Any:
        return None

    def _describe(self) -> str:
        text = self.proto.get(LABEL) or self.proto.get("title")
        return f"{self.type} {_short(text)}" if text else self.type


class Column(Block):
    __slots__ = ()

    @property
    def weight(self) -> float:
        return float(self.proto.get("weight", 1.0))

    @property
    def gap(self) -> Any:
        return self.proto.get("gap")


class Status(Block):
    __slots__ = ()

    @property
    def state(self) -> str:
        return str(self.proto.get("state", ""))


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

BLOCK_QUERY_NAMES = {
    "columns": "column",
    "tabs": "tab",
    "expander": "expander",
    "status": "status",
    "form": "form",
    "container": "container",
    "dialog": "dialog",
    "popover": "popover",
}


_typed_classes_loaded = False


def load_typed_classes() -> None:
    """Import the modules of the typed widget classes (``Slider``, ``Selectbox`` …): they
    register in ELEMENT_CLASSES on import. Done before the first snapshot rather than at
    ``import apptest``, which stays fast."""
    global _typed_classes_loaded
    import apptest._widget_elements
    import apptest._widget_elements_choice
    import apptest._widget_elements_data  # noqa: F401

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


def _short(text: object, limit: int = 60) -> str:
    value = repr(text)
    return value if len(value) <= limit else value[: limit - 4] + "..." + value[-1]
