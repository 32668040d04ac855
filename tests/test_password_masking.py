"""``type="password"`` values never appear where something is printed (issue 15, item 8).

Masked in ``repr(at)``, ``at.tree``, widget reprs, printed ``at.session_state``, ``apptest
run`` output and the max_chars refusal; ``.value`` still reads the real text. The masking of
tree lines lives in one function, ``apptest._api.nodes.shown_value``, that every printed widget
value goes through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from apptest import AppTest, AppTestError
from apptest.cli import main

SECRET = "hunter2-secret"
APP = """
import streamlit as st
password = st.text_input("Password", type="password", key="pw", max_chars=20)
name = st.text_input("Name", "bob")
"""


def _typed() -> AppTest:
    at = AppTest.from_string(APP).run()
    return at.text_input("pw").input(SECRET).run()


def test_password_is_masked_in_repr_tree_and_widget_repr() -> None:
    at = _typed()
    printed = [repr(at), at.tree, repr(at.text_input("pw")), repr(at.text_input), str(at.main)]
    for text in printed:
        assert SECRET not in text
    assert "text_input 'Password' = '********'" in at.tree
    assert "text_input 'Name' = 'bob'" in at.tree  # other inputs are shown as they are
    assert at.text_input("pw").value == SECRET  # still readable


def test_password_is_masked_in_printed_session_state() -> None:
    at = _typed()
    assert SECRET not in repr(at.session_state) and SECRET not in str(at.session_state)
    assert "'pw': '********'" in repr(at.session_state)
    assert at.session_state["pw"] == SECRET


def test_an_empty_password_is_shown_as_empty() -> None:
    at = AppTest.from_string(APP).run()
    assert "text_input 'Password' = ''" in at.tree


def test_max_chars_refusal_does_not_print_the_password() -> None:
    at = AppTest.from_string(APP).run()
    with pytest.raises(AppTestError) as raised:
        at.text_input("pw").input(SECRET * 3)
    assert SECRET not in str(raised.value)
    assert str(raised.value) == (
        "st.text_input 'Password' (key='pw') accepts at most max_chars=20 characters; the "
        "text has 42. Stage a shorter text."
    )


def test_cli_output_masks_the_password(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = tmp_path / "app.py"
    app.write_text(APP)
    assert main(["run", str(app), "--input", "Password", SECRET]) == 0
    out = capsys.readouterr().out
    assert SECRET not in out
    assert "'********'" in out
