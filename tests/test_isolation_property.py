"""Isolation as a property (issue 15): nothing an app does is visible from one AppTest to the
next, whatever it changed.

Each example builds one or two AppTests of the same app file and runs them in turns. The app
first *observes* what it can see (working directory, environment, ``sys.path``, warnings
filters, logging, the recursion limit, a helper module's globals, Session State, a resource
cache, secrets, the clock, the ``streamlit`` module), then applies the changes the example
chose. Every AppTest's first run
must observe the pristine values; every later run must still see the process as it was.
"""

from __future__ import annotations

import ast
import logging
import os
import sys
import tempfile
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apptest import AppTest

APP = """
import logging, os, sys, time, warnings
import streamlit as st
import iso_helper

@st.cache_resource
def shared():
    return {}

seen = {
    "cwd": os.getcwd(),
    "env": os.environ.get("APPTEST_ISO"),
    "path": "/apptest/iso" in sys.path,
    "warnings": len(warnings.filters),
    "log_level": logging.getLogger().level,
    "log_handlers": len(logging.getLogger().handlers),
    "recursion": sys.getrecursionlimit(),
    "helper": iso_helper.counter,
    "state": st.session_state.get("mark"),
    "cache": shared().get("mark"),
    "secret": st.secrets.get("token"),
    "time": time.time(),
    "st_attr": getattr(st.markdown, "__name__", None),
}
st.text(repr(seen))
todo = st.secrets.get("todo", [])
if "cwd" in todo:
    os.chdir(os.path.dirname(os.getcwd()) or "/")
if "env" in todo:
    os.environ["APPTEST_ISO"] = "changed"
if "path" in todo:
    sys.path.append("/apptest/iso")
if "warnings" in todo:
    warnings.simplefilter("ignore")
if "logging" in todo:
    logging.getLogger().setLevel(5)
    logging.getLogger().addHandler(logging.NullHandler())
if "recursion" in todo:
    sys.setrecursionlimit(sys.getrecursionlimit() + 77)
if "globals" in todo:
    iso_helper.counter += 1
if "state" in todo:
    st.session_state.mark = "set"
if "cache" in todo:
    shared()["mark"] = "set"
if "clock" in todo:
    time.sleep(3600)
if "st_attr" in todo:
    st.markdown = print
"""

CHANGES = [
    "cwd",
    "env",
    "path",
    "warnings",
    "logging",
    "recursion",
    "globals",
    "state",
    "cache",
    "secrets",
    "clock",
    "st_attr",
]
#: What a process-level change leaves visible to the next run of the same AppTest.
PROCESS = ("cwd", "env", "path", "warnings", "log_level", "log_handlers", "recursion", "st_attr")

FOLDER = Path(tempfile.mkdtemp(prefix="apptest_iso_"))
(FOLDER / "app.py").write_text(APP)
(FOLDER / "iso_helper.py").write_text("counter = 0\n")


def _observe(at: AppTest) -> dict[str, object]:
    assert not at.exception, at.exception
    seen = ast.literal_eval(at.text[0].value)
    assert isinstance(seen, dict)
    return seen


def _process() -> tuple[object, ...]:
    root = logging.getLogger()
    return (
        os.getcwd(),
        dict(os.environ),
        list(sys.path),
        list(warnings.filters),
        root.level,
        list(root.handlers),
        sys.getrecursionlimit(),
        sorted(name for name in sys.modules if name.startswith(("streamlit", "iso_helper"))),
    )


def _app(changes: list[str]) -> AppTest:
    at = AppTest.from_file(FOLDER / "app.py")
    if "secrets" in changes:
        at.secrets["token"] = "secret"
    at.secrets["todo"] = changes  # st.secrets is per AppTest too
    return at


def _pristine() -> dict[str, object]:
    """What a first run must observe: the process as the test has it, a fresh AppTest."""
    root = logging.getLogger()
    return {
        "cwd": os.getcwd(),
        "env": os.environ.get("APPTEST_ISO"),
        "path": "/apptest/iso" in sys.path,
        "warnings": len(warnings.filters),
        "log_level": root.level,
        "log_handlers": len(root.handlers),
        "recursion": sys.getrecursionlimit(),
        "helper": 0,
        "state": None,
        "cache": None,
        "secret": None,
        "time": 1704110400.0,  # 2024-01-01 12:00 UTC, where every AppTest's clock starts
        "st_attr": "markdown",
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plans=st.lists(
        st.tuples(st.lists(st.sampled_from(CHANGES), unique=True), st.integers(1, 3)),
        min_size=1,
        max_size=2,
    )
)
def test_nothing_an_app_changes_is_visible_to_the_next_apptest(
    plans: list[tuple[list[str], int]],
) -> None:
    before, pristine = _process(), _pristine()
    apps = [(_app(changes), changes, runs) for changes, runs in plans]
    for turn in range(max(runs for _, _, runs in apps)):  # the AppTests' runs interleaved
        for at, changes, runs in apps:
            if turn >= runs:
                continue
            seen = _observe(at.run())
            if turn == 0:  # each AppTest's first run sees a clean slate
                assert seen == dict(pristine, secret="secret" if "secrets" in changes else None)
            else:  # later ones see the process as it was (their own AppTest's state aside)
                assert {k: seen[k] for k in PROCESS} == {k: pristine[k] for k in PROCESS}
            assert _process() == before
