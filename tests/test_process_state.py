"""Process state an app changes is put back after each run (issue 15, item 7).

The working directory, ``os.environ`` (and the time zone), ``warnings`` filters, logging
configuration, the recursion limit, ``sys.stdout``/``stderr``, ``sys.excepthook`` and attributes
assigned on the ``streamlit`` module: an app's change is visible to the rest of its own run and
gone afterwards, whether the run finished, failed or was stopped.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import warnings
from pathlib import Path

import pytest

from apptest import AppTest

ENDINGS = ["", "\nst.stop()", "\nraise ValueError('boom')", "\nimport sys\nsys.exit(1)"]


def _run(body: str, ending: str = "") -> AppTest:
    at = AppTest.from_string("import streamlit as st\n" + body + ending).run()
    return at


@pytest.mark.parametrize("ending", ENDINGS, ids=["finished", "stopped", "error", "exit"])
def test_working_directory_is_restored(tmp_path: Path, ending: str) -> None:
    before = os.getcwd()
    at = _run(f"import os\nos.chdir({str(tmp_path)!r})\nst.write(os.getcwd())", ending)
    assert at.markdown[0].value == str(tmp_path)  # the app saw its own change
    assert os.getcwd() == before


def test_working_directory_changed_through_fchdir_or_a_bound_chdir_is_restored(
    tmp_path: Path,
) -> None:
    """Every way an app changes directories through ``os`` is seen, also a ``chdir`` bound by
    name in the run, and ``os.chdir`` is the real one again outside runs."""
    before, real_chdir, real_fchdir = os.getcwd(), os.chdir, os.fchdir
    (tmp_path / "a").mkdir()
    at = AppTest.from_string(
        "import os\nimport streamlit as st\nfrom os import chdir\n"
        f"fd = os.open({str(tmp_path)!r}, os.O_RDONLY)\nos.fchdir(fd)\nos.close(fd)\n"
        "st.text(os.getcwd())\nchdir('a')\nst.text(os.getcwd())\n"
        "st.session_state.bound = chdir\n"
    )
    at.run()
    assert at.text.values == [str(tmp_path), str(tmp_path / "a")]
    assert os.getcwd() == before
    assert (os.chdir, os.fchdir) == (real_chdir, real_fchdir)
    at.run()  # and again in the next run
    assert os.getcwd() == before
    at.session_state.bound(str(tmp_path))  # outside runs it is the plain chdir
    try:
        assert os.getcwd() == str(tmp_path)
    finally:
        os.chdir(before)


@pytest.mark.parametrize("ending", ENDINGS, ids=["finished", "stopped", "error", "exit"])
def test_environment_is_restored(monkeypatch: pytest.MonkeyPatch, ending: str) -> None:
    monkeypatch.setenv("APPTEST_KEPT", "test value")
    monkeypatch.delenv("APPTEST_ADDED", raising=False)
    body = (
        "import os\nos.environ['APPTEST_ADDED'] = 'app'\nos.environ['APPTEST_KEPT'] = 'changed'\n"
        "st.write(os.environ['APPTEST_KEPT'])"
    )
    at = _run(body, ending)
    assert at.markdown[0].value == "changed"
    assert os.environ["APPTEST_KEPT"] == "test value"
    assert "APPTEST_ADDED" not in os.environ
    at = _run("import os\nos.environ.pop('APPTEST_KEPT')\nos.environ.clear()")
    assert os.environ["APPTEST_KEPT"] == "test value" and "PATH" in os.environ


def test_environment_changed_every_way_through_os_is_restored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``os.environ`` is watched through ``os.putenv``/``os.unsetenv``: ``update``,
    ``setdefault``, ``mock.patch.dict`` left open, ``del`` and a bound ``putenv`` are all
    seen; a replaced ``os.environ`` is put back; outside runs the functions are the real ones."""
    monkeypatch.setenv("APPTEST_KEPT", "test value")
    for name in ("APPTEST_A", "APPTEST_B", "APPTEST_C"):
        monkeypatch.delenv(name, raising=False)
    real = (os.putenv, os.unsetenv, os.environ)
    at = _run(
        "import os\nfrom unittest import mock\n"
        "os.environ.update(APPTEST_A='a')\nos.environ.setdefault('APPTEST_B', 'b')\n"
        "mock.patch.dict(os.environ, {'APPTEST_C': 'c'}).start()\n"
        "del os.environ['APPTEST_KEPT']\n"
        "st.text(sorted(k for k in os.environ if k.startswith('APPTEST_')))\n"
        "os.environ = {'REPLACED': '1'}\n"
    )
    assert at.text[0].value == str(["APPTEST_A", "APPTEST_B", "APPTEST_C"])
    assert (os.putenv, os.unsetenv, os.environ) == real
    assert os.environ["APPTEST_KEPT"] == "test value"
    assert not {"APPTEST_A", "APPTEST_B", "APPTEST_C"} & set(os.environ)
    _run("import os\nfrom os import putenv\nos.environ['APPTEST_A'] = 'x'\n")
    assert "APPTEST_A" not in os.environ


def test_time_zone_change_is_restored() -> None:
    before = (time.timezone, time.tzname)
    _run("import os, time\nos.environ['TZ'] = 'Asia/Tokyo'\ntime.tzset()")
    assert "TZ" not in os.environ or os.environ["TZ"] != "Asia/Tokyo"
    assert (time.timezone, time.tzname) == before


def test_warnings_filters_are_restored() -> None:
    before = list(warnings.filters)
    _run("import warnings\nwarnings.simplefilter('error')\nwarnings.filterwarnings('ignore')")
    assert warnings.filters == before
    _run("import warnings\nwarnings.filters = []\nwarnings.showwarning = print")
    assert warnings.filters == before
    assert warnings.showwarning is not print


def test_logging_configuration_is_restored() -> None:
    root = logging.getLogger()
    named = logging.getLogger("apptest_i15_existing")
    before = (root.level, list(root.handlers), named.level, list(named.handlers), named.propagate)
    at = _run(
        "import logging\nlogging.basicConfig(level=logging.DEBUG, force=True)\n"
        "logging.getLogger('apptest_i15_existing').setLevel(logging.CRITICAL)\n"
        "logging.getLogger('apptest_i15_existing').addHandler(logging.NullHandler())\n"
        "logging.getLogger('apptest_i15_existing').propagate = False\n"
        "logging.disable(logging.ERROR)\n"
        "st.write(str(logging.getLogger().level))"
    )
    assert at.markdown[0].value == str(logging.DEBUG)
    after = (root.level, list(root.handlers), named.level, list(named.handlers), named.propagate)
    assert after == before
    assert logging.root.manager.disable == 0
    assert named.isEnabledFor(logging.WARNING) == (named.getEffectiveLevel() <= logging.WARNING)


def test_recursion_limit_is_restored() -> None:
    before = sys.getrecursionlimit()
    at = _run("import sys\nsys.setrecursionlimit(123456)\nst.write(str(sys.getrecursionlimit()))")
    assert at.markdown[0].value == "123456"
    assert sys.getrecursionlimit() == before


def test_stdout_stderr_and_hooks_are_restored() -> None:
    before = (sys.stdout, sys.stderr, sys.stdin, sys.excepthook, sys.displayhook)
    _run(
        "import io, sys\nsys.stdout = io.StringIO()\nsys.stderr = io.StringIO()\n"
        "sys.stdin = io.StringIO()\nsys.excepthook = print\nsys.displayhook = print"
    )
    assert (sys.stdout, sys.stderr, sys.stdin, sys.excepthook, sys.displayhook) == before


def test_attributes_assigned_on_the_streamlit_module_are_restored() -> None:
    """``st.write = ...`` made st.write a no-op in every later AppTest."""
    at = _run("st.write = lambda *a: None\nst.markdown = None\ndel st.title\nst.write('x')")
    assert at.markdown.values == []
    at = _run("st.write('x')\nst.markdown('y')\nst.title('z')")
    assert (at.markdown.values, at.title.values) == (["x", "y"], ["z"])


def test_the_same_apptest_sees_no_change_of_its_own_previous_run() -> None:
    at = AppTest.from_string(
        """
        import os, streamlit as st
        st.write(os.environ.get("APPTEST_RUN_MARK", "unset"))
        os.environ["APPTEST_RUN_MARK"] = "set by the app"
        """
    )
    assert at.run().markdown.values == ["unset"]
    assert at.run().markdown.values == ["unset"]


def test_logging_dict_config_in_an_app_is_undone() -> None:
    named = logging.getLogger("apptest_i15_dictconfig")
    root = logging.getLogger()
    before = (root.level, list(root.handlers), named.level, named.disabled, list(named.handlers))
    _run(
        "import logging.config\n"
        "logging.config.dictConfig({'version': 1, 'disable_existing_loggers': True,\n"
        "    'handlers': {'h': {'class': 'logging.NullHandler'}},\n"
        "    'root': {'level': 'DEBUG', 'handlers': ['h']}})"
    )
    after = (root.level, list(root.handlers), named.level, named.disabled, list(named.handlers))
    assert after == before


def test_logging_changes_the_test_makes_between_runs_are_kept() -> None:
    """Only what a run changes is undone: the test's own logging setup stays."""
    named = logging.getLogger("apptest_i15_test_owned")
    at = AppTest.from_string("import streamlit as st\nst.write('x')").run()
    named.setLevel(logging.ERROR)
    handler = logging.NullHandler()
    named.addHandler(handler)
    at.run()
    assert named.level == logging.ERROR and named.handlers == [handler]
    named.removeHandler(handler)
    named.setLevel(logging.NOTSET)


def test_a_logger_made_during_a_run_still_works_after_it() -> None:
    """Only changes to what existed are undone: a logger the run made keeps its attributes."""
    _run(
        "import logging\nlog = logging.getLogger('apptest_i15_made_in_run')\n"
        "log.setLevel(logging.INFO)\nlog.info('in the run')"
    )
    made = logging.getLogger("apptest_i15_made_in_run")
    made.info("after the run")  # raised AttributeError: '_cache' was taken away
    assert made.isEnabledFor(logging.CRITICAL)


def test_sigint_handler_and_meta_path_are_restored() -> None:
    """An app that swallowed Ctrl-C would make the test run impossible to stop."""
    import signal

    before = (signal.getsignal(signal.SIGINT), list(sys.meta_path))
    _run(
        "import signal, sys\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "class Finder:\n    def find_spec(self, *a):\n        return None\n"
        "sys.meta_path.insert(0, Finder())"
    )
    assert (signal.getsignal(signal.SIGINT), list(sys.meta_path)) == before


def test_environment_of_a_replaced_os_environ_is_compared_as_its_own_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A test that replaced ``os.environ`` with another ``os._Environ`` (encoded ``_data``):
    its data is copied before the run in the same form it is compared in after, so a run that
    changed nothing puts nothing back, and a change is still undone."""
    data = dict(os.environ._data)  # type: ignore[attr-defined]
    other = os._Environ(  # type: ignore[attr-defined]
        data,
        os.environ.encodekey,
        os.environ.decodekey,  # type: ignore[attr-defined]
        os.environ.encodevalue,
        os.environ.decodevalue,  # type: ignore[attr-defined]
    )
    monkeypatch.setattr(os, "environ", other)
    restored: list[object] = []
    from apptest._server import process_state

    real = process_state.ProcessState._restore_environ
    monkeypatch.setattr(
        process_state.ProcessState,
        "_restore_environ",
        lambda self: (restored.append(1), real(self))[1],
    )
    _run("st.write('nothing')")
    assert restored == []
    _run("import os\nos.environ['APPTEST_OTHER'] = 'x'")
    assert restored == [1] and "APPTEST_OTHER" not in os.environ
