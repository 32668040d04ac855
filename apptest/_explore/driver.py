"""The explorer's engine: draw a step from the current tree, apply it, check the invariants.

Used by ``explore()`` (a fast loop over Hypothesis choices) and by ``AppMachine`` (whose rules
call it). Per step it costs a few dictionary lookups beyond the run itself: the list of
widgets is kept per frozen block (a fragment run re-lists only the blocks on its path), value
strategies are kept per widget and set of properties, and draws go straight to Hypothesis's
choice sequence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from apptest._api.nodes import Widget
from apptest._api.query import Block
from apptest._explore import kinds  # noqa: F401  (importing it registers the built-in kinds)
from apptest._explore.checks import Checks
from apptest._explore.draws import Draws
from apptest._explore.steps import ClockStep, FullRerun, Interaction, Step, seconds_of
from apptest._explore.values import REGISTRY, Strategy, WidgetKind, interactive
from apptest._props import VALUE

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest


#: Step choice: ``PER_WIDGET`` slots per widget, then ``CLOCK_SHARE`` for a clock step, then
#: one for a full rerun (an app without widgets gets clock steps and reruns only).
PER_WIDGET, CLOCK_SHARE = 8, 2
#: Clock steps other than "to the next tick", in seconds (shrinking towards the first).
CLOCK_STEPS: tuple[int | float, ...] = (1, 0.5, 2, 10, 60)


def _same_props(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Equal properties, the value aside (compared whole first: most widgets a run did not
    touch send the same value again)."""
    try:
        if old == new:
            return True
        if old.keys() != new.keys():
            return False
        return all(old[key] == value for key, value in new.items() if key != VALUE)
    except Exception:  # a property whose == is not a bool (a DataFrame): build anew
        return False


class Strategies:
    """Value strategies by widget properties, shared by every driver (``SHARED``).

    Each explored sequence starts a new AppTest whose widgets show the same properties as
    the last sequence's did, so their strategies are found here instead of built (and
    validated by Hypothesis) anew. Found only for equal properties, the value included, and
    the same registered kind: the strategy is then the one ``values_for`` builds from this
    widget (some kinds draw around the current value).
    """

    def __init__(self) -> None:
        self._by_props: dict[tuple[str, str], tuple[Mapping[str, Any], WidgetKind, Strategy]] = {}

    def get(self, widget: Widget) -> Strategy:
        proto = widget.proto
        key = (widget.type, widget.id)
        kind = REGISTRY[widget.type]
        known = self._by_props.get(key)
        if known is not None and known[1] is kind and _equal(known[0], proto):
            return known[2]
        if len(self._by_props) > 4096:
            self._by_props.clear()
        strategy = kind.values(widget)
        self._by_props[key] = (proto, kind, strategy)
        return strategy


def _equal(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    try:
        return bool(old == new)
    except Exception:  # a property whose == is not a bool (a DataFrame): build anew
        return False


#: The strategies every driver shares (an exploration makes one driver per sequence).
SHARED = Strategies()


class Driver:
    """Drives one AppTest: draws steps from its current tree, applies them, checks them."""

    def __init__(self, at: AppTest, checks: Checks, strategies: Strategies = SHARED) -> None:
        self.at = at
        self.checks = checks
        self._shared = strategies
        self.steps: list[Step] = []
        self.interactions = 0
        self._roots: tuple[Block, ...] | None = None
        self._widgets: tuple[Widget, ...] = ()
        self._below: dict[int, tuple[Block, tuple[Widget, ...]]] = {}
        self._strategies: dict[int, tuple[Widget, Strategy]] = {}
        self._by_props: dict[tuple[str, str], tuple[Mapping[str, Any], Strategy]] = {}
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
        """``block``'s widgets: a block is frozen once and shared by later snapshots until a
        run changes something below it, so only the blocks on the paths a run changed are
        walked again."""
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
        """``values_for(widget)``, built once per widget and set of properties: a full run
        re-freezes every widget node, but a widget whose properties (its value aside) did
        not change keeps its strategy, already validated by Hypothesis."""
        hit = self._strategies.get(id(widget))
        if hit is not None and hit[0] is widget:
            return hit[1]
        if len(self._strategies) > 4096:
            self._strategies.clear()
            self._by_props.clear()
        proto = widget.proto
        key = (widget.type, widget.id)
        known = self._by_props.get(key)
        strategy = known[1] if known is not None and _same_props(known[0], proto) else None
        if strategy is None:
            strategy = self._shared.get(widget)
        self._by_props[key] = (proto, strategy)
        self._strategies[id(widget)] = (widget, strategy)
        return strategy

    # -- drawing steps ---------------------------------------------------------------------
    def draw_step(self, draws: Draws) -> Step:
        """A step: mostly interactions, sometimes a clock step or a full rerun.

        One choice picks both the kind of step and the widget: ``PER_WIDGET`` values per
        widget (in document order, so a failure shrinks towards the first widgets), then
        ``CLOCK_SHARE`` for clock steps and one for a full rerun."""
        widgets = self.widgets()
        slots = PER_WIDGET * len(widgets)
        choice = draws.integer(0, slots + CLOCK_SHARE)
        if choice < slots:
            return self._interaction(widgets[choice // PER_WIDGET], draws)
        if choice < slots + CLOCK_SHARE:
            return self.draw_clock(draws)
        return FullRerun()

    def draw_interaction(self, draws: Draws) -> Interaction | None:
        """An enabled widget and a value for it (None when the app shows no widget)."""
        widgets = self.widgets()
        if not widgets:
            return None
        widget = widgets[draws.integer(0, len(widgets) - 1)] if len(widgets) > 1 else widgets[0]
        return self._interaction(widget, draws)

    def _interaction(self, widget: Widget, draws: Draws) -> Interaction:
        kind = REGISTRY[widget.type]
        value = True if kind.trigger else draws.value(self.strategy(widget))
        return Interaction(widget, value, kind, self._roots or ())

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


__all__ = ["CLOCK_STEPS", "Driver", "Strategies"]
