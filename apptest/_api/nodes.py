"""The immutable element tree tests read: one typed node per element or block.

A snapshot is made from the browser tree after a run (lazily, on first access). Nodes never
change; widget verbs (``click``, ``check``, ``input`` …) stage an interaction on the AppTest
and return the widget, and ``.run()`` on any node runs the AppTest.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NoReturn

from apptest._api.describe import (
    DESCRIBERS,
    DETAILS,
    TEXT_LIMIT,
    table_summary,
    widget_extras,
    widget_value,
)
from apptest._api.describe import short as _describe_short
from apptest._api.describe import table_rows as _table_rows
from apptest._errors import AppTestError
from apptest._paths import Path
from apptest._props import ID, KEY, LABEL, TRIGGER, VALUE

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest


class Node:
    """Any node of the tree: its ``type``, delta ``path``, the run and fragment that wrote it.

    ``at.main[0].type == "title"``; ``at.button("go").path == (0, 1)``.
    """

    __module__ = "apptest"
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
        """The user key the app gave (``key=``), or None."""
        key = self.proto.get(KEY)
        return key if isinstance(key, str) else None

    @property
    def label(self) -> str:
        """The label the browser shows ("" when there is none)."""
        return str(self.proto.get(LABEL, ""))

    @property
    def fragment(self) -> str | None:
        """The name of the fragment that wrote this node (None for the main script)."""
        return self._at._fragment_name(self.fragment_id) if self.fragment_id else None

    def run(self, *, timeout: float | None = None) -> AppTest:
        """Run the AppTest this node belongs to (applies staged interactions)."""
        return self._at.run(timeout=timeout)

    if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any attribute

        def __getattr__(self, name: str) -> Any:
            """Any other parameter the element was created with, as in Streamlit's AppTest:
            ``at.code[0].language``, ``at.text_input[0].max_chars``."""
            return _prop(self, name)

    def _describe(self) -> str:
        """The node's line in the text tree (``at.tree``): its type and what a user sees."""
        return self.type

    def _details(self) -> list[str]:
        """Lines shown under the node's line in the text tree (a table's rows); none here."""
        details = DETAILS.get(self.type)
        return details(self.proto) if details is not None else []

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._describe()})"


class Element(Node):
    """A leaf element. ``value`` is its main content (body text, widget value, data)."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def help(self) -> str | None:
        """The tooltip (``help=``), or None. (On a block, ``help`` lists ``st.help``
        elements, as in AppTest.)"""
        value = self.proto.get("help")
        return value if isinstance(value, str) else None

    @property
    def value(self) -> Any:
        """The main content: ``at.markdown[0].value == "Hello"``."""
        if VALUE in self.proto:
            return self.proto[VALUE]
        return self.proto.get("body")

    def _describe(self) -> str:
        describer = DESCRIBERS.get(self.type)
        if describer is not None:
            return describer(self.type, self.proto)
        text = self.label or self.value
        if text is None or (isinstance(text, str) and not text):
            return self.type
        if hasattr(text, "shape") and hasattr(text, "columns"):
            return f"{self.type} {table_summary(text)}"
        return f"{self.type} {_short(text, TEXT_LIMIT)}"

    def __eq__(self, other: object) -> bool:
        """Equal to an element of the same type, path and content (from any run)."""
        if isinstance(other, Element):
            return (self.type, self.path, dict(self.proto)) == (
                other.type,
                other.path,
                dict(other.proto),
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class Markdown(Element):
    """Text elements (``st.markdown``, ``st.write`` text, caption, code, latex, json, text,
    divider): ``at.markdown[0].value``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def body(self) -> str:
        """The text as Streamlit sends it (dedented and stripped): ``at.code[0].body``."""
        return str(self.proto.get("body", ""))

    @property
    def is_caption(self) -> bool:
        """True for ``st.caption`` (AppTest's ``Markdown.is_caption``)."""
        return self.type == "caption"

    @property
    def allow_html(self) -> bool:
        """``unsafe_allow_html=`` of ``st.markdown`` and ``st.caption``."""
        return bool(self.proto.get("allow_html", False))


class Json(Element):
    """``st.json`` (and what ``st.write`` shows as JSON): ``value`` is the JSON text,
    ``expanded`` how it opens. ``at.json[0].value == '{"a": 1}'``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> str:
        """The JSON text the browser shows."""
        return str(self.proto.get("body", ""))

    @property
    def expanded(self) -> bool:
        """False for ``expanded=False``; True otherwise (an int depth too, as in AppTest)."""
        return bool(self.proto.get("expanded", True))

    @property
    def max_expand_depth(self) -> int | None:
        """The depth of an ``expanded=<int>``, else None."""
        depth = self.proto.get("max_expand_depth")
        return depth if isinstance(depth, int) else None


class Heading(Markdown):
    """``st.title``, ``st.header``, ``st.subheader``: ``at.title[0].value == "Shop"``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def tag(self) -> str:
        """The HTML tag: "h1", "h2" or "h3"."""
        return str(self.proto.get("tag", ""))

    @property
    def anchor(self) -> Any:
        """The anchor id: the app's ``anchor=``, else one made from the text."""
        return self.proto.get("anchor")

    @property
    def hide_anchor(self) -> bool:
        """True for ``anchor=False``: the browser shows no anchor link."""
        return bool(self.proto.get("hide_anchor", False))

    @property
    def divider(self) -> bool | str:
        """``divider=`` of ``st.header``/``st.subheader``: a colour, "auto" for True, False
        for none."""
        divider: bool | str = self.proto.get("divider", False)
        return divider


class Alert(Markdown):
    """``st.error``, ``st.warning``, ``st.info``, ``st.success`` and ``st.toast`` (``Toast``
    is the same class): ``at.error[0].value``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def icon(self) -> str:
        """The icon the app set ("" for none, as in AppTest)."""
        icon = self.proto.get("icon")
        return icon if isinstance(icon, str) else ""


#: ``st.toast`` elements (``at.toast``), the same class as the other alerts.
Toast = Alert


class Metric(Element):
    """``st.metric``: ``at.metric[0].value == "70 °F"``, ``.delta``, ``.color``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> str:
        """The value as displayed (a string, as in the browser)."""
        return str(self.proto.get("body", ""))

    @property
    def delta(self) -> str:
        """The delta as displayed ("" when there is none)."""
        return str(self.proto.get("delta", ""))

    @property
    def color(self) -> str:
        """``delta_color``: "normal", "inverse" or "off"."""
        return str(self.proto.get("delta_color", "normal"))


class Code(Markdown):
    """``st.code``: ``at.code[0].value`` is the code, ``.language`` ("python" by default,
    "plaintext" for ``language=None``), ``.show_line_numbers``, ``.wrap_lines``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def language(self) -> str:
        """The highlighting language."""
        return str(self.proto.get("language", "python"))

    @property
    def show_line_numbers(self) -> bool:
        """``line_numbers=``."""
        return bool(self.proto.get("line_numbers", False))

    @property
    def wrap_lines(self) -> bool:
        """``wrap_lines=``."""
        return bool(self.proto.get("wrap_lines", False))


class Help(Element):
    """``st.help`` (and ``st.write`` of a function, class or module): ``.value`` is the
    object's name, ``.doc_string`` its documentation. ``at.help[0].value == "len"``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> str:
        """The object's name (its repr when it has none)."""
        return str(self.proto.get("name", ""))

    @property
    def name(self) -> str:
        """The object's name (its repr when it has none)."""
        return str(self.proto.get("name", ""))

    @property
    def doc_string(self) -> str:
        """The object's docstring, stripped ("" when none)."""
        return str(self.proto.get("body", ""))


class Html(Element):
    """``st.html``: ``at.html[0].value`` is the HTML as Streamlit sends it (dedented, stripped)."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> str:
        """The HTML body."""
        return str(self.proto.get("body", ""))


class Progress(Element):
    """``st.progress``: ``at.progress[0].value == 25`` (a float 0.25 reads 25, as in AppTest),
    ``.text``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> int:
        """The progress from 0 to 100."""
        return int(self.proto.get(VALUE, 0))

    @property
    def text(self) -> str:
        """The message beside the bar ("" when none)."""
        return str(self.proto.get("text") or "")


class Image(Element):
    """``st.image``: ``.value`` lists the images' URLs, ``.captions`` their captions, one per
    image: ``at.image[0].captions == ["A cat"]``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> list[str]:
        """Each image's URL: a URL or path the app gave as is; an image given as data gets a
        ``/media/<sha224>.<format>`` address, as Streamlit's media files do (the id differs)."""
        return [_media_url(image, self.proto.get("output_format")) for image in self._images()]

    @property
    def captions(self) -> list[str]:
        """Each image's caption ("" for none)."""
        captions = self.proto.get("caption")
        count = len(self._images())
        if captions is None:
            return [""] * count
        if isinstance(captions, str) or not isinstance(captions, (list, tuple)):
            return [str(captions)] * count if count == 1 else [str(captions)] + [""] * (count - 1)
        return [str(c) for c in captions]

    def _images(self) -> list[Any]:
        images: Any = self.proto.get("data")
        if isinstance(images, (list, tuple)):
            return list(images)
        if type(images).__module__.startswith("numpy") and getattr(images, "ndim", 0) == 4:
            return list(images)  # a batch of images
        return [images]


def _media_url(image: object, output_format: object) -> str:
    if isinstance(image, str):
        return image
    if isinstance(image, (bytes, bytearray)):
        data = bytes(image)
    else:
        data = repr(image).encode()
    ext = str(output_format).lower() if output_format not in (None, "auto") else "png"
    return f"/media/{hashlib.sha224(data).hexdigest()}.{ext}"


class Exception_(Element):
    """An exception element: ``message``, ``exc_type`` and ``stack_trace`` as the browser
    shows. ``at.exception[0].message == "bad value"``; ``not at.exception`` when none."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def message(self) -> str:
        """The exception's message: ``str(exc)``."""
        return str(self.proto.get("message", ""))

    @property
    def value(self) -> str:
        """The message (as Streamlit's AppTest reads ``value``)."""
        return self.message

    @property
    def exc_type(self) -> str:
        """The exception class's name: "ValueError"."""
        return str(self.proto.get("exc_type", ""))

    @property
    def stack_trace(self) -> list[str]:
        """The traceback the browser shows, one entry per frame (a list, as in AppTest)."""
        return list(self.proto.get("stack_trace", ()))

    @property
    def is_markdown(self) -> bool:
        """True when the message is Markdown (Streamlit's ``MarkdownFormattedException``)."""
        return bool(self.proto.get("is_markdown", False))

    @property
    def is_warning(self) -> bool:
        """True for a deprecation warning shown as an exception element (never, for an error
        the app raised)."""
        return bool(self.proto.get("is_warning", False))

    def _describe(self) -> str:
        return f"{self.exc_type}: {_short(self.message, TEXT_LIMIT)}"


class Widget(Element):
    """An input widget. Verbs stage an interaction, applied by the next ``run()``:
    ``at.slider("size").set_value(3).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def id(self) -> str:
        """The widget id Streamlit computes (from the key, or from the parameters)."""
        return str(self.proto[ID])

    @property
    def disabled(self) -> bool:
        """True for ``disabled=True``: verbs then raise, as a browser user cannot act."""
        return bool(self.proto.get("disabled", False))

    @property
    def value(self) -> Any:
        """The value the app gets: a staged value until the next run, else the last run's."""
        return self._at._staged_value(self.id, self.proto.get(VALUE))

    def set_value(self, value: Any) -> Widget:
        """Stage ``value`` as if the user had entered it; returns the widget for chaining."""
        __tracebackhide__ = True  # a refused value shows the test's line and the message
        self._at._stage(self, value)
        return self

    def _shown_value(self) -> Any:
        """The value the page shows after the last run (staged values are not shown)."""
        return self.proto.get(VALUE)

    def _describe(self) -> str:
        describer = DESCRIBERS.get(self.type)
        if describer is not None:
            return describer(self.type, self.proto)
        text = f"{self.type} {_short(self.label)}"
        if self.proto.get(TRIGGER):
            return text + widget_extras(self.proto)  # buttons: True only in a click's run
        value = widget_value(self.proto, self._shown_value())
        return f"{text} = {value}{widget_extras(self.proto)}"

    def _details(self) -> list[str]:
        if self.proto.get("type") == "password":
            return []
        return _table_rows(self._shown_value()) if hasattr(self._shown_value(), "shape") else []


_short = _describe_short


def _prop(node: Node, name: str) -> Any:
    """``node.<name>`` read from its element properties, else Python's AttributeError.
    ``set_value``/``click`` on an element that takes no input is a function that raises
    AppTestError when called, as in AppTest."""
    if name in ("set_value", "click"):
        return functools.partial(_no_interaction, node, name)
    if not name.startswith("_") and name != "proto":
        props = node.proto  # a slot: set for every node made by a snapshot
        if name in props:
            value = props[name]
            # A widget's remembered plan shares its lists (options, captions) with later runs
            # and other AppTests: a test gets its own copy to change.
            return list(value) if type(value) is list else value
    _no_attribute(node, name)


def _no_interaction(node: Node, verb: str, *_args: object, **_kwargs: object) -> NoReturn:
    __tracebackhide__ = True  # the test's line shows, with the message
    raise AppTestError(
        f"{verb}() is not supported for {node.type}: it is not an input widget, so a browser "
        "user cannot change it. Read it with .value."
    )


def _no_attribute(node: object, name: str) -> NoReturn:
    raise AttributeError(f"{type(node).__name__!r} object has no attribute {name!r}")
