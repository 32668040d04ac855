"""The app's view of time (issue 5, items 1, 2, 6, 8): virtual inside runs, real outside.

While a script runs, ``time``/``datetime`` read the AppTest's virtual clock through freezegun's
fakes and ``time.sleep`` returns at once, moving that clock. The test itself, pytest and
Hypothesis always see the real clock. Modules first loaded during a run are loaded with the
real objects in place (C extensions), then patched by name so helpers see virtual time too.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import queue
import selectors
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import freezegun.api as fg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from apptest import AppTest, AppTestError
from apptest._time.clock import DEFAULT_START

APPS = Path(__file__).parent / "apps"
UTC = dt.timezone.utc


def _real_time_objects_are_in_place() -> None:
    assert time.time is fg.real_time
    assert time.monotonic is fg.real_monotonic
    assert time.perf_counter is fg.real_perf_counter
    assert time.time_ns is fg.real_time_ns
    assert dt.datetime is fg.real_datetime
    assert dt.date is fg.real_date


# -- item 1: start time ------------------------------------------------------------------------


def test_default_start_is_the_documented_instant() -> None:
    at = AppTest.from_string(
        """
        import time, datetime, streamlit as st
        st.session_state.seen = (time.time(), datetime.datetime.now(), datetime.date.today())
        """
    ).run()
    assert DEFAULT_START == dt.datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    assert at.clock.now == DEFAULT_START
    assert at.session_state.seen == (
        DEFAULT_START.timestamp(),
        dt.datetime(2024, 1, 1, 12, 0),
        dt.date(2024, 1, 1),
    )


def _write_now() -> None:
    import time

    import streamlit as st

    st.session_state.seen = time.time()


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (
            dt.datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC),
            dt.datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC),
        ),
        # Naive datetimes and strings without an offset are read as UTC.
        (dt.datetime(2030, 5, 6, 7, 8, 9), dt.datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC)),
        ("2030-05-06T07:08:09", dt.datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC)),
        ("2030-05-06T09:08:09.250000+02:00", dt.datetime(2030, 5, 6, 7, 8, 9, 250000, tzinfo=UTC)),
    ],
)
@pytest.mark.parametrize("constructor", ["file", "string", "function"])
def test_start_time_is_configurable_on_every_constructor(
    start: dt.datetime | str, expected: dt.datetime, constructor: str
) -> None:
    if constructor == "file":
        at = AppTest.from_file("apps/clock_ticker.py", start_time=start)
    elif constructor == "string":
        at = AppTest.from_string(
            "import time, streamlit as st\nst.session_state.seen = time.time()", start_time=start
        )
    else:
        at = AppTest.from_function(_write_now, start_time=start)
    assert at.clock.now == expected
    at.run()
    assert at.clock.now == expected  # a run that does not sleep leaves the clock alone
    if constructor == "file":
        assert at.caption.values == [f"seen at {expected.timestamp():.0f}"]
    else:
        assert at.session_state.seen == expected.timestamp()


@pytest.mark.parametrize("bad", ["yesterday", 1700000000, dt.date(2030, 1, 1)])
def test_start_time_rejects_what_is_not_a_datetime(bad: object) -> None:
    with pytest.raises(AppTestError, match="start_time"):
        AppTest.from_string("", start_time=bad)  # type: ignore[arg-type]


def test_app_sees_virtual_time_through_every_time_function() -> None:
    at = AppTest.from_string(
        """
        import time, datetime as dt, streamlit as st
        fns = (time.time, time.time_ns, time.monotonic, time.monotonic_ns,
               time.perf_counter, time.perf_counter_ns)
        before = [f() for f in fns]
        time.sleep(2.5)
        st.session_state.deltas = [f() - b for f, b in zip(fns, before)]
        st.session_state.now = (
            time.time(), time.time_ns(), dt.datetime.now(), dt.datetime.utcnow(),
            dt.datetime.now(dt.timezone.utc), dt.date.today(),
            time.strftime("%Y-%m-%d %H:%M:%S"), tuple(time.gmtime())[:6],
            tuple(time.localtime())[:6],
        )
        """,
        start_time="2030-12-31T23:59:58+00:00",
    ).run()
    assert at.session_state.deltas == [2.5, 2_500_000_000, 2.5, 2_500_000_000, 2.5, 2_500_000_000]
    end = dt.datetime(2031, 1, 1, 0, 0, 0, 500000)
    assert at.session_state.now == (
        end.replace(tzinfo=UTC).timestamp(),
        1924992000_500000000,
        end,  # the app's local time zone is UTC
        end,
        end.replace(tzinfo=UTC),
        dt.date(2031, 1, 1),
        "2031-01-01 00:00:00",
        (2031, 1, 1, 0, 0, 0),
        (2031, 1, 1, 0, 0, 0),
    )
    assert at.clock.now == end.replace(tzinfo=UTC)


def test_code_outside_runs_sees_real_time() -> None:
    """Item 6: the test's own time.time() and datetime are the real ones after a run."""
    at = AppTest.from_string(
        "import time, datetime, streamlit as st\n"
        "st.session_state.app = (time.time(), type(datetime.datetime.now()).__name__)",
        start_time="2001-01-01T00:00:00+00:00",
    ).run()
    virtual, cls = at.session_state.app
    assert virtual == 978307200.0 and cls == "FakeDatetime"
    _real_time_objects_are_in_place()
    assert time.time() > virtual + 86400 * 365 * 10  # the test's clock is not 2001's
    assert type(dt.datetime.now()) is fg.real_datetime
    assert abs(time.time() - fg.real_time()) < 60


@given(seconds=st.integers(min_value=0, max_value=10**6))
def test_hypothesis_sees_real_time_between_runs(seconds: int) -> None:
    at = AppTest.from_string(f"import time\ntime.sleep({seconds})").run()
    assert at.clock.now == DEFAULT_START + dt.timedelta(seconds=seconds)
    _real_time_objects_are_in_place()


def test_time_is_real_again_after_an_app_exception() -> None:
    at = AppTest.from_string("import time\ntime.sleep(1)\nraise RuntimeError('boom')").run()
    assert at.exception[0].message == "boom"
    _real_time_objects_are_in_place()


# -- item 2: time.sleep ------------------------------------------------------------------------


def test_doc_balloons_sleep_returns_at_once_and_app_sees_five_seconds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The documentation's balloons example: ``time.sleep(5)`` inside ``st.spinner``."""
    real_sleeps: list[float] = []

    def process_sleep(seconds: float) -> None:  # stands in for the process's real time.sleep
        real_sleeps.append(seconds)

    monkeypatch.setattr(time, "sleep", process_sleep)
    at = AppTest.from_file("apps/clock_balloons.py").run()
    assert real_sleeps == []  # the app's sleep never reached the process's time.sleep
    assert at.session_state.slept == 5.0
    assert at.clock.now == DEFAULT_START + dt.timedelta(seconds=5)
    assert at.runs[0].spinners == ("Inflating balloons...",)
    assert at.get("spinner") == []  # the spinner is gone once the block is left
    assert time.sleep is process_sleep  # the test's own time.sleep is put back
    at.button(label="Release the balloons").click().run()
    assert at.clock.now == DEFAULT_START + dt.timedelta(seconds=5)  # fragment run: no sleep
    at.button(label="Inflate more balloons").click().run()
    assert at.clock.now == DEFAULT_START + dt.timedelta(seconds=10)
    assert real_sleeps == []


@pytest.mark.parametrize(
    ("call", "exc_type", "message"),
    [
        ("time.sleep(-1)", "ValueError", "sleep length must be non-negative"),
        ("time.sleep('1')", "TypeError", "'str' object cannot be interpreted as an integer"),
        ("time.sleep(float('nan'))", "ValueError", "Invalid value NaN (not a number)"),
    ],
)
def test_sleep_rejects_what_time_sleep_rejects(call: str, exc_type: str, message: str) -> None:
    with pytest.raises(Exception) as real:
        eval(call, {"time": time})
    assert (type(real.value).__name__, str(real.value)) == (exc_type, message)
    at = AppTest.from_string(f"import time\n{call}").run()
    assert (at.exception[0].exc_type, at.exception[0].message) == (exc_type, message)
    assert at.clock.now == DEFAULT_START


def test_sleep_accepts_numbers_like_time_sleep() -> None:
    at = AppTest.from_string(
        "import time, decimal, fractions\n"
        "time.sleep(decimal.Decimal('0.25'))\ntime.sleep(fractions.Fraction(1, 4))\ntime.sleep(True)"
    ).run()
    assert at.clock.now == DEFAULT_START + dt.timedelta(seconds=1.5)


def test_from_time_import_sleep_in_the_script_is_virtual() -> None:
    at = AppTest.from_string(
        """
        from time import sleep, time
        from datetime import datetime
        import streamlit as st
        t = time()
        sleep(60)
        st.session_state.seen = (time() - t, datetime.now())
        """
    ).run()
    assert at.session_state.seen == (60.0, dt.datetime(2024, 1, 1, 12, 1))


# -- modules loaded during a run ---------------------------------------------------------------


def test_helper_module_binding_time_functions_by_name_sees_virtual_time() -> None:
    """A helper imported by the app (first time during a run) sees virtual time, also on later
    runs when it is already loaded, and its names are real again outside runs."""
    at = AppTest.from_file("apps/clock_helper_app.py", start_time="2030-01-01T00:00:00")
    for run in range(2):
        at.run()
        start = dt.datetime(2030, 1, 1) + dt.timedelta(seconds=3 * run)
        t, mono, now, today = at.session_state.before
        assert (t, now, today) == (
            start.replace(tzinfo=UTC).timestamp(),
            start,
            dt.date(2030, 1, 1),
        )
        t2, mono2, now2, _ = at.session_state.after
        assert (t2 - t, mono2 - mono, now2 - now) == (3.0, 3.0, dt.timedelta(seconds=3))
        helper = at.session_state.helper
        assert helper.time is fg.real_time and helper.monotonic is fg.real_monotonic
        assert helper.datetime is fg.real_datetime and helper.date is fg.real_date
        assert helper.sleep is time.sleep


def test_module_loaded_during_a_run_runs_its_top_level_with_real_classes(tmp_path: Path) -> None:
    """What a C extension's init sees: the real ``datetime.date`` class, not freezegun's."""
    (tmp_path / "clock_probe_mod.py").write_text(
        "import datetime\nCLASSES = (datetime.date, datetime.datetime)\n"
    )
    (tmp_path / "app.py").write_text(
        "import datetime\nimport clock_probe_mod\nimport streamlit as st\n"
        "st.session_state.seen = (clock_probe_mod.CLASSES, (datetime.date, datetime.datetime))\n"
    )
    at = AppTest.from_file(tmp_path / "app.py").run()
    loaded, in_script = at.session_state.seen
    assert loaded == (fg.real_date, fg.real_datetime)
    assert in_script == (fg.FakeDate, fg.FakeDatetime)


_DRIVER = """
import sys
before = sorted(m for m in ("pandas", "numpy", "_decimal", "_zoneinfo") if m in sys.modules)
from apptest import AppTest
import warnings
warnings.simplefilter("error")
# The first import of pandas and numpy takes seconds, more on a loaded machine: a generous
# timeout, so that only a hang (the bug this guards against) fails the run.
at = AppTest.from_file(
    sys.argv[1], start_time="2030-06-01T08:00:00+00:00", default_timeout=60
).run()
print("before", before)
print("loaded", sorted(m for m in ("pandas", "numpy", "_decimal", "_zoneinfo") if m in sys.modules))
for e in at.exception:
    print("exception", e.exc_type, e.message)
for m in at.markdown.values:
    print(m)
import datetime, pandas
print("after", pandas.Timestamp(datetime.date(2021, 3, 4)).isoformat())
"""


@pytest.mark.skipif(importlib.util.find_spec("pandas") is None, reason="needs pandas (test extra)")
@pytest.mark.parametrize("via", ["import", "importlib"])
def test_c_extension_imported_first_inside_a_frozen_run_is_safe(via: str) -> None:
    """Item 8: pandas, numpy, _decimal and zoneinfo loaded for the first time inside a run
    (a fresh process, so "first time" is real). Without the guard, pandas warns "datetime.date
    size changed" and the process crashes later."""
    env = dict(os.environ)
    env.pop("CLOCK_CEXT_IMPORTLIB", None)
    if via == "importlib":
        env["CLOCK_CEXT_IMPORTLIB"] = "1"
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_DRIVER), str(APPS / "clock_cext_app.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "size changed" not in result.stderr
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "before []",
        "loaded ['_decimal', '_zoneinfo', 'numpy', 'pandas']",
        "now=2030-06-01T08:00:00",
        "paris=2030-06-01T10:00:00+02:00",
        "stamp=2030-06-01T08:00:00",
        "index=['2020-01-02', '2030-06-01']",
        "np=2030-06-01",
        "decimal=3.305",
        "after 2021-03-04T00:00:00",
    ]


def test_test_with_its_own_freezegun_freeze_sees_its_time_and_the_app_sees_virtual_time() -> None:
    import freezegun

    at = AppTest.from_string("import time, streamlit as st\nst.session_state.seen = time.time()")
    with freezegun.freeze_time("2010-05-05 10:00:00"):
        at.run()
        assert time.time() == dt.datetime(2010, 5, 5, 10, tzinfo=UTC).timestamp()
        assert dt.datetime.now() == dt.datetime(2010, 5, 5, 10)
    assert at.session_state.seen == DEFAULT_START.timestamp()
    _real_time_objects_are_in_place()


def test_a_freeze_of_the_test_after_runs_reads_freezeguns_time_in_every_faked_method() -> None:
    """freezegun's class methods apptest wraps (now, utcnow, fromtimestamp, timestamp,
    today) stay wrapped after the first run; with no run active they are freezegun's own."""
    import freezegun

    at = AppTest.from_string("import streamlit as st\n").run()
    with freezegun.freeze_time("2010-05-05 10:00:00"):
        at.run()
        assert dt.datetime.now() == dt.datetime(2010, 5, 5, 10)
        assert dt.datetime.utcnow() == dt.datetime(2010, 5, 5, 10)
        assert dt.date.today() == dt.date(2010, 5, 5)
        stamp = dt.datetime(2010, 5, 5, 10, tzinfo=UTC).timestamp()
        assert dt.datetime(2010, 5, 5, 10).timestamp() == stamp
        assert dt.datetime.fromtimestamp(stamp, UTC) == dt.datetime(2010, 5, 5, 10, tzinfo=UTC)
    _real_time_objects_are_in_place()


# -- the time belongs to the run (issue 4, item 4): threads ------------------------------------
#
# The fakes stay installed while any run is active, in any thread, but only the run's own
# context reads its clock. The apps below stop inside their run at ``pause()`` until the test
# lets them go on, so the interleavings are fixed; the test's checks on the real clock compare
# it with freezegun's saved real functions, with a tolerance far below the virtual clock's
# distance (decades). The app functions run as scripts, where the test's names (``_Pauses``)
# do not exist: they carry no annotations.

_PATIENCE = 30  # real seconds a side waits for the other before the test fails


class _Pauses:
    """``pause()`` (called by the app inside its run) stops until the test calls ``go_on()``."""

    def __init__(self) -> None:
        self._arrived: queue.Queue[None] = queue.Queue()
        self._go_on: queue.Queue[None] = queue.Queue()

    def pause(self) -> None:
        self._arrived.put(None)
        self._go_on.get(timeout=_PATIENCE)

    def wait_until_paused(self) -> None:
        self._arrived.get(timeout=_PATIENCE)

    def go_on(self) -> None:
        self._go_on.put(None)


def _run_in_thread(at: AppTest) -> threading.Thread:
    thread = threading.Thread(target=at.run, daemon=True)
    thread.start()
    return thread


def _assert_reads_the_real_clock() -> None:
    """What code outside any run sees, while the fakes are installed for another thread."""
    assert dt.datetime is fg.FakeDatetime  # a run is active: the fakes are in place…
    assert abs(time.time() - fg.real_time()) < 60  # …yet this thread reads the real clock
    assert abs(time.time_ns() / 1e9 - fg.real_time()) < 60
    assert abs(time.monotonic() - fg.real_monotonic()) < 60
    assert abs(time.perf_counter() - fg.real_perf_counter()) < 60
    now = dt.datetime.now()
    assert type(now) is fg.real_datetime
    assert abs((now - fg.real_datetime.now()).total_seconds()) < 60
    assert abs((dt.datetime.now(UTC) - fg.real_datetime.now(UTC)).total_seconds()) < 60
    assert abs(time.mktime(time.localtime()) - fg.real_time()) < 60
    before = fg.real_date.today()
    assert before <= dt.date.today() <= fg.real_date.today()
    start = fg.real_monotonic()
    time.sleep(0.05)  # a real sleep: it takes at least that long
    assert fg.real_monotonic() - start >= 0.05


def _app_pausing_inside_its_run(pauses, seen):  # type: ignore[no-untyped-def]
    import datetime
    import time

    seen.append((time.time(), datetime.datetime.now()))
    pauses.pause()
    seen.append((time.time(), datetime.datetime.now()))


def test_test_thread_reads_the_real_clock_while_an_apptest_runs_in_another_thread() -> None:
    """The test's datetime.now(), time.time() and time.sleep() are real while an app is inside
    its run in thread B, and the test's sleep does not move that app's clock."""
    pauses, seen = _Pauses(), []
    at = AppTest.from_function(
        _app_pausing_inside_its_run, args=(pauses, seen), start_time="2001-01-01T00:00:00"
    )
    thread = _run_in_thread(at)
    pauses.wait_until_paused()
    try:
        _assert_reads_the_real_clock()
    finally:
        pauses.go_on()
        thread.join(_PATIENCE)
    assert not thread.is_alive() and at.exception.values == []
    start = dt.datetime(2001, 1, 1)
    assert seen == [(978307200.0, start), (978307200.0, start)]  # the app's clock stood still
    assert at.clock.now == start.replace(tzinfo=UTC)
    _real_time_objects_are_in_place()


def _app_sleeping_and_pausing(pauses, seen, nap):  # type: ignore[no-untyped-def]
    import datetime
    import time

    seen.append((time.time(), datetime.datetime.now()))
    time.sleep(nap)
    pauses.pause()
    seen.append((time.time(), datetime.datetime.now()))
    pauses.pause()


def test_two_apptests_in_two_threads_take_turns_and_each_read_their_own_clock() -> None:
    """Runs in two threads take turns (a run swaps process-wide state: issue 15, item 6): the
    second waits while the first is paused inside its script. Each reads its own start_time
    and is moved only by its own sleep. The test thread reads the real clock meanwhile."""
    first = (_Pauses(), [], "2001-01-01T00:00:00", 10.0)
    second = (_Pauses(), [], "2030-06-01T08:00:00", 5.0)
    apps = [
        AppTest.from_function(_app_sleeping_and_pausing, args=(p, s, nap), start_time=start)
        for p, s, start, nap in (first, second)
    ]
    (p1, seen1, *_), (p2, seen2, *_) = first, second
    thread1 = _run_in_thread(apps[0])
    p1.wait_until_paused()
    thread2 = _run_in_thread(apps[1])
    try:
        _assert_reads_the_real_clock()  # run 1 is active
        p1.go_on()
        p1.wait_until_paused()
        assert seen2 == []  # run 2 has not begun: it waits for run 1 to end
        p1.go_on()
        thread1.join(_PATIENCE)
        p2.wait_until_paused()
        p2.go_on()
        p2.wait_until_paused()
    finally:
        for pauses in (p2, p2, p1, p1):
            pauses.go_on()
        thread2.join(_PATIENCE)
        thread1.join(_PATIENCE)
    assert not thread1.is_alive() and not thread2.is_alive()
    assert [at.exception.values for at in apps] == [[], []]
    t1, t2 = dt.datetime(2001, 1, 1), dt.datetime(2030, 6, 1, 8)
    ten, five = dt.timedelta(seconds=10), dt.timedelta(seconds=5)
    assert seen1 == [(978307200.0, t1), (978307210.0, t1 + ten)]
    stamp2 = t2.replace(tzinfo=UTC).timestamp()
    assert seen2 == [(stamp2, t2), (stamp2 + 5, t2 + five)]
    assert [at.clock.now for at in apps] == [
        (t1 + ten).replace(tzinfo=UTC),
        (t2 + five).replace(tzinfo=UTC),
    ]
    _real_time_objects_are_in_place()


def _app_starting_a_thread(seen):  # type: ignore[no-untyped-def]
    import threading
    import time

    def worker() -> None:
        seen.append(("worker", time.time()))
        time.sleep(0.01)  # real: it does not move the app's clock

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    seen.append(("app", time.time()))


def test_thread_started_by_the_app_reads_the_real_clock() -> None:
    """A thread the app starts has no run context (threading does not copy contexts), so like
    ``st.*`` commands, the virtual clock is not available there: it reads the real clock."""
    seen: list[Any] = []
    at = AppTest.from_function(_app_starting_a_thread, args=(seen,), start_time="2001-01-01")
    real_before = fg.real_time()
    at.run()
    assert at.exception.values == []
    (who, worker_time), app = seen
    assert who == "worker" and real_before <= worker_time <= fg.real_time()
    assert app == ("app", 978307200.0)
    assert at.clock.now == dt.datetime(2001, 1, 1, tzinfo=UTC)


def test_module_loaded_outside_runs_while_another_thread_runs_gets_the_real_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The C-extension guard covers every thread: a module the test imports for the first time
    while an app is inside its run elsewhere is loaded with the real classes, and, loaded
    outside a run, is not patched by name."""
    (tmp_path / "clock_thread_probe.py").write_text(
        "import datetime\nfrom time import time\nCLASSES = (datetime.date, datetime.datetime)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    pauses, seen = _Pauses(), []
    at = AppTest.from_function(_app_pausing_inside_its_run, args=(pauses, seen))
    thread = _run_in_thread(at)
    pauses.wait_until_paused()
    try:
        assert dt.date is fg.FakeDate
        import clock_thread_probe as probe  # type: ignore[import-not-found]
    finally:
        pauses.go_on()
        thread.join(_PATIENCE)
    assert probe.CLASSES == (fg.real_date, fg.real_datetime)
    assert probe.time is fg.real_time
    assert at.exception.values == [] and seen[0] == seen[1]
    AppTest.from_string("import time\ntime.sleep(1)").run()  # later runs leave it alone
    assert probe.time is fg.real_time


# -- asyncio (issue 15, item 5) -------------------------------------------------------------------
def _asyncio_app(seen):  # type: ignore[no-untyped-def]
    import asyncio
    import time

    async def step(name, delay):  # type: ignore[no-untyped-def]
        await asyncio.sleep(delay)
        seen.append(("done", name, time.time()))
        return name

    async def main():  # type: ignore[no-untyped-def]
        loop_start = asyncio.get_running_loop().time()
        await asyncio.sleep(0.01)
        names = await asyncio.gather(step("a", 2), step("b", 1.5), step("c", 0.5))
        await asyncio.wait_for(asyncio.sleep(1), timeout=5)
        seen.append(("loop", asyncio.get_running_loop().time() - loop_start))
        return names

    start = time.time()
    seen.append(("gathered", asyncio.run(main())))
    seen.append(("elapsed", time.time() - start))


def test_asyncio_sleep_moves_the_virtual_clock() -> None:
    """Item 5: ``asyncio.run`` with ``asyncio.sleep``, ``gather`` and ``wait_for`` finishes at
    once; the sleeps move the run's clock as ``time.sleep`` would (to the microsecond: each
    wait ends 1 µs past its timer), in the order their timers come due."""
    seen: list[Any] = []
    at = AppTest.from_function(_asyncio_app, args=(seen,), default_timeout=_PATIENCE).run()
    assert at.runs[-1].status == "finished" and not at.exception
    start = DEFAULT_START.timestamp()
    done = [(name, when - start) for kind, name, when in seen[:3]]
    assert [name for name, _ in done] == ["c", "b", "a"]
    assert [offset for _, offset in done] == pytest.approx([0.51, 1.51, 2.01], abs=1e-4)
    assert seen[3] == ("loop", pytest.approx(3.01, abs=1e-4))
    assert seen[4] == ("gathered", ["a", "b", "c"])
    assert seen[5] == ("elapsed", pytest.approx(3.01, abs=1e-4))


def _asyncio_app_pausing(pauses, seen):  # type: ignore[no-untyped-def]
    import asyncio
    import time

    async def main():  # type: ignore[no-untyped-def]
        await asyncio.sleep(1)
        pauses.pause()  # the test runs its own event loop meanwhile
        await asyncio.sleep(1)

    start = time.time()
    asyncio.run(main())
    seen.append(time.time() - start)


def test_test_threads_asyncio_keeps_real_time_while_an_apptest_runs() -> None:
    """Item 5: while an app is inside ``asyncio.run`` in thread B, the test thread's own event
    loop reads the real clock and really sleeps; the app's clock does not move with it."""
    import asyncio

    pauses, seen = _Pauses(), []
    at = AppTest.from_function(_asyncio_app_pausing, args=(pauses, seen))
    thread = _run_in_thread(at)
    pauses.wait_until_paused()
    try:

        async def sleep_for_real() -> float:
            loop = asyncio.get_running_loop()
            assert abs(loop.time() - fg.real_monotonic()) < 60
            start = fg.real_monotonic()
            await asyncio.sleep(0.05)
            return fg.real_monotonic() - start

        assert asyncio.run(sleep_for_real()) >= 0.05
    finally:
        pauses.go_on()
        thread.join(_PATIENCE)
    assert not thread.is_alive()
    assert at.runs[-1].status == "finished" and not at.exception
    assert seen == [pytest.approx(2.0, abs=1e-4)]
    _real_time_objects_are_in_place()
    assert isinstance(selectors.DefaultSelector, type)  # the real class again, not the switch


# -- the app's time zone is UTC, whatever the machine's (issue 15, item 7) ------------------------
@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Any:
    """The machine's zone is America/New_York for the test (UTC-5 in January)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_localtime_and_strftime_in_a_run_use_utc_whatever_tz(new_york: None) -> None:
    assert time.timezone == 5 * 3600  # the machine's zone really is New York here
    at = AppTest.from_string(
        """
        import datetime, time
        import streamlit as st
        st.text(time.strftime("%Y-%m-%d %H:%M"))
        st.text(str(tuple(time.localtime())[:6]))
        st.text(time.ctime())
        st.text(time.asctime())
        st.text(str(time.mktime(time.localtime()) == time.time()))
        st.text(str(datetime.datetime.fromtimestamp(time.time())))
        st.text(str(datetime.datetime.now()))
        st.text(str(tuple(time.localtime(0))[:4]))
        """
    ).run()
    assert at.text.values == [
        "2024-01-01 12:00",
        "(2024, 1, 1, 12, 0, 0)",
        "Mon Jan  1 12:00:00 2024",
        "Mon Jan  1 12:00:00 2024",
        "True",
        "2024-01-01 12:00:00",
        "2024-01-01 12:00:00",
        "(1970, 1, 1, 0)",
    ]
    assert time.localtime(0).tm_hour == 19  # outside the run: the machine's zone again


def test_a_naive_datetime_the_app_stored_gives_its_timestamp_after_the_run() -> None:
    """It raised IndexError: freezegun's zone offset list is empty once no freeze is active."""
    at = AppTest.from_string(
        "import datetime\nimport streamlit as st\n"
        "st.session_state.made = datetime.datetime.now()\n"
        "st.session_state.day = datetime.date.today()\n"
    ).run()
    made = at.session_state["made"]
    assert made.tzinfo is None
    assert made.timestamp() == DEFAULT_START.timestamp()  # naive: UTC, the app's zone
    assert made == dt.datetime(2024, 1, 1, 12, 0)
    assert at.session_state["day"].isoformat() == "2024-01-01"
