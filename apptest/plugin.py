"""pytest plugin: fixtures that build AppTests, settings per test, and failure reports.

Installed through the ``pytest11`` entry point, so the fixtures are available in every test::

    def test_counter(app_test):
        at = app_test("app.py").run()      # path relative to this test file
        at.button(label="+1").click().run()

Settings, first found wins: the keyword passed to the fixture or ``AppTest``; the
``@pytest.mark.apptest(semantics=..., start_time=..., default_timeout=...,
raise_app_exceptions=...)`` marker on the test (or its class/module; the older
``@pytest.mark.apptest_semantics("modern")`` still works); the ini options ``apptest_semantics``,
``apptest_start_time``, ``apptest_default_timeout``, ``apptest_raise_app_exceptions``; for the
profile, the ``APPTEST_SEMANTICS`` environment variable; the built-in default. The profile and
``raise_app_exceptions`` apply to every AppTest a test builds; ``start_time`` and
``default_timeout`` to the fixtures' AppTests.

When a test fails, the report shows, for each AppTest the test created, its exception elements
with their stack traces, its run history and its last element tree (``--apptest-no-report`` or
``apptest_report = false`` turn this off; ``apptest_report_lines`` limits the size).
``--apptest-html DIR`` also writes each of them as an HTML page.

The fixtures are session-scoped factories (each call builds a fresh AppTest), so they work in
Hypothesis ``@given`` tests without the function-scoped-fixture health check.

Nothing heavy loads here: pytest imports this module in every run, apptest's core loads with
the first AppTest.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Generator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from apptest._plugin_state import TestScope, current_scope, pop_scope, push_scope

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest

#: The keywords of the ``apptest`` marker.
MARKER_KEYS = ("semantics", "start_time", "default_timeout", "raise_app_exceptions")

_REPORTED = pytest.StashKey[bool]()
_ITEMS: list[pytest.Item] = []  # the tests in progress, innermost last (pytester nests them)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("apptest")
    group.addoption(
        "--apptest-no-report",
        action="store_true",
        default=None,
        help="do not add the AppTests' tree, runs and exceptions to failing tests' reports",
    )
    group.addoption(
        "--apptest-html",
        metavar="DIR",
        default=None,
        help="write an HTML page of each AppTest of each failing test into DIR",
    )
    parser.addini(
        "apptest_semantics",
        "semantics profile of AppTests that do not choose one (below the marker, above "
        "the APPTEST_SEMANTICS environment variable)",
        default="",
    )
    parser.addini("apptest_start_time", "virtual clock start of the fixtures' AppTests", default="")
    parser.addini(
        "apptest_default_timeout",
        "default_timeout (real seconds; 'none' for none) of the fixtures' AppTests",
        default="",
    )
    parser.addini(
        "apptest_raise_app_exceptions",
        "run() raises the app's exception (after showing it) in every AppTest",
        type="bool",
        default=False,
    )
    parser.addini(
        "apptest_report", "add AppTests to failing tests' reports", type="bool", default=True
    )
    parser.addini(
        "apptest_report_lines",
        "most lines of one AppTest's failure report (0: no limit)",
        default="300",
    )


@pytest.hookimpl(tryfirst=True)  # before Hypothesis's plugin loads --hypothesis-profile
def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "apptest(semantics=None, start_time=None, default_timeout=None, "
        "raise_app_exceptions=None): defaults of the AppTests the test builds",
    )
    config.addinivalue_line(
        "markers", "apptest_semantics(name): the semantics profile the apptest fixtures use"
    )
    _report_lines(config)  # a malformed ini option stops the run before any test
    timeout = str(config.getini("apptest_default_timeout") or "").strip()
    if timeout:
        _timeout(timeout)
    if config.getoption("hypothesis_profile", None) == "apptest" or "hypothesis" in sys.modules:
        # lazy: Hypothesis loads only when the run uses it; the "apptest" profile: deadline=None
        from apptest._explore.profile import register_profile

        register_profile()


def _report_lines(config: pytest.Config) -> int:
    text = str(config.getini("apptest_report_lines") or "0").strip()
    try:
        return int(text)
    except ValueError:
        raise pytest.UsageError(
            f"apptest_report_lines = {text!r} is not a whole number; write e.g. 300, or 0 "
            "for no limit."
        ) from None


def settings(item: pytest.Item) -> dict[str, Any]:
    """The test's settings from its markers (closest first) and the ini options; keys not set
    are absent. A marker keyword apptest does not know fails the test's setup."""
    found: dict[str, Any] = {}
    for marker in item.iter_markers("apptest"):
        for name, value in marker.kwargs.items():
            found.setdefault(name, value)
    old = item.get_closest_marker("apptest_semantics")
    if old is not None and old.args:
        found.setdefault("semantics", str(old.args[0]))
    ini = item.config.getini
    for name in ("semantics", "start_time"):
        text = str(ini(f"apptest_{name}") or "").strip()
        if text:
            found.setdefault(name, text)
    timeout = str(ini("apptest_default_timeout") or "").strip()
    if timeout:
        found.setdefault("default_timeout", _timeout(timeout))
    if ini("apptest_raise_app_exceptions"):
        found.setdefault("raise_app_exceptions", True)
    return found


def _timeout(text: str) -> float:
    if text.lower() in ("none", "inf"):
        return math.inf
    try:
        return float(text)
    except ValueError:
        raise pytest.UsageError(
            f"apptest_default_timeout = {text!r} is not a number of seconds; write e.g. 5, "
            "or 'none' for no timeout."
        ) from None


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in item.iter_markers("apptest"):
        unknown = sorted(set(marker.kwargs) - set(MARKER_KEYS))
        if marker.args or unknown:
            found = ", ".join([*map(repr, marker.args), *unknown])
            pytest.fail(
                f"@pytest.mark.apptest takes only the keywords {', '.join(MARKER_KEYS)}; "
                f"found {found}. Write e.g. @pytest.mark.apptest(semantics='modern').",
                pytrace=False,
            )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    # The marker and ini options hold for the whole test (fixtures and AppTests built in it).
    chosen = settings(item)
    semantics = chosen.get("semantics")
    push_scope(
        TestScope(
            raise_app_exceptions=bool(chosen.get("raise_app_exceptions", False)),
            semantics=None if semantics is None else str(semantics),
        )
    )
    _ITEMS.append(item)
    try:
        return (yield)
    finally:
        _ITEMS.pop()
        pop_scope()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    scope = current_scope()
    if not report.failed or scope is None or not scope.created:
        return report
    if item.stash.get(_REPORTED, False):
        return report  # one report per test, from the first phase that failed
    item.stash[_REPORTED] = True
    config = item.config
    if not config.getoption("apptest_no_report") and config.getini("apptest_report"):
        lines = _report_lines(config)
        # lazy: the report code loads only when a test that built an AppTest failed
        from apptest._api.report import failure_report

        first = scope.count - len(scope.created) + 1
        for number, at in enumerate(scope.created, start=first):
            title = f"apptest: AppTest {number} of {scope.count}"
            report.sections.append((title, _safely(partial(failure_report, at, lines))))
    html_dir = config.getoption("apptest_html")
    if html_dir:
        _write_pages(Path(html_dir), item.nodeid, scope.created)
    return report


def _safely(make: Callable[[], str]) -> str:
    """The report text; a failure to describe the app must not hide the test's own failure."""
    try:
        return make()
    except Exception as exc:  # any bug here is reported in the section, not raised
        return f"apptest could not describe this AppTest: {type(exc).__name__}: {exc}"


def _write_pages(folder: Path, nodeid: str, created: list[Any]) -> None:
    # lazy: the HTML code loads only when a page is written
    from apptest._api.html import to_html

    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid).strip("_")
    for index, at in enumerate(created, start=1):
        suffix = f"-{index}" if len(created) > 1 else ""
        page = folder / f"{stem}{suffix}.html"
        page.write_text(_safely(partial(to_html, at, title=nodeid)), encoding="utf-8")


def _current() -> pytest.Item | None:
    return _ITEMS[-1] if _ITEMS else None


def _with_defaults(options: dict[str, Any]) -> dict[str, Any]:
    item = _current()
    if item is not None:
        chosen = settings(item)
        for name in ("start_time", "default_timeout"):
            if name in chosen:
                options.setdefault(name, chosen[name])
    return options


@pytest.fixture(scope="session")
def app_test() -> Callable[..., AppTest]:
    """A factory: ``app_test(path, **options)`` loads a script relative to the test file
    (a fresh AppTest per call, so it works inside Hypothesis ``@given`` tests)."""

    def make(path: str | Path, **options: Any) -> AppTest:
        # lazy: pytest loads this plugin in every run; apptest loads when a test uses it
        from apptest._api.apptest import AppTest

        script = Path(path)
        item = _current()
        if not script.is_absolute():
            base = Path(item.path).parent if item is not None else Path.cwd()
            script = base / script
        return AppTest.from_file(script, **_with_defaults(options))

    return make


@pytest.fixture(scope="session")
def app_from_string() -> Callable[..., AppTest]:
    """A factory: ``app_from_string(source, **options)`` builds an AppTest from source text."""

    def make(source: str, **options: Any) -> AppTest:
        # lazy: pytest loads this plugin in every run; apptest loads when a test uses it
        from apptest._api.apptest import AppTest

        return AppTest.from_string(source, **_with_defaults(options))

    return make


@pytest.fixture
def tree_snapshot(request: pytest.FixtureRequest) -> Any:
    """syrupy's ``snapshot`` storing ``at.tree`` as one ``.txt`` per snapshot (needs syrupy:
    ``pip install 'apptest[snapshot]'``): ``assert at.tree == tree_snapshot``."""
    try:
        snapshot = request.getfixturevalue("snapshot")
    except pytest.FixtureLookupError:
        snapshot = None
    if snapshot is None:
        pytest.fail(
            "tree_snapshot needs syrupy, which is not installed (or disabled with "
            "-p no:syrupy): pip install 'apptest[snapshot]'.",
            pytrace=False,
        )
    # lazy: syrupy is an optional dependency, loaded only by tests that take snapshots
    from apptest.syrupy import TreeSnapshotExtension

    return snapshot.use_extension(TreeSnapshotExtension)
