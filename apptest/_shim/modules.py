"""The ``streamlit.*`` modules apps and their helpers import, made of the shim's objects.

The import hook (:mod:`apptest._server.imports`) asks :class:`ShimPackage` for every
``streamlit.<sub>`` name while the shim is ``sys.modules["streamlit"]``:

- a name in :data:`_TABLE` (``streamlit.delta_generator``, ``streamlit.runtime.scriptrunner``,
  ``streamlit.errors`` …) is a module made once per process, holding the shim's objects
  (``DeltaGenerator`` is the class ``st.container()`` returns);
- ``streamlit.components``, ``streamlit.components.v1``, ``streamlit.column_config`` and
  ``streamlit.connections`` stand for the shim's attributes of those names: their attributes
  are looked up there at each use (whichever commands the shim has);
- any other name fails with ``ModuleNotFoundError`` saying apptest does not simulate it.

Assignments on the ``streamlit`` module during a run (``st.write = print``) are recorded and
undone after the run. A real ``streamlit`` module (Streamlit installed, imported by the test
before a run) answers with the shim's objects while an apptest run is active in the calling
context, and as itself everywhere else (:class:`_RunAwareModule`).
"""

from __future__ import annotations

import contextvars
import threading
import types
from typing import Any

from apptest import _shim
from apptest import _st_errors as errors
from apptest._errors import RerunException, StopException
from apptest._features.cache import cache_data, cache_resource
from apptest._features.query_params import QueryParamsProxy
from apptest._features.secrets import SecretsProxy
from apptest._run.layout import current_run
from apptest._run.state import SessionStateProxy
from apptest._server.imports import MARKER, ROOT
from apptest._server.navigation import StreamlitPage
from apptest._shim.delta_generator import DeltaGenerator, StatusContainer
from apptest._values.uploads import UploadedFile

_MISSING = object()


class ScriptRunContext:
    """What ``get_script_run_ctx()`` returns during a run: the session's id and state."""

    def __init__(self, session_id: str, session_state: Any) -> None:
        self.session_id = session_id
        self.session_state = session_state
        self._context = contextvars.copy_context()

    def __repr__(self) -> str:
        return f"ScriptRunContext(session_id={self.session_id!r})"


def get_script_run_ctx(suppress_warning: bool = False) -> ScriptRunContext | None:
    """The running script's context, or None outside runs (as Streamlit's)."""
    run = current_run()
    if run is None:
        return None
    return ScriptRunContext(f"apptest-{id(run.session):x}", _shim.session_state)


def add_script_run_ctx(
    thread: threading.Thread | None = None, ctx: ScriptRunContext | None = None
) -> threading.Thread:
    """Let ``thread`` (not started yet) use ``st.*`` and the run's clock, as the run does."""
    thread = threading.current_thread() if thread is None else thread
    ctx = get_script_run_ctx() if ctx is None else ctx
    if ctx is not None and not thread.is_alive():
        inner = thread.run
        context = ctx._context.copy()

        def run_in_context() -> None:
            context.run(inner)

        thread.run = run_in_context  # type: ignore[method-assign]
    return thread


def _exists() -> bool:
    """``streamlit.runtime.exists()``: True while a script runs."""
    return current_run() is not None


_SCRIPTRUNNER = {
    "ScriptRunContext": ScriptRunContext,
    "add_script_run_ctx": add_script_run_ctx,
    "get_script_run_ctx": get_script_run_ctx,
    "RerunException": RerunException,
    "StopException": StopException,
}

#: Module name (below ``streamlit.``) -> its attributes: the modules apps import for types
#: and helpers. A package (its submodules are importable) is marked by a ``__path__`` entry.
_TABLE: dict[str, dict[str, Any]] = {
    "delta_generator": {"DeltaGenerator": DeltaGenerator},
    "elements": {"__path__": []},
    "elements.lib": {"__path__": []},
    "elements.lib.mutable_status_container": {"StatusContainer": StatusContainer},
    "runtime": {"__path__": [], "exists": _exists},
    "runtime.scriptrunner": {"__path__": [], **_SCRIPTRUNNER},
    "runtime.scriptrunner_utils": {"__path__": []},
    "runtime.scriptrunner_utils.script_run_context": _SCRIPTRUNNER,
    "runtime.scriptrunner_utils.exceptions": _SCRIPTRUNNER,
    "runtime.state": {
        "__path__": [],
        "SessionStateProxy": SessionStateProxy,
        "QueryParamsProxy": QueryParamsProxy,
    },
    "runtime.state.session_state_proxy": {"SessionStateProxy": SessionStateProxy},
    "runtime.caching": {"cache_data": cache_data, "cache_resource": cache_resource},
    "runtime.uploaded_file_manager": {"UploadedFile": UploadedFile},
    "runtime.secrets": {"Secrets": SecretsProxy, "secrets_singleton": _shim.secrets},
    "navigation": {"__path__": []},
    "navigation.page": {"StreamlitPage": StreamlitPage},
}

#: Modules that stand for the shim attribute of the same path (``st.components.v1``).
_ATTRIBUTE_MODULES = ("components", "components.v1", "column_config", "connections")


def _not_simulated(name: str) -> errors.StreamlitAPIUnimplementedError:
    return errors.StreamlitAPIUnimplementedError(
        f"`{name}` is not simulated by apptest. apptest covers the Streamlit commands and "
        "modules listed in its README; open an issue (or use a different command) if your app "
        f"needs `{name}`."
    )


class _ShimModule(types.ModuleType):
    """The shim's modules: assignments made during a run are recorded, to be undone."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, _ShimModule) and name in self.__dict__:
            return  # the import system naming a submodule: the shim's own attribute stays
        if current_run() is not None:
            _JOURNAL.append((self, name, self.__dict__.get(name, _MISSING)))
        super().__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        if current_run() is not None:
            _JOURNAL.append((self, name, self.__dict__.get(name, _MISSING)))
        super().__delattr__(name)


class _TableModule(_ShimModule):
    """A ``streamlit.<sub>`` module of the table: a name it lacks is not simulated."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        found = _source_attribute(self.__name__, name)
        if found is not _MISSING:
            return found
        raise _not_simulated(f"{self.__name__}.{name}")


def _source_attribute(module: str, name: str) -> Any:
    """``name`` of the shim attribute a module of :data:`_ATTRIBUTE_MODULES` stands for."""
    path = module.removeprefix(ROOT + ".")
    if path not in _ATTRIBUTE_MODULES:
        return _MISSING
    source: Any = _shim
    try:
        for part in (*path.split("."), name):
            source = getattr(source, part)
            if isinstance(source, _TableModule):
                return _MISSING  # the module itself, set on its parent by the import system
    except AttributeError:
        return _MISSING
    return source


#: (module, name, value before) of each assignment on a shim module during runs.
_JOURNAL: list[tuple[types.ModuleType, str, Any]] = []


class _RunAwareModule(types.ModuleType):
    """Real Streamlit's ``streamlit`` module: inside an apptest run, its public names are the
    shim's (a helper that did ``import streamlit as st`` before the run writes to the app)."""

    def __getattribute__(self, name: str) -> Any:
        if name[:1] != "_" and current_run() is not None:
            return getattr(_shim, name)
        return super().__getattribute__(name)


class ShimPackage:
    """The shim as ``streamlit`` (see the module docstring); one per process."""

    def __init__(self) -> None:
        self._modules: dict[str, types.ModuleType] = {}
        if type(_shim) is types.ModuleType:
            _shim.__class__ = _ShimModule
        _shim.__dict__[MARKER] = True

    @property
    def root(self) -> types.ModuleType:
        return _shim

    def submodule(self, name: str) -> types.ModuleType:
        module = self._modules.get(name)
        if module is None:
            module = self._modules[name] = self._make(name)
        return module

    def _make(self, name: str) -> types.ModuleType:
        path = name.removeprefix(ROOT + ".")
        if path == "errors":
            return errors
        contents = _TABLE.get(path)
        if contents is None and path not in _ATTRIBUTE_MODULES:
            raise ModuleNotFoundError(
                f"No module named {name!r}: `{name}` is not simulated by apptest (the modules "
                "it provides are listed in its README under 'Isolation and limits').",
                name=name,
            )
        module = _TableModule(name)
        module.__dict__.update(contents if contents is not None else {"__path__": []})
        module.__dict__[MARKER] = True
        return module

    def adopt_real(self, module: types.ModuleType) -> None:
        if type(module) is types.ModuleType:
            module.__class__ = _RunAwareModule

    def journal_mark(self) -> int:
        return len(_JOURNAL)

    def undo_since(self, mark: int) -> None:
        while len(_JOURNAL) > mark:
            module, name, before = _JOURNAL.pop()
            if before is _MISSING:
                module.__dict__.pop(name, None)
            else:
                module.__dict__[name] = before


_PACKAGE: ShimPackage | None = None


def shim_package() -> ShimPackage:
    """The process's :class:`ShimPackage` (made on first use)."""
    global _PACKAGE
    if _PACKAGE is None:
        _PACKAGE = ShimPackage()
    return _PACKAGE


__all__ = ["ScriptRunContext", "ShimPackage", "add_script_run_ctx", "get_script_run_ctx"]
