"""The session's browser context, identity and logo: what ``st.context``, ``st.user`` read.

One :class:`SessionAPIs` per session, kept in the session's stores under :data:`APIS`. The test
sets the inputs before each run (``at.context``, ``at.user``); the app reads them through
``st.context`` and ``st.user``, and ``st.logo`` writes the logo. Query params and secrets keep
stores of their own (``apptest._features.query_params``, ``apptest._features.secrets``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apptest._features.browser_inputs import DEFAULT_USER
from apptest._run.host import RunHost, StoreKey


@dataclass(frozen=True)
class Logo:
    """What ``st.logo`` set: ``at.logo``."""

    image: Any
    size: str = "medium"
    link: str | None = None
    icon_image: Any = None


@dataclass
class SessionAPIs:
    """The session's browser context, user and logo (query params and secrets keep their own
    stores: :data:`~apptest._features.query_params.QUERY` and
    :data:`~apptest._features.secrets.SECRETS`)."""

    context: dict[str, Any] = field(default_factory=dict)
    user: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_USER))
    logo: Logo | None = None
    #: ``at.connections``: the objects ``st.connection(name)`` returns, by name.
    connections: dict[str, Any] = field(default_factory=dict)
    #: Connections ``st.connection`` made from a class (kept for the session, as cached).
    made_connections: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    #: ``at.options`` and what ``st.set_option`` set: config option -> value.
    options: dict[str, Any] = field(default_factory=dict)


APIS: StoreKey[SessionAPIs] = StoreKey("session APIs", SessionAPIs)


def apis_of(host: RunHost) -> SessionAPIs:
    """The session's :class:`SessionAPIs` (made on first use)."""
    return host.stores[APIS]


__all__ = ["APIS", "Logo", "SessionAPIs", "apis_of"]
