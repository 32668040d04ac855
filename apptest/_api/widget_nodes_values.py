"""Typed nodes for widgets with a range of values: number input, slider, date and time
input, colour picker, feedback.

Each verb refuses a value outside what the browser offers (``[min, max]``, a step, a hex
colour, an icon index) and stages the rest; see ``apptest._api.widget_nodes`` for the verb
machinery (``InputWidget``). A deliberate difference from ``streamlit.testing.v1``:
``NumberInput.increment()`` clamps to a ``max_value`` of 0 (AppTest treats 0 as "no bound").
"""

from __future__ import annotations

from typing import Any

from apptest._api.nodes import Widget
from apptest._api.widget_nodes import InputWidget
from apptest._props import CLEARABLE, OPTIONS, PLACEHOLDER, SPEC
from apptest._values.common import check_color, check_feedback
from apptest._values.dates import DateSpec, check_date, check_time, step_time
from apptest._values.number_input import NumberSpec, check_number, step_number
from apptest._values.sliders import SliderSpec, check_slider


class NumberInput(InputWidget):
    """``st.number_input``: ``set_value``, ``increment``, ``decrement``.
    ``at.number_input("n").set_value(5).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def _spec(self) -> NumberSpec:
        spec = self.proto[SPEC]
        assert isinstance(spec, NumberSpec)
        return spec

    @property
    def min(self) -> int | float | None:
        """The lowest value a user can enter, or None."""
        return self._spec.min

    @property
    def max(self) -> int | float | None:
        """The highest value a user can enter, or None."""
        return self._spec.max

    @property
    def step(self) -> int | float:
        """The step of the +/- buttons."""
        return self._spec.step

    @property
    def data_type(self) -> str:
        """The kind of number: "int" or "float"."""
        return self._spec.data_type

    @property
    def format(self) -> str:
        """The printf-style display format."""
        return self._spec.format

    @property
    def placeholder(self) -> str | None:
        """The placeholder text, or None."""
        value = self.proto.get(PLACEHOLDER)
        return value if isinstance(value, str) else None

    def set_value(self, value: int | float | None) -> NumberInput:
        """Stage a number inside ``[min, max]`` (None only when the input can be empty)."""
        __tracebackhide__ = True
        return self._put(check_number(self._what, self._spec, value))

    def increment(self) -> NumberInput:
        """As clicking "+": one step up, at most ``max`` (a None value stays None)."""
        __tracebackhide__ = True
        return self._put(step_number(self._spec, self.value, +1))

    def decrement(self) -> NumberInput:
        """As clicking "-": one step down, at least ``min``."""
        __tracebackhide__ = True
        return self._put(step_number(self._spec, self.value, -1))


class Feedback(InputWidget):
    """``st.feedback``: the value is the index of the chosen icon (or None).
    ``at.feedback[0].set_value(1).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def options(self) -> str:
        """The icon set: "thumbs", "faces" or "stars"."""
        return str(self.proto.get(OPTIONS, "thumbs"))

    def set_value(self, value: int | None) -> Feedback:
        """Stage choosing the icon at index ``value`` (None clears)."""
        __tracebackhide__ = True
        return self._put(check_feedback(self._what, int(self.proto.get("option_count", 2)), value))


class Slider(InputWidget):
    """``st.slider``: ``set_value(v)`` or, for a range slider, ``set_range(low, high)``.
    ``at.slider("size").set_value(3).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def _spec(self) -> SliderSpec:
        spec = self.proto[SPEC]
        assert isinstance(spec, SliderSpec)
        return spec

    @property
    def min(self) -> Any:
        """The lowest value."""
        return self._spec.min

    @property
    def max(self) -> Any:
        """The highest value."""
        return self._spec.max

    @property
    def step(self) -> Any:
        """The step between values (a number or a timedelta)."""
        return self._spec.step

    @property
    def data_type(self) -> str:
        """The kind of values: "int", "float", "date", "time" or "datetime"."""
        return self._spec.data_type

    @property
    def is_range(self) -> bool:
        """True for a two-thumb slider (its value is a tuple)."""
        return self._spec.is_range

    def set_value(self, value: Any) -> Slider:
        """Stage a value inside ``[min, max]`` (a ``(low, high)`` tuple for a range)."""
        __tracebackhide__ = True
        return self._put(check_slider(self._what, self._spec, value))

    def set_range(self, lower: Any, upper: Any) -> Slider:
        """Stage both thumbs of a range slider (on a one-thumb slider: its default, with a
        warning, as Streamlit's AppTest ends up)."""
        __tracebackhide__ = True
        if not self._spec.is_range:
            return self._range_on_one_thumb(lower, upper, self._spec.default)
        return self.set_value((lower, upper))


class DateInput(InputWidget):
    """``st.date_input``: a date, or a tuple of 0-2 dates for a range input.
    ``at.date_input("day").set_value(date(2024, 1, 2)).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def _spec(self) -> DateSpec:
        spec = self.proto[SPEC]
        assert isinstance(spec, DateSpec)
        return spec

    @property
    def min(self) -> Any:
        """The earliest date a user can pick."""
        return self._spec.min

    @property
    def max(self) -> Any:
        """The latest date a user can pick."""
        return self._spec.max

    @property
    def is_range(self) -> bool:
        """True for a range input (its value is a tuple)."""
        return self._spec.is_range

    def set_value(self, value: Any) -> DateInput:
        """Stage a date inside ``[min, max]`` (a tuple of dates for a range input)."""
        __tracebackhide__ = True
        return self._put(check_date(self._what, self._spec, value))

    def set_range(self, start: Any, end: Any) -> DateInput:
        """Stage the start and end of a range input."""
        __tracebackhide__ = True
        return self.set_value((start, end))


class TimeInput(InputWidget):
    """``st.time_input``: ``set_value(time)``, ``increment``/``decrement`` by ``step``.
    ``at.time_input("at").set_value(time(9, 30)).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def step(self) -> int:
        """The step in seconds."""
        return int(self.proto.get("step", 900))

    def set_value(self, value: Any) -> TimeInput:
        """Stage a ``datetime.time`` (None only when the input can be empty)."""
        __tracebackhide__ = True
        return self._put(check_time(self._what, value, clearable=bool(self.proto.get(CLEARABLE))))

    def increment(self) -> TimeInput:
        """Stage the time one ``step`` later (wrapping at midnight)."""
        __tracebackhide__ = True
        return self._put(step_time(self.value, self.step, +1))

    def decrement(self) -> TimeInput:
        """Stage the time one ``step`` earlier (wrapping at midnight)."""
        __tracebackhide__ = True
        return self._put(step_time(self.value, self.step, -1))


class ColorPicker(InputWidget):
    """``st.color_picker``: a hex colour string. ``at.color_picker("c").pick("#ff0000").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    def set_value(self, value: str) -> ColorPicker:
        """Stage a hex colour such as "#ff0000"."""
        __tracebackhide__ = True
        return self._put(check_color(self._what, value))

    def pick(self, value: str) -> ColorPicker:
        """Like ``set_value``, adding the leading ``#`` when it is missing."""
        __tracebackhide__ = True
        if isinstance(value, str) and not value.startswith("#"):
            value = f"#{value}"
        return self.set_value(value)


#: The node class of each widget kind this module defines.
CLASSES: dict[str, type[Widget]] = {
    "number_input": NumberInput,
    "feedback": Feedback,
    "slider": Slider,
    "date_input": DateInput,
    "time_input": TimeInput,
    "color_picker": ColorPicker,
}
