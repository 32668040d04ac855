"""The run history: one :class:`RunRecord` per run, as ``at.runs`` lists them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from apptest._server.requests import Trigger

Status = Literal["finished", "rerun", "stopped", "error", "compile_error", "timeout"]


_set = object.__setattr__


@dataclass(frozen=True, init=False)
class RunRecord:
    """One entry of ``at.runs``: what ran, why, and how it ended."""

    id: int
    scope: Literal["app", "fragment"]
    trigger: Trigger
    fragment_ids: tuple[str, ...]
    fragments: tuple[str, ...]
    status: Status
    started_at: datetime.datetime
    spinners: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()

    def __init__(
        self,
        id: int,
        scope: Literal["app", "fragment"],
        trigger: Trigger,
        fragment_ids: tuple[str, ...],
        fragments: tuple[str, ...],
        status: Status,
        started_at: datetime.datetime,
        spinners: tuple[str, ...] = (),
        exceptions: tuple[str, ...] = (),
    ) -> None:
        # One record per run: the fields set as one dict, not the frozen dataclass's
        # object.__setattr__ per field (the run loop calls this positionally: no keyword
        # parsing either).
        _set(
            self,
            "__dict__",
            {
                "id": id,
                "scope": scope,
                "trigger": trigger,
                "fragment_ids": fragment_ids,
                "fragments": fragments,
                "status": status,
                "started_at": started_at,
                "spinners": spinners,
                "exceptions": exceptions,
            },
        )

    def __repr__(self) -> str:
        what = f"fragment {', '.join(self.fragments) or '?'}" if self.scope == "fragment" else "app"
        return f"<run {self.id}: {what} ({self.trigger}) {self.status}>"


__all__ = ["RunRecord", "Status"]
