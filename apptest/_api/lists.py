"""Node lists: what ``at.button``, ``at.markdown`` … return.

An :class:`ElementList` indexes, slices, iterates and compares equal to a list of values; a
:class:`WidgetList` is also callable by key (``at.button("go")``) or by exact label
(``at.button(label="Go")``). A failed lookup says what exists.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Generic, TypeVar, overload

from apptest._api.nodes import Node
from apptest._errors import AppTestError, ElementIndexError, ElementNotFoundError

N = TypeVar("N", bound="Node")


class ElementList(Sequence[N], Generic[N]):
    """An ordered, immutable list of nodes of one kind, as ``at.markdown`` returns.

    Index, slice, iterate, or compare it with a list of values::

        assert at.markdown[0].value == "Hello"
        assert at.markdown == ["Hello", "World"]
        assert len(at.sidebar.markdown) == 1
    """

    __module__ = "apptest"

    __slots__ = ("_items", "_kind")

    def __init__(self, items: Sequence[N], kind: str) -> None:
        self._items = tuple(items)
        self._kind = kind

    @overload
    def __getitem__(self, index: int) -> N: ...
    @overload
    def __getitem__(self, index: slice) -> ElementList[N]: ...
    def __getitem__(self, index: int | slice) -> N | ElementList[N]:
        """The node at ``index`` (``at.button[0]``), or a sub-list for a slice."""
        __tracebackhide__ = True  # a wrong index shows the test's line, not this one
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
        """How many nodes the list holds: ``len(at.button)``."""
        return len(self._items)

    def __iter__(self) -> Iterator[N]:
        """The nodes in document order: ``[b.label for b in at.button]``."""
        return iter(self._items)

    @property
    def len(self) -> int:
        """How many nodes the list holds (AppTest's ``ElementList.len``): ``at.button.len``."""
        return len(self._items)

    @property
    def values(self) -> list[Any]:
        """The ``value`` of each node, in order: ``at.markdown.values == ["Hi"]``."""
        return [getattr(item, "value", None) for item in self._items]

    def __eq__(self, other: object) -> bool:
        """Equal to a list with the same nodes, or to a list of their values."""
        if isinstance(other, ElementList):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            if all(hasattr(o, "path") for o in other):
                return list(self._items) == list(other)
            return self.values == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __call__(self, key: str | None = None, *, label: str | None = None) -> N:
        """The one node with this ``key`` (and/or exact ``label``): ``at.slider("size")``,
        ``at.expander("details")`` (keyed containers too, as AppTest's lists are callable).

        Raises ElementNotFoundError (a KeyError) listing the nodes there are when none
        matches, and AppTestError when several match.
        """
        __tracebackhide__ = True  # a failed lookup shows the test's line and the message
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

    def _listing(self) -> str:
        if not self._items:
            return "There are none."
        shown = ", ".join(_ident(item) for item in self._items[:20])
        return f"Found: {shown}."

    def __repr__(self) -> str:
        return f"ElementList({list(self._items)!r})"


class WidgetList(ElementList[N]):
    """A list of widgets (``at.button``): index it like a list, or call it to pick one by
    key or exact label::

        at.button("go").click().run()
        at.text_input(label="Name").input("Ann").run()
    """

    __module__ = "apptest"
    __slots__ = ()


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


__all__ = ["ElementList", "WidgetList"]
