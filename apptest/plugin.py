"""pytest plugin: fixtures that build AppTests, a thin layer over the pytest-free core.

Installed through the ``pytest11`` entry point, so the fixtures are available in every test::

    def test_counter(app_test):
        at = app_test("app.py").run()      # path relative to this test file
        at.button(label="+1").click().run()

Mark a test with ``@pytest.mark.apptest_semantics("seed")`` to choose the profile used by
``app_test`` and ``app_from_string`` in it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "apptest_semantics(name): the semantics profile the apptest fixtures use"
    )


def _semantics(request: pytest.FixtureRequest) -> str:
    marker = request.node.get_closest_marker("apptest_semantics")
    return str(marker.args[0]) if marker is not None and marker.args else "seed"


@pytest.fixture
def app_test(request: pytest.FixtureRequest) -> Callable[..., AppTest]:
    """A factory: ``app_test(path, **options)`` loads a script relative to the test file."""

    def make(path: str | Path, **options: Any) -> AppTest:
        # lazy: pytest loads this plugin in every run; apptest loads when a test uses it
        from apptest._api.apptest import AppTest

        script = Path(path)
        if not script.is_absolute():
            script = Path(request.path).parent / script
        options.setdefault("semantics", _semantics(request))
        return AppTest.from_file(script, **options)

    return make


@pytest.fixture
def app_from_string(request: pytest.FixtureRequest) -> Callable[..., AppTest]:
    """A factory: ``app_from_string(source, **options)`` builds an AppTest from source text."""

    def make(source: str, **options: Any) -> AppTest:
        # lazy: pytest loads this plugin in every run; apptest loads when a test uses it
        from apptest._api.apptest import AppTest

        options.setdefault("semantics", _semantics(request))
        return AppTest.from_string(source, **options)

    return make
