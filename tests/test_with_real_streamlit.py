"""apptest next to a real Streamlit in one process (issue 15, item 1; issue 14, item 3).

Skipped when Streamlit is not installed. With it, apptest neither breaks it nor is broken by
it: apps under apptest get the shim for every ``streamlit.*`` they import, real Streamlit's
modules are put back after each run (no shim module is left behind), Streamlit's own
``AppTest`` works before, between and after apptest's runs, and a helper module bound to the
real ``streamlit`` before a run writes to the apptest app inside runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from apptest import AppTest, real_streamlit_installed

pytestmark = pytest.mark.skipif(
    not real_streamlit_installed(), reason="needs a real Streamlit installed"
)

TYPE_HINT_APP = """
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner import get_script_run_ctx
import streamlit.components.v1
st.text(str(isinstance(st.container(), DeltaGenerator)))
st.text(str(get_script_run_ctx() is not None))
"""


def _streamlit_modules() -> dict[str, object]:
    return {
        name: module
        for name, module in sys.modules.items()
        if name == "streamlit" or name.startswith("streamlit.")
    }


def _real_apptest_works() -> None:
    from streamlit.testing.v1 import AppTest as RealAppTest

    at = RealAppTest.from_string(
        "import streamlit as st\nfrom streamlit.delta_generator import DeltaGenerator\n"
        "st.write(str(isinstance(st.container(), DeltaGenerator)))\nst.button('go')"
    ).run()
    assert not at.exception, at.exception
    assert at.markdown[0].value == "True"
    assert at.button[0].click().run().button[0].value is True


def test_real_streamlit_works_before_between_and_after_apptest_runs() -> None:
    _real_apptest_works()
    at = AppTest.from_string(TYPE_HINT_APP).run()
    assert at.text.values == ["True", "True"]
    _real_apptest_works()
    assert AppTest.from_string(TYPE_HINT_APP).run().text.values == ["True", "True"]
    _real_apptest_works()


def test_no_shim_module_is_left_in_sys_modules_after_a_run() -> None:
    import streamlit
    import streamlit.delta_generator

    before = _streamlit_modules()
    AppTest.from_string(TYPE_HINT_APP).run()
    AppTest.from_string("import streamlit.runtime.state\nraise ValueError('x')").run()
    assert _streamlit_modules() == before
    assert "site-packages" in str(streamlit.__file__)
    from streamlit.delta_generator import DeltaGenerator

    assert DeltaGenerator is streamlit.delta_generator.DeltaGenerator
    assert DeltaGenerator.__module__ == "streamlit.delta_generator"


def test_import_streamlit_outside_runs_is_the_real_one() -> None:
    import streamlit as st

    assert "apptest" not in str(getattr(st, "__file__", ""))
    assert not hasattr(st, "__apptest_shim__")
    assert st.__version__ != "1.58.0" or "site-packages" in str(st.__file__)


def test_a_helper_bound_to_real_streamlit_writes_to_the_apptest_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "real_helper_i15.py").write_text(
        "import streamlit as st\n\ndef price(x):\n    st.write(f'price {x}')\n"
    )
    app = tmp_path / "app.py"
    app.write_text("import streamlit as st\nimport real_helper_i15\nreal_helper_i15.price(3)\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import real_helper_i15  # type: ignore[import-not-found]

    assert "site-packages" in str(real_helper_i15.st.__file__)  # the real module, bound early
    at = AppTest.from_file(app).run()
    assert at.markdown.values == ["price 3"] and not at.exception
    monkeypatch.delitem(sys.modules, "real_helper_i15")
    _real_apptest_works()  # the real module still acts as itself outside apptest runs


FIRST_IMPORT_AFTER_A_RUN = """
import sys
from apptest import AppTest
at = AppTest.from_string(
    "import streamlit as st\\nfrom streamlit.delta_generator import DeltaGenerator\\n"
    "st.text(str(isinstance(st.container(), DeltaGenerator)))"
).run()
assert at.text.values == ["True"], at
assert not [name for name in sys.modules if name.startswith("streamlit")]
import streamlit
from streamlit.testing.v1 import AppTest as RealAppTest
real = RealAppTest.from_string("import streamlit as st\\nst.write('real')").run()
assert real.markdown[0].value == "real" and not real.exception
print("ok")
"""


def test_real_streamlit_imported_first_after_an_apptest_run_works() -> None:
    """The issue's report: after an app imported ``streamlit.delta_generator``, the next
    ``import streamlit`` raised TypeError. A fresh interpreter, where nothing imported
    Streamlit before the apptest run."""
    root = Path(__file__).resolve().parent.parent
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])
    )
    done = subprocess.run(
        [sys.executable, "-c", FIRST_IMPORT_AFTER_A_RUN],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("ok")


def test_a_real_module_imported_between_runs_is_set_aside_in_the_next_run() -> None:
    """apptest remembers which real ``streamlit.*`` modules to set aside for a run (no scan
    of ``sys.modules`` per run); one the test imports between two runs joins them."""
    at = AppTest.from_string(
        "import streamlit as st\n"
        "try:\n"
        "    import streamlit.hello.animation_demo as demo\n"
        "    st.text('real' if not hasattr(demo, '__apptest_shim__') else 'shim')\n"
        "except ModuleNotFoundError as error:\n"
        "    st.text('not simulated' if 'not simulated' in str(error) else repr(error))\n"
    )
    at.run()
    import streamlit.hello.animation_demo as real_demo  # loaded between the two runs

    at.run()
    assert at.text.values == ["not simulated"]
    assert sys.modules["streamlit.hello.animation_demo"] is real_demo  # put back after the run
