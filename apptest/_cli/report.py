"""What ``apptest run`` prints: the tree and new runs after each step, as text or JSON."""

from __future__ import annotations

from typing import Any

from apptest._api.apptest import AppTest
from apptest._api.nodes import Exception_


def runs_json(at: AppTest, since: int = 0) -> list[dict[str, Any]]:
    """The runs from ``since`` on, as JSON objects (no real-time values)."""
    return [
        {
            "id": record.id,
            "scope": record.scope,
            "trigger": record.trigger,
            "fragments": list(record.fragments),
            "status": record.status,
            "exceptions": list(record.exceptions),
        }
        for record in at.runs[since:]
    ]


def exceptions_json(at: AppTest) -> list[dict[str, Any]]:
    """The exception elements on the page now."""
    return [
        {
            "path": list(node.path),
            "type": node.exc_type,
            "message": node.message,
            "stack_trace": list(node.stack_trace),
        }
        for node in at.get("exception")
        if isinstance(node, Exception_)
    ]


def step_json(at: AppTest, title: str, since: int) -> dict[str, Any]:
    """One step of ``apptest run --json``: what was done, the new runs, the tree after it."""
    return {
        "step": title,
        "runs": runs_json(at, since),
        "exceptions": exceptions_json(at),
        "tree": at.tree.splitlines(),
    }


def step_text(at: AppTest, title: str, since: int) -> str:
    """One step as text: ``== title``, the new runs, the tree."""
    lines = [f"== {title}", *(f"   {record!r}" for record in at.runs[since:]), at.tree]
    return "\n".join(lines) + "\n"


__all__ = ["exceptions_json", "runs_json", "step_json", "step_text"]
