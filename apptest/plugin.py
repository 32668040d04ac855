"""pytest plugin: fixtures that build AppTests, a thin layer over the pytest-free core.

Installed through the ``pytest11`` entry point, so the fixtures are available in every test::

    def test_counter(app_test):
        at = app_test("app.py").run()      # path relative to this test file
        at.button(label="+1").click().run()

Choosing the semantics profile (``"seed"``, ``"modern"``) for a test, first found wins:

1. ``semantics=`` passed to the fixture or to ``AppTest.from_*``;
2. the ``@pytest.mark.apptest_semantics("modern")`` marker on the test (or its class/module);
3. the ``apptest_semantics = modern`` ini option (``[tool.pytest.ini_options]``);
4. the ``APPTEST_SEMANTICS`` environment variable;
5. ``"seed"``.

Steps 2-4 apply to ``AppTest`` built directly in the test as well as to the fixtures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from apptest._profile import pop_plugin_default, push_plugin_default

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "apptest_semantics",
        "semantics profile of AppTests that do not choose one (below the marker, above "
        "the APPTEST_SEMANTICS environment variable)",
        default="",
    )


@pytest.hookimpl(tryfirst=True)  # before Hypothesis's plugin loads --hypothesis-profile
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "apptest_semantics(name): the semantics profile the apptest fixtures use"
    )
    if config.getoption("hypothesis_profile", None) == "apptest" or "hypothesis" in sys.modules:
        # lazy: Hypothesis loads only when the run uses it; the "apptest" profile: deadline=None
        from apptest._explore.profile import register_profile

        register_profile()


def _chosen(item: pytest.Item) -> str | None:
    """The marker's profile name, else the ini option's; ``None`` when neither is set."""
    marker = item.get_closest_marker("apptest_semantics")
    if marker is not None and marker.args:
        return str(marker.args[0])
    from_ini = str(item.config.getini("apptest_semantics") or "").strip()
    return from_ini or None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    # The marker and ini option hold for the whole test (fixtures and AppTests built in it).
    push_plugin_default(_chosen(item))
    try:
        return (yield)
    finally:
        pop_plugin_default()


@pytest.fixture
def app_test(request: pytest.FixtureRequest) -> Callable[..., AppTest]:
    """A factory: ``app_test(path, **options)`` loads a script relative to the test file."""

    def make(path: str | Path, **options: Any) -> AppTest:
        # lazy: pytest loads this plugin in every run; apptest loads when a test uses it
        from apptest._api.apptest import AppTest

        script = Path(path)
        if not script.is_absolute():
            script = Path(request.path).parent / script
        return AppTest.from_file(script, **options)

    return make


@pytest.fixture
def app_from_string(request: pytest.FixtureRequest) -> Callable[..., AppTest]:
    """A factory: ``app_from_string(source, **options)`` builds an AppTest from source text."""

    def make(source: str, **options: Any) -> AppTest:
        # lazy: pytest loads this plugin in every run; apptest loads when a test uses it
        from apptest._api.apptest import AppTest

        return AppTest.from_string(source, **options)

    return make
