"""The fake ``streamlit`` module apps import while apptest runs them.

One process-wide module: its commands find the current session through a context variable
(``apptest._run.layout.current_run``), so a helper module that did ``import streamlit as st``
once keeps working across runs, AppTests and tests. A command apptest does not simulate fails
with an error naming it.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar, overload

from apptest import _st_errors as errors
from apptest._errors import RerunException, RerunRequest, StopException
from apptest._profile import Semantics, resolve_profile
from apptest._run.layout import (
    BOTTOM,
    EVENT,
    MAIN,
    SIDEBAR,
    current_run,
    layout_error,
    require_run,
)
from apptest._run.state import SessionStateProxy
from apptest._server.fragments import keyed_rerun_ids, make_fragment, open_dialog
from apptest._shim.bottom import BottomContainerProxy
from apptest._shim.delta_generator import DeltaGenerator, StatusContainer

__version__ = "1.58.0"

F = TypeVar("F", bound=Callable[..., Any])

_main = DeltaGenerator(MAIN)
sidebar = DeltaGenerator(SIDEBAR)
_event = DeltaGenerator(EVENT)


def _state() -> Any:
    # ``require_run``, written out for the common case: every st.session_state access asks.
    run = current_run()
    return (run if run is not None else require_run("st.session_state")).session.state


session_state = SessionStateProxy(_state)

# Element commands are bound methods of the main container, as in Streamlit.
write = _main.write
markdown = _main.markdown
title = _main.title
header = _main.header
subheader = _main.subheader
caption = _main.caption
text = _main.text
code = _main.code
latex = _main.latex
json = _main.json
divider = _main.divider
html = _main.html
metric = _main.metric
error = _main.error
warning = _main.warning
info = _main.info
success = _main.success
exception = _main.exception
toast = _main.toast
balloons = _main.balloons
snow = _main.snow
progress = _main.progress
empty = _main.empty
spinner = _main.spinner
help = _main.help
dataframe = _main.dataframe
table = _main.table
image = _main.image
audio = _main.audio
video = _main.video
line_chart = _main.line_chart
area_chart = _main.area_chart
bar_chart = _main.bar_chart
scatter_chart = _main.scatter_chart
map = _main.map
altair_chart = _main.altair_chart
vega_lite_chart = _main.vega_lite_chart
plotly_chart = _main.plotly_chart
pyplot = _main.pyplot
pydeck_chart = _main.pydeck_chart
graphviz_chart = _main.graphviz_chart
container = _main.container
columns = _main.columns
tabs = _main.tabs
expander = _main.expander
popover = _main.popover
status = _main.status
form = _main.form
button = _main.button
form_submit_button = _main.form_submit_button
checkbox = _main.checkbox
text_input = _main.text_input
download_button = _main.download_button
link_button = _main.link_button
toggle = _main.toggle
radio = _main.radio
selectbox = _main.selectbox
multiselect = _main.multiselect
pills = _main.pills
segmented_control = _main.segmented_control
slider = _main.slider
select_slider = _main.select_slider
text_area = _main.text_area
number_input = _main.number_input
date_input = _main.date_input
time_input = _main.time_input
color_picker = _main.color_picker
file_uploader = _main.file_uploader
camera_input = _main.camera_input
chat_input = _main.chat_input
feedback = _main.feedback
data_editor = _main.data_editor
chat_message = _main.chat_message
write_stream = _main.write_stream
badge = _main.badge
space = _main.space
pdf = _main.pdf
iframe = _main.iframe
page_link = _main.page_link
audio_input = _main.audio_input
datetime_input = _main.datetime_input
menu_button = _main.menu_button
pagination = _main.pagination

#: ``st.bottom``: the bottom root container, from the main area only (``st._bottom`` is
#: Streamlit's deprecated name for it).
bottom = BottomContainerProxy(DeltaGenerator(BOTTOM))
_bottom = bottom


def _magic_write(*values: Any) -> Any:
    """What a bare expression statement in the script turns into (magic)."""
    _main.write(*values)
    return values[0] if len(values) == 1 else values


# -- execution flow ----------------------------------------------------------------------------
_E1 = (
    'scope="fragment" can only be specified from `@st.fragment`-decorated functions during '
    "fragment reruns."
)


def rerun(*args: Any, scope: Any = "app") -> NoReturn:
    """Rerun the app (``scope="app"``) or, in a fragment run, the calling fragment; under the
    modern profile (1.67) also the fragments keyed ``scope`` (a key or a list of keys, RR4)."""
    run = current_run()
    keyed = _profile_now().keyed_rerun
    if args and not keyed:
        # RR1: 1.58's signature is ``rerun(*, scope="app")``.
        given = f"{len(args)} was given" if len(args) == 1 else f"{len(args)} were given"
        raise TypeError(f"rerun() takes 0 positional arguments but {given}")
    if len(args) > 1:
        raise TypeError(
            f"rerun() takes from 0 to 1 positional arguments but {len(args)} were given"
        )
    if args:
        scope = args[0]
    # Both versions validate ``scope`` before looking for a script run.
    keys = _rerun_keys(scope) if keyed else None
    if not keyed and scope not in {"app", "fragment"}:
        # E5 as in 1.41-1.58 (1.39 silently treated any other value as "fragment"). A set, as in
        # 1.58, so an unhashable scope is Python's TypeError there too.
        raise errors.StreamlitAPIException(
            f"'{scope}'is not a valid rerun scope. Valid scopes are 'app' and 'fragment'."
        )
    if run is None:
        raise RerunException(RerunRequest())
    if keys is not None:
        raise RerunException(RerunRequest(keyed_rerun_ids(run, keys), True))  # RR4
    fragment_ids: tuple[str, ...] = ()
    if scope == "fragment":
        queue = run.fragment_ids
        if not queue:
            raise layout_error(_E1)
        current = run.fragment_id
        if current not in queue:
            # E2/N7: a child rerunning inline in its parent's rerun is not in the queue. 1.39
            # raised AssertionError; 1.58 (the seed, observed) and 1.67 raise RuntimeError.
            raise RuntimeError(
                "Could not find current_fragment_id in fragment_id_queue. This should never happen."
            )
        fragment_ids = queue[queue.index(current) :]
    raise RerunException(RerunRequest(fragment_ids, scope == "fragment"))


_SCOPES = "Supported values: 'app', 'fragment', a fragment key, a list of keys."
_SCOPE_TYPES = "Expected one of: str, int, list[str | int]."


def _rerun_keys(scope: Any) -> list[str] | None:
    """E5 (1.67): the fragment keys ``scope`` names, or None for ``"app"``/``"fragment"``. The
    checks, their order and their words follow 1.67's ``st.rerun``."""
    if isinstance(scope, int):
        scope = str(scope)  # bool included, as in 1.67
    if isinstance(scope, (bytes, bytearray)) or not isinstance(scope, (str, Sequence)):
        raise errors.StreamlitInvalidParameterTypeError(
            f"Invalid `scope` type. {_SCOPE_TYPES} Provided type: {type(scope).__name__}."
        )
    if isinstance(scope, str):
        if scope == "":
            raise errors.StreamlitValueError(
                f"Invalid `scope` value. {_SCOPES} Got an empty string."
            )
        return None if scope in ("app", "fragment") else [scope]
    if len(scope) == 0:
        raise errors.StreamlitValueError(f"Invalid `scope` value. {_SCOPES} Got an empty list.")
    keys = [_scope_item(item) for item in scope]
    for key in keys:
        if key in ("app", "fragment"):
            raise errors.StreamlitValueError(
                "Invalid `scope` value. Supported values: fragment keys. "
                f"'{key}' is a reserved scope name and cannot appear inside a list. "
                f"Pass '{key}' directly as a string."
            )
    return keys


def _scope_item(item: Any) -> str:
    """E5 (1.67): one entry of a list of fragment keys, as a key."""
    if isinstance(item, int):
        return str(item)
    if not isinstance(item, str):
        raise errors.StreamlitInvalidParameterTypeError(
            "Invalid `scope list items` type. Expected one of: str, int. "
            f"Provided type: {type(item).__name__}."
        )
    if item == "":
        raise errors.StreamlitValueError(
            "Invalid `scope list items` value. Supported values: non-empty strings or ints. "
            "Found an empty string in the list."
        )
    return item


def _profile_now() -> Semantics:
    """The active profile: the running session's, else the default one (decoration at import
    time of a helper module, outside any run)."""
    run = current_run()
    return run.session.profile if run is not None else resolve_profile(None)


def stop() -> NoReturn:
    """End the current run here (S1-S4)."""
    raise StopException()


@overload
def fragment(
    func: F, *, run_every: Any = None, key: str | int | None = None, parallel: bool = False
) -> F: ...
@overload
def fragment(
    func: None = None,
    *,
    run_every: Any = None,
    key: str | int | None = None,
    parallel: bool = False,
) -> Callable[[F], F]: ...
def fragment(
    func: Any = None,
    *,
    run_every: Any = None,
    key: str | int | None = None,
    parallel: bool = False,
) -> Any:
    """``@st.fragment``, ``@st.fragment(run_every=..., key=..., parallel=...)`` and
    ``st.fragment(func)`` (D1-D3). ``key`` exists under the modern profile only (1.67)."""
    if key is not None and not _profile_now().fragment_keys:
        # D3: 1.58's st.fragment has no ``key`` parameter.
        raise TypeError("fragment() got an unexpected keyword argument 'key'")

    # ``parallel=True`` (F13, M11): under the modern profile the fragment is detached on full
    # runs (apptest still runs it inline, in call order); under the seed it is ignored.
    if func is not None:  # ``@st.fragment``: decorated now (every full run), no closure
        return make_fragment(func, run_every=run_every, main=_main, key=key, parallel=parallel)

    def decorate(f: Any) -> Any:
        return make_fragment(f, run_every=run_every, main=_main, key=key, parallel=parallel)

    return decorate


def _experimental_fragment(func: Any = None, *, run_every: Any = None) -> Any:
    """D11: the deprecated alias warns when the decorated function is called."""

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        inner = make_fragment(f, run_every=run_every, main=_main)

        @functools.wraps(f)
        def warn_then_call(*args: Any, **kwargs: Any) -> Any:
            if current_run() is not None:
                _main.warning(
                    "Please replace `st.experimental_fragment` with `st.fragment`.\n\n"
                    "`st.experimental_fragment` will be removed after 2025-01-01."
                )
            return inner(*args, **kwargs)

        return warn_then_call

    return decorate if func is None else decorate(func)


def dialog(
    title: str,
    *,
    width: str = "small",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Any = "ignore",
) -> Callable[[F], F]:
    """``@st.dialog("Title")``: the function's body runs as a fragment in a modal (DG1-DG9)."""
    # dismissible, icon and on_dismiss shape how the browser closes the modal (DG6); apptest
    # has no user who dismisses one, so they are accepted and not used.

    if not isinstance(title, str):
        # The bare ``@st.dialog``: Streamlit decorates the function with an empty title.
        raise _missing_dialog_title()

    def decorate(func: F) -> F:
        if not title:
            # ``st.dialog("")`` fails only when the function is decorated, as in Streamlit.
            raise _missing_dialog_title()

        @functools.wraps(func)
        def open_it(*args: Any, **kwargs: Any) -> None:
            open_dialog(func, args, kwargs, title=title, width=width, main=_main)

        return open_it  # type: ignore[return-value]

    return decorate


def _missing_dialog_title() -> Exception:
    """E12, in the class and words of the active profile."""
    if _profile_now().dialog_title_error != "StreamlitAPIException":
        return errors.StreamlitMissingRequiredParameterError(
            'The `title` parameter is required. For example: `@st.dialog("Example Title")`.'
        )
    return errors.StreamlitAPIException(
        "A non-empty `title` argument has to be provided for dialogs, for example "
        '`@st.dialog("Example Title")`.'
    )


# Streamlit's function is ``dialog_decorator``: Python's own argument errors name it.
dialog.__qualname__ = dialog.__name__ = "dialog_decorator"


# -- session-level APIs (caching, secrets, URL, browser context, user, pages) -----------------
from apptest._features.auth import login, logout  # noqa: E402
from apptest._features.cache import cache_data, cache_resource  # noqa: E402
from apptest._features.connections import connection  # noqa: E402
from apptest._features.context import ContextProxy, UserInfoProxy  # noqa: E402
from apptest._features.options import get_option, set_option  # noqa: E402
from apptest._features.query_params import QueryParamsProxy  # noqa: E402
from apptest._features.secrets import SecretsProxy  # noqa: E402
from apptest._features.session_apis import logo, set_page_config  # noqa: E402
from apptest._server.navigation import Page, navigation, switch_page  # noqa: E402
from apptest._shim import column_config, components  # noqa: E402
from apptest._shim.module_commands import App, echo  # noqa: E402
from apptest._shim.module_commands import cache as _cache  # noqa: E402
from apptest._shim.module_commands import typing as _typing  # noqa: E402
from apptest._shim.newer import NEWER_COMMANDS  # noqa: E402

secrets = SecretsProxy()
query_params = QueryParamsProxy()
context = ContextProxy()
user = UserInfoProxy()


#: Names Streamlit removed before 1.58, with their successors (1.67's ``command_suggestions``
#: table, less ``cache``, which 1.58 still has). Neither 1.58 nor 1.67 has any of them.
_REMOVED = {
    "beta_color_picker": ("color_picker",),
    "beta_columns": ("columns",),
    "beta_container": ("container",),
    "beta_expander": ("expander",),
    "beta_secrets": ("secrets",),
    "beta_set_page_config": ("set_page_config",),
    "experimental_audio_input": ("audio_input",),
    "experimental_connection": ("connection",),
    "experimental_data_editor": ("data_editor",),
    "experimental_dialog": ("dialog",),
    "experimental_fragment": ("fragment",),
    "experimental_get_query_params": ("query_params",),
    "experimental_memo": ("cache_data",),
    "experimental_rerun": ("rerun",),
    "experimental_set_query_params": ("query_params",),
    "experimental_show": ("write",),
    "experimental_singleton": ("cache_resource",),
    "experimental_user": ("user",),
}


def _removed_error(name: str, profile: Semantics) -> AttributeError:
    """D11 and the like: 1.58's plain message, or 1.67's naming the successor."""
    message = f"module 'streamlit' has no attribute '{name}'"
    if profile.removed_command_hints:
        successors = " or ".join(f"st.{s}" for s in _REMOVED[name])
        message += f". st.{name} has been removed. Use {successors} instead."
    return AttributeError(message)


#: 1.58 names 1.67 removed: available under the seed profile only (D11 for the message).
_SEED_ONLY: dict[str, Any] = {"bokeh_chart": _main.bokeh_chart, "cache": _cache}
#: 1.67 names 1.58 lacks: available under the modern profile only.
_MODERN_ONLY: dict[str, Any] = {
    name: getattr(DeltaGenerator, name).__get__(_main) for name in NEWER_COMMANDS
}
_MODERN_ONLY["typing"] = _typing


def _by_profile(name: str) -> Any:
    """A name that exists in one of 1.58 and 1.67 only: its value, or their AttributeError."""
    newer = _profile_now().newer_commands
    if name in _SEED_ONLY:
        if not newer:
            return _SEED_ONLY[name]
        message = f"module 'streamlit' has no attribute '{name}'. st.{name} has been removed. "
        if name == "bokeh_chart":
            raise AttributeError(message + "Use the streamlit-bokeh component instead.")
        raise AttributeError(message + "Use st.cache_data or st.cache_resource instead.")
    if newer:
        return _MODERN_ONLY[name]
    raise AttributeError(f"module 'streamlit' has no attribute '{name}'")


def __getattr__(name: str) -> Any:
    if name in _SEED_ONLY or name in _MODERN_ONLY:
        return _by_profile(name)
    if name in _REMOVED:
        profile = _profile_now()
        if name == "experimental_fragment" and profile.experimental_fragment_alias:
            return _experimental_fragment
        raise _removed_error(name, profile)
    if name.startswith("__"):
        raise AttributeError(name)
    raise errors.StreamlitAPIUnimplementedError(
        f"`st.{name}` is not simulated by apptest. apptest covers the Streamlit commands "
        "listed in its README; open an issue (or use a different command) if your app needs "
        f"`st.{name}`."
    )


__all__ = [
    "App",
    "Page",
    "column_config",
    "components",
    "connection",
    "echo",
    "get_option",
    "login",
    "logout",
    "set_option",
    "cache_data",
    "cache_resource",
    "context",
    "logo",
    "navigation",
    "query_params",
    "secrets",
    "set_page_config",
    "switch_page",
    "user",
    "DeltaGenerator",
    "StatusContainer",
    "dialog",
    "errors",
    "fragment",
    "rerun",
    "session_state",
    "sidebar",
    "stop",
]

#: Streamlit's ``import streamlit.components.v1`` at the end of its ``__init__`` leaves the
#: name ``streamlit`` (the package itself) in the module, so ``st.streamlit`` exists there too.
streamlit = sys.modules[__name__]
