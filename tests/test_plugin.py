"""The pytest plugin: ``app_test`` and ``app_from_string`` fixtures, ``apptest_semantics``."""

from __future__ import annotations

import pytest

from apptest import AppTest

pytest_plugins = ["pytester"]

APP = """\
import streamlit as st
if st.button("+1"):
    st.session_state.n = st.session_state.get("n", 0) + 1
st.write("n =", st.session_state.get("n", 0))
"""


def test_fixtures_are_available_in_this_suite(app_test, app_from_string) -> None:  # type: ignore[no-untyped-def]
    at = app_test("apps/core_helper_app.py").run()
    assert isinstance(at, AppTest)
    assert at.markdown.values == ["from helper", "from app"]
    other = app_from_string("import streamlit as st\nst.write('x')").run()
    assert other.markdown.values == ["x"]
    assert at.semantics.name == other.semantics.name == "seed"


def test_app_test_resolves_paths_against_the_test_file(pytester: pytest.Pytester) -> None:
    pytester.makefile(".py", **{"apps/counter": APP})
    pytester.makepyfile(
        test_counter="""
        def test_counter(app_test, monkeypatch, tmp_path):
            monkeypatch.chdir(tmp_path)  # not the working directory
            at = app_test("apps/counter.py").run()
            at.button(label="+1").click().run()
            assert at.markdown.values == ["n = `1`"]
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_app_from_string_and_options(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_strings="""
        def test_from_string(app_from_string):
            at = app_from_string('''
                import streamlit as st
                st.title("Hi")
            ''', default_timeout=7).run()
            assert at.title.values == ["Hi"]
            assert at.default_timeout == 7
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_semantics_marker_selects_the_profile(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_marker="""
        import pytest
        from apptest import AppTestError

        @pytest.mark.apptest_semantics("seed")
        def test_seed(app_from_string):
            assert app_from_string("x = 1").semantics.name == "seed"

        @pytest.mark.apptest_semantics("no-such-profile")
        def test_unknown(app_from_string, app_test):
            with pytest.raises(AppTestError, match="Unknown semantics profile 'no-such-profile' .from the apptest_semantics marker or ini option.. Known profiles: 'modern', 'seed'"):
                app_from_string("x = 1")

        @pytest.mark.apptest_semantics("no-such-profile")
        def test_explicit_option_wins(app_from_string):
            assert app_from_string("x = 1", semantics="seed").semantics.name == "seed"

        def test_default(app_from_string):
            assert app_from_string("x = 1").semantics.name == "seed"
        """
    )
    # The marker is registered: --strict-markers does not complain.
    pytester.runpytest("-p", "no:cacheprovider", "--strict-markers").assert_outcomes(passed=4)


def test_marker_is_documented(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--markers")
    result.stdout.fnmatch_lines(["*apptest_semantics(name)*semantics profile*"])
