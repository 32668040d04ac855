"""Failure ergonomics (issue item 6): a test's mistake shows the test's line and the message.

The entry points a test calls set ``__tracebackhide__``, and the frames below them hide for an
AppTestError (``apptest._errors.hide_test_errors``), so pytest's traceback has no apptest
frames. A bug in apptest (any other error) keeps them.
"""

from __future__ import annotations

import pytest

from apptest import AppTest, AppTestError, ElementNotFoundError
from apptest._errors import hide_test_errors

FAILING_TESTS = '''
from apptest import AppTest

APP = """
import streamlit as st
st.button("Go", key="go")
st.slider("Size", 0, 10, key="size")
st.checkbox("Agree", key="agree")
if st.session_state.get("loop"):
    st.rerun()
"""


def test_missing_key():
    at = AppTest.from_string(APP).run()
    at.button("missing").click()


def test_missing_label():
    AppTest.from_string(APP).run().button(label="Stop")


def test_index():
    AppTest.from_string(APP).run().slider[3]


def test_get_by_key():
    AppTest.from_string(APP).run().get_by_key("nope")


def test_refused_value():
    AppTest.from_string(APP).run().slider("size").set_value(99)


def test_wrong_verb():
    AppTest.from_string(APP).run().checkbox("agree").click()


def test_advance():
    AppTest.from_string(APP).run().clock.advance("soon")


def test_switch_page():
    AppTest.from_string(APP).run().switch_page("pages/other.py")


def test_rerun_loop():
    at = AppTest.from_string(APP).run()
    at.session_state["loop"] = True
    at.run()


def test_from_file():
    AppTest.from_file("no_such_app.py")
'''

MESSAGES = {
    "test_missing_key": "E   * No button with key='missing'. Found: button(label='Go', key='go').",
    "test_missing_label": "E   * No button with label='Stop'. Found: *",
    "test_index": "E   * No slider at index 3: the app shows 1 slider element(s).*",
    "test_get_by_key": "E   * No element with key='nope'. Keys in the app: *",
    "test_refused_value": "E   * cannot take 99: it is outside the slider's range [[]0, 10[]].",
    "test_wrong_verb": "E   * has no click(): it takes check(), uncheck(), set_value().*",
    "test_advance": "E   * advance() could not read the time string 'soon'*",
    "test_switch_page": "E   * at.switch_page() needs an app loaded with AppTest.from_file()*",
    "test_rerun_loop": "E   * The app requested more than * reruns in one run()*",
    "test_from_file": "E   * AppTest script not found: 'no_such_app.py'*",
}


@pytest.fixture(autouse=True, scope="module")
def _apptest_loaded_outside_pytester() -> None:
    """pytester's in-process runs drop the modules first imported inside them, while
    ``apptest._api.nodes`` (imported here) keeps the widget classes they registered: load
    everything an app run needs before, so every run uses the same classes."""
    AppTest.from_string("import streamlit as st\nst.slider('S', 0, 9)").run()


def test_a_failed_lookup_shows_the_test_line_and_the_message(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_app=FAILING_TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=len(MESSAGES))
    output = result.stdout.str()
    for test, message in MESSAGES.items():
        section = _section(output, test)
        assert "apptest/_" not in section and "apptest\\_" not in section, section
        assert "_query.py" not in section, section
        pytest.LineMatcher(section.splitlines()).fnmatch_lines([message])
    # The test's own line is what the traceback points at.
    assert '>       at.button("missing").click()' in _section(output, "test_missing_key")


def _section(output: str, test: str) -> str:
    """The failure report of one test in pytest's output."""
    start = output.index(f"_ {test} _")
    end = output.find("\n___", start + 1)
    end = output.find("short test summary", start) if end == -1 else end
    return output[start:end]


def test_a_bug_in_apptest_keeps_its_frames(pytester: pytest.Pytester) -> None:
    """Only AppTestError is hidden: an error apptest did not mean shows where it happened."""
    pytester.makepyfile(
        test_bug="""
        from apptest import AppTest

        def test_bug(monkeypatch):
            at = AppTest.from_string("import streamlit as st\\nst.slider('S', 0, 9, key='s')")
            slider = at.run().slider("s")

            def broken(self, value):
                raise RuntimeError("bug inside apptest")

            monkeypatch.setattr(type(slider._spec), "in_range", broken)
            slider.set_value(3)
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    output = result.stdout.str()
    assert "RuntimeError: bug inside apptest" in output
    assert "_check_slider_part" in output  # the inner frame that called the broken code


def test_hide_test_errors_hides_only_apptest_errors() -> None:
    for error, hidden in [
        (ElementNotFoundError("No button with key='x'."), True),
        (AppTestError("wrong use"), True),
        (KeyError("x"), False),
        (RuntimeError("bug"), False),
    ]:
        try:
            raise error
        except BaseException:
            info = pytest.ExceptionInfo.from_current()
        assert hide_test_errors(info) is hidden
    assert hide_test_errors(None) is False
