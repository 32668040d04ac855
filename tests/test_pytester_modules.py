"""apptest's modules survive pytester's in-process runs (issue 15, item 7, known bug).

``pytester.runpytest_inprocess`` drops every module first imported inside it. When the first
AppTest of the process is made inside such a run, the runtime (the fake ``streamlit``, the
server, the typed widget classes) loads there; made again afterwards it loaded a second copy,
while the snapshots kept the first copy's classes. apptest now keeps the modules it loaded and
puts them back: one shim, one set of classes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

OUTER = '''
import sys
import apptest

pytest_plugins = ["pytester"]


def test_outer(pytester):
    pytester.makepyfile(test_inner="""
import sys
from apptest import AppTest
def test_inner():
    at = AppTest.from_string("import streamlit as st\\\\nst.slider('S', 0, 9)").run()
    sys._apptest_inner = (type(at.slider[0]), sys.modules["apptest._shim"])
""")
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)
    at = apptest.AppTest.from_string("import streamlit as st\\nst.slider('S', 0, 9)").run()
    slider_class, shim = sys._apptest_inner
    assert sys.modules["apptest._shim"] is shim
    assert type(at.slider[0]) is slider_class is apptest.Slider
    assert at.slider[0].set_value(3).run().slider[0].value == 3
'''


def test_pytester_drops_no_module_apptest_loaded_inside_an_inner_run(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parent.parent))
    pytester.makepyfile(test_outer=OUTER)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "pytester")
    result.assert_outcomes(passed=1)
