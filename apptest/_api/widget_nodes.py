"""Typed widget nodes with AppTest's verbs: ``click``, ``check``, ``input`` …

``InputWidget`` is the base of every typed widget: the verb machinery. Every verb checks the
value against what a browser user could give the widget (an offered option, a number inside
``[min, max]``, an enabled widget …) and raises :class:`~apptest.AppTestError` saying what was
wrong and what the widget accepts; otherwise it stages the interaction (``AppTest._stage``) and
returns the widget, so calls chain: ``at.selectbox("city").select("Oslo").run()``. A staged value
is the widget's return value (see ``apptest._values.common``); ``.value`` shows the staged value
until the next run.

This module holds the buttons, the checkbox, the text widgets and custom components
(``ComponentInstance``: ``set_value(value)`` is what the component's frontend would send). A
deliberate difference from ``streamlit.testing.v1``: ``TextInput.input()`` beyond
``max_chars`` raises instead of being ignored.

Widgets with a range of values (number input, slider, date, time and datetime input, colour
picker, feedback) are in ``apptest._api.widget_nodes_values``; choice widgets (radio,
selectbox, multiselect, pills, segmented control, select slider, menu button, pagination) in
``apptest._api.widget_nodes_choice``; uploads (files, photos, audio recordings) and the data
editor in ``apptest._api.widget_nodes_data``.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, TypeVar

from apptest._api.nodes import Widget, _prop, _short
from apptest._errors import AppTestError, InvalidValueError
from apptest._props import DEFAULT, FORM_ID, ID, PLACEHOLDER, VALUE
from apptest._values.common import check_text, checked_bool, describe
from apptest._values.uploads import download_bytes

W = TypeVar("W", bound="InputWidget")
_B = TypeVar("_B", bound="Button")  # verbs of Button return a DownloadButton on one

# fmt: off
VERBS = (
    "click", "check", "uncheck", "set_value", "select", "unselect", "select_index", "set_range",
    "increment", "decrement", "input", "pick", "upload", "clear", "edit_cell", "edit_row",
    "add_row", "delete_rows",
)
# fmt: on


class InputWidget(Widget):
    """Base of the typed widgets (``Button``, ``Slider`` …): the disabled check, ``form_id``,
    ``default``, and ``verbs()``: ``at.slider("s").verbs() == ["set_value", "set_range"]``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def _what(self) -> str:
        return describe(self.type, self.label, self.key)

    def _put(self: W, value: Any, *, trigger: bool = False) -> W:
        __tracebackhide__ = True  # a refused value shows the test's line and the message
        if self.disabled:
            raise AppTestError(
                f"Cannot interact with {self._what}: it is disabled (disabled=True), and a "
                "browser user cannot change a disabled widget."
            )
        self._at._stage(self, value, trigger=trigger)
        return self

    @property
    def form_id(self) -> str:
        """The id of the ``st.form`` the widget is in ("" outside a form)."""
        return str(self.proto.get(FORM_ID) or "")

    @property
    def default(self) -> Any:
        """The value the widget starts with (and returns to when its form clears)."""
        return self.proto.get(DEFAULT)

    @property
    def label_visibility(self) -> str:
        """How the label shows: "visible", "hidden" or "collapsed"."""
        return str(self.proto.get("label_visibility", "visible"))

    def _range_on_one_thumb(self: W, lower: Any, upper: Any, default: Any) -> W:
        """``set_range`` on a one-thumb slider: AppTest sends the pair, which the app cannot
        read, so the slider returns to its default; apptest stages that default, and warns."""
        __tracebackhide__ = True
        warnings.warn(
            f"{self._what} has one thumb: set_range({lower!r}, {upper!r}) gives it its default "
            f"value {default!r}, as in Streamlit's AppTest. Use set_value() on a one-thumb "
            "slider.",
            UserWarning,
            stacklevel=3,
        )
        return self._put(default)

    def verbs(self) -> list[str]:
        """The interaction verbs this widget offers."""
        return [verb for verb in VERBS if hasattr(type(self), verb)]

    if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any attribute

        def __getattr__(self, name: str) -> Any:
            __tracebackhide__ = True  # a verb the widget lacks shows the test's line
            if name in VERBS:
                raise AppTestError(
                    f"{self._what} has no {name}(): it takes "
                    f"{', '.join(f'{v}()' for v in self.verbs())}."
                    + (" Only buttons can be clicked." if name == "click" else "")
                )
            return _prop(self, name)  # another parameter of the widget: ``.max_chars`` ...


class Button(InputWidget):
    """``st.button``, ``st.form_submit_button``: ``click()`` makes it read True for one run:
    ``at.button("go").click().run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> bool:
        """True in the run a click caused, and once ``click()`` is staged (as AppTest reads)."""
        return bool(self._at._staged_value(self.id, self.proto.get(VALUE, False)))

    @property
    def type_(self) -> str:
        """The style: "primary", "secondary" or "tertiary"."""
        return str(self.proto.get("type", "secondary"))

    def click(self: _B) -> _B:
        """Stage a click (for a submit button: submit its form with the staged values)."""
        __tracebackhide__ = True
        return self._put(True, trigger=True)

    def set_value(self: _B, value: Any) -> _B:
        """Only ``set_value(True)``, the same as ``click()``."""
        __tracebackhide__ = True
        if value is not True:
            raise InvalidValueError(
                f"{self._what} can only be clicked: use .click() (set_value(True))."
            )
        return self.click()


class DownloadButton(Button):
    """``st.download_button``: ``.data`` is the file; a click reruns unless on_click="ignore".
    ``at.download_button[0].data == b"a,b"``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def data(self) -> bytes:
        """The file's content, as the browser would download it."""
        content = self.proto.get("data")
        if callable(content):
            converted = download_bytes(content())
            return b"" if converted is None else converted[0]
        return bytes(content or b"")

    @property
    def file_name(self) -> str | None:
        """The ``file_name=`` the app gave, or None."""
        name = self.proto.get("file_name")
        return name if isinstance(name, str) else None

    @property
    def mime(self) -> str:
        """The MIME type of the file."""
        return str(self.proto.get("mime", ""))

    def click(self) -> DownloadButton:
        """Stage a click; with ``on_click="ignore"`` the download happens without a rerun."""
        __tracebackhide__ = True
        if self.proto.get("ignore_rerun"):
            if self.disabled:
                raise AppTestError(f"Cannot click {self._what}: it is disabled.")
            return self  # the browser downloads the file; the app does not rerun
        return self._put(True, trigger=True)


class LinkButton(InputWidget):
    """``st.link_button``: ``.value``/``.url`` is the link. Clicking opens it; it reruns the
    app only when created with an ``on_click`` callback or ``on_click="rerun"``.
    ``at.link_button[0].url``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def id(self) -> str:
        """The widget id ("" for a link button without ``on_click``: it is no widget then)."""
        return str(self.proto.get(ID, ""))

    @property
    def url(self) -> str:
        """The link's URL."""
        return str(self.proto.get("url", ""))

    @property
    def value(self) -> str:
        """The URL (as Streamlit's AppTest reads ``value``)."""
        return self.url

    def click(self) -> LinkButton:
        """Stage a click: reruns the app only with an ``on_click`` callback or "rerun"."""
        __tracebackhide__ = True
        if self.proto.get("ignore_rerun"):
            if self.disabled:
                raise AppTestError(f"Cannot click {self._what}: it is disabled.")
            return self  # the browser opens the URL; the app does not rerun
        return self._put(True, trigger=True)


class Checkbox(InputWidget):
    """``st.checkbox`` and ``st.toggle``: ``at.checkbox("agree").check().run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> bool:
        """True when checked (a staged check counts)."""
        return bool(super().value)

    def check(self) -> Checkbox:
        """Stage checking the box."""
        __tracebackhide__ = True
        return self.set_value(True)

    def uncheck(self) -> Checkbox:
        """Stage unchecking the box."""
        __tracebackhide__ = True
        return self.set_value(False)

    def set_value(self, value: Any) -> Checkbox:
        """Stage True or False (anything else is refused)."""
        __tracebackhide__ = True
        return self._put(checked_bool(self._what, value))


class TextInput(InputWidget):
    """``st.text_input`` and ``st.text_area``: ``input(text)`` replaces the text.
    ``at.text_input("name").input("Ann").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def max_chars(self) -> int | None:
        """The ``max_chars=`` limit, or None."""
        value = self.proto.get("max_chars")
        return value if isinstance(value, int) else None

    @property
    def placeholder(self) -> str | None:
        """The placeholder text, or None."""
        value = self.proto.get(PLACEHOLDER)
        return value if isinstance(value, str) else None

    def input(self, value: str) -> TextInput:
        """Stage typing ``value``; longer than ``max_chars`` is refused, as the browser does."""
        __tracebackhide__ = True
        return self.set_value(value)

    def set_value(self, value: Any) -> TextInput:
        """Stage the text (or None), as ``input()``."""
        __tracebackhide__ = True
        secret = self.proto.get("type") == "password"
        return self._put(check_text(self._what, value, self.max_chars, secret=secret))


class ChatInput(InputWidget):
    """``st.chat_input``: ``set_value(text)`` submits a message; it reads as text for one run.
    ``at.chat_input[0].set_value("Hello").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def placeholder(self) -> str:
        """The placeholder text."""
        return str(self.proto.get(PLACEHOLDER, ""))

    @property
    def max_chars(self) -> int | None:
        """The ``max_chars=`` limit, or None."""
        value = self.proto.get("max_chars")
        return value if isinstance(value, int) else None

    def set_value(self, value: str | None) -> ChatInput:
        """Stage submitting ``value`` (not empty); None takes back a staged message."""
        __tracebackhide__ = True
        if value is None:
            self._at._staged.pop(self.id, None)
            return self
        text = check_text(self._what, value, self.max_chars)
        if not text:
            raise InvalidValueError(
                f"{self._what} cannot submit an empty message; the browser does not send one."
            )
        return self._put(text, trigger=True)

    def input(self, value: str) -> ChatInput:
        """Stage submitting ``value``, as ``set_value``."""
        __tracebackhide__ = True
        return self.set_value(value)


class ComponentInstance(InputWidget):
    """A custom component (``components.v1.declare_component``): ``.name``, ``.args`` (the
    keyword arguments the app passed) and ``set_value(v)``, what its frontend would send.
    ``at.get("component_instance")[0].set_value({"clicked": 1}).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def name(self) -> str:
        """The component's full name (``"module.name"``)."""
        return str(self.proto.get("component_name", ""))

    @property
    def args(self) -> dict[str, Any]:
        """The keyword arguments the app passed to the component (``default``, ``key``
        included, as Streamlit sends them)."""
        return dict(self.proto.get("json_args", {}))

    @property
    def value(self) -> Any:
        """What the app gets: the value sent (or staged), else the ``default=`` it passed."""
        value = self._at._staged_value(self.id, self.proto.get(VALUE))
        return self.proto.get(DEFAULT) if value is None else value

    def set_value(self, value: Any) -> ComponentInstance:
        """Stage ``value`` as the component's frontend would send it."""
        __tracebackhide__ = True
        return self._put(value)

    def _describe(self) -> str:
        return f"component {self.name!r} = {_short(self.value)}"


#: The node class of each widget kind this module defines.
CLASSES: dict[str, type[Widget]] = {
    "button": Button,
    "form_submit_button": Button,
    "download_button": DownloadButton,
    "link_button": LinkButton,
    "checkbox": Checkbox,
    "toggle": Checkbox,
    "text_input": TextInput,
    "text_area": TextInput,
    "chat_input": ChatInput,
    "component_instance": ComponentInstance,
}
