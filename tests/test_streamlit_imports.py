"""``import streamlit`` and its submodules (issue 15, items 1-3; issue 14, item 3).

In a run every ``streamlit.*`` module an app or its helpers import is the shim's, or fails
naming the module as not simulated; nothing under ``streamlit`` is left in ``sys.modules``
afterwards. Outside runs, test code may import ``streamlit`` (the shim when no real Streamlit is
installed) and helper modules bound to it work inside runs. Apps in different folders with
modules of the same name (namespace packages included) never see each other's.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from apptest import AppTest, real_streamlit_installed


def _streamlit_names() -> set[str]:
    return {name for name in sys.modules if name == "streamlit" or name.startswith("streamlit.")}


IMPORTS = [
    ("from streamlit.delta_generator import DeltaGenerator", "DeltaGenerator.__name__"),
    ("from streamlit.errors import StreamlitAPIException", "StreamlitAPIException.__name__"),
    (
        "from streamlit.runtime.scriptrunner import get_script_run_ctx",
        "get_script_run_ctx() is not None",
    ),
    (
        "from streamlit.runtime.scriptrunner import add_script_run_ctx",
        "add_script_run_ctx.__name__",
    ),
    (
        "from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx",
        "get_script_run_ctx() is not None",
    ),
    ("import streamlit.runtime", "streamlit.runtime.exists()"),
    ("from streamlit.runtime.state import SessionStateProxy", "SessionStateProxy.__name__"),
    ("from streamlit.runtime.caching import cache_data", "cache_data is st.cache_data"),
    ("from streamlit.runtime.uploaded_file_manager import UploadedFile", "UploadedFile.__name__"),
    (
        "from streamlit.elements.lib.mutable_status_container import StatusContainer",
        "StatusContainer.__name__",
    ),
    ("from streamlit.navigation.page import StreamlitPage", "StreamlitPage.__name__"),
    ("import streamlit.components.v1 as components", "components.__name__"),
    ("import streamlit.errors", "streamlit.errors.StreamlitAPIException.__name__"),
]


@pytest.mark.parametrize(("statement", "expression"), IMPORTS)
def test_streamlit_submodules_resolve_to_the_shim_in_a_run(statement: str, expression: str) -> None:
    before = _streamlit_names()
    at = AppTest.from_string(f"import streamlit as st\n{statement}\nst.text(str({expression}))")
    at.run()
    assert not at.exception, at.exception
    assert at.text[0].value not in ("False", "")
    assert _streamlit_names() == before  # nothing under streamlit is left behind


def test_isinstance_of_a_container_and_DeltaGenerator_is_true() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        from streamlit.delta_generator import DeltaGenerator
        from streamlit.elements.lib.mutable_status_container import StatusContainer
        st.text(str(isinstance(st.container(), DeltaGenerator)))
        st.text(str(isinstance(st.sidebar, DeltaGenerator)))
        st.text(str(isinstance(st.status("s"), StatusContainer)))
        """
    ).run()
    assert at.text.values == ["True", "True", "True"]


@pytest.mark.parametrize("module", ["streamlit.web.cli", "streamlit.testing.v1", "streamlit.foo"])
def test_a_submodule_apptest_does_not_simulate_fails_naming_it(module: str) -> None:
    at = AppTest.from_string(f"import {module}").run()
    assert at.exception[0].exc_type == "ModuleNotFoundError"
    top = ".".join(module.split(".")[:2])
    assert f"`{top}` is not simulated by apptest" in at.exception[0].message
    assert AppTest.from_string("import streamlit as st\nst.write('ok')").run().markdown.values == [
        "ok"
    ]


def test_a_name_a_shim_module_lacks_is_not_simulated() -> None:
    at = AppTest.from_string("import streamlit.runtime\nstreamlit.runtime.get_instance()").run()
    assert at.exception[0].exc_type == "StreamlitAPIUnimplementedError"
    assert "`streamlit.runtime.get_instance` is not simulated" in at.exception[0].message


def test_add_script_run_ctx_lets_an_app_thread_write() -> None:
    at = AppTest.from_string(
        """
        import threading, time
        import streamlit as st
        from streamlit.runtime.scriptrunner import add_script_run_ctx
        seen = []
        def work():
            st.write("from the thread")
            seen.append(time.time())
        thread = add_script_run_ctx(threading.Thread(target=work))
        thread.start()
        thread.join()
        st.write(seen[0] == time.time())
        """
    ).run()
    assert at.markdown.values == ["from the thread", "`True`"]


def test_nothing_under_streamlit_is_left_after_failing_runs() -> None:
    before = _streamlit_names()
    for source in [
        "import streamlit.runtime.scriptrunner\nraise ValueError('x')",
        "import streamlit.components.v1\nimport streamlit.web",
        "import streamlit.delta_generator\nimport sys\nsys.exit(3)",
    ]:
        AppTest.from_string(source).run()
    assert _streamlit_names() == before


def test_st_attribute_assigned_by_an_app_is_undone_after_the_run() -> None:
    AppTest.from_string("import streamlit as st\nst.write = lambda *a, **k: None\nst.foo = 1").run()
    at = AppTest.from_string("import streamlit as st\nst.write('still writes')").run()
    assert at.markdown.values == ["still writes"]
    import streamlit as st

    assert "foo" not in vars(st)


# -- helper modules the test imports first -------------------------------------------------------
HELPER = """
import streamlit as st

def price(amount):
    st.write(f"price: {amount * 2}")
    return amount * 2

def fetch():
    return "real data"
"""

APP = """
import streamlit as st
import {helper} as helper
helper.price(21)
st.write(helper.fetch())
"""


def _helper_app(tmp_path: Path, name: str) -> Path:
    (tmp_path / f"{name}.py").write_text(HELPER)
    app = tmp_path / "app.py"
    app.write_text(APP.format(helper=name))
    return app


def test_a_helper_module_the_test_imported_first_writes_to_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """issue 15, item 2: ``from helpers import price`` in the test, before any run."""
    app = _helper_app(tmp_path, "helpers_first_i15")
    monkeypatch.syspath_prepend(str(tmp_path))
    import helpers_first_i15  # type: ignore[import-not-found]

    assert helpers_first_i15.price(1) == 2  # outside a run: st.write writes nowhere
    at = AppTest.from_file(app).run()
    assert at.markdown.values == ["price: 42", "real data"]
    assert sys.modules["helpers_first_i15"] is helpers_first_i15  # still the test's module
    monkeypatch.delitem(sys.modules, "helpers_first_i15")


def test_mock_patch_of_a_helper_reaches_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _helper_app(tmp_path, "helpers_patch_i15")
    monkeypatch.syspath_prepend(str(tmp_path))
    import helpers_patch_i15  # type: ignore[import-not-found]  # noqa: F401

    at = AppTest.from_file(app)
    with mock.patch("helpers_patch_i15.fetch", return_value="fake data"):
        assert at.run().markdown.values == ["price: 42", "fake data"]
        assert at.run().markdown.values == ["price: 42", "fake data"]
    assert at.run().markdown.values == ["price: 42", "real data"]
    monkeypatch.delitem(sys.modules, "helpers_patch_i15")


@pytest.mark.skipif(real_streamlit_installed(), reason="checks the shim outside runs")
def test_test_code_imports_streamlit_outside_a_run_without_real_streamlit() -> None:
    """issue 14, item 3: with no Streamlit installed, ``import streamlit`` is the shim."""
    import streamlit as st
    from streamlit.delta_generator import DeltaGenerator

    assert st.__apptest_shim__ is True  # type: ignore[attr-defined]
    assert isinstance(st.container(), DeltaGenerator)
    st.write("outside a run: written nowhere")
    with pytest.raises(Exception, match="outside a script run"):
        st.session_state["x"] = 1


# -- namespace packages and same-named modules -----------------------------------------------------
def _app_with_package(root: Path, name: str, *, namespace: bool) -> Path:
    package = root / "nsutils_i15"
    package.mkdir(parents=True)
    if not namespace:
        (package / "__init__.py").write_text("")
    (package / "db.py").write_text(f"NAME = {name!r}\n")
    app = root / "app.py"
    app.write_text("import streamlit as st\nfrom nsutils_i15 import db\nst.write(db.NAME)\n")
    return app


@pytest.mark.parametrize("namespace", [True, False], ids=["namespace", "regular"])
def test_same_named_namespace_packages_do_not_leak_between_apps(
    tmp_path: Path, namespace: bool
) -> None:
    """issue 15, item 3: ``a/nsutils/db.py`` and ``b/nsutils/db.py``, no ``__init__.py``."""
    first = _app_with_package(tmp_path / "a", "A", namespace=namespace)
    second = _app_with_package(tmp_path / "b", "B", namespace=namespace)
    a = AppTest.from_file(first).run()
    b = AppTest.from_file(second).run()
    assert (a.markdown.values, b.markdown.values) == (["A"], ["B"])
    assert (a.run().markdown.values, b.run().markdown.values) == (["A"], ["B"])
    assert not [name for name in sys.modules if name.startswith("nsutils_i15")]


def test_components_v1_stands_for_the_shims_components() -> None:
    """``streamlit.components.v1`` imports in a run and is the shim's ``st.components.v1``:
    ``html`` from either spelling writes an iframe element."""
    source = """
        import streamlit as st
        import streamlit.components.v1 as components
        from streamlit.components.v1 import html
        st.session_state.same = components is st.components.v1 and html is components.html
        html("<b>x</b>")
        components.html("<i>y</i>")
        """
    at = AppTest.from_string(source).run()
    assert not at.exception, at.exception
    assert at.session_state.same is True
    assert [frame.srcdoc for frame in at.iframe] == ["<b>x</b>", "<i>y</i>"]


# -- a loaded "real" Streamlit is set aside only when a run imports one of its submodules ----


@pytest.fixture
def stand_in_streamlit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A stand-in for a real Streamlit, imported as the test would (``streamlit`` and
    ``streamlit.errors`` in ``sys.modules``); returns the count of set-asides so far."""
    from apptest._server import imports

    package = tmp_path / "stand_in" / "streamlit"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("REAL_STREAMLIT = True\n")
    (package / "errors.py").write_text("REAL_ERRORS = True\n")
    monkeypatch.syspath_prepend(str(package.parent))
    for name in ("streamlit", "streamlit.errors"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    monkeypatch.setattr(imports, "_REAL_NAMES", imports._RealNames())
    import streamlit
    import streamlit.errors

    assert hasattr(streamlit, "REAL_STREAMLIT") and hasattr(streamlit.errors, "REAL_ERRORS")
    count = [0]
    set_aside = imports._ShimSwap.set_real_modules_aside

    def counting(swap: imports._ShimSwap) -> None:
        count[0] += 1
        set_aside(swap)

    monkeypatch.setattr(imports._ShimSwap, "set_real_modules_aside", counting)
    return count


def test_a_run_importing_only_streamlit_does_not_set_real_modules_aside(
    stand_in_streamlit: list[int],
) -> None:
    """Most apps only ``import streamlit as st`` (and ``from streamlit import <command>``):
    their runs do not move real Streamlit's hundreds of modules out and back (issue 13)."""
    import builtins
    import importlib

    real_errors = sys.modules["streamlit.errors"]
    before = (builtins.__import__, importlib.import_module)
    at = AppTest.from_string(
        "import streamlit as st\nfrom streamlit import session_state, text\n"
        "text(str(hasattr(st, 'REAL_STREAMLIT')))\n"
    )
    at.run().run()
    assert at.text.values == ["False"] and not at.exception
    assert stand_in_streamlit == [0]
    assert sys.modules["streamlit.errors"] is real_errors
    assert (builtins.__import__, importlib.import_module) == before


@pytest.mark.parametrize(
    "statement",
    [
        "from streamlit.errors import StreamlitAPIException as E\n"
        "errors = sys.modules[E.__module__]",
        "import streamlit.errors\nerrors = streamlit.errors",
        "import importlib\nerrors = importlib.import_module('streamlit.errors')",
        "import importlib\nerrors = importlib.import_module('.errors', 'streamlit')",
    ],
)
def test_a_run_importing_a_submodule_gets_the_shim_and_real_modules_come_back(
    stand_in_streamlit: list[int], statement: str
) -> None:
    import builtins
    import importlib

    real_errors = sys.modules["streamlit.errors"]
    before = (builtins.__import__, importlib.import_module)
    at = AppTest.from_string(
        f"import sys\nimport streamlit as st\n{statement}\n"
        "st.text(str(hasattr(errors, 'REAL_ERRORS')))\n"
    )
    for runs in (1, 2):  # the second run guards again (a swap keeps its guard)
        at.run()
        assert at.text.values == ["False"], at.exception
        assert stand_in_streamlit == [runs]
        assert sys.modules["streamlit.errors"] is real_errors
        assert (builtins.__import__, importlib.import_module) == before


def test_from_streamlit_import_a_name_the_shim_lacks_sets_real_modules_aside(
    stand_in_streamlit: list[int],
) -> None:
    at = AppTest.from_string(
        "import streamlit as st\ntry:\n    from streamlit import errors_nowhere\n"
        "except ImportError as error:\n    st.text(type(error).__name__)\n"
    )
    at.run()
    assert at.text.values == ["ImportError"]
    assert stand_in_streamlit == [1]


def test_the_import_guard_passes_bad_names_on_to_python(stand_in_streamlit: list[int]) -> None:
    """A name that is not a string gets Python's own error from the guarded import functions."""
    at = AppTest.from_string(
        "import importlib\nimport streamlit as st\n"
        "for call in (lambda: __import__(b'x'), lambda: importlib.import_module(b'x')):\n"
        "    try:\n        call()\n    except Exception as error:\n"
        "        st.text(f'{type(error).__name__}: {error}')\n"
    )
    at.run()
    bad: Any = b"x"
    calls: list[Callable[[], object]] = [
        lambda: __import__(bad),
        lambda: importlib.import_module(bad),
    ]
    expected = []
    for call in calls:
        try:
            call()
        except Exception as error:
            expected.append(f"{type(error).__name__}: {error}")
    assert at.text.values == expected and len(expected) == 2
    assert stand_in_streamlit == [0]
