"""One explorer step (a widget interaction, a clock step, a full rerun) and its apptest code.

Every step applies itself to an AppTest and prints as the line a test would write, e.g.
``at.button(label="Go").click().run()`` or ``at.clock.advance(3)``, so a failing sequence
reads (and pastes) as a regression test. A value for a widget inside a form is only staged
(no ``.run()``): the browser sends it with the form's submit click.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from apptest._api.query import _ACCESSORS
from apptest._explore.values import WidgetKind, py

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest
    from apptest._api.nodes import Widget
    from apptest._api.query import Block


def locator(widget: Widget, roots: tuple[Block, ...]) -> str:
    """The expression that finds ``widget`` in the tree ``roots``: by key, by label when it
    is unique, else by index (``at.button("go")``, ``at.button(label="Go")``, ``at.button[2]``)."""
    kind = widget.type
    same = [node for root in roots for node in root._of_kind(kind)]
    if kind not in _ACCESSORS:
        return f"at.get({py(kind)})[{_index(widget, same)}]"
    key = widget.key
    if key is not None and not key.startswith("FormSubmitter:"):
        if sum(1 for node in same if node.key == key) == 1:
            return f"at.{kind}({py(key)})"
    label = widget.label
    if label and sum(1 for node in same if node.label == label) == 1:
        return f"at.{kind}(label={py(label)})"
    return f"at.{kind}[{_index(widget, same)}]"


def _index(widget: Widget, same: list[Any]) -> int:
    return next(i for i, node in enumerate(same) if node is widget)


class Step:
    """A step of an explored sequence."""

    __slots__ = ()

    def apply(self, at: AppTest) -> None:
        raise NotImplementedError

    def code(self) -> str:
        """The step as apptest code."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return self.code()


@dataclass(repr=False)
class Interaction(Step):
    """A value (or a click) for one widget of the tree ``roots``, then a run unless the widget
    waits for its form's submit button."""

    widget: Widget
    value: Any
    kind: WidgetKind
    roots: tuple[Block, ...]
    #: The value the staging verb stored (after its checks), what the app should get.
    sent: Any = field(default=None, init=False)

    @property
    def runs(self) -> bool:
        """False for a widget inside a form (its value waits for the submit click)."""
        return self.kind.trigger or not self.widget.proto.get("form_id")

    def apply(self, at: AppTest) -> None:
        self.kind.stage(self.widget, self.value)
        staged = at._staged.get(self.widget.id)
        self.sent = staged.value if staged is not None else self.value
        if self.runs:
            at.run()

    def code(self) -> str:
        call = self.kind.call_code(self.value)
        suffix = ".run()" if self.runs else ""
        return f"{locator(self.widget, self.roots)}{call}{suffix}"


@dataclass(repr=False)
class ClockStep(Step):
    """``at.clock.advance(seconds)``: fires the run_every ticks due by then."""

    seconds: int | float

    def apply(self, at: AppTest) -> None:
        at.clock.advance(self.seconds)

    def code(self) -> str:
        return f"at.clock.advance({self.seconds!r})"


@dataclass(repr=False)
class FullRerun(Step):
    """``at.run()`` with nothing staged: a full run, as pressing "R" in the browser."""

    def apply(self, at: AppTest) -> None:
        at.run()

    def code(self) -> str:
        return "at.run()"


def seconds_of(ns: int) -> int | float:
    """Nanoseconds as the number a test would write: an int when whole seconds."""
    whole, rest = divmod(ns, 1_000_000_000)
    return whole if not rest else ns / 1e9


__all__ = ["ClockStep", "FullRerun", "Interaction", "Step", "locator", "py", "seconds_of"]
