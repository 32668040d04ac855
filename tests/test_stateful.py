"""``apptest.stateful.AppMachine``: a RuleBasedStateMachine that explores an app, prints a
failing example as apptest code, and leaves Hypothesis on real time."""

from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis.stateful import invariant, rule, run_state_machine_as_test

from apptest._explore.checks import InvariantError
from apptest.stateful import AppMachine

QUICK = settings(derandomize=True, database=None, max_examples=200)


class ThirdClick(AppMachine):
    app = "apps/explore/third_click.py"


class DocCounters(AppMachine):
    """The st.fragment documentation's counters, against a pure model of the two counts."""

    app = "../examples/counters.py"

    def __init__(self) -> None:
        super().__init__()
        self.model = {"app": 1, "fragment": 1}

    @rule()
    def click_fragment(self) -> None:
        self.at.button(label="Rerun fragment").click().run()
        self.model["fragment"] += 1

    @invariant()
    def counts_match_the_model(self) -> None:
        runs = self.at.runs
        assert self.at.session_state.app_runs == sum(r.scope == "app" for r in runs)
        assert self.at.session_state.fragment_runs >= self.model["fragment"]


@functools.cache
def failure(machine: type[AppMachine]) -> BaseException:
    """What running ``machine`` raised (once per machine: the tests read the same failure)."""
    with pytest.raises(Exception) as caught:
        run_state_machine_as_test(machine, settings=QUICK)
    return caught.value


def test_a_failing_example_prints_each_step_as_apptest_code() -> None:
    error = failure(ThirdClick)
    assert isinstance(error, InvariantError) and error.invariant == "no_exception"
    notes = "\n".join(getattr(error, "__notes__", []))
    steps = notes.split("state = ThirdClick()\n", 1)[1].split("state.teardown()", 1)[0]
    lines = steps.splitlines()
    assert lines[0] == "at = state.at" and len(lines) <= 6
    assert [line for line in lines if "Go" in line] == ['at.button(label="Go").click().run()'] * 3
    assert all(line.startswith("at.") for line in lines[1:])
    replay = next(n for n in error.__notes__ if n.startswith("Replay as a test:"))
    pasted = replay.split("\n\n", 1)[1].strip()
    assert pasted.splitlines()[-1] == "assert not at.exception, at.exception[0].message"
    with pytest.raises(AssertionError, match="the third click breaks"):
        exec(compile(pasted, __file__, "exec"), {})  # as if pasted into this file


def test_the_hypothesis_printout_itself_replays() -> None:
    notes = "\n".join(getattr(failure(ThirdClick), "__notes__", []))
    # Hypothesis heads it "Falsifying example:" (6.155) or "Failing test case: <state
    # machine>" (6.170): the program starts at the machine's construction either way.
    start = "state = ThirdClick()\n"
    program = start + notes.split(start, 1)[1].split("state.teardown()", 1)[0]
    namespace: dict[str, Any] = {"ThirdClick": ThirdClick}
    exec(compile(program, __file__, "exec"), namespace)
    assert namespace["at"].exception[0].message == "the third click breaks"


def test_user_rules_and_invariants_run_beside_the_built_in_ones() -> None:
    run_state_machine_as_test(DocCounters, settings=settings(QUICK, max_examples=15))


def test_built_in_invariants_switch_off() -> None:
    class Lenient(ThirdClick):
        app_invariants = ("fragment_isolation", "widget_values")

    run_state_machine_as_test(Lenient, settings=settings(QUICK, max_examples=10))


def test_app_source_text_and_a_missing_app() -> None:
    class Inline(AppMachine):
        app = "import streamlit as st\nif st.checkbox('Off'):\n    st.write(1 / 0)\n"

    error = failure(Inline)
    assert "ZeroDivisionError" in str(error)

    class Nothing(AppMachine):
        pass

    with pytest.raises(TypeError, match="needs an app"):
        Nothing()


def test_the_machine_sees_real_time_while_the_app_sleeps_for_an_hour() -> None:
    class Sleepy(AppMachine):
        app = "import time\nimport streamlit as st\nif st.button('Nap'):\n    time.sleep(3600)\n"

        @rule()
        def nap(self) -> None:
            real, virtual = time.time(), self.at.clock.now
            self.at.button(label="Nap").click().run()
            assert (self.at.clock.now - virtual).total_seconds() >= 3600  # the app slept
            assert time.time() - real < 60  # the test (and Hypothesis) did not

    run_state_machine_as_test(Sleepy, settings=settings(QUICK, max_examples=5, deadline=2000))


def test_the_plugin_offers_the_apptest_profile(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = str(Path(__file__).resolve().parent.parent)
    monkeypatch.setenv("PYTHONPATH", root)  # this checkout's plugin, not an installed one
    pytester.makepyfile(
        test_profile="""
        from hypothesis import settings

        def test_profile():
            assert settings.get_current_profile_name() == "apptest"
            assert settings.default.deadline is None
        """
    )
    result = pytester.runpytest_subprocess("--hypothesis-profile=apptest", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
