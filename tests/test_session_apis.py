"""Session-level APIs (issue 3, item 4): st.secrets, st.query_params, st.context, st.user,
st.set_page_config, st.logo and heading anchors, with the test side on the AppTest."""

from __future__ import annotations

import importlib
import os
import re
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apptest import AppTest, AppTestError
from apptest._features.session_apis import anchor_from_text, slugify, xxh32

if TYPE_CHECKING:
    from conftest import RunApp

APPS = Path(__file__).parent / "apps"

_MORE = (
    "Did you forget to add it to secrets.toml, mount it to secret directory, or the app "
    "settings on Streamlit Cloud? More info: "
    "https://docs.streamlit.io/deploy/streamlit-community-cloud/deploy-your-app/secrets-management"
)


# -- st.secrets ---------------------------------------------------------------------------------
def test_secrets_from_the_test_dict_item_attribute_nested_in_get_to_dict() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(st.secrets["password"], st.secrets.password)
        st.write(st.secrets.db.user, st.secrets["db"]["port"])
        st.write("in:", "password" in st.secrets, "nope" in st.secrets, st.secrets.get("nope", "dflt"))
        st.write(st.secrets.to_dict())
        st.write(sorted(st.secrets), len(st.secrets.db))
        import os
        st.text(repr(os.environ.get("apptest_secret_password")))
        """
    )
    at.secrets["password"] = "streamlit"
    at.secrets["db"] = {"user": "ann", "port": 5432}
    at.secrets["apptest_secret_password"] = "not exported"
    at.run()
    assert at.markdown.values == [
        "streamlit streamlit",
        "ann `5432`",
        "in: `True` `False` dflt",
        "`2`",
    ]
    assert at.json.values[0] == (
        '{"password": "streamlit", "db": {"user": "ann", "port": 5432}, '
        '"apptest_secret_password": "not exported"}'
    )
    assert at.json.values[1] == '["apptest_secret_password", "db", "password"]'
    assert at.text.values == ["None"]  # given secrets are not put in os.environ (as AppTest)


def test_missing_secret_raises_streamlits_key_and_attribute_errors(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        for read in (lambda: st.secrets["nope"], lambda: st.secrets.nope, lambda: st.secrets.db.nope):
            try:
                read()
            except (KeyError, AttributeError) as e:
                st.text(f"{type(e).__name__}: {e.args[0]}")
        """,
        secrets={"db": {"user": "ann"}},
    )
    assert at.text.values == [
        f'KeyError: st.secrets has no key "nope". {_MORE}',
        f'AttributeError: st.secrets has no attribute "nope". {_MORE}',
        f'AttributeError: st.secrets has no attribute "nope". {_MORE}',
    ]


def test_secrets_cannot_be_assigned(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        try:
            st.secrets["x"] = 1
        except TypeError as e:
            st.text(str(e))
        try:
            st.secrets.db.user = "bob"
        except TypeError as e:
            st.text(str(e))
        """,
        secrets={"db": {"user": "ann"}},
    )
    assert at.text.values == [
        "Secrets does not support item assignment.",
        "Secrets does not support attribute assignment.",
    ]


def test_no_secrets_at_all_raises_streamlit_secret_not_found_error(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        from streamlit.errors import StreamlitSecretNotFoundError
        try:
            st.secrets.get("token")
        except FileNotFoundError as e:
            st.text(f"{type(e).__name__} {isinstance(e, StreamlitSecretNotFoundError)}")
        try:
            st.secrets.token
        except AttributeError as e:
            st.text("attribute")
        st.secrets["token"]
        """
    )
    assert at.text.values == ["StreamlitSecretNotFoundError True", "attribute"]
    assert at.exception[0].exc_type == "StreamlitSecretNotFoundError"
    assert at.exception[0].message.startswith(
        "No secrets found. Valid paths for a secrets.toml file or secret directories are:"
    )


def test_secrets_toml_beside_the_script_is_read() -> None:
    at = AppTest.from_file(APPS / "secrets_app" / "app.py").run()
    assert not at.exception
    assert at.markdown.values == [
        "Jane mypassword",
        "Streamlit",
        "in: `True` `False`",
        "env: Jane",
    ]
    assert at.json.values == [
        '["Streamlit", "Python"]',
        '{"db_username": "Jane", "db_password": "mypassword", '
        '"my_other_secrets": {"things_i_like": ["Streamlit", "Python"]}}',
    ]
    # Root-level strings are in os.environ during the run only.
    assert "db_username" not in os.environ


def test_secrets_given_to_the_test_replace_the_file_as_in_apptest() -> None:
    at = AppTest.from_file(APPS / "secrets_app" / "app.py")
    at.secrets["db_username"] = "Joe"
    at.run()
    assert at.markdown.values == []
    assert at.exception[0].message == f'st.secrets has no attribute "db_password". {_MORE}'


def test_secrets_are_read_at_run_time(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.write(st.secrets['word'])\n")
    at = AppTest.from_file(script)
    at.secrets["word"] = "one"
    at.run()
    at.secrets["word"] = "two"
    at.run()
    assert at.markdown.values == ["two"]
    at.secrets.clear()
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('word = "three"\n')
    at.run()
    assert at.markdown.values == ["three"]


def test_malformed_secrets_toml_names_the_file(tmp_path: Path) -> None:
    (tmp_path / ".streamlit").mkdir()
    bad = tmp_path / ".streamlit" / "secrets.toml"
    bad.write_text("word = \n")
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.secrets['word']\n")
    at = AppTest.from_file(script).run()
    assert at.exception[0].exc_type == "StreamlitSecretNotFoundError"
    assert at.exception[0].message.startswith(f"Error parsing secrets file at {bad}: ")


def test_toml_parser_falls_back_to_tomli_and_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from apptest._features import secrets as _secrets

    real = importlib.import_module
    fake_tomli = types.SimpleNamespace(loads=lambda text: {"parsed_by": "tomli"})

    def without_tomllib(name: str, *args: Any) -> Any:
        if name == "tomllib":
            raise ImportError(name)
        if name == "tomli":
            return fake_tomli
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", without_tomllib)
    assert _secrets.load_toml("x = 1") == {"parsed_by": "tomli"}

    def no_parser(name: str, *args: Any) -> Any:
        raise ImportError(name)

    monkeypatch.setattr(importlib, "import_module", no_parser)
    with pytest.raises(AppTestError, match="install tomli"):
        _secrets.load_toml("x = 1")


# -- st.query_params ------------------------------------------------------------------------------
def test_query_params_seeded_by_the_test_read_by_the_app() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        qp = st.query_params
        st.write(qp["tab"], qp.tab, qp.get("nope", "-"), "tab" in qp, len(qp))
        st.write(qp.get_all("tag"), qp["tag"], qp.get_all("nope"))
        st.write(qp.to_dict())
        try:
            qp["nope"]
        except KeyError as e:
            st.text(e.args[0])
        try:
            qp.nope
        except AttributeError as e:
            st.text(e.args[0])
        """
    )
    at.query_params["tab"] = "settings"
    at.query_params["tag"] = ["a", "b"]
    at.run()
    # st.write(list, str, list) writes the lists as json and the string as markdown.
    assert at.markdown.values == ["settings settings - `True` `2`", "b"]
    assert at.json.values == ['["a", "b"]', "[]", '{"tab": "settings", "tag": "b"}']
    assert at.text.values == [
        'st.query_params has no key "nope".',
        'st.query_params has no attribute "nope".',
    ]


def test_query_params_written_by_the_app_show_in_at_query_params() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.query_params["page"] = 2
        st.query_params.ids = [1, 2]
        st.query_params["blank"] = ""
        st.query_params.update({"a": "x"}, b="y")
        del st.query_params["a"]
        """
    )
    at.query_params["keep"] = "me"
    at.run()
    assert at.query_params == {
        "keep": "me", "page": "2", "ids": ["1", "2"], "blank": "", "b": "y",
    }
    # The URL persists: the next run sees what the last one wrote.
    at.run()
    assert at.query_params["page"] == "2"


def test_query_params_clear_and_from_dict_keep_embed() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(list(st.query_params), st.context.is_embedded)
        if st.session_state.get("mode") == "clear":
            st.query_params.clear()
        else:
            st.query_params.from_dict({"x": "1", "y": ["2", "3"]})
        """
    )
    at.query_params.update({"embed": "true", "old": "1"})
    at.run()
    assert at.json.values == ['["old"]']
    assert at.markdown.values == ["`True`"]
    assert at.query_params == {"embed": "true", "x": "1", "y": ["2", "3"]}
    at.session_state["mode"] = "clear"
    at.run()
    assert at.query_params == {"embed": "true"}


def test_query_params_errors_match_streamlit(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        for key, value in (("d", {"a": 1}), ("EMBED", "true")):
            try:
                st.query_params[key] = value
            except Exception as e:
                st.text(f"{type(e).__name__}: {e}")
        """
    )
    assert at.text.values == [
        "StreamlitQueryParamDictValueError: Query param value for `d` cannot be set to a "
        "dictionary. Provide a string or iterable of strings instead.",
        "StreamlitAPIException: Query param embed and embed_options (case-insensitive) cannot "
        "be set programmatically.",
    ]


query_keys = st.text(min_size=1, max_size=6).filter(lambda k: k.lower() not in ("embed", "embed_options"))


@given(st.dictionaries(query_keys, st.text(max_size=6) | st.lists(st.text(max_size=4), min_size=2, max_size=3), max_size=4))
def test_property_query_params_round_trip_through_the_url(seed: dict[str, Any]) -> None:
    """What the test seeds is what the app reads (last value) and what the test reads back."""
    at = AppTest.from_string(
        "import streamlit as st\nst.session_state.seen = st.query_params.to_dict()\n"
    )
    at.query_params = dict(seed)
    at.run()
    assert at.session_state["seen"] == {
        k: v[-1] if isinstance(v, list) else v for k, v in seed.items()
    }
    assert at.query_params == seed


# -- st.context -----------------------------------------------------------------------------------
CONTEXT_APP = """
import streamlit as st
c = st.context
st.write(c.headers.to_dict(), c.cookies.to_dict())
st.text(repr((c.timezone, c.timezone_offset, c.locale, c.theme.type, c.url, c.ip_address, c.is_embedded)))
"""


def test_context_defaults_are_what_a_silent_browser_gives(app: RunApp) -> None:
    at = app(CONTEXT_APP)
    assert at.json.values == ["{}", "{}"]
    assert at.text.values == [repr((None, None, None, None, None, None, None))]


def test_context_given_by_the_test_through_attributes_and_items() -> None:
    at = AppTest.from_string(
        CONTEXT_APP
        + "st.text(repr((c.headers['user-agent'], c.headers.get_all('X-Tag'), c.theme['type'])))"
    )
    at.context.headers = [("user-agent", "pytest"), ("x-tag", "a"), ("X-TAG", "b")]
    at.context.cookies = {"session": "abc"}
    at.context["timezone"] = "Europe/Berlin"
    at.context.timezone_offset = -60
    at.context.locale = "de-DE"
    at.context.theme = "dark"
    at.context.url = "https://example.com/"
    at.context.ip_address = "203.0.113.7"
    at.context.is_embedded = False
    at.run()
    assert at.json.values == ['{"User-Agent": "pytest", "X-Tag": "a"}', '{"session": "abc"}']
    assert at.text.values == [
        repr(("Europe/Berlin", -60, "de-DE", "dark", "https://example.com", "203.0.113.7", False)),
        repr(("pytest", ["a", "b"], "dark")),
    ]


def test_context_ip_address_is_none_for_localhost() -> None:
    at = AppTest.from_string("import streamlit as st\nst.text(repr(st.context.ip_address))")
    at.context = {"ip_address": "127.0.0.1"}
    at.run()
    assert at.text.values == ["None"]


def test_context_refuses_unknown_settings_and_wrong_types() -> None:
    at = AppTest.from_string("import streamlit as st")
    with pytest.raises(AppTestError, match=re.escape("does not support 'color'. Supported keys")):
        at.context["color"] = "red"
    with pytest.raises(AppTestError, match=r"at.context\['timezone_offset'\] must be int"):
        at.context.timezone_offset = True
    with pytest.raises(AppTestError, match="must be 'light' or 'dark'"):
        at.context.theme = "blue"
    with pytest.raises(AttributeError, match="has no setting 'colour'"):
        _ = at.context.colour
    at.context.update({"locale": 5})  # dict.update skips the checks; the run does not
    with pytest.raises(AppTestError, match=r"at.context\['locale'\] must be str"):
        at.run()


# -- st.user --------------------------------------------------------------------------------------
USER_APP = """
import streamlit as st
st.write(st.user.to_dict())
try:
    st.text(repr(st.user.is_logged_in))
except AttributeError as e:
    st.text(e.args[0])
"""


def test_user_defaults_to_apptests_test_user_without_login_state(app: RunApp) -> None:
    at = app(USER_APP)
    assert at.json.values == ['{"email": "test@example.com"}']
    assert at.text.values == ['st.user has no attribute "is_logged_in".']


def test_user_given_by_the_test() -> None:
    at = AppTest.from_string(
        USER_APP
        + """
st.text(f"{st.user['name']} {st.user.email} {st.user.tokens.id}")
try:
    st.user["name"] = "Bob"
except Exception as e:
    st.text(f"{type(e).__name__}: {e}")
"""
    )
    at.user = {"is_logged_in": True, "name": "Ann", "email": "ann@example.com", "tokens": {"id": "t0"}}
    at.run()
    assert at.text.values == [
        "True",
        "Ann ann@example.com t0",
        "StreamlitAPIException: st.user cannot be modified",
    ]


def test_user_is_logged_out_when_auth_is_configured_and_the_test_says_nothing() -> None:
    """Streamlit adds ``is_logged_in: False`` when the secrets have an ``[auth]`` section.
    apptest looks at the secrets the app sees, including ``at.secrets`` (Streamlit's AppTest
    checks only the secrets files there)."""
    at = AppTest.from_string(USER_APP)
    at.user = {}
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback"}
    at.run()
    assert at.json.values == ['{"is_logged_in": false}']
    assert at.text.values == ["False"]


def test_user_must_be_a_dict() -> None:
    at = AppTest.from_string("import streamlit as st")
    at.user = "ann"  # type: ignore[assignment]
    with pytest.raises(AppTestError, match=re.escape("at.user must be a dict")):
        at.run()


# -- st.set_page_config ---------------------------------------------------------------------------
def test_set_page_config_calls_merge_anywhere_as_in_158(app: RunApp) -> None:
    """1.46+ (so 1.58, the seed profile): any number of calls, after other elements too; each
    call overrides only what it gives."""
    at = app(
        """
        import streamlit as st
        st.write("first")
        st.set_page_config(page_title="One", layout="wide")
        st.set_page_config(page_icon="🎈", menu_items={"About": "# Hi"})
        st.set_page_config(page_title="Two", initial_sidebar_state=300)
        """
    )
    assert not at.exception
    assert at.page_config == {
        "page_title": "Two",
        "layout": "wide",
        "page_icon": "🎈",
        "menu_items": {"about": "# Hi"},
        "initial_sidebar_state": 300,
    }


def test_E16_set_page_config_in_a_fragment_run_does_not_raise(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.fragment
        def f():
            st.set_page_config(page_title=f"clicked {st.button('go')}")
        f()
        """
    )
    at.button[0].click().run()
    assert at.runs[-1].scope == "fragment" and not at.exception
    assert at.page_config["page_title"] == "clicked True"


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        ("layout='full'", "StreamlitInvalidPageLayoutError", '`layout` must be `"centered"` or `"wide"` (got `"full"`)'),
        ("initial_sidebar_state='open'", "StreamlitInvalidSidebarStateError", '`initial_sidebar_state` must be `"auto"`, `"expanded"`, `"collapsed"`, or a positive integer for width in pixels (got `"open"`)'),
        ("menu_items={'Help': None}", "StreamlitInvalidMenuItemKeyError", 'We only accept the keys: `"Get help"`, `"Report a bug"`, and `"About"` (`"help"` is not a valid key.)'),
        ("menu_items={'Get help': 'docs'}", "StreamlitInvalidURLError", '"docs" is a not a valid URL. You must use a fully qualified domain beginning with "http://", "https://", or "mailto:".'),
    ],
)
def test_set_page_config_invalid_arguments_raise_streamlits_errors(call: str, error: str, message: str, app: RunApp) -> None:
    at = app(f"import streamlit as st\nst.set_page_config({call})\n")
    assert (at.exception[0].exc_type, at.exception[0].message) == (error, message)


# -- st.logo --------------------------------------------------------------------------------------
def test_logo_is_recorded_and_dropped_by_a_full_run_without_it() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        if st.session_state.get("logo", True):
            st.logo("logo.png", link="https://example.com", size="Large")
        @st.fragment
        def f():
            st.button("go")
        f()
        """
    ).run()
    assert at.logo is not None and (at.logo.image, at.logo.size, at.logo.link) == (
        "logo.png", "large", "https://example.com",
    )
    at.session_state["logo"] = False
    at.button[0].click().run()  # a fragment run: the logo stays
    assert at.logo is not None
    at.run()
    assert at.logo is None


def test_logo_invalid_size_and_link(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        for kwargs in ({"size": "huge"}, {"link": "example.com"}):
            try:
                st.logo("logo.png", **kwargs)
            except Exception as e:
                st.text(str(e))
        """
    )
    assert at.text.values == [
        'The size argument to st.logo must be "small", "medium", or "large". \nThe argument passed was huge.',
        "Invalid link: example.com - the link param supports external links only and must start with either http:// or https://.",
    ]


# -- heading anchors ------------------------------------------------------------------------------
def test_heading_anchors_are_generated_from_the_text_or_given(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        st.title("My login page")
        st.header("Section", anchor="custom")
        st.subheader("Hidden anchor", anchor=False)
        st.title("**Bold** and [a link](https://example.com)")
        """
    )
    assert [(h.anchor, h.proto["hide_anchor"]) for h in at.title] == [
        ("my-login-page", False),
        ("bold-and-a-link", False),
    ]
    assert at.header[0].anchor == "custom"
    assert (at.subheader[0].anchor, at.subheader[0].proto["hide_anchor"]) == ("hidden-anchor", True)


def test_invalid_anchor_raises_streamlits_error(app: RunApp) -> None:
    at = app("import streamlit as st\nst.title('x', anchor=True)\nst.title('y', anchor=3)\n")
    assert at.exception[0].message == (
        "Anchor parameter has invalid value: True. Supported values: None, any string or False"
    )


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        # Streamlit's frontend test cases (StreamlitMarkdown.test.tsx)...
        ("some header", "some-header"),
        ("some -24$35-9824  header", "some-24-35-9824-header"),
        ("blah___blah___blah", "blah-blah-blah"),
        # ...and the 1.58 slug library's rules: decamelize, transliterate, "&" is "and".
        ("MyApp", "my-app"),
        ("Über uns & Co", "ueber-uns-and-co"),
        ("Crème brûlée", "creme-brulee"),
        ("Привет мир", "privet-mir"),
        ("don't stop", "dont-stop"),
    ],
)
def test_slug_of_heading_text(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_text_without_a_slug_gets_the_xxhash32_anchor() -> None:
    # xxHash32 reference values, then the browser's fallback (seed 0xABCD, hex).
    assert [xxh32(b""), xxh32(b"abc"), xxh32(b"Nobody inspects the spammish repetition")] == [
        0x02CC5D05, 0x32D153FF, 0xE2293B2F,
    ]
    assert anchor_from_text("你好") == format(xxh32("你好".encode(), 0xABCD), "x")
    assert anchor_from_text("") == ""
