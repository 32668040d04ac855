"""Compatibility with Streamlit's AppTest (issue 3, item 5).

Each scenario is written the way Streamlit's app-testing documentation writes it (the
"App testing" API reference, "Get started", "Beyond the basics", the login example and the
cheat sheet, and the ``AppTest`` reference for ``switch_page``, ``query_params``, ``user``
and ``context``), with our own app scripts but the same API calls, and runs against
``apptest.AppTest`` unchanged except for the import. Where apptest deliberately differs from
``streamlit.testing.v1.AppTest``, the test's docstring says so.

The cases of issue 14 (element parity, errors AppTest users catch) take the ``AppTestClass``
fixture (tests/conftest.py): each runs once with apptest and once with Streamlit's own
``AppTest`` when real Streamlit is installed (skipped otherwise), and its docstring gives the
AppTest 1.67 result it matches.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from apptest import AppTest, AppTestError, InvalidValueError

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


# == issue 14: AppTest 1.67's element tree (item 2) ==============================================
@contextmanager
def one_thumb_warning(cls: Any) -> Iterator[None]:
    """apptest warns where AppTest silently resets a one-thumb slider; AppTest does not."""
    if cls is AppTest:
        with pytest.warns(UserWarning, match="one thumb"):
            yield
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield


def test_lists_have_len(AppTestClass: Any) -> None:
    """AppTest 1.67: ``ElementList.len`` and ``WidgetList.len`` are ``len()``: 2 and 1."""
    at = AppTestClass.from_string(
        "import streamlit as st\nst.write('a')\nst.write('b')\nst.button('Go')"
    ).run()
    assert (at.markdown.len, at.button.len, at.checkbox.len) == (2, 1, 0)


def test_markdown_and_write_text_are_dedented_and_stripped(AppTestClass: Any) -> None:
    """AppTest 1.67: ``'Hello\\nworld'`` (Streamlit's ``clean_text``: dedent, then strip), for
    ``st.markdown``, ``st.write`` text, headings, captions, ``st.text`` and alerts."""
    at = AppTestClass.from_string(
        '''
import streamlit as st
st.markdown("""
    Hello
    world
""")
st.write("""
    a
      b
""", "c ")
st.title("  Spaced title  ")
st.caption("\\n  cap  \\n")
st.text("  plain  ")
st.error("""
    bad
""")
'''
    ).run()
    assert at.markdown.values == ["Hello\nworld", "a\n     b\nc"]  # joined by " ", then cleaned
    assert at.title[0].value == "Spaced title"
    assert (at.caption[0].value, at.text[0].value, at.error[0].value) == ("cap", "plain", "bad")


def test_latex_value_is_wrapped_in_double_dollars(AppTestClass: Any) -> None:
    """AppTest 1.67: ``st.latex("E=mc^2")`` reads ``'$$\\nE=mc^2\\n$$'``."""
    at = AppTestClass.from_string("import streamlit as st\nst.latex('  E=mc^2  ')").run()
    assert at.latex[0].value == "$$\nE=mc^2\n$$"


def test_headings_hide_anchor_and_divider(AppTestClass: Any) -> None:
    """AppTest 1.67: ``hide_anchor`` True for ``anchor=False``; ``divider=True`` reads
    ``'auto'``, a colour itself."""
    at = AppTestClass.from_string(
        "import streamlit as st\n"
        "st.title('Quiet', anchor=False)\nst.header('Loud', divider=True)\n"
        "st.subheader('Blue', divider='blue')"
    ).run()
    assert (at.title[0].hide_anchor, at.header[0].hide_anchor) == (True, False)
    assert (at.header[0].divider, at.subheader[0].divider) == ("auto", "blue")


def test_json_is_its_own_kind_with_expanded(AppTestClass: Any) -> None:
    """AppTest 1.67: ``st.json`` and ``st.write(dict)`` are ``json`` nodes; ``.expanded`` is
    False for ``expanded=False`` and True otherwise (an int depth included)."""
    at = AppTestClass.from_string(
        "import streamlit as st\n"
        "st.json({'a': 1}, expanded=False)\nst.json([1], expanded=2)\nst.write({'b': 2})"
    ).run()
    assert at.json.values == ['{"a": 1}', "[1]", '{"b": 2}']
    assert [j.expanded for j in at.json] == [False, True, True]
    assert [at.main[i].type for i in range(3)] == ["json", "json", "json"]
    assert at.markdown.len == 0


def test_captions_say_so(AppTestClass: Any) -> None:
    """AppTest 1.67: ``is_caption`` is True for ``st.caption``, False for ``st.markdown``."""
    at = AppTestClass.from_string(
        "import streamlit as st\nst.markdown('m')\nst.caption('c', unsafe_allow_html=True)"
    ).run()
    assert (at.markdown[0].is_caption, at.caption[0].is_caption) == (False, True)
    assert at.caption[0].allow_html is True


def test_button_lists_form_submit_buttons_in_document_order(AppTestClass: Any) -> None:
    """AppTest 1.67: ``at.button`` holds ``st.button`` and ``st.form_submit_button`` widgets
    in document order (``['Before', 'Send', 'After']``); clicking the submit button through
    ``at.button`` submits the form: the app reads ``True`` and the staged text."""
    at = AppTestClass.from_string(
        """
import streamlit as st
st.button("Before")
with st.form("f"):
    name = st.text_input("Name")
    sent = st.form_submit_button("Send")
st.button("After")
st.write(f"sent={sent} name={name}")
"""
    ).run()
    assert [b.label for b in at.button] == ["Before", "Send", "After"]
    assert [b.label for b in at.form_submit_button] == ["Send"]
    at.text_input[0].input("Ann")
    at.button[1].click().run()
    assert at.markdown[0].value == "sent=True name=Ann"


def test_image_progress_and_html_accessors(AppTestClass: Any) -> None:
    """AppTest 1.67: ``at.image[0].value == ['https://example.com/cat.png']`` with
    ``.captions == ['A cat']``; ``at.progress[0].value == 25`` (from 0.25), ``.text ==
    'Loading'``; ``at.html[0].value == '<b>hi</b>'`` (stripped)."""
    at = AppTestClass.from_string(
        "import streamlit as st\n"
        "st.image('https://example.com/cat.png', caption='A cat')\n"
        "st.progress(0.25, text=' Loading ')\nst.progress(70)\nst.html('  <b>hi</b>  ')"
    ).run()
    assert at.image[0].value == ["https://example.com/cat.png"]
    assert at.image[0].captions == ["A cat"]
    assert [(p.value, p.text) for p in at.progress] == [(25, "Loading"), (70, "")]
    assert at.html[0].value == "<b>hi</b>"
    assert len(at.get("image")) == len(at.get("progress")) - 1 == 1


def test_keyed_containers_and_forms_by_key(AppTestClass: Any) -> None:
    """AppTest 1.67: element lists are callable by key, containers included; a form's key is
    its ``key``: ``'order'``."""
    at = AppTestClass.from_string(
        """
import streamlit as st
with st.container(key="box"):
    st.write("inside")
with st.form("order"):
    st.text_input("Item")
    st.form_submit_button()
"""
    ).run()
    assert at.container("box").markdown[0].value == "inside"
    assert at.form[0].key == "order"
    assert at.get_by_key("box").markdown.values == ["inside"]


def test_element_parameters_read_as_attributes(AppTestClass: Any) -> None:
    """AppTest 1.67: a node's other parameters read as attributes: ``Code.language``,
    ``Metric.label/delta/help``, ``Tab.label``, ``Expander.label/icon``, alerts' ``icon``
    ('' when none), ``Exception.message/is_warning``."""
    at = AppTestClass.from_string(
        """
import streamlit as st
st.code("x = 1", language="python")
st.metric("Temp", "70 F", "-1 F", help="Outside")
tab_a, tab_b = st.tabs(["A", "B"])
with st.expander("More", icon="🔥"):
    st.info("note")
st.exception(ValueError("boom"))
"""
    ).run()
    assert at.code[0].language == "python"
    metric = at.metric[0]
    assert (metric.label, metric.value, metric.delta) == ("Temp", "70 F", "-1 F")
    assert metric.help == "Outside"
    assert [t.label for t in at.tabs] == ["A", "B"]
    assert (at.expander[0].label, at.expander[0].icon) == ("More", "🔥")
    assert at.info[0].icon == ""
    exc = at.exception[0]
    assert (exc.value, exc.message, exc.is_warning) == ("boom", "boom", False)


def test_a_leading_icon_of_an_alert_becomes_its_icon(AppTestClass: Any) -> None:
    """AppTest 1.67: ``st.error("🚨 Bad")`` reads ``('Bad', '🚨')``; a leading Material icon
    too; with ``icon=`` the body stays whole."""
    at = AppTestClass.from_string(
        "import streamlit as st\nst.error('🚨 Bad')\nst.info(':material/info: Note')\n"
        "st.warning('🔥 Hot', icon='⚠️')\nst.success('Plain')"
    ).run()
    alerts = [*at.error, *at.info, *at.warning, *at.success]
    assert [(a.value, a.icon) for a in alerts] == [
        ("Bad", "🚨"),
        ("Note", ":material/info:"),
        ("🔥 Hot", "⚠️"),
        ("Plain", ""),
    ]


def test_code_help_and_stack_trace(AppTestClass: Any) -> None:
    """AppTest 1.67: ``Code.language`` ("plaintext" for ``language=None``) and
    ``.show_line_numbers``; ``at.help[0].value == "len"`` with its ``.doc_string``;
    ``Exception.stack_trace`` is a list, one entry per frame."""
    at = AppTestClass.from_string(
        "import streamlit as st\nst.code('x = 1', line_numbers=True)\n"
        "st.code('plain', language=None)\nst.help(len)\nst.write(1 / 0)"
    ).run()
    assert [(c.value, c.language, c.show_line_numbers) for c in at.code] == [
        ("x = 1", "python", True),
        ("plain", "plaintext", False),
    ]
    assert at.help[0].value == "len"
    assert at.help[0].doc_string.startswith("Return the number of items")
    trace = at.exception[0].stack_trace
    assert isinstance(trace, list) and len(trace) == 1 and "line 5" in trace[0]


def test_clicking_an_element_that_takes_no_input_raises(AppTestClass: Any) -> None:
    """AppTest 1.67: ``click()``/``set_value()`` on a markdown element raise its
    ``AppTestError`` when called (the attribute itself exists)."""
    at = AppTestClass.from_string("import streamlit as st\nst.write('text')").run()
    assert hasattr(at.markdown[0], "click")
    for verb in ("click", "set_value"):
        with pytest.raises(Exception) as err:  # noqa: PT011 - each library its own class
            getattr(at.markdown[0], verb)(*(() if verb == "click" else ("x",)))
        assert type(err.value).__name__ == "AppTestError"


def test_dialog_title_is_its_label() -> None:
    """Like expanders and popovers, a dialog block gives its title as ``.label`` (AppTest
    1.67 lists no dialogs; apptest's ``at.dialog`` is its own)."""
    at = AppTest.from_string(
        """
import streamlit as st

@st.dialog("Confirm order")
def confirm():
    st.write("Sure?")

with st.popover("Options"):
    st.write("menu")
if st.button("Open"):
    confirm()
"""
    ).run()
    at.button[0].click().run()
    assert at.dialog[0].label == "Confirm order"
    assert at.popover[0].label == "Options"


# == issue 14: errors AppTest users catch (item 4) ================================================
def test_an_option_not_offered_is_a_value_error(AppTestClass: Any) -> None:
    """AppTest 1.67: ``set_value`` of an option a radio or selectbox does not offer raises
    ``ValueError`` (by the next ``run()``). apptest raises when staging, an
    ``InvalidValueError``: an ``AppTestError`` and a ``ValueError``, with its own message."""
    at = AppTestClass.from_string(
        "import streamlit as st\nst.radio('Size', ['S', 'M'])\nst.selectbox('City', ['Oslo'])"
    ).run()
    with pytest.raises(ValueError):
        at.radio[0].set_value("XL").run()
    with pytest.raises(ValueError):
        at.selectbox[0].set_value("Rome").run()


def test_the_value_error_keeps_apptests_message() -> None:
    at = AppTest.from_string("import streamlit as st\nst.radio('Size', ['S', 'M'])").run()
    with pytest.raises(InvalidValueError, match=r"cannot take 'XL'.*one of \['S', 'M'\]") as err:
        at.radio[0].set_value("XL")
    assert isinstance(err.value, AppTestError) and isinstance(err.value, ValueError)


def test_select_slider_reversed_range_is_sorted(AppTestClass: Any) -> None:
    """AppTest 1.67: ``set_range("L", "S")`` on a range select slider gives the app
    ``('S', 'L')``: the pair in option order."""
    at = AppTestClass.from_string(
        "import streamlit as st\n"
        "st.session_state['v'] = st.select_slider('Size', ['S', 'M', 'L'], value=('S', 'M'))"
    ).run()
    at.select_slider[0].set_range("L", "S").run()
    assert at.session_state["v"] == ("S", "L")


def test_set_range_on_a_one_thumb_slider_gives_its_default(AppTestClass: Any) -> None:
    """AppTest 1.67 (the cheat sheet calls it): ``set_range`` on a one-thumb slider leaves
    the app reading the slider's default (``2`` and ``'Feb'`` here). apptest also warns."""
    at = AppTestClass.from_string(
        """
import streamlit as st
st.session_state["n"] = st.slider("N", 0, 10, 2)
st.session_state["m"] = st.select_slider("Month", ["Jan", "Feb", "Mar", "Apr"], "Feb")
"""
    ).run()
    at.slider[0].set_value(7)
    at.select_slider[0].set_value("Mar").run()
    assert (at.session_state["n"], at.session_state["m"]) == (7, "Mar")
    with one_thumb_warning(AppTestClass):
        at.slider[0].set_range(4, 6)
        at.select_slider[0].set_range("Jan", "Apr")
    at.run()
    assert (at.session_state["n"], at.session_state["m"]) == (2, "Feb")


def test_a_number_out_of_range_raises() -> None:
    """Deliberate difference: AppTest 1.67 sends 20 to ``number_input('n', 0, 10)`` and the
    app keeps its old value (0) without a word; apptest raises an ``InvalidValueError`` (a
    ``ValueError``) naming the range, as the browser cannot send it."""
    at = AppTest.from_string("import streamlit as st\nst.number_input('n', 0, 10)").run()
    with pytest.raises(ValueError, match=r"outside the widget's range \[0, 10\]"):
        at.number_input[0].set_value(20)


def test_text_over_max_chars_raises() -> None:
    """Deliberate difference: AppTest 1.67 ignores text longer than ``max_chars`` (the app
    reads ''); apptest raises, as the browser cannot send it."""
    at = AppTest.from_string("import streamlit as st\nst.text_input('code', max_chars=3)").run()
    with pytest.raises(InvalidValueError, match="at most max_chars=3"):
        at.text_input[0].input("abcdef")


def test_time_sleep_is_virtual() -> None:
    """Deliberate difference: ``time.sleep`` in the app returns at once and moves apptest's
    virtual clock (AppTest really sleeps, and its 3 s default timeout would end this run)."""
    at = AppTest.from_string(
        "import time\nimport streamlit as st\nt = time.time()\ntime.sleep(3600)\n"
        "st.write(round(time.time() - t))"
    ).run()
    assert at.markdown[0].value == "`3600`"
