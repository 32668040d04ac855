"""File and data widgets of the shim: file_uploader, camera_input, audio_input, data_editor.

Thin translations of Streamlit's signatures (seed era, 1.58). Uploaded files are
``apptest._values.uploads.UploadedFile`` objects; the editor's edit state and the edited data are
computed in ``apptest._values.data_editor``.

The keywords 1.67 added (``wrap=``, ``persist_state=`` ...) end the signatures,
defaulting to ``NOT_GIVEN``: refused under the seed; under "modern" accepted and
ignored, as apptest does not simulate what they change (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from apptest._props import DEFAULT
from apptest._run.layout import Container, newer_commands
from apptest._run.widgets import WidgetCall, register_widget
from apptest._shim.errors_modern import bad_value
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._st_errors import StreamlitAPIException
from apptest._values.common import check_label_visibility
from apptest._values.data_editor import (
    NUM_ROWS,
    EditorRules,
    apply_edits,
    empty_state,
    fingerprint,
    to_table,
)
from apptest._values.uploads import (
    DEFAULT_MAX_UPLOAD_MB,
    UploadedFile,
    check_file_extension,
    normalize_types,
    rewind,
)

Callback = Callable[..., Any] | None

_SAMPLE_RATES = frozenset({8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000})


def _check_max_upload_size(max_upload_size: object) -> int:
    if max_upload_size is None:
        return DEFAULT_MAX_UPLOAD_MB
    if (
        isinstance(max_upload_size, bool)
        or not isinstance(max_upload_size, int)
        or max_upload_size <= 0
    ):
        raise StreamlitAPIException(
            "The `max_upload_size` parameter must be a positive integer representing the maximum "
            "file size in megabytes, or None to fall back to the `server.maxUploadSize` "
            "configuration option."
        )
    return max_upload_size


def _files_sanitizer(allowed: list[str], multiple: bool) -> Callable[[Any, bool], Any]:
    def sanitize(value: Any, _set_by_user: bool) -> Any:
        files = [
            f
            for f in (value if isinstance(value, list) else [value])
            if isinstance(f, UploadedFile)
        ]
        for item in files:
            problem = check_file_extension(item.name, allowed)
            if problem is not None:
                raise StreamlitAPIException(problem)
        rewind(value)
        if multiple:
            return value if isinstance(value, list) else files
        if isinstance(value, list):
            return files[0] if files else None
        return value

    return sanitize


def _audio_sanitizer(value: Any, _set_by_user: bool) -> Any:
    if isinstance(value, UploadedFile):
        rewind(value)
        return value
    return None


class DataWidgets(Container):
    """``st.file_uploader``, ``st.camera_input``, ``st.audio_input``, ``st.data_editor``."""

    def file_uploader(
        self,
        label: str,
        type: str | list[str] | None = None,
        accept_multiple_files: bool | str = False,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        max_upload_size: int | None = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
    ) -> Any:
        max_mb = _check_max_upload_size(max_upload_size)
        check_label_visibility(label_visibility)
        allowed = normalize_types(type)
        multiple = accept_multiple_files is True or accept_multiple_files == "directory"
        value = register_widget(
            self,
            WidgetCall(
                "file_uploader",
                label=label,
                key=key,
                read_only=True,
                key_identity=frozenset({"type", "accept_multiple_files", "max_upload_size"}),
                identity={
                    "type": type,
                    "accept_multiple_files": accept_multiple_files,
                    "help": help,
                    "width": width,
                    "max_upload_size": max_upload_size,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=[] if multiple else None,
            sanitize=_files_sanitizer(allowed, multiple),
            props={
                DEFAULT: [] if multiple else None,
                "type": allowed,
                "multiple_files": multiple,
                "accept_directory": accept_multiple_files == "directory",
                "max_upload_size_mb": max_mb,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
        return list(value) if isinstance(value, list) else value  # a fresh list every run

    def camera_input(
        self,
        label: str,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
        resolution: object = NOT_GIVEN,
    ) -> Any:
        if resolution is not NOT_GIVEN:
            newer_keywords(self, "camera_input", resolution=resolution)
        check_label_visibility(label_visibility)
        return register_widget(
            self,
            WidgetCall(
                "camera_input",
                label=label,
                key=key,
                read_only=True,
                key_identity=True,
                identity={"help": help, "width": width},
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=None,
            sanitize=_files_sanitizer([], False),
            props={
                DEFAULT: None,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )

    def audio_input(
        self,
        label: str,
        *,
        sample_rate: int | None = 16000,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "stretch",
    ) -> UploadedFile | None:
        check_label_visibility(label_visibility)
        if sample_rate is not None and sample_rate not in _SAMPLE_RATES and newer_commands():
            rates = ", ".join(str(rate) for rate in sorted(_SAMPLE_RATES))
            raise bad_value("sample_rate", f"{rates}, None")
        if sample_rate is not None and sample_rate not in _SAMPLE_RATES:
            raise StreamlitAPIException(
                f"Invalid sample_rate: {sample_rate}. "
                f"Must be one of {sorted(_SAMPLE_RATES)} Hz, or None for browser default."
            )
        value = register_widget(
            self,
            WidgetCall(
                "audio_input",
                label=label,
                key=key,
                read_only=True,
                key_identity=True,
                identity={"help": help, "width": width, "sample_rate": sample_rate},
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=None,
            sanitize=_audio_sanitizer,
            props={
                DEFAULT: None,
                "sample_rate": sample_rate,
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
        return value if isinstance(value, UploadedFile) else None

    # long: Streamlit's signature, one parameter a line, is a third of it or more
    def data_editor(
        self,
        data: Any,
        *,
        width: Any = "stretch",
        height: Any = "auto",
        use_container_width: bool | None = None,
        hide_index: bool | None = None,
        column_order: Iterable[str] | None = None,
        column_config: Any = None,
        num_rows: str = "fixed",
        disabled: bool | Iterable[str | int] = False,
        key: object = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        row_height: int | None = None,
        placeholder: str | None = None,
        alt: object = NOT_GIVEN,
    ) -> Any:
        if alt is not NOT_GIVEN:
            newer_keywords(self, "data_editor", alt=alt)
        table = to_table(data)
        if num_rows not in NUM_ROWS:
            raise StreamlitAPIException(
                f"Invalid `num_rows` value {num_rows!r}. "
                "Supported values: fixed, dynamic, add, delete."
            )
        off = (
            True
            if disabled is True
            else frozenset()
            if disabled is False
            else frozenset(str(c) for c in disabled)
        )
        rules = EditorRules(num_rows, off)
        state = register_widget(
            self,
            WidgetCall(
                "data_editor",
                label="",
                key=key,
                read_only=True,
                identity={
                    "data": fingerprint(table),
                    "width": width,
                    "height": height,
                    "use_container_width": use_container_width,
                    "column_order": None if column_order is None else list(column_order),
                    "column_config_mapping": str(column_config),
                    "num_rows": num_rows,
                    "row_height": row_height,
                    "placeholder": placeholder,
                },
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=empty_state(),
            props={
                "table": table,
                "rules": rules,
                "columns": list(table.columns),
                "num_rows": num_rows,
                "disabled": disabled is True,
                "hide_index": hide_index,
                DEFAULT: empty_state(),
            },
        )
        return apply_edits(table, state or empty_state())
