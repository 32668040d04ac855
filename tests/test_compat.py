"""Compatibility with Streamlit's AppTest (issue 3, item 5).

Each scenario is written the way Streamlit's app-testing documentation writes it (the
"App testing" API reference, "Get started", "Beyond the basics", the login example and the
cheat sheet, and the ``AppTest`` reference for ``switch_page``, ``query_params``, ``user``
and ``context``), with our own app scripts but the same API calls, and runs against
``apptest.AppTest`` unchanged except for the import. Where apptest deliberately differs from
``streamlit.testing.v1.AppTest``, the test's docstring says so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apptest import AppTest, AppTestError

# -- API reference: from_file / from_string / from_function with at.secrets -----------------------
WORD_APP = """
import streamlit as st

word_of_the_day = st.text_input("What's the word of the day?", key="word")
if word_of_the_day == st.secrets["WORD"]:
    st.success("That's right!")
elif word_of_the_day and word_of_the_day != st.secrets["WORD"]:
    st.warning("Try again.")
"""


def test_from_string_with_secrets_and_a_keyed_text_input() -> None:
    at = AppTest.from_string(WORD_APP)
    at.secrets["WORD"] = "Foobar"
    at.run()
    assert not at.exception

    at.text_input("word").input("Bazbat").run()
    assert at.warning[0].value == "Try again."

    at.text_input("word").input("Foobar").run()
    assert at.success[0].value == "That's right!"


def word_app_function() -> None:
    import streamlit as st

    word_of_the_day = st.text_input("What's the word of the day?", key="word")
    if word_of_the_day == st.secrets["WORD"]:
        st.success("That's right!")
    elif word_of_the_day and word_of_the_day != st.secrets["WORD"]:
        st.warning("Try again.")


def test_from_function_with_secrets() -> None:
    at = AppTest.from_function(word_app_function)
    at.secrets["WORD"] = "Foobar"
    at.run()
    assert not at.exception
    at.text_input("word").input("Foobar").run()
    assert at.success[0].value == "That's right!"


# -- the login example (concepts/app-testing/examples) ---------------------------------------------
def test_login_no_interaction() -> None:
    at = AppTest.from_file("apps/compat/login.py")
    at.secrets["passcode"] = "open sesame"
    at.run()
    assert at.session_state["status"] == "locked"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_login_incorrect_passcode() -> None:
    at = AppTest.from_file("apps/compat/login.py")
    at.secrets["passcode"] = "open sesame"
    at.run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "wrong"
    assert len(at.text_input) == 1
    assert len(at.warning) == 1
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
    assert "Wrong passcode" in at.warning[0].value


def test_login_correct_passcode() -> None:
    at = AppTest.from_file("apps/compat/login.py")
    at.secrets["passcode"] = "open sesame"
    at.run()
    at.text_input[0].input("open sesame").run()
    assert at.session_state["status"] == "open"
    assert len(at.text_input) == 0
    assert len(at.warning) == 0
    assert len(at.success) == 1
    assert len(at.button) == 1
    assert "The vault is open" in at.success[0].value
    assert at.button[0].label == "Lock"


def test_login_log_out_after_jumping_to_a_state_through_session_state() -> None:
    at = AppTest.from_file("apps/compat/login.py")
    at.secrets["passcode"] = "open sesame"
    at.session_state["status"] = "open"
    at.run()
    at.button[0].click().run()
    assert at.session_state["status"] == "locked"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


# -- beyond the basics ---------------------------------------------------------------------------
def test_secrets_declared_before_the_first_run_including_a_dotted_key() -> None:
    """As in AppTest, ``at.secrets`` is a plain dict: the docs' dotted key
    ``"my_other_secrets.things_i_like"`` is one flat key, not a section."""
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(st.secrets["db_username"], st.secrets.db_password)
        st.write(st.secrets["my_other_secrets.things_i_like"])
        st.write("my_other_secrets" in st.secrets)
        """
    )
    at.secrets["db_username"] = "Jane"
    at.secrets["db_password"] = "mypassword"
    at.secrets["my_other_secrets.things_i_like"] = ["Streamlit", "Python"]
    at.run()
    assert at.markdown.values == ["Jane mypassword", "`False`"]
    assert at.json[0].value == '["Streamlit", "Python"]'


def test_session_state_key_and_attribute_notation() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.count = st.session_state.get("count", 0) + 1
        st.write(st.session_state.count)
        """
    )
    at.session_state["count"] = 41
    at.run()
    assert at.session_state["count"] == 42
    assert at.session_state.count == 42
    at.session_state.count = 0
    at.run()
    assert at.markdown.values == ["`1`"]


def test_multipage_second_page_tested_on_its_own_with_session_state() -> None:
    at = AppTest.from_file("apps/compat/pages/second.py")
    at.session_state["motto"] = "Party"
    at.run()
    assert at.markdown[0].value == ":tada:"


def test_multipage_switch_page_then_run() -> None:
    """``AppTest.switch_page``: relative to the main script; the next ``run()`` shows it.
    Session State carries over, as when a user navigates."""
    at = AppTest.from_file("apps/compat/first.py").run()
    at.text_input[0].input("Party").run()
    at.button[0].click().run()
    at.switch_page("pages/second.py").run()
    assert at.markdown[0].value == ":tada:"


def test_switch_page_to_a_missing_page_is_a_value_error() -> None:
    at = AppTest.from_file("apps/compat/first.py").run()
    with pytest.raises(ValueError, match=re.escape("Unable to find script at pages/third.py")):
        at.switch_page("pages/third.py")


def test_query_params_seeded_before_the_run_and_read_after() -> None:
    """apptest reads ``at.query_params`` back as AppTest 1.67 does: one value is a ``str``,
    a repeated key a ``list[str]``. (1.58's AppTest gave every value as a list.)"""
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(f"Showing {st.query_params['tab']}")
        st.query_params["seen"] = "yes"
        """
    )
    at.query_params["tab"] = "orders"
    at.run()
    assert at.markdown[0].value == "Showing orders"
    assert at.query_params["seen"] == "yes"
    assert at.query_params["tab"] == "orders"


# -- get started: retrieving elements ---------------------------------------------------------------
def test_elements_are_ordered_by_display_position() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        first = st.container()
        second = st.container()
        second.button("A")
        first.button("B")
        """
    ).run()
    assert at.button[0].label == "B"
    assert at.button[1].label == "A"


def test_widgets_by_key() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.button("Next", key="submit")
        st.button("Back", key="cancel")
        """
    ).run()
    assert at.button(key="submit").label == "Next"
    assert at.button("cancel").label == "Back"


def test_increment_and_add() -> None:
    """The get-started example: a number input and a button."""
    at = AppTest.from_string(
        """
        import streamlit as st
        beans = st.number_input("Beans", 0)
        if st.button("Add"):
            st.session_state.total = st.session_state.get("total", 0) + beans
        st.markdown(f"Beans counted: {st.session_state.get('total', 0)}")
        """
    ).run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"


# -- cheat sheet ----------------------------------------------------------------------------------
def test_cheat_sheet_text_and_status_elements() -> None:
    at = AppTest.from_file("apps/compat/cheatsheet_app.py").run()
    assert "Inventory app" in at.title[0].value
    assert "Stock levels" in at.header[0].value
    assert "Warehouse A" in at.subheader[0].value
    assert len(at.divider) == 2
    assert "Hello from the warehouse!" in at.markdown[0].value
    assert "import streamlit as st" in at.code[0].value
    assert "A diagram of shelves" in at.caption[0].value
    assert "Counted this morning" in at.text[0].value
    assert r"\sum_i x_i" in at.latex[0].value
    assert at.success[0].value == "Stock is fine!"
    assert at.info[0].value == "Enter a location to continue"
    assert at.warning[0].value == "Two shelves are low"
    assert at.error[0].value == "The scanner is offline :("
    assert at.toast[0].value == "Counted!" and at.toast[0].icon == "📦"


def test_cheat_sheet_input_widgets() -> None:
    at = AppTest.from_file("apps/compat/cheatsheet_app.py").run()
    assert at.button[0].value == False  # noqa: E712 - written as the cheat sheet writes it
    at.button[0].click().run()
    assert at.button[0].value == True  # noqa: E712
    assert at.checkbox[0].value == False  # noqa: E712
    at.checkbox[0].check().run()
    assert at.checkbox[0].value == True  # noqa: E712
    assert at.toggle[0].value == False  # noqa: E712
    assert at.toggle[0].label == "Debug mode"
    at.toggle[0].set_value(True).run()
    assert at.toggle[0].value == True  # noqa: E712
    assert at.text_input[0].value == "Aisle 3"
    at.text_input[0].set_value("Aisle 4").run()
    assert at.text_input[0].value == "Aisle 4"


# -- AppTest 1.67 attributes: user, context ---------------------------------------------------------
def test_user_logged_in_and_logged_out() -> None:
    """``at.user`` as AppTest 1.67 documents it (1.58's AppTest has no ``user``)."""
    app = """
    import streamlit as st
    if st.user.is_logged_in:
        st.write(f"Hello, {st.user.name}!")
    else:
        st.write("Please log in.")
    """
    at = AppTest.from_string(app)
    at.user = {"is_logged_in": True, "name": "Ann", "email": "ann@example.com"}
    at.run()
    assert at.markdown[0].value == "Hello, Ann!"
    at.user = {"is_logged_in": False}
    at.run()
    assert at.markdown[0].value == "Please log in."


def test_context_timezone_locale_and_theme() -> None:
    """``at.context`` takes AppTest 1.67's keys (1.58's AppTest has no ``context``); apptest
    also accepts ``headers``, ``cookies`` and ``ip_address``, which AppTest cannot seed."""
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(st.context.timezone, st.context.locale, st.context.theme.type)
        st.write(st.context.headers["User-Agent"])
        """
    )
    at.context["timezone"] = "Europe/Berlin"
    at.context["locale"] = "de-DE"
    at.context["theme"] = "dark"
    at.context["headers"] = {"User-Agent": "pytest"}
    at.run()
    assert at.markdown.values == ["Europe/Berlin de-DE dark", "pytest"]


# -- deliberate differences -------------------------------------------------------------------------
def test_cache_is_not_shared_between_apptests() -> None:
    """Deliberate difference: Streamlit's AppTest keeps ``st.cache_data`` in the process, so a
    second AppTest of the same app gets the first one's cached values (its counter would stay
    at 0). apptest keeps caches per AppTest, so every test starts cold."""
    first = AppTest.from_file("apps/cache_counter.py").run()
    second = AppTest.from_file("apps/cache_counter.py").run()
    assert first.markdown[0].value == "calls=1"
    assert second.markdown[0].value == "calls=1"


def test_at_switch_page_in_a_one_page_app_raises(tmp_path: Path) -> None:
    """Deliberate difference: with no ``pages/`` folder and no ``st.navigation``, AppTest
    accepts the switch and silently runs the main script again; apptest runs it too, then
    raises an AppTestError saying the switch had no effect."""
    (tmp_path / "main.py").write_text("import streamlit as st\nst.title('Main')\n")
    (tmp_path / "other.py").write_text("import streamlit as st\nst.title('Other')\n")
    at = AppTest.from_file(str(tmp_path / "main.py")).run()
    at.switch_page("other.py")
    with pytest.raises(AppTestError, match="had no effect"):
        at.run()
    assert at.title[0].value == "Main"
