"""Shim commands take exactly Streamlit 1.58's keywords (plus, under "modern", 1.67's).

A misspelt keyword raises Python's own ``TypeError`` in the app, as in Streamlit, instead of
passing silently; every keyword 1.58 has is accepted under both profiles, even where apptest
does not simulate what it does. Streamlit defines its commands on mixin classes, so Python's
message names the mixin (``LayoutsMixin.expander()``), and so does apptest's. Keywords added
after 1.58 are tested in ``tests/test_signatures_by_profile.py``.
"""

from __future__ import annotations

import inspect
import keyword
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import apptest._shim as shim
from apptest import AppTest
from apptest._run.layout import Container
from apptest._shim.delta_generator import DeltaGenerator

BOGUS = "definitely_not_a_kwarg"


def _container_commands() -> list[str]:
    """Every public command of ``DeltaGenerator`` (not apptest's own container plumbing)."""
    return sorted(
        name
        for name in dir(DeltaGenerator)
        if not name.startswith("_")
        and not hasattr(Container, name)
        and callable(getattr(DeltaGenerator, name))
    )


def _module_commands() -> list[str]:
    """Public ``st.*`` functions that are not bound methods of the main container."""
    return sorted(
        name
        for name in shim.__all__
        if callable(getattr(shim, name)) and not isinstance(getattr(shim, name), type)
    )


#: 1.67's commands (modern profile only): their keywords are checked in
#: tests/test_commands_surface.py.
NEWER = {"grid", "skeleton", "echarts_chart", "mermaid_chart"}
COMMANDS = [name for name in _container_commands() if name not in NEWER]
#: ``st.connection`` takes ``**kwargs`` (for the connection class), as in Streamlit.
MODULE_COMMANDS = [name for name in _module_commands() if name != "connection"]


def _required_positionals(command: object) -> int:
    params = inspect.signature(command).parameters.values()  # type: ignore[arg-type]
    return sum(
        1
        for p in params
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    )


def _call_source(name: str, command: object, extra: str) -> str:
    """An app calling ``st.<name>`` with its required positionals (dummies) plus ``extra``."""
    args = ['"x"'] * _required_positionals(command) + [extra]
    return f"import streamlit as st\nst.{name}({', '.join(args)})\n"


def _only_exception(at: AppTest) -> tuple[str, str]:
    assert len(at.exception) == 1, [e.message for e in at.exception]
    return at.exception[0].exc_type, at.exception[0].message


# -- unknown keywords ----------------------------------------------------------------------------
def test_a_misspelt_keyword_raises_pythons_own_type_error() -> None:
    at = AppTest.from_string('import streamlit as st\nst.expander("x", expandd=True)\n').run()
    assert _only_exception(at) == (
        "TypeError",
        "LayoutsMixin.expander() got an unexpected keyword argument 'expandd'",
    )


def test_the_commands_found_cover_the_module_and_its_containers() -> None:
    # The enumeration is what the tests below run over: it must see every st.* command that is
    # a method of the main container (st.write, st.button, ...) and not be empty or trivial.
    bound = {
        name
        for name, value in vars(shim).items()
        if inspect.ismethod(value) and isinstance(value.__self__, DeltaGenerator)
    }
    assert bound <= set(COMMANDS)
    assert {"write", "expander", "button", "dataframe", "spinner", "form"} <= bound
    assert {"dialog", "fragment", "rerun", "logo", "set_page_config"} <= set(MODULE_COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_container_command_rejects_an_unknown_keyword(name: str) -> None:
    command = getattr(shim.sidebar, name)
    at = AppTest.from_string(_call_source(name, command, f"{BOGUS}=1")).run()
    exc_type, message = _only_exception(at)
    assert exc_type == "TypeError"
    if name == "pyplot":
        # 1.58 hands extra keywords to matplotlib's savefig, which rejects unknown ones.
        assert f"unexpected keyword argument '{BOGUS}'" in message
    else:
        assert re.fullmatch(
            rf"\w+Mixin\.{name}\(\) got an unexpected keyword argument '{BOGUS}'", message
        ), message


@pytest.mark.parametrize("name", MODULE_COMMANDS)
def test_every_module_command_rejects_an_unknown_keyword(name: str) -> None:
    at = AppTest.from_string(_call_source(name, getattr(shim, name), f"{BOGUS}=1")).run()
    exc_type, message = _only_exception(at)
    assert exc_type == "TypeError"
    assert message.endswith(f"() got an unexpected keyword argument '{BOGUS}'"), message


def test_a_command_on_a_container_names_the_same_mixin() -> None:
    at = AppTest.from_string(
        'import streamlit as st\nst.sidebar.columns(2)[0].slider("s", maxvalue=3)\n'
    ).run()
    assert _only_exception(at) == (
        "TypeError",
        "SliderMixin.slider() got an unexpected keyword argument 'maxvalue'",
    )


def _parameters(name: str) -> set[str]:
    return set(inspect.signature(getattr(shim.sidebar, name)).parameters)


_IDENTIFIERS = st.from_regex(r"[a-z_][a-z0-9_]{0,12}", fullmatch=True).filter(
    lambda s: not keyword.iskeyword(s)
)


@given(name=st.sampled_from([n for n in COMMANDS if n != "pyplot"]), word=_IDENTIFIERS)
def test_any_keyword_outside_the_signature_is_a_type_error(name: str, word: str) -> None:
    """Rule over many names: only 1.58's keywords bind (checked before the body runs)."""
    command = getattr(shim.sidebar, name)
    if word in _parameters(name):
        return
    with pytest.raises(TypeError, match=f"unexpected keyword argument '{word}'"):
        command(*["x"] * _required_positionals(command), **{word: 1})


def test_a_keyword_only_parameter_cannot_be_passed_by_position() -> None:
    # title(body, anchor=None, *, help=None, ...): the third positional is one too many.
    at = AppTest.from_string('import streamlit as st\nst.title("T", None, "help?")\n').run()
    assert _only_exception(at) == (
        "TypeError",
        "HeadingMixin.title() takes from 2 to 3 positional arguments but 4 were given",
    )


# -- real 1.58 keywords ---------------------------------------------------------------------------
@pytest.mark.parametrize("semantics", ["seed", "modern"])
def test_real_158_keywords_are_accepted_and_recorded(semantics: str) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st

        df = {"a": [1, 2], "b": [3, 4]}
        st.dataframe(df, hide_index=True, column_order=["b", "a"], use_container_width=True)
        st.image("cat.png", use_container_width=True)
        st.plotly_chart(
            {"data": []}, use_container_width=True, theme="streamlit", key="k", on_select="ignore"
        )
        left, right = st.columns(2, gap="large", vertical_alignment="center", border=True)
        with st.container(height=300, border=True, key="c"):
            st.write("inside")
        with st.expander("x", expanded=True, icon=":material/info:"):
            st.write("body")
        st.error("bad", title="Oops", width="content")
        st.markdown("m", width="stretch", text_alignment="center")
        st.metric("Users", 10, format="compact", border=True, chart_data=[1, 2])
        st.toast("hi", duration="long")
        with st.spinner("wait", show_time=True):
            pass
        st.pyplot(None, dpi=100, bbox_inches="tight")
        """,
        semantics=semantics,
    ).run()
    assert not at.exception, [e.message for e in at.exception]
    frame = at.get("dataframe")[0].proto
    assert frame["hide_index"] is True
    assert frame["column_order"] == ["b", "a"]
    assert frame["use_container_width"] is True
    assert at.get("image")[0].proto["use_container_width"] is True
    chart = at.get("plotly_chart")[0].proto
    assert (chart["theme"], chart["key"], chart["on_select"]) == ("streamlit", "k", "ignore")
    assert at.get("pyplot")[0].proto["kwargs"] == {"dpi": 100, "bbox_inches": "tight"}
    expander = at.get("expander")[0].proto
    assert (expander["expanded"], expander["icon"]) == (True, ":material/info:")
    container = at.get("container")[0].proto
    assert (container["height"], container["border"], container["key"]) == (300, True, "c")
    assert at.get("error")[0].proto["title"] == "Oops"


@pytest.mark.parametrize("semantics", ["seed", "modern"])
def test_widget_and_layout_keywords_new_in_158_are_accepted(semantics: str) -> None:
    at = AppTest.from_string(
        """
        import streamlit as st

        st.tabs(["a", "b"], default="b", key="t", width="stretch")
        with st.popover("p", type="primary", key="pop", use_container_width=True):
            st.write("in popover")
        with st.status("s", type="compact", width="stretch"):
            pass
        st.code("x = 1", wrap_lines=True, height=100)
        st.html("<b>x</b>", unsafe_allow_javascript=False)
        st.table({"a": [1]}, border="horizontal", hide_header=True)
        st.bar_chart({"a": [1]}, horizontal=True, sort="-a", stack="normalize")
        st.map(None, latitude="lat", longitude="lon", zoom=3)
        st.button("b", shortcut="Ctrl+K", icon_position="right")
        st.text_input("t", bind="query-params")

        @st.fragment(parallel=True)
        def frag():
            st.write("fragment")

        frag()

        @st.dialog("d", dismissible=False, icon=":material/info:", on_dismiss="rerun")
        def dlg():
            st.write("dialog")
        """,
        semantics=semantics,
    ).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.get("status")[0].proto["type"] == "compact"
    assert at.get("tab_container")[0].proto["default"] == "b"
