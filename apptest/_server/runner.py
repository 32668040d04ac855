"""The run loop's one step: turn a request into a run (section 1.1, steps 3-7).

A run is: callbacks first (CB1, F3), then the page body (a full run) or the queued fragments
(a fragment run, R1-R10), then the end-of-run updates: stale elements cleared in the browser
(FE3-FE5), Session State tidied (F6, C1-C5), fragment storage pruned after a completed full run
(F5). Nothing here uses threads or reads the real clock. What comes next (a rerun the run asked
for, timer ticks that came due meanwhile) is the browser's loop (``apptest._browser``).
"""

from __future__ import annotations

import threading
import types

from apptest._errors import (
    FragmentHandledException,
    RerunException,
    RerunRequest,
    ScriptInterrupt,
    ScriptTimeoutError,
    StopException,
    hide_test_errors,
)
from apptest._run.layout import (
    FragmentFrame,
    ScriptRun,
    emit_element,
    forget_wrappers,
    running,
)
from apptest._server.deadline import Deadline
from apptest._server.pages import run_page
from apptest._server.records import RunRecord, Status
from apptest._server.requests import Request
from apptest._server.session import RERUN_NOOP_WARNING, Session

#: One run at a time in the process: a run swaps process-wide state (``sys.modules``,
#: ``sys.path``, the working directory, ``os.environ`` …), so runs of AppTests in several
#: threads take turns, each run whole. Re-entrant: an app may run another AppTest.
RUN_LOCK = threading.RLock()


class _Outcome:
    """How a run ended, and what it asks to run next (defaults on the class: one is made per
    run, and most runs change only ``body_started``)."""

    status: Status = "finished"
    next_request: Request | None = None
    #: The run ended before its end (stop, error, timeout): no end-of-run tidying (C5, F6).
    early_stop: bool = False
    #: Callbacks are done and the body began (F6 only tidies after that).
    body_started: bool = False


def execute(session: Session, request: Request, *, timeout: float) -> Request | None:
    """One run of ``request``; returns the rerun it asked for (``st.rerun``), if any.

    Raises ScriptTimeoutError (after recording the run) when the run outlived ``timeout``.
    """
    __tracebackhide__ = hide_test_errors
    if session.profile.queued_ancestors_first and len(request.fragment_ids) > 1:
        request.fragment_ids = session.fragments.ancestors_first(request.fragment_ids)  # R2
    run = ScriptRun(session, len(session.runs) + 1, request.fragment_ids)
    started = session.clock.as_datetime(session.clock.now_ns)
    full = request.is_full
    module = _begin(session, run, request, full)
    outcome = _Outcome()
    try:
        with RUN_LOCK, running(run), session.script.patched(session.shim_modules, module):
            with session.clock.frozen():
                _run_guarded(session, run, request, module, outcome, timeout)
    finally:
        session.state.end_run()
    _end(session, run, request, outcome, full)
    session.runs.append(
        RunRecord(  # positional: see RunRecord.__init__
            run.run_id,
            "app" if full else "fragment",
            request.trigger,
            request.fragment_ids,
            session.fragment_names(request.fragment_ids) if not full else (),
            outcome.status,
            started,
            tuple(run.spinners),
            tuple(session.exceptions),
        )
    )
    if outcome.status == "timeout":
        raise ScriptTimeoutError(
            f"The script ran longer than the timeout of {timeout:g} s (real time) and was "
            "interrupted. Pass a larger timeout to run(timeout=...) or default_timeout= if "
            "the app is just slow; an endless loop must be fixed in the app."
        )
    return outcome.next_request


def _begin(
    session: Session, run: ScriptRun, request: Request, full: bool
) -> types.ModuleType | None:
    """Steps 3-4: tell the browser a run starts; a full run gets a fresh ``__main__``."""
    if full:
        session.frontend.new_session()  # T9 / FE10
        if session.profile.outside_writes == "wrappers":
            forget_wrappers(session)  # O4
    session.frontend.begin_run(run.run_id, request.fragment_ids)
    session.state.begin_run(request.fragment_ids, run.form_ids)
    session.exceptions = []
    if full:
        return session.script.new_module(session.magic)
    return session.module


def _run_guarded(
    session: Session,
    run: ScriptRun,
    request: Request,
    module: types.ModuleType | None,
    outcome: _Outcome,
    timeout: float,
) -> None:
    """Step 5: callbacks and body; how it ends becomes ``outcome`` (E*, X*, RR*)."""
    try:
        with Deadline(timeout):
            _callbacks_and_body(session, run, request, module, outcome)
    except RerunException as exc:
        outcome.status = "rerun"
        asked = exc.request
        outcome.next_request = Request.rerun(asked.fragment_ids, scoped=asked.fragment_scoped)
        replay = session.profile.replay_triggers_on_callback_rerun
        if replay and asked.fragment_scoped and not outcome.body_started:
            outcome.next_request.replayed = dict(request.triggers)  # RR8: the callbacks asked
    except StopException:
        outcome.status, outcome.early_stop = "stopped", True
    except FragmentHandledException:
        outcome.status, outcome.early_stop = "error", True  # X2: shown inside the fragment
    except ScriptInterrupt:
        outcome.status, outcome.early_stop = "timeout", True
    except SyntaxError as exc:
        compile_error = exc is session.script.compile_error
        outcome.status = "compile_error" if compile_error else "error"
        outcome.early_stop = True
        session.show_exception(exc, session.main)
    except KeyboardInterrupt:
        raise  # Ctrl-C ends the test run (the run's patches are undone on the way out)
    except BaseException as exc:
        # SystemExit and other BaseExceptions too: sys.exit() in an app must not end the
        # test process.
        outcome.status, outcome.early_stop = "error", True
        session.show_exception(exc, session.main)


def _callbacks_and_body(
    session: Session,
    run: ScriptRun,
    request: Request,
    module: types.ModuleType | None,
    outcome: _Outcome,
) -> None:
    if request.widget_states is not None:
        changed = session.state.on_request(request.widget_states, request.triggers, request.changed)
        if changed:
            _run_callbacks(session, run, changed)
    # RR8: replayed triggers go over the fresh values after the callbacks, firing nothing.
    if request.replayed:
        session.state.replay(request.replayed)
    outcome.body_started = True
    if request.is_full:
        assert module is not None
        session.module = module
        run_page(session, module)  # the main script, or the selected page of a pages/ folder
    else:
        _run_fragments(session, run)


def _end(session: Session, run: ScriptRun, request: Request, outcome: _Outcome, full: bool) -> None:
    """Steps 6-7: the browser clears stale elements; Session State and storage are tidied."""
    if outcome.status not in ("rerun", "compile_error"):
        session.frontend.clear_stale()  # FE3
    if not outcome.early_stop:
        session.state.reset_triggers()  # C5
        cleanup = outcome.status != "rerun" or session.profile.stale_cleanup_after_rerun
        if outcome.body_started and cleanup:
            # F6, R7, C1: after st.rerun() (1.58) the widgets not registered yet are stale too.
            session.state.remove_stale_widgets(request.fragment_ids)
    if full and outcome.status == "finished":
        session.fragments.keep_only(run.fragments_executed)  # F5


def _run_fragments(session: Session, run: ScriptRun) -> None:
    """R5: rerun each queued fragment; one's exception does not stop the next (X4)."""
    done: set[str] = set()
    skip_descendants = session.profile.skip_descendants_of_queued_ancestor
    evict = session.profile.evict_uncalled_children
    for fragment_id in run.fragment_ids:
        stored = session.fragments.get(fragment_id)
        if stored is None:
            continue  # R5.2 / Q6
        if skip_descendants and _has_ancestor_in(session, stored.parent, done):
            continue
        done.add(fragment_id)
        mark = session.fragments.sequence
        try:
            stored.rerun()
        except FragmentHandledException:
            continue
        finally:
            # R5.6 / N3: however the rerun ended (st.rerun and st.stop included), children it
            # did not call again are gone; in 1.58 a dialog it opened earlier goes too (DG5).
            if evict:
                _evict(session, fragment_id, mark)


def _evict(session: Session, fragment_id: str, mark: int) -> None:
    """N3, DG5, T10: drop the children the rerun of ``fragment_id`` did not call again."""
    profile = session.profile
    dropped = session.fragments.drop_uncalled_descendants(
        fragment_id, since=mark, keep_dialogs=not profile.evict_dialogs_with_opener
    )
    if dropped:
        forget_wrappers(session, dropped)  # O10
    if dropped and profile.stop_auto_rerun_for_evicted:
        session.frontend.stop_auto_rerun(dropped)  # T10


def _has_ancestor_in(session: Session, parent: str | None, done: set[str]) -> bool:
    while parent is not None:
        if parent in done:
            return True
        stored = session.fragments.get(parent)
        parent = stored.parent if stored is not None else None
    return False


def _run_callbacks(session: Session, run: ScriptRun, changed: list[str]) -> None:
    """CB1: callbacks of changed widgets run before the body, in request order."""
    votes: list[RerunException] = []
    for widget_id in changed:
        meta = session.state.meta[widget_id]
        assert meta.callback is not None
        run.in_callback = True
        if session.profile.callbacks_carry_fragment_id and meta.fragment_id:
            run.frame = FragmentFrame(meta.fragment_id)  # CB3
        try:
            meta.callback(*meta.args, **meta.kwargs)
        except RerunException as vote:
            if session.profile.rerun_in_callback == "honoured":
                votes.append(vote)  # RR7 (1.67): the callback ends, the others still run
                continue
            # RR7 [1.39-1.58]: the rerun ends the callback and is dropped, with a warning
            # at the top of main; the remaining callbacks and the body still run.
            run.in_callback = False
            emit_element(session.main, "warning", {"body": RERUN_NOOP_WARNING, "icon": None})
        finally:
            run.in_callback = False
            run.frame = None
    if votes:
        raise _counted(votes)


def _counted(votes: list[RerunException]) -> RerunException:
    """RR7 (1.67): the callbacks' reruns, queued together once all callbacks ran. A full
    rerun (a plain ``st.rerun()``, a page switch) wins; fragment reruns are merged in order.
    The run is preempted before its body."""
    full = [vote for vote in votes if not vote.request.fragment_scoped]
    if full:
        return full[-1]
    queue: list[str] = []
    for vote in votes:
        queue.extend(f for f in vote.request.fragment_ids if f not in queue)
    return RerunException(RerunRequest(tuple(queue), True))


__all__ = ["execute"]
