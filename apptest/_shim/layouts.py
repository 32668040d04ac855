"""Layout containers of the shim: container, columns, tabs, expander, popover, empty, and
``st.space`` (empty room between elements).

``LayoutCommands`` is mixed into ``DeltaGenerator``; ``st.status`` is defined on
``DeltaGenerator`` itself, as it returns a subclass of it (``StatusContainer``). Each method
opens a block (``Plumbing._block``) with Streamlit 1.58's signature; errors for a bad column
spec, gap or alignment are ``streamlit.errors``' own.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from apptest import _st_errors as errors
from apptest._run.layout import emit_block, newer_commands
from apptest._shim.errors_modern import bad_value
from apptest._shim.plumbing import Plumbing, W
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException

_SPACE_SIZES = ("stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")


class LayoutCommands(Plumbing):
    """``st.container``, ``columns``, ``tabs``, ``expander``, ``popover``, ``empty`` and
    ``space``."""

    # Layout keywords (width, alignment, gap) are recorded, not laid out. A container's
    # ``key``/``on_change`` make Streamlit track its open state; apptest has no user who opens
    # or closes one, so such a callback never runs.
    def container(
        self: W,
        *,
        border: bool | None = None,
        key: object = None,
        width: int | str = "stretch",
        height: int | str = "content",
        horizontal: bool = False,
        horizontal_alignment: str = "left",
        vertical_alignment: str = "top",
        gap: str | None = "small",
        autoscroll: bool | None = None,
        wrap: object = NOT_GIVEN,
    ) -> W:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "container", wrap=wrap)
        props = {
            "border": bool(border),
            "key": None if key is None else str(key),
            "height": height,
            "horizontal": horizontal,
            "horizontal_alignment": horizontal_alignment,
            "vertical_alignment": vertical_alignment,
            "gap": gap,
            "autoscroll": autoscroll,
        }
        return emit_block(self, "container", props)  # type: ignore[return-value]

    def columns(
        self: W,
        spec: int | Sequence[float],
        *,
        gap: str | None = "small",
        vertical_alignment: str = "top",
        border: bool = False,
        width: int | str = "stretch",
        wrap: object = NOT_GIVEN,
    ) -> list[W]:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "columns", wrap=wrap)
        if isinstance(spec, int):
            weights = [1.0] * spec
        else:
            weights = [float(w) for w in spec]
        if not weights or any(w <= 0 for w in weights):
            raise errors.StreamlitInvalidColumnSpecError()
        if vertical_alignment not in ("top", "center", "bottom"):
            raise errors.StreamlitInvalidVerticalAlignmentError(vertical_alignment)
        if gap is not None:
            if not isinstance(gap, str) or gap.lower() not in ("small", "medium", "large"):
                raise errors.StreamlitInvalidColumnGapError(gap)
            gap = gap.lower()
        total = sum(weights)
        row = self._block("horizontal", gap=gap)
        return [
            row._block(
                "column",
                weight=w / total,
                gap=gap,
                vertical_alignment=vertical_alignment,
                border=border,
            )
            for w in weights
        ]

    def tabs(
        self: W,
        tabs: Sequence[str],
        *,
        width: int | str = "stretch",
        default: str | None = None,
        key: object = None,
        on_change: object = "ignore",
        args: Any = None,
        kwargs: Any = None,
        height: object = NOT_GIVEN,
        bind: object = NOT_GIVEN,
    ) -> list[W]:
        if height is not NOT_GIVEN or bind is not NOT_GIVEN:
            newer_keywords(self, "tabs", height=height, bind=bind)
        labels = [str(t) for t in tabs]
        if not labels:
            raise StreamlitAPIException(
                "The input argument to st.tabs must contain at least one tab label."
            )
        bar = self._block("tab_container", default=default, key=None if key is None else str(key))
        return [bar._block("tab", label=label) for label in labels]

    def expander(
        self: W,
        label: str,
        expanded: bool = False,
        *,
        key: object = None,
        icon: str | None = None,
        type: str = "default",
        width: int | str = "stretch",
        on_change: object = "ignore",
        args: Any = None,
        kwargs: Any = None,
        bind: object = NOT_GIVEN,
    ) -> W:
        if bind is not NOT_GIVEN:
            newer_keywords(self, "expander", bind=bind)
        return self._block(
            "expander",
            label=label,
            expanded=expanded,
            icon=icon,
            type=type,
            key=None if key is None else str(key),
        )

    def popover(
        self: W,
        label: str,
        *,
        type: str = "secondary",
        help: str | None = None,
        icon: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: int | str = "content",
        key: object = None,
        on_change: object = "ignore",
        args: Any = None,
        kwargs: Any = None,
        wrap: object = NOT_GIVEN,
    ) -> W:
        if wrap is not NOT_GIVEN:
            newer_keywords(self, "popover", wrap=wrap)
        return self._block(
            "popover",
            label=label,
            help=help,
            disabled=disabled,
            icon=icon,
            type=type,
            key=None if key is None else str(key),
        )

    def empty(self: W) -> W:
        return self._el("empty")

    def space(self: W, size: Any = "small") -> W:
        if newer_commands() and not (
            (isinstance(size, str) and size in _SPACE_SIZES) or (isinstance(size, int) and size > 0)
        ):
            valid = ", ".join([*(f"'{s}'" for s in _SPACE_SIZES), "a positive integer"])
            raise bad_value("size", valid, f"Got {size!r}.")
        bad = not isinstance(size, (int, str)) or isinstance(size, bool)
        if bad or (isinstance(size, str) and size not in _SPACE_SIZES):
            raise _invalid_size(size)
        if isinstance(size, int) and size <= 0:
            raise _invalid_size(size)
        return self._el("space", size=size)


def _invalid_size(size: object) -> Exception:
    return errors.StreamlitInvalidSizeError(
        "Invalid size value: {size}. Size must be either a positive integer (pixels), "
        "'stretch', 'small', 'medium', or 'large'.",
        size=repr(size),
    )
