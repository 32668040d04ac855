"""What a script run needs from its session, and where features keep per-session data.

The session (``apptest._server.session.Session``) sits in a layer above everything a command
runs through, so this layer names it only by what it uses: :class:`RunHost`. Deltas go to the
browser through :class:`DeltaSink` (``apptest._browser.frontend.Frontend`` implements it).
Features below the server (caching, secrets, query params, ...) keep their per-session data in
:class:`Stores` under a :class:`StoreKey` of their own, so the session need not know them::

    CACHES = StoreKey("caches", CacheStore)
    caches = run.session.stores[CACHES]       # made on first use, one per session
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from apptest._paths import Path
from apptest._profile import Semantics
from apptest._run.state import SessionState
from apptest._time.clock import Clock

T = TypeVar("T")


class DeltaSink(Protocol):
    """The browser's end of a run: where elements, blocks and transients are sent."""

    def put_element(
        self, parent_path: Path, index: int, kind: str, props: dict[str, Any], fragment_id: str
    ) -> None: ...

    def put_block(
        self, parent_path: Path, index: int, kind: str, props: dict[str, Any], fragment_id: str
    ) -> Path:
        """Returns the block's path; writes into it should use that object (a fast lookup)."""
        ...

    def put_transient(
        self, path: Path, kind: str, props: dict[str, Any], fragment_id: str
    ) -> object | None: ...

    def remove_transient(self, path: Path, node: Any) -> None: ...

    def update_props(self, path: Path, kind: str, props: dict[str, Any]) -> None: ...


class StoreKey(Generic[T]):
    """Names one per-session store and how to make it (pytest's ``StashKey``, with a factory)."""

    __slots__ = ("factory", "name")

    def __init__(self, name: str, factory: Callable[[], T]) -> None:
        self.name = name
        self.factory = factory

    def __repr__(self) -> str:
        return f"StoreKey({self.name!r})"


class Stores:
    """A session's feature stores, each made on first use by its key's factory."""

    __slots__ = ("_items",)

    def __init__(self) -> None:
        self._items: dict[StoreKey[Any], Any] = {}

    def __getitem__(self, key: StoreKey[T]) -> T:
        try:
            # The value was made by this key's factory: it is a T (no ``cast`` call per read).
            return self._items[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._items[key] = key.factory()
            return value


class RunHost(Protocol):
    """The session as the layers below the server see it (a ``Session`` is one)."""

    profile: Semantics
    state: SessionState
    clock: Clock
    stores: Stores
    #: The page being run, mixed into widget ids (ID1).
    page_hash: str
    #: ``st.set_page_config`` calls so far, merged.
    page_config: dict[str, Any]

    @property
    def frontend(self) -> DeltaSink: ...

    def url_paths(self) -> list[str]:
        """The URL paths of the app's pages (``st.context.url`` strips them)."""
        ...

    def current_url_path(self) -> str:
        """The URL path of the page being shown ("" for the default page)."""
        ...


__all__ = ["DeltaSink", "RunHost", "StoreKey", "Stores"]
