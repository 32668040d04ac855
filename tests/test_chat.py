"""``st.chat_message`` and ``st.chat_input`` together, and ``st.write_stream``: a chat app is
tested by sending a message and reading the assistant's reply out of its message block."""

from __future__ import annotations

from pathlib import Path

import pytest

from apptest import AppTest

CHAT = (Path(__file__).parent.parent / "examples" / "chat.py").read_text(encoding="utf-8")


def test_a_sent_message_gets_an_assistant_reply_read_through_the_message_block() -> None:
    at = AppTest.from_string(CHAT).run()
    assert [m.name for m in at.chat_message] == ["assistant"]
    at.chat_input[0].set_value("hello").run()
    assert not at.exception
    assert [m.name for m in at.chat_message] == ["assistant", "user", "assistant"]
    assert at.chat_message[1].markdown[0].value == "hello"
    assert at.chat_message[2].markdown[0].value == "Echo: hello"
    at.chat_input[0].set_value("again").run()
    # The history replays from Session State; the new reply is the last message.
    assert [m.markdown[0].value for m in at.chat_message] == [
        "How can I help?",
        "hello",
        "Echo: hello",
        "again",
        "Echo: again",
    ]


def test_chat_messages_show_in_the_text_tree_with_their_author() -> None:
    at = AppTest.from_string(CHAT).run()
    at.chat_input[0].set_value("hi").run()
    tree = at.tree
    assert "chat_message 'user'\n    markdown 'hi'" in tree
    assert "chat_input" in tree


@pytest.mark.parametrize(
    ("name", "avatar", "shown"),
    [
        ("user", None, "user"),
        ("human", None, "user"),
        ("ai", None, "assistant"),
        ("Bot", None, ""),
        ("Bot", "🤖", "🤖"),
        ("Bot", "assistant", "assistant"),
        ("🧑‍💻", None, "🧑‍💻"),  # an emoji name is its own avatar
        ("日本", None, ""),  # text in any script is not an emoji
    ],
)
def test_chat_message_avatars_follow_streamlits_presets(
    name: str, avatar: str | None, shown: str
) -> None:
    at = AppTest.from_function(_message, args=(name, avatar)).run()
    assert at.chat_message[0].name == name
    assert at.chat_message[0].avatar == shown


def _message(name: str, avatar: str | None) -> None:
    import streamlit as st

    with st.chat_message(name, avatar=avatar):
        st.write("x")


def test_chat_message_is_a_container_that_methods_write_into() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
m = st.chat_message("assistant")
st.write("after")
m.write("inside")
"""
    ).run()
    assert at.chat_message[0].markdown.values == ["inside"]
    assert at.get("chat_message") == at.chat_message


def test_write_stream_returns_the_text_and_writes_other_chunks() -> None:
    at = AppTest.from_string(
        """
import streamlit as st
def gen():
    yield "Hello "
    yield "world"
    yield {"k": 1}
    yield "tail"
out = st.write_stream(gen)
st.session_state.out = out
st.session_state.plain = st.write_stream(["only ", "text"])
st.session_state.empty = st.write_stream([])
"""
    ).run()
    assert not at.exception
    assert at.session_state.out == ["Hello world", {"k": 1}, "tail"]
    assert at.session_state.plain == "only text"
    assert at.session_state.empty == ""
    assert at.markdown.values == ["Hello world", "tail", "only text"]
    assert at.json[0].value is not None


def test_write_stream_refuses_a_string_as_streamlit_does() -> None:
    at = AppTest.from_string('import streamlit as st\nst.write_stream("abc")').run()
    assert at.exception[0].message.startswith(
        "`st.write_stream` expects a generator or stream-like object as input not <class 'str'>"
    )


def test_chat_message_without_a_name_is_streamlits_error() -> None:
    at = AppTest.from_string("import streamlit as st\nst.chat_message(None)").run()
    assert at.exception[0].exc_type == "StreamlitAPIException"
    assert "The author name is required for a chat message" in at.exception[0].message
