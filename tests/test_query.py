"""The query API (issue 2, point 7), compatible with ``streamlit.testing.v1.AppTest``.

Typed lists per element kind, lookups by key and by label with errors that list what exists,
scoped queries on blocks, element attributes, widget verbs, ``.run()`` on any node, and the
text tree (``repr(at)`` / ``at.tree``).
"""

from __future__ import annotations

import re

import pytest

from apptest import AppTest, AppTestError, ElementIndexError, ElementList, ElementNotFoundError

SOURCE = """
import streamlit as st
st.title("Shop")
st.button("Go", key="go", help="Start")
st.button("Stop")
st.markdown("one")
left, right = st.columns(2)
left.markdown("in left")
right.checkbox("Agree", key="agree")
st.sidebar.button("Side", key="side")
st.sidebar.markdown("side text")
st.markdown("two")
st.exception(ValueError("bad value"))
"""


@pytest.fixture
def at() -> AppTest:
    return AppTest.from_string(SOURCE).run()


# -- structure -------------------------------------------------------------------------------
def test_main_sidebar_and_indexing(at: AppTest) -> None:
    assert at.main.type == "main" and at.sidebar.type == "sidebar"
    assert at[0].type == "title" and at[0] is at.main[0]
    assert at[1].key == "go"
    assert [n.type for n in at.main] == [
        "title", "button", "button", "markdown", "horizontal", "markdown", "exception",
    ]
    assert len(at.main) == 7 and len(at.sidebar) == 2


def test_typed_list_len_index_slice_iterate_values(at: AppTest) -> None:
    buttons = at.button
    assert isinstance(buttons, ElementList)
    assert len(buttons) == 3  # main and sidebar, document order
    assert buttons[0].label == "Go" and buttons[-1].label == "Side"
    sliced = buttons[1:]
    assert isinstance(sliced, ElementList)
    assert [b.label for b in sliced] == ["Stop", "Side"]
    assert [b.label for b in buttons] == ["Go", "Stop", "Side"]
    assert at.markdown.values == ["one", "in left", "two", "side text"]
    assert at.title.values == ["Shop"]


def test_typed_list_equality_with_a_list_of_values(at: AppTest) -> None:
    assert at.markdown == ["one", "in left", "two", "side text"]
    assert at.markdown != ["one"]
    assert at.button == [False, False, False]
    assert at.markdown == at.markdown
    assert at.markdown[:1] == [at.markdown[0]]


def test_index_error_lists_what_exists(at: AppTest) -> None:
    with pytest.raises(ElementIndexError) as info:
        at.button[7]
    message = str(info.value)
    assert "No button at index 7" in message
    assert "3 button element(s)" in message
    assert "button(label='Go', key='go')" in message and "button(label='Stop')" in message
    assert isinstance(info.value, IndexError) and isinstance(info.value, AppTestError)
    with pytest.raises(IndexError, match="There are none"):
        at.text_input[0]


def test_widget_list_callable_by_key(at: AppTest) -> None:
    assert at.button("go").label == "Go"
    assert at.button(key="go") is at.button("go")
    assert at.checkbox("agree").label == "Agree"


def test_widget_list_unknown_key_lists_what_exists(at: AppTest) -> None:
    with pytest.raises(ElementNotFoundError) as info:
        at.button("nope")
    message = str(info.value)
    assert message.startswith("No button with key='nope'. Found: ")
    assert "button(label='Side', key='side')" in message
    assert isinstance(info.value, KeyError)  # as Streamlit's AppTest raises


def test_widget_list_by_exact_label(at: AppTest) -> None:
    assert at.button(label="Stop").key is None
    assert at.button(label="Go").key == "go"
    with pytest.raises(ElementNotFoundError) as info:
        at.button(label="go")  # exact, case-sensitive
    assert "No button with label='go'" in str(info.value)
    assert "button(label='Go', key='go')" in str(info.value)
    with pytest.raises(AppTestError, match="needs a key or a label"):
        at.button()


def test_widget_list_label_matching_several_asks_for_a_key() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nst.button('Same', key='a')\nst.button('Same', key='b')"
    ).run()
    with pytest.raises(AppTestError, match="2 button widgets match label='Same'; pass a key"):
        at.button(label="Same")
    assert at.button(key="b", label="Same").key == "b"


def test_get_and_get_by_key(at: AppTest) -> None:
    assert [n.type for n in at.get("title")] == ["title"]
    assert at.get("button") == at.button
    assert len(at.get("horizontal")) == 1
    assert at.get_by_key("side").label == "Side"
    with pytest.raises(ElementNotFoundError) as info:
        at.get_by_key("zzz")
    assert str(info.value) == "No element with key='zzz'. Keys in the app: ['agree', 'go', 'side']."


def test_scoped_queries(at: AppTest) -> None:
    assert [b.label for b in at.sidebar.button] == ["Side"]
    assert at.sidebar.markdown.values == ["side text"]
    assert at.main.markdown.values == ["one", "in left", "two"]
    assert at.columns[0].markdown.values == ["in left"]
    assert at.columns[1].checkbox("agree").label == "Agree"
    assert not at.columns[0].checkbox
    assert at.sidebar.get_by_key("side").key == "side"
    with pytest.raises(ElementNotFoundError):
        at.sidebar.get_by_key("go")


def test_element_attributes(at: AppTest) -> None:
    go = at.button("go")
    assert (go.value, go.key, go.label, go.help, go.disabled, go.type, go.path) == (
        False, "go", "Go", "Start", False, "button", (0, 1),
    )
    assert at.markdown[0].key is None and at.markdown[0].type == "markdown"
    assert at.columns[1].path == (0, 4, 1)
    assert at.checkbox[0].path == (0, 4, 1, 0)


def test_exception_attributes(at: AppTest) -> None:
    exc = at.exception[0]
    assert exc.message == "bad value"
    assert exc.exc_type == "ValueError"
    assert exc.type == "exception"  # as in AppTest, .type is the element type
    assert exc.value == "bad value"


def test_widget_verbs_return_the_widget_and_run_on_any_node(at: AppTest) -> None:
    checkbox = at.checkbox("agree")
    assert checkbox.check() is checkbox
    assert at.button("go").click().key == "go"
    assert at.title[0].run() is at
    assert at.checkbox("agree").value is True
    assert at.columns[0].run() is at  # blocks run too
    assert at.main.run() is at


def test_nodes_compare_by_content() -> None:
    first = AppTest.from_string("import streamlit as st\nst.write('a')").run()
    second = AppTest.from_string("import streamlit as st\nst.write('a')").run()
    assert first.markdown[0] == second.markdown[0]
    assert first.markdown == second.markdown


def test_block_lists_for_layout(at: AppTest) -> None:
    assert len(at.columns) == 2
    assert at.container == [] and at.tabs == [] and at.expander == []
    assert at.status == [] and at.form == [] and at.toast == []


# -- the text tree -------------------------------------------------------------------------------
def test_repr_is_the_compact_text_tree(at: AppTest) -> None:
    assert repr(at) == at.tree
    assert at.tree == "\n".join(
        [
            "main",
            "  title 'Shop'",
            "  button 'Go'",
            "  button 'Stop'",
            "  markdown 'one'",
            "  horizontal",
            "    column",
            "      markdown 'in left'",
            "    column",
            "      checkbox 'Agree' = False",
            "  markdown 'two'",
            "  ValueError: 'bad value'",
            "sidebar",
            "  button 'Side'",
            "  markdown 'side text'",
        ]
    )


def test_text_tree_has_no_internal_ids() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def part():
            st.button("In fragment")
            st.checkbox("Box")
        part()
        st.text_input("Name", key="name")
        st.button("Same")
        st.button("Same")
        """
    ).run()
    text = repr(at)
    assert "$$ID" not in text
    assert not re.search(r"[0-9a-f]{32}", text)
    assert "fragment 'part'" in text


def test_long_values_are_shortened_with_matching_quotes() -> None:
    at = AppTest.from_string(
        "import streamlit as st\nst.write(\"it's \" + 'x' * 500)\nst.write('y' * 500)"
    ).run()
    first, second = at.tree.splitlines()[1:]
    assert first.startswith('  markdown "it\'s xxx') and first.endswith('..."')
    assert second.startswith("  markdown 'yyy") and second.endswith("...'")


def test_empty_roots_other_than_main_are_left_out() -> None:
    at = AppTest.from_string("import streamlit as st").run()
    assert at.tree == "main"
