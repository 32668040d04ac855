"""More element commands of the shim: ``st.chat_message``, ``st.write_stream``, ``st.badge``,
``st.space``, ``st.pdf``, ``st.iframe`` (and the ``components.v1`` ``html``/``iframe``
helpers), ``st.page_link``.

``MoreElements`` is mixed into ``DeltaGenerator``. Each method has Streamlit 1.58's signature
and checks, and records its arguments as element properties (``Plumbing``); the node classes
in ``apptest._api.element_nodes`` read them. ``st.badge`` is a Markdown element, as in
Streamlit (``:blue-badge[New]``), so ``at.markdown`` lists it.
"""

from __future__ import annotations

import inspect
import unicodedata
from pathlib import Path
from typing import Any

from apptest import _st_errors as errors
from apptest._props import LABEL
from apptest._server.page_links import page_link_target
from apptest._shim.errors_modern import (
    bad_type,
    bad_value,
    check_tab_index,
    missing_parameter,
    modern,
)
from apptest._shim.plumbing import Plumbing, W
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException

_PRESET_NAMES = {"user", "assistant", "ai", "human"}
_SPACE_SIZES = ("stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")


def _is_emoji(text: str) -> bool:
    """An emoji (with its joiners, variation selectors and skin tones), not text."""
    parts = [unicodedata.category(ch) for ch in text]
    return "So" in parts and all(p in ("So", "Sk", "Mn", "Me", "Cf") for p in parts)


def chat_avatar(name: str, avatar: Any) -> tuple[str, Any]:
    """Streamlit's avatar rules: a preset name (or emoji) ``name`` is its own avatar; presets
    map to the "user"/"assistant" icons. Returns ``(avatar_type, avatar)``."""
    if avatar is None and (name.lower() in _PRESET_NAMES or _is_emoji(name)):
        avatar = name.lower()
    if avatar is None:
        return "icon", ""
    if isinstance(avatar, str) and avatar in _PRESET_NAMES:
        return "icon", "assistant" if avatar in ("ai", "assistant") else "user"
    if isinstance(avatar, str) and _is_emoji(avatar):
        return "emoji", avatar
    if isinstance(avatar, str) and avatar.startswith(":material"):
        return "icon", avatar
    return "image", avatar


class MoreElements(Plumbing):
    """``chat_message``, ``write_stream``, ``badge``, ``space``, ``pdf``, ``iframe``,
    ``page_link`` (and the ``_html``/``_iframe`` behind ``components.v1``)."""

    def chat_message(self: W, name: str, *, avatar: Any = None, width: Any = "stretch") -> W:
        if name is None and modern():
            raise missing_parameter("name")
        if name is None:
            raise StreamlitAPIException(
                "The author name is required for a chat message, please set it via the "
                "parameter `name`."
            )
        avatar_type, shown = chat_avatar(name, avatar)
        return self._block(
            "chat_message", name=name, avatar=shown, avatar_type=avatar_type, width=width
        )

    def write_stream(self, stream: Any, *, cursor: str | None = None) -> list[Any] | str:
        """Streamlit 1.58's ``write_stream``: text chunks join into one Markdown element,
        other chunks are written with ``st.write``; returns the text or the list written."""
        refused = isinstance(stream, str) or type(stream).__module__.startswith(
            ("pandas", "polars")
        )
        if refused and modern():
            raise bad_type(
                "stream",
                stream,
                "generator, stream-like object",
                "Please use `st.write` instead for this data type.",
            )
        if refused:
            raise StreamlitAPIException(
                "`st.write_stream` expects a generator or stream-like object as input "
                f"not {type(stream)}. Please use `st.write` instead for this data type."
            )
        if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
            stream = stream()
        if inspect.isasyncgen(stream):
            stream = _sync_iter(stream)
        try:
            chunks = iter(stream)
        except TypeError as exc:
            raise StreamlitAPIException(
                f"The provided input (type: {type(stream)}) cannot be iterated. "
                "Please make sure that it is a generator, generator function or iterable."
            ) from exc
        return _StreamWriter(self, cursor or "").consume(chunks)

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

    def space(self: W, size: Any = "small") -> W:
        if modern() and not (
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

    def pdf(
        self: W, data: Any, *, height: Any = 500, key: str | None = None, alt: object = NOT_GIVEN
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "pdf", alt=alt)
        if data is None and modern():
            raise missing_parameter(
                "data",
                "Please provide a valid PDF file path, URL, bytes data, or file-like object.",
            )
        if data is None:
            raise StreamlitAPIException(
                "The PDF data cannot be None. Please provide a valid PDF file path, URL, "
                "bytes data, or file-like object."
            )
        return self._el("pdf", data=_pdf_bytes(data), height=height, key=key)

    def iframe(
        self: W,
        src: str | Path,
        *,
        width: Any = "stretch",
        height: Any = "content",
        tab_index: int | None = None,
        alt: object = NOT_GIVEN,
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "iframe", alt=alt)
        src_text = str(src)
        if isinstance(src, Path) or _is_file(src_text):
            src_url, srcdoc = _local_file(src_text)
        elif src_text.startswith(("http://", "https://", "data:", "/")):
            src_url, srcdoc = src_text, None
        else:
            src_url, srcdoc = None, src_text
        check_tab_index(tab_index)
        return self._el("iframe", src=src_url, srcdoc=srcdoc, width=width, height=height)

    def _iframe(
        self: W,
        src: str,
        width: int | None = None,
        height: int | None = None,
        scrolling: bool = False,
        *,
        tab_index: int | None = None,
    ) -> W:
        check_tab_index(tab_index)
        return self._el(
            "iframe", src=src, srcdoc=None, width=width, height=height, scrolling=scrolling
        )

    def _html(
        self: W,
        html: str,
        width: int | None = None,
        height: int | None = None,
        scrolling: bool = False,
        *,
        tab_index: int | None = None,
    ) -> W:
        check_tab_index(tab_index)
        return self._el(
            "iframe", src=None, srcdoc=html, width=width, height=height, scrolling=scrolling
        )

    def page_link(
        self: W,
        page: Any,
        *,
        label: str | None = None,
        icon: str | None = None,
        icon_position: str = "left",
        help: str | None = None,
        disabled: bool = False,
        use_container_width: bool | None = None,
        width: Any = "content",
        query_params: Any = None,
    ) -> W:
        shown, url = page_link_target(page, label)
        props: dict[str, Any] = {LABEL: shown, "page": url, "icon": icon, "help": help}
        props.update(disabled=disabled, query_params=query_params)
        return self._el("page_link", **props)


def _invalid_size(size: object) -> Exception:
    return errors.StreamlitInvalidSizeError(
        "Invalid size value: {size}. Size must be either a positive integer (pixels), "
        "'stretch', 'small', 'medium', or 'large'.",
        size=repr(size),
    )


def _is_file(text: str) -> bool:
    if len(text) > 4096 or "<" in text:
        return False
    try:
        return Path(text).is_file()
    except (TypeError, OSError, ValueError):
        return False


def _local_file(path: str) -> tuple[str | None, str | None]:
    """``st.iframe`` of a local file: an HTML file's text (srcdoc), else the file's path."""
    try:
        if Path(path).suffix.lower() in (".html", ".htm", ".xhtml"):
            with open(path, encoding="utf-8") as f:
                return None, f.read()
        with open(path, "rb"):
            return path, None
    except (OSError, UnicodeDecodeError) as e:
        raise StreamlitAPIException(f"Unable to read file '{path}': {e}") from e


def _pdf_bytes(data: Any) -> bytes | str:
    """The PDF as Streamlit's viewer gets it: a URL, or the bytes of a file or buffer."""
    if isinstance(data, (str, Path)):
        text = str(data).strip()
        if text.startswith(("http://", "https://")):
            return text
        try:
            with open(text, "rb") as file:
                return file.read()
        except (FileNotFoundError, PermissionError) as e:
            raise StreamlitAPIException(f"Unable to read file '{text}': {e}") from None
    if isinstance(data, bytes):
        return data
    if hasattr(data, "read") and hasattr(data, "getvalue"):
        return bytes(data.getvalue())
    if hasattr(data, "read"):
        return bytes(data.read())
    raise StreamlitAPIException(
        f"Unsupported data type for PDF: {type(data).__name__}. Please provide a file path "
        "(str or Path), URL (str), bytes data, or file-like object (such as BytesIO or "
        "UploadedFile)."
    )


def _sync_iter(agen: Any) -> Any:
    """Drive an async generator to completion from synchronous code (as Streamlit does)."""
    import asyncio

    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(agen.__anext__())
            except StopAsyncIteration:
                break
    finally:
        loop.close()


def _chunk_text(chunk: Any) -> Any:
    """OpenAI ``ChatCompletionChunk`` and LangChain ``AIMessageChunk`` chunks as their text."""
    kind = type(chunk)
    name = f"{kind.__module__}.{kind.__qualname__}"
    if name.startswith("openai.") and kind.__qualname__ == "ChatCompletionChunk":
        choices = chunk.choices
        if len(choices) == 0 or choices[0].delta is None:
            return ""
        return choices[0].delta.content or ""
    if name == "langchain_core.messages.ai.AIMessageChunk":
        return chunk.content or ""
    return chunk


class _StreamWriter:
    """The state of one ``write_stream`` call: the open text element and what was written."""

    def __init__(self, container: Any, cursor: str) -> None:
        self.container = container
        self.cursor = cursor
        self.slot: Any = None
        self.text = ""
        self.written: list[Any] = []

    def flush(self) -> None:
        if self.text and self.slot is not None:
            self.slot.markdown(self.text)
            self.written.append(self.text)
        self.slot, self.text = None, ""

    def consume(self, chunks: Any) -> list[Any] | str:
        for raw in chunks:
            chunk = _chunk_text(raw)
            if isinstance(chunk, str):
                if not chunk:
                    continue
                first = self.slot is None
                if first:
                    self.slot = self.container.empty()
                self.text += chunk
                self.slot.markdown(self.text + ("" if first else self.cursor))
            elif callable(chunk):
                self.flush()
                chunk()
            else:
                self.flush()
                self.container.write(chunk)
                self.written.append(chunk)
        self.flush()
        if not self.written:
            return ""
        if len(self.written) == 1 and isinstance(self.written[0], str):
            return str(self.written[0])
        return self.written


__all__ = ["MoreElements", "chat_avatar"]
