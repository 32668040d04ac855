"""What freezing time costs per run, with and without 2,000 extra modules loaded (issue 5, item 6).

    python bench/clock_cost.py            # about half a minute
    python bench/clock_cost.py --quick    # small counts: checks that the script still works

freezegun's ``freeze_time().start()`` scans every module in ``sys.modules`` on each start, so
its cost grows with the number of loaded modules. apptest swaps a dozen attributes of ``time``
and ``datetime`` per run instead. This script measures, in one process:

* ``run()``: one full run of a small app with a ``run_every`` fragment;
* ``tick``: one timer tick (``at.clock.advance(1)`` with a 1 s timer: one fragment run);
* ``freeze``: apptest's freezing alone (enter + exit), the part that could grow;
* ``advance 1 h``: 3,600 ticks of a 1 s timer, in one call;
* for contrast, ``freezegun.freeze_time(...).start()`` + ``stop()``.

each with the modules loaded at start, and again after 2,000 extra modules are added (each
binds real time functions by name, as ``from time import time`` does, so that freezegun's scan
has work to do). Figures are medians of many samples, in microseconds (real time). Nothing is
asserted; the tests never time anything.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import types
from collections.abc import Callable

from apptest import AppTest

APP = """
import time
import streamlit as st

st.session_state.setdefault("n", 0)
st.title("Ticker")

@st.fragment(run_every=1)
def tick():
    st.session_state.n += 1
    st.write(f"Tick {st.session_state.n} at {time.time():.0f}")

tick()
st.button("Refresh")
"""


def median_us(operation: Callable[[], object], samples: int) -> float:
    operation()  # warm up
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        operation()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def add_modules(count: int) -> list[str]:
    from datetime import date, datetime

    names = []
    for i in range(count):
        module = types.ModuleType(f"_clock_cost_extra_{i}")
        module.__file__ = f"/nonexistent/_clock_cost_extra_{i}.py"
        module.time = time.time  # type: ignore[attr-defined]
        module.sleep = time.sleep  # type: ignore[attr-defined]
        module.datetime = datetime  # type: ignore[attr-defined]
        module.date = date  # type: ignore[attr-defined]
        for j in range(20):
            setattr(module, f"value_{j}", j)
        sys.modules[module.__name__] = module
        names.append(module.__name__)
    return names


def measure(samples: int) -> dict[str, float]:
    import freezegun

    at = AppTest.from_string(APP).run()
    ticker = AppTest.from_string(APP).run()
    clock = ticker._session.clock
    figures = {
        "run()": median_us(at.run, samples),
        "tick": median_us(lambda: ticker.clock.advance(1), samples),
    }

    def freeze_only() -> None:
        with clock.frozen():
            pass

    figures["freeze (enter + exit)"] = median_us(freeze_only, samples * 10)
    hour = AppTest.from_string(APP).run()
    start = time.perf_counter()
    hour.clock.advance("1h")
    figures["advance 1 h (3,600 ticks)"] = (time.perf_counter() - start) * 1e6
    assert len(hour.runs) == 3601

    def freezegun_start_stop() -> None:
        freezer = freezegun.freeze_time("2024-01-01")
        freezer.start()
        freezer.stop()

    figures["freezegun start() + stop()"] = median_us(freezegun_start_stop, max(samples // 10, 5))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts")
    parser.add_argument("--extra", type=int, default=2000, help="extra modules (default 2000)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    args = parser.parse_args()
    samples = 20 if args.quick else 300
    rounds = 1 if args.quick else args.rounds
    loaded = len(sys.modules)
    before: dict[str, list[float]] = {}
    after: dict[str, list[float]] = {}
    gc.disable()  # the garbage collector's cost grows with any object count; leave it out
    try:
        for _ in range(rounds):  # alternate, so that load on the machine hits both columns
            for name, value in measure(samples).items():
                before.setdefault(name, []).append(value)
            extra = add_modules(args.extra)
            for name, value in measure(samples).items():
                after.setdefault(name, []).append(value)
            for module_name in extra:
                del sys.modules[module_name]
            gc.collect()
    finally:
        gc.enable()
    print(f"Python {sys.version.split()[0]}; best of {rounds} rounds of medians of {samples} "
          "samples; microseconds of real time")
    print(f"{'':30} {f'{loaded} modules':>14} {f'+{args.extra} modules':>16} {'ratio':>7}")
    for name in before:
        low, high = min(before[name]), min(after[name])
        print(f"{name:30} {low:14.1f} {high:16.1f} {high / low:7.2f}")


if __name__ == "__main__":
    main()
