"""The AppTest examples of Streamlit's "App testing" documentation, run with only the import
changed (issue 14, acceptance).

Each test is one example of these pages, its test body making the same calls and assertions
as the page (apps of our own, in ``apps/docs/``, written to the behaviour the page describes):

- GS: https://docs.streamlit.io/develop/concepts/app-testing/get-started
- BB: https://docs.streamlit.io/develop/concepts/app-testing/beyond-the-basics
- EX: https://docs.streamlit.io/develop/concepts/app-testing/examples
- CS: https://docs.streamlit.io/develop/concepts/app-testing/cheat-sheet
- API: https://docs.streamlit.io/develop/api-reference/app-testing/st.testing.v1.apptest

The ``AppTestClass`` fixture (tests/conftest.py) stands for the import: each test runs with
``apptest.AppTest`` and, when real Streamlit is installed, with
``streamlit.testing.v1.AppTest`` too, so an example passing here passes with both.

Where a page's snippet cannot run as printed in either (the cheat sheet reads elements before
the first ``run()``, and one line has a stray parenthesis), the test adds the missing
``.run()`` or drops the parenthesis and says so.
"""

from __future__ import annotations

import datetime
from contextlib import nullcontext
from typing import Any

import pandas as pd
import pytest

from apptest import AppTest


# -- GS: "A simple testing example with pytest" ---------------------------------------------------
def test_gs_increment_and_add(AppTestClass: Any) -> None:
    """A user increments the number input, then clicks the button (GS)."""
    at = AppTestClass.from_file("apps/docs/bean_counter.py").run()
    at.number_input[0].increment().run()
    at.button[0].click().run()
    assert at.markdown[0].value == "Beans counted: 1"


# -- GS: "How to retrieve elements" ---------------------------------------------------------------
def test_gs_elements_in_display_order(AppTestClass: Any) -> None:
    """Containers put button "B" above button "A" (GS, "Retrieve elements by index")."""
    at = AppTestClass.from_string(
        """
import streamlit as st
top = st.container()
bottom = st.container()
bottom.button("A")
top.button("B")
"""
    ).run()
    assert at.button[0].label == "B"
    assert at.button[1].label == "A"


def test_gs_widgets_by_key(AppTestClass: Any) -> None:
    """A key given as an argument or a keyword (GS, "Retrieve widgets by key")."""
    at = AppTestClass.from_string(
        'import streamlit as st\nst.button("Next", key="submit")\nst.button("Back", key="cancel")'
    ).run()
    assert at.button(key="submit").label == "Next"
    assert at.button("cancel").label == "Back"


def test_gs_get_by_name_and_containers(AppTestClass: Any) -> None:
    """``at.get("number_input")`` is ``at.number_input``; ``at.sidebar.checkbox``,
    ``at.main.selectbox`` and ``at.columns[0].button`` narrow the lists (GS)."""
    at = AppTestClass.from_string(
        """
import streamlit as st
st.number_input("Count")
st.markdown("Hi")
st.sidebar.checkbox("In the sidebar")
st.checkbox("In the main area")
st.selectbox("Pick", ["a", "b"])
left, right = st.columns(2)
left.button("Left")
right.button("Right")
"""
    ).run()
    assert at.get("number_input") == at.number_input
    assert at.get("markdown") == at.markdown
    assert [c.label for c in at.sidebar.checkbox] == ["In the sidebar"]
    assert len(at.main.selectbox) == 1 and len(at.sidebar.selectbox) == 0
    assert [b.label for b in at.columns[0].button] == ["Left"]


def test_gs_inspect_a_selectbox(AppTestClass: Any) -> None:
    """Options are shown as strings (GS, "How to inspect elements")."""
    at = AppTestClass.from_string(
        'import streamlit as st\nst.selectbox("A", [1,2,3], None, help="Pick a number", '
        'placeholder="Pick me")'
    ).run()
    assert at.selectbox[0].value == None  # noqa: E711 - as the page writes it
    assert at.selectbox[0].label == "A"
    assert at.selectbox[0].options == ["1", "2", "3"]
    assert at.selectbox[0].index == None  # noqa: E711
    assert at.selectbox[0].help == "Pick a number"
    assert at.selectbox[0].placeholder == "Pick me"
    assert at.selectbox[0].disabled == False  # noqa: E712


# -- BB: secrets, Session State, a multipage app ---------------------------------------------------
def test_bb_secrets_declared_before_the_first_run(AppTestClass: Any) -> None:
    """Secrets set one by one before ``run()``; the dotted key is one flat key (BB)."""
    at = AppTestClass.from_string(
        """
import streamlit as st
st.write(f"{st.secrets['db_username']}:{st.secrets['db_password']}")
st.write(", ".join(st.secrets["my_other_secrets.things_i_like"]))
"""
    )
    at.secrets["db_username"] = "Jane"
    at.secrets["db_password"] = "mypassword"
    at.secrets["my_other_secrets.things_i_like"] = ["Streamlit", "Python"]
    at.run()
    assert at.markdown.values == ["Jane:mypassword", "Streamlit, Python"]


def test_bb_session_state_key_and_attribute_notation(AppTestClass: Any) -> None:
    """``at.session_state`` takes key and attribute notation (BB)."""
    at = AppTestClass.from_string(
        "import streamlit as st\nst.write(st.session_state.get('my_key', 'unset'))"
    )
    at.session_state["my_key"] = "by key"
    at.run()
    assert at.markdown[0].value == "by key"
    at.session_state.my_key = "by attribute"
    at.run()
    assert at.session_state.my_key == at.session_state["my_key"] == "by attribute"
    assert at.markdown[0].value == "by attribute"


def test_bb_multipage_second_page_with_session_state(AppTestClass: Any) -> None:
    """The second page tested alone, the first page's word set by hand (BB)."""
    at = AppTestClass.from_file("apps/docs/pages/second.py")
    at.session_state["magic_word"] = "Balloons"
    at.run()
    assert at.markdown[0].value == ":balloon:"


# -- EX: the login page ----------------------------------------------------------------------------
def _login(cls: Any) -> Any:
    at = cls.from_file("apps/docs/login.py")
    at.secrets["password"] = "streamlit"
    return at


def test_ex_no_interaction(AppTestClass: Any) -> None:
    at = _login(AppTestClass)
    at.run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


def test_ex_incorrect_password(AppTestClass: Any) -> None:
    at = _login(AppTestClass)
    at.run()
    at.text_input[0].input("balloon").run()
    assert at.session_state["status"] == "incorrect"
    assert len(at.text_input) == 1
    assert len(at.warning) == 1
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""
    assert "Incorrect password" in at.warning[0].value


def test_ex_correct_password(AppTestClass: Any) -> None:
    at = _login(AppTestClass)
    at.run()
    at.text_input[0].input("streamlit").run()
    assert at.session_state["status"] == "verified"
    assert len(at.text_input) == 0
    assert len(at.warning) == 0
    assert len(at.success) == 1
    assert len(at.button) == 1
    assert "Login successful" in at.success[0].value
    assert at.button[0].label == "Log out"


def test_ex_log_out(AppTestClass: Any) -> None:
    at = _login(AppTestClass)
    at.session_state["status"] = "verified"
    at.run()
    at.button[0].click().run()
    assert at.session_state["status"] == "unverified"
    assert len(at.text_input) == 1
    assert len(at.warning) == 0
    assert len(at.success) == 0
    assert len(at.button) == 0
    assert at.text_input[0].value == ""


# -- API: the AppTest class page's example ---------------------------------------------------------
def test_api_word_of_the_day(AppTestClass: Any) -> None:
    at = AppTestClass.from_string(
        """
import streamlit as st
word = st.text_input("What's the word of the day?", key="word")
if word == st.secrets["WORD"]:
    st.success("That's right!")
elif word:
    st.warning("Try again.")
"""
    )
    at.secrets["WORD"] = "Foobar"
    at.run()
    assert not at.exception
    at.text_input("word").input("Bazbat").run()
    assert at.warning[0].value == "Try again."


# -- CS: the cheat sheet ---------------------------------------------------------------------------
CHEATSHEET = "apps/docs/cheatsheet.py"


def test_cs_text_elements(AppTestClass: Any) -> None:
    """The page reads the elements without a first ``run()``; added here."""
    at = AppTestClass.from_file(CHEATSHEET).run()
    assert "My app" in at.title[0].value
    assert "New topic" in at.header[0].value
    assert "Interesting sub-topic" in at.subheader[0].value
    assert len(at.divider) == 2
    assert "Hello, world!" in at.markdown[0].value
    assert "import streamlit as st" in at.code[0].value
    assert "A cool diagram" in at.caption[0].value
    assert "Hello again, world!" in at.text[0].value
    assert r"\int a x^2 \,dx" in at.latex[0].value


def test_cs_input_widgets(AppTestClass: Any) -> None:
    """The page's widget snippets in order, on one app (the first ``run()`` added; the
    text_input line's stray ``)`` dropped)."""
    at = AppTestClass.from_file(CHEATSHEET).run()
    assert at.button[0].value == False  # noqa: E712 - as the page writes it
    at.button[0].click().run()
    assert at.button[0].value == True  # noqa: E712
    assert at.checkbox[0].value == False  # noqa: E712
    at.checkbox[0].check().run()
    assert at.checkbox[0].value == True  # noqa: E712
    assert at.color_picker[0].value == "#FFFFFF"
    at.color_picker[0].pick("#000000").run()
    assert at.date_input[0].value == datetime.date(2019, 7, 6)
    at.date_input[0].set_value(datetime.date(2022, 12, 21)).run()
    assert at.multiselect[0].value == ["foo", "bar"]
    at.multiselect[0].select("baz").unselect("foo").run()
    assert at.number_input[0].value == 5
    at.number_input[0].increment().run()
    assert at.radio[0].value == "Bar"
    assert at.radio[0].index == 3
    at.radio[0].set_value("Foo").run()
    assert at.selectbox[0].value == "Bar"
    assert at.selectbox[0].index == 3
    at.selectbox[0].set_value("Foo").run()
    assert at.select_slider[0].value == "Feb"
    at.select_slider[0].set_value("Mar").run()
    # On a one-thumb slider, set_range leaves it at its default; apptest also warns (AppTest
    # gives no warning).
    with pytest.warns(UserWarning) if AppTestClass is AppTest else nullcontext():
        at.select_slider[0].set_range("Apr", "Jun").run()
    assert at.slider[0].value == 2
    at.slider[0].set_value(3).run()
    with pytest.warns(UserWarning) if AppTestClass is AppTest else nullcontext():
        at.slider[0].set_range(4, 6).run()
    assert at.text_area[0].value == "Hello, world!"
    at.text_area[0].set_value("Hello, yourself!").run()
    assert at.text_input[0].value == "Hello, world!"
    at.text_input[0].set_value("Hello, yourself!").run()
    assert at.time_input[0].value == datetime.time(8, 45)
    at.time_input[0].set_value(datetime.time(12, 30))
    assert at.toggle[0].value == False  # noqa: E712
    assert at.toggle[0].label == "Debug mode"
    at.toggle[0].set_value(True).run()
    assert at.toggle[0].value == True  # noqa: E712


def test_cs_form_submit_button_shows_up_as_a_button(AppTestClass: Any) -> None:
    at = AppTestClass.from_file("apps/docs/form_button.py").run()
    assert at.button[0].value == False  # noqa: E712
    at.button[0].click().run()
    assert at.button[0].value == True  # noqa: E712


def test_cs_data_elements(AppTestClass: Any) -> None:
    at = AppTestClass.from_file(CHEATSHEET).run()
    expected_df = pd.DataFrame([1, 2, 3])
    assert at.dataframe[0].value.equals(expected_df)
    assert at.metric[0].value == "9500"
    assert at.metric[0].delta == "1000"
    assert at.json[0].value == '["hi", {"foo": "bar"}]'
    table_df = pd.DataFrame([1, 2, 3])
    assert at.table[0].value.equals(table_df)


def test_cs_layouts_and_containers(AppTestClass: Any) -> None:
    """The page's two comparisons have no ``assert``; asserted here."""
    at = AppTestClass.from_file(CHEATSHEET).run()
    at.sidebar.text_input[0].set_value("Jane Doe")
    assert at.columns[1].markdown[0].value == "Hello, world!"
    assert at.tabs[2].markdown[0].value == "Hello, yourself!"


def test_cs_chat_elements(AppTestClass: Any) -> None:
    at = AppTestClass.from_file("apps/docs/chat.py").run()
    at.chat_input[0].set_value("Do you know any jokes?").run()
    assert at.chat_message[0].markdown[0].value == "Do you know any jokes?"
    assert at.chat_message[0].avatar == "user"


def test_cs_status_elements(AppTestClass: Any) -> None:
    at = AppTestClass.from_file(CHEATSHEET).run()
    assert len(at.exception) == 1
    assert "TypeError" in at.exception[0].value
    assert at.success[0].value == "Great job!"
    assert at.info[0].value == "Please enter an API key to continue"
    assert at.warning[0].value == "Sorry, the passwords didn't match"
    assert at.error[0].value == "Something went wrong :("
    assert at.toast[0].value == "That was lit!" and at.toast[0].icon == "🔥"
