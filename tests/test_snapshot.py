"""Snapshots (``apptest._api.snapshot``): what freezing the browser tree keeps and counts."""

from __future__ import annotations

import pytest

from apptest import AppTest
from apptest._explore.checks import InvariantError, check_no_exception

FAILING = """
import streamlit as st

@st.fragment
def part():
    if st.button("Fail here"):
        st.exception(ValueError("in the fragment"))

part()
if st.button("Fail"):
    with st.expander("More"):
        st.exception(RuntimeError("nested"))
"""


def test_each_exception_element_is_counted_once_as_it_is_frozen() -> None:
    at = AppTest.from_string(FAILING).run()
    check_no_exception(at)  # nothing shown, nothing counted: the tree is not searched
    assert at._exceptions_frozen == 0
    at.button(label="Fail").click().run()  # a full run: every element frozen anew
    assert len(at.exception) == 1 and at._exceptions_frozen == 1
    at.button(label="Fail here").click().run()  # a fragment run: only its area is frozen
    assert len(at.exception) == 2 and at._exceptions_frozen == 2
    at._roots()
    assert at._exceptions_frozen == 2  # a snapshot taken again freezes nothing new


def test_the_exception_check_finds_a_nested_exception_frozen_by_either_path() -> None:
    for button in ("Fail", "Fail here"):
        at = AppTest.from_string(FAILING).run()
        at.button(label=button).click().run()
        with pytest.raises(InvariantError, match="no_exception: the app shows 1 exception"):
            check_no_exception(at)


def test_an_exception_shown_then_gone_passes_the_check() -> None:
    at = AppTest.from_string(FAILING).run()
    at.button(label="Fail").click().run()
    assert at.exception  # frozen (a run that no snapshot saw freezes nothing)
    at.run()  # the button reads False again: the expander and its exception are gone
    assert not at.exception and at._exceptions_frozen == 1
    check_no_exception(at)
