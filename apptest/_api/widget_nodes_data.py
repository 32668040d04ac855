"""Typed nodes for uploads and the data editor: ``upload``/``clear`` and cell edits.

``FileUploader.upload(name, data, mime_type)`` stages a file the widget's picker would accept
(its ``type`` list, ``max_upload_size``, one file unless ``accept_multiple_files``);
``CameraInput.upload`` stages a photo. ``DataEditor`` stages edits the way the grid makes
them: ``edit_cell``, ``edit_row``, ``add_row``, ``delete_rows``, or a whole edit state with
``set_value``; ``.value`` is the edited data the app gets, ``.edits`` the edit state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from apptest._api.nodes import Widget
from apptest._api.widget_nodes import InputWidget
from apptest._props import VALUE
from apptest._values.data_editor import (
    EditorRules,
    Table,
    add_row,
    apply_edits,
    check_state,
    delete_rows,
    edit_cells,
    empty_state,
)
from apptest._values.uploads import DEFAULT_MAX_UPLOAD_MB, UploadedFile, check_upload

_F = TypeVar("_F", bound="FileUploader")  # verbs of FileUploader return a CameraInput on one


class FileUploader(InputWidget):
    """``st.file_uploader``: the value is an ``UploadedFile``, a list of them, or None.
    ``at.file_uploader("f").upload("a.csv", b"x,y", "text/csv").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def accept_multiple_files(self) -> bool:
        """True for ``accept_multiple_files=True`` (the value is then a list)."""
        return bool(self.proto.get("multiple_files"))

    @property
    def allowed_type(self) -> list[str]:
        """The accepted types, normalised as Streamlit does (``"csv"`` -> ``".csv"``)."""
        return list(self.proto.get("type", ()))

    @property
    def max_upload_size(self) -> int:
        """The size limit in megabytes."""
        return int(self.proto.get("max_upload_size_mb", DEFAULT_MAX_UPLOAD_MB))

    def _files(self) -> list[UploadedFile]:
        value = self.value
        items = value if isinstance(value, list) else [value]
        return [f for f in items if isinstance(f, UploadedFile)]

    def _stage_files(self: _F, files: list[UploadedFile]) -> _F:
        if self.accept_multiple_files:
            return self._put(files)
        return self._put(files[0] if files else None)

    def set_value(self: _F, files: Any) -> _F:
        """Stage ``(name, data, mime_type)``, a list of such tuples, or None (no files)."""
        __tracebackhide__ = True
        checked = check_upload(
            self._what,
            files,
            allowed=self.allowed_type,
            multiple=self.accept_multiple_files,
            max_mb=self.max_upload_size,
        )
        return self._stage_files(checked)

    def upload(
        self, name: str, data: bytes, mime_type: str = "application/octet-stream"
    ) -> FileUploader:
        """Upload one file: added to the files (multiple files) or replacing the file."""
        __tracebackhide__ = True
        new = check_upload(
            self._what,
            (name, data, mime_type),
            allowed=self.allowed_type,
            multiple=True,
            max_mb=self.max_upload_size,
        )
        files = [*self._files(), *new] if self.accept_multiple_files else new
        return self._stage_files(files)

    def clear(self: _F) -> _F:
        """Remove every uploaded file."""
        __tracebackhide__ = True
        return self._stage_files([])


class CameraInput(FileUploader):
    """``st.camera_input``: one JPEG photo, or None.
    ``at.camera_input[0].upload("photo.jpg", jpeg_bytes).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def accept_multiple_files(self) -> bool:
        """Always False: a camera input holds one photo."""
        return False

    @property
    def allowed_type(self) -> list[str]:
        """Always ``["image/jpeg"]``."""
        return ["image/jpeg"]

    def upload(self, name: str, data: bytes, mime_type: str = "image/jpeg") -> CameraInput:
        """Take a photo: ``data`` is the JPEG content."""
        __tracebackhide__ = True
        result = self.set_value((name, data, mime_type))
        assert isinstance(result, CameraInput)
        return result


class DataEditor(InputWidget):
    """``st.data_editor``: ``.value`` is the edited data, ``.edits`` the edit state.
    ``at.data_editor[0].edit_cell(0, "qty", 5).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def _table(self) -> Table:
        table = self.proto["table"]
        assert isinstance(table, Table)
        return table

    @property
    def _rules(self) -> EditorRules:
        rules = self.proto["rules"]
        assert isinstance(rules, EditorRules)
        return rules

    @property
    def edits(self) -> dict[str, Any]:
        """The edit state: ``edited_rows``, ``added_rows``, ``deleted_rows``."""
        state = super().value
        return dict(state) if isinstance(state, Mapping) else empty_state()

    @property
    def value(self) -> Any:
        """The data with the edits (staged ones included) applied, as the app receives it."""
        return apply_edits(self._table, self.edits)

    def _shown_value(self) -> Any:
        state = self.proto.get(VALUE)  # the last run's edits, not staged ones
        return apply_edits(
            self._table, dict(state) if isinstance(state, Mapping) else empty_state()
        )

    @property
    def data(self) -> Any:
        """The data the app passed, without edits."""
        return self._table.source

    @property
    def columns(self) -> list[str]:
        """The column names, in order."""
        return list(self._table.columns)

    @property
    def num_rows(self) -> str:
        """The ``num_rows=`` mode: "fixed", "dynamic", "add" or "delete"."""
        return self._rules.num_rows

    def edit_cell(self, row: int, column: str, value: Any) -> DataEditor:
        """Type ``value`` into one cell (``row`` is a position in the app's data)."""
        __tracebackhide__ = True
        return self.edit_row(row, {column: value})

    def edit_row(self, row: int, values: Mapping[str, Any]) -> DataEditor:
        """Type ``values`` (column -> value) into one row (a position in the app's data)."""
        __tracebackhide__ = True
        return self._put(edit_cells(self._what, self._table, self._rules, self.edits, row, values))

    def add_row(self, values: Mapping[str, Any] | None = None) -> DataEditor:
        """Add a row at the end (needs ``num_rows="dynamic"`` or ``"add"``)."""
        __tracebackhide__ = True
        return self._put(add_row(self._what, self._table, self._rules, self.edits, values or {}))

    def delete_rows(self, rows: Sequence[int] | int) -> DataEditor:
        """Delete rows by position (needs ``num_rows="dynamic"`` or ``"delete"``)."""
        __tracebackhide__ = True
        positions = [rows] if isinstance(rows, int) else list(rows)
        return self._put(delete_rows(self._what, self._table, self._rules, self.edits, positions))

    def set_value(self, edits: Any) -> DataEditor:
        """Stage a whole edit state (each part checked like the single verbs)."""
        __tracebackhide__ = True
        return self._put(check_state(self._what, self._table, self._rules, edits))

    def clear(self) -> DataEditor:
        """Undo every edit."""
        __tracebackhide__ = True
        return self._put(empty_state())


#: The node class of each widget kind this module defines.
CLASSES: dict[str, type[Widget]] = {
    "file_uploader": FileUploader,
    "camera_input": CameraInput,
    "data_editor": DataEditor,
}
