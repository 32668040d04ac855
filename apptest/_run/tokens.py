"""Value tokens: hashable stand-ins for call arguments, for memos of pure computations.

Apps call the same widgets with the same arguments run after run, so what those arguments
resolve to (a widget's id, a slider's spec) is worth remembering. A token stands for a value
such that equal tokens mean equal ``repr``s (and, for these types, equal values of the same
type): ``1``, ``1.0`` and ``True`` get different tokens, as do ``0.0`` and ``-0.0``, ``(1,)`` and
``[1]``. Values of other types have no token (``NO_TOKEN``): nothing is remembered for them.
"""

from __future__ import annotations

import datetime as _dt
import math
from typing import Any, Generic, TypeVar

V = TypeVar("V")

#: Types whose equal values are equal in every respect that matters here.
PLAIN = frozenset({str, int, bool, type(None)})
#: Types whose equal values have equal reprs when naive and not folded (see ``token``).
_EXACT = frozenset({_dt.date, _dt.timedelta, _dt.time, _dt.datetime})
#: freezegun's date and datetime: what ``datetime.date(...)`` makes inside a run (the virtual
#: clock). Known by name (freezegun is imported only when a run first needs it); a token
#: holds the type, so a fake never shares one with a real date.
_FAKES = (("freezegun.api", "FakeDate"), ("freezegun.api", "FakeDatetime"))
#: What ``token`` returns for a value it cannot stand for.
NO_TOKEN: Any = object()


def token(value: Any) -> Any:
    """A hashable stand-in for ``value`` (equal tokens: equal reprs), or ``NO_TOKEN``."""
    kind = type(value)
    if kind in PLAIN:
        return (kind, value)
    if kind is float:
        # 0.0 == -0.0 but their reprs differ; NaN equals nothing, so it is never remembered
        return (float, value, math.copysign(1.0, value)) if value == value else NO_TOKEN
    if kind is tuple or kind is list:
        types = tuple(map(type, value))
        if PLAIN.issuperset(types):  # options and defaults: strings, numbers (no call each)
            return (kind, tuple(value), types)
        tokens = tuple(map(token, value))
        return NO_TOKEN if NO_TOKEN in tokens else (kind, tokens)
    if kind in _EXACT or (kind.__module__, kind.__qualname__) in _FAKES:
        # equal aware times (another zone) or a fold of 1 would repr differently
        if getattr(value, "tzinfo", None) is None and not getattr(value, "fold", 0):
            return (kind, value)
    return NO_TOKEN


def tokens(values: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The tokens of ``values``, or None when one of them has none."""
    found = tuple(map(token, values))
    return None if NO_TOKEN in found else found


class Memo(dict[tuple[Any, ...], V], Generic[V]):
    """A bounded memo: emptied when full (apps use a handful of distinct calls)."""

    def __init__(self, limit: int = 50_000) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: tuple[Any, ...], value: V) -> None:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value


__all__ = ["NO_TOKEN", "PLAIN", "Memo", "token", "tokens"]
