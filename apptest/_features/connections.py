"""``st.connection``: the connection objects a test provides, or made from a class.

``at.connections["db"] = fake`` makes ``st.connection("db")`` return ``fake`` (whatever the
other arguments). Otherwise the connection class comes as in Streamlit 1.58: ``type=`` (a
class, or a ``"module.Class"`` path), else ``[connections.<name>] type`` in the secrets; it is
made once per AppTest as ``cls(connection_name=name, **kwargs)``, as ``st.cache_resource``
keeps it in Streamlit. Streamlit's own ``"sql"``/``"snowflake"``/``"snowpark"`` connections
need their drivers and a database; apptest does not make them: provide one through
``at.connections`` (a fake, or a real ``SQLConnection`` built in the test).
"""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any

from apptest._features.apis import apis_of
from apptest._features.secrets import SECRETS
from apptest._run.layout import require_run
from apptest._st_errors import StreamlitAPIException, StreamlitAPIUnimplementedError

_FIRST_PARTY = ("sql", "snowflake", "snowflake-callers-rights", "snowpark")


def _first_party(name: str, kind: str) -> Exception:
    return StreamlitAPIUnimplementedError(
        f'`st.connection("{name}", type="{kind}")`: apptest does not open Streamlit\'s '
        f'"{kind}" connections (they need a driver and a database). Give the app the '
        f'connection in the test: `at.connections["{name}"] = fake_or_real_connection`.'
    )


def _connection_class(name: str, kind: Any, secrets: dict[str, Any]) -> Any:
    if kind is None:
        if name in _FIRST_PARTY:
            raise _first_party(name, name)
        kind = secrets["connections"][name]["type"]  # a KeyError, as in Streamlit
    if isinstance(kind, str):
        if "." not in kind:
            raise _first_party(name, kind)
        module, _, classname = kind.rpartition(".")
        kind = getattr(importlib.import_module(module), classname)
    if not isinstance(kind, type):
        raise StreamlitAPIException(f"{kind} is not a subclass of BaseConnection!")
    return kind


def connection(
    name: str,
    type: Any = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = None,
    **kwargs: Any,
) -> Any:
    """``st.connection``: the test's connection named ``name``, or one made from its class."""
    run = require_run("st.connection", ' Provide connections with at.connections["name"].')
    apis = apis_of(run.session)
    if name in apis.connections:
        return apis.connections[name]
    secrets: dict[str, Any] = {}
    if type is None and name not in _FIRST_PARTY:
        secrets = run.session.stores[SECRETS].parse()
    cls = _connection_class(name, type, secrets)
    made_key = (name, cls, ttl, max_entries, repr(sorted(kwargs.items())))
    made = apis.made_connections.get(made_key)
    if made is None:
        made = apis.made_connections[made_key] = cls(connection_name=name, **kwargs)
    return made


__all__ = ["connection"]
