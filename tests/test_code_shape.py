"""Functions stay under 60 lines (the standard in the developers' guide).

A function's length runs from its ``def`` line to the last line of its body; decorators do
not count. A longer function must say why: a ``# long: <reason>`` comment on the line just
above it (above its decorators, if any) or in its docstring.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "apptest"
MAX_LINES = 60

def long_functions(source: str, where: str = "<string>") -> list[str]:
    """``"where:line name (n lines)"`` for each function over MAX_LINES without ``# long:``."""
    lines = source.splitlines()
    found: list[str] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                name = prefix + child.name
                length = (child.end_lineno or child.lineno) - child.lineno + 1
                if length > MAX_LINES and not _says_why(child, lines):
                    found.append(f"{where}:{child.lineno} {name} ({length} lines)")
                visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def _says_why(func: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> bool:
    first = min([func.lineno, *(d.lineno for d in func.decorator_list)])
    above = lines[first - 2] if first >= 2 else ""
    docstring = ast.get_docstring(func) or ""
    return "# long:" in above or "# long:" in docstring


def _function(body_lines: int, *, name: str = "f", indent: str = "") -> str:
    body = "".join(f"{indent}    x{i} = {i}\n" for i in range(body_lines))
    return f"{indent}def {name}() -> None:\n{body}"


# -- the checker ---------------------------------------------------------------------------------
def test_a_function_of_60_lines_passes_and_61_fails() -> None:
    assert long_functions(_function(59)) == []
    assert long_functions(_function(60)) == ["<string>:1 f (61 lines)"]


def test_decorators_do_not_count() -> None:
    source = "@staticmethod\n" * 5 + _function(59)
    assert long_functions(source) == []


def test_methods_and_nested_functions_are_checked_by_qualified_name() -> None:
    nested = _function(60, name="inner", indent="        ")
    source = "class C:\n    def outer(self) -> None:\n" + nested + "        return None\n"
    assert long_functions(source) == [
        "<string>:2 C.outer (63 lines)",
        "<string>:3 C.outer.inner (61 lines)",
    ]


def test_a_long_comment_above_or_in_the_docstring_allows_it() -> None:
    above = "# long: one table, reads best in one piece\n" + _function(60)
    decorated = "# long: a state machine\n@staticmethod\n" + _function(60)
    in_docstring = _function(60).replace(
        "-> None:\n", '-> None:\n    """Dispatch. # long: mirrors pandas."""\n', 1
    )
    elsewhere = "# long: not the line above\n\n" + _function(60)
    assert long_functions(above) == []
    assert long_functions(decorated) == []
    assert long_functions(in_docstring) == []
    assert long_functions(elsewhere) == ["<string>:3 f (61 lines)"]


# -- the package ---------------------------------------------------------------------------------
def test_no_function_in_the_package_is_over_60_lines_without_saying_why() -> None:
    found: list[str] = []
    checked = 0
    for path in sorted(PACKAGE.rglob("*.py")):
        checked += 1
        found.extend(long_functions(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))))
    assert checked > 30  # the walk found the package
    assert not found, "functions over 60 lines; split them or add '# long: <why>':\n" + (
        textwrap.indent("\n".join(found), "  ")
    )
