"""What a failing test shows about an AppTest: its tree, its runs, its exceptions.

The pytest plugin adds :func:`failure_report` as a report section for every AppTest a failing
test created; ``max_lines`` keeps a huge app's report readable (the tree is cut first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from apptest._api.nodes import Exception_

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest

#: How many of the last runs a report lists.
RUNS_SHOWN = 20


def describe_app(at: AppTest) -> str:
    """One line naming the app: where its script came from and the profile."""
    path = at._session.script.path
    where = path if path is not None else "source text"
    return f"AppTest of {where} (semantics {at.semantics.name})"


def runs_lines(at: AppTest, shown: int = RUNS_SHOWN) -> list[str]:
    """The run history, the last ``shown`` runs, with what each run raised."""
    runs = at.runs
    lines = [f"{len(runs)} run(s)" + (f", the last {shown}:" if len(runs) > shown else ":")]
    for record in runs[-shown:]:
        lines.append(f"  {record!r}")
        lines.extend(f"    raised {text}" for text in record.exceptions)
    return lines


def exception_lines(at: AppTest) -> list[str]:
    """Every exception element with its stack trace, as the browser shows it."""
    found = [node for node in at.get("exception") if isinstance(node, Exception_)]
    if not found:
        return ["no exception elements"]
    lines = [f"{len(found)} exception element(s):"]
    for node in found:
        lines.append(f"  at {node.path}: {node.exc_type}: {node.message}")
        for frame in node.stack_trace:
            lines.extend(f"      {line}" for line in frame.splitlines())
    return lines


def failure_report(at: AppTest, max_lines: int = 300) -> str:
    """The text of a failing test's report section for ``at``, at most ``max_lines`` lines
    (0: no limit): the app, its exceptions, its runs, then its last tree."""
    head = [describe_app(at), *exception_lines(at), *runs_lines(at), "tree after the last run:"]
    tree = at.tree.splitlines()
    if max_lines and len(head) + len(tree) > max_lines:
        room = max(max_lines - len(head) - 1, 0)
        cut = len(tree) - room
        tree = [*tree[:room], f"... {cut} more tree line(s) (ini option apptest_report_lines)"]
    lines = [*head, *("  " + line for line in tree)]
    if max_lines and len(lines) > max_lines:
        lines = [*lines[:max_lines], f"... {len(lines) - max_lines} more line(s)"]
    return "\n".join(lines)


__all__ = ["describe_app", "exception_lines", "failure_report", "runs_lines"]
