"""The query API: ``at.button``, ``at.sidebar.markdown``, ``at.columns[0].checkbox("k")`` …

Every block (and the AppTest itself) offers one typed list per element kind, found depth-first
in document order. Lists index, slice, iterate, compare equal to a list of values, and — for
widgets — are callable by key (``at.button("go")``) or by exact label
(``at.button(label="Go")``). A failed lookup says what exists. ``at.get(kind)`` reaches every
kind; ``at.get("date_time_input")`` (AppTest's node type for ``st.datetime_input``) is the same
list as ``at.datetime_input``, ``at.get("grid_container")`` the same as ``at.grid``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from heapq import merge
from typing import TYPE_CHECKING, Any

from apptest._api.lists import ElementList, WidgetList
from apptest._api.nodes import Node, _short
from apptest._api.query_elements import ElementQueries
from apptest._errors import ElementIndexError, ElementNotFoundError
from apptest._paths import Path
from apptest._props import FORM_ID, FRAGMENT_ID, KEY, LABEL

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest
    from apptest._api.widget_nodes import (
        Button,
        ChatInput,
        Checkbox,
        ComponentInstance,
        DownloadButton,
        LinkButton,
        TextInput,
    )
    from apptest._api.widget_nodes_choice import (
        ButtonGroup,
        MenuButton,
        Multiselect,
        Pagination,
        Radio,
        Selectbox,
        SelectSlider,
    )
    from apptest._api.widget_nodes_data import AudioInput, CameraInput, DataEditor, FileUploader
    from apptest._api.widget_nodes_values import (
        ColorPicker,
        DateInput,
        DateTimeInput,
        Feedback,
        NumberInput,
        Slider,
        TimeInput,
    )

#: ``get()`` names that are not the node type (AppTest's spelling -> apptest's).
KIND_ALIASES = {"date_time_input": "datetime_input", "grid_container": "grid"}


class QueryMixin(ElementQueries):
    """The query API of ``AppTest`` and of every block: one typed list per element kind.

    Each list holds the nodes of that kind below the block, depth-first in document order::

        at.button("go").click().run()            # a widget by key
        at.slider(label="Size").set_value(3)     # ... or by exact label
        assert at.sidebar.markdown[0].value == "Hi"
        at.columns[1].checkbox("agree").check()  # scoped to one column
    """

    __slots__ = ()

    def _nodes(self) -> Iterator[Node]:
        raise NotImplementedError

    def _of_kind(self, kind: str) -> list[Node]:
        """The nodes of type ``kind`` below, in document order: built once per scope and kind."""
        raise NotImplementedError

    def _descendants(self) -> Iterator[Node]:
        stack = list(reversed(list(self._nodes())))
        while stack:
            node = stack.pop()
            yield node
            # isinstance, not getattr(node, "children", None): a leaf's failed lookup goes
            # through Node.__getattr__ (AppTest's "any other property") and raises.
            if isinstance(node, Block) and node.children:
                stack.extend(reversed(node.children))

    # The typed accessors below call these directly (no kind lookup): they are hot.
    def _widgets(self, kind: str) -> WidgetList[Any]:
        return WidgetList(self._of_kind(kind), kind)

    def _elements(self, kind: str, node_type: str | None = None) -> ElementList[Any]:
        return ElementList(self._of_kind(node_type or kind), kind)

    def get(self, kind: str) -> ElementList[Any]:
        """All nodes of one element type: ``at.get("balloons")``, ``at.get("line_chart")``.

        For a kind with a typed accessor, the same list: ``at.get("button") == at.button``.
        """
        kind = KIND_ALIASES.get(kind, kind)
        if kind in _ACCESSORS:
            result: ElementList[Any] = getattr(self, kind)
            return result
        return self._elements(kind)

    def get_by_key(self, key: str) -> Node:
        """The one node with this user key (widget or keyed container): ``at.get_by_key("go")``.

        Raises ElementNotFoundError listing the keys there are."""
        __tracebackhide__ = True  # a failed lookup shows the test's line and the message
        for node in self._descendants():
            if getattr(node, "key", None) == str(key):
                return node
        keys = sorted({str(k) for n in self._descendants() if (k := getattr(n, "key", None))})
        raise ElementNotFoundError(
            f"No element with key={key!r}. Keys in the app: {keys or 'none'}."
        )

    # -- widgets, in AppTest's names --------------------------------------------------------
    @property
    def button(self) -> WidgetList[Button]:
        """``st.button`` and ``st.form_submit_button`` widgets in document order, as in
        AppTest: ``at.button("go").click().run()`` (clicking a submit button submits its form)."""
        buttons: list[Any] = self._of_kind("button")
        submits: list[Any] = self._of_kind("form_submit_button")
        if not submits:
            return WidgetList(buttons, "button")
        if not buttons:
            return WidgetList(submits, "button")
        return WidgetList(list(merge(buttons, submits, key=_position)), "button")

    @property
    def form_submit_button(self) -> WidgetList[Button]:
        """``st.form_submit_button`` widgets only: ``at.form_submit_button[0].click().run()``."""
        return self._widgets("form_submit_button")

    @property
    def checkbox(self) -> WidgetList[Checkbox]:
        """``st.checkbox`` widgets: ``at.checkbox("agree").check().run()``."""
        return self._widgets("checkbox")

    @property
    def toggle(self) -> WidgetList[Checkbox]:
        """``st.toggle`` widgets: ``at.toggle("dark").check().run()``."""
        return self._widgets("toggle")

    @property
    def text_input(self) -> WidgetList[TextInput]:
        """``st.text_input`` widgets: ``at.text_input("name").input("Ann").run()``."""
        return self._widgets("text_input")

    @property
    def radio(self) -> WidgetList[Radio]:
        """``st.radio`` widgets: ``at.radio("size").select("M").run()``."""
        return self._widgets("radio")

    @property
    def selectbox(self) -> WidgetList[Selectbox]:
        """``st.selectbox`` widgets: ``at.selectbox("city").select("Oslo").run()``."""
        return self._widgets("selectbox")

    @property
    def multiselect(self) -> WidgetList[Multiselect]:
        """``st.multiselect`` widgets: ``at.multiselect("tags").select("a").run()``."""
        return self._widgets("multiselect")

    @property
    def slider(self) -> WidgetList[Slider]:
        """``st.slider`` widgets: ``at.slider("size").set_value(3).run()``."""
        return self._widgets("slider")

    @property
    def select_slider(self) -> WidgetList[SelectSlider]:
        """``st.select_slider`` widgets: ``at.select_slider("level").set_value("high")``."""
        return self._widgets("select_slider")

    @property
    def number_input(self) -> WidgetList[NumberInput]:
        """``st.number_input`` widgets: ``at.number_input("n").increment().run()``."""
        return self._widgets("number_input")

    @property
    def text_area(self) -> WidgetList[TextInput]:
        """``st.text_area`` widgets: ``at.text_area("notes").input("Hi").run()``."""
        return self._widgets("text_area")

    @property
    def date_input(self) -> WidgetList[DateInput]:
        """``st.date_input`` widgets: ``at.date_input("day").set_value(date(2024, 1, 2))``."""
        return self._widgets("date_input")

    @property
    def time_input(self) -> WidgetList[TimeInput]:
        """``st.time_input`` widgets: ``at.time_input("at").set_value(time(9, 30))``."""
        return self._widgets("time_input")

    @property
    def color_picker(self) -> WidgetList[ColorPicker]:
        """``st.color_picker`` widgets: ``at.color_picker("c").pick("#ff0000").run()``."""
        return self._widgets("color_picker")

    @property
    def chat_input(self) -> WidgetList[ChatInput]:
        """``st.chat_input`` widgets: ``at.chat_input[0].set_value("Hello").run()``."""
        return self._widgets("chat_input")

    @property
    def download_button(self) -> WidgetList[DownloadButton]:
        """``st.download_button`` widgets: ``at.download_button[0].data``."""
        return self._widgets("download_button")

    @property
    def link_button(self) -> WidgetList[LinkButton]:
        """``st.link_button`` widgets: ``at.link_button[0].url``."""
        return self._widgets("link_button")

    @property
    def pills(self) -> WidgetList[ButtonGroup]:
        """``st.pills`` widgets: ``at.pills("tags").select("a").run()``."""
        return self._widgets("pills")

    @property
    def segmented_control(self) -> WidgetList[ButtonGroup]:
        """``st.segmented_control`` widgets: ``at.segmented_control("mode").select("b")``."""
        return self._widgets("segmented_control")

    @property
    def feedback(self) -> WidgetList[Feedback]:
        """``st.feedback`` widgets: ``at.feedback[0].set_value(1).run()``."""
        return self._widgets("feedback")

    @property
    def file_uploader(self) -> WidgetList[FileUploader]:
        """``st.file_uploader`` widgets: ``at.file_uploader("f").upload("a.csv", b"x")``."""
        return self._widgets("file_uploader")

    @property
    def camera_input(self) -> WidgetList[CameraInput]:
        """``st.camera_input`` widgets: ``at.camera_input[0].upload("p.jpg", jpeg_bytes)``."""
        return self._widgets("camera_input")

    @property
    def data_editor(self) -> WidgetList[DataEditor]:
        """``st.data_editor`` widgets: ``at.data_editor[0].edit_cell(0, "a", 5).run()``."""
        return self._widgets("data_editor")

    @property
    def audio_input(self) -> WidgetList[AudioInput]:
        """``st.audio_input`` widgets: ``at.audio_input[0].upload("a.wav", data).run()``."""
        return self._widgets("audio_input")

    @property
    def datetime_input(self) -> WidgetList[DateTimeInput]:
        """``st.datetime_input`` widgets: ``at.datetime_input("when").set_value(dt)``."""
        return self._widgets("datetime_input")

    @property
    def menu_button(self) -> WidgetList[MenuButton]:
        """``st.menu_button`` widgets: ``at.menu_button("Export").click("CSV").run()``."""
        return self._widgets("menu_button")

    @property
    def pagination(self) -> WidgetList[Pagination]:
        """``st.pagination`` widgets: ``at.pagination[0].select(2).run()``."""
        return self._widgets("pagination")

    @property
    def component_instance(self) -> WidgetList[ComponentInstance]:
        """Custom components (``declare_component``): ``.set_value(v)`` is what their
        frontend would send."""
        return self._widgets("component_instance")

    # -- blocks -------------------------------------------------------------------------------
    @property
    def columns(self) -> ElementList[Column]:
        """Every column of every ``st.columns`` row: ``at.columns[0].button("go")``."""
        return self._elements("columns", "column")

    @property
    def tabs(self) -> ElementList[Block]:
        """Every tab of every ``st.tabs``: ``at.tabs[1].markdown``."""
        return self._elements("tabs", "tab")

    @property
    def expander(self) -> ElementList[Block]:
        """``st.expander`` blocks: ``at.expander[0].markdown``."""
        return self._elements("expander")

    @property
    def status(self) -> ElementList[Status]:
        """``st.status`` blocks: ``at.status[0].state``."""
        return self._elements("status")

    @property
    def form(self) -> ElementList[Block]:
        """``st.form`` blocks: ``at.form[0].text_input``."""
        return self._elements("form")

    @property
    def container(self) -> ElementList[Block]:
        """``st.container`` blocks (fragments' own areas left out): ``at.container[0]``."""
        items: Sequence[Any] = self._of_kind("container")
        return ElementList([n for n in items if FRAGMENT_ID not in n.proto], "container")

    @property
    def dialog(self) -> ElementList[Block]:
        """Open ``st.dialog`` blocks (in ``at.event``): ``at.dialog[0].button("ok")``."""
        return self._elements("dialog")

    @property
    def popover(self) -> ElementList[Block]:
        """``st.popover`` blocks: ``at.popover[0].checkbox``."""
        return self._elements("popover")


#: The names of the typed accessors (every property of QueryMixin and its bases), for ``get()``.
_ACCESSORS = frozenset(
    name for cls in QueryMixin.__mro__ for name, v in vars(cls).items() if isinstance(v, property)
)


def _position(node: Node) -> tuple[int, ...]:
    """Document order: a node's delta path (a parent's path is a prefix of its children's)."""
    return node.path


#: A block's kind positions: type -> indices of the children that are or hold one (sorted).
KindPositions = dict[str, list[int]]


class Block(QueryMixin, Node):
    """A container (main, sidebar, columns, tabs, expander, form, fragment area, dialog …).

    It has the query API of ``AppTest``, scoped to what it holds
    (``at.sidebar.button("go")``), and indexes its direct children (``at.main[0]``).
    """

    __module__ = "apptest"
    __slots__ = ("_by_kind", "_positions", "children")
    children: tuple[Node, ...]

    def __init__(
        self,
        kind: str,
        path: Path,
        run_id: int,
        fragment_id: str,
        props: Mapping[str, Any],
        at: AppTest,
    ) -> None:
        super().__init__(kind, path, run_id, fragment_id, props, at)
        # Set, not left unset: a missing slot would go through Node.__getattr__ (AppTest's
        # "any other property"), which is slow and raises.
        self._by_kind: dict[str, list[Node]] | None = None
        self._positions: KindPositions | None = None

    def _nodes(self) -> Iterator[Node]:
        yield from self.children

    def _of_kind(self, kind: str) -> list[Node]:
        # A block never changes, so each kind's list is built on its first query and kept;
        # a later snapshot shares the block (and the lists) when nothing below it changed.
        cache = self._by_kind
        if cache is None:
            cache = self._by_kind = {}
        found = cache.get(kind)
        if found is None:
            found = cache[kind] = []
            self._collect(kind, found)
        return found

    def _collect(self, kind: str, out: list[Node]) -> None:
        """Append the ``kind`` nodes below, depth-first, entering only children that have one."""
        children = self.children
        for index in self.kind_positions().get(kind, ()):
            child = children[index]
            if child.type == kind:
                out.append(child)
            if isinstance(child, Block):
                child._collect(kind, out)

    def kind_positions(self) -> KindPositions:
        """For each type found below, the indices of the children that are or hold one."""
        if self._positions is not None:
            return self._positions
        positions: KindPositions = {}
        for index, child in enumerate(self.children):
            for kind in kinds_of(child):
                found = positions.get(kind)
                if found is None:
                    positions[kind] = [index]
                else:
                    found.append(index)
        self._positions = positions
        return positions

    def known_positions(self) -> KindPositions | None:
        """``kind_positions()`` if it was built, else None (nothing is computed)."""
        return self._positions

    def set_positions(self, positions: KindPositions) -> None:
        """Give a new block the positions the snapshot derived from its previous copy."""
        self._positions = positions

    def __len__(self) -> int:
        """How many direct children the block has: ``len(at.sidebar)``."""
        return len(self.children)

    def __getitem__(self, index: int) -> Node:
        """The direct child at ``index``: ``at.main[0]``."""
        __tracebackhide__ = True  # a bad index shows the test's line and the message
        try:
            return self.children[index]
        except IndexError:
            raise _no_child(self, index) from None

    def __iter__(self) -> Iterator[Node]:
        """The direct children in order: ``[n.type for n in at.main]``."""
        return iter(self.children)

    @property
    def value(self) -> Any:
        """Always None: a block has no value of its own."""
        return None

    @property
    def key(self) -> str | None:
        """The user key of a keyed container; a form's key (its form id), as in AppTest."""
        key = self.proto.get(KEY)
        if isinstance(key, str):
            return key
        if self.type == "form":
            form_id = self.proto.get(FORM_ID)
            return form_id if isinstance(form_id, str) and form_id else None
        return None

    @property
    def label(self) -> str:
        """The label of an expander, popover, tab or status; a dialog's title ("" for none)."""
        return str(self.proto.get(LABEL) or self.proto.get("title") or "")

    def _describe(self) -> str:
        text = self.proto.get(LABEL) or self.proto.get("title")
        return f"{self.type} {_short(text)}" if text else self.type


def kinds_of(node: Node) -> tuple[str, ...]:
    """The types a child contributes to its parent's positions: its own and those below."""
    if isinstance(node, Block):
        below = node.kind_positions()
        return (node.type, *(k for k in below if k != node.type))
    return (node.type,)


class Column(Block):
    """One column of ``st.columns``: ``at.columns[0].markdown``, ``.weight``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def weight(self) -> float:
        """The column's share of its row's width: ``st.columns([2, 1])`` gives 2/3 and 1/3."""
        return float(self.proto.get("weight", 1.0))

    @property
    def gap(self) -> Any:
        """The ``gap=`` of its row: "small", "medium", "large" or None."""
        return self.proto.get("gap")


class Status(Block):
    """``st.status``: a block with a ``state``: ``at.status[0].state == "complete"``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def state(self) -> str:
        """The state: "running", "complete" or "error"."""
        return str(self.proto.get("state", ""))


def _no_child(block: Block, index: object) -> ElementIndexError:
    """``at[999]``: say how many children there are, and list the first ones."""
    children = block.children
    shown = [f"  [{i}] {child._describe()}" for i, child in enumerate(children[:10])]
    if len(children) > 10:
        shown.append(f"  ... and {len(children) - 10} more")
    listing = ":\n" + "\n".join(shown) if shown else " (it is empty)"
    return ElementIndexError(
        f"No element at index {index} of {block._describe()}: it has {len(children)} "
        f"children{listing}"
    )
