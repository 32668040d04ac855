"""Isolation: AppTests never share state, and no run leaves traces in the process.

Two AppTests interleaved in one test keep their own Session State, fragments and clocks;
``sys.path``, ``sys.argv``, the working directory and ``sys.modules`` are as before after any
run, including failing ones; a failing app never breaks the harness.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from apptest import AppTest, RerunLimitError, ScriptTimeoutError
from apptest._run.layout import current_run

APPS = Path(__file__).parent / "apps"

COUNTER = """
import streamlit as st
st.session_state.count = st.session_state.get("count", 0) + 1
if st.button("Add"):
    st.session_state.clicks = st.session_state.get("clicks", 0) + 1
st.checkbox("Flag", key="flag")
st.write(st.session_state.count, st.session_state.get("clicks", 0))
"""


def test_interleaved_apptests_do_not_share_session_state() -> None:
    one = AppTest.from_string(COUNTER).run()
    two = AppTest.from_string(COUNTER).run()
    one.button[0].click().run()
    one.checkbox("flag").check().run()
    two.run()
    assert one.markdown.values == ["`3` `1`"]
    assert two.markdown.values == ["`2` `0`"]
    assert one.session_state.flag is True and two.session_state.flag is False
    one.session_state.extra = "only one"
    assert "extra" not in two.session_state


def test_interleaved_apptests_do_not_share_fragments() -> None:
    source = """
    import streamlit as st
    @st.fragment
    def part():
        st.session_state.part_runs = st.session_state.get("part_runs", 0) + 1
        st.button("Again")
    if st.session_state.get("with_fragment", True):
        part()
    """
    one = AppTest.from_string(source).run()
    two = AppTest.from_string(source)
    two.session_state.with_fragment = False
    two.run()
    assert [f.name for f in one.fragments] == ["part"]
    assert two.fragments == []
    one.button[0].click().run()
    assert one.runs[-1].scope == "fragment"
    assert one.session_state.part_runs == 2
    assert "part_runs" not in two.session_state


def test_interleaved_apptests_do_not_share_clocks() -> None:
    source = """
    import time
    import streamlit as st
    st.write(time.time())
    """
    one = AppTest.from_string(source, start_time="2024-01-01T00:00:00Z").run()
    two = AppTest.from_string(source, start_time="2024-01-01T00:00:00Z").run()
    one.clock.advance("1h")
    assert (one.clock.now - two.clock.now).total_seconds() == 3600
    one.run()
    two.run()
    assert one.markdown.values != two.markdown.values


def test_process_state_unchanged_after_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path, argv, modules = list(sys.path), list(sys.argv), dict(sys.modules)
    main = sys.modules["__main__"]
    at = AppTest.from_file(APPS / "core_helper_app.py").run()
    at.run()
    AppTest.from_file(APPS / "iso_a" / "app.py").run()
    assert sys.path == path
    assert sys.argv == argv
    assert os.getcwd() == str(tmp_path)
    assert sys.modules["__main__"] is main
    for name in ("streamlit", "streamlit.errors", "core_helper_mod", "samename"):
        assert (name in sys.modules) == (name in modules)
    assert all(sys.modules.get(name) is module for name, module in modules.items())
    assert current_run() is None


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("raise RuntimeError('x')", None),
        ("import streamlit as st\nst.rerun()", RerunLimitError),
        ("while True:\n    pass", ScriptTimeoutError),
        ("def broken(:\n    pass", None),
        ("import streamlit as st\nwith st.container():\n    st.stop()", None),
        ("import sys\nsys.exit(3)", None),
    ],
)
def test_a_failing_app_never_breaks_the_harness(
    source: str, expected: type[BaseException] | None
) -> None:
    path, argv, modules = list(sys.path), list(sys.argv), set(sys.modules)
    failing = AppTest.from_string(source, default_timeout=0.2)
    if expected is None:
        failing.run()
    else:
        with pytest.raises(expected):
            failing.run()
    assert current_run() is None
    assert sys.path == path and sys.argv == argv
    assert "streamlit" not in sys.modules or "streamlit" in modules
    healthy = AppTest.from_string("import streamlit as st\nst.write('fine')").run()
    assert healthy.markdown.values == ["fine"]


def test_system_exit_in_the_app_is_shown_not_raised() -> None:
    """``sys.exit()`` in an app must not end the test process: it is an app exception."""
    at = AppTest.from_string("import streamlit as st\nst.write('a')\nimport sys\nsys.exit(3)").run()
    assert at.markdown.values == ["a"]
    assert (at.exception[0].exc_type, at.exception[0].message) == ("SystemExit", "3")
    assert at.runs[-1].status == "error"
