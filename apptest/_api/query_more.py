"""The query accessors for the commands Streamlit added in 1.4x-1.5x (a base of
``QueryMixin``): ``at.chat_message``, ``at.audio_input``, ``at.datetime_input``,
``at.menu_button``, ``at.pagination``, ``at.page_link``, ``at.space``, ``at.iframe``,
``at.pdf``, ``at.grid``, ``at.component_instance``.

``at.get(kind)`` reaches every kind; ``at.get("date_time_input")`` (AppTest's node type for
``st.datetime_input``) is the same list as ``at.datetime_input``, ``at.get("grid_container")``
the same as ``at.grid``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from apptest._api.lists import ElementList, WidgetList

if TYPE_CHECKING:
    from apptest._api.element_nodes import ChatMessage, Iframe, PageLink, Pdf, Space
    from apptest._api.query import Block
    from apptest._api.widget_nodes_more import (
        AudioInput,
        ComponentInstance,
        DateTimeInput,
        MenuButton,
        Pagination,
    )

#: ``get()`` names that are not the node type (AppTest's spelling -> apptest's).
KIND_ALIASES = {"date_time_input": "datetime_input", "grid_container": "grid"}


class MoreQueries:
    """Typed lists for chat messages, the newer widgets and elements, custom components."""

    __slots__ = ()

    def _widgets(self, kind: str) -> WidgetList[Any]:
        raise NotImplementedError

    def _elements(self, kind: str, node_type: str | None = None) -> ElementList[Any]:
        raise NotImplementedError

    @property
    def chat_message(self) -> ElementList[ChatMessage]:
        """``st.chat_message`` blocks: ``at.chat_message[1].markdown[0].value``."""
        return self._elements("chat_message")

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

    @property
    def page_link(self) -> ElementList[PageLink]:
        """``st.page_link`` elements: ``at.page_link[0].value`` (the label), ``.page``."""
        return self._elements("page_link")

    @property
    def space(self) -> ElementList[Space]:
        """``st.space`` elements: ``at.space[0].value`` (the size)."""
        return self._elements("space")

    @property
    def iframe(self) -> ElementList[Iframe]:
        """``st.iframe`` (and ``components.v1.html``/``iframe``): ``at.iframe[0].src``."""
        return self._elements("iframe")

    @property
    def grid(self) -> ElementList[Block]:
        """``st.grid`` blocks (modern profile): ``at.grid[0].get("grid_cell")``."""
        return self._elements("grid")

    @property
    def pdf(self) -> ElementList[Pdf]:
        """``st.pdf`` elements: ``at.pdf[0].value``."""
        return self._elements("pdf")
