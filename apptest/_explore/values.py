"""What a browser user can send to each widget kind, as Hypothesis strategies.

A registry keyed by the node's ``type`` (``"slider"``, ``"selectbox"`` …): each entry says
which values the widget can take (a strategy built from the widget's own bounds, options and
limits, shrinking towards its default) and how a value is staged and printed as apptest code
(``.click()``, ``.set_value(3)``, ``.check()``). Kinds live in ``kinds.py``; a new widget kind
is added with :func:`register`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from apptest._api.nodes import Node, Widget
from apptest._errors import AppTestError

Strategy = st.SearchStrategy[Any]
ValuesFor = Callable[[Any], Strategy]

#: Types whose ``repr`` is Python code that gives the same value back.
_LITERALS = (str, int, float, bool, type(None))


def py(value: Any) -> str:
    """``repr(value)`` as code, a string in double quotes when that needs no escaping (the
    style ``ruff format`` writes): ``py("Go") == '"Go"'``."""
    if isinstance(value, str) and value.isprintable() and '"' not in value and "\\" not in value:
        return f'"{value}"'
    return repr(real(value))


def real(value: Any) -> Any:
    """``value`` with the app's frozen-time dates and datetimes (freezegun's ``FakeDate``,
    made while the app ran) as real ``datetime`` objects, which print as code."""
    if isinstance(value, (list, tuple)):
        return type(value)(real(v) for v in value)
    if isinstance(value, dt.datetime) and type(value) is not dt.datetime:
        return dt.datetime(*value.timetuple()[:6], value.microsecond, value.tzinfo)
    if isinstance(value, dt.date) and type(value) not in (dt.date, dt.datetime):
        return dt.date(value.year, value.month, value.day)
    return value


def literal(value: Any) -> bool:
    """True when ``repr(value)`` is code that evaluates to an equal value."""
    if isinstance(value, (tuple, list)):
        return all(literal(v) for v in value)
    return type(value) in _LITERALS or isinstance(value, (dt.date, dt.time, dt.timedelta))


@dataclass(frozen=True)
class WidgetKind:
    """How the explorer drives one widget kind.

    ``values(widget)``: the strategy of values it can take. ``trigger``: a click (the value
    is ignored; ``click()`` stages it). ``verb``: the method that stages a value.
    ``code(value)``: the verb call as apptest code, e.g. ``.set_value(3)``; by default
    ``.{verb}({value!r})``.
    """

    values: ValuesFor
    trigger: bool = False
    verb: str = "set_value"
    code: Callable[[Any], str] | None = None

    def stage(self, widget: Any, value: Any) -> None:
        """Stage ``value`` on ``widget`` through its public verb (values are checked there)."""
        if self.trigger:
            widget.click()
        else:
            getattr(widget, self.verb)(value)

    def call_code(self, value: Any) -> str:
        """The staging call as code: ``.click()``, ``.set_value(3)`` …"""
        if self.trigger:
            return ".click()"
        if self.code is not None:
            return self.code(value)
        return f".{self.verb}({py(value)})"


REGISTRY: dict[str, WidgetKind] = {}


def register(
    kind: str,
    values: ValuesFor,
    *,
    trigger: bool = False,
    verb: str = "set_value",
    code: Callable[[Any], str] | None = None,
) -> None:
    """Teach the strategies (and the explorer) a widget kind: ``values(widget)`` returns the
    strategy of values a browser user could send it. A later registration replaces one."""
    REGISTRY[kind] = WidgetKind(values, trigger, verb, code)


def kind_of(node: Node) -> WidgetKind:
    """The registry entry for ``node``'s type; a clear error when there is none."""
    entry = REGISTRY.get(node.type)
    if entry is not None:
        return entry
    if not isinstance(node, Widget):
        raise AppTestError(
            f"values_for() takes an input widget; {node!r} is a {node.type!r} element, which "
            "takes no values."
        )
    raise AppTestError(
        f"No value strategy for the widget kind {node.type!r} ({node!r}): apptest.strategies "
        f"knows {', '.join(sorted(REGISTRY))}. Teach it this kind with "
        f"apptest.strategies.register_values({node.type!r}, lambda widget: <a strategy>)."
    )


def values_for(widget: Node) -> Strategy:
    """Every value ``widget`` can be sent, shrinking towards its default."""
    return kind_of(widget).values(widget)


def with_default(default: Any, values: Strategy, *, usable: bool = True) -> Strategy:
    """``values``, trying ``default`` first (Hypothesis shrinks to the first branch)."""
    if not usable:
        return values
    strategy = st.one_of(st.just(default), values)
    return _mark(strategy, DEFAULT_FIRST, (default, values))


def sampled(options: Sequence[Any]) -> Strategy:
    """``st.sampled_from(options)`` (shrinking to the first), which the explorer draws as
    one index."""
    return _mark(st.sampled_from(options), SAMPLED, tuple(options))


def mapped_range(low: int, high: int, func: Callable[[int], Any]) -> Strategy:
    """``st.integers(low, high).map(func)``, which the explorer draws as one integer."""
    return _mark(st.integers(low, high).map(func), MAPPED, (low, high, func))


def either(*strategies: Strategy) -> Strategy:
    """``st.one_of(*strategies)`` (shrinking to the first), drawn by the explorer as a branch
    index, then that branch."""
    return _mark(st.one_of(*strategies), EITHER, strategies)


#: Attributes the helpers above leave on their strategies: how to draw them with primitive
#: choices (a few microseconds) instead of ``data.draw`` (tens of microseconds).
DEFAULT_FIRST, SAMPLED, MAPPED = "_apptest_default_first", "_apptest_sampled", "_apptest_mapped"
EITHER = "_apptest_either"


def _mark(strategy: Strategy, name: str, parts: Any) -> Strategy:
    setattr(strategy, name, parts)
    return strategy


def interactive(widget: Widget) -> bool:
    """False for widgets a user cannot act on: disabled, or clicks that never rerun the app
    (a download or link button with ``on_click="ignore"``)."""
    proto = widget.proto
    return not proto.get("disabled") and not proto.get("ignore_rerun")


__all__ = [
    "DEFAULT_FIRST",
    "EITHER",
    "MAPPED",
    "REGISTRY",
    "SAMPLED",
    "Strategy",
    "WidgetKind",
    "either",
    "interactive",
    "kind_of",
    "literal",
    "py",
    "real",
    "mapped_range",
    "register",
    "sampled",
    "values_for",
    "with_default",
]
