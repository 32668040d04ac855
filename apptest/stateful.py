"""``AppMachine``: a Hypothesis ``RuleBasedStateMachine`` that explores a Streamlit app.

Example (``test_app.py``, next to ``app.py``)::

    from hypothesis.stateful import invariant
    from apptest.stateful import AppMachine

    class CounterMachine(AppMachine):
        app = "app.py"                      # relative to this file, or the app's source text

        @invariant()
        def count_never_negative(self):
            assert self.at.session_state.get("count", 0) >= 0

    TestCounter = CounterMachine.TestCase

The machine makes its own AppTest (never a fixture's), runs it, and then Hypothesis applies
its rules: ``interact`` (an enabled widget of the current tree and a value, a click, a form
submit, a chat message), ``advance_clock`` and ``full_rerun``. After every step the built-in
invariants listed in ``app_invariants`` are checked (remove names to switch them off); add your
own ``@invariant()`` and ``@rule()`` methods, e.g. comparing with a pure model. A failure
prints each step as the apptest line that replays it, then the whole sequence as a test
body to paste::

    at = AppTest.from_file("app.py").run()
    at.button(label="Go").click().run()
    at.clock.advance(3)
    assert not at.exception, at.exception[0].message

Only the app's time is virtual: Hypothesis (its deadline, its statistics) sees real time.
"""

from __future__ import annotations

import datetime as _dt
import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from hypothesis import note
from hypothesis import strategies as st
from hypothesis.control import current_build_context
from hypothesis.stateful import RuleBasedStateMachine, rule

from apptest._explore.app_spec import AppSpec, regression_code
from apptest._explore.checks import BUILTIN, Checks
from apptest._explore.draws import HypothesisDraws
from apptest._explore.driver import Driver
from apptest._explore.explorer import start
from apptest._explore.profile import register_profile
from apptest._explore.steps import FullRerun

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest
    from apptest._profile import Semantics

register_profile()

_OWN_RULES = frozenset({"interact", "advance_clock", "full_rerun"})


class AppMachine(RuleBasedStateMachine):
    """Base class of app state machines: set ``app`` (a path relative to the file that
    defines the subclass, or source text), optionally ``semantics``, ``start_time`` and
    ``app_invariants`` (the built-in ones to check: ``"no_exception"``, ``"fragment_isolation"``,
    ``"widget_values"``). ``self.at`` is the AppTest."""

    app: ClassVar[str] = ""
    semantics: ClassVar[str | Semantics | None] = None
    start_time: ClassVar[_dt.datetime | str | None] = None
    app_invariants: ClassVar[tuple[str, ...]] = BUILTIN

    def __init__(self) -> None:
        super().__init__()
        spec = self._spec()
        self._app_spec = spec
        self.at: AppTest = spec.make()
        self.driver = Driver(self.at, Checks(self.app_invariants))
        self._printed_setup = False
        start(self.driver)

    @classmethod
    def _spec(cls) -> AppSpec:
        if not cls.app:
            raise TypeError(
                f"{cls.__name__} needs an app: set the class attribute app = 'app.py' (relative "
                "to the test file) or app = <the app's source text>."
            )
        return AppSpec.of(cls.app, _defined_in(cls), cls.semantics, cls.start_time)

    @rule(data=st.data())
    def interact(self, data: Any) -> None:
        """An enabled widget of the current tree and a value for it (a click, a submit …);
        a clock step when the app shows no widget."""
        draws = HypothesisDraws(data)
        step = self.driver.draw_interaction(draws) or self.driver.draw_clock(draws)
        self.driver.perform(step)

    @rule(data=st.data())
    def advance_clock(self, data: Any) -> None:
        """Move the virtual clock to the next run_every tick, or by a fixed step."""
        self.driver.perform(self.driver.draw_clock(HypothesisDraws(data)))

    @rule()
    def full_rerun(self) -> None:
        """A full run with nothing staged (the browser's "Rerun")."""
        self.driver.perform(FullRerun())

    def regression_code(self) -> str:
        """The steps so far as a test body: the AppTest line, then one line per step."""
        return regression_code(self._app_spec, self.driver.steps, self.driver.error)

    def _repr_step(self, rule: Any, data: Any, result: Any) -> str:
        # Hypothesis prints each step of a failing example with this: make it apptest code.
        name = rule.function.__name__
        if name in _OWN_RULES and self.driver.steps:
            line = self.driver.steps[-1].code()
        else:
            line = str(super()._repr_step(rule, data, result))
        if not self._printed_setup:
            self._printed_setup = True
            line = f"at = state.at\n{line}"
        return line

    def teardown(self) -> None:
        """On the failing example's replay, print the whole sequence as a test body."""
        try:
            final = current_build_context().is_final
        except Exception:  # outside a Hypothesis run (a machine made by hand)
            final = False
        if final:
            note(f"Replay as a test:\n\n{self.regression_code()}\n")
        # Older Hypothesis releases leave teardown unannotated (an untyped call for mypy),
        # newer ones annotate it: through Any, the call type-checks against both.
        teardown: Any = super().teardown
        teardown()


def _defined_in(cls: type) -> Path | None:
    """The folder of the file that defines ``cls`` (its module's, else its methods')."""
    for klass in cls.__mro__:
        if klass is AppMachine:
            break
        try:
            return Path(inspect.getfile(klass)).parent
        except (TypeError, OSError):  # a class made by exec(): its methods know their file
            for member in vars(klass).values():
                if inspect.isfunction(member):
                    return Path(member.__code__.co_filename).parent
    return None


__all__ = ["AppMachine"]
