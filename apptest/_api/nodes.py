"""The immutable element tree tests read: one typed node per element or block.

A snapshot is made from the browser tree after a run (lazily, on first access). Nodes never
change; widget verbs (``click``, ``check``, ``input`` …) stage an interaction on the AppTest
and return the widget, and ``.run()`` on any node runs the AppTest.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

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
    def help(self) -> str | None:
        """The tooltip (``help=``), or None."""
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

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> Any:
        """The main content: ``at.markdown[0].value == "Hello"``."""
        if VALUE in self.proto:
            return self.proto[VALUE]
        return self.proto.get("body")

    def _describe(self) -> str:
        text = self.label or self.value
        return f"{self.type} {_short(text)}" if text not in (None, "") else self.type

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
        """The text as the app passed it: ``at.code[0].body``."""
        return str(self.proto.get("body", ""))


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


class Alert(Markdown):
    """``st.error``, ``st.warning``, ``st.info``, ``st.success`` and ``st.toast`` (``Toast``
    is the same class): ``at.error[0].value``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def icon(self) -> str | None:
        """The icon the app set, or None."""
        icon = self.proto.get("icon")
        return icon if isinstance(icon, str) else None


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
    def stack_trace(self) -> tuple[str, ...]:
        """The traceback lines the browser shows."""
        return tuple(self.proto.get("stack_trace", ()))

    @property
    def is_markdown(self) -> bool:
        """True when the message is Markdown (Streamlit's ``MarkdownFormattedException``)."""
        return bool(self.proto.get("is_markdown", False))

    def _describe(self) -> str:
        return f"{self.exc_type}: {_short(self.message)}"


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

    def _describe(self) -> str:
        text = f"{self.type} {_short(self.label)}"
        if self.proto.get(TRIGGER):
            return text  # buttons: True only in the run a click caused
        return f"{text} = {shown_value(self.proto, self.proto.get(VALUE))}"


#: What a password field's value is printed as (``repr``, ``at.tree``, the CLI).
MASK = "'********'"


def shown_value(props: Mapping[str, Any], value: object) -> str:
    """A widget value as printed: short, and masked for ``type="password"`` inputs (the real
    value stays readable through ``.value``). Everything that prints a widget value calls this.
    """
    if props.get("type") == "password" and value not in (None, ""):
        return MASK
    return _short(value)


def _short(text: object, limit: int = 60) -> str:
    value = repr(text)
    return value if len(value) <= limit else value[: limit - 4] + "..." + value[-1]
