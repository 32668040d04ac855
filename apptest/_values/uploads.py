"""Uploaded files: ``st.file_uploader`` and ``st.camera_input`` values, and upload rules.

A test uploads ``(name, data, type)``; the widget's value is an :class:`UploadedFile` (or a
list of them, or None), as Streamlit returns it. Each run starts every file at position 0,
as Streamlit hands the script fresh file objects on every run.
"""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Sequence
from typing import Any

from apptest._errors import InvalidValueError, hide_test_errors

# pytest leaves this module's frames out of the traceback of an AppTestError (a value a widget
# verb refused): the test's line and the message say it all.
__tracebackhide__ = hide_test_errors

#: Streamlit's default ``server.maxUploadSize`` in megabytes.
DEFAULT_MAX_UPLOAD_MB = 200
_CATEGORY_SHORTCUTS = frozenset({"image", "audio", "video", "text"})
_TYPE_PAIRS = [
    (".jpg", ".jpeg"),
    (".mpg", ".mpeg"),
    (".mp4", ".mpeg4"),
    (".tif", ".tiff"),
    (".htm", ".html"),
]
_file_ids = itertools.count(1)


class UploadedFile(io.BytesIO):
    """A file a test uploaded: a ``BytesIO`` with ``file_id``, ``name``, ``type`` and ``size``.

    Equality compares ``file_id``: uploading the same bytes again is a new upload.
    """

    def __init__(self, file_id: str, name: str, type: str, data: bytes) -> None:
        super().__init__(data)
        self.file_id = file_id
        self.name = name
        self.type = type
        self.size = len(data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UploadedFile):
            return NotImplemented
        return self.file_id == other.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return (
            f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, type={self.type!r}, "
            f"size={self.size})"
        )


def new_file(name: str, data: bytes, mime: str) -> UploadedFile:
    return UploadedFile(f"file-{next(_file_ids)}", name, mime, data)


def normalize_types(file_type: str | Sequence[str] | None) -> list[str]:
    """Streamlit's ``normalize_upload_file_type`` (1.58): MIME types first, then extensions."""
    if not file_type:
        return []
    entries = [file_type] if isinstance(file_type, str) else list(file_type)
    extensions: list[str] = []
    mime_types: list[str] = []
    for raw in entries:
        entry = raw.strip()
        if not entry:
            continue
        if entry.lower() in _CATEGORY_SHORTCUTS:
            mime_types.append(f"{entry.lower()}/*")
        elif "/" in entry:
            mime_types.append(entry.lower())
        else:
            ext = entry.lower()
            extensions.append(ext if ext.startswith(".") else f".{ext}")
    for a, b in _TYPE_PAIRS:
        if a in extensions and b not in extensions:
            extensions.append(b)
        if b in extensions and a not in extensions:
            extensions.append(a)
    return mime_types + extensions


def _accepted(name: str, mime: str, allowed: Sequence[str]) -> bool:
    """What the browser's file picker lets through: a matching extension or MIME pattern."""
    if not allowed:
        return True
    lower = name.lower()
    for entry in allowed:
        if entry.startswith(".") and lower.endswith(entry):
            return True
        if "/" in entry:
            major, _, minor = entry.partition("/")
            file_major, _, file_minor = mime.lower().partition("/")
            if major == file_major and minor in ("*", file_minor):
                return True
    return False


def check_upload(
    what: str, files: Any, *, allowed: Sequence[str], multiple: bool, max_mb: int
) -> list[UploadedFile]:
    """Staging uploads: ``(name, data, type)`` tuples the widget's picker would accept."""
    if files is None:
        return []
    if isinstance(files, UploadedFile):
        items: list[Any] = [files]
    elif isinstance(files, tuple) and len(files) in (2, 3) and isinstance(files[0], str):
        items = [files]
    elif isinstance(files, (list, tuple)):
        items = list(files)
    else:
        raise InvalidValueError(
            f"{what} takes (name, data, mime_type) tuples, a list of them, or None; got "
            f"{type(files).__name__}."
        )
    if len(items) > 1 and not multiple:
        raise InvalidValueError(
            f"{what} takes one file (accept_multiple_files=False); got {len(items)}."
        )
    result = []
    for item in items:
        if isinstance(item, UploadedFile):
            result.append(item)
            continue
        if not (isinstance(item, tuple) and len(item) in (2, 3)):
            raise InvalidValueError(f"{what} takes (name, data, mime_type) tuples, not {item!r}.")
        name, data = item[0], item[1]
        mime = item[2] if len(item) == 3 else "application/octet-stream"
        if not isinstance(name, str) or not name:
            raise InvalidValueError(f"{what}: a file needs a non-empty name, not {name!r}.")
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise InvalidValueError(
                f"{what}: the content of {name!r} must be bytes, not {type(data).__name__} "
                "(use text.encode() for text)."
            )
        if "\x00" in name:
            raise InvalidValueError(f"{what}: file names cannot contain null bytes.")
        if not _accepted(name, str(mime), allowed):
            raise InvalidValueError(
                f"{what} accepts only {list(allowed)}; {name!r} ({mime}) is not one of them."
            )
        content = bytes(data)
        if len(content) > max_mb * 1024 * 1024:
            raise InvalidValueError(
                f"{what} accepts files up to {max_mb} MB; {name!r} has {len(content)} bytes."
            )
        result.append(new_file(name, content, str(mime)))
    return result


def check_file_extension(name: str, allowed: Sequence[str]) -> str | None:
    """The server-side check (``enforce_filename_restriction``); the error message or None."""
    extensions = [t.lower() for t in allowed if t.startswith(".")]
    if any("/" in t for t in allowed) or not extensions:
        return None
    if not any(name.lower().endswith(ext) for ext in extensions):
        return f"Invalid file extension: `{os.path.splitext(name)[1]}`. Allowed: {extensions}"
    return None


def rewind(value: Any) -> Any:
    """Every run sees its files from the start."""
    files = value if isinstance(value, list) else [value]
    for item in files:
        if isinstance(item, UploadedFile):
            item.seek(0)
    return value


def download_bytes(data: object) -> tuple[bytes, str] | None:
    """``st.download_button``'s data as bytes plus the inferred MIME type (None: unsupported)."""
    if isinstance(data, str):
        return data.encode(), "text/plain"
    if isinstance(data, io.TextIOWrapper):
        return data.read().encode(), "text/plain"
    if isinstance(data, bytes):
        return data, "application/octet-stream"
    if isinstance(data, io.BytesIO):
        data.seek(0)
        return data.getvalue(), "application/octet-stream"
    if isinstance(data, (io.BufferedReader, io.RawIOBase)):
        data.seek(0)
        return data.read() or b"", "application/octet-stream"
    return None
