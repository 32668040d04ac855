"""Benchmark apptest against Streamlit's AppTest and a do-nothing floor, side by side.

    python bench/compare.py            # the full tables (about three minutes)
    python bench/compare.py --quick    # tiny counts: checks that the script still works

Three harnesses run the same scenarios in one process:

* ``apptest``: this package;
* ``AppTest``: ``streamlit.testing.v1.AppTest``, when ``streamlit`` is importable (the
  ``bench`` extra: ``pip install -e '.[bench]'``); otherwise its columns say ``n/a``;
* ``floor``: the compiled script executed with a do-nothing ``st`` stub (every command is a
  no-op, ``st.session_state`` a plain attribute dict, ``st.fragment`` the identity). No
  harness can cost less than this.

Each cell is the median and the minimum, in CPU time, over many samples of one operation (a
``run()``, a click plus ``run()``, a new instance plus its first run …). CPU time is the
process's (``time.process_time``, every thread: Streamlit's AppTest runs the script in a
thread of its own), so time the process spent waiting for a CPU on a loaded machine does not
count. The harnesses are timed in interleaved rounds, and a ratio is the median over the rounds
of the ratio of the two block medians (see ``paired``), followed by the spread of those
per-round ratios (quartiles): ``AppTest/apptest`` is how many times faster apptest is,
``apptest/floor`` how far apptest is above the floor. The same ratios in wall time
(``time.perf_counter``) stand beside them. Streamlit's AppTest gets a generous timeout
(``ST_TIMEOUT``), so its runs finish on a loaded machine instead of failing at its 3 s default.
apptest swaps ``sys.modules['streamlit']`` only while its own runs execute, so the real
Streamlit and the shim share this process without meeting. ``time.perf_counter`` is read
outside apptest's runs only (inside them it is the virtual clock).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Measure the checkout this script is in, as the fresh-interpreter probes (run in ROOT) do,
# not whichever apptest happens to be installed.
sys.path.insert(0, str(ROOT))
COUNTERS = ROOT / "examples" / "counters.py"
#: The ``default_timeout`` given to every AppTest (Streamlit's and apptest's): a run never
#: fails for being slow on a loaded machine, however long it is descheduled.
ST_TIMEOUT = 600.0

# -- the scenarios' apps ------------------------------------------------------------------------

EMPTY = "import streamlit as st\n"

WIDGETS_50 = textwrap.dedent(
    """\
    import streamlit as st

    for i in range(20):
        st.checkbox(f"check {i}")
    for i in range(20):
        st.text_input(f"text {i}", key=f"t{i}")
    for i in range(10):
        st.button(f"button {i}")
    """
)

MARKDOWN_500 = textwrap.dedent(
    """\
    import streamlit as st

    for i in range(500):
        st.markdown(f"line **{i}**")
    """
)


def fragment_app(outside: int) -> str:
    return textwrap.dedent(
        f"""\
        import streamlit as st

        for i in range({outside}):
            st.markdown(f"outside {{i}}")

        @st.fragment
        def inner():
            st.button("Rerun fragment")
            st.write("inside the fragment")

        inner()
        """
    )


TICKER = textwrap.dedent(
    """\
    import streamlit as st

    st.title("Ticks")

    @st.fragment(run_every=1)
    def tick():
        st.write("tick")

    tick()
    """
)

#: What sits outside the fragment in the scaling table: source lines for ``count`` of them.
OUTSIDE: dict[str, str] = {
    "markdown elements": 'for i in range({n}):\n    st.markdown(f"outside {{i}}")\n',
    "keyed widgets": 'for i in range({n}):\n    st.checkbox(f"c{{i}}", key=f"c{{i}}")\n',
    "other fragments": (
        "@st.fragment\ndef other(i):\n    pass\n\nfor i in range({n}):\n    other(i)\n"
    ),
    "session-state keys": (
        'if "k0" not in st.session_state:\n'
        "    for i in range({n}):\n"
        '        st.session_state[f"k{{i}}"] = i\n'
    ),
}


def step_app(kind: str, count: int) -> str:
    """A fragment with a button and a text, after ``count`` of ``kind`` outside it."""
    return (
        "import streamlit as st\n\n"
        + OUTSIDE[kind].format(n=count)
        + textwrap.dedent(
            """
            @st.fragment
            def inner():
                st.button("go", key="go")
                st.text(f"clicks {st.session_state.setdefault('clicks', 0)}")

            inner()
            """
        )
    )


def timers_app(others: int) -> str:
    """One fragment ticking every second, and ``others`` that tick once in 23 days."""
    return textwrap.dedent(
        f"""\
        import streamlit as st

        @st.fragment(run_every=1)
        def tick():
            st.text("tick")

        @st.fragment(run_every=2_000_000)
        def other(i):
            st.text(f"other {{i}}")

        tick()
        for i in range({others}):
            other(i)
        """
    )


def nested_app(depth: int, count: int) -> str:
    """``count`` markdown elements inside ``depth`` nested containers."""
    return textwrap.dedent(
        f"""\
        import streamlit as st

        def nest(level):
            if level == 0:
                for i in range({count}):
                    st.markdown(f"line {{i}}")
            else:
                with st.container():
                    nest(level - 1)

        nest({depth})
        """
    )


def side_by_side_app(containers: int, count: int) -> str:
    """``count`` markdown elements in the last of ``containers`` side-by-side containers: the
    same writes as ``nested_app(containers, count)``, at depth 1 instead of ``containers``."""
    return textwrap.dedent(
        f"""\
        import streamlit as st

        for _ in range({containers} - 1):
            with st.container():
                pass
        with st.container():
            for i in range({count}):
                st.markdown(f"line {{i}}")
        """
    )


# -- the floor: a do-nothing st ---------------------------------------------------------------


class _Noop:
    """Any command, any attribute, any ``with``: does nothing and returns itself."""

    def __call__(self, *args: Any, **kwargs: Any) -> _Noop:
        return self

    def __getattr__(self, name: str) -> _Noop:
        return self

    def __enter__(self) -> _Noop:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __bool__(self) -> bool:
        return False


class _State(dict):  # type: ignore[type-arg]
    """``st.session_state`` in the stub: a dict with attribute access."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


def _identity_fragment(func: Any = None, **_: Any) -> Any:
    return func if func is not None else (lambda f: f)


def make_stub() -> types.ModuleType:
    stub = types.ModuleType("streamlit")
    noop = _Noop()
    stub.__getattr__ = lambda name: noop  # type: ignore[attr-defined]
    stub.fragment = _identity_fragment  # type: ignore[attr-defined]
    stub.session_state = _State()  # type: ignore[attr-defined]
    return stub


@contextmanager
def stub_installed(stub: types.ModuleType) -> Iterator[None]:
    saved = sys.modules.get("streamlit")
    sys.modules["streamlit"] = stub
    try:
        yield
    finally:
        if saved is None:
            sys.modules.pop("streamlit", None)
        else:
            sys.modules["streamlit"] = saved


class Floor:
    """The script's compiled code run in a fresh module dict with the stub as ``st``."""

    def __init__(self, source: str) -> None:
        self.code = compile(source, "<floor>", "exec")
        self.stub = make_stub()
        self.globals: dict[str, Any] = {}

    def run(self) -> None:
        self.globals = {"__name__": "__main__"}
        with stub_installed(self.stub):
            exec(self.code, self.globals)

    def call(self, name: str) -> None:
        """Call a function the script defined (the fragment body, for fragment scenarios)."""
        with stub_installed(self.stub):
            self.globals[name]()


# -- timing ---------------------------------------------------------------------------------------


@dataclass
class Timing:
    """One operation's samples: CPU time (``median``, ``min``) and wall time (``wall_*``)."""

    median: float
    min: float
    samples: int
    #: The median of each round's block, CPU time (interleaved measurements only): ``paired``.
    rounds: list[float] = field(default_factory=list)
    wall_median: float = 0.0
    wall_min: float = 0.0
    wall_rounds: list[float] = field(default_factory=list)


def round_ratios(a: Timing, b: Timing, *, wall: bool = False) -> list[float]:
    """``a`` over ``b`` in each round in which both ran (their block medians)."""
    tops, bottoms = (a.wall_rounds, b.wall_rounds) if wall else (a.rounds, b.rounds)
    return [x / y for x, y in zip(tops, bottoms, strict=True) if y > 0]


def paired(a: Timing, b: Timing, *, wall: bool = False) -> float | None:
    """How many times slower ``a`` is than ``b``: the median, over the rounds in which both
    ran, of the ratio of their block medians. Both blocks of a round ran within a few tens of
    milliseconds of each other, so a load burst on the machine cancels out of the ratio."""
    ratios = round_ratios(a, b, wall=wall)
    return statistics.median(ratios) if ratios else None


def spread(values: list[float]) -> tuple[float, float]:
    """The quartiles (25th, 75th percentile) of ``values``; both the value when only one."""
    if len(values) < 2:
        return values[0], values[0]
    low, _, high = statistics.quantiles(values, n=4, method="inclusive")
    return low, high


#: A sample of a very fast operation is a batch of calls lasting at least this long.
BATCH_SECONDS = 100e-6
#: In each round every harness takes samples for at least this long, then the next one runs.
BLOCK_SECONDS = 0.01


def _batch_size(op: Callable[[], object]) -> int:
    op()  # warm-up
    start = time.perf_counter()
    op()
    once = time.perf_counter() - start
    return max(1, int(BATCH_SECONDS / once)) if once > 0 else 1000


def compare(
    ops: dict[str, Callable[[], object] | None], *, budget: float, min_rounds: int
) -> dict[str, Timing | None]:
    """Time each op for about ``budget`` seconds in all, interleaved.

    Rounds alternate between the harnesses (a block of samples each), so a load change on the
    machine hits every column alike and the ratios stay meaningful. Garbage collection is off
    while a block is timed and runs between blocks.
    """
    live = {name: op for name, op in ops.items() if op is not None}
    batches = {name: _batch_size(op) for name, op in live.items()}
    cpu: dict[str, Samples] = {name: Samples() for name in live}
    wall: dict[str, Samples] = {name: Samples() for name in live}
    deadline = time.perf_counter() + budget
    rounds = 0
    enabled = gc.isenabled()
    try:
        while rounds < min_rounds or time.perf_counter() < deadline:
            rounds += 1
            for name, op in live.items():
                gc.collect()
                gc.disable()
                _block(op, batches[name], cpu[name], wall[name])
                if enabled:
                    gc.enable()
    finally:
        if enabled:
            gc.enable()
    return {name: cpu[name].timing(wall[name]) if name in live else None for name in ops}


@dataclass
class Samples:
    """The per-call times of one harness, and the median of each round's block of them."""

    all: list[float] = field(default_factory=list)
    rounds: list[float] = field(default_factory=list)

    def add_block(self, block: list[float]) -> None:
        self.all.extend(block)
        self.rounds.append(statistics.median(block))

    def timing(self, wall: Samples) -> Timing:
        """A Timing with these (CPU) samples, and ``wall``'s beside them."""
        return Timing(
            statistics.median(self.all),
            min(self.all),
            len(self.all),
            self.rounds,
            statistics.median(wall.all),
            min(wall.all),
            wall.rounds,
        )


def _block(op: Callable[[], object], batch: int, cpu: Samples, wall: Samples) -> None:
    """One round's block of batches of ``op``, timed in CPU and wall time."""
    cpu_block: list[float] = []
    wall_block: list[float] = []
    block_end = time.perf_counter() + BLOCK_SECONDS
    while True:
        start, start_cpu = time.perf_counter(), time.process_time()
        for _ in range(batch):
            op()
        end_cpu, end = time.process_time(), time.perf_counter()
        cpu_block.append((end_cpu - start_cpu) / batch)
        wall_block.append((end - start) / batch)
        if end >= block_end:
            break
    cpu.add_block(cpu_block)
    wall.add_block(wall_block)


# -- the harnesses ------------------------------------------------------------------------------


def streamlit_apptest() -> Any:
    """Streamlit's AppTest class, or None when streamlit is not installed."""
    try:
        from streamlit.testing.v1 import AppTest
    except ImportError:
        return None
    # Every new AppTest logs "missing ScriptRunContext" outside `streamlit run`: silenced
    # (which only makes AppTest's figures a little better).
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )
    return AppTest


def _label_button(at: Any, label: str) -> Any:
    return next(b for b in at.button if b.label == label)


@dataclass
class Row:
    scenario: str
    apptest: Timing | None
    streamlit: Timing | None
    floor: Timing | None
    note: str = ""


Ops = dict[str, Callable[[], object] | None]


class Bench:
    def __init__(self, *, quick: bool, use_streamlit: bool) -> None:
        self.quick = quick
        self.budget = 0.05 if quick else 6.0
        self.min_rounds = 1 if quick else 5
        self.st_apptest = streamlit_apptest() if use_streamlit else None

    def row(self, scenario: str, ops: Ops, *, note: str = "", budget_scale: float = 1.0) -> Row:
        timings = compare(ops, budget=self.budget * budget_scale, min_rounds=self.min_rounds)
        return Row(scenario, timings["apptest"], timings["AppTest"], timings["floor"], note)

    # -- one scenario per method -----------------------------------------------------------
    def run_scenario(self, name: str, source: str) -> Row:
        """``run()`` of an app that has already run once (steady state)."""
        from apptest import AppTest

        ops: Ops = {
            "apptest": AppTest.from_string(source, default_timeout=ST_TIMEOUT).run().run,
            "AppTest": None,
        }
        if self.st_apptest is not None:
            ops["AppTest"] = (
                self.st_apptest.from_string(source, default_timeout=ST_TIMEOUT).run().run
            )
        ops["floor"] = Floor(source).run
        return self.row(name, ops)

    def counters(self) -> Row:
        """examples/counters.py: a full run, a click on "Rerun fragment", a run."""
        from apptest import AppTest

        at = AppTest.from_file(str(COUNTERS), default_timeout=ST_TIMEOUT).run()

        def ours() -> None:
            at.run()
            at.button(label="Rerun fragment").click()
            at.run()

        ops: Ops = {"apptest": ours, "AppTest": None}
        if self.st_apptest is not None:
            sat = self.st_apptest.from_file(str(COUNTERS), default_timeout=ST_TIMEOUT).run()

            def theirs() -> None:
                sat.run()
                _label_button(sat, "Rerun fragment").click()
                sat.run()

            ops["AppTest"] = theirs
        floor = Floor(COUNTERS.read_text())

        def floor_op() -> None:
            floor.run()
            floor.call("my_fragment")

        ops["floor"] = floor_op
        return self.row(
            "counters example: run + click + run (2 runs)",
            ops,
            note="AppTest has no fragment runs: its second run is a full run.",
        )

    def new_instance(self) -> Row:
        """A new instance from examples/counters.py plus its first run."""
        from apptest import AppTest

        path = str(COUNTERS)
        ops: Ops = {
            "apptest": lambda: AppTest.from_file(path, default_timeout=ST_TIMEOUT).run(),
            "AppTest": None,
        }
        if self.st_apptest is not None:
            st_apptest = self.st_apptest
            ops["AppTest"] = lambda: st_apptest.from_file(path, default_timeout=ST_TIMEOUT).run()
        # The least a new instance costs is one execution of the script (a harness can keep
        # compiled code between instances, as apptest does).
        ops["floor"] = Floor(COUNTERS.read_text()).run
        return self.row("new instance + first run (counters)", ops)

    def fragment_rerun(self, outside: int) -> Row:
        """A click inside a fragment plus ``run()``: only the fragment reruns (apptest)."""
        from apptest import AppTest

        source = fragment_app(outside)
        at = AppTest.from_string(source, default_timeout=ST_TIMEOUT).run()
        button = at.button(label="Rerun fragment")

        def ours() -> None:
            button.click()
            at.run()

        ops: Ops = {"apptest": ours, "AppTest": None}
        if self.st_apptest is not None:
            ops["AppTest"] = (
                self.st_apptest.from_string(source, default_timeout=ST_TIMEOUT).run().run
            )
        floor = Floor(source)
        floor.run()
        ops["floor"] = lambda: floor.call("inner")
        row = self.row(
            f"fragment rerun, {outside:,} elements outside",
            ops,
            note="AppTest: a full run (it has no fragment runs), for reference.",
        )
        assert at.runs[-1].scope == "fragment", at.runs[-1]
        return row

    def test_step(self) -> Row:
        """A whole test step on examples/counters.py: look the button up, click, run, read."""
        from apptest import AppTest

        at = AppTest.from_file(str(COUNTERS), default_timeout=ST_TIMEOUT).run()

        def ours() -> None:
            at.button(label="Rerun fragment").click().run()
            assert at.markdown[0].value.startswith("Fragment says")

        ops: Ops = {"apptest": ours, "AppTest": None}
        if self.st_apptest is not None:
            sat = self.st_apptest.from_file(str(COUNTERS), default_timeout=ST_TIMEOUT).run()

            def theirs() -> None:
                _label_button(sat, "Rerun fragment").click().run()
                assert sat.markdown[0].value.startswith("Fragment says")

            ops["AppTest"] = theirs
        floor = Floor(COUNTERS.read_text())
        floor.run()
        ops["floor"] = lambda: floor.call("my_fragment")
        return self.row(
            "test step (counters): lookup + click + run + read",
            ops,
            note="AppTest reruns the whole app for the click (it has no fragment runs).",
        )

    def widgets_step(self) -> Row:
        """A whole test step on the 50-widget app: toggle a checkbox, run, read a text input."""
        from apptest import AppTest

        def step(at: Any) -> Callable[[], object]:
            def op() -> None:
                box = at.checkbox[3]
                box.set_value(not box.value).run()
                assert at.text_input[0].value == ""

            return op

        ops: Ops = {
            "apptest": step(AppTest.from_string(WIDGETS_50, default_timeout=ST_TIMEOUT).run()),
            "AppTest": None,
        }
        if self.st_apptest is not None:
            sat = self.st_apptest.from_string(WIDGETS_50, default_timeout=ST_TIMEOUT).run()
            ops["AppTest"] = step(sat)
        ops["floor"] = Floor(WIDGETS_50).run
        return self.row("test step (50 widgets): lookup + set + run + read", ops)

    def scaling_line(
        self, label: str, large: Callable[[], object], small: Callable[[], object]
    ) -> str:
        """One row of the scaling table: ``large`` over ``small`` (apptest only), interleaved."""
        timings = compare(
            {"small": small, "large": large}, budget=self.budget, min_rounds=self.min_rounds
        )
        a, b = timings["large"], timings["small"]
        assert a is not None and b is not None
        return (
            f"| {label} | {fmt(b.median)} | {fmt(a.median)} | {ratio(a, b)} "
            f"| {ratio(a, b, wall=True)} |"
        )

    def scaling_table(self, small: int, large: int) -> str:
        """The issue's scaling table: what a step costs beside things it does not touch."""
        from apptest import AppTest

        def step_op(kind: str, count: int) -> Callable[[], object]:
            at = AppTest.from_string(step_app(kind, count), default_timeout=ST_TIMEOUT).run()

            def op() -> None:
                at.button(key="go").click().run()
                assert at.text[0].value.startswith("clicks")

            op()
            assert at.runs[-1].scope == "fragment", at.runs[-1]
            return op

        def tick_op(others: int) -> Callable[[], object]:
            at = AppTest.from_string(timers_app(others), default_timeout=ST_TIMEOUT).run()

            def op() -> None:
                before = len(at.runs)
                at.clock.advance(1)
                assert len(at.runs) == before + 1, (before, len(at.runs))

            return op

        def nested_op(depth: int) -> Callable[[], object]:
            return AppTest.from_string(nested_app(depth, 200), default_timeout=ST_TIMEOUT).run().run

        def side_by_side_op(containers: int) -> Callable[[], object]:
            app = side_by_side_app(containers, 200)
            return AppTest.from_string(app, default_timeout=ST_TIMEOUT).run().run

        timers = 10 if self.quick else 1_000
        deep = 20 if self.quick else 200
        lines = [
            "| apptest alone: cost with little vs much elsewhere | small | large "
            "| large/small (CPU) | large/small (wall) |",
            "|---|---|---|---|---|",
        ]
        for kind in OUTSIDE:
            lines.append(
                self.scaling_line(
                    f"fragment click + run + read, {small:,} vs {large:,} {kind} outside",
                    step_op(kind, large),
                    step_op(kind, small),
                )
            )
        lines.append(
            self.scaling_line(
                f"timer tick (clock.advance(1)), 1 vs {timers:,} other timed fragments",
                tick_op(timers),
                tick_op(0),
            )
        )
        lines.append(
            self.scaling_line(
                f"run() of 200 markdown elements, nesting depth 1 vs {deep}",
                nested_op(deep),
                nested_op(1),
            )
        )
        lines.append(
            self.scaling_line(
                f"run() of 200 markdown elements and {deep} containers, the containers side "
                f"by side (depth 1) vs nested (depth {deep})",
                nested_op(deep),
                side_by_side_op(deep),
            )
        )
        return "\n".join(lines)

    def pair(self, label: str, large: Callable[[], object], small: Callable[[], object]) -> str:
        """``large`` over ``small`` (apptest only), timed interleaved: one line of the notes."""
        timings = compare(
            {"small": small, "large": large}, budget=self.budget, min_rounds=self.min_rounds
        )
        a, b = timings["large"], timings["small"]
        assert a is not None and b is not None
        return (
            f"{label}: CPU {ratio(a, b)}, wall {ratio(a, b, wall=True)} (medians, CPU: "
            f"{fmt(a.median)} vs {fmt(b.median)}; mins {fmt(a.min)} vs {fmt(b.min)})"
        )

    def runs_scaling(self, few: int, many: int) -> str:
        """``at.runs[-1]`` and ``len(at.runs)`` after ``many`` vs ``few`` runs."""
        from apptest import AppTest

        def last_run_op(count: int) -> Callable[[], object]:
            at = AppTest.from_string(EMPTY, default_timeout=ST_TIMEOUT)
            for _ in range(count):
                at.run()
            return lambda: (at.runs[-1], len(at.runs))

        return self.pair(
            f"`at.runs[-1]` + `len(at.runs)`, {many:,} vs {few:,} runs",
            last_run_op(many),
            last_run_op(few),
        )

    def header_vs_markdown(self, count: int) -> str:
        """``run()`` of ``count`` ``st.header(..., anchor=False)`` vs ``count`` ``st.markdown``."""
        from apptest import AppTest

        def app(command: str) -> Callable[[], object]:
            source = f"import streamlit as st\nfor i in range({count}):\n    {command}\n"
            return AppTest.from_string(source, default_timeout=ST_TIMEOUT).run().run

        return self.pair(
            f"run() of {count} `st.header(text, anchor=False)` vs {count} `st.markdown(text)`",
            app('st.header(f"Heading {i}", anchor=False)'),
            app('st.markdown(f"Heading {i}")'),
        )

    def fragment_scaling(self, large: int) -> str:
        """A fragment rerun with 5 vs ``large`` elements outside, timed interleaved."""
        from apptest import AppTest

        def rerun_op(outside: int) -> Callable[[], object]:
            at = AppTest.from_string(fragment_app(outside), default_timeout=ST_TIMEOUT).run()
            button = at.button(label="Rerun fragment")

            def op() -> None:
                button.click()
                at.run()

            return op

        return self.pair(
            f"fragment rerun cost, {large:,} vs 5 elements outside", rerun_op(large), rerun_op(5)
        )

    def ticks(self, count: int) -> Row:
        """One ``at.clock.advance`` over ``count`` ticks of a ``run_every=1`` fragment."""
        from apptest import AppTest

        at = AppTest.from_string(TICKER, default_timeout=ST_TIMEOUT).run()

        def ours() -> None:
            before = len(at.runs)
            at.clock.advance(count)
            assert len(at.runs) == before + count, (before, len(at.runs))

        floor = Floor(TICKER)

        def floor_op() -> None:
            floor.run()
            for _ in range(count):
                floor.call("tick")

        return self.row(
            f"{count:,} run_every ticks: one clock.advance",
            {"apptest": ours, "AppTest": None, "floor": floor_op},
            note="AppTest has no clock or run_every timers.",
        )

    def imports(self) -> Row:
        """``from apptest import AppTest`` vs Streamlit's, in a fresh interpreter."""
        reps, warm = (1, False) if self.quick else (7, True)
        ours = fresh_timing("from apptest import AppTest", reps, warm_up=warm)
        theirs = None
        if self.st_apptest is not None:
            theirs = fresh_timing("from streamlit.testing.v1 import AppTest", reps, warm_up=warm)
        return Row(
            "import in a fresh interpreter",
            ours,
            theirs,
            fresh_timing("import types", reps, warm_up=warm),
            note="floor: `import types`. Bytecode cache warm, as after a first import.",
        )

    def cold_start(self) -> Row:
        """Import, a new instance and its first run, in a fresh interpreter."""
        reps, warm = (1, False) if self.quick else (5, True)
        path = str(COUNTERS)
        ours = fresh_timing(
            f"from apptest import AppTest\nAppTest.from_file({path!r}, default_timeout={ST_TIMEOUT}).run()",
            reps,
            warm_up=warm,
        )
        theirs = None
        if self.st_apptest is not None:
            theirs = fresh_timing(
                f"from streamlit.testing.v1 import AppTest\nAppTest.from_file({path!r}, default_timeout={ST_TIMEOUT}).run()",
                reps,
                warm_up=warm,
            )
        return Row(
            "cold start: import + new instance + first run (counters)",
            ours,
            theirs,
            None,
            note="what the first test of a session pays.",
        )


_PROBE = """\
import time
start, cpu = time.perf_counter(), time.process_time()
{stmt}
print("elapsed", time.perf_counter() - start, time.process_time() - cpu)
"""


def _fresh_env(cache: str) -> dict[str, str]:
    """A child environment that writes and reads bytecode in ``cache``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


_CACHE = tempfile.mkdtemp(prefix="apptest-bench-pycache-")


def fresh_timing(stmt: str, reps: int, *, warm_up: bool = True) -> Timing:
    """CPU and wall time of ``stmt`` inside a new interpreter (its startup excluded).

    Bytecode is cached in a temporary folder and one warm-up run fills it, so the figures are
    what a user sees from the second import on, whatever ``PYTHONDONTWRITEBYTECODE`` says.
    """
    env = _fresh_env(_CACHE) if warm_up else None

    def once() -> tuple[float, float]:
        out = subprocess.run(
            [sys.executable, "-c", _PROBE.format(stmt=stmt)],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
        ).stdout
        line = next(line for line in out.splitlines() if line.startswith("elapsed"))
        wall, cpu = line.split()[1:3]
        return float(wall), float(cpu)

    if warm_up:
        once()
    walls, cpus = zip(*(once() for _ in range(reps)), strict=True)
    return Timing(
        statistics.median(cpus),
        min(cpus),
        reps,
        wall_median=statistics.median(walls),
        wall_min=min(walls),
    )


def importtime_cumulative(module: str) -> float | None:
    """``python -X importtime -c "import <module>"``: the package's cumulative line, in s."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_fresh_env(_CACHE),
    )
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\S+)$", line)
        if match and match.group(2) == module:
            return int(match.group(1)) / 1e6
    return None


# -- output ---------------------------------------------------------------------------------------


def fmt(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def times(value: float) -> str:
    return f"{value:,.0f}x" if value >= 10 else f"{value:.2f}x" if value < 2 else f"{value:.1f}x"


def ratio(a: Timing | None, b: Timing | None, *, wall: bool = False) -> str:
    """``a`` over ``b``: the median of the per-round ratios and their quartiles when both were
    timed interleaved (``12x (11x-13x)``), else the ratio of the medians."""
    if a is None or b is None:
        return "n/a"
    ratios = round_ratios(a, b, wall=wall)
    if ratios:
        low, high = spread(ratios)
        return f"{times(statistics.median(ratios))} ({times(low)}-{times(high)})"
    top, bottom = (a.wall_median, b.wall_median) if wall else (a.median, b.median)
    return times(top / bottom) if bottom > 0 else "n/a"


HEADER = (
    "| Scenario | apptest median | apptest min | AppTest median | AppTest min "
    "| floor median | floor min | AppTest/apptest | apptest/floor "
    "| AppTest/apptest, wall | apptest/floor, wall |"
)


def table(rows: list[Row]) -> str:
    lines = [HEADER, "|" + "---|" * 11]
    for row in rows:
        a, s, f = row.apptest, row.streamlit, row.floor
        lines.append(
            f"| {row.scenario} | {fmt(a.median if a else None)} | {fmt(a.min if a else None)} "
            f"| {fmt(s.median if s else None)} | {fmt(s.min if s else None)} "
            f"| {fmt(f.median if f else None)} | {fmt(f.min if f else None)} | {ratio(s, a)} | {ratio(a, f)} "
            f"| {ratio(s, a, wall=True)} | {ratio(a, f, wall=True)} |"
        )
    return "\n".join(lines)


def environment(bench: Bench) -> str:
    import apptest  # noqa: F401

    parts = [
        f"Python {platform.python_version()}",
        f"{platform.system()} {platform.machine()}",
        f"{os.cpu_count()} CPUs",
    ]
    if bench.st_apptest is not None:
        import streamlit

        parts.append(f"streamlit {streamlit.__version__}")
    else:
        parts.append("streamlit not installed (AppTest columns n/a)")
    return ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="tiny counts, to check the script works"
    )
    parser.add_argument("--no-streamlit", action="store_true", help="leave Streamlit's AppTest out")
    options = parser.parse_args(argv)
    bench = Bench(quick=options.quick, use_streamlit=not options.no_streamlit)
    ticks = 20 if options.quick else 1000
    big = 50 if options.quick else 5000
    started = time.perf_counter()
    small = bench.fragment_rerun(5)
    large = bench.fragment_rerun(big)
    rows = [
        bench.run_scenario("empty script: run()", EMPTY),
        bench.counters(),
        bench.test_step(),
        bench.widgets_step(),
        bench.run_scenario("50 widgets: run()", WIDGETS_50),
        bench.run_scenario("500 markdown elements: run()", MARKDOWN_500),
        bench.new_instance(),
        small,
        large,
        bench.ticks(ticks),
        bench.imports(),
        bench.cold_start(),
    ]
    print(f"apptest vs Streamlit's AppTest vs a do-nothing floor ({environment(bench)})")
    if options.quick:
        print("(--quick: tiny counts and no warm-up; the figures mean nothing)")
    print()
    print(table(rows))
    print()
    print(
        "Times are CPU time (time.process_time, all threads). Ratios: the harnesses are timed "
        "in interleaved rounds; a ratio is the median over the rounds of the ratio of the two "
        "block medians (a load burst on the machine hits both sides of a round alike), with "
        "the quartiles of those per-round ratios in brackets; the last two columns are the "
        "same ratios in wall time."
    )
    print()
    for row in rows:
        if row.note:
            print(f"- {row.scenario}: {row.note}")
    print()
    print(bench.scaling_table(5, big))
    print()
    print("apptest alone, two variants timed interleaved (ratio: median per round, quartiles):")
    few, many = (10, 100) if options.quick else (1_000, 100_000)
    for line in (
        bench.fragment_scaling(big),
        bench.runs_scaling(few, many),
        bench.header_vs_markdown(10 if options.quick else 200),
    ):
        print(f"- {line}")
    cumulatives = [importtime_cumulative("apptest") for _ in range(1 if options.quick else 7)]
    found = [c for c in cumulatives if c is not None]
    if found:
        print(
            f"- `python -X importtime -c 'import apptest'`, apptest's cumulative line: median "
            f"{fmt(statistics.median(found))}, min {fmt(min(found))} ({len(found)} runs)"
        )
    print()
    print(explorer_throughput(options.quick))
    print(f"- whole benchmark: {time.perf_counter() - started:.0f} s")
    return 0


def explorer_throughput(quick: bool) -> str:
    """The explorer's throughput table (issue 12), from ``bench/explore.py`` in a process of
    its own: it measures apptest before and after importing real Streamlit."""
    script = ROOT / "bench" / "explore.py"
    done = subprocess.run(
        [sys.executable, str(script), *(["--quick"] if quick else [])],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        return f"Explorer throughput: bench/explore.py failed:\n{done.stderr[-2000:]}"
    return "Explorer throughput (`python bench/explore.py`):\n\n" + done.stdout.strip()


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        shutil.rmtree(_CACHE, ignore_errors=True)
