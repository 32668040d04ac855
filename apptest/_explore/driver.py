"""The explorer's engine: draw a step from the current tree, apply it, check the invariants.

Used by ``explore()`` (a fast loop over Hypothesis choices) and by ``AppMachine`` (whose rules
call it). Per step it costs a few dictionary lookups beyond the run itself: the list of
widgets is kept per frozen block (a fragment run re-lists only the blocks on its path), value
strategies are kept per widget node, and draws go straight to Hypothesis's choice sequence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from hypothesis import strategies as st

from apptest._api.nodes import Widget
from apptest._api.query import Block
from apptest._explore.checks import Checks
from apptest._explore.kinds import register_builtin_kinds
from apptest._explore.steps import ClockStep, FullRerun, Interaction, Step, seconds_of
from apptest._explore.values import REGISTRY, Strategy, interactive

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest

register_builtin_kinds()

#: Step choice: 0..INTERACT interact, then a clock step, then a full rerun (shrinks to 0).
INTERACT, CLOCK, RERUN = 11, 13, 14
#: Clock steps other than "to the next tick", in seconds (shrinking towards the first).
CLOCK_STEPS: tuple[int | float, ...] = (1, 0.5, 2, 10, 60)


class Draws(Protocol):
    """Where the explorer's choices come from (Hypothesis, in the end)."""

    def integer(self, low: int, high: int) -> int: ...

    def value(self, strategy: Strategy) -> Any: ...


class HypothesisDraws:
    """Draws from a Hypothesis ``st.data()`` object, through its choice sequence when the
    installed Hypothesis has one (no per-draw printing), else through ``data.draw``."""

    __slots__ = ("_cd", "_data")

    def __init__(self, data: Any) -> None:
        self._data = data
        cd = getattr(data, "conjecture_data", None)
        self._cd = cd if hasattr(cd, "draw_integer") else None

    def integer(self, low: int, high: int) -> int:
        if self._cd is not None:
            return int(self._cd.draw_integer(low, high))
        return int(self._data.draw(st.integers(low, high)))

    def value(self, strategy: Strategy) -> Any:
        if self._cd is not None:
            return self._cd.draw(strategy)
        return self._data.draw(strategy)

    def more(self, steps_run: int, max_steps: int) -> bool:
        """Whether to take another step: a choice of its own, so that shrinking can drop
        steps anywhere in the sequence (as Hypothesis's stateful testing does)."""
        if steps_run >= max_steps:
            return False
        if self._cd is not None and hasattr(self._cd, "draw_boolean"):
            return not self._cd.draw_boolean(p=2**-8, forced=False if steps_run < 1 else None)
        return steps_run < 1 or bool(self._data.draw(_GO))

    def start_step(self) -> None:
        if self._cd is not None and hasattr(self._cd, "start_span"):
            self._cd.start_span(_STEP_LABEL)

    def stop_step(self) -> None:
        if self._cd is not None and hasattr(self._cd, "stop_span"):
            self._cd.stop_span()


_GO = st.integers(0, 255).map(lambda n: n != 0)
_STEP_LABEL = 0x61707074657374  # "apptest": marks one step's choices for the shrinker


class Driver:
    """Drives one AppTest: draws steps from its current tree, applies them, checks them."""

    def __init__(self, at: AppTest, checks: Checks) -> None:
        self.at = at
        self.checks = checks
        self.steps: list[Step] = []
        self.interactions = 0
        self._roots: tuple[Block, ...] | None = None
        self._widgets: tuple[Widget, ...] = ()
        self._below: dict[int, tuple[Block, tuple[Widget, ...]]] = {}
        self._strategies: dict[int, tuple[Widget, Strategy]] = {}
        #: Widget kinds found in the app that have no value strategy (they are left alone).
        self.unknown_kinds: set[str] = set()
        #: What the last step raised (an InvariantError, or the harness's error), if any.
        self.error: Exception | None = None

    # -- what can be done ------------------------------------------------------------------
    def widgets(self) -> tuple[Widget, ...]:
        """The enabled widgets of the current tree (main, sidebar, dialogs), in order."""
        roots = self.at._roots()
        if roots is not self._roots:
            below = self._below
            if len(below) > 4096:
                below.clear()
            self._widgets = tuple(w for root in roots for w in self._widgets_below(root))
            self._roots = roots
        return self._widgets

    def _widgets_below(self, block: Block) -> tuple[Widget, ...]:
        hit = self._below.get(id(block))
        if hit is not None and hit[0] is block:
            return hit[1]
        found: list[Widget] = []
        for child in block.children:
            if isinstance(child, Block):
                found.extend(self._widgets_below(child))
            elif isinstance(child, Widget) and interactive(child):
                if child.type in REGISTRY:
                    found.append(child)
                else:
                    self.unknown_kinds.add(child.type)
        result = tuple(found)
        self._below[id(block)] = (block, result)
        return result

    def strategy(self, widget: Widget) -> Strategy:
        """``values_for(widget)``, built once per frozen widget node."""
        hit = self._strategies.get(id(widget))
        if hit is not None and hit[0] is widget:
            return hit[1]
        if len(self._strategies) > 4096:
            self._strategies.clear()
        strategy = REGISTRY[widget.type].values(widget)
        self._strategies[id(widget)] = (widget, strategy)
        return strategy

    # -- drawing steps ---------------------------------------------------------------------
    def draw_step(self, draws: Draws) -> Step:
        """A step: mostly interactions, sometimes a clock step or a full rerun."""
        choice = draws.integer(0, RERUN)
        if choice <= INTERACT:
            interaction = self.draw_interaction(draws)
            if interaction is not None:
                return interaction
            choice = CLOCK
        if choice <= CLOCK:
            return self.draw_clock(draws)
        return FullRerun()

    def draw_interaction(self, draws: Draws) -> Interaction | None:
        """An enabled widget and a value for it (None when the app shows no widget)."""
        widgets = self.widgets()
        if not widgets:
            return None
        widget = widgets[draws.integer(0, len(widgets) - 1)] if len(widgets) > 1 else widgets[0]
        value = draws.value(self.strategy(widget))
        return Interaction(widget, value, REGISTRY[widget.type], self._roots or ())

    def draw_clock(self, draws: Draws) -> ClockStep:
        """Time to the next ``run_every`` tick (the first choice), or a fixed step."""
        choice = draws.integer(0, len(CLOCK_STEPS))
        if choice == 0:
            due = self.next_due_ns()
            if due is not None:
                return ClockStep(seconds_of(due))
            choice = 1
        return ClockStep(CLOCK_STEPS[choice - 1])

    def next_due_ns(self) -> int | None:
        """Nanoseconds from now to the soonest armed timer's tick (None: no timer)."""
        timers = self.at._browser.timers._timers
        if not timers:
            return None
        now = self.at._browser.session.clock.now_ns
        return max(1_000_000, min(t.due for t in timers.values()) - now)

    # -- doing them ------------------------------------------------------------------------
    def perform(self, step: Step) -> None:
        """Apply ``step`` and check every invariant (raises InvariantError)."""
        at = self.at
        roots = at._roots()
        runs = len(at._session.runs)
        self.steps.append(step)
        self.interactions += 1
        try:
            step.apply(at)
            self.checks.after(at, step, roots, runs)
        except Exception as exc:
            self.error = exc
            raise

    def step(self, draws: Draws) -> Step:
        """Draw one step and perform it."""
        step = self.draw_step(draws)
        self.perform(step)
        return step


__all__ = ["CLOCK_STEPS", "Draws", "Driver", "HypothesisDraws"]
