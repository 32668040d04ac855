"""What the browser sends besides widget values, as a test sets it: ``at.context``, ``at.user``.

The test's settings are checked here (a wrong type says what is accepted) and copied for each
run; the app reads them through ``st.context`` and ``st.user`` (``apptest._features.context``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from apptest._errors import AppTestError

#: The identity ``st.user`` shows by default (Streamlit's AppTest default).
DEFAULT_USER: dict[str, Any] = {"email": "test@example.com"}

_TYPES: dict[str, tuple[type, ...]] = {
    "timezone": (str,),
    "timezone_offset": (int,),
    "locale": (str,),
    "url": (str,),
    "ip_address": (str,),
    "is_embedded": (bool,),
    "theme": (str,),
    "headers": (Mapping, list, tuple),
    "cookies": (Mapping,),
}
CONTEXT_KEYS = tuple(sorted(_TYPES))


def _check(key: str, value: Any) -> None:
    if key not in _TYPES:
        known = ", ".join(repr(k) for k in CONTEXT_KEYS)
        raise AppTestError(f"at.context does not support {key!r}. Supported keys: {known}.")
    if value is None:
        return
    wanted = _TYPES[key]
    if not isinstance(value, wanted) or (key == "timezone_offset" and isinstance(value, bool)):
        names = " or ".join(t.__name__ for t in wanted)
        raise AppTestError(
            f"at.context[{key!r}] must be {names}, not {type(value).__name__} {value!r}."
        )
    if key == "theme" and value not in ("light", "dark"):
        raise AppTestError(f"at.context['theme'] must be 'light' or 'dark', not {value!r}.")
    if key == "headers" and isinstance(value, (list, tuple)):
        for pair in value:
            if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
                raise AppTestError(
                    "at.context['headers'] takes a mapping or (name, value) pairs; got the "
                    f"item {pair!r}."
                )


class ContextSettings(dict[str, Any]):
    """``at.context``: what the browser sends as ``st.context``; item or attribute access."""

    def __init__(self, values: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        for key, value in (values or {}).items():
            self[key] = value

    def __setitem__(self, key: str, value: Any) -> None:
        _check(key, value)
        super().__setitem__(key, value)

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        if key not in _TYPES:
            known = ", ".join(CONTEXT_KEYS)
            raise AttributeError(f"at.context has no setting {key!r}. Settings: {known}.")
        return self.get(key)

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def validated(self) -> dict[str, Any]:
        """A checked copy for one run (``dict.update`` may have skipped the checks)."""
        if not self:
            return {}  # the usual case, on every run
        for key, value in self.items():
            _check(key, value)
        return _copy(dict(self))


_ATOMIC = frozenset({str, int, float, bool, type(None)})


def _copy(values: dict[str, Any]) -> dict[str, Any]:
    """A deep copy; ``values`` itself when every value is atomic (runs do this every time)."""
    if _ATOMIC.issuperset(map(type, values.values())):
        return values
    return copy.deepcopy(values)


def check_user(user: object) -> dict[str, Any]:
    """The copy of ``at.user`` one run reads."""
    if type(user) is not dict and not isinstance(user, Mapping):
        raise AppTestError(
            f"at.user must be a dict such as {{'is_logged_in': True, 'name': 'Ann'}}, not "
            f"{type(user).__name__} {user!r}."
        )
    return _copy(dict(user))


__all__ = ["CONTEXT_KEYS", "DEFAULT_USER", "ContextSettings", "check_user"]
