"""Hypothesis strategies for Streamlit apps under apptest.

Example::

    from hypothesis import given, strategies as st
    from apptest import AppTest
    from apptest.strategies import interactions, values_for

    @given(st.data())
    def test_any_volume_renders(data):
        at = AppTest.from_file("app.py").run()
        at.slider("volume").set_value(data.draw(values_for(at.slider("volume")))).run()
        assert not at.exception

    @given(st.data())
    def test_any_interaction(data):
        at = AppTest.from_file("app.py").run()
        step = data.draw(interactions(at))   # prints as at.button(label="Go").click().run()
        step.apply(at)
        assert not at.exception

- :func:`values_for` ``(widget)``: every value a browser user could send the widget (its
  options, numbers within its bounds and step, dates within its limits, text within
  ``max_chars``, files of an accepted type …), shrinking towards its default.
- :func:`interactions` ``(at)``: an enabled widget of the current tree (main, sidebar, open
  dialogs) and a value for it, a click, a form submit or a chat message; a drawn
  :class:`Interaction` stages itself with ``.apply(at)`` and prints as apptest code.
- :func:`durations` for clock steps, :func:`run_every_values` for ``st.fragment(run_every=)``.
- :func:`register_values` teaches them a widget kind they do not know yet.

Importing this module imports Hypothesis (``import apptest`` does not).
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st

from apptest._explore import kinds  # noqa: F401  (importing it registers the built-in kinds)
from apptest._explore.app_spec import regression_code
from apptest._explore.profile import register_profile
from apptest._explore.steps import ClockStep, FullRerun, Interaction, Step
from apptest._explore.values import REGISTRY, Strategy, interactive, register, values_for

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest
    from apptest._api.nodes import Widget

register_profile()


def register_values(
    kind: str, values: Any, *, click: bool = False, verb: str = "set_value"
) -> None:
    """Teach the strategies and the explorer a widget kind: ``values(widget)`` returns a
    strategy of what a user could send it; ``click=True`` for a button (the value is ignored
    and ``click()`` stages it); ``verb`` is the widget method that stages a value.
    ``register_values("rating", lambda w: st.integers(0, 5))``."""
    register(kind, values, trigger=click, verb=verb)


def widgets(at: AppTest) -> list[Widget]:
    """The widgets of ``at``'s current tree a user can act on (enabled, with a strategy),
    in document order: main, sidebar, then dialogs."""
    found: list[Widget] = []
    for root in at._roots():
        for node in root._descendants():
            if node.type in REGISTRY and interactive(node):  # type: ignore[arg-type]
                found.append(node)  # type: ignore[arg-type]
    return found


def interactions(at: AppTest) -> Strategy:
    """An :class:`Interaction` with an enabled widget of ``at``'s current tree: a value, a
    click, a form submit or a chat message (``st.nothing()`` when the app shows no widget).
    Widgets of a kind no strategy knows are left out (see :func:`register_values`)."""
    roots = at._roots()
    found = widgets(at)
    if not found:
        return st.nothing()

    def draw_value(widget: Widget) -> Strategy:
        kind = REGISTRY[widget.type]
        return kind.values(widget).map(lambda value: Interaction(widget, value, kind, roots))

    return st.sampled_from(found).flatmap(draw_value)


def durations(max_seconds: float = 3600) -> Strategy:
    """Clock steps for ``at.clock.advance``: ints, floats (whole milliseconds), timedeltas
    and time strings, shrinking towards 1 second."""
    whole = st.integers(1, int(max_seconds))
    millis = st.integers(1, int(max_seconds * 1000)).map(lambda ms: ms / 1000)
    return st.one_of(
        whole,
        millis,
        whole.map(lambda s: _dt.timedelta(seconds=s)),
        whole.map(lambda s: f"{s}s"),
        st.integers(1, max(1, int(max_seconds // 60))).map(lambda m: f"{m}m"),
    )


def run_every_values() -> Strategy:
    """Values ``st.fragment(run_every=...)`` accepts (section T1-T4): ints, floats,
    timedeltas and pandas-style time strings (``"5s"``, ``"1.5 min"``, ``"1h23s"``,
    ``"00:00:05"``, ``"PT5S"``), all at least one millisecond."""
    seconds = st.integers(1, 3600)
    return st.one_of(
        seconds,
        st.floats(0.001, 3600, allow_nan=False),
        seconds.map(lambda s: _dt.timedelta(seconds=s)),
        seconds.map(lambda s: f"{s}s"),
        seconds.map(lambda s: f"{s} seconds"),
        st.integers(1, 59).map(lambda m: f"{m}m"),
        st.integers(1, 9).map(lambda t: f"{t}.5 min"),
        st.tuples(st.integers(0, 2), st.integers(1, 59)).map(lambda hs: f"{hs[0]}h{hs[1]}s"),
        seconds.map(lambda s: f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"),
        seconds.map(lambda s: f"PT{s}S"),
        st.integers(1, 999).map(lambda ms: f"{ms}ms"),
    )


__all__ = [
    "ClockStep",
    "FullRerun",
    "Interaction",
    "Step",
    "durations",
    "interactions",
    "regression_code",
    "register_values",
    "run_every_values",
    "values_for",
    "widgets",
]
