"""Commands Streamlit added after 1.58, for the modern profile (1.67): ``st.grid``,
``st.skeleton``, ``st.echarts_chart``, ``st.mermaid_chart``.

Under the seed profile (1.58) they do not exist: reading one on a container raises the
``AttributeError`` 1.58 gives (``DeltaGenerator`` gates each name of ``NEWER_COMMANDS``), and
``st.grid`` is missing from the module (its ``__getattr__`` checks the profile). ``st.grid``
opens a ``grid`` block whose ``cell()`` opens a ``grid_cell``; ``st.skeleton`` is a
placeholder element that the next write to it replaces (as ``st.empty``); charts record their
spec. An ECharts selection (``on_select``) is not simulated.
"""

from __future__ import annotations

from typing import Any

from apptest import _st_errors as errors
from apptest._shim.errors_modern import bad_type, out_of_range
from apptest._shim.plumbing import Plumbing, W


def _check_grid_columns(columns: object, wrap: object) -> None:
    """1.67's checks of ``st.grid``'s ``columns`` (in its order and words)."""
    if isinstance(columns, str) and columns != "auto":
        raise errors.StreamlitValueError(
            "Invalid `{parameter}` value. Supported values: {valid_values}. {detail}",
            parameter="columns",
            valid_values='"auto", an integer from 1 to 24',
            detail=f"Got {columns!r}.",
        )
    if not isinstance(columns, str):
        if isinstance(columns, bool) or not isinstance(columns, int):
            raise bad_type("columns", columns, 'int, "auto"')
        if not 1 <= columns <= 24:
            raise out_of_range("columns", columns, 1, 24)
    elif wrap is False:
        raise errors.StreamlitIncompatibleParametersError(
            '`columns="auto"` and `wrap=False` cannot be used together. `wrap=False` requires '
            "an explicit column count. Pass an integer, such as `st.grid(3, wrap=False)`."
        )


def open_grid(container: Plumbing, columns: Any, wrap: Any, **props: Any) -> Plumbing:
    """``st.grid``'s block (``DeltaGenerator.grid`` turns it into a ``GridContainer``)."""
    _check_grid_columns(columns, wrap)
    return container._block("grid", columns=columns, wrap=wrap, **props)


class NewerCommands(Plumbing):
    """``skeleton``, ``echarts_chart``, ``mermaid_chart`` (modern profile only; ``grid`` is
    on ``DeltaGenerator``, as it returns a subclass of it)."""

    def skeleton(self: W, height: Any = None, *, width: Any = "stretch") -> W:
        return self._el("skeleton", height=height)

    def echarts_chart(
        self: W,
        spec: Any,
        *,
        width: Any = "stretch",
        height: Any = "content",
        theme: str | None = "streamlit",
        key: object = None,
        on_select: Any = "ignore",
        renderer: str = "canvas",
        alt: str | None = None,
    ) -> W:
        if on_select != "ignore":
            raise errors.StreamlitAPIUnimplementedError(
                "`st.echarts_chart(on_select=...)` is not simulated by apptest: a chart "
                "selection needs a browser. Use on_select='ignore'."
            )
        return self._el("echarts_chart", data=spec, theme=theme, renderer=renderer, alt=alt)

    def mermaid_chart(self: W, body: str, *, width: Any = "stretch", alt: str | None = None) -> W:
        return self._el("mermaid_chart", body=body, alt=alt)


#: The module-level names these commands have under the modern profile.
NEWER_COMMANDS = ("grid", "skeleton", "echarts_chart", "mermaid_chart")
