"""Bad input, caught (issue 15): scripts, Streamlit calls, test actions and clock use.

Each case asserts the exact error (class and message) and that the AppTest still works
afterwards (the same one runs again as before, and a fresh one runs normally). App errors
become exception elements; mistakes in the test raise apptest's errors; ``KeyboardInterrupt``
propagates out of ``run()`` (so Ctrl-C works) and leaves the AppTest usable.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from apptest import (
    AppTest,
    AppTestError,
    ElementIndexError,
    ElementNotFoundError,
    InvalidValueError,
)


def _lit(text: str) -> str:
    return re.escape(text)


SCRIPT_ERRORS = "import streamlit.web.bootstrap"
DUPLICATE_ID = (
    "There are multiple `button` elements with the same auto-generated ID. When this element is "
    "created, it is assigned an internal ID based on the element type and provided parameters. "
    "Multiple elements with the same type and parameters will cause this error.\n\nTo fix this "
    "error, please pass a unique `key` argument to the `button` element."
)
COLUMNS_SPEC = (
    "The `spec` argument to `st.columns` must be either a positive integer (number of columns) "
    "or a list of positive numbers (width ratios of the columns). See [documentation]"
    "(https://docs.streamlit.io/develop/api-reference/layout/st.columns) for more information."
)
TIME_STRING = (
    "Time string doesn't look right. It should be formatted as`'1d2h34m'` or `2 days`, for "
    "example. Got: "
)

#: (id, app source, exception class name, exact message or a pattern) — scripts and st calls.
APP_CASES: list[tuple[str, str, str, str]] = [
    # -- the script itself
    (
        "syntax_error",
        "x = (",
        "SyntaxError",
        _lit(
            "File \"<streamlit app>\", line 1\n  x = (\n      ^\nSyntaxError: '(' was never closed"
        ),
    ),
    ("name_error", "undefined_name", "NameError", _lit("name 'undefined_name' is not defined")),
    ("zero_division", "1 / 0", "ZeroDivisionError", _lit("division by zero")),
    (
        "recursion",
        "def f():\n    return f()\nf()",
        "RecursionError",
        _lit("maximum recursion depth exceeded"),
    ),
    ("sys_exit", "import sys\nsys.exit(3)", "SystemExit", "3"),
    ("raise_system_exit", "raise SystemExit('bye')", "SystemExit", "bye"),
    ("generator_exit", "raise GeneratorExit('gen')", "GeneratorExit", "gen"),
    (
        "base_exception_subclass",
        "class Halt(BaseException):\n    pass\nraise Halt('halt')",
        "Halt",
        "halt",
    ),
    (
        "chdir_missing",
        "import os\nos.chdir('/no/such/dir/i15')",
        "FileNotFoundError",
        _lit("[Errno 2] No such file or directory: '/no/such/dir/i15'"),
    ),
    (
        "import_missing",
        "import no_such_module_i15",
        "ModuleNotFoundError",
        _lit("No module named 'no_such_module_i15'"),
    ),
    (
        "import_not_simulated",
        SCRIPT_ERRORS,
        "ModuleNotFoundError",
        _lit("No module named 'streamlit.web': `streamlit.web` is not simulated by apptest") + ".*",
    ),
    (
        "custom_exception",
        "class BadThing(Exception):\n    pass\nraise BadThing('custom')",
        "BadThing",
        "custom",
    ),
    ("exception_with_args", "raise ValueError(42, 'x')", "ValueError", _lit("(42, 'x')")),
    (
        "exception_str_raises",
        "class E(Exception):\n    def __str__(self):\n"
        "        raise RuntimeError('no str')\nraise E()",
        "E",
        _lit("<exception str() failed> (E)"),
    ),
    (
        "del_streamlit_module",
        "import sys\ndel sys.modules['streamlit']\nraise RuntimeError('after del')",
        "RuntimeError",
        "after del",
    ),
    (
        "clear_sys_path",
        "import sys\nsys.path.clear()\nraise RuntimeError('path cleared')",
        "RuntimeError",
        "path cleared",
    ),
    (
        "environ_clear",
        "import os\nos.environ.clear()\nraise RuntimeError('env cleared')",
        "RuntimeError",
        "env cleared",
    ),
    # -- the virtual clock, from the app
    (
        "sleep_negative",
        "import time\ntime.sleep(-1)",
        "ValueError",
        _lit("sleep length must be non-negative"),
    ),
    (
        "sleep_nan",
        "import time\ntime.sleep(float('nan'))",
        "ValueError",
        _lit("Invalid value NaN (not a number)"),
    ),
    (
        "sleep_huge",
        "import time\ntime.sleep(1e12)",
        "OverflowError",
        _lit("timestamp too large to convert to C _PyTime_t"),
    ),
    (
        "sleep_str",
        "import time\ntime.sleep('1')",
        "TypeError",
        _lit("'str' object cannot be interpreted as an integer"),
    ),
    (
        "sleep_past_9999",
        "import time\nfor _ in range(40):\n    time.sleep(9e9)",
        "OverflowError",
        _lit(
            "time.sleep(9000000000.0) would move apptest's virtual clock past 9999-12-31, the "
            "last date Python's datetime can show"
        ),
    ),
    # -- Streamlit calls
    (
        "selectbox_index",
        "import streamlit as st\nst.selectbox('s', [1, 2], index=5)",
        "StreamlitAPIException",
        _lit(
            "Selectbox index must be greater than or equal to 0 and less than the length of "
            "options."
        ),
    ),
    (
        "number_input_bounds",
        "import streamlit as st\nst.number_input('n', min_value=5, max_value=1)",
        "StreamlitValueAboveMaxError",
        _lit("The `value` 5 is greater than the `max_value` 1."),
    ),
    (
        "duplicate_button",
        "import streamlit as st\nst.button('b')\nst.button('b')",
        "StreamlitDuplicateElementId",
        _lit(DUPLICATE_ID),
    ),
    (
        "duplicate_key",
        "import streamlit as st\nst.text_input('t', key='k')\nst.text_input('u', key='k')",
        "StreamlitDuplicateElementKey",
        _lit(
            "There are multiple elements with the same `key='k'`. To fix this, please make sure "
            "that the `key` argument is unique for each element you create."
        ),
    ),
    (
        "columns_zero",
        "import streamlit as st\nst.columns(0)",
        "StreamlitInvalidColumnSpecError",
        _lit(COLUMNS_SPEC),
    ),
    (
        "columns_empty",
        "import streamlit as st\nst.columns([])",
        "StreamlitInvalidColumnSpecError",
        _lit(COLUMNS_SPEC),
    ),
    (
        "tabs_empty",
        "import streamlit as st\nst.tabs([])",
        "StreamlitAPIException",
        _lit("The input argument to st.tabs must contain at least one tab label."),
    ),
    (
        "rerun_scope",
        "import streamlit as st\nst.rerun(scope='bad')",
        "StreamlitAPIException",
        _lit("'bad'is not a valid rerun scope. Valid scopes are 'app' and 'fragment'."),
    ),
    (
        "fragment_run_every",
        "import streamlit as st\n@st.fragment(run_every='soon')\ndef f():\n    pass\nf()",
        "StreamlitBadTimeStringError",
        _lit(TIME_STRING + "soon"),
    ),
    (
        "state_after_widget",
        "import streamlit as st\nst.text_input('t', key='k')\nst.session_state['k'] = 'x'",
        "StreamlitAPIException",
        _lit(
            "`st.session_state.k` cannot be modified after the widget with key `k` is instantiated."
        ),
    ),
    (
        "not_simulated_command",
        "import streamlit as st\nst.no_such_command_i15()",
        "StreamlitAPIUnimplementedError",
        _lit("`st.no_such_command_i15` is not simulated by apptest.") + ".*",
    ),
    (
        "cache_ttl",
        "import streamlit as st\n@st.cache_data(ttl='bogus')\ndef f():\n    return 1\nf()",
        "StreamlitBadTimeStringError",
        _lit(TIME_STRING + "bogus"),
    ),
    (
        "secret_missing",
        "import streamlit as st\nst.secrets['missing']",
        "StreamlitSecretNotFoundError",
        _lit("No secrets found. Valid paths for a secrets.toml file or secret directories are: ")
        + ".*",
    ),
    (
        "date_input_value",
        "import streamlit as st\nst.date_input('d', value='not a date')",
        "StreamlitAPIException",
        _lit('Date value should either be an date/datetime or an ISO string or "today"'),
    ),
    (
        "color_picker_value",
        "import streamlit as st\nst.color_picker('c', value='red')",
        "StreamlitAPIException",
        _lit("'red' is not a valid hex code for colors. Valid ones are like\n'#00FFAA' or '#000'."),
    ),
    (
        "switch_page_missing",
        "import streamlit as st\nst.switch_page('nope.py')",
        "StreamlitAPIException",
        _lit("Could not find page: `nope.py`. Must be the file path relative to the main script")
        + ".*",
    ),
    (
        "dialog_no_title",
        "import streamlit as st\n@st.dialog\ndef d():\n    pass",
        "StreamlitAPIException",
        _lit(
            "A non-empty `title` argument has to be provided for dialogs, for example "
            '`@st.dialog("Example Title")`.'
        ),
    ),
    (
        "radio_index",
        "import streamlit as st\nst.radio('r', ['a'], index=3)",
        "StreamlitAPIException",
        _lit("Radio index must be between 0 and length of options"),
    ),
    (
        "multiselect_default",
        "import streamlit as st\nst.multiselect('m', ['a'], default=['z'])",
        "StreamlitAPIException",
        _lit(
            "The default value 'z' is not part of the options. Please make sure that every "
            "default values also exists in the options."
        ),
    ),
]


def _fresh_app_works() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write('fine')").run()
    assert at.markdown.values == ["fine"] and not at.exception


@pytest.mark.parametrize(
    ("source", "exc_type", "message"),
    [case[1:] for case in APP_CASES],
    ids=[case[0] for case in APP_CASES],
)
def test_bad_script_or_streamlit_call_becomes_an_exception_element(
    source: str, exc_type: str, message: str
) -> None:
    cwd, path, environ = os.getcwd(), list(sys.path), dict(os.environ)
    at = AppTest.from_string(source).run()
    assert len(at.exception) == 1, at.exception
    assert at.exception[0].exc_type == exc_type
    assert re.fullmatch(message, at.exception[0].message, re.DOTALL), at.exception[0].message
    first = at.tree
    assert at.run().tree == first  # the same AppTest runs again, the same way
    assert (os.getcwd(), sys.path, dict(os.environ)) == (cwd, path, environ)
    _fresh_app_works()


WIDGETS = """
import streamlit as st
st.slider('S', 0, 10, key='s')
st.checkbox('C')
st.selectbox('Sel', ['a', 'b'])
st.number_input('N', 0, 10)
st.text_input('T', max_chars=3)
@st.fragment(run_every=1)
def tick():
    st.write('tick')
tick()
"""

Action = Callable[[AppTest, Path], Any]
LISTING = (
    "it has 6 children:\n  [0] slider 'S' = 0 range [0, 10]\n  [1] checkbox 'C' = False\n"
    "  [2] selectbox 'Sel' = 'a' options ['a', 'b']\n  [3] number_input 'N' = 0 range [0, 10]\n"
    "  [4] text_input 'T' = ''\n  [5] container"
)

#: (id, action, exception class, exact message or a pattern) — test actions and the clock.
ACTION_CASES: list[tuple[str, Action, type[BaseException], str]] = [
    (
        "missing_key",
        lambda at, _: at.slider("nope"),
        ElementNotFoundError,
        _lit("No slider with key='nope'. Found: slider(label='S', key='s')."),
    ),
    (
        "slider_out_of_range",
        lambda at, _: at.slider("s").set_value(99),
        InvalidValueError,
        _lit("st.slider 'S' (key='s') cannot take 99: it is outside the slider's range [0, 10]."),
    ),
    (
        "checkbox_wrong_verb",
        lambda at, _: at.checkbox[0].click(),
        AppTestError,
        _lit(
            "st.checkbox 'C' has no click(): it takes check(), uncheck(), set_value(). Only "
            "buttons can be clicked."
        ),
    ),
    (
        "index_999",
        lambda at, _: at[999],
        ElementIndexError,
        _lit("No element at index 999 of main: " + LISTING),
    ),
    (
        "main_index_minus_99",
        lambda at, _: at.main[-99],
        ElementIndexError,
        _lit("No element at index -99 of main: " + LISTING),
    ),
    (
        "selectbox_not_an_option",
        lambda at, _: at.selectbox[0].select("z"),
        InvalidValueError,
        _lit(
            "st.selectbox 'Sel' cannot take 'z': it is not one of its options. It accepts one "
            "of ['a', 'b']."
        ),
    ),
    (
        "number_input_text",
        lambda at, _: at.number_input[0].set_value("x"),
        InvalidValueError,
        _lit("st.number_input 'N' takes a number, not str 'x'."),
    ),
    (
        "text_over_max_chars",
        lambda at, _: at.text_input[0].input("toolong"),
        InvalidValueError,
        _lit(
            "st.text_input 'T' accepts at most max_chars=3 characters; 'toolong' has 7. Stage a "
            "shorter text."
        ),
    ),
    (
        "run_timeout_negative",
        lambda at, _: at.run(timeout=-1),
        AppTestError,
        _lit(
            "timeout=-1 is not a usable timeout; pass a positive number of seconds (real time), "
            "or None (or math.inf) for no timeout."
        ),
    ),
    (
        "run_timeout_str",
        lambda at, _: at.run(timeout="x"),  # type: ignore[arg-type]
        AppTestError,
        _lit(
            "timeout must be a number of seconds (real time), or None for no timeout; got str 'x'."
        ),
    ),
    (
        "switch_page_from_string",
        lambda at, _: at.switch_page("two.py"),
        AppTestError,
        _lit(
            "at.switch_page() needs an app loaded with AppTest.from_file(): pages are files "
            "relative to the main script, and this app has no script file."
        ),
    ),
    (
        "switch_page_outside_the_app_folder",
        lambda _, tmp: AppTest.from_file(tmp / "app" / "main.py").switch_page("../two.py"),
        AppTestError,
        _lit("at.switch_page('../two.py') points outside the app's folder (")
        + ".*"
        + _lit(
            "): pages are files in the main script's folder or below it. Pass a path such as "
            "'pages/two.py'."
        ),
    ),
    (
        "from_file_missing",
        lambda at, _: AppTest.from_file("no_such_app_i15.py"),
        AppTestError,
        _lit("AppTest script not found: 'no_such_app_i15.py' (tried ") + ".*",
    ),
    (
        "from_string_bytes",
        lambda at, _: AppTest.from_string(b"x"),  # type: ignore[arg-type]
        AppTestError,
        _lit("from_string() takes the app's source text, not bytes."),
    ),
    (
        "from_function_int",
        lambda at, _: AppTest.from_function(5),  # type: ignore[arg-type]
        AppTestError,
        _lit("from_function() takes a function, not int."),
    ),
    (
        "default_timeout_str",
        lambda at, _: AppTest.from_string("x = 1", default_timeout="x"),  # type: ignore[arg-type]
        AppTestError,
        _lit(
            "default_timeout must be a number of seconds (real time), or None for no timeout; "
            "got str 'x'."
        ),
    ),
    (
        "start_time_garbage",
        lambda at, _: AppTest.from_string("x = 1", start_time="garbage"),
        AppTestError,
        _lit(
            "start_time='garbage' is not an ISO 8601 date-time; use e.g. "
            "'2024-01-01T12:00:00+00:00' or a datetime object."
        ),
    ),
    (
        "session_state_missing",
        lambda at, _: at.session_state["nope"],
        KeyError,
        _lit('st.session_state has no key "nope". Did you forget to initialize it?') + ".*",
    ),
    # -- the clock
    (
        "advance_negative",
        lambda at, _: at.clock.advance(-1),
        AppTestError,
        _lit("advance() moves time forward only; got -1. The virtual clock never goes back."),
    ),
    (
        "advance_negative_timedelta",
        lambda at, _: at.clock.advance(dt.timedelta(days=-1)),
        AppTestError,
        _lit(
            "advance() moves time forward only; got datetime.timedelta(days=-1). The virtual "
            "clock never goes back."
        ),
    ),
    (
        "advance_bad_string",
        lambda at, _: at.clock.advance("soon"),
        AppTestError,
        _lit(
            "advance() could not read the time string 'soon'; use forms such as '5s', '1.5 min', "
            "'2h', '00:00:05', or pass seconds or a timedelta."
        ),
    ),
    (
        "advance_10_to_the_12",
        lambda at, _: at.clock.advance(10**12),
        AppTestError,
        _lit(
            "advance(1000000000000) would move the virtual clock about 2.37e+04 years past "
            "9999-12-31, the last date Python's datetime can show. Pass a duration that keeps "
            "the clock within that (minutes, days or years, not millennia)."
        ),
    ),
    (
        "advance_huge_timedelta",
        lambda at, _: at.clock.advance(dt.timedelta(days=999_999_999)),
        AppTestError,
        _lit("advance(datetime.timedelta(days=999999999)) would move the virtual clock about ")
        + ".*",
    ),
    (
        "advance_inf",
        lambda at, _: at.clock.advance(math.inf),
        AppTestError,
        _lit("advance() needs a finite number of seconds; got inf."),
    ),
    (
        "advance_nan",
        lambda at, _: at.clock.advance(math.nan),
        AppTestError,
        _lit("advance() needs a finite number of seconds; got nan."),
    ),
    (
        "advance_bool",
        lambda at, _: at.clock.advance(True),
        AppTestError,
        _lit("advance() takes seconds, a time string or a timedelta; got True."),
    ),
    (
        "advance_none",
        lambda at, _: at.clock.advance(None),  # type: ignore[arg-type]
        AppTestError,
        _lit(
            "advance() takes seconds (int or float), a time string such as '5s', or a "
            "datetime.timedelta; got NoneType None."
        ),
    ),
    (
        "advance_one_day_on_a_1s_ticker",
        lambda at, _: at.clock.advance("1d"),
        AppTestError,
        _lit(
            "advance('1d') would fire at least 86400 timer runs, more than at.clock.max_runs "
            "(10000). Advance in smaller steps, or raise the limit (at.clock.max_runs = ..., or "
            "apptest.ClockControl.max_runs for every AppTest) if the test needs that many runs."
        ),
    ),
]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "main.py").write_text("import streamlit as st\nst.write('main')\n")
    (tmp_path / "two.py").write_text("import streamlit as st\nst.write('two')\n")
    return tmp_path


@pytest.mark.parametrize(
    ("action", "error", "message"),
    [case[1:] for case in ACTION_CASES],
    ids=[case[0] for case in ACTION_CASES],
)
def test_bad_test_action_raises_apptests_error(
    action: Action, error: type[BaseException], message: str, pages: Path
) -> None:
    at = AppTest.from_string(WIDGETS).run()
    before = (at.tree, len(at.runs), at.clock.now)
    with pytest.raises(error) as raised:
        action(at, pages)
    assert type(raised.value) is error
    text = raised.value.args[0] if isinstance(raised.value, KeyError) else str(raised.value)
    assert re.fullmatch(message, str(text), re.DOTALL), text
    assert (at.tree, len(at.runs), at.clock.now) == before  # nothing happened
    at.run()
    assert at.tree == before[0] and len(at.runs) == before[1] + 1
    at.clock.advance(1)
    assert at.runs[-1].trigger == "timer"
    _fresh_app_works()


def test_keyboard_interrupt_propagates_and_the_apptest_keeps_working() -> None:
    """Ctrl-C must end the test run: KeyboardInterrupt from an app leaves ``run()``."""
    cwd = os.getcwd()
    at = AppTest.from_string(
        """
        import os
        import streamlit as st
        st.write("before")
        os.chdir("/")
        if st.session_state.setdefault("interrupted", 0) == 0:
            st.session_state.interrupted = 1
            raise KeyboardInterrupt
        """
    )
    with pytest.raises(KeyboardInterrupt):
        at.run()
    assert os.getcwd() == cwd
    assert at.run().markdown.values == ["before"] and not at.exception
    _fresh_app_works()


def test_max_runs_per_advance_is_adjustable() -> None:
    at = AppTest.from_string(WIDGETS).run()
    at.clock.max_runs = 5
    with pytest.raises(AppTestError, match=r"advance\(10\) would fire at least 10 timer runs"):
        at.clock.advance(10)
    assert len(at.runs) == 1  # refused before any run
    at.clock.max_runs = 10
    at.clock.advance(10)
    assert [run.trigger for run in at.runs[1:]] == ["timer"] * 10
    assert AppTest.from_string(WIDGETS).run().clock.max_runs == 10_000  # per AppTest
