"""Text elements of the shim: markdown, headings, caption, text, code, latex, json, divider,
badge, html and metric.

``st.badge`` is a Markdown element, as in Streamlit (``:blue-badge[New]``), so ``at.markdown``
lists it.

``TextCommands`` is mixed into ``DeltaGenerator``. Each method turns Streamlit 1.58's
signature into element properties (``Plumbing._el``); heading anchors come from
``apptest._features.session_apis.heading_props``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

import json as _json
import textwrap
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from types import MappingProxyType
from typing import Any

from apptest._features.session_apis import heading_props
from apptest._run.layout import emit_element
from apptest._shim.plumbing import Plumbing, W
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException


def _text(body: object) -> str:
    return body if isinstance(body, str) else str(body)


def clean_text(body: object) -> str:
    """The text Streamlit shows for ``body``: ``str()``, dedented, stripped (its
    ``string_util.clean_text``): a triple-quoted, indented markdown string reads as its lines
    without the indentation and without the blank first and last lines. Markdown, headings,
    captions, ``st.text``, latex, alerts, toasts and ``st.html`` clean their body this way."""
    text = body if isinstance(body, str) else str(body)
    if "\n" not in text:
        return text.strip()  # one line: dedent would only strip its indentation
    return textwrap.dedent(text).strip()


_DIVIDER_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "rainbow")


def _divider(divider: object) -> bool | str:
    """A heading's ``divider=`` as Streamlit sends it: True is "auto", a colour itself."""
    if divider is True:
        return "auto"
    if not divider:
        return False
    if divider in _DIVIDER_COLORS:
        return str(divider)
    raise StreamlitAPIException(
        f"Divider parameter has invalid value: `{divider}`. Please choose from: "
        f"{', '.join(_DIVIDER_COLORS)}."
    )


def _json_expanded(expanded: object) -> dict[str, object]:
    """``st.json``'s ``expanded=``: a bool, or an int depth (then expanded, to that depth)."""
    if isinstance(expanded, bool):
        return {"expanded": expanded}
    if isinstance(expanded, int):
        return {"expanded": True, "max_expand_depth": expanded}
    raise TypeError(
        f"The type {type(expanded)} of `expanded` is not supported, must be bool or int."
    )


class TextCommands(Plumbing):
    """``st.markdown``, ``st.title`` ... ``st.metric``: elements that show text."""

    # Signatures are Streamlit 1.58's, keyword for keyword (then 1.67's newer ones, refused
    # under the seed), so a misspelt keyword raises Python's TypeError as in Streamlit.
    # ``width``, ``height`` and ``text_alignment`` only place things on the page, which
    # apptest does not simulate: accepted and ignored here.
    def markdown(
        self: W,
        body: object,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: int | str = "auto",
        text_alignment: str = "left",
        anchors: object = NOT_GIVEN,
        wrap: object = NOT_GIVEN,
    ) -> W:
        if anchors is not NOT_GIVEN or wrap is not NOT_GIVEN:
            newer_keywords(self, "markdown", anchors=anchors, wrap=wrap)
        # The most frequent write (``st.write`` of text too): no keyword layer (``_el``).
        text = clean_text(body)
        return emit_element(
            self, "markdown", {"body": text, "help": help, "allow_html": unsafe_allow_html}
        )  # type: ignore[return-value]

    def title(
        self: W,
        body: object,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        width: int | str = "stretch",
        text_alignment: str = "left",
        icon: object = NOT_GIVEN,
        wrap: object = NOT_GIVEN,
    ) -> W:
        if icon is not NOT_GIVEN or wrap is not NOT_GIVEN:
            newer_keywords(self, "title", icon=icon, wrap=wrap)
        text = clean_text(body)
        props = {"body": text, "help": help, "tag": "h1", **heading_props(text, anchor)}
        return emit_element(self, "title", props)  # type: ignore[return-value]

    def header(
        self: W,
        body: object,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        divider: bool | str = False,
        width: int | str = "stretch",
        text_alignment: str = "left",
        icon: object = NOT_GIVEN,
        wrap: object = NOT_GIVEN,
    ) -> W:
        if icon is not NOT_GIVEN or wrap is not NOT_GIVEN:
            newer_keywords(self, "header", icon=icon, wrap=wrap)
        # Headings are frequent: one text conversion and no keyword layer (``_el``).
        text = clean_text(body)
        props = {"body": text, "help": help, "tag": "h2", "divider": _divider(divider)}
        props.update(heading_props(text, anchor))
        return emit_element(self, "header", props)  # type: ignore[return-value]

    def subheader(
        self: W,
        body: object,
        anchor: str | bool | None = None,
        *,
        help: str | None = None,
        divider: bool | str = False,
        width: int | str = "stretch",
        text_alignment: str = "left",
        icon: object = NOT_GIVEN,
        wrap: object = NOT_GIVEN,
    ) -> W:
        if icon is not NOT_GIVEN or wrap is not NOT_GIVEN:
            newer_keywords(self, "subheader", icon=icon, wrap=wrap)
        # Headings are frequent: one text conversion and no keyword layer (``_el``).
        text = clean_text(body)
        props = {"body": text, "help": help, "tag": "h3", "divider": _divider(divider)}
        props.update(heading_props(text, anchor))
        return emit_element(self, "subheader", props)  # type: ignore[return-value]

    def caption(
        self: W,
        body: object,
        unsafe_allow_html: bool = False,
        *,
        help: str | None = None,
        width: int | str = "stretch",
        text_alignment: str = "left",
        wrap: object = NOT_GIVEN,
    ) -> W:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "caption", wrap=wrap)
        return self._el("caption", body=clean_text(body), help=help, allow_html=unsafe_allow_html)

    def text(
        self: W,
        body: object,
        *,
        help: str | None = None,
        width: int | str = "content",
        text_alignment: str = "left",
        wrap: object = NOT_GIVEN,
    ) -> W:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "text", wrap=wrap)
        return self._el("text", body=clean_text(body), help=help)

    def code(
        self: W,
        body: object,
        language: str | None = "python",
        *,
        line_numbers: bool = False,
        wrap_lines: bool = False,
        height: int | str | None = "content",
        width: int | str = "stretch",
    ) -> W:
        text = _text(body)  # Streamlit drops one leading and one trailing newline
        text = text[1:] if text.startswith("\n") else text
        return self._el(
            "code",
            body=text[:-1] if text.endswith("\n") else text,
            language=language or "plaintext",
            line_numbers=line_numbers,
            wrap_lines=wrap_lines,
        )

    def latex(self: W, body: object, *, help: str | None = None, width: int | str = "stretch") -> W:
        if type(body).__module__.startswith("sympy"):
            # lazy: only an app that passes a SymPy expression has sympy to import
            import sympy  # type: ignore[import-untyped,import-not-found,unused-ignore]

            body = sympy.latex(body)
        # Streamlit sends the dedented source between ``$$`` lines, and AppTest reads that.
        return self._el("latex", body=f"$$\n{clean_text(body)}\n$$", help=help)

    def json(
        self: W, body: object, *, expanded: bool | int = True, width: int | str = "stretch"
    ) -> W:
        if isinstance(body, (map, enumerate, ItemsView, KeysView, ValuesView)):
            body = list(body)
        elif isinstance(body, (MappingProxyType, UserDict, ChainMap)):
            body = dict(body)
        elif isinstance(body, UserList):
            body = list(body)
        if not isinstance(body, str):
            try:
                body = _json.dumps(body, default=repr)
            except TypeError:
                body = _json.dumps(str(body))
        return self._el("json", body=body, **_json_expanded(expanded))

    def divider(self: W, *, width: int | str = "stretch") -> W:
        return self._el("divider", body="---")

    def badge(
        self: W,
        label: str,
        *,
        icon: str | None = None,
        color: str = "blue",
        width: Any = "content",
        help: str | None = None,
    ) -> W:
        icon_text = f"{icon} " if icon is not None else ""
        escaped = label.replace("[", "\\[").replace("]", "\\]")
        body = f":{color}-badge[{icon_text}{escaped}]"
        return self._el("markdown", body=body, help=help, allow_html=False, badge=True)

    def html(
        self: W,
        body: object,
        *,
        width: int | str = "stretch",
        unsafe_allow_javascript: bool = False,
    ) -> W:
        return self._el(
            "html", body=clean_text(body), unsafe_allow_javascript=unsafe_allow_javascript
        )

    def metric(
        self: W,
        label: str,
        value: object,
        delta: object = None,
        delta_color: str = "normal",
        *,
        help: str | None = None,
        label_visibility: str = "visible",
        border: bool = False,
        width: int | str = "stretch",
        height: int | str = "content",
        chart_data: object = None,
        chart_type: str = "line",
        delta_arrow: str = "auto",
        format: str | None = None,
        delta_description: str | None = None,
        icon: object = NOT_GIVEN,
    ) -> W:
        if icon is not NOT_GIVEN:
            newer_keywords(self, "metric", icon=icon)
        # ``format`` is recorded, not applied: ``body`` is the value as the script passed it.
        return self._el(
            "metric",
            label=label,
            body="—" if value is None else _text(value),
            delta="" if delta is None else _text(delta),
            delta_color=delta_color,
            help=help,
            label_visibility=label_visibility,
            border=border,
            chart_data=chart_data,
            chart_type=chart_type,
            delta_arrow=delta_arrow,
            format=format,
            delta_description=delta_description,
        )
