"""Execution flow (issue 2, points 6 and 8): st.rerun, st.stop, app exceptions, the rerun
budget, the timeout, and the run history.

Rule ids: RR2 (``st.rerun()`` requests a full run), RR5 (rerun/stop are not ``Exception``s),
S3/S4 (``st.stop``), F7 (an app exception still finishes the run), X6 (a callback exception is
shown at the top of main).
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from apptest import AppTest, AppTestError, RerunLimitError, ScriptTimeoutError

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
    assert exc.stack_trace == (
        'File "<streamlit app>", line 7, in <module>\n    helper()',
        'File "<streamlit app>", line 6, in helper\n    return {}["missing"]\n           ~~^^^^^^^^^^^',
    )
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
    (tmp_path / "core_failing_helper.py").write_text("def fail():\n    raise RuntimeError('deep')\n")
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
