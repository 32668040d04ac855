"""``st.get_option`` and ``st.set_option``: Streamlit's configuration, one per AppTest.

Every option reads as Streamlit's default (``apptest._features.config_defaults``) unless the
test set it (``at.options["client.toolbarMode"] = "minimal"``) or the app did
(``st.set_option``, which takes the options Streamlit lets a script set). What the app set
stays for the AppTest's later runs and shows in ``at.options`` after the run. apptest records
options; it does not change its behaviour by them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from apptest._errors import AppTestError
from apptest._features.apis import apis_of
from apptest._features.config_defaults import (
    ADDED,
    DEFAULTS,
    REMOVED,
    SCRIPTABLE,
    SCRIPTABLE_MODERN,
)
from apptest._run.layout import current_run, newer_commands, require_run
from apptest._st_errors import StreamlitAPIException


def _known(modern: bool) -> dict[str, Any]:
    if not modern:
        return DEFAULTS
    known = {key: value for key, value in DEFAULTS.items() if key not in REMOVED}
    known.update(ADDED)
    return known


def get_option(key: str) -> Any:
    """Return the current value of a given Streamlit configuration option."""
    known = _known(newer_commands())
    if key not in known:
        raise RuntimeError(f'Config key "{key}" not defined.')
    run = current_run()
    if run is not None:
        options = apis_of(run.session).options
        if key in options:
            return options[key]
    return known[key]


def set_option(key: str, value: Any) -> None:
    """Set a configuration option (only those a script may set, as in Streamlit)."""
    modern = newer_commands()
    if key not in _known(modern):
        raise StreamlitAPIException(f"Unrecognized config option: {key}")
    if key not in (SCRIPTABLE_MODERN if modern else SCRIPTABLE):
        raise StreamlitAPIException(
            f"{key} cannot be set on the fly. Set as command line option, e.g. "
            f"streamlit run script.py --{key}, or in config.toml instead."
        )
    apis_of(require_run("st.set_option").session).options[key] = value


def check_options(options: object, modern: bool) -> dict[str, Any]:
    """The copy of ``at.options`` a run reads: known option names only."""
    if not isinstance(options, Mapping):
        raise AppTestError(
            f"at.options must be a dict such as {{'client.toolbarMode': 'minimal'}}, not "
            f"{type(options).__name__}."
        )
    known = _known(modern)
    unknown = [key for key in options if key not in known]
    if unknown:
        raise AppTestError(
            f"at.options has {unknown[0]!r}, which is not a Streamlit config option. Options "
            "are 'section.name', as `streamlit config show` lists them."
        )
    return dict(options)


__all__ = ["check_options", "get_option", "set_option"]
