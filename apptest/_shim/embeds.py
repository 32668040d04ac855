"""Embedded documents of the shim: ``st.pdf``, ``st.iframe`` and the ``components.v1``
``html``/``iframe`` helpers (``_html``, ``_iframe``).

``EmbedCommands`` is mixed into ``DeltaGenerator``. Each method has Streamlit 1.58's signature
and checks, and records what the browser would show as element properties (``Plumbing``):
a PDF as its bytes (or URL), an iframe as its ``src`` URL or the HTML it shows (``srcdoc``);
the node classes in ``apptest._api.element_nodes`` read them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apptest._run.layout import newer_commands
from apptest._shim.errors_modern import check_tab_index, missing_parameter
from apptest._shim.plumbing import Plumbing, W
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException


class EmbedCommands(Plumbing):
    """``st.pdf``, ``st.iframe`` (and the ``_html``/``_iframe`` behind ``components.v1``)."""

    def pdf(
        self: W, data: Any, *, height: Any = 500, key: str | None = None, alt: object = NOT_GIVEN
    ) -> W:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "pdf", alt=alt)
        if data is None and newer_commands():
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
