"""The query API: ``at.button``, ``at.sidebar.markdown``, ``at.columns[0].checkbox("k")`` …

Every block (and the AppTest itself) offers one typed list per element kind, found depth-first
in document order. Lists index, slice, iterate, compare equal to a list of values, and — for
widgets — are callable by key (``at.button("go")``) or by exact label
(``at.button(label="Go")``). A failed lookup says what exists.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from apptest._errors import AppTestError, ElementIndexError, ElementNotFoundError

if TYPE_CHECKING:
    from apptest._api.nodes import Node

N = TypeVar("N", bound="Node")


class ElementList(Sequence[N], Generic[N]):
    """An ordered, immutable list of nodes of one kind."""

    __slots__ = ("_items", "_kind")

    def __init__(self, items: Sequence[N], kind: str) -> None:
        self._items = tuple(items)
        self._kind = kind

    @overload
    def __getitem__(self, index: int) -> N: ...
    @overload
    def __getitem__(self, index: slice) -> ElementList[N]: ...
    def __getitem__(self, index: int | slice) -> N | ElementList[N]:
        if isinstance(index, slice):
            return type(self)(self._items[index], self._kind)
        try:
            return self._items[index]
        except IndexError:
            raise ElementIndexError(
                f"No {self._kind} at index {index}: the app shows {len(self._items)} "
                f"{self._kind} element(s). {self._listing()}"
            ) from None

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[N]:
        return iter(self._items)

    @property
    def values(self) -> list[Any]:
        """The ``value`` of each node, in order."""
        return [getattr(item, "value", None) for item in self._items]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            if all(hasattr(o, "path") for o in other):
                return list(self._items) == list(other)
            return self.values == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def _listing(self) -> str:
        if not self._items:
            return "There are none."
        shown = ", ".join(_ident(item) for item in self._items[:20])
        return f"Found: {shown}."

    def __repr__(self) -> str:
        return f"ElementList({list(self._items)!r})"


class WidgetList(ElementList[N]):
    """A list of widgets; call it with a key (or ``label=``) to pick one."""

    __slots__ = ()

    def __call__(self, key: str | None = None, *, label: str | None = None) -> N:
        if key is None and label is None:
            raise AppTestError(
                f"at.{self._kind}(...) needs a key or a label, e.g. at.{self._kind}('my_key') "
                f"or at.{self._kind}(label='Go'). {self._listing()}"
            )
        matches = [
            item
            for item in self._items
            if (key is None or getattr(item, "key", None) == str(key))
            and (label is None or getattr(item, "label", None) == label)
        ]
        if len(matches) == 1:
            return matches[0]
        wanted = " and ".join(
            part
            for part in (
                f"key={key!r}" if key is not None else "",
                f"label={label!r}" if label is not None else "",
            )
            if part
        )
        if not matches:
            raise ElementNotFoundError(f"No {self._kind} with {wanted}. {self._listing()}")
        raise AppTestError(
            f"{len(matches)} {self._kind} widgets match {wanted}; pass a key to pick one. "
            f"{self._listing()}"
        )


def _ident(item: Any) -> str:
    key = getattr(item, "key", None)
    label = getattr(item, "label", "")
    parts = []
    if label:
        parts.append(f"label={label!r}")
    if key is not None and not str(key).startswith("FormSubmitter:"):
        parts.append(f"key={key!r}")
    if not parts:
        parts.append(repr(getattr(item, "value", None))[:40])
    return f"{getattr(item, 'type', '?')}({', '.join(parts)})"


WIDGET_KINDS = frozenset(
    {
        "button", "download_button", "form_submit_button", "checkbox", "toggle", "radio",
        "selectbox", "multiselect", "pills", "segmented_control", "slider", "select_slider",
        "text_input", "text_area", "number_input", "date_input", "time_input", "color_picker",
        "file_uploader", "camera_input", "chat_input", "feedback", "data_editor", "link_button",
    }
)


class QueryMixin:
    """Typed lists per element kind, over whatever ``_nodes()`` yields (depth-first)."""

    __slots__ = ()

    def _nodes(self) -> Iterator[Node]:
        raise NotImplementedError

    def _descendants(self) -> Iterator[Node]:
        stack = list(reversed(list(self._nodes())))
        while stack:
            node = stack.pop()
            yield node
            children = getattr(node, "children", None)
            if children:
                stack.extend(reversed(children))

    def get(self, kind: str) -> ElementList[Any]:
        """All nodes of one kind, e.g. ``at.get("balloons")`` or ``at.get("line_chart")``."""
        from apptest._api.nodes import BLOCK_QUERY_NAMES

        wanted = BLOCK_QUERY_NAMES.get(kind, kind)
        items = [n for n in self._descendants() if n.type == wanted]
        if wanted == "container":
            items = [n for n in items if "fragment_id" not in n.proto]
        if wanted in WIDGET_KINDS:
            return WidgetList(items, kind)
        return ElementList(items, kind)

    def get_by_key(self, key: str) -> Node:
        """The one node with this user key (widget or keyed container)."""
        for node in self._descendants():
            if getattr(node, "key", None) == str(key):
                return node
        keys = sorted({str(k) for n in self._descendants() if (k := getattr(n, "key", None))})
        raise ElementNotFoundError(
            f"No element with key={key!r}. Keys in the app: {keys or 'none'}."
        )

    # Typed accessors, in AppTest's names.
    button = property(lambda self: self.get("button"))
    form_submit_button = property(lambda self: self.get("form_submit_button"))
    checkbox = property(lambda self: self.get("checkbox"))
    toggle = property(lambda self: self.get("toggle"))
    text_input = property(lambda self: self.get("text_input"))
    radio = property(lambda self: self.get("radio"))
    selectbox = property(lambda self: self.get("selectbox"))
    multiselect = property(lambda self: self.get("multiselect"))
    slider = property(lambda self: self.get("slider"))
    select_slider = property(lambda self: self.get("select_slider"))
    number_input = property(lambda self: self.get("number_input"))
    text_area = property(lambda self: self.get("text_area"))
    date_input = property(lambda self: self.get("date_input"))
    time_input = property(lambda self: self.get("time_input"))
    color_picker = property(lambda self: self.get("color_picker"))
    chat_input = property(lambda self: self.get("chat_input"))
    download_button = property(lambda self: self.get("download_button"))
    link_button = property(lambda self: self.get("link_button"))
    pills = property(lambda self: self.get("pills"))
    segmented_control = property(lambda self: self.get("segmented_control"))
    feedback = property(lambda self: self.get("feedback"))
    file_uploader = property(lambda self: self.get("file_uploader"))
    camera_input = property(lambda self: self.get("camera_input"))
    data_editor = property(lambda self: self.get("data_editor"))
    markdown = property(lambda self: self.get("markdown"))
    title = property(lambda self: self.get("title"))
    header = property(lambda self: self.get("header"))
    subheader = property(lambda self: self.get("subheader"))
    caption = property(lambda self: self.get("caption"))
    text = property(lambda self: self.get("text"))
    code = property(lambda self: self.get("code"))
    latex = property(lambda self: self.get("latex"))
    json = property(lambda self: self.get("json"))
    divider = property(lambda self: self.get("divider"))
    metric = property(lambda self: self.get("metric"))
    error = property(lambda self: self.get("error"))
    warning = property(lambda self: self.get("warning"))
    info = property(lambda self: self.get("info"))
    success = property(lambda self: self.get("success"))
    exception = property(lambda self: self.get("exception"))
    toast = property(lambda self: self.get("toast"))
    dataframe = property(lambda self: self.get("dataframe"))
    table = property(lambda self: self.get("table"))
    columns = property(lambda self: self.get("columns"))
    tabs = property(lambda self: self.get("tabs"))
    expander = property(lambda self: self.get("expander"))
    status = property(lambda self: self.get("status"))
    form = property(lambda self: self.get("form"))
    container = property(lambda self: self.get("container"))
    dialog = property(lambda self: self.get("dialog"))
    popover = property(lambda self: self.get("popover"))
