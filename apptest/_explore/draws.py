"""Where the explorer's choices come from: Hypothesis's choice sequence.

The explorer draws a few integers per step; it draws them as primitive choices
(``draw_integer``), a few microseconds each, instead of through ``data.draw``, which also
records a printable description of every draw. Strategies made by the value helpers
(``with_default``, ``sampled``, ``mapped_range``, ``either``) are drawn the same way; any
other strategy goes through Hypothesis as usual. Choices shrink as the strategies would:
towards the default, the first option, the first branch.
"""

from __future__ import annotations

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
        ``mapped_range``) as primitive choices, which shrink the same way."""
        cd = self._cd
        if cd is None:
            return self._data.draw(strategy)
        parts = getattr(strategy, DEFAULT_FIRST, None)
        if parts is not None:
            return parts[0] if cd.draw_integer(0, 7) == 0 else self.value(parts[1])
        options = getattr(strategy, SAMPLED, None)
        if options is not None:
            return options[cd.draw_integer(0, len(options) - 1)]
        mapped = getattr(strategy, MAPPED, None)
        if mapped is not None:
            return mapped[2](cd.draw_integer(mapped[0], mapped[1]))
        branches = getattr(strategy, EITHER, None)
        if branches is not None:
            return self.value(branches[cd.draw_integer(0, len(branches) - 1)])
        return cd.draw(strategy)

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


__all__ = ["Draws", "HypothesisDraws"]
