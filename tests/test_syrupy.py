"""Tree snapshots with syrupy (issue 11): ``assert at.tree == tree_snapshot``, one ``.txt``
per snapshot, ``--snapshot-update`` records, a changed tree fails with a line diff."""

from __future__ import annotations

import pytest

pytest.importorskip("syrupy")

FILTER = """\
import streamlit as st
rows = [("North", 12), ("South", 5), ("North", 7)]
region = st.selectbox("Region", ["All", "North", "South"])
shown = [r for r in rows if region in ("All", r[0])]
st.metric("Units", sum(n for _, n in shown))
for name, n in shown:
    st.write(f"{name}: {n}")
"""

TEST = """
def test_north(app_test, tree_snapshot):
    at = app_test("filter.py").run()
    at.selectbox(label="Region").select("North").run()
    assert at.tree == tree_snapshot

def test_whole_apptest(app_test, tree_snapshot):
    assert app_test("filter.py").run() == tree_snapshot
"""


def test_tree_snapshot_records_compares_and_diffs(pytester: pytest.Pytester) -> None:
    pytester.makefile(".py", filter=FILTER)
    pytester.makepyfile(test_snap=TEST)
    args = ("-p", "no:cacheprovider")
    pytester.runpytest(*args, "--snapshot-update").assert_outcomes(passed=2)
    stored = pytester.path / "__snapshots__" / "test_snap" / "test_north.txt"
    assert stored.read_text(encoding="utf-8") == (
        "main\n"
        "  selectbox 'Region' = 'North' options ['All', 'North', 'South']\n"
        "  metric 'Units' = '19'\n"
        "  markdown 'North: 12'\n"
        "  markdown 'North: 7'\n"
    )
    assert (stored.parent / "test_whole_apptest.txt").read_text(encoding="utf-8").startswith(
        "main\n  selectbox 'Region' = 'All'"
    )
    pytester.runpytest(*args).assert_outcomes(passed=2)

    # A broken filter (South rows leak into North) changes the tree: a line diff says how.
    pytester.makefile(".py", filter=FILTER.replace('region in ("All", r[0])', "True"))
    result = pytester.runpytest(*args, "test_snap.py::test_north")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*-   metric 'Units' = '19'*", "*+   metric 'Units' = '24'*"])
    result.stdout.fnmatch_lines(["*+   markdown 'South: 5'*"])


def test_without_syrupy_the_fixture_says_what_to_install(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_nosnap="""
        def test_x(tree_snapshot):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:syrupy")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["tree_snapshot needs syrupy, *: pip install 'apptest?snapshot?'."])
