"""Helpers shared by the test modules.

``app`` runs an app given as source text once and returns its AppTest::

    def test_hello(app: RunApp) -> None:
        at = app("import streamlit as st\nst.write('hi')")
        assert at.markdown[0].value == "hi"

Keyword arguments set session inputs before the run: ``app(src, secrets={...})``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from apptest import AppTest

pytest_plugins = ["pytester"]  # pytester runs pytest on generated test files

#: The type of the ``app`` fixture.
RunApp = Callable[..., AppTest]


def run_app(source: str, **inputs: Any) -> AppTest:
    """``AppTest.from_string(source)``, with ``inputs`` set as attributes, run once."""
    at = AppTest.from_string(source)
    for name, value in inputs.items():
        setattr(at, name, value)
    return at.run()


@pytest.fixture
def app() -> RunApp:
    """Run an app from source text: ``app(source, **session_inputs) -> AppTest``."""
    return run_app


def real_apptest() -> Any:
    """Streamlit's own ``AppTest`` when real Streamlit is installed, else None."""
    try:
        from streamlit.testing.v1 import AppTest as real  # type: ignore[import-not-found]
    except Exception:  # not installed (or apptest's own ``streamlit``, which has no testing)
        return None
    if real is AppTest or real.__module__.startswith("apptest"):
        return None
    return real


@pytest.fixture(params=["apptest", "streamlit"])
def AppTestClass(request: pytest.FixtureRequest) -> Any:
    """The ``AppTest`` class a compatibility case runs with: apptest's, then Streamlit's own
    (skipped when real Streamlit is not installed), so one test body checks both agree."""
    if request.param == "apptest":
        return AppTest
    real = real_apptest()
    if real is None:
        pytest.skip("real Streamlit is not installed: this case ran against apptest only")
    return real
