"""Every public name of Streamlit's ``st`` module exists in the shim, per profile.

The names were read from the wheels' ``streamlit/__init__.py`` (module-level assignments,
imports and definitions not starting with ``_``), 1.58.0 for the seed profile and 1.67.0 for
the modern one; ``components`` is a submodule attribute in both. Names 1.67 removed
(``bokeh_chart``, ``cache``) exist under the seed only, names added after 1.58 (``grid``,
``skeleton``, ``echarts_chart``, ``mermaid_chart``, ``typing``) under the modern profile only.
When the unpacked wheels are at ``/tmp/st158`` and ``/tmp/st167`` the lists are checked
against them too.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from apptest import AppTest

# fmt: off
NAMES_158 = frozenset("""
App Page altair_chart area_chart audio audio_input badge balloons bar_chart bokeh_chart bottom
button cache cache_data cache_resource camera_input caption chat_input chat_message checkbox
code color_picker column_config columns components connection container context data_editor
dataframe date_input datetime_input dialog divider download_button echo empty error exception
expander feedback file_uploader form form_submit_button fragment get_option graphviz_chart
header help html iframe image info json latex line_chart link_button login logo logout map
markdown menu_button metric multiselect navigation number_input page_link pagination pdf pills
plotly_chart popover progress pydeck_chart pyplot query_params radio rerun scatter_chart
secrets segmented_control select_slider selectbox session_state set_option set_page_config
sidebar slider snow space spinner status stop streamlit subheader success switch_page table
tabs text text_area text_input time_input title toast toggle user vega_lite_chart video warning
write write_stream
""".split())
# fmt: on
REMOVED_IN_167 = frozenset({"bokeh_chart", "cache"})
ADDED_IN_167 = frozenset({"echarts_chart", "grid", "mermaid_chart", "skeleton", "typing"})
NAMES_167 = (NAMES_158 - REMOVED_IN_167) | ADDED_IN_167
NAMES = {"seed": NAMES_158, "modern": NAMES_167}
ABSENT = {"seed": ADDED_IN_167, "modern": REMOVED_IN_167}


def _wheel_names(init: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            found.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found.add(node.target.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            found.add(node.name)
    # ``TYPE_CHECKING`` is deleted at the end of 1.67's module; ``components`` is a submodule.
    return {n for n in found if not n.startswith("_")} - {"TYPE_CHECKING"} | {"components"}


@pytest.mark.parametrize(("folder", "profile"), [("/tmp/st158", "seed"), ("/tmp/st167", "modern")])
def test_the_name_lists_are_the_wheels_names(folder: str, profile: str) -> None:
    init = Path(folder, "streamlit", "__init__.py")
    if not init.is_file():
        pytest.skip(f"no unpacked Streamlit wheel at {folder}")
    assert _wheel_names(init) == NAMES[profile]


@pytest.mark.parametrize("profile", ["seed", "modern"])
def test_every_public_name_exists_and_the_other_versions_names_do_not(profile: str) -> None:
    at = AppTest.from_string(
        textwrap.dedent(
            f"""
            import streamlit as st
            st.session_state.missing = sorted(
                n for n in {sorted(NAMES[profile])!r} if not hasattr(st, n)
            )
            absent = {sorted(ABSENT[profile])!r}
            st.session_state.extra = sorted(n for n in absent if hasattr(st, n))
            """
        ),
        semantics=profile,
    ).run()
    assert not at.exception
    assert at.session_state.missing == []
    assert at.session_state.extra == []


def test_a_name_of_the_other_version_is_1_58s_or_1_67s_attribute_error() -> None:
    at = AppTest.from_string("import streamlit as st\nst.grid(2)").run()
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "AttributeError",
        "module 'streamlit' has no attribute 'grid'",
    )
    at = AppTest.from_string("import streamlit as st\nst.cache", semantics="modern").run()
    assert at.exception[0].message == (
        "module 'streamlit' has no attribute 'cache'. st.cache has been removed. "
        "Use st.cache_data or st.cache_resource instead."
    )
    at = AppTest.from_string("import streamlit as st\nst.sidebar.skeleton()").run()
    assert at.exception[0].message == "'DeltaGenerator' object has no attribute 'skeleton'"


def test_an_unsimulated_command_still_fails_naming_itself() -> None:
    at = AppTest.from_string("import streamlit as st\nst.not_a_command()").run()
    assert at.exception[0].exc_type == "StreamlitAPIUnimplementedError"
    assert "`st.not_a_command` is not simulated by apptest" in at.exception[0].message


EVERY_COMMAND = """
import datetime as dt
import streamlit as st

st.title("Every command")
with st.chat_message("user"):
    st.write("hi")
st.write_stream(iter(["a", "b"]))
st.dataframe({"a": [1]}, column_config={"a": st.column_config.NumberColumn("A")})
st.components.v1.html("<b>x</b>")
st.components.v1.iframe("https://example.com")
counter = st.components.v1.declare_component("counter", url="http://localhost:3001")
counter(start=1, default=0, key="counter")
st.iframe("https://example.com")
with st.echo():
    st.write("echoed")
st.page_link("https://docs.streamlit.io", label="Docs")
st.badge("New")
st.pdf(b"%PDF-1.4")
st.space("large")
st.audio_input("Record")
st.datetime_input("When", dt.datetime(2024, 1, 2, 3, 4))
st.menu_button("Export", ["CSV", "JSON"])
st.pagination(3)
st.write(st.connection("db").name)
st.write(st.get_option("client.toolbarMode"))
st.set_option("client.showErrorDetails", "full")
if st.button("Log in"):
    st.login()
if st.button("Log out"):
    st.logout()
st.bottom.write("at the bottom")
assert st.App is not None
"""
SEED_ONLY = """
@st.cache
def three():
    return 3
st.write(three())
"""
MODERN_ONLY = """
with st.grid(2).cell():
    st.write("cell")
st.skeleton()
st.mermaid_chart("graph TD; A-->B")
st.echarts_chart({"series": []})
"""
AUTH = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "secret",
        "client_id": "id",
        "client_secret": "client secret",
        "server_metadata_url": "https://example.com/.well-known/openid-configuration",
    }
}


class FakeConnection:
    name = "fake db"


@pytest.mark.parametrize("profile", ["seed", "modern"])
def test_an_app_using_every_command_runs_and_its_tree_shows_them(profile: str) -> None:
    extra = SEED_ONLY if profile == "seed" else MODERN_ONLY
    at = AppTest.from_string(EVERY_COMMAND + extra, semantics=profile)
    at.connections["db"] = FakeConnection()
    at.secrets = AUTH
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    tree = at.tree
    for line in [
        "chat_message 'user'",
        "markdown 'ab'",
        "iframe html '<b>x</b>'",
        "iframe 'https://example.com'",
        "component '<streamlit app>.counter' = 0",
        "code (python) 'st.write(\"echoed\")'",
        "page_link 'Docs' -> 'https://docs.streamlit.io'",
        "markdown ':blue-badge[New]'",
        "pdf (8 bytes)",
        "space 'large'",
        "audio_input 'Record' = None",
        "datetime_input 'When' = 2024-01-02 03:04",
        "menu_button 'Export' ['CSV', 'JSON']",
        "pagination page 1 of 3",
        "markdown 'fake db'",
        "markdown 'auto'",
        "bottom\n  markdown 'at the bottom'",
    ]:
        assert line in tree, line
    if profile == "seed":
        assert "warning" in tree and "markdown '`3`'" in tree
    else:
        assert "grid\n    grid_cell\n      markdown 'cell'" in tree
        assert at.grid[0].markdown.values == ["cell"] and at.get("grid_container") == at.grid
        for line in ["skeleton", "mermaid_chart 'graph TD; A-->B'", "echarts_chart"]:
            assert line in tree, line
    at.button[0].click().run()
    assert at.user["is_logged_in"] is True


@pytest.mark.parametrize(
    ("call", "seed", "modern"),
    [
        (
            "st.pagination(3, default=4)",
            ("StreamlitAPIException", "`default` must be between 1 and `num_pages` (3). Got 4."),
            (
                "StreamlitValueOutOfRangeError",
                "The `default` parameter, set to 4, is outside the required range [1, 3].",
            ),
        ),
        (
            'st.menu_button("m", [])',
            (
                "StreamlitAPIException",
                "The options argument to st.menu_button must contain at least one option.",
            ),
            (
                "StreamlitMissingRequiredParameterError",
                "The `options` parameter is required. Provide at least one option.",
            ),
        ),
        (
            'st.audio_input("a", sample_rate=1)',
            (
                "StreamlitAPIException",
                "Invalid sample_rate: 1. Must be one of [8000, 11025, 16000, 22050, 24000, "
                "32000, 44100, 48000] Hz, or None for browser default.",
            ),
            (
                "StreamlitValueError",
                "Invalid `sample_rate` value. Supported values: 8000, 11025, 16000, 22050, "
                "24000, 32000, 44100, 48000, None.",
            ),
        ),
        (
            'st.iframe("https://x.com", tab_index=-5)',
            ("StreamlitAPIException", "tab_index must be None, -1, or a non-negative integer."),
            (
                "StreamlitValueError",
                "Invalid `tab_index` value. Supported values: None, -1, a non-negative integer.",
            ),
        ),
        (
            "st.chat_message(None)",
            (
                "StreamlitAPIException",
                "The author name is required for a chat message, please set it via the "
                "parameter `name`.",
            ),
            ("StreamlitMissingRequiredParameterError", "The `name` parameter is required."),
        ),
        (
            'st.write_stream("text")',
            (
                "StreamlitAPIException",
                "`st.write_stream` expects a generator or stream-like object as input not "
                "<class 'str'>. Please use `st.write` instead for this data type.",
            ),
            (
                "StreamlitInvalidParameterTypeError",
                "Invalid `stream` type. Expected one of: generator, stream-like object. Provided "
                "type: str. Please use `st.write` instead for this data type.",
            ),
        ),
        (
            'st.datetime_input("d", step=30)',
            (
                "StreamlitAPIException",
                "`step` must be between 60 seconds and 23 hours but is currently set to 30 "
                "seconds.",
            ),
            (
                "StreamlitValueOutOfRangeError",
                "The `step` parameter, set to 30 seconds, is outside the required range "
                "[60 seconds, 23 hours].",
            ),
        ),
        (
            'st.datetime_input("d", format="YY")',
            (
                "StreamlitAPIException",
                "The provided format (`YY`) is not valid. DateTimeInput format should be one of "
                "`YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or "
                "hyphen (-) as separators.",
            ),
            (
                "StreamlitValueError",
                "Invalid `format` value. Supported values: 'YYYY/MM/DD', 'DD/MM/YYYY', "
                "'MM/DD/YYYY', 'YYYY.MM.DD', 'DD.MM.YYYY', 'MM.DD.YYYY', 'YYYY-MM-DD', "
                "'DD-MM-YYYY', 'MM-DD-YYYY'. Provided value: 'YY'.",
            ),
        ),
        (
            "st.pdf(None)",
            (
                "StreamlitAPIException",
                "The PDF data cannot be None. Please provide a valid PDF file path, URL, bytes "
                "data, or file-like object.",
            ),
            (
                "StreamlitMissingRequiredParameterError",
                "The `data` parameter is required. Please provide a valid PDF file path, URL, "
                "bytes data, or file-like object.",
            ),
        ),
    ],
)
def test_errors_of_the_newer_commands_follow_the_profile(
    call: str, seed: tuple[str, str], modern: tuple[str, str]
) -> None:
    for profile, expected in (("seed", seed), ("modern", modern)):
        at = AppTest.from_string(f"import streamlit as st\n{call}", semantics=profile).run()
        assert (at.exception[0].exc_type, at.exception[0].message) == expected, profile


# What Streamlit 1.67 gives for these calls, read from its AppTest (the modern profile).
MODERN_ONLY_MESSAGES = {
    'st.space("huge")': "Invalid `size` value. Supported values: 'stretch', 'xxsmall', "
    "'xsmall', 'small', 'medium', 'large', 'xlarge', 'xxlarge', a positive integer. Got 'huge'.",
    'st.page_link("https://example.com")': "The `label` parameter is required. Streamlit "
    "cannot infer a label for an external URL.",
    'st.datetime_input("d", value=[1])': 'Invalid `value` type. Expected one of: datetime, '
    'date, time, ISO string, "now". Provided type: list.',
    'st.datetime_input("d", "2024-01-01 10:00", min_value="2024-02-01")': "The `value` "
    "2024-01-01 10:00:00 is less than the `min_value` 2024-02-01 00:00:00.",
    'st.datetime_input("d", min_value="2024-02-01", max_value="2024-01-01")': "The `min_value`, "
    "set to 2024-02-01 00:00:00, cannot be greater than the `max_value`, set to "
    "2024-01-01 00:00:00.",  # an ISO date string parses as a datetime at midnight
}


@pytest.mark.parametrize("call", sorted(MODERN_ONLY_MESSAGES))
def test_modern_messages_are_1_67s(call: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}", semantics="modern").run()
    assert at.exception[0].message == MODERN_ONLY_MESSAGES[call]
