"""Status elements of the shim: alerts, exception, toast, balloons, snow, progress, spinner.

``StatusElements`` is mixed into ``DeltaGenerator`` (the ``st.status`` container is defined
with it, in ``delta_generator``). Signatures are Streamlit 1.58's; ``width`` only places
things on the page, which apptest does not simulate: accepted and ignored.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager

from apptest._run.layout import emit_element, show_transient
from apptest._server.pages import _leading_emoji as leading_emoji
from apptest._server.session import exception_props
from apptest._shim.plumbing import Plumbing, W
from apptest._shim.text import clean_text
from apptest._st_errors import StreamlitAPIException


class StatusElements(Plumbing):
    """``st.error`` ... ``st.spinner``: messages about how the app is doing."""

    def error(
        self: W,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: str | None = None,
    ) -> W:
        return self._el("error", **_alert_body(body, icon), title=title)

    def warning(
        self: W,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: str | None = None,
    ) -> W:
        return self._el("warning", **_alert_body(body, icon), title=title)

    def info(
        self: W,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: str | None = None,
    ) -> W:
        return self._el("info", **_alert_body(body, icon), title=title)

    def success(
        self: W,
        body: object,
        *,
        icon: str | None = None,
        width: int | str = "stretch",
        title: str | None = None,
    ) -> W:
        return self._el("success", **_alert_body(body, icon), title=title)

    def exception(self: W, exception: BaseException, width: int | str = "stretch") -> W:
        return self._el("exception", **exception_props(exception))

    def toast(
        self, body: object, *, icon: str | None = None, duration: str | int | None = "short"
    ) -> None:
        event = self.at_root(2)
        emit_element(event, "toast", {"body": clean_text(body), "icon": icon, "duration": duration})

    def balloons(self: W) -> W:
        return self._el("balloons")

    def snow(self: W) -> W:
        return self._el("snow")

    def progress(
        self: W, value: float | int, text: str | None = None, width: int | str = "stretch"
    ) -> W:
        return self._el("progress", value=_progress_value(value), text=_progress_text(text))

    @contextmanager
    def spinner(
        self,
        text: str = "In progress...",
        *,
        show_time: bool = False,
        _cache: bool = False,
        width: int | str = "content",
    ) -> Iterator[None]:
        """Shown while the body runs, as a transient: it takes no slot in the container."""
        # ``_cache`` is Streamlit's own flag for its cache spinners; accepted as 1.58 does.
        with show_transient(self, "spinner", {"text": text, "body": text, "show_time": show_time}):
            yield


_MATERIAL_ICON = re.compile(r"^(:material/[a-z0-9_]+:)\s*(.*)", re.DOTALL)


def _alert_body(body: object, icon: str | None) -> dict[str, object]:
    """An alert's cleaned body and icon: with no ``icon=``, a leading emoji or Material icon
    of the body becomes the icon, as in Streamlit ("🚨 Bad" shows "Bad" with 🚨)."""
    text = clean_text(body)
    if icon is not None:
        return {"body": text, "icon": icon}
    material = _MATERIAL_ICON.match(text)
    if material:
        return {"body": material[2], "icon": material[1]}
    emoji, rest = leading_emoji(text)
    return {"body": rest, "icon": emoji} if emoji else {"body": text, "icon": None}


def _progress_value(value: object) -> int:
    """Streamlit's progress value: an int in [0, 100], or a float in [0.0, 1.0] as a percent."""
    if isinstance(value, int):  # True is 1, as in Streamlit
        if 0 <= value <= 100:
            return value
        raise StreamlitAPIException(f"Progress Value has invalid value [0, 100]: {value}")
    if isinstance(value, float):
        close = math.isclose(value, 0.0, abs_tol=1e-9) or math.isclose(value, 1.0, abs_tol=1e-9)
        if 0.0 <= value <= 1.0 or close:
            return int(value * 100)
        raise StreamlitAPIException(f"Progress Value has invalid value [0.0, 1.0]: {value}")
    raise StreamlitAPIException(f"Progress Value has invalid type: {type(value).__name__}")


def _progress_text(text: object) -> str | None:
    if text is None:
        return None
    if isinstance(text, str):
        return clean_text(text)
    raise StreamlitAPIException(
        f"Progress Text is of type {type(text)}, which is not an accepted type."
        "Text only accepts: str. Please convert the text to an accepted type."
    )
