"""Typed nodes for chat messages, spaces, PDFs, iframes and page links; the text, data and
status elements (markdown, headings, alerts, metrics, images ...) are in ``apptest._api.nodes``.

``ChatMessage`` is a block (``at.chat_message[1].markdown[0].value``) with the author's
``name`` and ``avatar``; the others are leaves whose ``value`` is what AppTest reads:
``Space.value`` the size, ``PageLink.value`` the label, ``Iframe.value`` the URL (or the
HTML it shows), ``Pdf.value`` the document (bytes, or its URL).
"""

from __future__ import annotations

from typing import Any

from apptest._api.nodes import Element, Node, _short
from apptest._api.query import Block
from apptest._props import LABEL


class ChatMessage(Block):
    """``st.chat_message``: ``at.chat_message[0].name == "user"``; query its content like any
    block: ``at.chat_message[1].markdown[0].value``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def name(self) -> str:
        """The author name the app passed ("user", "assistant", or any text)."""
        return str(self.proto.get("name", ""))

    @property
    def avatar(self) -> Any:
        """The avatar shown: "user"/"assistant" for the preset icons, an emoji, a material
        icon name, or the image the app passed ("" when none)."""
        return self.proto.get("avatar", "")

    def _describe(self) -> str:
        return f"chat_message {self.name!r}"


class Space(Element):
    """``st.space``: ``at.get("space")[0].value == "small"``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> Any:
        """The ``size`` passed ("small" by default, or pixels)."""
        return self.proto.get("size")

    def _describe(self) -> str:
        return f"space {self.value!r}"


class Pdf(Element):
    """``st.pdf``: ``.value`` is the document's bytes, or its URL."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> bytes | str:
        """The PDF: its bytes (file, buffer or bytes the app passed) or its URL."""
        data = self.proto.get("data", b"")
        return data if isinstance(data, str) else bytes(data)

    @property
    def height(self) -> Any:
        """The ``height=`` passed (500 by default)."""
        return self.proto.get("height")

    def _describe(self) -> str:
        value = self.value
        return f"pdf {value!r}" if isinstance(value, str) else f"pdf ({len(value)} bytes)"


class Iframe(Element):
    """``st.iframe`` and ``components.v1.html``/``iframe``: ``.src`` (a URL) or ``.srcdoc``
    (HTML shown inline); ``.value`` is whichever is set."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def src(self) -> str | None:
        """The URL shown, or None for inline HTML."""
        src = self.proto.get("src")
        return src if isinstance(src, str) else None

    @property
    def srcdoc(self) -> str | None:
        """The inline HTML shown, or None for a URL."""
        doc = self.proto.get("srcdoc")
        return doc if isinstance(doc, str) else None

    @property
    def value(self) -> str:
        """The URL, else the HTML."""
        return self.src if self.src is not None else self.srcdoc or ""

    def _describe(self) -> str:
        if self.src is not None:
            return f"iframe {_short(self.src)}"
        return f"iframe html {_short(self.srcdoc)}"


class PageLink(Element):
    """``st.page_link``: ``.value``/``.label`` is the label, ``.page`` the URL path (or the
    external URL). Switch pages with ``at.switch_page``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> str:
        """The link's label (the page's title when the app gave none)."""
        return str(self.proto.get(LABEL, ""))

    @property
    def page(self) -> str:
        """The page's URL path ("" for the main page), or the external URL."""
        return str(self.proto.get("page", ""))

    @property
    def icon(self) -> str | None:
        """The ``icon=`` passed, or None."""
        icon = self.proto.get("icon")
        return icon if isinstance(icon, str) else None

    @property
    def disabled(self) -> bool:
        """True for ``disabled=True``."""
        return bool(self.proto.get("disabled", False))

    def _describe(self) -> str:
        return f"page_link {self.value!r} -> {self.page!r}"


#: The node class of each element kind this module defines.
CLASSES: dict[str, type[Node]] = {
    "chat_message": ChatMessage,
    "space": Space,
    "pdf": Pdf,
    "iframe": Iframe,
    "page_link": PageLink,
}
