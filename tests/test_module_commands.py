"""Module-level commands: ``st.echo``, ``st.cache`` (1.58), ``st.get_option``/``st.set_option``
(``at.options``), ``st.connection`` (``at.connections``), ``st.login``/``st.logout``
(``at.user``), ``st.column_config``, ``st.App``."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import pytest

from apptest import AppTest, AppTestError


def run(body: str, **kwargs: object) -> AppTest:
    source = "import streamlit as st\n" + textwrap.dedent(body)
    return AppTest.from_string(source, **kwargs).run()  # type: ignore[arg-type]


# -- st.echo -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("where", "order"), [("above", ["code", "markdown"]), ("below", ["markdown", "code"])]
)
def test_echo_shows_the_blocks_code_above_or_below_its_output(where: str, order: list[str]) -> None:
    at = run(
        f"""
        with st.echo({where!r}):
            greeting = "hi"
            st.write(greeting)
        st.write("after")
        """
    )
    assert [n.type for n in at.main][:2] == order
    assert at.code[0].value == 'greeting = "hi"\nst.write(greeting)'
    assert at.markdown.values == ["hi", "after"]


# -- st.cache ------------------------------------------------------------------------------------
CACHE_APP = """
st.session_state.setdefault("calls", 0)
@st.cache(allow_output_mutation={mutation})
def load():
    st.session_state.calls += 1
    return [1]
st.session_state.same = load() is load()
"""


@pytest.mark.parametrize("mutation", [False, True])
def test_cache_warns_and_caches_as_cache_data_or_cache_resource(mutation: bool) -> None:
    at = run(CACHE_APP.format(mutation=mutation))
    assert at.warning[0].value.startswith("`st.cache` is deprecated and will be removed soon.")
    assert at.warning[0].icon == ""  # a backtick is no emoji (the body is stripped, as in 1.58)
    at.run()
    assert at.session_state.calls == 1
    assert at.session_state.same is mutation  # cache_data returns copies, cache_resource not


def test_cache_warning_follows_client_show_error_details() -> None:
    at = AppTest.from_string("import streamlit as st\nst.cache(lambda: 1)")
    at.options["client.showErrorDetails"] = "none"
    at.run()
    assert not at.warning


# -- st.get_option / st.set_option ---------------------------------------------------------------
def test_options_read_streamlits_defaults_the_tests_values_and_what_the_app_set() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
get = st.get_option
st.session_state.before = (get("server.maxUploadSize"), get("client.toolbarMode"))
st.set_option("client.toolbarMode", "minimal")
st.session_state.after = st.get_option("client.toolbarMode")
"""
    )
    at.options["server.maxUploadSize"] = 50
    at.run()
    assert at.session_state.before == (50, "auto")
    assert at.session_state.after == "minimal"
    assert at.options == {"server.maxUploadSize": 50, "client.toolbarMode": "minimal"}
    at.run()
    assert at.session_state.before == (50, "minimal")  # set options stay, as in Streamlit


@pytest.mark.parametrize(
    ("call", "exc_type", "message"),
    [
        ('st.get_option("no.such")', "RuntimeError", 'Config key "no.such" not defined.'),
        (
            'st.set_option("no.such", 1)',
            "StreamlitAPIException",
            "Unrecognized config option: no.such",
        ),
        (
            'st.set_option("server.port", 1)',
            "StreamlitAPIException",
            "server.port cannot be set on the fly. Set as command line option, e.g. streamlit "
            "run script.py --server.port, or in config.toml instead.",
        ),
    ],
)
def test_option_errors_are_streamlits(call: str, exc_type: str, message: str) -> None:
    at = run(call)
    assert (at.exception[0].exc_type, at.exception[0].message) == (exc_type, message)


def test_options_follow_the_profile() -> None:
    assert run('st.write(st.get_option("mapbox.token"))').markdown.values == [""]
    at = run('st.get_option("mapbox.token")', semantics="modern")
    assert at.exception[0].message == 'Config key "mapbox.token" not defined.'
    at = run('st.write(st.get_option("server.allowedHosts"))', semantics="modern")
    assert not at.exception
    at = AppTest.from_string("import streamlit as st")
    at.options["no.such"] = 1
    with pytest.raises(AppTestError, match=r"'no\.such', which is not a Streamlit config option"):
        at.run()


# -- st.connection ------------------------------------------------------------------------------
class FakeSQL:
    def query(self, sql: str) -> list[str]:
        return [f"row of {sql}"]


class CountingConnection:
    made = 0

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        type(self).made += 1
        self.connection_name = connection_name
        self.kwargs = kwargs


def test_a_connection_the_test_provides_is_what_the_app_gets() -> None:
    at = AppTest.from_string(
        'import streamlit as st\nst.session_state.rows = st.connection("sql").query("SELECT 1")'
    )
    at.connections["sql"] = FakeSQL()
    at.run()
    assert not at.exception
    assert at.session_state.rows == ["row of SELECT 1"]


def test_a_connection_class_is_made_once_per_apptest() -> None:
    CountingConnection.made = 0
    at = run(
        f"""
        from {__name__} import CountingConnection
        conn = st.connection("mine", type=CountingConnection, timeout=3)
        st.session_state.got = (conn.connection_name, conn.kwargs)
        """
    )
    at.run()
    assert at.session_state.got == ("mine", {"timeout": 3})
    assert CountingConnection.made == 1


def test_a_connection_type_from_the_secrets() -> None:
    at = AppTest.from_string(
        'import streamlit as st\nst.session_state.got = st.connection("db").connection_name'
    )
    at.secrets = {"connections": {"db": {"type": f"{__name__}.CountingConnection"}}}
    at.run()
    assert at.session_state.got == "db"


def test_streamlits_own_connections_ask_for_one_from_the_test() -> None:
    at = run('st.connection("sql")')
    assert at.exception[0].exc_type == "StreamlitAPIUnimplementedError"
    assert 'at.connections["sql"]' in at.exception[0].message


# -- st.login / st.logout -----------------------------------------------------------------------
AUTH = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "secret",
        "client_id": "id",
        "client_secret": "client secret",
        "server_metadata_url": "https://example.com/.well-known/openid-configuration",
    }
}
LOGIN_APP = """
import streamlit as st
if not st.user.is_logged_in:
    if st.button("Log in"):
        st.login()
else:
    if st.button("Log out"):
        st.logout()
    st.write(f"Hello, {st.user.name}!")
"""


def test_login_and_logout_against_at_user() -> None:
    at = AppTest.from_string(LOGIN_APP)
    at.secrets = AUTH
    at.user = {"name": "Ann", "email": "ann@example.com"}  # what the provider will say
    at.run()
    assert at.button[0].label == "Log in"
    at.button[0].click().run()
    assert at.markdown.values == ["Hello, Ann!"]
    assert at.user == {"name": "Ann", "email": "ann@example.com", "is_logged_in": True}
    at.button[0].click().run()
    assert at.button[0].label == "Log in" and at.user == {}


@pytest.mark.parametrize(
    ("secrets", "message"),
    [
        ({}, "To use authentication features you need to configure credentials for at"),
        ({"auth": {"redirect_uri": "x"}}, 'are missing the\n            "cookie_secret" key.'),
        (
            {"auth": {"redirect_uri": "x", "cookie_secret": "y"}},
            "for the default authentication provider are missing the following keys: "
            "['client_id', 'client_secret', 'server_metadata_url'].",
        ),
    ],
)
def test_login_checks_the_auth_secrets_as_streamlit_does(
    secrets: dict[str, Any], message: str
) -> None:
    at = AppTest.from_string("import streamlit as st\nst.login()")
    at.secrets = secrets or {"other": 1}
    at.run()
    assert at.exception[0].exc_type == "StreamlitAuthError"
    assert message in at.exception[0].message


# -- st.column_config, st.App -------------------------------------------------------------------
def test_column_config_builds_streamlits_dicts() -> None:
    at = run(
        """
        import datetime as dt
        cc = st.column_config
        st.session_state.configs = [
            cc.NumberColumn("Price", format="$%d", min_value=0),
            cc.SelectboxColumn(options=[1, 2], format_func=str),
            cc.DateColumn(default=dt.date(2024, 1, 2)),
            cc.ListColumn(default=("a",)),
        ]
        st.data_editor({"a": [1]}, column_config={"a": cc.TextColumn("A", max_chars=5)})
        """
    )
    assert not at.exception
    number, select, date, listed = at.session_state.configs
    assert number == {
        "label": "Price",
        "width": None,
        "help": None,
        "disabled": None,
        "required": None,
        "pinned": None,
        "alignment": None,
        "default": None,
        "type_config": {
            "type": "number",
            "min_value": 0,
            "max_value": None,
            "format": "$%d",
            "step": None,
        },
    }
    assert select["type_config"] == {
        "type": "selectbox",
        "options": [{"value": 1, "label": "1"}, {"value": 2, "label": "2"}],
    }
    assert date["default"] == "2024-01-02" and listed["default"] == ["a"]
    assert dt  # the module is used in the app


def test_column_config_follows_the_profile() -> None:
    at = run("st.column_config.MarkdownColumn()")
    assert at.exception[0].exc_type == "AttributeError"
    at = run("st.write(st.column_config.MarkdownColumn('M')['type_config'])", semantics="modern")
    assert not at.exception


def test_st_app_is_accepted_but_not_served() -> None:
    at = run('app = st.App("app.py", debug=True)\nst.write(str(app.script_path))')
    assert at.markdown.values == ["app.py"]


def test_bokeh_chart_is_1_58s_deprecation_warning_and_nothing_else() -> None:
    at = run("st.bokeh_chart(object())")
    assert [n.type for n in at.main] == ["warning"]
    assert at.warning[0].value.startswith("st.bokeh_chart has been deprecated and removed.")
    assert at.get("bokeh_chart") == []
