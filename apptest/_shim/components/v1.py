"""``streamlit.components.v1``: ``html``, ``iframe`` and ``declare_component``.

``html``/``iframe`` show an iframe element (``at.iframe``), as Streamlit 1.58's
``st._main._html``/``_iframe`` do (their deprecation goes to the log only, not the app).
``declare_component(name, path=..., url=...)`` returns a ``CustomComponent``; calling it
writes a ``component_instance`` widget whose value is what its frontend sent, else the
``default=`` passed. A test plays the frontend:
``at.component_instance[0].set_value({"clicked": True}).run()``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from apptest._props import DEFAULT
from apptest._run.layout import MAIN
from apptest._run.widgets import WidgetCall, register_widget
from apptest._shim.delta_generator import DeltaGenerator
from apptest._shim.errors_modern import check_tab_index
from apptest._st_errors import StreamlitAPIException

_main = DeltaGenerator(MAIN)


class MarshallComponentException(StreamlitAPIException):
    """Class for exceptions generated during custom component marshalling."""


def html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> DeltaGenerator:
    """Show ``html`` in an iframe (``components.v1.html``)."""
    return _main._html(html, width, height, scrolling, tab_index=tab_index)


def iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> DeltaGenerator:
    """Show the page at ``src`` in an iframe (``components.v1.iframe``)."""
    return _main._iframe(src, width, height, scrolling, tab_index=tab_index)


def _json_args(kwargs: dict[str, Any]) -> str:
    """The arguments as Streamlit serialises them for the widget id (bytes and data frames
    go separately there; here their repr stands in)."""
    try:
        return json.dumps(kwargs)
    except (TypeError, ValueError):
        return repr(sorted(kwargs.items(), key=lambda item: item[0]))


class CustomComponent:
    """A custom component declaration: call it to show an instance and get its value."""

    def __init__(
        self, name: str, path: str | None = None, url: str | None = None, module_name: str = ""
    ) -> None:
        if path is None and url is None:
            raise StreamlitAPIException("Either 'path' or 'url' must be set.")
        self.name = name
        self.path = path
        self.url = url
        self.module_name = module_name

    def __repr__(self) -> str:
        return f"CustomComponent({self.name!r})"

    def __str__(self) -> str:
        return f"'{self.name}': {self.path if self.path is not None else self.url}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CustomComponent) and (
            self.name,
            self.path,
            self.url,
            self.module_name,
        ) == (other.name, other.path, other.url, other.module_name)

    def __hash__(self) -> int:
        return hash((self.name, self.path, self.url, self.module_name))

    def __call__(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """An alias for create_instance."""
        return self.create_instance(
            *args, default=default, key=key, on_change=on_change, tab_index=tab_index, **kwargs
        )

    def create_instance(
        self,
        *args: Any,
        default: Any = None,
        key: str | None = None,
        on_change: Callable[..., Any] | None = None,
        tab_index: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Show an instance of the component; return its value (``default`` until its
        frontend sends one)."""
        if len(args) > 0:
            raise MarshallComponentException(f"Argument '{args[0]}' needs a label")
        check_tab_index(tab_index)
        all_args = dict(kwargs, default=default, key=key)
        value = register_widget(
            _main,
            WidgetCall(
                "component_instance",
                label="",
                key=key,
                key_identity=frozenset({"name", "url"}),
                identity={"name": self.name, "url": self.url, "json_args": _json_args(all_args)},
                on_change=on_change,
            ),
            default=None,
            props={
                "component_name": self.name,
                "url": self.url,
                "json_args": all_args,
                DEFAULT: default,
            },
        )
        return default if value is None else value


def _module_name(depth: int) -> str:
    frame = sys._getframe(depth + 1)
    name = str(frame.f_globals.get("__name__", ""))
    if name == "__main__":
        name = os.path.splitext(os.path.basename(frame.f_code.co_filename))[0]
    return name


def declare_component(
    name: str, path: str | Path | None = None, url: str | None = None
) -> CustomComponent:
    """Create a custom component named ``<calling module>.<name>``."""
    module_name = _module_name(1)
    return CustomComponent(
        name=f"{module_name}.{name}",
        path=None if path is None else str(path),
        url=url,
        module_name=module_name,
    )


__all__ = ["declare_component", "html", "iframe"]
