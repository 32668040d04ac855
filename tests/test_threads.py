"""AppTests in several threads (issue 15, item 6).

Runs take turns in the process (a run swaps process-wide state: ``sys.modules``, the working
directory, ``os.environ`` …), each run whole; an AppTest used from several threads serialises
its runs too. So N AppTests in N threads give the same trees and run histories as the same
runs done one after the other, and the test thread's time stays real throughout.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time

import freezegun.api as fg

from apptest import AppTest

APP = """
import time, datetime
import streamlit as st

st.title(f"App {n}")
st.session_state.runs = st.session_state.get("runs", 0) + 1
if st.button("Add"):
    st.session_state.total = st.session_state.get("total", 0) + n
time.sleep(n)
st.write(f"now {datetime.datetime.now():%H:%M:%S} total {st.session_state.get('total', 0)}")

@st.fragment(run_every=n + 1)
def tick():
    st.write(f"tick at {time.time():.0f}")

tick()
"""

THREADS = 8


def _session(n: int) -> tuple[str, list[object]]:
    """One AppTest's whole life: runs, a click, timer ticks; its tree and history."""
    at = AppTest.from_string(f"n = {n}\n" + APP)
    at.run()
    for _ in range(3):
        at.button(label="Add").click().run()
    at.clock.advance(3 * (n + 1))
    at.run()
    return at.tree, [(r.id, r.scope, r.trigger, r.status, r.started_at) for r in at.runs]


def _real_time_here() -> None:
    """The calling thread reads the real clock (never a run's virtual one)."""
    now = time.time()
    assert abs(now - fg.real_time()) < 60
    assert abs(time.monotonic() - fg.real_monotonic()) < 60
    assert abs(dt.datetime.now().timestamp() - now) < 60
    assert dt.datetime.now().year >= 2025  # the apps' clocks start in 2024


def test_eight_apptests_in_eight_threads_match_serial_runs() -> None:
    serial = [_session(n) for n in range(THREADS)]
    main_module, streamlit_module = sys.modules["__main__"], sys.modules.get("streamlit")
    results: dict[int, tuple[str, list[object]]] = {}
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            results[n] = _session(n)
        except BaseException as exc:  # reported below, in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        _real_time_here()  # while other threads run apps
        time.sleep(0.001)
    for thread in threads:
        thread.join()
    assert errors == []
    assert [results[n] for n in range(THREADS)] == serial
    _real_time_here()
    assert sys.modules["__main__"] is main_module
    assert sys.modules.get("streamlit") is streamlit_module


def test_one_apptest_used_from_several_threads_loses_no_update() -> None:
    """Runs of one AppTest from 8 threads take turns: every run counts, ids never repeat."""
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.count = st.session_state.get("count", 0) + 1
        st.write(st.session_state.count)
        """
    )
    per_thread = 10

    def work() -> None:
        for _ in range(per_thread):
            at.run()

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert at.session_state["count"] == THREADS * per_thread
    assert [run.id for run in at.runs] == list(range(1, THREADS * per_thread + 1))
    assert at.markdown[0].value == f"`{THREADS * per_thread}`"


def test_clock_advance_from_two_threads_fires_every_tick_once() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment(run_every=1)
        def tick():
            st.session_state.ticks = st.session_state.get("ticks", 0) + 1
        tick()
        """
    ).run()

    def work() -> None:
        for _ in range(20):
            at.clock.advance(1)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert at.session_state["ticks"] == 1 + 40
    assert len({run.id for run in at.runs}) == len(at.runs) == 41
