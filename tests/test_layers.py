"""The package's layers: every import points down, and no two modules import each other.

The layers, top to bottom (a module may import its own layer, without cycles, and any layer
below it; never one above):

==============  ==========================================================================
public          ``apptest/__init__.py``, ``cli.py`` (+ ``_cli/``), ``plugin.py``, ``syrupy.py``,
                ``strategies.py``, ``stateful.py``: what users import and run
``_explore``    property-based exploration: value strategies, steps, invariants, explorer
``_api``        what a test touches: AppTest, clock control, session inputs, queries, nodes
``_shim``       the fake ``streamlit`` package apps import: thin, delegates to what is below
``_browser``    what the browser does: element tree, staged interactions, forms, timers
``_server``     what the server does: session and run loop, fragments, dialogs, pages, script
``_features``   caching, secrets, query params, context, page config, logo, heading anchors
``_values``     what each widget accepts
``_run``        the run every command writes through: containers, cursors, state, widgets
``_time``       virtual clock, frozen app time, duration strings
leaves          ``_errors.py``, ``_st_errors.py`` (``streamlit.errors``), ``_profile.py``, ``_props.py``,
                ``_paths.py``, ``_plugin_state.py``
==============  ==========================================================================

Imports are read with ``ast``, wherever they stand: at module level, inside functions and
under ``if TYPE_CHECKING:``. Every one of them must point down or sideways (a type-only import
is still a dependency a reader follows). Cycles are looked for among the imports that run:
a type-only import back to a module of the same layer (``Node.run() -> AppTest``) is what
``TYPE_CHECKING`` is for. An import inside a function must say why in a comment on its line
or the line above (the only reason kept is import time). ``python -m pytest
tests/test_layers.py`` runs the check.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "apptest"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("__init__.py", "cli.py", "plugin.py", "syrupy.py", "strategies.py", "stateful.py", "_cli"),
    ("_explore",),
    ("_api",),
    ("_shim",),
    ("_browser",),
    ("_server",),
    ("_features",),
    ("_values",),
    ("_run",),
    ("_time",),
    ("_errors.py", "_st_errors.py", "_profile.py", "_paths.py", "_props.py", "_plugin_state.py"),
)
LAYER_NAMES = ("public", *(names[0] for names in LAYERS[1:-1]), "leaves")


def layer_of(relative: str) -> int:
    """The layer index (0 = top) of a file path relative to the package folder."""
    first = relative.split("/", 1)[0]
    for index, names in enumerate(LAYERS):
        if first in names:
            return index
    raise AssertionError(
        f"apptest/{relative} is in no layer: put it in a layer folder or add it to LAYERS in "
        "tests/test_layers.py (and to the table in its docstring)."
    )


def module_name(relative: str) -> str:
    parts = relative.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["apptest", *parts])


def _imported(node: ast.Import | ast.ImportFrom, here: str, modules: set[str]) -> Iterator[str]:
    """The apptest modules an import statement loads (``from pkg import mod`` included)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = here.rsplit(".", node.level)[0]
            base = f"{package}.{base}" if base else package
        names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
    for name in names:
        if name in modules:
            yield name


def _inside(tree: ast.AST, kinds: tuple[type[ast.AST], ...], test: str = "") -> set[int]:
    """Ids of the nodes below a node of ``kinds`` (an ``if`` whose test reads ``test``)."""
    found: set[int] = set()
    for outer in ast.walk(tree):
        if isinstance(outer, kinds) and (not test or test in ast.unparse(getattr(outer, "test", outer))):
            found |= {id(inner) for inner in ast.walk(outer) if inner is not outer}
    return found


def imports_of(source: str, here: str, modules: set[str]) -> Iterator[tuple[str, int, bool, bool]]:
    """``(module, line, uncommented_in_function, type_only)`` for every apptest import."""
    tree = ast.parse(source)
    lines = source.splitlines()
    in_functions = _inside(tree, (ast.FunctionDef, ast.AsyncFunctionDef))
    type_only = _inside(tree, (ast.If,), "TYPE_CHECKING")
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for name in _imported(node, here, modules):
                commented = "#" in lines[node.lineno - 1] or (
                    node.lineno > 1 and lines[node.lineno - 2].strip().startswith("#")
                )
                uncommented = id(node) in in_functions and not commented
                yield name, node.lineno, uncommented, id(node) in type_only


def package_files(root: Path = PACKAGE) -> dict[str, str]:
    """Module name -> path relative to the package, for every ``.py`` file."""
    return {
        module_name(path.relative_to(root).as_posix()): path.relative_to(root).as_posix()
        for path in sorted(root.rglob("*.py"))
    }


def violations(sources: dict[str, str], files: dict[str, str]) -> list[str]:
    """Upward imports, uncommented function-level imports, and import cycles."""
    problems: list[str] = []
    graph: dict[str, set[str]] = {name: set() for name in files}
    modules = set(files)
    for name, relative in files.items():
        mine = layer_of(relative)
        for target, line, uncommented, type_only in imports_of(sources[name], name, modules):
            if target == name or name.startswith(target + "."):
                continue  # a package's own __init__ while importing its submodule
            if not type_only:
                graph[name].add(target)
            theirs = layer_of(files[target])
            where = f"apptest/{relative}:{line}"
            if theirs < mine:
                problems.append(
                    f"{where} imports {target} from the layer above "
                    f"({LAYER_NAMES[mine]} -> {LAYER_NAMES[theirs]}): move the shared code "
                    "down, or pass it in from above."
                )
            if uncommented:
                problems.append(
                    f"{where} imports {target} inside a function without a comment saying why: "
                    "import it at the top, or comment why import time needs it here."
                )
    problems.extend(
        f"import cycle among {', '.join(cycle)}: break it (move the shared part into a module "
        "they both import, or pass it in)"
        for cycle in _cycles(graph)
    )
    return problems


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def read_package() -> tuple[dict[str, str], dict[str, str]]:
    files = package_files()
    sources = {name: (PACKAGE / relative).read_text(encoding="utf-8") for name, relative in files.items()}
    return sources, files


def test_imports_point_down_and_form_no_cycle() -> None:
    sources, files = read_package()
    problems = violations(sources, files)
    assert not problems, "\n".join(problems)


def test_every_module_is_in_a_layer() -> None:
    for relative in package_files().values():
        layer_of(relative)  # raises, naming the file, when it is in none


def test_only_the_api_layer_reaches_the_shim() -> None:
    """The fake ``streamlit`` package is imported by ``_api`` (to map it) and itself only."""
    sources, files = read_package()
    shim = layer_of("_shim")
    for name, relative in files.items():
        for target, line, _, _ in imports_of(sources[name], name, set(files)):
            if layer_of(files[target]) == shim and layer_of(relative) not in (shim, shim - 1):
                pytest.fail(f"apptest/{relative}:{line} imports the shim ({target})")


@pytest.mark.parametrize(
    ("module", "line", "complaint"),
    [
        ("apptest._run.state", "from apptest._server.session import Session", "layer above"),
        ("apptest._features.cache", "from apptest import _shim", "layer above"),
        ("apptest._time.clock", "    from apptest._errors import AppTestError", "without a comment"),
        ("apptest._st_errors", "from apptest._profile import SEED", "import cycle"),
    ],
)
def test_the_check_fails_on_a_reintroduced_bad_import(module: str, line: str, complaint: str) -> None:
    """The check is not vacuous: each kind of bad import, added to today's code, is reported."""
    sources, files = read_package()
    added = f"def _added() -> None:\n{line}\n" if line.startswith(" ") else f"{line}\n"
    if complaint == "import cycle":
        sources["apptest._profile"] += "\nfrom apptest._st_errors import StreamlitAPIException\n"
    sources[module] += "\n" + added
    problems = violations(sources, files)
    assert any((complaint in problem and module.replace(".", "/") in problem) or
               (complaint == "import cycle" and complaint in problem and module in problem)
               for problem in problems), problems
