"""Execution flow (issue 2, points 6 and 8): st.rerun, st.stop, app exceptions, the rerun
budget, the timeout, and the run history.

Rule ids: RR2 (``st.rerun()`` requests a full run), RR5 (rerun/stop are not ``Exception``s),
S3/S4 (``st.stop``), F7 (an app exception still finishes the run), X6 (a callback exception is
shown at the top of main).
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from apptest import AppTest, AppTestError, RerunLimitError, ScriptTimeoutError
from apptest._server.records import RunRecord

if TYPE_CHECKING:
    from conftest import RunApp


APPS = Path(__file__).parent / "apps"


def test_run_returns_the_apptest() -> None:
    at = AppTest.from_string("import streamlit as st")
    assert at.run() is at
    assert at.run(timeout=5) is at


# -- st.rerun ------------------------------------------------------------------------------------
def test_RR2_rerun_restarts_the_script(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.write("run", st.session_state.runs)
        if st.session_state.runs == 1:
            st.rerun()
            st.write("never")
        """
    )
    assert at.markdown.values == ["run `2`"]
    assert [(r.scope, r.trigger, r.status) for r in at.runs] == [
        ("app", "initial", "rerun"),
        ("app", "rerun", "finished"),
    ]


def test_RR5_rerun_and_stop_pass_through_except_exception(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        try:
            if st.session_state.n == 1:
                st.rerun()
            st.stop()
        except Exception:
            st.write("swallowed")
        st.write("after")
        """
    )
    assert not at.markdown
    assert [r.status for r in at.runs] == ["rerun", "stopped"]


def test_endless_rerun_hits_the_budget_and_the_apptest_keeps_working() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("run")
        if st.session_state.get("loop", True):
            st.rerun()
        """
    )
    with pytest.raises(RerunLimitError) as info:
        at.run()
    message = str(info.value)
    assert "more than 100 reruns" in message
    assert "st.rerun()" in message
    assert isinstance(info.value, AppTestError)
    assert len(at.runs) == 100
    at.session_state.loop = False
    at.run()
    assert at.markdown.values == ["run"]
    assert at.runs[-1].status == "finished"


def test_RR7_seed_rerun_in_a_callback_is_a_no_op_with_a_warning(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("bodies", 0)
        st.session_state.bodies += 1
        st.button("Rerun", on_click=st.rerun)
        """
    )
    at.button[0].click().run()
    assert at.warning.values == ["Calling st.rerun() within a callback is a no-op."]
    assert at.warning[0].path == (0, 0)
    assert at.session_state.bodies == 2
    assert [r.status for r in at.runs] == ["finished", "finished"]


# -- st.stop -------------------------------------------------------------------------------------
def test_stop_ends_the_run(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.write("before")
        with st.container():
            st.write("in container")
            st.stop()
        st.write("after")
        """
    )
    assert at.markdown.values == ["before", "in container"]
    assert at.runs[-1].status == "stopped"
    assert not at.exception


def test_S4_stop_in_a_callback_ends_the_run_before_the_body(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("bodies", 0)
        st.session_state.bodies += 1
        st.button("Stop", on_click=st.stop)
        """
    )
    at.button[0].click().run()
    assert at.session_state.bodies == 1
    assert at.runs[-1].status == "stopped"


# -- app exceptions ------------------------------------------------------------------------------
def test_exception_is_shown_where_raised_and_elements_before_stay(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.title("Before")
        st.write("also before")
        def helper():
            return {}["missing"]
        helper()
        st.write("after")
        """
    )
    assert [n.type for n in at.main] == ["title", "markdown", "exception"]
    exc = at.exception[0]
    assert exc.path == (0, 2)
    assert (exc.exc_type, exc.message) == ("KeyError", "'missing'")
    assert exc.value == "'missing'"
    assert exc.is_markdown is False
    assert exc.stack_trace == [
        'File "<streamlit app>", line 7, in <module>\n    helper()',
        'File "<streamlit app>", line 6, in helper\n    return {}["missing"]\n           ~~^^^^^^^^^^^',
    ]
    assert at.runs[-1].status == "error"
    assert at.runs[-1].exceptions == ("KeyError: 'missing'",)


def test_exception_after_a_with_block_lands_in_main(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.write("top")
        with st.expander("E"):
            st.write("inside")
            raise ValueError("from inside")
        """
    )
    assert [n.type for n in at.main] == ["markdown", "expander", "exception"]
    assert at.expander[0].markdown.values == ["inside"]


def test_custom_exception_class_name(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        class MyError(Exception):
            pass
        raise MyError("custom")
        """
    )
    assert (at.exception[0].exc_type, at.exception[0].message) == ("MyError", "custom")


def test_exception_from_a_helper_module_shows_its_frames(tmp_path: Path) -> None:
    (tmp_path / "core_failing_helper.py").write_text(
        "def fail():\n    raise RuntimeError('deep')\n"
    )
    (tmp_path / "app.py").write_text(
        "import core_failing_helper\nimport streamlit as st\ncore_failing_helper.fail()\n"
    )
    at = AppTest.from_file(tmp_path / "app.py").run()
    trace = at.exception[0].stack_trace
    assert trace[0].startswith(f'File "{tmp_path / "app.py"}", line 3, in <module>')
    assert trace[1].startswith(f'File "{tmp_path / "core_failing_helper.py"}", line 2, in fail')
    assert not any("apptest" in line for line in trace)


def test_next_run_after_an_exception_works(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        if st.session_state.n == 1:
            raise RuntimeError("first run fails")
        st.write("second run fine")
        """
    )
    assert at.exception[0].message == "first run fails"
    at.run()
    assert not at.exception
    assert at.markdown.values == ["second run fine"]


def test_app_exception_never_raises_out_of_run(app: RunApp) -> None:
    at = app("raise SystemError('in app')")
    assert at.exception[0].exc_type == "SystemError"


def test_X6_callback_exception_is_shown_at_the_top_of_main(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.write("body")
        st.checkbox("Box", on_change=lambda: 1 / 0)
        """
    )
    at.checkbox[0].check().run()
    assert [(n.type, n.path) for n in at.main] == [("exception", (0, 0))]
    assert at.exception[0].exc_type == "ZeroDivisionError"


# -- timeout -------------------------------------------------------------------------------------
def test_endless_loop_times_out_and_the_apptest_keeps_working() -> None:
    at = AppTest.from_file("apps/core_loop.py", default_timeout=0.2)
    with pytest.raises(ScriptTimeoutError) as info:
        at.run()
    message = str(info.value)
    assert "timeout of 0.2 s" in message and "interrupted" in message
    assert isinstance(info.value, AppTestError)
    assert at.runs[-1].status == "timeout"
    at.session_state.loop = False
    at.run()
    assert at.markdown.values == ["before loop", "no loop"]
    assert at.runs[-1].status == "finished"


def test_run_timeout_argument_overrides_the_default() -> None:
    at = AppTest.from_file("apps/core_loop.py", default_timeout=60)
    with pytest.raises(ScriptTimeoutError, match=r"timeout of 0\.1 s"):
        at.run(timeout=0.1)


def test_timeout_survives_an_app_that_swallows_the_first_interrupt() -> None:
    at = AppTest.from_string(
        """
        try:
            while True:
                pass
        except BaseException:
            pass
        while True:
            pass
        """,
        default_timeout=0.1,
    )
    with pytest.raises(ScriptTimeoutError):
        at.run()


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer")
def test_timeout_keeps_an_outer_alarm_armed() -> None:
    """A timer armed before run() (pytest-timeout's signal method) is armed again after."""
    fired: list[int] = []

    def outer(signum: int, frame: object) -> None:
        fired.append(signum)

    previous = signal.signal(signal.SIGALRM, outer)
    signal.setitimer(signal.ITIMER_REAL, 3600)
    try:
        AppTest.from_string("import streamlit as st\nst.write('x')").run()
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 0 < remaining <= 3600
        assert signal.getsignal(signal.SIGALRM) is outer
        assert fired == []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_SWALLOWING_APPS = {
    "pass": """
        while True:
            try:
                while True:
                    pass
            except BaseException:
                pass
        """,
    "as-name, nested": """
        while True:
            try:
                try:
                    x = sum(range(100))
                except BaseException as first:
                    pass
            except BaseException as second:
                pass
        """,
    "one-line clauses": """
        while True:
            try: x = 1
            except BaseException: pass
        """,
    "kept in a list": """
        caught = []
        while True:
            try:
                while True:
                    pass
            except BaseException as exc:
                caught.append(exc)
        """,
    "st.write inside": """
        import streamlit as st
        while True:
            try:
                st.write("tick")
            except BaseException:
                continue
        """,
    "loop in finally": """
        try:
            while True:
                pass
        finally:
            while True:
                try:
                    pass
                except BaseException:
                    pass
        """,
}

#: Put before each app above: the next run, asked to, ends at once.
_STOP_ON_REQUEST = """\
import streamlit as st
if st.session_state.get("stop"):
    st.write("stopped")
    st.stop()
"""

#: Only a hang fails these tests: a run that should end after 0.2 s may take this long.
_PATIENCE = 30


def _in_thread(work: Callable[[], object]) -> BaseException | None:
    """Call ``work`` in a new thread; the exception it raised, if any. Fails if it hangs."""
    raised: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as exc:
            raised.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(_PATIENCE)
    assert not thread.is_alive(), f"the run did not end within {_PATIENCE} s"
    return raised[0] if raised else None


def _times_out_then_works(source: str) -> None:
    at = AppTest.from_string(source, default_timeout=0.2)
    trace = sys.gettrace()
    with pytest.raises(ScriptTimeoutError, match=r"timeout of 0\.2 s"):
        at.run()
    assert at.runs[-1].status == "timeout"
    assert sys.gettrace() is trace  # the trace function that made the app stop is gone
    assert sys.exc_info() == (None, None, None)  # no exception left "being handled"
    at.session_state.stop = True
    at.run(timeout=math.inf)  # same AppTest, next run: no interrupt left over
    assert (at.runs[-1].status, at.markdown.values) == ("stopped", ["stopped"])


@pytest.mark.parametrize("source", list(_SWALLOWING_APPS.values()), ids=list(_SWALLOWING_APPS))
def test_timeout_fires_through_except_BaseException(source: str) -> None:
    """Issue 15 item 4a: an app that swallows every interrupt in a loop still times out (here
    off the main thread: the watchdog's path) and the same AppTest runs again afterwards."""
    source = _STOP_ON_REQUEST + textwrap.dedent(source)
    assert _in_thread(lambda: _times_out_then_works(source)) is None


_MAIN_THREAD_DRIVER = """
import json, sys
from apptest import AppTest, ScriptTimeoutError
for source in json.loads(sys.argv[1]):
    at = AppTest.from_string(source, default_timeout=0.2)
    try:
        at.run()
    except ScriptTimeoutError:
        print(at.runs[-1].status)
    print(sys.exc_info()[1])
"""


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs signal.setitimer")
def test_timeout_fires_through_except_BaseException_on_the_main_thread() -> None:
    """Item 4a on the main thread (SIGALRM's path), in a fresh process so that a hang fails
    the test instead of stalling the suite."""
    sources = [textwrap.dedent(source) for source in _SWALLOWING_APPS.values()]
    result = subprocess.run(
        [sys.executable, "-c", _MAIN_THREAD_DRIVER, json.dumps(sources)],
        capture_output=True,
        text=True,
        timeout=_PATIENCE * 2,
        check=False,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["timeout", "None"] * len(sources)


def test_timeout_off_the_main_thread() -> None:
    """Item 4b: run() called from another thread times out too; the thread's trace function
    is untouched afterwards and the test thread never sees the interrupt."""
    at = AppTest.from_file(APPS / "core_loop.py", default_timeout=0.2)
    traces: list[object] = []

    def work() -> None:
        traces.append(sys.gettrace())
        try:
            at.run()
        finally:
            traces.append(sys.gettrace())

    raised = _in_thread(work)
    assert isinstance(raised, ScriptTimeoutError)
    assert "timeout of 0.2 s" in str(raised)
    assert at.runs[-1].status == "timeout"
    assert traces[0] is traces[1]
    at.session_state.loop = False
    assert _in_thread(at.run) is None
    assert at.markdown.values == ["before loop", "no loop"]


@pytest.mark.parametrize("timeout", [None, math.inf, 1e10, 0])
def test_infinite_timeout_means_none(timeout: float | None) -> None:
    """Item 4c: None, inf, huge numbers (and 0) mean no timeout, for default_timeout= and for
    run(timeout=)."""
    source = "import streamlit as st\nst.write('done')"
    at = AppTest.from_string(source, default_timeout=timeout).run()
    assert (at.runs[-1].status, at.markdown.values) == ("finished", ["done"])
    if timeout is not None:
        at = AppTest.from_string(source).run(timeout=timeout)
        assert (at.runs[-1].status, at.markdown.values) == ("finished", ["done"])


@pytest.mark.parametrize("bad", [-1, -0.5, math.nan, "3", True, [1]])
def test_bad_timeout_names_the_argument(bad: object) -> None:
    """Item 4c: a negative, NaN or non-number timeout is an AppTestError naming the argument
    and what it got."""
    source = "import streamlit as st\nst.write('done')"
    with pytest.raises(AppTestError, match=rf"^default_timeout.*{re.escape(repr(bad))}"):
        AppTest.from_string(source, default_timeout=bad)  # type: ignore[arg-type]
    at = AppTest.from_string(source)
    with pytest.raises(AppTestError, match=rf"^timeout.*{re.escape(repr(bad))}"):
        at.run(timeout=bad)  # type: ignore[arg-type]
    assert at.run().markdown.values == ["done"]


# -- run history ---------------------------------------------------------------------------------
def test_runs_record_scope_trigger_and_status() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        if st.button("Rerun"):
            st.rerun()
        if st.button("Fail"):
            raise ValueError("failed")
        """
    )
    assert at.runs == []
    at.run()
    at.run()
    at.button[0].click().run()
    at.button[1].click().run()
    assert [(r.id, r.scope, r.trigger, r.status) for r in at.runs] == [
        (1, "app", "initial", "finished"),
        (2, "app", "user", "finished"),
        (3, "app", "user", "rerun"),
        (4, "app", "rerun", "finished"),
        (5, "app", "user", "error"),
    ]
    assert all(r.fragment_ids == () and r.fragments == () for r in at.runs)
    assert repr(at.runs[2]) == "<run 3: app (user) rerun>"
    assert at.runs[-1].exceptions == ("ValueError: failed",)
    # The run loop builds records positionally; one built by keyword is the same frozen record.
    record = at.runs[-1]
    again = RunRecord(**dataclasses.asdict(record))
    assert again == record and hash(again) == hash(record) and repr(again) == repr(record)
    assert dataclasses.replace(record, status="finished").status == "finished"
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.status = "finished"  # type: ignore[misc]
