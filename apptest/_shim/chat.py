"""Chat elements of the shim: ``st.chat_message`` and ``st.write_stream``.

``ChatCommands`` is mixed into ``DeltaGenerator``. ``st.chat_message`` opens a block with the
author's name and avatar (Streamlit's avatar rules: ``chat_avatar``); ``st.write_stream``
writes a stream of chunks, as a chat app streams a model's answer: text chunks join into one
Markdown element, other chunks go through ``st.write``. Signatures and checks are Streamlit
1.58's. ``st.chat_input``, a widget, is with the text widgets
(``apptest._shim.widgets_text``).
"""

from __future__ import annotations

import inspect
import unicodedata
from typing import Any

from apptest._run.layout import newer_commands
from apptest._shim.errors_modern import bad_type, missing_parameter
from apptest._shim.plumbing import Plumbing, W
from apptest._st_errors import StreamlitAPIException

_PRESET_NAMES = {"user", "assistant", "ai", "human"}


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


class ChatCommands(Plumbing):
    """``st.chat_message`` and ``st.write_stream``."""

    def chat_message(self: W, name: str, *, avatar: Any = None, width: Any = "stretch") -> W:
        if name is None and newer_commands():
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
        if refused and newer_commands():
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


__all__ = ["ChatCommands", "chat_avatar"]
