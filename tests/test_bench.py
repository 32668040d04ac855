"""The benchmark script stays runnable (``bench/compare.py --quick``).

CI never runs the real benchmark and nothing here looks at a timing: these tests only check
that the script runs to the end and prints its table, so it cannot rot as the code changes.
"""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

from apptest import real_streamlit_installed

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "compare.py"
HEADER = "| Scenario | apptest median | apptest min | AppTest median | AppTest min |"
SCENARIOS = (
    "empty script",
    "counters example",
    "test step (counters)",
    "test step (50 widgets)",
    "50 widgets",
    "500 markdown elements",
    "new instance + first run",
    "fragment rerun, 5 elements outside",
    "run_every ticks",
    "import in a fresh interpreter",
    "cold start",
)


@functools.cache
def _run(*args: str) -> str:
    """The script's output with ``--quick`` and ``args`` (run once per set of arguments)."""
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def _table(out: str, header: str) -> list[list[str]]:
    """The cells of the rows of the table whose header line starts with ``header``."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:  # past the header and its |---| line
        if not line.startswith("| "):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def _rows(out: str) -> list[list[str]]:
    return _table(out, HEADER)


def test_quick_benchmark_without_streamlit_prints_every_scenario() -> None:
    out = _run("--no-streamlit")
    assert HEADER in out
    rows = _rows(out)
    for scenario in SCENARIOS:
        assert any(scenario in row[0] for row in rows), (scenario, out)
    for row in rows:
        assert row[1] != "n/a", row  # apptest is measured in every scenario
        assert row[3] == "n/a", row  # AppTest was left out


def test_quick_benchmark_prints_the_scaling_table() -> None:
    out = _run("--no-streamlit")
    rows = _table(out, "| apptest alone: cost with little vs much elsewhere |")
    labels = " / ".join(row[0] for row in rows)
    for what in (
        "markdown elements outside",
        "keyed widgets outside",
        "other fragments outside",
        "session-state keys outside",
        "other timed fragments",
        "nesting depth",
        "side by side (depth 1) vs nested",
    ):
        assert what in labels, (what, out)
    for row in rows:
        assert row[3].endswith(")"), row  # a ratio with its quartiles


@pytest.mark.skipif(
    not real_streamlit_installed(),
    reason="streamlit is not installed (pip install -e '.[bench]')",
)
def test_quick_benchmark_with_streamlit_fills_the_apptest_columns() -> None:
    out = _run()
    assert HEADER in out
    rows = {row[0]: row for row in _rows(out)}
    measured = [name for name, row in rows.items() if row[3] != "n/a"]
    # Everything but apptest-only scenarios (run_every ticks) is measured under AppTest too.
    assert any(name.startswith("empty script") for name in measured), out
    assert not any("run_every" in name for name in measured), out


def test_the_explorer_throughput_is_part_of_the_benchmark() -> None:
    """Issue 13, item 3: ``compare.py`` reports the explorer's throughput (issue 12) too."""
    out = _run("--no-streamlit")
    assert "Explorer throughput (`python bench/explore.py`):" in out
    rows = _table(out, "| app | harness | interactions/s CPU")
    harnesses = {(row[0], row[1]) for row in rows}
    assert ("counters example", "explore") in harnesses
    assert ("20 widgets", "explore") in harnesses
