"""How ``import streamlit`` (and ``streamlit.*``) finds apptest's fake package.

One import hook, a meta path finder at the front of ``sys.meta_path``, installed by
``import apptest``. It answers only for ``streamlit`` and the names below it:

- **during a run** ``sys.modules["streamlit"]`` is the shim (:class:`_ShimSwap` below puts it
  there), so every ``streamlit.<sub>`` an app or its helpers import is asked of the shim's
  table (:meth:`ShimImports.submodule`): a module with the shim's objects
  (``streamlit.delta_generator.DeltaGenerator`` is the class ``st.container()`` returns), or a
  ``ModuleNotFoundError`` saying the module is not simulated. Real Streamlit's modules, when
  it is loaded, are set aside and put back after the run; whatever the run added under
  ``streamlit`` is taken out again. Setting them aside (hundreds of names) waits for the
  first import of a ``streamlit.<sub>`` name in the run (:class:`_ImportGuard`): most runs
  only do ``import streamlit``, which finds the shim without it.
- **outside runs**, ``import streamlit`` is left to the other finders when a real Streamlit is
  installed; when none is, the shim is imported under that name (a test file can then import
  the app module or a helper that does ``import streamlit as st``).

A helper module that bound the *real* ``streamlit`` before a run still reaches the shim from
inside runs: the real module is made run-aware (:meth:`ShimImports.adopt_real`).
"""

from __future__ import annotations

import builtins
import importlib
import importlib.abc
import importlib.machinery
import sys
import types
from collections.abc import Callable, Sequence
from typing import Any, Protocol

ROOT = "streamlit"
_PREFIX = ROOT + "."
#: Set on the shim package and on every module the shim's table makes.
MARKER = "__apptest_shim__"


class ShimImports(Protocol):
    """What the fake package (``apptest._shim.modules``) offers the import machinery."""

    @property
    def root(self) -> types.ModuleType: ...

    def submodule(self, name: str) -> types.ModuleType:
        """The module for ``streamlit.<...>`` ``name``; ModuleNotFoundError if not simulated."""
        ...

    def adopt_real(self, module: types.ModuleType) -> None:
        """Make a real ``streamlit`` module answer with the shim's objects inside runs."""
        ...

    def journal_mark(self) -> int:
        """Where the record of attributes assigned on the shim during runs stands now."""
        ...

    def undo_since(self, mark: int) -> None:
        """Put back what was assigned on the shim's modules since ``mark``."""
        ...


def _is_shim(module: object) -> bool:
    return module is not None and MARKER in getattr(module, "__dict__", {})


def _parent(name: str) -> str:
    return name.rpartition(".")[0]


class _Loader(importlib.abc.Loader):
    """Hands the import system a module that already exists."""

    def __init__(self, module: types.ModuleType) -> None:
        self.module = module
        self.spec = module.__dict__.get("__spec__")

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return self.module

    def exec_module(self, module: types.ModuleType) -> None:
        if self.spec is not None:
            module.__spec__ = self.spec  # the import system set the "streamlit" one


class StreamlitFinder(importlib.abc.MetaPathFinder):
    """The import hook (see the module docstring); ``log`` lists the names it gave a run."""

    def __init__(self, provider: Callable[[], ShimImports]) -> None:
        self._provider = provider
        #: Names imported through the shim while a run is active (None outside runs).
        self.log: list[str] | None = None

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == ROOT:
            if self._real_streamlit_exists(fullname, path):
                return None
            module = self._provider().root
        elif fullname.startswith(_PREFIX) and _is_shim(sys.modules.get(_parent(fullname))):
            module = self._provider().submodule(fullname)
        else:
            if fullname.startswith(_PREFIX):
                _REAL_NAMES.forget()  # a real Streamlit module is about to be loaded
            return None
        if self.log is not None:
            self.log.append(fullname)
        is_package = hasattr(module, "__path__")
        return importlib.machinery.ModuleSpec(fullname, _Loader(module), is_package=is_package)

    def _real_streamlit_exists(self, fullname: str, path: Sequence[str] | None) -> bool:
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            try:
                if finder.find_spec(fullname, path) is not None:
                    return True
            except (ImportError, ValueError):
                continue
        return False


_finder: StreamlitFinder | None = None


def real_streamlit_installed() -> bool:
    """Whether a real Streamlit can be imported (``importlib.util.find_spec("streamlit")``
    finds apptest's fake package when none is installed)."""
    if _finder is None:
        return importlib.machinery.PathFinder.find_spec(ROOT) is not None
    return _finder._real_streamlit_exists(ROOT, None)


def install(provider: Callable[[], ShimImports]) -> StreamlitFinder:
    """Put the finder at the front of ``sys.meta_path`` (once per process)."""
    global _finder
    if _finder is None:
        _finder = StreamlitFinder(provider)
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    return _finder


class _RealNames:
    """The names of real Streamlit's submodules in ``sys.modules``, found again only when
    ``sys.modules`` changed size or the finder saw a ``streamlit.*`` import: a run does not
    scan every loaded module (hundreds of them with pandas) to set Streamlit's aside."""

    __slots__ = ("names", "size")

    def __init__(self) -> None:
        self.size = -1
        self.names: list[str] = []

    def forget(self) -> None:
        self.size = -1

    def current(self, modules: dict[str, Any]) -> list[str]:
        if len(modules) != self.size:
            self.names = [name for name in modules if name.startswith(_PREFIX)]
            self.size = len(modules)
        return self.names


_REAL_NAMES = _RealNames()


class _ImportGuard:
    """Until a run imports a ``streamlit.<sub>`` name, real Streamlit's modules stay in
    ``sys.modules``: ``builtins.__import__`` and ``importlib.import_module`` are wrapped for
    the run, and the first such import (from any thread, as the set-aside is process-wide)
    sets them aside before the import system looks in ``sys.modules``. ``import streamlit``
    alone, and ``from streamlit import <attribute of the shim>``, need no set-aside."""

    __slots__ = ("guards", "import_", "import_module", "set_aside", "swap")

    def __init__(self, swap: _ShimSwap) -> None:
        self.swap = swap
        self.set_aside = False
        self.import_: Callable[..., types.ModuleType] = builtins.__import__
        self.import_module: Callable[..., types.ModuleType] = importlib.import_module
        # Bound once: a swap keeps its guard from run to run (no method objects per run, and
        # release() compares by identity).
        self.guards = (self.guarded_import, self.guarded_import_module)

    def arm(self) -> None:
        """Wrap the import functions for one run."""
        self.set_aside = False
        self.import_ = builtins.__import__
        self.import_module = importlib.import_module
        builtins.__import__, importlib.import_module = self.guards

    def guarded_import(
        self,
        name: str,
        globals: Any = None,
        locals: Any = None,
        fromlist: Sequence[str] | None = (),
        level: int = 0,
    ) -> types.ModuleType:
        if not self.set_aside and level == 0 and type(name) is str and name.startswith(ROOT):
            if name.startswith(_PREFIX) or (name == ROOT and self._needs_submodules(fromlist)):
                self.now()
        return self.import_(name, globals, locals, fromlist, level)

    def guarded_import_module(self, name: str, package: str | None = None) -> types.ModuleType:
        if not self.set_aside and type(name) is str:
            if name.startswith(_PREFIX) or (
                name.startswith(".") and isinstance(package, str) and package.startswith(ROOT)
            ):
                self.now()
        return self.import_module(name, package)

    def _needs_submodules(self, fromlist: Sequence[str] | None) -> bool:
        root = self.swap.shim.root
        return any(not hasattr(root, item) for item in fromlist or ())

    def now(self) -> None:
        """Set real Streamlit's modules aside, and stop guarding."""
        self.set_aside = True
        self.swap.set_real_modules_aside()
        self.release()

    def release(self) -> None:
        """Put the real import functions back (unless the app replaced them meanwhile)."""
        guarded_import, guarded_import_module = self.guards
        if builtins.__import__ is guarded_import:
            builtins.__import__ = self.import_
        if importlib.import_module is guarded_import_module:
            importlib.import_module = self.import_module


class _ShimSwap:
    """One run's ``streamlit`` names in ``sys.modules``: the shim in, real Streamlit out."""

    __slots__ = (
        "guard",
        "guarding",
        "log",
        "mark",
        "previous_log",
        "saved",
        "set_aside",
        "shim",
    )

    def __init__(self, shim: ShimImports) -> None:
        self.shim = shim
        self.saved: Any = None
        self.set_aside: dict[str, types.ModuleType] = {}
        #: Kept from run to run once real Streamlit was seen; ``guarding``: armed this run.
        self.guard: _ImportGuard | None = None
        self.guarding = False
        self.previous_log: list[str] | None = None
        self.log: list[str] = []
        self.mark = 0

    def __enter__(self) -> None:
        modules, root = sys.modules, self.shim.root
        self.saved = modules.get(ROOT)
        if self.saved is not None and self.saved is not root:
            # Real Streamlit is loaded: its modules leave sys.modules at the run's first
            # streamlit.<sub> import.
            if not _is_shim(self.saved):
                self.shim.adopt_real(self.saved)
            guard = self.guard
            if guard is None:
                guard = self.guard = _ImportGuard(self)
            guard.arm()
            self.guarding = True
        modules[ROOT] = root
        finder = install(lambda: self.shim)
        self.previous_log, finder.log = finder.log, self.log
        self.mark = self.shim.journal_mark()

    def set_real_modules_aside(self) -> None:
        modules = sys.modules
        aside = self.set_aside
        pop = modules.pop
        for name in _REAL_NAMES.current(modules):
            module = pop(name, None)
            if module is not None:
                aside[name] = module

    def __exit__(self, *exc: object) -> None:
        modules = sys.modules
        if self.guarding:
            self.guarding = False
            assert self.guard is not None
            self.guard.release()
        self.shim.undo_since(self.mark)
        assert _finder is not None
        _finder.log = self.previous_log
        for name in self.log:
            if name != ROOT:
                modules.pop(name, None)
        self.log = []
        if self.saved is None:
            modules.pop(ROOT, None)
        else:
            modules[ROOT] = self.saved
        if self.set_aside:
            modules.update(self.set_aside)
            self.set_aside = {}


def swap(shim: ShimImports) -> _ShimSwap:
    """``with swap(shim):`` the run's ``streamlit`` modules (see :class:`_ShimSwap`)."""
    return _ShimSwap(shim)


__all__ = [
    "MARKER",
    "ROOT",
    "ShimImports",
    "StreamlitFinder",
    "install",
    "real_streamlit_installed",
    "swap",
]
