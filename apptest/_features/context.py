"""``st.context`` and ``st.user``: what the browser and the identity provider tell the app.

The test gives them on the AppTest, before a run (both are read at run time):

- ``at.context``: a dict that also takes attribute access, for example
  ``at.context.headers = {"User-Agent": "pytest"}`` or ``at.context["timezone"] = "UTC"``.
  Keys: ``headers`` (a mapping, or ``(name, value)`` pairs for repeated headers),
  ``cookies``, ``timezone``, ``timezone_offset`` (minutes, as the browser reports),
  ``locale``, ``url``, ``ip_address``, ``is_embedded``, ``theme`` (``"light"``/``"dark"``).
  The keys of ``AppTest.context`` (Streamlit 1.67) mean the same here; ``headers``,
  ``cookies`` and ``ip_address`` are apptest's additions. An unset key reads as Streamlit
  reads a value the browser did not send: ``None``, or empty headers and cookies.
- ``at.user``: a dict, ``{"email": "test@example.com"}`` by default as in ``AppTest``. To test
  a logged-in user set ``"is_logged_in": True`` and the claims the app reads.

The app reads them as in Streamlit 1.58 (``runtime/context.py``, ``user_info.py``): header
names are case-insensitive and ``headers.get_all`` returns every value of a repeated header;
``st.context.url`` carries the current page's URL path; ``ip_address`` is ``None`` for
localhost; ``st.user`` is read-only, with ``is_logged_in`` added as ``False`` when the
secrets have an ``[auth]`` section and the dict does not say.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, NoReturn

from apptest._features.apis import apis_of
from apptest._features.query_params import QUERY
from apptest._features.secrets import SECRETS
from apptest._run.layout import current_run
from apptest._st_errors import StreamlitAPIException


def _normalize_header(name: str) -> str:
    return "-".join(word.capitalize() for word in name.split("-"))


class StreamlitHeaders(Mapping[str, str]):
    """``st.context.headers``: case-insensitive; the first value of a repeated header."""

    def __init__(self, headers: Iterable[tuple[str, str]]) -> None:
        grouped: dict[str, list[str]] = {}
        for key, value in headers:
            grouped.setdefault(_normalize_header(key), []).append(value)
        self._headers = grouped

    def get_all(self, key: str) -> list[str]:
        return list(self._headers.get(_normalize_header(key), []))

    def __getitem__(self, key: str) -> str:
        try:
            return self._headers[_normalize_header(key)][0]
        except LookupError:
            raise KeyError(key) from None

    def __len__(self) -> int:
        return len(self._headers)

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def to_dict(self) -> dict[str, str]:
        return {key: self[key] for key in self}

    def __repr__(self) -> str:
        return repr(self.to_dict())


class StreamlitCookies(Mapping[str, str]):
    """``st.context.cookies``: read-only."""

    def __init__(self, cookies: Mapping[str, str]) -> None:
        self._cookies = MappingProxyType(dict(cookies))

    def __getitem__(self, key: str) -> str:
        return self._cookies[key]

    def __len__(self) -> int:
        return len(self._cookies)

    def __iter__(self) -> Iterator[str]:
        return iter(self._cookies)

    def to_dict(self) -> dict[str, str]:
        return dict(self._cookies)

    def __repr__(self) -> str:
        return repr(self.to_dict())


class StreamlitTheme(dict[str, Any]):
    """``st.context.theme``: ``{"type": "light" | "dark" | None}`` with attribute access."""

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{key}'"
            ) from None


def _settings() -> dict[str, Any]:
    run = current_run()
    return apis_of(run.session).context if run is not None else {}


class ContextProxy:
    """``st.context``."""

    @property
    def headers(self) -> StreamlitHeaders:
        headers = _settings().get("headers") or {}
        pairs = headers.items() if isinstance(headers, Mapping) else headers
        return StreamlitHeaders((str(k), str(v)) for k, v in pairs)

    @property
    def cookies(self) -> StreamlitCookies:
        return StreamlitCookies(_settings().get("cookies") or {})

    @property
    def theme(self) -> StreamlitTheme:
        return StreamlitTheme({"type": _settings().get("theme")})

    @property
    def timezone(self) -> str | None:
        value: str | None = _settings().get("timezone")
        return value

    @property
    def timezone_offset(self) -> int | None:
        value: int | None = _settings().get("timezone_offset")
        return value

    @property
    def locale(self) -> str | None:
        value: str | None = _settings().get("locale")
        return value

    @property
    def url(self) -> str | None:
        url = _settings().get("url")
        run = current_run()
        if url is None or run is None:
            return None
        url = str(url).removesuffix("/")
        for path in run.session.url_paths():
            if path and url.endswith(path):
                url = url.removesuffix(path)
                break
        url = url.removesuffix("/")
        page = run.session.current_url_path()
        return f"{url}/{page}" if page else url

    @property
    def ip_address(self) -> str | None:
        value = _settings().get("ip_address")
        return None if value in (None, "::1", "127.0.0.1") else str(value)

    @property
    def is_embedded(self) -> bool | None:
        settings = _settings()
        if settings.get("is_embedded") is not None:
            return bool(settings["is_embedded"])
        run = current_run()
        if run is None:
            return None
        embed = run.session.stores[QUERY].params.get("embed")
        if embed is None:
            return None
        last = embed[-1] if isinstance(embed, list) and embed else embed
        return isinstance(last, str) and last.lower() == "true"

    def __repr__(self) -> str:
        return "ContextProxy"


# -- st.user -----------------------------------------------------------------------------------
def _user_info() -> dict[str, Any]:
    run = current_run()
    if run is None:
        return {}
    info = dict(apis_of(run.session).user)
    if "is_logged_in" not in info and _has_auth_section():
        info["is_logged_in"] = False
    return info


def _has_auth_section() -> bool:
    run = current_run()
    if run is None:
        return False
    try:
        return "auth" in run.session.stores[SECRETS].parse()
    except Exception:
        return False


class TokensProxy(Mapping[str, str]):
    """``st.user.tokens``: read-only."""

    _tokens: dict[str, str]

    def __init__(self, tokens: Mapping[str, str]) -> None:
        self.__dict__["_tokens"] = dict(tokens)

    def __getitem__(self, key: str) -> str:
        return str(self._tokens[key])

    def __getattr__(self, key: str) -> str:
        try:
            return str(self._tokens[key])
        except KeyError:
            raise AttributeError(f'Token "{key}" is not exposed or does not exist.') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        _read_only("st.user.tokens cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        _read_only("st.user.tokens cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def to_dict(self) -> dict[str, str]:
        return dict(self._tokens)


def _read_only(message: str) -> NoReturn:

    raise StreamlitAPIException(message)


class UserInfoProxy(Mapping[str, Any]):
    """``st.user``: the test's ``at.user`` dict, read-only, item and attribute access."""

    def __getitem__(self, key: str) -> Any:
        if key == "tokens":
            return self.tokens
        try:
            return _user_info()[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return _user_info()[key]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{key}".') from None

    def __setattr__(self, name: str, value: Any) -> NoReturn:
        _read_only("st.user cannot be modified")

    def __setitem__(self, name: str, value: Any) -> NoReturn:
        _read_only("st.user cannot be modified")

    def __iter__(self) -> Iterator[str]:
        return iter(_user_info())

    def __len__(self) -> int:
        return len(_user_info())

    def to_dict(self) -> dict[str, Any]:
        return _user_info()

    @property
    def tokens(self) -> TokensProxy:
        return TokensProxy(_user_info().get("tokens", {}))

    def __repr__(self) -> str:
        return repr(_user_info())


__all__ = [
    "ContextProxy",
    "StreamlitCookies",
    "StreamlitHeaders",
    "StreamlitTheme",
    "UserInfoProxy",
]
