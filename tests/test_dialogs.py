"""st.dialog: a modal in the event root whose content is a fragment (spec section 13)."""

from __future__ import annotations

from apptest import AppTest

VOTE = """
import streamlit as st
st.session_state.setdefault("app_runs", 0)
st.session_state.app_runs += 1

@st.dialog("Cast your vote")
def vote(item):
    st.write(f"Why is {item} your favorite?")
    reason = st.text_input("Because...")
    if st.button("Submit"):
        st.session_state.vote = {"item": item, "reason": reason}
        st.rerun()

if "vote" not in st.session_state:
    if st.button("A"):
        vote("A")
else:
    st.write(f"You voted for {st.session_state.vote['item']} because {st.session_state.vote['reason']}")
"""


def test_DG2_dialog_opens_in_the_event_root_with_a_fragment_inside() -> None:
    at = AppTest.from_string(VOTE).run()
    assert len(at.dialog) == 0
    at.button(label="A").click().run()
    (dialog,) = at.dialog
    assert dialog.path == (2, 0) and dialog.proto["title"] == "Cast your vote"
    content = dialog.children[0]
    assert content.path == (2, 0, 0) and content.fragment_id
    assert at.fragments[-1].is_dialog and at.fragments[-1].name == "vote"
    assert dialog.markdown.values == ["Why is A your favorite?"]


def test_ID5_dialog_content_id_hashes_the_internal_qualname_and_function_name() -> None:
    from apptest._profile import blake2b_hex

    at = AppTest.from_string(VOTE).run()
    at.button(label="A").click().run()
    expected = blake2b_hex(
        "streamlit.elements.dialog_decorator._dialog_decorator.<locals>.wrap.<locals>"
        ".dialog_content[2, 0, 0]vote"
    )
    assert at.fragments[-1].id == expected


def test_DG3_interactions_inside_the_dialog_rerun_only_the_dialog() -> None:
    at = AppTest.from_string(VOTE).run()
    at.button(label="A").click().run()
    app_runs = at.session_state["app_runs"]
    at.text_input(label="Because...").input("it is first").run()
    assert at.runs[-1].scope == "fragment" and at.runs[-1].fragments == ("vote",)
    assert at.session_state["app_runs"] == app_runs
    assert len(at.dialog) == 1  # still open


def test_DG4_rerun_from_the_dialog_closes_it_with_a_full_run() -> None:
    at = AppTest.from_string(VOTE).run()
    at.button(label="A").click().run()
    at.text_input(label="Because...").input("it is first").run()
    at.button(label="Submit").click().run()
    assert len(at.dialog) == 0
    assert at.markdown.values == ["You voted for A because it is first"]
    assert [f for f in at.fragments if f.is_dialog] == []  # pruned (F5)


def test_E10_second_different_dialog_in_one_run_raises() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.dialog("one")
        def one():
            st.write("1")
        @st.dialog("two")
        def two():
            st.write("2")
        one()
        two()
        """
    ).run()
    (error,) = at.exception
    assert error.exc_type == "StreamlitAPIException"
    assert error.message.startswith("Only one dialog is allowed to be opened at the same time.")


def test_E10_same_dialog_twice_is_a_duplicate_element_id() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.dialog("one")
        def one():
            st.write("1")
        one()
        one()
        """
    ).run()
    assert at.exception[0].exc_type == "StreamlitDuplicateElementId"
    assert "`dialog`" in at.exception[0].message


def test_E11_nested_dialog_raises_inside_the_outer_dialog() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.dialog("inner")
        def inner():
            st.write("never")
        @st.dialog("outer")
        def outer():
            st.write("outer body")
            inner()
        outer()
        """
    ).run()
    messages = [(e.exc_type, e.message) for e in at.exception]
    assert messages[0] == ("StreamlitAPIException", "Dialogs may not be nested inside other dialogs.")
    assert at.exception[0].path[0] == 2  # shown inside the outer dialog


def test_E12_bare_decorator_or_empty_title_raises_at_decoration() -> None:
    for decorator in ("@st.dialog", '@st.dialog("")'):
        at = AppTest.from_string(
            f"import streamlit as st\n{decorator}\ndef d():\n    pass\nst.write('after')"
        ).run()
        assert at.exception[0].exc_type == "StreamlitAPIException"
        assert "title" in at.exception[0].message
        assert at.markdown.values == []


def test_DG7_a_fragment_run_may_open_a_dialog_and_DG5_it_survives_the_openers_reruns() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.dialog("details")
        def details():
            st.write("dialog body")
        @st.fragment
        def opener():
            if st.button("open"):
                details()
            st.button("other")
        opener()
        """
    ).run()
    at.button(label="open").click().run()
    assert at.runs[-1].scope == "fragment" and len(at.dialog) == 1
    at.button(label="other").click().run()
    assert len(at.dialog) == 1  # the event root is never re-sent by the opener
    at.run()
    assert len(at.dialog) == 0


def test_DG5_seed_a_dialog_whose_opener_reran_stays_open_but_its_clicks_rerun_nothing() -> None:
    """DG5 and N3, 1.58 notes (observed in the browser): the opener's rerun that does not reopen
    the dialog drops the dialog's fragment; the dialog stays on screen, and a click inside it
    is a request for a fragment the server no longer has, so nothing runs (Q2)."""
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        @st.dialog("details")
        def details():
            st.session_state.log.append("dialog")
            st.button("inside")
        @st.fragment
        def opener():
            if st.button("open"):
                details()
            st.button("other")
        opener()
        """
    ).run()
    at.button(label="open").click().run()
    at.button(label="inside").click().run()  # DG3: while the opener has not rerun, it works
    assert at.session_state["log"] == ["dialog", "dialog"]
    at.button(label="other").click().run()
    assert len(at.dialog) == 1 and [f.name for f in at.fragments] == ["opener"]
    runs = len(at.runs)
    at.button(label="inside").click().run()
    assert len(at.runs) == runs and at.session_state["log"] == ["dialog", "dialog"]
    assert len(at.dialog) == 1


def test_DG9_two_dialog_functions_have_different_fragment_ids() -> None:
    source = """
        import streamlit as st
        @st.dialog("same title")
        def first():
            st.write("1")
        @st.dialog("same title")
        def second():
            st.write("2")
        if st.session_state.get("which") == "second":
            second()
        else:
            first()
        """
    at = AppTest.from_string(source).run()
    first_id = at.fragments[-1].id
    at.session_state["which"] = "second"
    at.run()
    assert at.fragments[-1].id != first_id
