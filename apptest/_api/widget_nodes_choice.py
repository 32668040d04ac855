"""Typed nodes for choice widgets: radio, selectbox, multiselect, pills, segmented control,
select slider, menu button, pagination.

``options`` are the labels the browser shows (``format_func`` applied); staging takes an
option or its label and refuses anything not offered (``apptest._values.choices.check_choice``).
``MenuButton.click(option)`` makes the widget return that option for one run, as a button
reads True for one run; ``Pagination.select(page)`` picks a page, 1..``num_pages``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from apptest._api.nodes import Widget, _short
from apptest._api.widget_nodes import InputWidget
from apptest._errors import AppTestError, OptionIndexError
from apptest._props import CLEARABLE, OPTIONS, PLACEHOLDER, SPEC, VALUE
from apptest._values.choices import Options, check_choice, check_choices
from apptest._values.sliders import SelectSliderSpec, check_select_slider

_R = TypeVar("_R", bound="Radio")  # verbs of Radio return a Selectbox on one


class _Choice(InputWidget):
    __slots__ = ()

    @property
    def _options(self) -> Options:
        return Options(
            tuple(self.proto.get("option_values", ())),
            tuple(self.proto.get(OPTIONS, ())),
            self.proto.get("format_func") or str,
        )

    @property
    def options(self) -> list[str]:
        """The options as the browser shows them (``format_func`` applied)."""
        return list(self.proto.get(OPTIONS, ()))

    @property
    def format_func(self) -> Callable[[Any], Any]:
        """The app's ``format_func`` (``str`` when it gave none)."""
        func = self.proto.get("format_func")
        return func if callable(func) else str


class Radio(_Choice):
    """``st.radio`` (and the base of ``Selectbox``): ``at.radio("size").select("M").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def index(self) -> int | None:
        """The position of the selected option, or None."""
        value = self.value
        return None if value is None else self._options.index_of(value)

    def set_value(self: _R, value: Any) -> _R:
        """Stage an offered option (or its label); None only when it can be cleared."""
        __tracebackhide__ = True
        return self._put(
            check_choice(
                self._what,
                self._options,
                value,
                clearable=bool(self.proto.get(CLEARABLE)),
                accept_new=bool(self.proto.get("accept_new_options")),
            )
        )

    def select(self: _R, value: Any) -> _R:
        """Stage choosing ``value``, as ``set_value``."""
        __tracebackhide__ = True
        return self.set_value(value)

    def select_index(self: _R, index: int | None) -> _R:
        """Stage choosing the option at ``index`` (None clears)."""
        __tracebackhide__ = True
        if index is None:
            return self.set_value(None)
        raw = self._options.raw
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(raw):
            raise OptionIndexError(
                f"{self._what} has options 0..{len(raw) - 1}; index {index!r} is not one."
            )
        return self.set_value(raw[index])


class Selectbox(Radio):
    """``st.selectbox``: ``at.selectbox("city").select("Oslo").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def placeholder(self) -> str:
        """The placeholder text shown while nothing is selected."""
        return str(self.proto.get(PLACEHOLDER, ""))


class Multiselect(_Choice):
    """``st.multiselect``; ``ButtonGroup`` (pills, segmented control) builds on it.
    ``at.multiselect("tags").select("a").unselect("b").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def _multi(self) -> bool:
        return True

    @property
    def max_selections(self) -> int | None:
        """The ``max_selections=`` limit, or None."""
        value = self.proto.get("max_selections")
        return value if isinstance(value, int) else None

    @property
    def value(self) -> Any:
        """The selected options as the app gets them (a list)."""
        value = super().value
        return list(value) if self._multi and value is not None else value

    @property
    def _selected(self) -> list[Any]:
        value = self.value
        if self._multi:
            return list(value or [])
        return [] if value is None else [value]

    @property
    def indices(self) -> list[int]:
        """The positions of the selected options."""
        options = self._options
        return [i for v in self._selected if (i := options.index_of(v)) is not None]

    @property
    def values(self) -> list[str]:
        """The selected options as the browser shows them."""
        return [self._options.format(v) or str(v) for v in self._selected]

    def set_value(self, value: Any) -> Multiselect:
        """Stage the whole selection: a list of offered options (or their labels)."""
        __tracebackhide__ = True
        return self._put(
            check_choices(
                self._what,
                self._options,
                value,
                max_selections=self.max_selections,
                accept_new=bool(self.proto.get("accept_new_options")),
            )
        )

    def select(self, value: Any) -> Multiselect:
        """Add ``value`` to the selection (no change if it is already selected)."""
        __tracebackhide__ = True
        current = self._selected
        chosen = check_choice(
            self._what,
            self._options,
            value,
            clearable=False,
            accept_new=bool(self.proto.get("accept_new_options")),
        )
        if self._options.format(chosen) in [self._options.format(v) for v in current]:
            return self
        return self.set_value([*current, chosen])

    def unselect(self, value: Any) -> Multiselect:
        """Remove ``value`` from the selection (no change if it is not selected)."""
        __tracebackhide__ = True
        label = self._options.format(value)
        return self.set_value([v for v in self._selected if self._options.format(v) != label])


class ButtonGroup(Multiselect):
    """``st.pills`` and ``st.segmented_control`` (``selection_mode`` "single" or "multi").
    ``at.pills("tags").select("a").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def selection_mode(self) -> str:
        """The ``selection_mode``: "single" (one option or None) or "multi" (a list)."""
        return str(self.proto.get("selection_mode", "single"))

    @property
    def required(self) -> bool:
        """True for ``required=True``: a single selection cannot be cleared."""
        return bool(self.proto.get("required"))

    @property
    def _multi(self) -> bool:
        return self.selection_mode == "multi"

    def set_value(self, value: Any) -> ButtonGroup:
        """Stage an option (single mode) or a list of options (multi mode)."""
        __tracebackhide__ = True
        if self._multi:
            return self._put(check_choices(self._what, self._options, value, max_selections=None))
        return self._put(
            check_choice(self._what, self._options, value, clearable=not self.required)
        )

    def select(self, value: Any) -> ButtonGroup:
        """Stage choosing ``value`` (added to the selection in multi mode)."""
        __tracebackhide__ = True
        if not self._multi:
            return self.set_value(value)
        result = super().select(value)
        assert isinstance(result, ButtonGroup)
        return result

    def unselect(self, value: Any) -> ButtonGroup:
        """Stage removing ``value`` from the selection (no change if it is not selected)."""
        __tracebackhide__ = True
        if not self._multi:
            if self._options.format(self.value) == self._options.format(value):
                return self.set_value(None)
            return self
        result = super().unselect(value)
        assert isinstance(result, ButtonGroup)
        return result


class SelectSlider(_Choice):
    """``st.select_slider``: ``set_value(option)`` or ``set_range(low, high)``.
    ``at.select_slider("level").set_value("high").run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def _spec(self) -> SelectSliderSpec:
        spec = self.proto[SPEC]
        assert isinstance(spec, SelectSliderSpec)
        return spec

    @property
    def is_range(self) -> bool:
        """True for a two-thumb slider (its value is a tuple)."""
        return self._spec.is_range

    @property
    def indices(self) -> list[int]:
        """The positions of the selected option(s)."""
        value = self.value
        parts = list(value) if isinstance(value, tuple) else [value]
        return [i for v in parts if (i := self._options.index_of(v)) is not None]

    def set_value(self, value: Any) -> SelectSlider:
        """Stage an offered option (a ``(low, high)`` tuple of options for a range)."""
        __tracebackhide__ = True
        return self._put(check_select_slider(self._what, self._spec, value))

    def set_range(self, lower: Any, upper: Any) -> SelectSlider:
        """Stage both thumbs of a range select slider, sorted into option order as AppTest
        does (on a one-thumb select slider: its default, with a warning, as AppTest ends up)."""
        __tracebackhide__ = True
        if not self._spec.is_range:
            return self._range_on_one_thumb(lower, upper, self._spec.default)
        return self.set_value((lower, upper))


class MenuButton(_Choice):
    """``st.menu_button``: ``at.menu_button("Export").click("CSV").run()``; the app gets the
    option in that run, None in the others."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def value(self) -> Any:
        """The option picked in the last run (or staged), else None."""
        return self._at._staged_value(self.id, self.proto.get(VALUE))

    def set_value(self, value: Any) -> MenuButton:
        """Stage picking ``value`` (an option or its label), as ``click``."""
        __tracebackhide__ = True
        option = check_choice(self._what, self._options, value, clearable=False)
        return self._put(option, trigger=True)

    def click(self, value: Any) -> MenuButton:
        """Stage picking ``value`` from the menu (an option or its label)."""
        __tracebackhide__ = True
        return self.set_value(value)

    def click_index(self, index: int) -> MenuButton:
        """Stage picking the option at ``index``."""
        __tracebackhide__ = True
        raw = self._options.raw
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(raw):
            raise AppTestError(
                f"{self._what} has options 0..{len(raw) - 1}; index {index!r} is not one."
            )
        return self.set_value(raw[index])

    def _describe(self) -> str:
        return f"menu_button {_short(self.label)} {self.options}"


class Pagination(InputWidget):
    """``st.pagination``: ``at.pagination[0].select(3).run()``; pages count from 1."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def num_pages(self) -> int:
        """How many pages there are."""
        return int(self.proto.get("num_pages", 1))

    @property
    def value(self) -> int:
        """The current page (1-based)."""
        return int(super().value)

    def set_value(self, value: Any) -> Pagination:
        """Stage going to page ``value`` (1..``num_pages``)."""
        __tracebackhide__ = True
        if isinstance(value, bool) or not isinstance(value, int):
            raise AppTestError(f"{self._what} takes a page number (int), not {value!r}.")
        if not 1 <= value <= self.num_pages:
            raise AppTestError(
                f"{self._what} has pages 1..{self.num_pages}; page {value} is not one."
            )
        return self._put(value)

    def select(self, page: int) -> Pagination:
        """Stage going to ``page``, as ``set_value``."""
        __tracebackhide__ = True
        return self.set_value(page)

    def _describe(self) -> str:
        return f"pagination page {self.value} of {self.num_pages}"


#: The node class of each widget kind this module defines.
CLASSES: dict[str, type[Widget]] = {
    "radio": Radio,
    "selectbox": Selectbox,
    "multiselect": Multiselect,
    "pills": ButtonGroup,
    "segmented_control": ButtonGroup,
    "select_slider": SelectSlider,
    "menu_button": MenuButton,
    "pagination": Pagination,
}
