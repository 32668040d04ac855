"""The browser tab: staged interactions, form buffers, timers, and the requests they make.

A test's verbs (``click``, ``set_value``, ...) stage interactions here; ``run()`` turns them into
one request the way the browser merges what a user did (FM1, Q4). The browser's ``run_every``
timers fire when the clock advances (T7-T12). Every request goes to the server through
``deliver`` (``AppTest`` wraps it with the session inputs: query params, secrets, context);
the server's reruns and ticks that came due meanwhile follow in :meth:`Browser.process`.

Example (what ``AppTest`` does)::

    browser.stage(widget_id, True, trigger=True, fragment_id="", form_id="")
    request, cleared = browser.take_request(assigned={})
    deliver(browser.with_overdue_ticks(request))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from apptest._browser.forms import PendingDefault, pending_defaults
from apptest._browser.frontend import Frontend
from apptest._browser.timers import Timers, hot_timer_error
from apptest._errors import RerunLimitError, hide_test_errors
from apptest._server.deadline import check_timeout
from apptest._server.requests import Request, Trigger, merge_requests
from apptest._server.runner import execute
from apptest._server.session import Session

#: How many runs one ``run()`` may chain (``st.rerun()`` loops) before it gives up.
RERUN_BUDGET = 100

#: How a request reaches the server: ``deliver(request, timeout, until)``.
Deliver = Callable[[Request, "float | None", "int | None"], None]


@dataclass(frozen=True)
class Staged:
    """One interaction waiting for ``run()``: a value (or a click) for one widget."""

    widget_id: str
    value: Any
    trigger: bool
    fragment_id: str
    form_id: str


class Browser:
    """One browser tab on one session: element tree, widget values, staging, timers."""

    def __init__(self, session: Session, frontend: Frontend, timers: Timers) -> None:
        self.session = session
        self.frontend = frontend
        self.timers = timers
        self.staged: dict[str, Staged] = {}
        #: Widget values changed here since the server last loaded a request of this tab's
        #: (each request names them, so the server looks at those only).
        self._unsent: set[str] = set()

    # -- staging ---------------------------------------------------------------------------
    def stage(
        self, widget_id: str, value: Any, *, trigger: bool, fragment_id: str, form_id: str
    ) -> None:
        """Stage an interaction; a later one on the same widget replaces it (and moves last)."""
        self.staged.pop(widget_id, None)
        self.staged[widget_id] = Staged(widget_id, value, trigger, fragment_id, form_id)

    def staged_value(self, widget_id: str, current: Any) -> Any:
        staged = self.staged.get(widget_id)
        return staged.value if staged is not None else current

    def take_request(self, assigned: Mapping[str, Any]) -> tuple[Request, list[PendingDefault]]:
        """The request the staged interactions make, and the form values to re-stage after it.

        ``assigned``: widget id -> value the test assigned to the widget's key through
        ``at.session_state``; the widget sends it, as in Streamlit's AppTest (a staged
        interaction wins). Values of a form wait until its submit button is clicked (FM1); a
        submitted ``clear_on_submit`` form's widgets go back to their defaults after it (FM4).
        """
        if not self.staged and not assigned:
            # Nothing staged (a plain run()): a full run, with no request building below.
            trigger: Trigger = "initial" if not self.session.runs else "user"
            return self._with_values(Request((), False, None, trigger)), []
        submitted = {s.form_id for s in self.staged.values() if s.trigger and s.form_id}
        cleared = pending_defaults(self.frontend, submitted)
        values = self.frontend.widget_values
        keep: dict[str, Staged] = {}
        sends: list[Staged] = []
        for staged in self.staged.values():
            if staged.form_id and not staged.trigger and staged.form_id not in submitted:
                keep[staged.widget_id] = staged  # FM1: buffered until the form is submitted
                continue
            if not staged.trigger:
                values[staged.widget_id] = staged.value
                self._unsent.add(staged.widget_id)
            sends.append(staged)
        sent = {staged.widget_id for staged in sends}
        for widget_id, value in assigned.items():
            if widget_id in values and widget_id not in sent:
                values[widget_id] = value
                self._unsent.add(widget_id)
        self.staged = keep
        return self._merged(sends), cleared

    def restage_defaults(self, cleared: list[PendingDefault]) -> None:
        """FM4: after a ``clear_on_submit`` submit, its widgets send their defaults next."""
        for item in cleared:  # usually none
            self.staged.setdefault(
                item.widget_id,
                Staged(item.widget_id, item.value, False, item.fragment_id, item.form_id),
            )

    def _merged(self, sends: list[Staged]) -> Request:
        """Q4: each interaction is one request; together they merge as the server queues them.
        The request carries the browser's values by reference, with the ids that changed."""
        merged: Request | None = None
        for staged in sends:
            if staged.form_id and not staged.trigger:
                continue  # sent with its form's submit button
            triggers = {staged.widget_id: staged.value} if staged.trigger else {}
            one = Request.user({}, fragment_id=staged.fragment_id, triggers=triggers)
            merged = merge_requests(merged, one)
        if merged is None:
            merged = Request.full({}, "initial" if not self.session.runs else "user")
        return self._with_values(merged)

    def _with_values(self, request: Request) -> Request:
        request.widget_states = self.frontend.widget_values
        request.changed = frozenset(self._unsent)
        return request

    # -- timers ----------------------------------------------------------------------------
    def tick(self, fragment_ids: tuple[str, ...]) -> Request:
        """The request timer ticks send: a fragment run with the widget values (T11)."""
        return self._with_values(Request.timer(fragment_ids, {}))

    def with_overdue_ticks(self, request: Request) -> Request:
        """Q4: ticks still pending (overdue) go with ``request``: ticks first; a full run
        absorbs them."""
        if not self.timers.has_overdue():
            return request
        return merge_requests(self.tick(tuple(self.timers.collect_overdue())), request)

    def advance(self, target: int, deliver: Deliver, name_of: Callable[[str], str]) -> None:
        """Move the clock to ``target`` (ns), firing each timer tick due by then (T7-T12).

        Each tick is delivered as one fragment run at the tick's instant; ticks that came due
        while a run was in progress are merged into one run (T12). ``name_of`` names a
        fragment in the error for a hot timer.
        """
        clock = self.session.clock
        while True:
            hot = self.timers.hot_timer()
            if hot is not None and target > hot.due:
                raise hot_timer_error(hot, name_of(hot.fragment_id))
            if clock.now_ns > target:
                break
            if self.timers.has_overdue():
                due = tuple(self.timers.collect_overdue())  # came due during a run (T12)
            else:
                timer = self.timers.next_due(target)
                if timer is None:
                    break
                clock.now_ns = timer.due
                self.timers.fire(timer)
                due = (timer.fragment_id,)
            deliver(self.tick(due), None, target)
        clock.now_ns = max(clock.now_ns, target)

    # -- the loop ----------------------------------------------------------------------------
    def process(
        self, request: Request, *, timeout: float | None = None, until: int | None = None
    ) -> None:
        """Run ``request`` and every run it leads to (reruns, ticks that came due).

        T12: ticks that came due during a run fire after it, merged, if that pending run would
        start by ``until`` (``at.clock.advance``'s target). Without ``until`` (``run()``) the
        limit is the end of the last run a tick did not cause: a fragment slower than its
        interval does not rerun forever; its overdue ticks wait for the next advance.
        """
        __tracebackhide__ = hide_test_errors
        timeout = self.session.timeout if timeout is None else check_timeout(timeout, "timeout")
        pending: Request | None = request
        budget = RERUN_BUDGET
        clock = self.session.clock
        horizon = clock.now_ns if until is None else until
        while pending is not None:
            if budget == 0:
                raise RerunLimitError(
                    f"The app requested more than {RERUN_BUDGET} reruns in one run() "
                    "(an st.rerun() that is called on every run?). Guard the st.rerun() call "
                    "with a condition that becomes false."
                )
            budget -= 1
            pending = self._drop_unknown(pending)
            if pending is None:
                break
            by_tick = pending.trigger == "timer"
            rerun = execute(self.session, pending, timeout=timeout)
            self._sent(pending)
            limit = horizon if until is not None or by_tick else None
            pending = self._with_ticks_due(rerun, limit)
            if until is None and not by_tick:
                horizon = clock.now_ns

    def _sent(self, request: Request) -> None:
        """The server loaded ``request``'s values: the changes it named are known there. (Kept
        when the run raised: naming a value again only makes the server compare it again.)"""
        if request.widget_states is None:
            return
        if request.changed is None:
            self._unsent.clear()  # the server compared every value
        else:
            self._unsent.difference_update(request.changed)

    def _with_ticks_due(self, rerun: Request | None, until: int | None) -> Request | None:
        """T12: ticks that came due during the run become (or join) the next request, unless
        it would start after ``until`` and nothing else is pending. Ticks come first."""
        if rerun is None and until is not None and self.session.clock.now_ns > until:
            return None
        due = self.timers.collect_overdue()
        if not due:
            return rerun
        tick = self.tick(tuple(due))
        return merge_requests(tick, rerun) if rerun is not None else tick

    def _drop_unknown(self, request: Request) -> Request | None:
        """Q2/E21: a request naming only fragments the session no longer has is dropped."""
        if request.is_full:
            return request
        fragments = self.session.fragments
        # A loop, not any() over a generator: stopping a generator early raises GeneratorExit
        # in it, and every fragment run comes here.
        for fragment_id in request.fragment_ids:
            if fragments.get(fragment_id) is not None:
                return request
        return None if not request.fragment_scoped else request


__all__ = ["RERUN_BUDGET", "Browser", "Deliver", "Staged"]
