"""The fake ``streamlit`` module (issue 2, point 2).

While a script runs, ``import streamlit`` (and ``from streamlit import ...``,
``import streamlit.errors``) resolves to apptest's shim whether or not a real Streamlit is
installed, and ``sys.modules`` is put back afterwards. The shim is one process-wide module, so
helper modules keep working across AppTests. Unimplemented commands fail with an error naming
them. ``streamlit.errors`` has Streamlit's class names and hierarchy.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

import apptest._shim as shim
from apptest import AppTest
from apptest import _st_errors as shim_errors

APPS = Path(__file__).parent / "apps"


# -- resolution of `streamlit` during a run ---------------------------------------------------
def test_import_streamlit_resolves_to_the_shim_during_a_run() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        import streamlit.errors
        import streamlit.errors as se
        from streamlit import write, session_state
        from streamlit.errors import StreamlitAPIException

        write(st.__name__)
        write(streamlit.errors.__name__)
        write(se.StreamlitAPIException is StreamlitAPIException)
        write(session_state is st.session_state)
        """
    ).run()
    assert at.markdown.values == [
        "apptest._shim",
        "apptest._st_errors",
        "`True`",
        "`True`",
    ]


def test_shim_wins_over_a_real_streamlit_package_on_sys_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real (here: stand-in) ``streamlit`` package importable from sys.path is not used."""
    package = tmp_path / "streamlit"
    package.mkdir()
    (package / "__init__.py").write_text("REAL_STREAMLIT = True\n")
    (package / "errors.py").write_text("REAL_ERRORS = True\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "streamlit", raising=False)
    monkeypatch.delitem(sys.modules, "streamlit.errors", raising=False)
    at = AppTest.from_string(
        """
        import streamlit as st
        import streamlit.errors as se
        st.write(st.__name__, se.__name__)
        st.write("errors real:", hasattr(se, "REAL_ERRORS"))
        """
    ).run()
    assert at.markdown.values == [
        "apptest._shim apptest._st_errors",
        "errors real: `False`",
    ]
    # Nothing was left behind: the real package was never imported, the shim not kept.
    assert "streamlit" not in sys.modules
    assert "streamlit.errors" not in sys.modules


def test_sys_modules_restored_to_a_placeholder_inserted_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    placeholder = types.ModuleType("streamlit")
    placeholder.PLACEHOLDER = True  # type: ignore[attr-defined]
    errors_placeholder = types.ModuleType("streamlit.errors")
    monkeypatch.setitem(sys.modules, "streamlit", placeholder)
    monkeypatch.setitem(sys.modules, "streamlit.errors", errors_placeholder)
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.errors import StreamlitAPIException
        st.write("placeholder seen:", hasattr(st, "PLACEHOLDER"))
        """
    ).run()
    assert at.markdown.values == ["placeholder seen: `False`"]
    assert sys.modules["streamlit"] is placeholder
    assert sys.modules["streamlit.errors"] is errors_placeholder


def test_sys_modules_without_streamlit_stays_without() -> None:
    before = {name for name in sys.modules if name.split(".")[0] == "streamlit"}
    AppTest.from_string("import streamlit as st\nst.write('x')").run()
    after = {name for name in sys.modules if name.split(".")[0] == "streamlit"}
    assert after == before


def test_sys_modules_restored_after_a_failing_run(monkeypatch: pytest.MonkeyPatch) -> None:
    placeholder = types.ModuleType("streamlit")
    monkeypatch.setitem(sys.modules, "streamlit", placeholder)
    at = AppTest.from_string("import streamlit as st\nraise RuntimeError('boom')").run()
    assert at.exception[0].message == "boom"
    assert sys.modules["streamlit"] is placeholder


# -- helper modules ----------------------------------------------------------------------------
def test_helper_module_works_in_two_apptests_in_a_row() -> None:
    """A module the app imports (``import streamlit as st`` at import time) keeps working."""
    first = AppTest.from_file("apps/core_helper_app.py").run()
    second = AppTest.from_file("apps/core_helper_app.py").run()
    assert first.markdown.values == ["from helper", "from app"]
    assert second.markdown.values == ["from helper", "from app"]
    # And again, interleaved with the other AppTest's runs.
    first.run()
    second.run()
    assert first.markdown.values == second.markdown.values == ["from helper", "from app"]
    assert "core_helper_mod" not in sys.modules


def test_helper_module_imported_once_works_across_sessions() -> None:
    """The shim is process-wide: a helper imported once writes into whichever session runs."""
    spec = importlib.util.spec_from_file_location("core_helper_once", APPS / "core_helper_mod.py")
    assert spec is not None and spec.loader is not None
    helper = importlib.util.module_from_spec(spec)
    saved = sys.modules.get("streamlit")
    sys.modules["streamlit"] = shim
    try:
        spec.loader.exec_module(helper)
    finally:
        if saved is None:
            del sys.modules["streamlit"]
        else:
            sys.modules["streamlit"] = saved
    assert helper.IMPORTED_WITH is shim

    def app(helper, text):  # type: ignore[no-untyped-def]
        helper.say(text)

    one = AppTest.from_function(app, args=(helper, "one")).run()
    two = AppTest.from_function(app, args=(helper, "two")).run()
    one.run()
    assert one.markdown.values == ["one"]
    assert two.markdown.values == ["two"]


def test_same_named_helpers_in_two_folders_stay_apart() -> None:
    """sys.modules isolation: each app sees its own ``samename`` module, in any order."""
    a = AppTest.from_file("apps/iso_a/app.py").run()
    b = AppTest.from_file("apps/iso_b/app.py").run()
    assert a.markdown.values == ["helper of app a"]
    assert b.markdown.values == ["helper of app b"]
    a.run()
    b.run()
    assert a.markdown.values == ["helper of app a"]
    assert b.markdown.values == ["helper of app b"]
    assert "samename" not in sys.modules


def test_app_imported_modules_of_installed_packages_stay_in_sys_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the app's own modules are kept per AppTest; a package from a sys.path entry
    inside the app's folder (a project ``.venv``) is an ordinary, shared import."""
    site = tmp_path / ".venv" / "site-packages"
    site.mkdir(parents=True)
    (site / "core_site_pkg.py").write_text("LOADS = []\nLOADS.append(1)\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "core_site_pkg", raising=False)
    app = tmp_path / "app.py"
    app.write_text(
        "import core_site_pkg\nimport streamlit as st\nst.write(len(core_site_pkg.LOADS))\n"
    )
    AppTest.from_file(str(app)).run()
    assert "core_site_pkg" in sys.modules
    at = AppTest.from_file(str(app)).run()
    assert at.markdown.values == ["`1`"]  # imported once, not once per AppTest


# -- unimplemented commands --------------------------------------------------------------------
def test_unimplemented_command_is_shown_naming_the_command() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("before")
        st.not_a_real_command("x")
        st.write("after")
        """
    ).run()
    assert at.markdown.values == ["before"]
    [exc] = at.exception
    assert exc.exc_type == "StreamlitAPIUnimplementedError"
    assert "`st.not_a_real_command`" in exc.message
    assert "not simulated by apptest" in exc.message


def test_unimplemented_command_error_outside_a_run() -> None:
    with pytest.raises(shim_errors.StreamlitAPIUnimplementedError, match=r"st\.nope_command"):
        shim.nope_command  # noqa: B018
    # An AttributeError subclass, so hasattr() and getattr(..., default) keep working.
    assert not hasattr(shim, "nope_command")
    assert getattr(shim, "nope_command", None) is None
    assert issubclass(shim_errors.StreamlitAPIUnimplementedError, shim_errors.StreamlitAPIException)


def test_dunder_lookups_are_plain_attribute_errors() -> None:
    with pytest.raises(AttributeError) as info:
        shim.__wrapped__  # noqa: B018
    assert not isinstance(info.value, shim_errors.StreamlitAPIUnimplementedError)


# -- streamlit.errors --------------------------------------------------------------------------
# (class, base) pairs of streamlit/errors.py in 1.39.0 and 1.58.0 (the seed era's ends).
ERROR_BASES_1_39 = {
    "Error": "Exception",
    "CustomComponentError": "Error",
    "DeprecationError": "Error",
    "NoStaticFiles": "Error",
    "NoSessionContext": "Error",
    "MarkdownFormattedException": "Error",
    "FragmentStorageKeyError": "Error",
    "FragmentHandledException": "Exception",
    "UncaughtAppException": "Error",
    "StreamlitAPIException": "MarkdownFormattedException",
    "DuplicateWidgetID": "StreamlitAPIException",
    "UnserializableSessionStateError": "StreamlitAPIException",
    "StreamlitDuplicateElementId": "DuplicateWidgetID",
    "StreamlitDuplicateElementKey": "DuplicateWidgetID",
    "StreamlitAPIWarning": "StreamlitAPIException",
    "StreamlitModuleNotFoundError": "StreamlitAPIWarning",
    "LocalizableStreamlitException": "StreamlitAPIException",
    **{
        name: "LocalizableStreamlitException"
        for name in (
            "StreamlitSetPageConfigMustBeFirstCommandError",
            "StreamlitInvalidPageLayoutError",
            "StreamlitInvalidSidebarStateError",
            "StreamlitInvalidMenuItemKeyError",
            "StreamlitInvalidURLError",
            "StreamlitInvalidColumnSpecError",
            "StreamlitInvalidVerticalAlignmentError",
            "StreamlitInvalidColumnGapError",
            "StreamlitSelectionCountExceedsMaxError",
            "StreamlitMixedNumericTypesError",
            "StreamlitValueBelowMinError",
            "StreamlitValueAboveMaxError",
            "StreamlitJSNumberBoundsError",
            "StreamlitInvalidNumberFormatError",
            "StreamlitMissingPageLabelError",
            "StreamlitPageNotFoundError",
            "StreamlitFragmentWidgetsNotAllowedOutsideError",
            "StreamlitInvalidFormCallbackError",
            "StreamlitValueAssignmentNotAllowedError",
            "StreamlitInvalidColorError",
            "StreamlitBadTimeStringError",
        )
    },
}

ERROR_BASES_1_58_EXTRA = {
    "StreamlitComponentRegistryError": "Error",
    "StreamlitMaxRetriesError": "Error",
    "StreamlitAuthError": "StreamlitAPIException",
    "StreamlitMissingAuthlibError": "StreamlitAuthError",
    **{
        name: "LocalizableStreamlitException"
        for name in (
            "StreamlitInvalidHorizontalAlignmentError",
            "StreamlitInvalidTextAlignmentError",
            "StreamlitInvalidBindValueError",
            "StreamlitInvalidMaxError",
            "StreamlitQueryParamDictValueError",
            "BidiComponentInvalidIdError",
            "BidiComponentInvalidCallbackNameError",
            "BidiComponentInvalidDefaultKeyError",
            "BidiComponentUnserializableDataError",
            "StreamlitSecretNotFoundError",
            "StreamlitInvalidWidthError",
            "StreamlitInvalidHeightError",
            "StreamlitInvalidSizeError",
            "StreamlitValueError",
            "StreamlitInvalidThemeError",
            "StreamlitInvalidThemeOptionError",
            "StreamlitInvalidThemeSectionError",
        )
    },
}


@pytest.mark.parametrize(
    ("name", "base"), sorted({**ERROR_BASES_1_39, **ERROR_BASES_1_58_EXTRA}.items())
)
def test_streamlit_errors_has_streamlits_class_and_base(name: str, base: str) -> None:
    cls = getattr(shim_errors, name)
    parent = Exception if base == "Exception" else getattr(shim_errors, base)
    assert isinstance(cls, type) and issubclass(cls, parent)
    assert cls.__name__ == name


def test_streamlit_errors_extra_bases() -> None:
    assert issubclass(shim_errors.StreamlitAPIWarning, Warning)
    assert issubclass(shim_errors.FragmentStorageKeyError, KeyError)
    assert issubclass(shim_errors.StreamlitSecretNotFoundError, FileNotFoundError)
    # The exception the runtime raises for X3 is the one apps can import.
    from apptest._errors import FragmentHandledException

    assert shim_errors.FragmentHandledException is FragmentHandledException


def test_localizable_exception_formats_its_message() -> None:
    exc = shim_errors.LocalizableStreamlitException("Got {value}.", value=3)
    assert str(exc) == "Got 3."
    assert exc.exec_kwargs == {"value": 3}


def test_streamlit_errors_catchable_in_an_app() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.errors import StreamlitAPIException, DuplicateWidgetID
        st.button("a")
        try:
            st.button("a")
        except DuplicateWidgetID as exc:
            st.write("caught", type(exc).__name__, isinstance(exc, StreamlitAPIException))
        """
    ).run()
    assert at.markdown.values == ["caught StreamlitDuplicateElementId `True`"]
    assert not at.exception
