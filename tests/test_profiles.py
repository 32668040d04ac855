"""Semantics profiles: choosing one, and the rules where "seed" (Streamlit 1.58) and "modern"
(Streamlit 1.59-1.67, spec rules marked 1.67) differ. Each test runs the same app under both.

Precedence of the profile choice: ``semantics=`` > marker > ini option > ``APPTEST_SEMANTICS``
> ``"seed"``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from apptest import AppTest, AppTestError
from apptest._profile import MODERN, PROFILES, SEED
from apptest.cli import main

BOTH = pytest.mark.parametrize("semantics", ["seed", "modern"])


def _app(source: str, semantics: str) -> AppTest:
    return AppTest.from_string(textwrap.dedent(source), semantics=semantics).run()


# -- choosing a profile ------------------------------------------------------------------------
def test_profiles_are_registered_with_the_versions_they_stand_for() -> None:
    assert PROFILES == {"seed": SEED, "modern": MODERN}
    assert (SEED.versions, MODERN.versions) == ("1.58", "1.59-1.67")
    assert str(SEED) == "seed (Streamlit 1.58)"
    assert str(AppTest.from_string("", semantics="modern").semantics) == (
        "modern (Streamlit 1.59-1.67)"
    )


def test_environment_variable_sets_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPTEST_SEMANTICS", "modern")
    assert AppTest.from_string("").semantics is MODERN
    assert AppTest.from_string("", semantics="seed").semantics is SEED  # the argument wins
    monkeypatch.setenv("APPTEST_SEMANTICS", "1.39")
    with pytest.raises(AppTestError) as info:
        AppTest.from_string("")
    assert str(info.value) == (
        "Unknown semantics profile '1.39' (from the APPTEST_SEMANTICS environment variable). "
        "Known profiles: 'modern', 'seed'. Pass one of these names, or a Semantics object."
    )


def test_ini_option_marker_and_environment_in_order(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPTEST_SEMANTICS", "seed")
    pytester.makeini("[pytest]\napptest_semantics = modern\n")
    pytester.makepyfile(
        test_choice="""
        import pytest
        from apptest import AppTest

        def test_ini_beats_environment(app_from_string):
            assert app_from_string("x = 1").semantics.name == "modern"
            assert AppTest.from_string("x = 1").semantics.name == "modern"

        @pytest.mark.apptest_semantics("seed")
        def test_marker_beats_ini(app_from_string, app_test):
            assert app_from_string("x = 1").semantics.name == "seed"
            assert AppTest.from_string("x = 1").semantics.name == "seed"

        @pytest.mark.apptest_semantics("seed")
        def test_argument_beats_marker(app_from_string):
            assert app_from_string("x = 1", semantics="modern").semantics.name == "modern"
        """
    )
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=3)


def test_environment_applies_without_ini_or_marker(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APPTEST_SEMANTICS", "modern")
    pytester.makepyfile(
        test_env="""
        def test_env(app_from_string):
            assert app_from_string("x = 1").semantics.name == "modern"
        """
    )
    pytester.runpytest_inprocess("-p", "no:cacheprovider").assert_outcomes(passed=1)


ALIAS_APP = """\
import streamlit as st
try:
    st.experimental_fragment
    st.write("alias exists")
except AttributeError:
    st.write("alias removed")
"""


def test_cli_semantics_option_and_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "app.py"
    script.write_text(ALIAS_APP)
    assert main(["run", str(script)]) == 0
    assert "alias exists" in capsys.readouterr().out
    assert main(["run", str(script), "--semantics", "modern"]) == 0
    assert "alias removed" in capsys.readouterr().out
    monkeypatch.setenv("APPTEST_SEMANTICS", "modern")
    assert main(["run", str(script)]) == 0
    assert "alias removed" in capsys.readouterr().out
    assert main(["run", str(script), "--semantics", "seed"]) == 0  # the option wins
    assert "alias exists" in capsys.readouterr().out
    assert main(["run", str(script), "--semantics", "nope"]) == 2
    assert "Known profiles: 'modern', 'seed'" in capsys.readouterr().err
