"""The pytest plugin: ``app_test`` and ``app_from_string`` fixtures, ``apptest_semantics``."""

from __future__ import annotations

from pathlib import Path

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


# -- failure reports (issue 11) ----------------------------------------------------------------
RAISES = """\
import streamlit as st
st.title("Totals")
st.markdown("hi")
total = 1 / 0
"""


def test_failing_test_shows_tree_runs_and_exception(pytester: pytest.Pytester) -> None:
    pytester.makefile(".py", **{"apps/raises": RAISES})
    pytester.makepyfile(
        test_fails="""
        def test_markdown(app_test):
            at = app_test("apps/raises.py").run()
            assert at.markdown[0].value == "bye"
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*apptest: AppTest 1 of 1*",
            "AppTest of */apps/raises.py (semantics seed)",
            "1 exception element(s):",
            "  at (0, 2): ZeroDivisionError: division by zero",
            '      File "*raises.py", line 4, in <module>',
            "1 run(s):",
            "  <run 1: app (initial) error>",
            "    raised ZeroDivisionError: division by zero",
            "tree after the last run:",
            "  main",
            "    title 'Totals'",
            "    markdown 'hi'",
        ]
    )


def test_report_lists_every_apptest_and_only_for_failures(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_two="""
        def test_two(app_from_string):
            app_from_string("import streamlit as st\\nst.write('one')").run()
            app_from_string("import streamlit as st\\nst.write('two')").run()
            assert False

        def test_passes(app_from_string):
            app_from_string("import streamlit as st\\nst.write('three')").run()
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-rA")
    result.assert_outcomes(failed=1, passed=1)
    text = result.stdout.str()
    assert "markdown 'one'" in text and "markdown 'two'" in text
    assert "markdown 'three'" not in text
    assert "apptest: AppTest 2 of 2" in text


@pytest.mark.parametrize("how", [["--apptest-no-report"], ["-o", "apptest_report=false"]])
def test_report_can_be_turned_off(pytester: pytest.Pytester, how: list[str]) -> None:
    pytester.makepyfile(
        test_off="""
        def test_off(app_from_string):
            app_from_string("import streamlit as st\\nst.write('shown?')").run()
            assert False
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", *how)
    result.assert_outcomes(failed=1)
    assert "markdown 'shown?'" not in result.stdout.str()


def test_report_is_limited_in_size(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_big="""
        def test_big(app_from_string):
            app_from_string("import streamlit as st\\nfor i in range(500): st.write(f'line {i}')").run()
            assert False
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-o", "apptest_report_lines=40")
    result.assert_outcomes(failed=1)
    text = result.stdout.str()
    assert "'line 20'" in text and "'line 499'" not in text
    result.stdout.fnmatch_lines(["*... 4?? more tree line(s) (ini option apptest_report_lines)"])


# -- the apptest marker and ini options --------------------------------------------------------
def test_apptest_marker_sets_the_fixtures_defaults(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_marker="""
        import math
        import pytest
        from apptest import AppTest

        SRC = "import streamlit as st, datetime\\nst.write(str(datetime.datetime.now()))"

        @pytest.mark.apptest(semantics="modern", start_time="2030-05-06 07:08:09",
                             default_timeout=9)
        def test_marked(app_from_string):
            at = app_from_string(SRC).run()
            assert at.semantics.name == "modern"
            assert at.default_timeout == 9
            assert at.markdown[0].value.startswith("2030-05-06 07:08:09")
            assert AppTest.from_string("x = 1").semantics.name == "modern"  # direct too

        @pytest.mark.apptest(default_timeout=9)
        def test_keyword_wins(app_from_string):
            assert app_from_string("x = 1", default_timeout=2).default_timeout == 2

        def test_ini(app_from_string):
            at = app_from_string("x = 1")
            assert at.semantics.name == "modern" and at.default_timeout == math.inf

        @pytest.mark.apptest(semantic="modern")
        def test_misspelt(app_from_string):
            pass
        """
    )
    result = pytester.runpytest(
        "-p",
        "no:cacheprovider",
        "--strict-markers",
        "-o",
        "apptest_semantics=modern",
        "-o",
        "apptest_default_timeout=none",
    )
    result.assert_outcomes(passed=3, errors=1)
    result.stdout.fnmatch_lines(
        ["*@pytest.mark.apptest takes only the keywords semantics, start_time, *found semantic*"]
    )


def test_raise_app_exceptions(pytester: pytest.Pytester) -> None:
    pytester.makefile(".py", **{"apps/raises": RAISES})
    pytester.makepyfile(
        test_raising="""
        import pytest
        from apptest import AppTest

        def test_default_shows_only(app_test):
            at = app_test("apps/raises.py").run()
            assert at.exception[0].exc_type == "ZeroDivisionError"

        def test_keyword(app_test):
            at = app_test("apps/raises.py", raise_app_exceptions=True)
            with pytest.raises(ZeroDivisionError):
                at.run()
            assert at.exception[0].exc_type == "ZeroDivisionError"  # shown as well

        @pytest.mark.apptest(raise_app_exceptions=True)
        def test_marker(app_test):
            with pytest.raises(ZeroDivisionError):
                app_test("apps/raises.py").run()
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=3)
    pytester.makepyfile(
        test_ini="""
        from apptest import AppTest

        def test_ini_fails_at_run():
            AppTest.from_file("apps/raises.py").run()
        """
    )
    result = pytester.runpytest(
        "-p", "no:cacheprovider", "test_ini.py", "-o", "apptest_raise_app_exceptions=true"
    )
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*ZeroDivisionError: division by zero"])


def test_fixtures_inside_hypothesis_given(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_given="""
        from hypothesis import given, settings, strategies as st

        seen = []

        @settings(max_examples=5, database=None)
        @given(n=st.integers(0, 9))
        def test_each_example_is_fresh(app_from_string, n):
            at = app_from_string("import streamlit as st\\nst.session_state.n = st.session_state.get('n', 0) + 1\\nst.write(st.session_state.n)").run()
            assert at.markdown.values == ["`1`"]
            seen.append(at)
            assert len({id(a) for a in seen}) == len(seen)
        """
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_plain="""
        def test_plain():
            assert 1 + 1 == 2

        def test_needs_fixture(app_test):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:apptest")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*fixture 'app_test' not found*"])


def test_under_xdist(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("xdist")
    pytester.makefile(".py", **{"apps/raises": RAISES})
    pytester.makepyfile(
        test_dist="""
        import pytest

        @pytest.mark.parametrize("n", range(4))
        def test_ok(app_from_string, n):
            assert app_from_string(f"import streamlit as st\\nst.write('{n}')").run().markdown.values == [str(n)]

        def test_fails(app_test):
            at = app_test("apps/raises.py").run()
            assert not at.exception
        """
    )
    root = str(Path(__file__).resolve().parent.parent)  # this checkout's apptest, not another
    monkeypatch.setenv("PYTHONPATH", root)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-n", "2")
    result.assert_outcomes(passed=4, failed=1)
    result.stdout.fnmatch_lines(["*ZeroDivisionError: division by zero*", "*title 'Totals'*"])


def test_raise_app_exceptions_on_timer_runs() -> None:
    from apptest import AppTest

    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment(run_every=1)
        def tick():
            st.session_state.n = st.session_state.get("n", 0) + 1
            if st.session_state.n == 2:
                raise ValueError("tick 2")
        tick()
        """,
        raise_app_exceptions=True,
    ).run()
    with pytest.raises(ValueError, match="tick 2"):
        at.clock.advance("1s")
    assert at.exception[0].message == "tick 2"
    at.clock.advance("1s")  # the next tick is fine: nothing left over to raise
    assert AppTest.from_string("x = 1").raise_app_exceptions is False


def test_loading_the_plugin_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, apptest.plugin\n"
        "heavy = [m for m in ('apptest._shim', 'apptest._browser.browser', 'pandas', 'syrupy',"
        " 'apptest._api.report', 'apptest._cli') if m in sys.modules]\n"
        "print(heavy)"
    )
    root = str(Path(__file__).resolve().parent.parent)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True,
        env={**__import__("os").environ, "PYTHONPATH": root},
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("apptest_default_timeout=soon", "apptest_default_timeout = 'soon' is not a number"),
        ("apptest_report_lines=many", "apptest_report_lines = 'many' is not a whole number"),
    ],
)
def test_malformed_ini_options_stop_the_run(
    pytester: pytest.Pytester, option: str, message: str
) -> None:
    pytester.makepyfile(test_any="def test_any():\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-o", option)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{message}*"])
