"""``apptest.explore`` and ``apptest explore``: planted bugs are found, shrunk, and printed as
code that, pasted into a test, reproduces them; the invariants catch what they promise.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis.database import InMemoryExampleDatabase

from apptest import AppTest, explore
from apptest._explore.checks import BUILTIN, InvariantError, check_isolation
from apptest._explore.cli import BUILTIN as CLI_INVARIANTS
from apptest._explore.cli import explore_command
from apptest.cli import main

APPS = Path(__file__).parent / "apps" / "explore"
START = dt.datetime(2024, 1, 1, 12, tzinfo=dt.timezone.utc)
QUICK = settings(derandomize=True)


def no_drift(at: AppTest) -> None:
    """The uptime counter never runs ahead of the virtual clock."""
    counted = at.session_state["counted"]
    assert counted <= (at.clock.now - START).total_seconds(), f"counted {counted} s"


def replay(code: str) -> dict[str, Any]:
    """Run printed code as a test would; returns its namespace."""
    namespace: dict[str, Any] = {}
    exec(compile(code, "<pasted test>", "exec"), namespace)
    return namespace


@pytest.mark.parametrize(
    ("app", "expected"),
    [
        ("third_click.py", ['at.button(label="Go").click().run()'] * 3),
        (
            "pair_bug.py",
            [
                'at.selectbox(label="Shape").set_value("triangle").run()',
                'at.slider(label="Width").set_value(0).run()',
            ],
        ),
        (
            "form_bug.py",
            [
                'at.number_input(label="Quantity").set_value(7)',
                'at.form_submit_button(label="Submit").click().run()',
            ],
        ),
        (
            "dialog_bug.py",
            [
                'at.button(label="Delete an item").click().run()',
                'at.selectbox(label="Reason").set_value("spam").run()',
                'at.button(label="Delete").click().run()',
            ],
        ),
    ],
)
def test_planted_exceptions_are_found_shrunk_and_replayable(app: str, expected: list[str]) -> None:
    result = explore(APPS / app, database=None, settings=QUICK)
    assert result.failed and isinstance(result.error, InvariantError)
    assert result.error.invariant == "no_exception"
    assert sorted(result.steps) == sorted(expected)
    with pytest.raises(AssertionError):  # the pasted code ends with the failing check
        replay(result.code)
    namespace = replay(result.code.rsplit("\n", 1)[0])  # without it: the app shows the bug
    assert namespace["at"].exception


def test_a_counter_drifting_after_a_timer_tick_is_found_with_a_custom_invariant() -> None:
    result = explore(
        APPS / "timer_drift.py",
        invariants=["no_exception", no_drift],
        database=None,
        settings=QUICK,
    )
    assert result.failed and isinstance(result.error, InvariantError)
    assert result.error.invariant == "no_drift"
    assert any(step.startswith("at.clock.advance(") for step in result.steps)
    assert result.code.splitlines()[-1].startswith("# fails here: no_drift: counted 2 s")
    with pytest.raises(AssertionError, match="counted 2 s"):
        no_drift(replay(result.code)["at"])


def test_a_correct_app_reports_the_interactions_tried() -> None:
    result = explore(
        Path(__file__).parent.parent / "examples" / "counters.py",
        max_examples=20,
        database=None,
    )
    assert not result.failed and result.code == ""
    assert result.examples == 20 and result.interactions >= 20
    assert "no failure in 20 sequences" in str(result)


def test_a_found_failure_is_replayed_first_from_the_database() -> None:
    database = InMemoryExampleDatabase()
    first = explore(APPS / "third_click.py", database=database, max_examples=300)
    assert first.failed and list(database.data)
    again = explore(APPS / "third_click.py", database=database, max_examples=300)
    assert again.failed and again.steps == first.steps
    assert again.examples < first.examples


def test_source_text_apps_print_a_self_contained_test() -> None:
    source = "import streamlit as st\nif st.button('Boom'):\n    raise KeyError('boom')\n"
    result = explore(source, database=None, settings=QUICK)
    assert result.steps == ['at.button(label="Boom").click().run()']
    assert 'APP = """import streamlit as st' in result.code
    with pytest.raises(AssertionError, match="boom"):
        replay(result.code)


def test_widget_values_invariant_catches_a_callback_that_overrides_the_user() -> None:
    source = (
        "import streamlit as st\n"
        "def clamp():\n"
        "    st.session_state.n = min(st.session_state.n, 5)\n"
        "st.slider('N', 0, 10, 0, key='n', on_change=clamp)\n"
    )
    found = explore(source, database=None, settings=QUICK)
    assert isinstance(found.error, InvariantError)
    assert found.error.invariant == "widget_values"
    assert found.steps == ['at.slider("n").set_value(6).run()']
    quiet = explore(source, invariants=["no_exception"], database=None, max_examples=20)
    assert not quiet.failed


def test_the_isolation_oracle_flags_a_change_outside_the_fragment() -> None:
    source = """
    import streamlit as st
    st.session_state.n = st.session_state.get("n", 0) + 1
    st.write(f"full runs: {st.session_state.n}")
    @st.fragment
    def part():
        st.button("In fragment")
    part()
    log = st.container()
    @st.fragment
    def writer():
        if st.button("Write"):
            log.write("appended")
    writer()
    """
    at = AppTest.from_string(source).run()
    before, runs = at._roots(), len(at.runs)
    at.button(label="Write").click().run()  # seed: appends outside, tagged: allowed (L1)
    check_isolation(at, before, runs)
    stale = at._roots()
    at.run()  # a full run changes the text outside...
    runs = len(at.runs)
    at.button(label="In fragment").click().run()
    with pytest.raises(InvariantError, match="outside its area at \\(0, 0\\)"):
        check_isolation(at, stale, runs)  # ...which a fragment run must not explain


@pytest.mark.parametrize("semantics", ["seed", "modern"])
def test_fragment_documentation_apps_keep_every_invariant(semantics: str) -> None:
    for app in ("counters.py", "ticker.py"):
        path = Path(__file__).parent.parent / "examples" / app
        result = explore(path, semantics=semantics, max_examples=25, database=None)
        assert not result.failed, result


def test_unknown_invariant_names_are_refused() -> None:
    with pytest.raises(Exception, match=r"Unknown invariant\(s\) \['no_exceptions'\]"):
        explore(APPS / "third_click.py", invariants=["no_exceptions"])
    assert CLI_INVARIANTS == BUILTIN


def test_command_line_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explore", str(APPS / "third_click.py"), "--no-database"]) == 1
    out = capsys.readouterr().out
    assert "Shortest failing sequence (3 steps)" in out
    assert out.count('at.button(label="Go").click().run()') == 3
    counters = Path(__file__).parent.parent / "examples" / "counters.py"
    argv = ["explore", str(counters), "--no-database", "--max-examples", "10"]
    assert main(argv) == 0
    assert "interactions tried in 10 sequences" in capsys.readouterr().out
    assert main(["explore", "missing.py"]) == 2


def test_dates_and_files_print_as_code_that_replays() -> None:
    source = (
        "import datetime as dt\n"
        "import streamlit as st\n"
        "first, last = dt.date(2024, 1, 1), dt.date(2024, 1, 9)\n"
        "day = st.date_input('Day', first, first, last)\n"
        "upload = st.file_uploader('Data', type=['csv'])\n"
        "if upload is not None and day.day > 4:\n"
        "    raise RuntimeError('late upload')\n"
    )
    result = explore(source, database=None, settings=QUICK)
    assert result.code.startswith("import datetime\n")
    assert 'at.date_input(label="Day").set_value(datetime.date(2024, 1, 5)).run()' in result.steps
    assert "at.file_uploader(label=\"Data\").set_value(('file0.csv', b'', 'text/csv')).run()" in (
        result.steps
    )
    with pytest.raises(AssertionError, match="late upload"):
        replay(result.code)


def test_explore_command_entry_point() -> None:
    counters = Path(__file__).parent.parent / "examples" / "counters.py"
    assert explore_command([str(counters), "--no-database", "--max-examples", "5"]) == 0
    skip = ["--skip", "no_exception", "--skip", "widget_values", "--no-database"]
    assert explore_command([str(APPS / "third_click.py"), *skip, "--max-examples", "20"]) == 0


def test_exploring_leaves_the_garbage_collector_as_it_found_it() -> None:
    # explore() sets the older objects aside from the collector while it runs (gc.freeze)
    # and back afterwards; objects the process froze itself stay frozen.
    import gc

    app = "import streamlit as st\nst.button('Go')\n"
    assert gc.get_freeze_count() == 0
    explore(app, max_examples=2, max_steps=3, database=None, settings=QUICK)
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        explore(app, max_examples=2, max_steps=3, database=None, settings=QUICK)
        assert gc.get_freeze_count() > frozen // 2  # still frozen (some were freed since)
    finally:
        gc.unfreeze()
