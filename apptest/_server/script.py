"""Script loading: sources, compile-once with magic, and the process patches of one run.

A script runs as ``__main__`` in a new module per full run (D10), with ``__file__`` set, its
folder on ``sys.path`` and ``streamlit`` resolving to apptest's shim
(:mod:`apptest._server.imports`). Everything touched is put back after the run: ``sys.modules``
entries, ``sys.path``, ``sys.argv``, and the process state of
:mod:`apptest._server.process_state` (working directory, environment, warnings, logging …).
Modules the app imports from its own folder (namespace packages included) are kept per
AppTest, out of ``sys.modules`` between runs, so two apps with a helper of the same name never
see each other's; a module the test imported before the run stays where it is.
"""

from __future__ import annotations

import ast
import functools
import linecache
import os
import sys
import types
from typing import Any

from apptest._server.imports import ShimImports, swap
from apptest._server.process_state import ProcessState

MAGIC_NAME = "__apptest_magic__"


def _is_docstring(body: list[ast.stmt], index: int, owner: ast.AST) -> bool:
    if index != 0 or not isinstance(
        owner, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)
    ):
        return False
    node = body[0]
    return (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    )


class _Magic(ast.NodeTransformer):
    """Streamlit's "magic": a bare expression statement is written as ``st.write`` would.

    Calls, ``yield``/``await`` and docstrings are left alone, as in Streamlit; expressions
    directly in a class body too (only its methods' bodies are rewritten). A tuple is written
    as several arguments: ``"n =", n`` is ``st.write("n =", n)``.
    """

    def _rewrite_body(self, body: list[ast.stmt], owner: ast.AST) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for index, stmt in enumerate(body):
            if isinstance(stmt, ast.Expr) and not _is_docstring(body, index, owner):
                skip = (ast.Call, ast.Yield, ast.YieldFrom, ast.Await)
                if not isinstance(stmt.value, skip) and not isinstance(owner, ast.ClassDef):
                    value = stmt.value
                    args = list(value.elts) if isinstance(value, ast.Tuple) else [value]
                    call = ast.Call(
                        func=ast.Name(id=MAGIC_NAME, ctx=ast.Load()),
                        args=args,
                        keywords=[],
                    )
                    stmt = ast.copy_location(ast.Expr(value=call), stmt)
                    ast.fix_missing_locations(stmt)
            else:
                stmt = self.visit(stmt)
            out.append(stmt)
        return out

    def generic_visit(self, node: ast.AST) -> ast.AST:
        for name in ("body", "orelse", "finalbody"):
            body = getattr(node, name, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                setattr(node, name, self._rewrite_body(body, node))
        for handler in getattr(node, "handlers", []) or []:
            handler.body = self._rewrite_body(handler.body, handler)
        for case in getattr(node, "cases", []) or []:
            case.body = self._rewrite_body(case.body, case)
        return node


@functools.lru_cache(maxsize=256)
def compile_script(source: str, filename: str) -> types.CodeType:
    """Parse, apply magic, compile. Raises SyntaxError for a script that does not parse.

    Remembered (code objects are immutable): the tests of a suite make many AppTests of the
    same script, and compiling is most of what a new AppTest's first run costs.
    """
    tree = ast.parse(source, filename=filename)
    tree = _Magic().generic_visit(tree)  # type: ignore[assignment]
    return compile(tree, filename, "exec", dont_inherit=True)


class Script:
    """One app script: its source, its compiled code (once), and how to run it."""

    def __init__(
        self, source: str, path: str | None, *, extra_globals: dict[str, Any] | None = None
    ) -> None:
        self.source = source
        self.path = os.path.abspath(path) if path else None
        self.filename = self.path or "<streamlit app>"
        self.folder = os.path.dirname(self.path) if self.path else None
        #: Where a ``pages/`` folder would be (looked for on every full run of a file app).
        self.pages_folder = os.path.join(self.folder, "pages") if self.folder else None
        self.extra_globals = dict(extra_globals or {})
        self.code: types.CodeType | None = None
        self.compile_error: SyntaxError | None = None
        try:
            self.code = compile_script(source, self.filename)
        except SyntaxError as exc:
            self.compile_error = exc
        self._own_modules: dict[str, types.ModuleType] = {}
        self._spare: _Patched | None = None
        lines = source.splitlines(keepends=True)
        self._cache_entry = (len(source), None, lines, self.filename)

    def new_module(self, magic: Any) -> types.ModuleType:
        """D10: each full run executes the page in a fresh ``__main__`` module."""
        module = types.ModuleType("__main__")
        module.__dict__.update(self.extra_globals)
        module.__dict__[MAGIC_NAME] = magic
        if self.path:
            module.__file__ = self.path
        return module

    def _owns(self, name: str, module: types.ModuleType, other_roots: list[str]) -> bool:
        """A module imported from the app's folder, not from an import root inside it.

        A project's ``.venv/.../site-packages`` (or apptest itself) may sit below the app's
        folder: what is imported from there is an ordinary, shared import.
        """
        if self.folder is None or name == "apptest" or name.startswith("apptest."):
            return False
        file = getattr(module, "__file__", None)
        if isinstance(file, str):
            files = [file]
        else:  # a namespace package (no __init__.py): where its portions are
            files = [entry for entry in getattr(module, "__path__", None) or () if entry]
            if not all(isinstance(entry, str) for entry in files):
                return False
        return bool(files) and all(self._inside(path, other_roots) for path in files)

    def _inside(self, file: str, other_roots: list[str]) -> bool:
        assert self.folder is not None
        file = os.path.abspath(file)
        if not file.startswith(self.folder + os.sep):
            return False
        return not any(file.startswith(root + os.sep) for root in other_roots)

    def _other_roots(self) -> list[str]:
        """``sys.path`` entries strictly inside the app's folder."""
        if self.folder is None:
            return []
        inside = self.folder + os.sep
        roots = {os.path.abspath(entry) for entry in sys.path if isinstance(entry, str)}
        return [root for root in roots if root.startswith(inside)]

    def patched(self, shim_modules: ShimImports, main: types.ModuleType | None) -> _Patched:
        """``with script.patched(shim, main):`` installs the shim and the script's module
        context; everything is restored after."""
        spare = self._spare
        if spare is not None and spare.swap.shim is shim_modules:
            # The last run's patches object, reused (a run makes no new objects for them);
            # a nested run of this script (an app running another AppTest) makes its own.
            self._spare = None
            spare.main = main
            return spare
        return _Patched(self, shim_modules, main)

    def _keep_own_modules(self, saved: dict[str, Any], last: str | None) -> None:
        """After a run that imported modules: keep those from the app's folder for this
        AppTest (and take them out of ``sys.modules`` with the rest).

        Only modules the run imported: ``sys.modules`` keeps insertion order, so they are the
        names after ``last`` (the last name before the run). A module the test imported first
        (``from helpers import price``, ``mock.patch("helpers.fetch")``) stays where it is,
        shared by the test and the app.
        """
        modules = sys.modules
        other_roots = self._other_roots()
        names = list(modules)
        if last is not None and last in modules:
            names = names[len(names) - names[::-1].index(last) :]
        for name in names:
            if name not in saved:
                module = modules[name]
                if module is not None and self._owns(name, module, other_roots):
                    self._own_modules[name] = module
                    saved.setdefault(name, None)


class _Patched:
    """One run's process patches (``Script.patched``): a plain class rather than a
    ``@contextmanager``, as it is entered on every run."""

    __slots__ = (
        "count",
        "last",
        "main",
        "process",
        "saved",
        "saved_argv",
        "saved_path",
        "script",
        "swap",
    )

    def __init__(self, script: Script, shim: ShimImports, main: types.ModuleType | None) -> None:
        self.script = script
        self.swap = swap(shim)
        self.process = ProcessState()
        self.main = main
        self.saved: dict[str, Any] = {}
        self.saved_path: list[Any] = []
        self.saved_argv: list[str] = []
        self.count = 0
        self.last: str | None = None

    def __enter__(self) -> None:
        script, modules = self.script, sys.modules
        saved = self.saved = dict.fromkeys(script._own_modules)
        if self.main is not None:
            saved["__main__"] = None
        for name in saved:
            saved[name] = modules.get(name)
        self.swap.__enter__()
        self.process.save()
        modules.update(script._own_modules)
        if self.main is not None:
            modules["__main__"] = self.main
        self.saved_path = list(sys.path)
        self.saved_argv = list(sys.argv)
        if script.folder is not None:
            sys.path.insert(0, script.folder)
        sys.argv = [script.path or "streamlit_app.py"]
        if script.path is None:
            # Tracebacks of a script from a string show its source lines, as for a file.
            linecache.cache[script.filename] = script._cache_entry
        self.count = len(modules)
        self.last = next(reversed(modules), None)

    def __exit__(self, *exc: object) -> None:
        modules, saved = sys.modules, self.saved
        try:
            if len(modules) != self.count:
                self.script._keep_own_modules(saved, self.last)
            self.swap.__exit__()
            for name, old in saved.items():
                if old is None:
                    modules.pop(name, None)
                else:
                    modules[name] = old
            sys.path[:] = self.saved_path
            sys.argv = self.saved_argv
        finally:
            self.process.restore()
            self.main = None
            self.saved = {}
            self.script._spare = self
