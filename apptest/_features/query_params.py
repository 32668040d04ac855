"""``st.query_params``: the URL's query string, read and written by the app (Streamlit 1.58).

The session keeps the parameters as Streamlit's ``QueryParams`` does: a dict of ``str`` (one
value) or ``list[str]`` (a repeated key). The app reads the last value of a key as a string
(``st.query_params["k"]``), all values with ``get_all``, and writes strings (any value is
turned into ``str``; an iterable into a list of strings). ``embed`` and ``embed_options`` are
Streamlit's own: hidden from the app and not settable.

The test side is ``at.query_params``, a plain dict: seeded before a run, as the URL the browser
opens, and replaced after every run by what the URL then says (a key with one value is a
``str``, a repeated key a ``list[str]``, a blank value ``""``; as ``AppTest`` does since 1.67;
1.58's ``AppTest`` gave lists).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from typing import Any
from urllib import parse

from apptest import _st_errors as errors
from apptest._run.host import StoreKey
from apptest._run.layout import require_run

EMBED_KEYS = ("embed", "embed_options")


def _missing_key(key: str) -> str:
    return f'st.query_params has no key "{key}".'


def _missing_attr(key: str) -> str:
    return f'st.query_params has no attribute "{key}".'


class QueryParams:
    """The session's query parameters (what the browser's URL holds)."""

    def __init__(self) -> None:
        self.params: dict[str, list[str] | str] = {}

    # -- the browser side --------------------------------------------------------------------
    def load(self, values: Mapping[str, Any]) -> None:
        """Seed from the test's dict, as if the browser opened ``?<urlencoded values>``."""
        if not values:
            self.params = {}  # the usual case, on every run: no encoding round trip
            return
        self.populate(parse.urlencode(dict(values), doseq=True))

    def populate(self, query_string: str) -> None:
        parsed = parse.parse_qs(query_string, keep_blank_values=True)
        self.params = {
            key: "" if not values else values[0] if len(values) == 1 else values
            for key, values in parsed.items()
        }

    @property
    def query_string(self) -> str:
        return parse.urlencode(self.params, doseq=True)

    def for_test(self) -> dict[str, str | list[str]]:
        """What ``at.query_params`` shows after a run: the URL's parameters."""
        if not self.params:
            return {}
        parsed = parse.parse_qs(self.query_string, keep_blank_values=True)
        return {key: v[0] if len(v) == 1 else v for key, v in parsed.items()}

    # -- the app side ----------------------------------------------------------------------
    def visible(self) -> list[str]:
        return [key for key in self.params if key.lower() not in EMBED_KEYS]

    def get_item(self, key: str) -> str:
        if key.lower() in EMBED_KEYS or key not in self.params:
            raise KeyError(_missing_key(key))
        value = self.params[key]
        if isinstance(value, list):
            return value[-1] if value else ""
        return value

    def set_item(self, key: str, value: object) -> None:

        if isinstance(value, dict):
            exc = errors.StreamlitQueryParamDictValueError.__new__(
                errors.StreamlitQueryParamDictValueError
            )
            errors.LocalizableStreamlitException.__init__(
                exc,
                "Query param value for `{key}` cannot be set to a dictionary. Provide a "
                "string or iterable of strings instead.",
                key=key,
            )
            raise exc
        if key.lower() in EMBED_KEYS:
            raise errors.StreamlitAPIException(
                "Query param embed and embed_options (case-insensitive) cannot be set "
                "programmatically."
            )
        if isinstance(value, Iterable) and not isinstance(value, str):
            self.params[key] = [str(item) for item in value]
        else:
            self.params[key] = str(value)

    def del_item(self, key: str) -> None:
        if key.lower() in EMBED_KEYS or key not in self.params:
            raise KeyError(_missing_key(key))
        del self.params[key]

    def get_all(self, key: str) -> list[str]:
        if key not in self.params or key.lower() in EMBED_KEYS:
            return []
        value = self.params[key]
        return list(value) if isinstance(value, list) else [value]

    def clear(self) -> None:
        """Remove every parameter except the embed ones."""
        self.params = {k: v for k, v in self.params.items() if k.lower() in EMBED_KEYS}

    def update(self, pairs: Iterable[tuple[str, Any]]) -> None:
        for key, value in list(pairs):
            self.set_item(key, value)

    def from_dict(self, values: object) -> None:
        """Replace every (non-embed) parameter; on a bad value nothing changes."""
        before = dict(self.params)
        self.clear()
        try:
            self.update(_pairs(values))
        except Exception:
            self.params = before
            raise


#: The session's URL query parameters, in its stores.
QUERY: StoreKey[QueryParams] = StoreKey("query params", QueryParams)


def _pairs(values: Any) -> list[tuple[str, Any]]:
    if hasattr(values, "keys") and hasattr(values, "__getitem__"):
        return [(key, values[key]) for key in list(values.keys())]
    pairs: list[tuple[str, Any]] = []
    for key, value in values:
        pairs.append((key, value))
    return pairs


def _session_params() -> QueryParams:
    return require_run("st.query_params").session.stores[QUERY]


class QueryParamsProxy(MutableMapping[str, str]):
    """``st.query_params``: item and attribute access on the running session's URL."""

    def __iter__(self) -> Iterator[str]:
        return iter(_session_params().visible())

    def __len__(self) -> int:
        return len(_session_params().visible())

    def __str__(self) -> str:
        return str(_session_params().params)

    def __repr__(self) -> str:
        return str(self)

    def __getitem__(self, key: str) -> str:
        return _session_params().get_item(key)

    def __setitem__(self, key: str, value: Any) -> None:
        _session_params().set_item(key, value)

    def __delitem__(self, key: str) -> None:
        _session_params().del_item(key)

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return _session_params().get_item(key)
        except KeyError:
            raise AttributeError(_missing_attr(key)) from None

    def __setattr__(self, key: str, value: Any) -> None:
        _session_params().set_item(key, value)

    def __delattr__(self, key: str) -> None:
        try:
            _session_params().del_item(key)
        except KeyError:
            raise AttributeError(_missing_key(key)) from None

    def update(self, params: Any = (), /, **kwds: Any) -> None:
        """Set several parameters at once (a mapping, pairs, or keywords)."""
        state = _session_params()
        state.update([*_pairs(params), *kwds.items()])

    def get_all(self, key: str) -> list[str]:
        """Every value of a repeated key (an empty list if the key is not set)."""
        return _session_params().get_all(key)

    def clear(self) -> None:
        _session_params().clear()

    def to_dict(self) -> dict[str, str]:
        """The parameters as a dict; a repeated key gives its last value."""
        state = _session_params()
        return {key: state.get_item(key) for key in state.visible()}

    def from_dict(self, params: Any) -> None:
        """Replace all parameters with ``params`` (a mapping or pairs)."""
        _session_params().from_dict(params)


__all__ = ["QUERY", "QueryParams", "QueryParamsProxy"]
