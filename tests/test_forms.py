"""Forms (FM1-FM4, W4): buffered values, one submit run, clear_on_submit, Streamlit's errors."""

from __future__ import annotations

import pytest

from apptest import AppTest

FORM = """
import streamlit as st
st.session_state.setdefault("submits", [])

def on_submit(*args, **kwargs):
    st.session_state.submits.append((args, kwargs, st.session_state.name))

with st.form("f", clear_on_submit=CLEAR):
    name = st.text_input("Name", key="name")
    age = st.number_input("Age", 0, 120, 30, key="age")
    colour = st.selectbox("Colour", ["red", "blue"], key="colour")
    sent = st.form_submit_button("Send", on_click=on_submit, args=("a",), kwargs={"k": 1})
st.write(name, age, colour, sent)
st.button("Elsewhere")
"""


def form_app(clear: bool = False) -> AppTest:
    return AppTest.from_string(FORM.replace("CLEAR", str(clear))).run()


def shown(at: AppTest) -> str:
    return str(at.markdown.values[0])


def test_FM1_staged_values_wait_for_the_submit() -> None:
    at = form_app()
    at.text_input("name").input("Ada")
    at.number_input("age").set_value(36)
    at.run()
    assert shown(at) == "`30` red `False`"  # stripped, as Streamlit's markdown
    assert at.text_input("name").value == "Ada"  # still staged in the browser
    at.button(label="Elsewhere").click().run()  # an unrelated run does not lose them
    assert shown(at) == "`30` red `False`"  # stripped, as Streamlit's markdown
    assert at.number_input("age").value == 36


def test_FM1_submit_applies_every_value_in_one_run_and_reads_true_once() -> None:
    at = form_app()
    at.text_input("name").input("Ada")
    at.number_input("age").set_value(36)
    at.selectbox("colour").select("blue")
    runs = len(at.runs)
    at.form_submit_button[0].click().run()
    assert len(at.runs) == runs + 1
    assert shown(at) == "Ada `36` blue `True`"
    assert at.session_state["submits"] == [(("a",), {"k": 1}, "Ada")]  # CB1: before the body
    at.run()
    assert shown(at) == "Ada `36` blue `False`"
    assert len(at.session_state["submits"]) == 1


def test_FM1_submitting_one_form_leaves_the_other_forms_values_staged() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.form("a"):
            x = st.text_input("x", key="x")
            st.form_submit_button("A")
        with st.form("b"):
            y = st.text_input("y", key="y")
            st.form_submit_button("B")
        st.write(x, "|", y)
        """
    ).run()
    at.text_input("x").input("1")
    at.text_input("y").input("2")
    at.form_submit_button(label="A").click().run()
    assert at.markdown.values == ["1 |"]
    at.form_submit_button(label="B").click().run()
    assert at.markdown.values == ["1 | 2"]


def test_FM4_clear_on_submit_resets_the_browser_values_not_the_apps() -> None:
    at = form_app(clear=True)
    at.text_input("name").input("Ada")
    at.number_input("age").set_value(36)
    at.form_submit_button[0].click().run()
    assert shown(at) == "Ada `36` red `True`"
    # The browser shows the defaults again, held as the form's pending values ...
    assert (at.text_input("name").value, at.number_input("age").value) == ("", 30)
    # ... the app keeps the submitted values until the next submit sends the defaults.
    at.button(label="Elsewhere").click().run()
    assert shown(at) == "Ada `36` red `False`"
    assert at.session_state["name"] == "Ada"
    at.form_submit_button[0].click().run()
    assert shown(at) == "`30` red `True`"


def test_FM4_a_value_staged_after_the_clear_replaces_the_default() -> None:
    at = form_app(clear=True)
    at.text_input("name").input("Ada")
    at.form_submit_button[0].click().run()
    at.text_input("name").input("Bo")
    at.form_submit_button[0].click().run()
    assert shown(at) == "Bo `30` red `True`"


def test_FM1_form_in_a_fragment_submits_as_a_fragment_run() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def part():
            with st.form("f"):
                v = st.text_input("v", key="v")
                st.form_submit_button("Go")
            st.write("fragment", v)
        part()
        st.write("app")
        """
    ).run()
    at.text_input("v").input("hi")
    at.form_submit_button[0].click().run()
    assert at.runs[-1].scope == "fragment"
    assert at.markdown.values == ["fragment hi", "app"]


def test_FM2_fragment_inside_a_form_belongs_to_the_form() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def part():
            return st.text_input("v", key="v")
        with st.form("f"):
            v = part()
            st.form_submit_button("Go")
        st.write(repr(v))
        """
    ).run()
    at.text_input("v").input("hi").run()
    assert at.markdown.values == ["''"]  # buffered: the widget's form is "f"
    assert at.text_input("v").form_id == "f"
    at.form_submit_button[0].click().run()
    assert at.runs[-1].scope == "app"
    assert at.markdown.values == ["'hi'"]


def test_W4_submit_button_key_names_the_form_and_label() -> None:
    at = form_app()
    assert at.form_submit_button[0].key == "FormSubmitter:f-Send"
    assert at.form_submit_button("FormSubmitter:f-Send").label == "Send"
    assert at.form[0].proto["clear_on_submit"] is False


ERRORS = [
    ('with st.form("f"):\n    st.button("b")', "StreamlitAPIException",
     "`st.button()` can't be used in an `st.form()`.\n\nFor more information, refer to the\n"
     "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."),
    ('with st.form("f"):\n    st.download_button("d", "x")', "StreamlitAPIException",
     "`st.download_button()` can't be used in an `st.form()`.\n\nFor more information, refer to the\n"
     "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."),
    ('st.form_submit_button("x")', "StreamlitAPIException",
     "`st.form_submit_button()` must be used inside an `st.form()`.\n\nFor more information, refer to the\n"
     "[documentation for forms](https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."),
    ('with st.form("a"):\n    with st.form("b"):\n        pass', "StreamlitAPIException",
     "Forms cannot be nested in other forms."),
    ('with st.form("f"):\n    st.checkbox("c", on_change=print)', "StreamlitInvalidFormCallbackError",
     "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining callbacks on "
     "other widgets inside a form is not allowed."),
    ('with st.form("f"):\n    st.chat_input()', "StreamlitAPIException",
     "`st.chat_input()` can't be used in a `st.form()`."),
    ('st.form("f")\nst.form("f")', "StreamlitAPIException",
     "There are multiple identical forms with `key='f'`.\n\nTo fix this, please make sure that the "
     "`key` argument is unique for\neach `st.form` you create."),
    ('st.session_state.f = 1\nst.form("f")', "StreamlitValueAssignmentNotAllowedError",
     "Values for the widget with `key` 'f' cannot be set using `st.session_state`."),
    ('st.form("f")\nst.session_state.f = 1', "StreamlitAPIException",
     "`st.session_state.f` cannot be modified after the widget with key `f` is instantiated."),
]


@pytest.mark.parametrize(("body", "exc_type", "message"), ERRORS, ids=[e[0].split("\n")[-1].strip() for e in ERRORS])
def test_FM3_SS1_SS2_form_errors_are_streamlits(body: str, exc_type: str, message: str) -> None:
    at = AppTest.from_string("import streamlit as st\n" + body).run()
    assert [(e.exc_type, e.message) for e in at.exception] == [(exc_type, message)]


def test_form_callbacks_on_the_submit_button_are_allowed_and_the_sidebar_form_works() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.sidebar.form("s"):
            v = st.slider("v", 0, 10, key="v")
            st.form_submit_button("Apply")
        st.write(v)
        """
    ).run()
    at.slider("v").set_value(4).run()
    assert at.markdown.values == ["`0`"]
    at.sidebar.form_submit_button[0].click().run()
    assert at.markdown.values == ["`4`"]


def test_form_without_a_submit_button_records_nothing() -> None:
    """Streamlit shows "Missing Submit Button" in the browser only: no delta, no exception."""
    at = AppTest.from_string(
        'import streamlit as st\nwith st.form("f"):\n    st.text_input("t")\nst.write("ok")'
    ).run()
    assert not at.exception and not at.error and not at.warning
    assert at.markdown.values == ["ok"]
