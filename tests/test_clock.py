"""``run_every`` and the virtual clock: spec section 11 (T1-T13) and section 12 (Q1-Q8).

The browser's interval timers are simulated on the AppTest's virtual clock; ``at.clock.advance``
moves it and fires every due tick in time order, each a fragment run with trigger "timer".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import textwrap
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apptest import SEED, AppTest, AppTestError
from apptest._browser.timers import browser_delay_ms
from apptest._time.clock import DEFAULT_START

if TYPE_CHECKING:
    from conftest import RunApp


S = dt.timedelta(seconds=1)
CHILD = "parent.<locals>.child"  # a nested fragment's name is its qualname


def at_second(seconds: float) -> dt.datetime:
    return DEFAULT_START + seconds * S


def timer_runs(at: AppTest) -> list[tuple[tuple[str, ...], float]]:
    """(fragment names, seconds after DEFAULT_START) of every timer run."""
    return [
        (r.fragments, (r.started_at - DEFAULT_START) / S) for r in at.runs if r.trigger == "timer"
    ]


def counter_app(run_every: object, before: str = "", after: str = "") -> str:
    """A counter fragment; ``run_every`` is a value, or its source text if it starts with ``=``.
    ``before``/``after``: lines of the script around the call."""
    expr = (
        run_every[1:]
        if isinstance(run_every, str) and run_every.startswith("=")
        else repr(run_every)
    )
    lines = [
        "import datetime, time, streamlit as st",
        "st.session_state.setdefault('n', 0)",
        f"@st.fragment(run_every={expr})",
        "def tick():",
        "    st.session_state.n += 1",
        "    st.write(f'Tick {st.session_state.n}')",
        *before.splitlines(),
        "tick()",
        *after.splitlines(),
    ]
    return "\n".join(lines)


# -- acceptance --------------------------------------------------------------------------------


def test_T7_T12_ticker_acceptance_tick_1_3_4() -> None:
    """run_every="2s": Tick 1 after the first run, Tick 3 after advance(5) (ticks at +2 s and
    +4 s), Tick 4 after one more second; the full run's elements are untouched."""
    at = AppTest.from_file("apps/clock_ticker.py").run()
    assert at.markdown.values == ["Tick 1", "Written by the full run"]
    outside = (at.title[0], at.markdown[1])
    assert at.clock.advance(5) is at
    assert at.markdown.values == ["Tick 3", "Written by the full run"]
    assert at.caption.values == [f"seen at {at_second(4).timestamp():.0f}"]
    assert at.clock.now == at_second(5)
    at.clock.advance(1)
    assert at.markdown.values == ["Tick 4", "Written by the full run"]
    assert (at.title[0], at.markdown[1]) == outside
    assert [n.run_id for n in (at.title[0], at.markdown[1])] == [1, 1]
    assert [(r.id, r.scope, r.trigger, r.fragments, r.status, r.started_at) for r in at.runs] == [
        (1, "app", "initial", (), "finished", at_second(0)),
        (2, "fragment", "timer", ("counter",), "finished", at_second(2)),
        (3, "fragment", "timer", ("counter",), "finished", at_second(4)),
        (4, "fragment", "timer", ("counter",), "finished", at_second(6)),
    ]


TWO_TIMERS = """
    import streamlit as st
    st.session_state.setdefault("log", [])

    @st.fragment(run_every=2)
    def two():
        st.session_state.log.append("two")

    @st.fragment(run_every="3s")
    def three():
        st.session_state.log.append("three")

    {calls}
    """


def test_T7_two_timers_fire_interleaved_in_time_order_ties_by_arming_order(app: RunApp) -> None:
    at = app(TWO_TIMERS.format(calls="two()\n    three()"))
    at.clock.advance("12s")
    assert timer_runs(at) == [
        (("two",), 2),
        (("three",), 3),
        (("two",), 4),
        (("two",), 6),
        (("three",), 6),
        (("two",), 8),
        (("three",), 9),
        (("two",), 10),
        (("two",), 12),
        (("three",), 12),
    ]
    assert at.session_state.log == ["two", "three"] + [f[0][0] for f in timer_runs(at)]


def test_T7_tie_order_follows_call_order_not_definition_order(app: RunApp) -> None:
    at = app(TWO_TIMERS.format(calls="three()\n    two()"))
    at.clock.advance(6)
    assert timer_runs(at) == [
        (("two",), 2),
        (("three",), 3),
        (("two",), 4),
        (("three",), 6),
        (("two",), 6),
    ]


def test_advance_one_hour_with_a_one_second_timer_runs_the_fragment_3600_times(app: RunApp) -> None:
    at = app(counter_app(1))
    at.clock.advance(dt.timedelta(hours=1))
    assert len(at.runs) == 3601
    assert at.markdown.values == ["Tick 3601"]
    assert timer_runs(at)[-1] == (("tick",), 3600)


# -- the test API ------------------------------------------------------------------------------


@pytest.mark.parametrize("delta", [5, 5.0, "5s", "00:00:05", "5000ms", dt.timedelta(seconds=5)])
def test_advance_accepts_seconds_strings_and_timedeltas(delta: object, app: RunApp) -> None:
    at = app(counter_app("2s"))
    assert at.clock.advance(delta) is at  # type: ignore[arg-type]
    assert at.clock.now == at_second(5)
    assert timer_runs(at) == [(("tick",), 2), (("tick",), 4)]


@pytest.mark.parametrize(
    ("delta", "match"),
    [
        (-1, "forward only"),
        ("-1s", "forward only"),
        ("soon", "could not read the time string"),
        (True, "takes seconds"),
        ([1], "takes seconds"),
        (math.inf, "finite"),
    ],
)
def test_advance_rejects_bad_deltas_clearly(delta: object, match: str, app: RunApp) -> None:
    at = app(counter_app(1))
    with pytest.raises(AppTestError, match=match):
        at.clock.advance(delta)  # type: ignore[arg-type]
    assert at.clock.now == DEFAULT_START and len(at.runs) == 1


def test_advance_chains_and_sums_exactly(app: RunApp) -> None:
    at = app(counter_app("100ms"))
    at.clock.advance(0.1).clock.advance(0.2).clock.advance(dt.timedelta(microseconds=700_000))
    assert at.clock.now == at_second(1)
    assert len(timer_runs(at)) == 10


def test_tick_runs_see_the_tick_instant_and_carry_trigger_timer(app: RunApp) -> None:
    at = app(
        """
        import time, streamlit as st
        st.session_state.setdefault("seen", [])

        @st.fragment(run_every=1.5)
        def f():
            st.session_state.seen.append(time.time())
        f()
        """
    )
    at.clock.advance(4)
    base = DEFAULT_START.timestamp()
    assert at.session_state.seen == [base, base + 1.5, base + 3.0]
    assert [(r.scope, r.trigger) for r in at.runs[1:]] == [("fragment", "timer")] * 2


def test_pending_lists_armed_timers_soonest_first(app: RunApp) -> None:
    at = app(TWO_TIMERS.format(calls="three()\n    two()"))
    pending = at.clock.pending()
    assert [(p.fragment, p.interval, p.due) for p in pending] == [
        ("two", 2.0, at_second(2)),
        ("three", 3.0, at_second(3)),
    ]
    assert {p.fragment_id for p in pending} == {f.id for f in at.fragments}
    at.clock.advance(2)
    assert [(p.fragment, p.due) for p in at.clock.pending()] == [
        ("three", at_second(3)),
        ("two", at_second(4)),
    ]


# -- 11.1 accepted values ------------------------------------------------------------------------


@pytest.mark.parametrize("falsy", [None, 0, 0.0, "", False, "=datetime.timedelta(0)", "=[]"])
def test_T1_falsy_run_every_arms_no_timer(falsy: object, app: RunApp) -> None:
    at = app(counter_app(falsy))
    assert at.clock.pending() == []
    assert at.fragments[0].run_every is None
    at.clock.advance("1h")
    assert len(at.runs) == 1 and at.markdown.values == ["Tick 1"]


@pytest.mark.parametrize(
    ("run_every", "seconds"),
    [
        (2, 2.0),
        (0.5, 0.5),
        (True, 1.0),
        ("=datetime.timedelta(minutes=1, milliseconds=5)", 60.005),
        ("10s", 10.0),
        ("1 minute", 60.0),
        ("1m", 60.0),
        ("1.5 days", 129600.0),
        ("1D", 86400.0),
        ("1h23s", 3623.0),
        ("P1D", 86400.0),
        ("00:00:05", 5.0),
        ("5 sec", 5.0),
        ("5S", 5.0),
        ("1ms", 0.001),
    ],
)
def test_T2_T3_run_every_values_become_the_interval(
    run_every: object, seconds: float, app: RunApp
) -> None:
    at = app(counter_app(run_every))
    assert at.fragments[0].run_every == seconds
    [pending] = at.clock.pending()
    assert (pending.interval, pending.due) == (seconds, at_second(seconds))
    at.clock.advance(seconds * 2)
    assert timer_runs(at) == [(("tick",), seconds), (("tick",), seconds * 2)]


def test_T2_numpy_numbers_are_accepted_like_floats(app: RunApp) -> None:
    pytest.importorskip("numpy")
    at = app(counter_app("=__import__('numpy').int64(3)"))
    assert at.fragments[0].run_every == 3.0
    at.clock.advance(3)
    assert timer_runs(at) == [(("tick",), 3)]


@pytest.mark.parametrize(
    ("run_every", "shown"),
    [
        (-5, "-5"),
        ("-5s", "-5"),
        ("0s", "0"),
        ("10", "1e-08"),
        (0.0004, "0.0004"),
        ("30d", "2.592e+06"),
    ],
)
def test_T4_non_positive_or_overflowing_interval_is_accepted_but_advance_raises(
    run_every: object, shown: str, app: RunApp
) -> None:
    """T4: no sign check at the call; the browser's setInterval would fire continuously (a
    delay under 1 ms, or over 2**31 - 1 ms, which wraps around). Advancing raises instead of
    looping forever, naming the fragment."""
    at = app(counter_app(run_every))
    assert at.markdown.values == ["Tick 1"] and at.runs[0].status == "finished"
    assert [p.interval for p in at.clock.pending()] == [at.fragments[0].run_every]
    pattern = rf"Fragment 'tick' has run_every={re.escape(shown)} s: .*never end"
    with pytest.raises(AppTestError, match=pattern) as err:
        at.clock.advance(1)
    if run_every == "30d":
        assert "2,147,483,647 ms" in str(err.value)
    assert len(at.runs) == 1
    at.run()  # the app itself keeps working; no time has passed
    assert len(at.runs) == 2 and at.clock.now == DEFAULT_START
    at.clock.advance(0)  # moving by nothing is allowed


def test_T4_browser_delay_is_whole_milliseconds_with_webidl_long_wraparound() -> None:
    assert [browser_delay_ms(s) for s in (2, 0.0015, 0.0009, -5, math.nan, math.inf)] == [
        2000,
        1,
        0,
        0,
        0,
        0,
    ]
    assert browser_delay_ms((2**31 - 1) / 1000) == 2**31 - 1
    assert browser_delay_ms(2**31 / 1000) == 0  # wraps to a negative delay
    assert browser_delay_ms((2**32 + 5) / 1000) == 5


def test_T4_sub_millisecond_fractions_are_truncated_like_set_interval(app: RunApp) -> None:
    at = app(counter_app(0.0015))
    at.clock.advance(0.003)
    assert len(timer_runs(at)) == 3  # a 1 ms timer


def test_T4_unsupported_type_fails_at_the_call_with_protobufs_error(app: RunApp) -> None:
    at = app(counter_app([1], before="st.write('before')", after="st.write('after')"))
    assert at.markdown.values == ["before"]
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "TypeError",
        "must be real number, not list",
    )


def test_T5_bad_time_string_raises_at_the_call_site_main_cursor_untagged(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.write("before")

        @st.fragment(run_every="1M")
        def f():
            st.write("body")

        with st.container():
            st.write("in container")
            f()
            st.write("after")
        """
    )
    [exc] = at.exception
    assert exc.exc_type == "StreamlitBadTimeStringError"
    assert exc.message == (  # E20 in 1.58's words (seed): no space after "as"
        "Time string doesn't look right. It should be formatted as`'1d2h34m'` or `2 days`, "
        "for example. Got: 1M"
    )
    # At the main cursor: not in the container the call was made in, not in a fragment block.
    assert exc.fragment_id == "" and exc.path == (0, 2)
    assert at.markdown.values == ["before", "in container"]  # the body and the rest never ran
    assert at.runs[0].status == "error"
    assert [f.name for f in at.fragments] == ["f"]  # registered before the interval was parsed
    assert at.clock.pending() == []


def test_T6_run_every_is_fixed_per_full_run_start_and_stop_pattern(app: RunApp) -> None:
    """The documented start/stop pattern: the toggle takes effect at the next full run."""
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("every", "2s")
        st.session_state.setdefault("n", 0)

        @st.fragment(run_every=st.session_state.every)
        def live():
            st.session_state.n += 1
            if st.button("Stop"):
                st.session_state.every = None
        live()
        if st.button("Start"):
            st.session_state.every = "2s"
            st.rerun()
        """
    )
    at.button[0].click().run()
    assert at.runs[-1].scope == "fragment" and at.session_state.every is None
    at.clock.advance(2)  # still armed: a fragment run sends no new timer message
    assert len(timer_runs(at)) == 1
    at.run()  # full run: decorated again with run_every=None
    assert at.clock.pending() == []
    before = len(at.runs)
    at.clock.advance(10)
    assert len(at.runs) == before
    at.button[1].click().run()
    assert [p.interval for p in at.clock.pending()] == [2.0]


# -- 11.2 timer lifecycle ------------------------------------------------------------------------


def test_T7_timer_counts_from_the_instant_of_the_call(app: RunApp) -> None:
    at = app(counter_app("2s", before="time.sleep(3)", after="time.sleep(0.5)"))
    assert at.clock.now == at_second(3.5)
    assert [p.due for p in at.clock.pending()] == [at_second(5)]
    at.clock.advance(3.5)
    assert timer_runs(at) == [(("tick",), 5), (("tick",), 7)]


NESTED = """
    import streamlit as st
    st.session_state.setdefault("log", [])

    @st.fragment(run_every={parent_every!r})
    def parent():
        st.session_state.log.append("parent")
        st.button("Rerun parent")

        @st.fragment(run_every=st.session_state.get("child_every", 2))
        def child():
            st.session_state.log.append("child")
        child()

    parent()
    """


#: T8 (1.60+): browsers keep one timer per fragment id. The seed (1.58) stacks them instead.
ONE_TIMER = dataclasses.replace(SEED, name="one-timer", one_timer_per_fragment=True)


def one_timer_app(parent_every: float | None) -> AppTest:
    source = textwrap.dedent(NESTED.format(parent_every=parent_every))
    return AppTest.from_string(source, semantics=ONE_TIMER).run()


def test_T8_seed_timers_stack_so_a_rerendered_child_ticks_twice_per_period(app: RunApp) -> None:
    """Issue 10's example (T8, 1.58 note, observed in the browser): the parent's rerun at +1 s
    sends the child's auto_rerun again, which adds a second 2 s timer (due at 3, 5, ...)."""
    at = app(NESTED.format(parent_every=None))

    def child_runs() -> int:
        return at.session_state["log"].count("child")

    at.clock.advance(1)
    at.button[0].click().run()
    assert child_runs() == 2
    assert [(p.fragment, p.due) for p in at.clock.pending()] == [
        (CHILD, at_second(2)),
        (CHILD, at_second(3)),
    ]
    at.clock.advance(2)
    assert child_runs() == 4
    at.clock.advance(2)
    assert child_runs() == 6
    assert timer_runs(at) == [((CHILD,), 2), ((CHILD,), 3), ((CHILD,), 4), ((CHILD,), 5)]
    at.run()  # T9: a full run clears every timer; the child's call arms one again
    assert [(p.fragment, p.due) for p in at.clock.pending()] == [(CHILD, at_second(7))]


def test_T8_seed_a_new_interval_adds_a_timer_beside_the_old_one(app: RunApp) -> None:
    at = app(NESTED.format(parent_every=None))
    at.clock.advance(1)
    at.session_state["child_every"] = 5
    at.button[0].click().run()
    assert [(p.interval, p.due) for p in at.clock.pending()] == [
        (2.0, at_second(2)),
        (5.0, at_second(6)),
    ]


def test_T7_T8_nested_timer_rearmed_inline_with_same_interval_keeps_its_phase() -> None:
    at = one_timer_app(parent_every=None)
    at.clock.advance(1)
    at.button[0].click().run()  # parent rerun at +1 s calls the child inline: same interval
    assert at.runs[-1].fragments == ("parent",)
    assert [(p.fragment, p.due) for p in at.clock.pending()] == [(CHILD, at_second(2))]
    at.clock.advance(3)
    assert timer_runs(at) == [((CHILD,), 2), ((CHILD,), 4)]


def test_T8_nested_timer_with_a_new_interval_replaces_the_old_one() -> None:
    at = one_timer_app(parent_every=None)
    at.clock.advance(1)
    at.session_state["child_every"] = 5
    at.button[0].click().run()
    assert [(p.fragment, p.interval, p.due) for p in at.clock.pending()] == [
        (CHILD, 5.0, at_second(6))
    ]
    at.clock.advance(10)
    assert timer_runs(at) == [((CHILD,), 6), ((CHILD,), 11)]


def test_T7_R10_rerun_fragment_does_not_rearm_itself_but_its_nested_child_does() -> None:
    """Seen with the 1.39 browser, where every timer message adds a timer (T8 [1.39])."""
    legacy = dataclasses.replace(SEED, name="legacy-timers", one_timer_per_fragment=False)
    at = AppTest.from_string(textwrap.dedent(NESTED.format(parent_every=3)), semantics=legacy).run()
    assert [p.fragment for p in at.clock.pending()] == [CHILD, "parent"]
    at.clock.advance(3)  # parent tick at +3 s: the parent is not re-announced, the child is
    assert [(p.fragment, p.due) for p in at.clock.pending()] == [
        (CHILD, at_second(4)),
        (CHILD, at_second(5)),
        ("parent", at_second(6)),
    ]
    at.clock.advance(1)
    assert timer_runs(at)[-1] == ((CHILD,), 4)


def test_T8_one_timer_per_fragment_through_parent_ticks() -> None:
    at = one_timer_app(parent_every=3)
    at.clock.advance(6)
    assert [p.fragment for p in at.clock.pending()] == [CHILD, "parent"]
    assert timer_runs(at) == [  # at +6 s the parent ticks first: it was armed first
        ((CHILD,), 2),
        (("parent",), 3),
        ((CHILD,), 4),
        (("parent",), 6),
        ((CHILD,), 6),
    ]


def test_T8_seed_each_parent_tick_stacks_another_child_timer(app: RunApp) -> None:
    at = app(NESTED.format(parent_every=3))
    at.clock.advance(6)
    # Child timers armed at 0 (due 8), 3 (due 7) and 6 (due 8); the parent's is due at 9.
    assert [p.fragment for p in at.clock.pending()] == [CHILD, CHILD, CHILD, "parent"]
    assert timer_runs(at) == [
        ((CHILD,), 2),
        (("parent",), 3),
        ((CHILD,), 4),
        ((CHILD,), 5),
        (("parent",), 6),
        ((CHILD,), 6),
    ]


def test_T9_every_full_run_clears_and_rearms_from_the_call_instant(app: RunApp) -> None:
    at = app(counter_app("2s"))
    at.clock.advance(1.5)
    at.run()  # full run at +1.5 s: the countdown starts again
    assert [p.due for p in at.clock.pending()] == [at_second(3.5)]
    at.clock.advance(2)
    assert timer_runs(at) == [(("tick",), 3.5)]


def test_T9_fragment_no_longer_called_gets_no_ticks(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        on = st.checkbox("Live", value=True)

        @st.fragment(run_every=1)
        def live():
            st.write("live")
        if on:
            live()
        """
    )
    at.checkbox[0].uncheck().run()
    assert at.clock.pending() == [] and at.fragments == []
    before = len(at.runs)
    at.clock.advance(5)
    assert len(at.runs) == before


def test_T9_full_run_caused_by_a_tick_rearms_timers_from_that_tick(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)

        @st.fragment(run_every=2)
        def f():
            st.session_state.n += 1
            if st.session_state.n == 2:
                st.rerun()

        @st.fragment(run_every=3)
        def g():
            pass
        f()
        g()
        """
    )
    at.clock.advance(6)
    assert [(r.scope, r.trigger, (r.started_at - DEFAULT_START) / S) for r in at.runs[1:]] == [
        ("fragment", "timer", 2),
        ("app", "rerun", 2),  # g's tick at +3 s is gone: re-armed at +2 s
        ("fragment", "timer", 4),
        ("fragment", "timer", 5),
        ("fragment", "timer", 6),
    ]
    assert [r.fragments for r in at.runs[3:]] == [("f",), ("g",), ("f",)]


def test_T11_tick_runs_carry_the_browsers_widget_values(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.session_state.setdefault("seen", [])

        @st.fragment(run_every=1)
        def f():
            st.session_state.seen.append(st.text_input("Name", key="name"))
        f()
        """
    )
    at.text_input[0].input("Ada").run()
    at.clock.advance(1)
    assert at.session_state.seen == ["", "Ada", "Ada"]


SLEEPY = """
    import time, streamlit as st
    st.session_state.setdefault("log", [])

    @st.fragment(run_every=1)
    def fast():
        st.session_state.log.append(("fast", time.time() - {base}))

    @st.fragment(run_every=2)
    def other():
        st.session_state.log.append(("other", time.time() - {base}))

    fast()
    other()
    time.sleep(5)
    st.write("after the sleep")
    """.replace("{base}", str(DEFAULT_START.timestamp()))


def test_T12_ticks_during_a_run_merge_into_one_fragment_run_after_it(app: RunApp) -> None:
    at = app(SLEEPY)
    assert at.markdown.values == ["after the sleep"]  # the ticks never interrupted the run (Q5)
    assert [(r.scope, r.trigger, r.fragments, r.started_at) for r in at.runs] == [
        ("app", "initial", (), at_second(0)),
        ("fragment", "timer", ("fast", "other"), at_second(5)),  # 5 + 2 ticks, one run
    ]
    assert at.session_state.log == [("fast", 0), ("other", 0), ("fast", 5), ("other", 5)]
    assert [(p.fragment, p.due) for p in at.clock.pending()] == [
        ("fast", at_second(6)),
        ("other", at_second(6)),
    ]


def test_T12_fragment_slower_than_its_interval_gets_at_most_one_pending_rerun(app: RunApp) -> None:
    at = app(
        """
        import time, streamlit as st
        st.session_state.setdefault("n", 0)

        @st.fragment(run_every=1)
        def slow():
            st.session_state.n += 1
            time.sleep(3)
        slow()
        """
    )
    # The full run slept to +3 s: its ticks (+1, +2, +3) merged into one run, which sleeps to
    # +6 s. Its own overdue ticks wait for the next advance instead of rerunning forever.
    assert [(r.trigger, r.started_at) for r in at.runs] == [
        ("initial", at_second(0)),
        ("timer", at_second(3)),
    ]
    assert at.clock.now == at_second(6)
    assert [p.due for p in at.clock.pending()] == [at_second(4)]  # overdue
    at.clock.advance(0)  # the overdue tick fires now; that run sleeps to +9 s
    assert [(r.trigger, r.started_at) for r in at.runs[2:]] == [("timer", at_second(6))]
    assert at.clock.now == at_second(9)
    # The 3 s the run slept past the target of advance(0) count toward this advance: to +10 s.
    # Runs start back to back while they start by then.
    at.clock.advance(4)
    assert [r.started_at for r in at.runs[3:]] == [at_second(9)]
    assert at.clock.now == at_second(12)
    assert [p.due for p in at.clock.pending()] == [at_second(10)]
    at.clock.advance(6)  # to +16 s
    assert [r.started_at for r in at.runs[4:]] == [at_second(12), at_second(15)]


SLOW_AND_CLICK = """
    import time, streamlit as st
    st.session_state.setdefault("log", [])

    @st.fragment(run_every=1)
    def slow():
        st.session_state.log.append("slow")
        time.sleep(3)

    @st.fragment
    def clicker():
        if st.button("Click"):
            st.session_state.log.append("click")
    slow()
    clicker()
    """


def test_Q4_pending_tick_and_a_click_merge_into_one_run_tick_first(app: RunApp) -> None:
    at = app(SLOW_AND_CLICK)
    assert at.clock.pending()[0].due < at.clock.now  # a tick is pending (overdue)
    at.button[0].click().run()
    assert [(r.trigger, r.fragments, r.started_at) for r in at.runs[2:]] == [
        ("user", ("slow", "clicker"), at_second(6)),  # one run, the pending tick's fragment first
        ("timer", ("slow",), at_second(9)),  # that run slept past the next tick (T12)
    ]
    assert at.session_state.log == ["slow", "slow", "slow", "click", "slow"]


def test_Q3_Q4_full_run_absorbs_pending_ticks_and_resets_timers(app: RunApp) -> None:
    at = app(SLOW_AND_CLICK)
    at.run()
    assert [(r.scope, r.trigger, r.fragments, r.started_at) for r in at.runs[2:]] == [
        ("app", "user", (), at_second(6)),  # no separate run for the pending tick
        ("fragment", "timer", ("slow",), at_second(9)),  # re-armed at +6 s (T9), due at +7 s
    ]


def test_Q4_tick_during_a_run_that_calls_st_rerun_merges_into_the_full_rerun(app: RunApp) -> None:
    at = app(
        """
        import time, streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1

        @st.fragment(run_every=1)
        def f():
            st.write("f")
        f()
        if st.session_state.runs == 1:
            time.sleep(2)
            st.rerun()
        """
    )
    assert [(r.scope, r.trigger, r.status) for r in at.runs] == [
        ("app", "initial", "rerun"),
        ("app", "rerun", "finished"),
    ]
    assert [p.due for p in at.clock.pending()] == [at_second(3)]


def test_Q4_tick_during_a_run_then_scoped_rerun_queue_tick_first(app: RunApp) -> None:
    at = app(
        """
        import time, streamlit as st
        st.session_state.setdefault("log", [])

        @st.fragment(run_every=1)
        def ticker():
            st.session_state.log.append("ticker")

        @st.fragment
        def worker():
            st.session_state.log.append("worker")
            if st.button("Work"):
                time.sleep(1.5)
                st.rerun(scope="fragment")
        ticker()
        worker()
        """
    )
    at.button[0].click().run()
    assert [(r.trigger, r.fragments) for r in at.runs[1:]] == [
        ("user", ("worker",)),
        ("rerun", ("ticker", "worker")),
    ]
    assert at.session_state.log == ["ticker", "worker", "worker", "ticker", "worker"]


def test_Q5_click_in_one_fragment_completes_before_ticks_that_came_due(app: RunApp) -> None:
    at = app(
        """
        import time, streamlit as st

        @st.fragment(run_every=2)
        def ticker():
            st.write(f"tick at {time.time() - START:g}")

        @st.fragment
        def worker():
            if st.button("Work"):
                time.sleep(3)
                st.write("worked")
        START = time.time()
        ticker()
        worker()
        """
    )
    at.button[0].click().run()
    assert [(r.trigger, r.fragments, r.started_at) for r in at.runs[1:]] == [
        ("user", ("worker",), at_second(0)),
        ("timer", ("ticker",), at_second(3)),
    ]
    assert at.markdown.values == ["tick at 3", "worked"]


def test_Q2_T12_tick_for_a_fragment_dropped_from_storage_is_dropped(app: RunApp) -> None:
    at = app(counter_app(2))
    at._session.fragments.keep_only([])  # as a storage prune the browser is not told about
    at.clock.advance(4)
    assert len(at.runs) == 1 and len(at.clock.pending()) == 1


def test_clock_now_ns_is_the_stable_time_source_of_the_harness(app: RunApp) -> None:
    """``session.clock.now_ns`` (int nanoseconds since the epoch) is what time-based parts of
    the harness (``st.cache_data(ttl=...)``) read; it moves with sleeps and advances only."""
    at = app("import time\ntime.sleep(0.000001)")
    clock = at._session.clock
    assert isinstance(clock.now_ns, int)
    assert clock.now_ns == round(DEFAULT_START.timestamp()) * 10**9 + 1000
    at.clock.advance("1ns")
    assert clock.now_ns == round(DEFAULT_START.timestamp()) * 10**9 + 1001
    assert at.clock.now == DEFAULT_START + dt.timedelta(microseconds=1)


# -- properties --------------------------------------------------------------------------------


def reference_ticks(intervals_ms: list[int], total_ms: int) -> list[tuple[int, int]]:
    """Every tick (ms, fragment index) up to ``total_ms`` of browser timers armed at 0 in index
    order: ``setInterval(tick, run_every * 1000)`` with the delay cut to whole milliseconds."""
    delays = [math.trunc(iv / 1000 * 1000) for iv in intervals_ms]
    ticks = [(k * d, i) for i, d in enumerate(delays) for k in range(1, total_ms // d + 1)]
    return sorted(ticks)  # same instant: the timer armed first fires first


def many_timers_app(intervals_ms: list[int], body: str = "pass") -> AppTest:
    lines = ["import datetime, time, streamlit as st"]
    for i, iv in enumerate(intervals_ms):
        every = f"datetime.timedelta(milliseconds={iv})"
        lines += [f"@st.fragment(run_every={every})", f"def f{i}():", f"    {body}", f"f{i}()"]
    return AppTest.from_string("\n".join(lines)).run()


def observed(at: AppTest) -> list[tuple[int, int]]:
    return [
        (
            round((r.started_at - DEFAULT_START) / dt.timedelta(milliseconds=1)),
            int(r.fragments[0][1:]),
        )
        for r in at.runs[1:]
    ]


# Intervals from 50 ms keep the number of runs (and the test's time) bounded.
intervals = st.lists(st.integers(min_value=50, max_value=5000), min_size=1, max_size=4)
steps = st.lists(st.integers(min_value=0, max_value=6000), min_size=1, max_size=5)


@given(intervals_ms=intervals, steps_ms=steps)
def test_T7_T8_property_timer_runs_match_a_reference_computation(
    intervals_ms: list[int], steps_ms: list[int]
) -> None:
    at = many_timers_app(intervals_ms)
    for step in steps_ms:
        at.clock.advance(dt.timedelta(milliseconds=step))
    assert observed(at) == reference_ticks(intervals_ms, sum(steps_ms))
    assert all(r.trigger == "timer" and r.scope == "fragment" for r in at.runs[1:])
    assert at.clock.now == DEFAULT_START + dt.timedelta(milliseconds=sum(steps_ms))


@given(intervals_ms=intervals, a=st.integers(0, 8000), b=st.integers(0, 8000))
def test_T12_property_advance_a_plus_b_equals_advance_a_then_b(
    intervals_ms: list[int], a: int, b: int
) -> None:
    whole = many_timers_app(intervals_ms)
    whole.clock.advance(f"{a + b}ms")
    split = many_timers_app(intervals_ms)
    split.clock.advance(f"{a}ms").clock.advance(f"{b}ms")
    assert observed(whole) == observed(split)
    assert [p.due for p in whole.clock.pending()] == [p.due for p in split.clock.pending()]


@given(
    intervals_ms=st.lists(st.integers(min_value=100, max_value=3000), min_size=1, max_size=3),
    sleep_ms=st.integers(min_value=0, max_value=3000),
    a=st.integers(0, 6000),
    b=st.integers(0, 6000),
)
def test_T12_property_split_advance_is_the_same_when_runs_sleep(
    intervals_ms: list[int], sleep_ms: int, a: int, b: int
) -> None:
    """Fragments that sleep make ticks come due during runs (merged, T12); splitting an
    advance still gives the same runs."""
    body = f"time.sleep({sleep_ms / 1000!r})"

    def runs(at: AppTest) -> list[tuple[tuple[str, ...], dt.datetime]]:
        return [(r.fragments, r.started_at) for r in at.runs]

    whole = many_timers_app(intervals_ms, body)
    whole.clock.advance(dt.timedelta(milliseconds=a + b))
    split = many_timers_app(intervals_ms, body)
    split.clock.advance(dt.timedelta(milliseconds=a)).clock.advance(dt.timedelta(milliseconds=b))
    assert runs(whole) == runs(split)
    assert whole.clock.now == split.clock.now
