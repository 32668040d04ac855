"""``apptest.explore(app)``: click around an app at random, move its clock, and shrink what
breaks it to the shortest sequence, printed as apptest code.

Hypothesis draws the steps (``@given(st.data())`` around a loop, the way its stateful testing
runs rules, without the per-rule overhead), shrinks a failure and keeps it in its example
database, so the next exploration of the same app replays it first.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import hashlib
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hypothesis import HealthCheck, given, reporting
from hypothesis import settings as Settings
from hypothesis import strategies as st

from apptest._explore.app_spec import AppSpec, regression_code
from apptest._explore.checks import Checks, Invariant
from apptest._explore.draws import HypothesisDraws
from apptest._explore.driver import Driver
from apptest._explore.steps import FullRerun

if TYPE_CHECKING:
    from apptest._profile import Semantics

#: The database the current Hypothesis profile names (the usual one, in ``.hypothesis/``).
DEFAULT_DATABASE: Any = object()


@dataclass
class ExploreResult:
    """What ``explore()`` found.

    ``failed``: an invariant broke (or the harness raised); then ``code`` is the shortest
    sequence Hypothesis found, as a test body to paste (``steps`` its lines), and ``error``
    the failure. ``interactions``: the steps tried over all examples (draw, run and checks
    each); ``examples``: how many sequences ran.
    """

    __module__ = "apptest"

    app: str
    failed: bool = False
    code: str = ""
    steps: list[str] = field(default_factory=list)
    error: BaseException | None = None
    interactions: int = 0
    examples: int = 0
    unknown_kinds: list[str] = field(default_factory=list)
    report: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        if not self.failed:
            return (
                f"{self.app}: no failure in {self.examples} sequences "
                f"({self.interactions} interactions)."
            )
        return (
            f"{self.app}: {_describe(self.error)}\nShortest sequence found "
            f"({len(self.steps)} steps):\n\n{self.code}\n"
        )


def _describe(error: BaseException | None) -> str:
    if error is None:
        return "no failure"
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


@dataclass
class _Tally:
    last: Driver | None = None
    interactions: int = 0
    examples: int = 0
    unknown: set[str] = field(default_factory=set)


def explore(
    app: str | Path,
    *,
    max_steps: int = 20,
    max_examples: int = 100,
    invariants: Iterable[str | Invariant] | None = None,
    semantics: str | Semantics | None = None,
    start_time: _dt.datetime | str | None = None,
    database: Any = DEFAULT_DATABASE,
    settings: Settings | None = None,
) -> ExploreResult:
    """Explore ``app`` (a script path, relative to the calling file or the working directory,
    or source text) with random sequences of up to ``max_steps`` steps.

    ``invariants``: names of built-in ones (``"no_exception"``, ``"fragment_isolation"``,
    ``"widget_values"``; all by default) and callables ``check(at)`` that raise on a bad
    state. ``database``: Hypothesis's example database (by default the current settings
    profile's, ``.hypothesis/`` in the working directory; ``None`` for none). ``settings``:
    base Hypothesis settings (``max_examples`` and the deadline are set here). Returns an
    :class:`ExploreResult`; a failure is shrunk first.
    """
    caller = Path(traceback.extract_stack(limit=2)[0].filename).parent
    spec = AppSpec.of(app, caller, semantics, start_time)
    checks = Checks(invariants)
    tally = _Tally()

    def one_sequence(data: Any) -> None:
        at = spec.make()
        driver = Driver(at, checks)
        tally.last = driver
        tally.examples += 1
        try:
            start(driver)
            draws = HypothesisDraws(data)
            while draws.more(len(driver.steps), max_steps):
                draws.start_step()
                driver.step(draws)
                draws.stop_step()
        finally:
            tally.interactions += driver.interactions
            tally.unknown |= driver.unknown_kinds

    test = _settings(settings, max_examples, database)(given(st.data())(one_sequence))
    digest = hashlib.sha256(spec.identity() + repr((max_steps, checks.names)).encode())
    test.hypothesis.inner_test._hypothesis_internal_add_digest = digest.digest()  # type: ignore[attr-defined]
    result = ExploreResult(app=str(app) if spec.path else "<source>")
    report = result.report
    with _older_objects_set_aside(), reporting.with_reporter(lambda text: report.append(str(text))):
        try:
            test()
        except Exception as exc:  # the shrunk failure: an invariant, or the harness
            result.failed, result.error = True, exc
    driver = tally.last
    if result.failed and driver is not None:
        result.steps = [step.code() for step in driver.steps]
        result.code = regression_code(spec, driver.steps, result.error)
    result.interactions, result.examples = tally.interactions, tally.examples
    result.unknown_kinds = sorted(tally.unknown)
    return result


def start(driver: Driver) -> None:
    """The first run, checked like a step (an app that fails at once fails here)."""
    at = driver.at
    roots = at._roots()
    at.run()
    driver.checks.after(at, FullRerun(), roots, 0)


@contextlib.contextmanager
def _older_objects_set_aside() -> Iterator[None]:
    """The garbage collector's full collections skip what existed before the exploration.

    An exploration makes thousands of runs, whose allocations set off a few full collections;
    each walked every object of the process (modules, Hypothesis, the test session), about
    5 % of an exploration's time. ``gc.freeze()`` sets those objects aside until the end
    (they are not garbage: the process holds them; one that became garbage meanwhile is
    collected after). Left alone when the process froze objects itself or turned the
    collector off."""
    if gc.get_freeze_count() or not gc.isenabled():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _settings(given_settings: Settings | None, max_examples: int, database: Any) -> Settings:
    options: dict[str, Any] = {
        "max_examples": max_examples,
        "deadline": None,
        "suppress_health_check": list(HealthCheck),
        "report_multiple_bugs": False,
    }
    if database is not DEFAULT_DATABASE:
        options["database"] = database
    return Settings(given_settings, **options)


__all__ = ["ExploreResult", "explore"]
