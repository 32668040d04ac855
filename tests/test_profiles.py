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
except AttributeError as error:
    st.write("alias removed, hint" if "Use st.fragment" in str(error) else "alias removed")
"""


def test_cli_semantics_option_and_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "app.py"
    script.write_text(ALIAS_APP)
    assert main(["run", str(script)]) == 0
    assert "'alias removed'" in capsys.readouterr().out
    assert main(["run", str(script), "--semantics", "modern"]) == 0
    assert "'alias removed, hint'" in capsys.readouterr().out
    monkeypatch.setenv("APPTEST_SEMANTICS", "modern")
    assert main(["run", str(script)]) == 0
    assert "'alias removed, hint'" in capsys.readouterr().out
    assert main(["run", str(script), "--semantics", "seed"]) == 0  # the option wins
    assert "'alias removed'" in capsys.readouterr().out
    assert main(["run", str(script), "--semantics", "nope"]) == 2
    assert "Known profiles: 'modern', 'seed'" in capsys.readouterr().err


# -- 1.67 exception classes (E1, E10, E11, E12, E19, E20) ----------------------------------------
LAYOUT = {"seed": "StreamlitAPIException", "modern": "StreamlitInvalidLayoutContextError"}


@BOTH
def test_E1_layout_error_class(semantics: str) -> None:
    at = _app(
        """
        import streamlit as st
        from streamlit.errors import StreamlitAPIException
        try:
            st.rerun(scope="fragment")
        except StreamlitAPIException as exc:
            st.write(type(exc).__name__)
            st.text(str(exc))
        """,
        semantics,
    )
    assert at.markdown.values == [LAYOUT[semantics]]  # a subclass: except StreamlitAPIException
    assert at.text.values == [  # execution_control.py::_new_fragment_id_queue, 1.58 and 1.67
        'scope="fragment" can only be specified from `@st.fragment`-decorated functions during '
        "fragment reruns."
    ]


@BOTH
def test_E10_E11_dialog_errors_are_layout_errors(semantics: str) -> None:
    two = _app(
        """
        import streamlit as st
        @st.dialog("one")
        def one():
            st.write("1")
        @st.dialog("two")
        def two():
            st.write("2")
        one()
        two()
        """,
        semantics,
    )
    assert two.exception[0].exc_type == LAYOUT[semantics]
    assert two.exception[0].message == (  # elements/lib/dialog.py, 1.58 and 1.67
        "Only one dialog is allowed to be opened at the same time. Please make sure to not call "
        "a dialog-decorated function more than once in a script run."
    )
    nested = _app(
        """
        import streamlit as st
        @st.dialog("inner")
        def inner():
            pass
        @st.dialog("outer")
        def outer():
            inner()
        outer()
        """,
        semantics,
    )
    assert (nested.exception[0].exc_type, nested.exception[0].message) == (
        LAYOUT[semantics],
        "Dialogs may not be nested inside other dialogs.",
    )


@BOTH
@pytest.mark.parametrize("decorator", ['@st.dialog("")', "@st.dialog", "@st.dialog(None)"])
def test_E12_missing_dialog_title(semantics: str, decorator: str) -> None:
    at = _app(f"import streamlit as st\n{decorator}\ndef d():\n    pass\n", semantics)
    expected = {
        "seed": (
            "StreamlitAPIException",
            "A non-empty `title` argument has to be provided for dialogs, for example "
            '`@st.dialog("Example Title")`.',
        ),
        "modern": (
            "StreamlitMissingRequiredParameterError",
            'The `title` parameter is required. For example: `@st.dialog("Example Title")`.',
        ),
    }
    assert (at.exception[0].exc_type, at.exception[0].message) == expected[semantics]


@BOTH
def test_E12_an_empty_title_fails_only_when_decorating(semantics: str) -> None:
    at = _app('import streamlit as st\nmake = st.dialog("")\nst.write("made")\n', semantics)
    assert not at.exception and at.markdown.values == ["made"]


def test_E19_modern_fences_a_key_with_backticks() -> None:
    at = _app(
        """
        import streamlit as st
        st.text_input("Name", key="a`b")
        st.session_state["a`b"] = "x"
        """,
        "modern",
    )
    assert at.exception[0].message.startswith(
        "``st.session_state['a`b']`` cannot be modified after the widget with that key is "
        "instantiated. Assign ``st.session_state['a`b']`` before"
    )


@BOTH
def test_E19_setting_a_created_widgets_key(semantics: str) -> None:
    at = _app(
        """
        import streamlit as st
        st.text_input("Name", key="name")
        st.session_state.name = "x"
        """,
        semantics,
    )
    (error,) = at.exception
    if semantics == "seed":
        assert error.exc_type == "StreamlitAPIException"
        assert error.message == (
            "`st.session_state.name` cannot be modified after the widget with key `name` is "
            "instantiated."
        )
    else:
        assert error.exc_type == "StreamlitWidgetAlreadyInstantiatedError"
        assert error.message == (  # 1.67 errors.py::StreamlitWidgetAlreadyInstantiatedError
            "`st.session_state['name']` cannot be modified after the widget with that key is "
            "instantiated. Assign `st.session_state['name']` before creating the widget, or "
            "update it from an `on_change` or `on_click` callback, which runs before the widget "
            "is instantiated. If this is a read-only session state key (buttons, file and media "
            "inputs, `st.data_editor`, forms, chart or `ButtonColumn` selections), store the "
            "value under a different session state key."
        )


# errors.py::StreamlitBadTimeStringError: 1.58 runs "as" into the example, 1.67 adds the space.
E20_AS = {"seed": "as", "modern": "as "}


@BOTH
def test_E20_bad_run_every_string_same_class(semantics: str) -> None:
    at = _app(
        'import streamlit as st\n@st.fragment(run_every="soon")\ndef f():\n    pass\nf()', semantics
    )
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "StreamlitBadTimeStringError",
        f"Time string doesn't look right. It should be formatted {E20_AS[semantics]}"
        "`'1d2h34m'` or `2 days`, for example. Got: soon",
    )


@BOTH
def test_E20_bad_cache_ttl_string_in_the_profiles_words(semantics: str) -> None:
    at = _app(
        'import streamlit as st\n@st.cache_data(ttl="soon")\ndef f():\n    return 1\nf()',
        semantics,
    )
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "StreamlitBadTimeStringError",
        f"Time string doesn't look right. It should be formatted {E20_AS[semantics]}"
        "`'1d2h34m'` or `2 days`, for example. Got: soon",
    )


@BOTH
def test_E16_M7_set_page_config_in_a_fragment_is_allowed(semantics: str) -> None:
    at = _app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.set_page_config(page_title="In fragment")
            st.button("again")
        f()
        """,
        semantics,
    )
    at.button[0].click().run()
    assert len(at.exception) == 0
    assert at.runs[-1].scope == "fragment" and at.runs[-1].status == "finished"


@BOTH
def test_D11_experimental_fragment(semantics: str) -> None:
    """Removed in 1.49: 1.58 gives Python's plain message, 1.67 names the successor."""
    at = _app(ALIAS_APP, semantics)
    hint = {"seed": "alias removed", "modern": "alias removed, hint"}[semantics]
    assert at.markdown.values == [hint]
    at = _app("import streamlit as st\nst.experimental_fragment", semantics)
    expected = {
        "seed": "module 'streamlit' has no attribute 'experimental_fragment'",
        "modern": "module 'streamlit' has no attribute 'experimental_fragment'. "
        "st.experimental_fragment has been removed. Use st.fragment instead.",
    }[semantics]
    assert (at.exception[0].exc_type, at.exception[0].message) == ("AttributeError", expected)


# -- callbacks (CB3, RR7) ------------------------------------------------------------------------
CALLBACK_APP = """
import streamlit as st
st.session_state.setdefault("log", [])
st.session_state.log.append("main")
st.write("top")  # [0, 0]: what a callback's element replaces on a fragment run (CB3)
def cb(scope):
    st.session_state.log.append("cb")
    st.rerun(scope=scope)
    st.session_state.log.append("not reached")
def other():
    st.session_state.log.append("other cb")
@st.fragment
def f():
    st.session_state.log.append("f")
    st.button("plain", on_click=cb, args=("app",))
    st.button("scoped", on_click=cb, args=("fragment",))
    st.checkbox("tick", on_change=other)
f()
"""


@BOTH
def test_CB3_callbacks_of_fragment_widgets_carry_the_fragment_id(semantics: str) -> None:
    at = _app(
        """
        import streamlit as st
        def cb():
            st.write("from callback")
        st.write("top")
        @st.fragment
        def f():
            st.button("go", on_click=cb)
        f()
        """,
        semantics,
    )
    at.button[0].click().run()
    written = at.markdown[0]
    assert written.value == "from callback" and written.path == (0, 0)
    fragment_id = at.fragments[0].id
    assert written.fragment_id == (fragment_id if semantics == "modern" else "")


@BOTH
def test_RR7_plain_rerun_in_a_fragment_widgets_callback(semantics: str) -> None:
    at = _app(CALLBACK_APP, semantics)
    at.session_state["log"] = []
    at.button(label="plain").click().run()
    if semantics == "seed":  # no-op plus warning; the fragment run goes on
        assert at.session_state["log"] == ["cb", "f"]
        assert at.warning.values == ["Calling st.rerun() within a callback is a no-op."]
    else:  # RR7 (1.67): plain st.rerun() from a callback always ends in a full app rerun
        assert at.session_state["log"] == ["cb", "main", "f"]
        assert [r.scope for r in at.runs[-2:]] == ["fragment", "app"]
        assert at.runs[-2].status == "rerun" and at.warning.values == []


def test_RR7_modern_scoped_rerun_in_a_callback_reruns_the_fragment_once() -> None:
    at = _app(CALLBACK_APP, "modern")
    at.session_state["log"] = []
    at.button(label="scoped").click().run()
    assert at.session_state["log"] == ["cb", "f"]  # preempted before the body: f runs once
    assert [(r.scope, r.status) for r in at.runs[-2:]] == [
        ("fragment", "rerun"),
        ("fragment", "finished"),
    ]


def test_RR7_modern_remaining_callbacks_still_run() -> None:
    at = _app(CALLBACK_APP, "modern")
    at.session_state["log"] = []
    at.checkbox(label="tick").check()
    at.button(label="plain").click().run()  # one request, two callbacks
    assert sorted(at.session_state["log"][:2]) == ["cb", "other cb"]
    assert at.session_state["log"][2:] == ["main", "f"]


def test_RR7_modern_scoped_rerun_from_an_outside_widgets_callback_is_E1() -> None:
    at = _app(
        """
        import streamlit as st
        st.button("go", on_click=lambda: st.rerun(scope="fragment"))
        st.write("body")
        """,
        "modern",
    )
    at.button[0].click().run()
    (error,) = at.exception
    assert error.exc_type == "StreamlitInvalidLayoutContextError" and error.path == (0, 0)
    assert at.markdown.values == []


# -- timers, eviction, queued fragments (T8, T10, N3, N4, R2, DG5), stale cleanup (F6, C1) -----
NESTED = """
import streamlit as st
st.session_state.setdefault("log", [])
@st.fragment(run_every={parent_every!r})
def parent():
    st.session_state.log.append("parent")
    st.button("Rerun parent")
    @st.fragment(run_every=2)
    def child():
        st.session_state.log.append("child")
    if st.session_state.get("with_child", True):
        child()
parent()
"""


@BOTH
def test_T8_a_child_rerendered_by_its_parent(semantics: str) -> None:
    """Issue 10's example: seed timers stack (child runs 2, 4, 6); 1.60+ keeps one timer per
    fragment, whose phase a same-interval message does not change (2, 3, 4)."""
    at = _app(NESTED.format(parent_every=None), semantics)
    counts = []
    at.clock.advance(1)
    at.button[0].click().run()
    counts.append(at.session_state["log"].count("child"))
    at.clock.advance(2)
    counts.append(at.session_state["log"].count("child"))
    at.clock.advance(2)
    counts.append(at.session_state["log"].count("child"))
    assert counts == {"seed": [2, 4, 6], "modern": [2, 3, 4]}[semantics]


@BOTH
def test_T10_N3_an_evicted_childs_timer(semantics: str) -> None:
    at = _app(NESTED.format(parent_every=None), semantics)
    at.session_state["with_child"] = False
    at.button[0].click().run()  # the parent's rerun no longer calls the child: evicted (N3)
    assert [f.name for f in at.fragments] == ["parent"]
    pending = [p.fragment for p in at.clock.pending()]
    runs = len(at.runs)
    at.clock.advance(5)
    if semantics == "seed":  # no stop_auto_rerun in 1.58: the timer fires, the tick is dropped
        assert pending == ["parent.<locals>.child"]
    else:  # T10: stop_auto_rerun clears the timer
        assert pending == []
    assert len(at.runs) == runs


QUEUED = """
import time
import streamlit as st
st.session_state.setdefault("log", [])
@st.fragment(run_every=2)
def parent():
    st.session_state.log.append("parent")
    @st.fragment(run_every={child_every})
    def child():
        st.session_state.log.append("child")
    child()
parent()
@st.fragment
def slow():
    if st.button("slow"):
        time.sleep(3)  # virtual time: the timers come due during this run (T12)
slow()
"""


@BOTH
def test_N4_queued_parent_and_child(semantics: str) -> None:
    at = _app(QUEUED.format(child_every=2), semantics)
    at.session_state["log"] = []
    at.button(label="slow").click().run()  # both ticks come due meanwhile: one request
    assert at.runs[-1].fragments == ("parent", "parent.<locals>.child")
    expected = {
        "seed": ["parent", "child", "child"],  # both run: the child twice
        "modern": ["parent", "child"],  # N4: the child is skipped; the parent ran it inline
    }
    assert at.session_state["log"] == expected[semantics]


@BOTH
def test_R2_N4_a_child_queued_before_its_parent(semantics: str) -> None:
    at = _app(QUEUED.format(child_every=1), semantics)
    at.session_state["log"] = []
    at.button(label="slow").click().run()  # the child's tick (due at 1) came first
    last = at.runs[-1].fragments
    if semantics == "seed":  # the order the ticks came in; both run
        assert last == ("parent.<locals>.child", "parent")
        assert at.session_state["log"] == ["child", "parent", "child"]
    else:  # R2: the queued ancestor first, then N4 skips the child
        assert last == ("parent", "parent.<locals>.child")
        assert at.session_state["log"] == ["parent", "child"]


STALE_AFTER_RERUN = """
import streamlit as st
@st.fragment
def f():
    st.session_state.runs = st.session_state.get("runs", 0) + 1
    if st.session_state.runs == 2:
        st.rerun()
    st.checkbox("C", key="c")
f()
st.write(f"c = {st.session_state.c}")
"""


@BOTH
def test_F6_C1_stale_cleanup_after_a_run_ended_by_rerun(semantics: str) -> None:
    at = _app(STALE_AFTER_RERUN, semantics)
    at.checkbox(key="c").check().run()
    assert [r.scope for r in at.runs[-2:]] == ["fragment", "app"]
    # 1.58 (observed): C was not registered yet, so it is stale and reads its default;
    # 1.67 skips the cleanup after a rerun, so C keeps the value the user set.
    assert at.markdown.values == [{"seed": "c = False", "modern": "c = True"}[semantics]]


DIALOG_OPENER = """
import streamlit as st
st.session_state.setdefault("log", [])
@st.dialog("details")
def details():
    st.session_state.log.append("dialog")
    st.button("inside")
@st.fragment
def opener():
    if st.button("open"):
        details()
    st.button("other")
opener()
"""


@BOTH
def test_DG5_N3_a_dialog_whose_opener_reran(semantics: str) -> None:
    at = _app(DIALOG_OPENER, semantics)
    at.button(label="open").click().run()
    at.button(label="other").click().run()  # the opener reruns without reopening the dialog
    assert len(at.dialog) == 1  # on screen in both: the event root is never re-sent
    at.button(label="inside").click().run()
    if semantics == "seed":  # 1.58 (observed): the dialog's fragment went with the rerun
        assert [f.name for f in at.fragments] == ["opener"]
        assert at.session_state["log"] == ["dialog"]
    else:  # 1.67: a full-app-scoped child is kept; its clicks rerun the dialog (DG3)
        assert [f.name for f in at.fragments] == ["opener", "details"]
        assert at.session_state["log"] == ["dialog", "dialog"]
        assert at.runs[-1].fragments == ("details",)
    at.run()  # F5: a full run prunes it in both
    assert len(at.dialog) == 0 and [f.name for f in at.fragments] == ["opener"]


@BOTH
@pytest.mark.parametrize(
    ("name", "successor"),
    [
        ("experimental_dialog", "st.dialog"),
        ("experimental_rerun", "st.rerun"),
        ("beta_columns", "st.columns"),
    ],
)
def test_D11_removed_commands_are_attribute_errors(
    semantics: str, name: str, successor: str
) -> None:
    """Gone before 1.58 (neither wheel has them): 1.58's plain message, 1.67's names the successor."""
    at = _app(f"import streamlit as st\nst.{name}", semantics)
    message = f"module 'streamlit' has no attribute '{name}'"
    if semantics == "modern":
        message += f". st.{name} has been removed. Use {successor} instead."
    assert (at.exception[0].exc_type, at.exception[0].message) == ("AttributeError", message)
