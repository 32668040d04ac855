"""Rerun requests: what the browser (or ``st.rerun``) asks the server to run next.

A request is Streamlit's ``rerun_script`` back message: the browser's widget states plus, for
a fragment run, the fragment ids to rerun. Build one with a named constructor::

    Request.user(states, fragment_id="f1", triggers={"btn": True})   # a click in a fragment
    Request.timer(("f1",), states)                                  # run_every ticks (T11)
    Request.rerun()                                                 # st.rerun() (RR6)

Requests that arrive while a run is in progress are merged (Q4) by :func:`merge_requests`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Trigger = Literal["initial", "user", "rerun", "timer"]


@dataclass
class Request:
    """A rerun request: widget states and, for a fragment run, the fragments to rerun.

    ``widget_states`` is None for requests that carry none (``st.rerun``, RR6); ``triggers``
    holds the trigger values (button clicks) the request carries, by widget id. ``replayed``
    holds triggers whose callbacks already ran (RR8): the body reads them, nothing fires.
    """

    fragment_ids: tuple[str, ...] = ()
    fragment_scoped: bool = False
    widget_states: dict[str, Any] | None = None
    trigger: Trigger = "user"
    triggers: dict[str, Any] = field(default_factory=dict)
    replayed: dict[str, Any] = field(default_factory=dict)
    #: The ids whose values the browser changed since its last request; None when not known
    #: (then the server looks at every value). ``widget_states`` may then be the browser's
    #: own map, read but never kept by the server.
    changed: frozenset[str] | None = None

    @property
    def is_full(self) -> bool:
        return not self.fragment_ids and not self.fragment_scoped

    # -- named constructors --------------------------------------------------------------
    @classmethod
    def full(cls, widget_states: Mapping[str, Any] | None, trigger: Trigger = "user") -> Request:
        """A full run of the page (the first run, "R" in the browser, a page switch)."""
        states = None if widget_states is None else dict(widget_states)
        return cls((), False, states, trigger)

    @classmethod
    def user(
        cls,
        widget_states: Mapping[str, Any],
        *,
        fragment_id: str = "",
        triggers: Mapping[str, Any] | None = None,
    ) -> Request:
        """One interaction: a value change or click, in a fragment when ``fragment_id`` is set."""
        fragments = (fragment_id,) if fragment_id else ()
        return cls(fragments, False, dict(widget_states), "user", dict(triggers or {}))

    @classmethod
    def timer(cls, fragment_ids: tuple[str, ...], widget_states: Mapping[str, Any]) -> Request:
        """``run_every`` ticks: a fragment run carrying the browser's widget states (T11)."""
        return cls(tuple(fragment_ids), False, dict(widget_states), "timer")

    @classmethod
    def rerun(cls, fragment_ids: tuple[str, ...] = (), *, scoped: bool = False) -> Request:
        """``st.rerun()`` / ``st.rerun(scope="fragment")``: no widget states (RR6)."""
        return cls(tuple(fragment_ids), scoped, None, "rerun")


def merge_requests(pending: Request | None, new: Request) -> Request:
    """Q4: a full request absorbs everything; fragment queues concatenate without duplicates.

    Widget states: the newer values win, but a trigger the older request carried stays (a
    click is never lost). Replayed triggers (RR8) stay apart from fresh ones, as 1.67 keeps
    ``replay_trigger_states`` apart from ``widget_states``, so merging never fires their
    callbacks again.
    """
    if pending is None:
        return new
    states = new.widget_states
    if pending.widget_states is not None:
        states = {**pending.widget_states, **(new.widget_states or {})}
    triggers = {**pending.triggers, **new.triggers}
    replayed = {**pending.replayed, **new.replayed}
    trigger = pending.trigger if pending.trigger == "user" else new.trigger
    changed = None
    if pending.changed is not None and new.changed is not None:
        changed = pending.changed | new.changed
    if pending.is_full or new.is_full:
        return Request((), False, states, trigger, triggers, replayed, changed)
    queue = pending.fragment_ids + tuple(
        f for f in new.fragment_ids if f not in pending.fragment_ids
    )
    scoped = pending.fragment_scoped or new.fragment_scoped
    return Request(queue, scoped, states, trigger, triggers, replayed, changed)


__all__ = ["Request", "Trigger", "merge_requests"]
