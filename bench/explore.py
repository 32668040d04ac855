"""Throughput of the explorer: interactions (draw + run + invariant checks) per second.

    python bench/explore.py            # the table (about a minute)
    python bench/explore.py --quick    # tiny counts: checks that the script still works

Two apps: the ``st.fragment`` documentation's counters example and a 20-widget app (every
value widget kind, a fragment, a form, the sidebar). Three harnesses do random interactions:

* ``explore``: ``apptest.explore`` end to end: Hypothesis draws each step (one choice for
  the widget, one for its value), the step runs, the three built-in invariants are checked;
  new AppTests and first runs of each sequence (50 steps) and Hypothesis's own work included;
* ``plain loop``: apptest without Hypothesis or checks: ``random.choice`` of a widget and of
  a value drawn beforehand, stage, ``run()`` (the floor the explorer adds to);
* ``AppTest``: ``streamlit.testing.v1.AppTest`` doing the same loop (same widgets, same
  pre-drawn values), when ``streamlit`` is importable; otherwise ``n/a``.

apptest is measured first, before the AppTest column imports real Streamlit; ``explore`` is
measured again afterwards, with Streamlit loaded (each apptest run then sets Streamlit's
loaded modules aside and back: see README "Performance").

Rates are interactions per CPU second (``time.process_time``: every thread of the process,
so other helpers' load on a shared machine does not count) and per wall second, the median
and the best of several rounds. The load average is printed beside them.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import textwrap
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed apptest

from hypothesis import settings  # noqa: E402

from apptest import AppTest, explore, real_streamlit_installed  # noqa: E402
from apptest._explore.values import REGISTRY  # noqa: E402
from apptest.strategies import widgets  # noqa: E402

COUNTERS = ROOT / "examples" / "counters.py"
WIDGETS_20 = textwrap.dedent(
    """\
    import datetime as dt
    import streamlit as st

    st.title("Twenty widgets")
    with st.sidebar:
        unit = st.radio("Unit", ["cm", "in"])
        dark = st.toggle("Dark mode")
    name = st.text_input("Name", "Ann", max_chars=12)
    age = st.number_input("Age", 0, 120, 30)
    size = st.slider("Size", 0, 100, 50, step=5)
    band = st.slider("Band", 0.0, 1.0, (0.2, 0.8))
    color = st.selectbox("Colour", ["red", "green", "blue"])
    tags = st.multiselect("Tags", ["a", "b", "c", "d"])
    level = st.select_slider("Level", ["low", "mid", "high"], value="mid")
    day = st.date_input("Day", dt.date(2024, 1, 1))
    alarm = st.time_input("Alarm", dt.time(7, 0))
    ink = st.color_picker("Ink", "#336699")
    agree = st.checkbox("Agree")
    mode = st.segmented_control("Mode", ["view", "edit"], default="view")


    @st.fragment
    def counter():
        st.session_state.setdefault("count", 0)
        if st.button("Add"):
            st.session_state.count += 1
        if st.button("Reset"):
            st.session_state.count = 0
        st.write(f"Count: {st.session_state.count}")


    counter()
    with st.form("note"):
        note = st.text_area("Note")
        stars = st.pills("Stars", [1, 2, 3])
        st.form_submit_button("Save")
    st.write(f"{name} ({age}) {size}{unit} {band} {color} {tags} {level} {day} {alarm} {ink}")
    st.button("Refresh")
    """
)
#: Streamlit's AppTest types for apptest's widget kinds where they differ.
ST_TYPES = {"pills": "button_group", "segmented_control": "button_group"}


def timed(work: Callable[[], int]) -> tuple[float, float]:
    """(interactions per CPU second, per wall second) of one call of ``work``."""
    cpu, wall = time.process_time(), time.perf_counter()
    done = work()
    return done / (time.process_time() - cpu), done / (time.perf_counter() - wall)


FIXED = settings(derandomize=True)


def explorer(app: Path, examples: int) -> Callable[[], int]:
    def work() -> int:
        # derandomize: the same sequences every round and run (the mix of cheap fragment
        # clicks and full reruns moves the rate by a third from one random draw to the next)
        result = explore(app, max_examples=examples, max_steps=50, database=None, settings=FIXED)
        assert not result.failed, result
        return result.interactions

    return work


def pool(app: Path) -> dict[tuple[str, str], list[Any]]:
    """Values for each widget (kind, label), drawn beforehand from apptest's strategies."""
    at = AppTest.from_file(app).run()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # .example() outside a test
        return {
            (w.type, w.label): [REGISTRY[w.type].values(w).example() for _ in range(30)]
            for w in widgets(at)
        }


def plain_loop(app: Path, steps: int, values: dict[tuple[str, str], list[Any]]):  # type: ignore[no-untyped-def]
    def work() -> int:
        rng = random.Random(0)
        at = AppTest.from_file(app, default_timeout=600).run()
        for _ in range(steps):
            widget = rng.choice(widgets(at))
            REGISTRY[widget.type].stage(widget, rng.choice(values[(widget.type, widget.label)]))
            at.run()
        return steps

    return work


def streamlit_loop(app: Path, steps: int, values: dict[tuple[str, str], list[Any]]):  # type: ignore[no-untyped-def]
    import logging

    from streamlit.testing.v1 import AppTest as StAppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # its bare-mode warnings

    kinds = {ST_TYPES.get(kind, kind): kind for kind, _ in values}

    def work() -> int:
        rng = random.Random(0)
        at = StAppTest.from_file(str(app), default_timeout=600).run()
        done = 0
        while done < steps:
            found = [(w, kinds[w.type]) for t in sorted(kinds) for w in at.get(t) if not w.disabled]
            widget, kind = rng.choice(found)
            value = rng.choice(values.get((kind, widget.label)) or [None])
            try:
                if REGISTRY[kind].trigger:
                    widget.click()
                else:
                    widget.set_value(value)
                at.run()
            except Exception:
                continue  # a value this AppTest cannot stage: not counted
            done += 1
        return done

    return work


def rates(work: Callable[[], int], rounds: int) -> str:
    measured = [timed(work) for _ in range(rounds)]
    cpu = [m[0] for m in measured]
    wall = [m[1] for m in measured]
    return (
        f"{statistics.median(cpu):,.0f} (best {max(cpu):,.0f}) | "
        f"{statistics.median(wall):,.0f} (best {max(wall):,.0f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny counts")
    args = parser.parse_args()
    rounds, examples, steps = (1, 3, 30) if args.quick else (5, 60, 1500)
    # ``import streamlit`` finds apptest's fake package when Streamlit is not installed.
    have_streamlit = real_streamlit_installed()
    # Both apps are explored from one fixed folder: derandomized Hypothesis seeds each app by
    # its path, so a temporary folder's random name (or another checkout's path) would give
    # other sequences, and another mix of fragment clicks and full reruns, in every process.
    folder = Path(tempfile.gettempdir()) / "apptest-bench-explore"
    folder.mkdir(exist_ok=True)
    counters = folder / "counters.py"
    counters.write_text(COUNTERS.read_text())
    widgets_20 = folder / "widgets_20.py"
    widgets_20.write_text(WIDGETS_20)
    print(f"load average before: {os.getloadavg()}; cores: {os.cpu_count()}")
    print("| app | harness | interactions/s CPU, median (best) | wall, median (best) |")
    print("|---|---|---|---|")
    apps = (("counters example", counters), ("20 widgets", widgets_20))
    pools = {name: pool(app) for name, app in apps}
    # apptest first, while real Streamlit is not loaded: once it is (for its AppTest
    # column), every apptest run also sets Streamlit's ~350 modules aside and back.
    for name, app in apps:
        explore(app, max_examples=2, database=None)  # warm: imports, first compiles
        print(f"| {name} | explore | {rates(explorer(app, examples), rounds)} |")
        loop = plain_loop(app, steps, pools[name])
        print(f"| {name} | plain loop | {rates(loop, rounds)} |")
    for name, app in apps:
        if have_streamlit:
            st_steps = max(10, steps // 20)
            line = rates(streamlit_loop(app, st_steps, pools[name]), max(1, rounds // 2))
        else:
            line = "n/a | n/a"
        print(f"| {name} | Streamlit AppTest | {line} |")
    if have_streamlit:
        for name, app in apps:
            line = rates(explorer(app, examples), rounds)
            print(f"| {name} | explore, real Streamlit loaded in the process | {line} |")
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
