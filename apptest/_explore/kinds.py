"""The value strategies of every widget kind apptest simulates, registered on import.

Each strategy draws from what the browser offers for that widget (options, ``[min, max]`` and
``step``, ``max_chars``, accepted file types …) and tries the widget's default first, so a
failing example shrinks towards untouched widgets.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from typing import Any

from hypothesis import strategies as st

from apptest._explore.values import (
    Strategy,
    either,
    literal,
    mapped_range,
    register,
    sampled,
    with_default,
)
from apptest._props import CLEARABLE, DEFAULT

#: The largest integer a browser number field holds exactly (JavaScript's safe integers).
JS_SAFE = (1 << 53) - 1
#: Bounds for unbounded float inputs (wide, but far from overflow in app arithmetic).
FLOAT_SPAN = 1e12
#: Characters typed into text widgets: printable, no surrogates.
_TEXT = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))


def _default(widget: Any) -> Any:
    return widget.proto.get(DEFAULT)


# -- buttons, checkboxes, text -------------------------------------------------------------------
def _click(widget: Any) -> Strategy:
    return st.just(True)


def _boolean(widget: Any) -> Strategy:
    default = bool(_default(widget))
    return with_default(default, sampled([not default]))


def _check_code(value: Any) -> str:
    return ".check()" if value else ".uncheck()"


def _text(widget: Any) -> Strategy:
    limit = widget.max_chars
    size = 20 if limit is None else min(limit, 20)
    samples = [t for t in ("", "a", "0", "-1", "1.5", " ") if len(t) <= size]
    texts = either(sampled(samples), st.text(_TEXT, max_size=size))
    default = _default(widget)
    return with_default(default, texts, usable=isinstance(default, str) or default is None)


def _chat(widget: Any) -> Strategy:
    limit = widget.max_chars or 20
    return st.one_of(
        st.sampled_from(["hi", "0", "?"]), st.text(_TEXT, min_size=1, max_size=min(limit, 20))
    ).filter(lambda t: bool(t.strip()) and len(t) <= limit)


# -- choices -------------------------------------------------------------------------------------
def _option_values(widget: Any) -> list[Any]:
    """The options as code can stage them: the option itself, or its label when its repr is
    not code (``select`` and ``set_value`` take either)."""
    options = widget._options
    return [
        raw if literal(raw) else label
        for raw, label in zip(options.raw, options.formatted, strict=True)
    ]


def _current(widget: Any, values: list[Any]) -> Any:
    index = widget._options.index_of(_default(widget)) if _default(widget) is not None else None
    return None if index is None else values[index]


def _single(widget: Any) -> Strategy:
    values = _option_values(widget)
    clearable = bool(widget.proto.get(CLEARABLE))
    choices: Strategy = sampled(values) if values else st.nothing()
    if widget.proto.get("accept_new_options"):
        choices = choices | st.text(_TEXT, min_size=1, max_size=10)
    if clearable:
        choices = with_default(None, choices)
    start = _current(widget, values)
    return with_default(start, choices, usable=start is not None)


def _multi(widget: Any) -> Strategy:
    values = _option_values(widget)
    limit = widget.max_selections
    if not values:
        return st.just([])
    if len(values) > 64:
        picks = st.lists(st.integers(0, len(values) - 1), unique=True, max_size=limit or 64)
        return picks.map(lambda picked: [values[i] for i in picked])
    # A subset as a bit mask (shrinks towards none, then the first options), cut to the limit.
    return mapped_range(0, 2 ** len(values) - 1, lambda mask: _subset(values, mask, limit))


def _subset(values: list[Any], mask: int, limit: int | None) -> list[Any]:
    picked = [value for i, value in enumerate(values) if mask >> i & 1]
    return picked[:limit] if limit is not None else picked


def _button_group(widget: Any) -> Strategy:
    if widget.selection_mode == "multi":
        return _multi(widget)
    values = _option_values(widget)
    choices: Strategy = sampled(values) if values else st.nothing()
    return choices if widget.required else with_default(None, choices)


def _select_slider(widget: Any) -> Strategy:
    values = _option_values(widget)
    last = len(values) - 1
    spec = widget._spec
    start = [values[i] for i in spec.default_indices]
    if not spec.is_range:
        return with_default(start[0], sampled(values), usable=bool(start))
    pairs = st.tuples(st.integers(0, last), st.integers(0, last)).map(sorted)
    drawn = pairs.map(lambda p: (values[p[0]], values[p[1]]))
    return with_default(tuple(start), drawn, usable=len(start) == 2)


def _feedback(widget: Any) -> Strategy:
    count = int(widget.proto.get("option_count", 2))
    return with_default(None, mapped_range(0, count - 1, int))


# -- numbers, sliders, dates, times --------------------------------------------------------------
def _number(widget: Any) -> Strategy:
    spec = widget._spec
    if spec.data_type == "int":
        low = -JS_SAFE if spec.min is None else int(spec.min)
        high = JS_SAFE if spec.max is None else int(spec.max)
        values: Strategy = mapped_range(low, high, int)
    else:
        low_f = -FLOAT_SPAN if spec.min is None else float(spec.min)
        high_f = FLOAT_SPAN if spec.max is None else float(spec.max)
        values = st.floats(low_f, high_f, allow_nan=False, allow_infinity=False)
    base = spec.default if spec.default is not None else (spec.min or 0)
    near = [spec.cast(base + k * spec.step) for k in (1, -1, 2, -2, 5, -5)]
    near = [v for v in near if _within(v, spec.min, spec.max)]
    choices = either(sampled(near), values) if near else values
    if spec.clearable:
        choices = with_default(None, choices)
    return with_default(spec.default, choices, usable=spec.default is not None)


def _within(value: Any, low: Any, high: Any) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _slider_value(spec: Any, k: int) -> Any:
    """The value ``k`` steps above ``min`` (clamped to ``max``), in the slider's type."""
    kind = spec.data_type
    if kind == "int":
        return min(spec.min + k * spec.step, spec.max)
    if kind == "float":
        return float(min(spec.min + k * spec.step, spec.max))
    if kind == "time":
        start = dt.datetime.combine(dt.date(2000, 1, 1), spec.min)
        end = dt.datetime.combine(dt.date(2000, 1, 1), spec.max)
        return min(start + k * spec.step, end).timetz()
    if kind == "date":
        return min(spec.min + k * spec.step, spec.max)
    return min(spec.min + k * spec.step, spec.max)


def _slider_steps(spec: Any) -> int:
    kind = spec.data_type
    if kind in ("int", "float"):
        return max(0, int((spec.max - spec.min) / spec.step))
    if kind == "time":
        day = dt.date(2000, 1, 1)
        span = dt.datetime.combine(day, spec.max) - dt.datetime.combine(day, spec.min)
    else:
        span = spec.max - spec.min
    return max(0, int(span / spec.step))


def _slider(widget: Any) -> Strategy:
    spec = widget._spec
    steps = _slider_steps(spec)
    default = spec.default
    if not spec.is_range:
        drawn = mapped_range(0, steps, lambda k: _slider_value(spec, k))
        return with_default(default, drawn, usable=not isinstance(default, (list, tuple)))
    size = steps + 1
    drawn = mapped_range(0, size * size - 1, lambda n: _slider_pair(spec, *divmod(n, size)))
    start = tuple(default) if isinstance(default, (list, tuple)) else None
    return with_default(start, drawn, usable=start is not None and len(start) == 2)


def _slider_pair(spec: Any, a: int, b: int) -> tuple[Any, Any]:
    low, high = sorted((a, b))
    return (_slider_value(spec, low), _slider_value(spec, high))


def _date(widget: Any) -> Strategy:
    spec = widget._spec
    span = (spec.max - spec.min).days + 1
    if spec.is_range:
        values = mapped_range(0, span * span - 1, lambda n: _date_pair(spec.min, *divmod(n, span)))
    else:
        values = mapped_range(0, span - 1, lambda n: spec.min + dt.timedelta(days=n))
    if spec.clearable:
        values = with_default(None, values)
    default = spec.default
    return with_default(default, values, usable=default is not None and default != ())


def _date_pair(start: dt.date, a: int, b: int) -> tuple[dt.date, dt.date]:
    low, high = sorted((a, b))
    return (start + dt.timedelta(days=low), start + dt.timedelta(days=high))


def _time(widget: Any) -> Strategy:
    step = max(60, widget.step)
    slots = 86400 // step
    stepped = mapped_range(
        0, slots - 1, lambda k: dt.time((k * step) // 3600, k * step % 3600 // 60)
    )
    any_minute = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
    values: Strategy = either(stepped, any_minute)
    if widget.proto.get(CLEARABLE):
        values = with_default(None, values)
    default = _default(widget)
    return with_default(default, values, usable=isinstance(default, dt.time))


def _datetime(widget: Any) -> Strategy:
    """Whole steps from ``min`` (the picker's step), clamped to ``max``."""
    low, high, step = widget.min, widget.max, dt.timedelta(seconds=max(60, widget.step))
    slots = int((high - low) / step)
    values: Strategy = mapped_range(0, slots, lambda k: min(low + k * step, high))
    if widget.proto.get(CLEARABLE):
        values = with_default(None, values)
    default = widget.value
    return with_default(default, values, usable=isinstance(default, dt.datetime))


def _page(widget: Any) -> Strategy:
    return with_default(widget.value, mapped_range(1, widget.num_pages, int))


def _menu(widget: Any) -> Strategy:
    values = _option_values(widget)
    return sampled(values) if values else st.nothing()


def _color(widget: Any) -> Strategy:
    colors = mapped_range(0, 0xFFFFFF, lambda n: f"#{n:06x}")
    default = _default(widget)
    return with_default(default, colors, usable=isinstance(default, str))


# -- uploads and the data editor -----------------------------------------------------------------
def _file(widget: Any, index: int) -> Strategy:
    allowed = [t for t in widget.allowed_type if t.startswith(".")]
    patterns = [t for t in widget.allowed_type if "/" in t]
    if allowed:
        ext = allowed[index % len(allowed)]
        mime = mimetypes.guess_type(f"f{ext}")[0] or "application/octet-stream"
    elif patterns:
        major, _, minor = patterns[index % len(patterns)].partition("/")
        mime = f"{major}/{'octet-stream' if minor == '*' else minor}"
        ext = mimetypes.guess_extension(mime) or ".bin"
    else:
        ext, mime = ".txt", "text/plain"
    name = f"file{index}{ext}"
    return st.binary(max_size=64).map(lambda data: (name, data, mime))


def _uploader(widget: Any) -> Strategy:
    if not widget.accept_multiple_files:
        return st.none() | _file(widget, 0)
    files = st.integers(0, 3).flatmap(
        lambda n: st.tuples(*(_file(widget, i) for i in range(n))).map(list)
    )
    return st.just(None) | files


def _recording(widget: Any) -> Strategy:
    audio = st.binary(max_size=32).map(lambda data: ("recording.wav", b"RIFF" + data))
    return st.none() | audio.map(lambda a: (*a, "audio/wav"))


def _camera(widget: Any) -> Strategy:
    photo = st.binary(max_size=32).map(lambda data: ("photo.jpg", b"\xff\xd8\xff" + data))
    return st.none() | photo.map(lambda p: (*p, "image/jpeg"))


_CELL: dict[str, Strategy] = {
    "bool": st.booleans(),
    "int": st.integers(-1000, 1000),
    "float": st.floats(-1e6, 1e6, allow_nan=False),
    "str": st.text(_TEXT, max_size=10),
    "any": st.text(_TEXT, max_size=10),
}


def _data_editor(widget: Any) -> Strategy:
    """Edit states: cell edits, plus added rows (``num_rows`` "dynamic"/"add") and deleted
    rows ("dynamic"/"delete"); shrinking towards no edit."""
    table, rules = widget._table, widget._rules
    empty: Strategy = st.just({"edited_rows": {}, "added_rows": [], "deleted_rows": []})
    if rules.disabled is True or not table.columns:
        return empty
    locked = rules.disabled if isinstance(rules.disabled, frozenset) else frozenset()
    kinds = dict(zip(table.columns, table.kinds, strict=True))
    columns = [c for c in table.columns if c not in locked and kinds[c] in _CELL]
    cell = st.sampled_from(columns).flatmap(lambda c: _CELL[kinds[c]].map(lambda v: (c, v)))
    edits: Strategy = st.just([])
    if columns and table.n_rows:
        edits = st.lists(st.tuples(st.integers(0, table.n_rows - 1), cell), max_size=3)
    added: Strategy = st.just([])
    if rules.can_add():
        row = st.lists(cell, max_size=len(columns)).map(dict) if columns else st.just({})
        added = st.lists(row, max_size=2)
    deleted: Strategy = st.just([])
    if rules.can_delete() and table.n_rows:
        deleted = st.lists(st.integers(0, table.n_rows - 1), unique=True, max_size=2)
    return either(empty, st.builds(_edit_state, edits, added, deleted))


def _edit_state(
    cells: list[tuple[int, tuple[str, Any]]], added: list[dict[str, Any]], deleted: list[int]
) -> dict[str, Any]:
    rows: dict[int, dict[str, Any]] = {}
    for row, (column, value) in cells:
        if row not in deleted:
            rows.setdefault(row, {})[column] = value
    return {"edited_rows": rows, "added_rows": added, "deleted_rows": deleted}


def register_builtin_kinds() -> None:
    """Register the strategies of every widget kind above. Done once, when this module is
    first imported: a later call would replace what users registered since."""
    for kind in ("button", "form_submit_button", "download_button", "link_button"):
        register(kind, _click, trigger=True)
    for kind in ("checkbox", "toggle"):
        register(kind, _boolean, code=_check_code)
    for kind in ("text_input", "text_area"):
        register(kind, _text, verb="input")
    register("chat_input", _chat)
    for kind in ("radio", "selectbox"):
        register(kind, _single)
    register("multiselect", _multi)
    for kind in ("pills", "segmented_control"):
        register(kind, _button_group)
    register("select_slider", _select_slider)
    register("feedback", _feedback)
    register("number_input", _number)
    register("slider", _slider)
    register("date_input", _date)
    register("time_input", _time)
    register("color_picker", _color)
    register("file_uploader", _uploader)
    register("camera_input", _camera)
    register("data_editor", _data_editor)
    register("datetime_input", _datetime)
    register("pagination", _page)
    register("menu_button", _menu)
    register("audio_input", _recording)
    # A custom component's values are whatever its frontend sends: a test that explores one
    # registers a strategy for it (``register("component_instance", ...)``).


register_builtin_kinds()

__all__ = ["register_builtin_kinds"]
