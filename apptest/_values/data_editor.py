"""``st.data_editor``: its edit state, the edits a test may stage, and the edited data.

The widget's value is Streamlit's edit state (also what ``st.session_state[key]`` shows)::

    {"edited_rows": {row: {column: value}}, "added_rows": [{column: value}], "deleted_rows": [row]}

where ``row`` is a position in the data the app passed. The command returns that data with
the edits applied in Streamlit's order (cell edits, deletions, additions), in the format it
was given: a list of records, a dict of columns, a list of rows or of scalars, or a pandas
DataFrame/Series (when pandas is installed).
"""

from __future__ import annotations

import copy
import importlib
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from apptest._errors import InvalidValueError, hide_test_errors
from apptest._st_errors import StreamlitAPIException

# pytest leaves this module's frames out of the traceback of an AppTestError (a value a widget
# verb refused): the test's line and the message say it all.
__tracebackhide__ = hide_test_errors

EditState = dict[str, Any]
NUM_ROWS = ("fixed", "dynamic", "add", "delete")


def empty_state() -> EditState:
    return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def _is_pandas(data: object, name: str) -> bool:
    cls = type(data)
    return cls.__module__.startswith("pandas") and cls.__name__ == name


@dataclass(frozen=True)
class Table:
    """The app's data as the editor sees it: column names, rows, kinds, and its format."""

    format: str  # "records" | "columns" | "rows" | "values" | "dataframe" | "series"
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    kinds: tuple[str, ...]
    source: Any

    @property
    def n_rows(self) -> int:
        return len(self.rows)


def _kind(values: Sequence[Any]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "any"
    if all(isinstance(v, bool) for v in present):
        return "bool"
    if all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in present):
        return "int"
    if all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in present):
        return "float"
    if all(isinstance(v, str) for v in present):
        return "str"
    return "any"


def _pandas_kind(dtype: Any, values: Sequence[Any]) -> str:
    name = str(dtype)
    if name == "bool":
        return "bool"
    if name.startswith(("int", "uint", "Int", "UInt")):
        return "int"
    if name.startswith(("float", "Float")):
        return "float"
    if name in ("object", "string", "str"):
        return (
            _kind([v for v in values if isinstance(v, str) or v is None])
            if all(isinstance(v, str) or v is None for v in values)
            else "any"
        )
    return "any"


def to_table(data: Any) -> Table:
    """Read the app's data, or raise Streamlit's error for a format the editor cannot take."""
    if _is_pandas(data, "DataFrame") or _is_pandas(data, "Series"):
        frame = data.to_frame() if _is_pandas(data, "Series") else data
        columns = tuple(str(c) for c in frame.columns)
        if len(set(columns)) != len(columns):
            duplicated = sorted({c for c in columns if columns.count(c) > 1})
            raise StreamlitAPIException(
                "All column names are required to be unique for usage with data editor. The "
                f"following column names are duplicated: {duplicated}. Please rename the "
                "duplicated columns in the provided data."
            )
        rows = tuple(tuple(r) for r in frame.itertuples(index=False, name=None))
        kinds = tuple(
            _pandas_kind(frame.dtypes.iloc[i], [r[i] for r in rows]) for i in range(len(columns))
        )
        fmt = "series" if _is_pandas(data, "Series") else "dataframe"
        return Table(fmt, columns, rows, kinds, data)
    if isinstance(data, Mapping):
        columns = tuple(str(c) for c in data)
        lists = [list(v) if isinstance(v, (list, tuple)) else None for v in data.values()]
        if any(v is None for v in lists):
            raise StreamlitAPIException(
                "The data type (dict) or format is not supported by the data editor. Please "
                "convert your data into a Pandas Dataframe or another supported data format."
            )
        length = max((len(v) for v in lists if v is not None), default=0)
        cols = [(v or []) + [None] * (length - len(v or [])) for v in lists]
        rows = tuple(tuple(col[i] for col in cols) for i in range(length))
        return Table("columns", columns, rows, tuple(_kind(c) for c in cols), data)
    if isinstance(data, (list, tuple)):
        items = list(data)
        if items and all(isinstance(r, Mapping) for r in items):
            names: list[str] = []
            for record in items:
                for name in record:
                    if str(name) not in names:
                        names.append(str(name))
            rows = tuple(tuple(_get(r, n) for n in names) for r in items)
            kinds = tuple(_kind([row[i] for row in rows]) for i in range(len(names)))
            return Table("records", tuple(names), rows, kinds, data)
        if items and all(isinstance(r, (list, tuple)) for r in items):
            width = max(len(r) for r in items)
            rows = tuple(tuple(r) + (None,) * (width - len(r)) for r in items)
            kinds = tuple(_kind([row[i] for row in rows]) for i in range(width))
            return Table("rows", tuple(str(i) for i in range(width)), rows, kinds, data)
        rows = tuple((v,) for v in items)
        return Table("values", ("0",), rows, (_kind(items),), data)
    raise StreamlitAPIException(
        f"The data type ({type(data).__name__}) or format is not supported by the data editor. "
        "Please convert your data into a Pandas Dataframe or another supported data format."
    )


def _get(record: Mapping[Any, Any], name: str) -> Any:
    if name in record:
        return record[name]
    for key, value in record.items():
        if str(key) == name:
            return value
    return None


def fingerprint(table: Table) -> str:
    """A stable text for the widget id (Streamlit hashes the data: new data, new widget)."""
    return repr((table.format, table.columns, table.rows))


def _parse(value: Any, kind: str) -> Any:
    if value is None:
        return None
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            return bool(value)
        if kind == "str":
            return str(value)
    except (TypeError, ValueError):
        return None
    return value


def apply_edits(table: Table, state: Mapping[str, Any]) -> Any:
    """The data with the edits applied, in the app's format (Streamlit's order)."""
    if table.format in ("dataframe", "series"):
        return _apply_pandas(table, state)
    rows = [list(r) for r in copy.deepcopy(table.rows)]
    position = {name: i for i, name in enumerate(table.columns)}
    for row, changes in dict(state.get("edited_rows") or {}).items():
        for column, value in changes.items():
            if column in position and 0 <= int(row) < len(rows):
                rows[int(row)][position[column]] = _parse(value, table.kinds[position[column]])
    deleted = {int(r) for r in state.get("deleted_rows") or ()}
    rows = [r for i, r in enumerate(rows) if i not in deleted]
    for added in state.get("added_rows") or ():
        new = [None] * len(table.columns)
        for column, value in added.items():
            if column in position:
                new[position[column]] = _parse(value, table.kinds[position[column]])
        rows.append(new)
    if table.format == "records":
        return [dict(zip(table.columns, r, strict=True)) for r in rows]
    if table.format == "columns":
        keys = list(table.source)
        return {key: [r[i] for r in rows] for i, key in enumerate(keys)}
    if table.format == "rows":
        return [list(r) for r in rows]
    return [r[0] for r in rows]


def _apply_pandas(table: Table, state: Mapping[str, Any]) -> Any:
    pd: Any = importlib.import_module("pandas")
    source = table.source
    frame = source.to_frame() if table.format == "series" else source
    frame = frame.copy(deep=True)
    names = [str(c) for c in frame.columns]
    for row, changes in dict(state.get("edited_rows") or {}).items():
        for column, value in changes.items():
            if column in names:
                i = names.index(column)
                frame.iat[int(row), i] = _parse(value, table.kinds[i])
    deleted = sorted({int(r) for r in state.get("deleted_rows") or ()})
    if deleted:
        frame = frame.drop(frame.index[deleted])
    added = list(state.get("added_rows") or ())
    if added:
        if isinstance(frame.index, pd.RangeIndex):
            start, step = frame.index.stop, frame.index.step
        elif pd.api.types.is_integer_dtype(frame.index.dtype):
            start, step = (0 if frame.index.empty else int(frame.index.max()) + 1), 1
        else:
            start, step = len(frame), 1
        for n, row_values in enumerate(added):
            values = {c: None for c in frame.columns}
            for column, value in row_values.items():
                if column in names:
                    i = names.index(column)
                    values[frame.columns[i]] = _parse(value, table.kinds[i])
            frame.loc[start + n * step] = values
    if table.format == "series":
        return frame.iloc[:, 0]
    return frame


# -- staging -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EditorRules:
    """What a browser user may do with this editor."""

    num_rows: str
    disabled: bool | frozenset[str]

    def can_add(self) -> bool:
        return self.num_rows in ("dynamic", "add")

    def can_delete(self) -> bool:
        return self.num_rows in ("dynamic", "delete")


def _check_value(what: str, table: Table, column: str, value: Any) -> Any:
    kind = table.kinds[table.columns.index(column)]
    ok = (
        value is None
        or kind == "any"
        or (kind == "bool" and isinstance(value, bool))
        or (kind == "int" and isinstance(value, numbers.Integral) and not isinstance(value, bool))
        or (kind == "float" and isinstance(value, numbers.Real) and not isinstance(value, bool))
        or (kind == "str" and isinstance(value, str))
    )
    if not ok:
        raise InvalidValueError(
            f"{what}: column {column!r} holds {kind} values; {value!r} cannot be entered there."
        )
    return value


def _check_column(what: str, table: Table, rules: EditorRules, column: object) -> str:
    name = str(column)
    if name not in table.columns:
        raise InvalidValueError(f"{what} has no column {column!r}. Columns: {list(table.columns)}.")
    if rules.disabled is True or (isinstance(rules.disabled, frozenset) and name in rules.disabled):
        raise InvalidValueError(f"{what}: column {name!r} is disabled and cannot be edited.")
    return name


def _fresh(state: Mapping[str, Any] | None) -> EditState:
    base = empty_state() if not state else state
    return {
        "edited_rows": {int(k): dict(v) for k, v in dict(base.get("edited_rows") or {}).items()},
        "added_rows": [dict(r) for r in base.get("added_rows") or ()],
        "deleted_rows": [int(r) for r in base.get("deleted_rows") or ()],
    }


def edit_cells(
    what: str,
    table: Table,
    rules: EditorRules,
    state: Mapping[str, Any] | None,
    row: int,
    changes: Mapping[Any, Any],
) -> EditState:
    new = _fresh(state)
    if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < table.n_rows:
        raise InvalidValueError(
            f"{what} has rows 0..{table.n_rows - 1} (positions in the app's data); {row!r} is "
            "not one. Use add_row() for new rows."
        )
    if row in new["deleted_rows"]:
        raise InvalidValueError(f"{what}: row {row} is deleted and cannot be edited.")
    cells = new["edited_rows"].setdefault(row, {})
    for column, value in changes.items():
        name = _check_column(what, table, rules, column)
        cells[name] = _check_value(what, table, name, value)
    return new


def add_row(
    what: str,
    table: Table,
    rules: EditorRules,
    state: Mapping[str, Any] | None,
    values: Mapping[Any, Any],
) -> EditState:
    if not rules.can_add():
        raise InvalidValueError(
            f"{what} has num_rows={rules.num_rows!r}: rows cannot be added. "
            "Rows can be added with num_rows='dynamic' or 'add'."
        )
    new = _fresh(state)
    row: dict[str, Any] = {}
    for column, value in values.items():
        name = _check_column(what, table, rules, column)
        row[name] = _check_value(what, table, name, value)
    new["added_rows"].append(row)
    return new


def delete_rows(
    what: str,
    table: Table,
    rules: EditorRules,
    state: Mapping[str, Any] | None,
    rows: Sequence[int],
) -> EditState:
    if not rules.can_delete():
        raise InvalidValueError(
            f"{what} has num_rows={rules.num_rows!r}: rows cannot be deleted. "
            "Rows can be deleted with num_rows='dynamic' or 'delete'."
        )
    if rules.disabled is True:
        raise InvalidValueError(f"{what} is disabled: rows cannot be deleted.")
    new = _fresh(state)
    for row in rows:
        if isinstance(row, bool) or not isinstance(row, int) or not 0 <= row < table.n_rows:
            raise InvalidValueError(
                f"{what} has rows 0..{table.n_rows - 1}; cannot delete {row!r}."
            )
        if row in new["deleted_rows"]:
            raise InvalidValueError(f"{what}: row {row} is already deleted.")
        new["deleted_rows"].append(row)
    return new


def check_state(what: str, table: Table, rules: EditorRules, state: Any) -> EditState:
    """Staging a whole edit state: each part checked as the single verbs check it."""
    if not isinstance(state, Mapping) or not set(state) <= {
        "edited_rows",
        "added_rows",
        "deleted_rows",
    }:
        raise InvalidValueError(
            f"{what} takes an edit state {{'edited_rows': {{row: {{column: value}}}}, "
            f"'added_rows': [...], 'deleted_rows': [...]}}, not {state!r}."
        )
    result = empty_state()
    for row, changes in dict(state.get("edited_rows") or {}).items():
        result = edit_cells(what, table, rules, result, int(row), changes)
    if state.get("deleted_rows"):
        result = delete_rows(what, table, rules, result, list(state["deleted_rows"]))
    for added in state.get("added_rows") or ():
        result = add_row(what, table, rules, result, added)
    return result
