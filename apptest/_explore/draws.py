"""Where the explorer's choices come from: Hypothesis's choice sequence.

The explorer draws a few integers per step; it draws them as primitive choices
(``draw_integer``) instead of through ``data.draw``, which also records a printable
description of every draw. Strategies made by the value helpers (``with_default``,
``sampled``, ``mapped_range``, ``either``) are drawn the same way; any other strategy goes
through Hypothesis as usual. Choices shrink as the strategies would: towards the default, the
first option, the first branch.

Each choice costs Hypothesis far more than the draw itself (it is recorded, replayed while
mutating and shrinking, and walked in its tree of tried examples), so a value takes as few
choices as shrinking allows: ``with_default(d, sampled(options))`` is one choice whose first
value is ``d``, not a "default or not" choice followed by an option.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from hypothesis import strategies as st

from apptest._explore.values import DEFAULT_FIRST, EITHER, MAPPED, SAMPLED, Strategy


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
        """A value of ``strategy``; the helpers' strategies (``with_default``, ``sampled``,
        ``mapped_range``, ``either``) as primitive choices, which shrink the same way."""
        cd = self._cd
        if cd is None:
            return self._data.draw(strategy)
        plan = _plan(strategy)
        if plan is None:
            return cd.draw(strategy)
        low, high, pick = plan
        return pick(int(cd.draw_integer(low, high)), self)

    def more(self, steps_run: int, max_steps: int) -> bool:
        """Whether to take another step: a choice of its own, so that shrinking can drop
        steps anywhere in the sequence (as Hypothesis's stateful testing does). (Reading the
        sequence's length from Hypothesis instead saves the choice, but how Hypothesis calls
        the test then decides the answer, not the choices: its replays came out flaky.)"""
        if steps_run >= max_steps:
            return False
        if self._cd is not None and hasattr(self._cd, "draw_boolean"):
            return not self._cd.draw_boolean(p=2**-8, forced=False if steps_run < 1 else None)
        return steps_run < 1 or bool(self._data.draw(_GO))

    def start_step(self) -> None:
        """Mark the start of one step's choices (the shrinker deletes and copies whole steps)."""
        if self._cd is not None and hasattr(self._cd, "start_span"):
            self._cd.start_span(_STEP_LABEL)

    def stop_step(self) -> None:
        if self._cd is not None and hasattr(self._cd, "stop_span"):
            self._cd.stop_span()


#: How a helper strategy is drawn: its first choice is an integer in ``low..high``, and
#: ``pick(k, draws)`` is the value for ``k`` (drawing the rest of the value, if any).
Plan = tuple[int, int, Callable[[int, HypothesisDraws], Any]]
#: Where a strategy keeps its plan, made on its first draw (the driver keeps a widget's
#: strategy for as long as the widget's properties do not change).
_PLAN = "_apptest_plan"


def _plan(strategy: Strategy) -> Plan | None:
    try:
        return getattr(strategy, _PLAN)  # type: ignore[no-any-return]
    except AttributeError:
        pass
    plan = _make_plan(strategy)
    setattr(strategy, _PLAN, plan)
    return plan


def _make_plan(strategy: Strategy) -> Plan | None:
    """The plan of a helper strategy; None for any other strategy.

    ``with_default(d, inner)`` is the first choice of ``inner`` with one more value, put
    first, for ``d``: it shrinks to ``d``, then to what ``inner`` shrinks to, as the two
    choices it replaces did. That holds when ``inner``'s first choice shrinks to its lowest
    value (options, branches, a range from 0 up); otherwise ``d`` is the 0 of a choice in
    0..7 and any other value draws ``inner``."""
    options = getattr(strategy, SAMPLED, None)
    if options is not None:
        return 0, len(options) - 1, lambda k, draws: options[k]
    mapped = getattr(strategy, MAPPED, None)
    if mapped is not None:
        func = mapped[2]
        return mapped[0], mapped[1], lambda k, draws: func(k)
    branches = getattr(strategy, EITHER, None)
    if branches is not None:
        return 0, len(branches) - 1, lambda k, draws: draws.value(branches[k])
    parts = getattr(strategy, DEFAULT_FIRST, None)
    if parts is None:
        return None
    default, values = parts
    inner = _plan(values)
    if inner is None or inner[0] < 0:  # Hypothesis shrinks the integers to 0, not to low
        return 0, 7, lambda k, draws: default if k == 0 else draws.value(values)
    low, high, pick = inner
    return 0, high - low + 1, lambda k, draws: default if k == 0 else pick(k - 1 + low, draws)


_GO = st.integers(0, 255).map(lambda n: n != 0)
_STEP_LABEL = 0x61707074657374  # "apptest": marks one step's choices for the shrinker


__all__ = ["Draws", "HypothesisDraws"]
