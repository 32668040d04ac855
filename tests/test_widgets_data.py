"""Uploads, the data editor, download/link buttons and chat input.

A test uploads ``(name, data, type)``; the app gets ``UploadedFile`` objects (``.name``,
``.type``, ``.size``, ``.read()``, ``.getvalue()``), fresh from position 0 on every run. The
data editor's value is its edit state; the app gets its data with the edits applied, in the
format it passed. Chat input is a trigger in the bottom container (C5).
"""

from __future__ import annotations

import pytest

from apptest import AppTest, AppTestError, UploadedFile


def run(source: str) -> AppTest:
    return AppTest.from_string("import streamlit as st\n" + source).run()


# -- file_uploader ---------------------------------------------------------------------------
READER = """
f = st.file_uploader("Upload", type=["csv", "jpg"], key="f")
if f is not None:
    st.write(f.name, f.type, f.size, f.read().decode(), f.read() == b"", f.getvalue().decode())
"""


def test_uploaded_file_reads_like_streamlits_and_starts_at_zero_each_run() -> None:
    at = run(READER)
    at.file_uploader("f").upload("data.csv", b"a,b", "text/csv").run()
    expected = ["data.csv text/csv `3` a,b `True` a,b"]
    assert at.markdown.values == expected
    at.run()  # the same file, read again from the start
    assert at.markdown.values == expected
    assert isinstance(at.session_state["f"], UploadedFile)


def test_file_uploader_types_are_normalised_as_streamlit_does() -> None:
    at = run(READER)
    assert at.file_uploader("f").allowed_type == [".csv", ".jpg", ".jpeg"]
    at.file_uploader("f").upload("photo.JPEG", b"x", "image/jpeg")  # .jpg also admits .jpeg
    with pytest.raises(AppTestError, match=r"accepts only \['.csv', '.jpg', '.jpeg'\]; 'notes.txt'"):
        at.file_uploader("f").upload("notes.txt", b"x")


def test_single_file_uploader_replaces_and_refuses_several() -> None:
    at = run(READER)
    f = at.file_uploader("f").upload("a.csv", b"1").upload("b.csv", b"2")
    assert f.value.name == "b.csv"
    with pytest.raises(AppTestError, match="takes one file"):
        f.set_value([("a.csv", b"1"), ("b.csv", b"2")])


def test_multiple_files_accumulate_and_clear() -> None:
    at = run('fs = st.file_uploader("Upload", accept_multiple_files=True, key="f")\nst.write([f.name for f in fs])')
    assert at.json.values == ["[]"]
    at.file_uploader("f").upload("a.txt", b"1").upload("b.txt", b"2").run()
    assert at.json.values == ['["a.txt", "b.txt"]']
    at.file_uploader("f").clear().run()
    assert at.json.values == ["[]"]
    at.file_uploader("f").set_value([("c.txt", b"3", "text/plain")]).run()
    assert at.json.values == ['["c.txt"]']


def test_upload_checks_content_size_and_name() -> None:
    at = run('st.file_uploader("Upload", key="f", max_upload_size=1)')
    f = at.file_uploader("f")
    assert f.max_upload_size == 1
    with pytest.raises(AppTestError, match="up to 1 MB"):
        f.upload("big.bin", b"x" * (1024 * 1024 + 1))
    with pytest.raises(AppTestError, match="must be bytes"):
        f.upload("a.txt", "text")  # type: ignore[arg-type]
    with pytest.raises(AppTestError, match="non-empty name"):
        f.upload("", b"x")
    at = run('st.file_uploader("Upload", max_upload_size=0)')
    assert "The `max_upload_size` parameter must be a positive integer" in at.exception[0].message


def test_CB2_uploading_the_same_bytes_again_is_a_change() -> None:
    at = run('st.session_state.setdefault("n", 0)\ndef cb():\n    st.session_state.n += 1\nst.file_uploader("U", key="f", on_change=cb)')
    at.file_uploader("f").upload("a.txt", b"1").run()
    at.file_uploader("f").upload("a.txt", b"1").run()
    at.run()
    assert at.session_state["n"] == 2


def test_camera_input_takes_one_jpeg_photo() -> None:
    at = run('p = st.camera_input("Snap", key="c")\nst.write(None if p is None else (p.name, p.getvalue()))')
    at.camera_input("c").upload("a.jpg", b"one").upload("b.jpg", b"two").run()
    assert at.markdown.values == ["`('b.jpg', b'two')`"]
    with pytest.raises(AppTestError, match="accepts only"):
        at.camera_input("c").upload("a.png", b"x", "image/png")
    at.camera_input("c").clear().run()
    assert at.markdown.values == ["`None`"]


# -- data_editor -------------------------------------------------------------------------------
def test_data_editor_records_edit_add_delete() -> None:
    at = run(
        'rows = st.data_editor([{"name": "a", "n": 1}, {"name": "b", "n": 2}], num_rows="dynamic", key="e")\n'
        'st.session_state["out"] = rows'
    )
    editor = at.data_editor("e")
    assert editor.columns == ["name", "n"] and editor.num_rows == "dynamic"
    editor.edit_cell(0, "n", 10).delete_rows(1).add_row({"name": "c", "n": 3}).run()
    assert at.session_state["out"] == [{"name": "a", "n": 10}, {"name": "c", "n": 3}]
    assert at.session_state["e"] == {
        "edited_rows": {0: {"n": 10}}, "added_rows": [{"name": "c", "n": 3}], "deleted_rows": [1],
    }
    assert at.data_editor("e").value == at.session_state["out"]
    at.data_editor("e").clear().run()
    assert at.session_state["out"] == [{"name": "a", "n": 1}, {"name": "b", "n": 2}]


def test_data_editor_columns_dict_and_scalar_list_formats() -> None:
    at = run('st.session_state["out"] = st.data_editor({"x": [1, 2], "y": ["p", "q"]}, key="e")')
    at.data_editor("e").edit_row(1, {"x": 5, "y": "z"}).run()
    assert at.session_state["out"] == {"x": [1, 5], "y": ["p", "z"]}
    at = run('st.session_state["out"] = st.data_editor([1.5, 2.5], key="e")')
    at.data_editor("e").edit_cell(0, "0", 9.0).run()
    assert at.session_state["out"] == [9.0, 2.5]


def test_data_editor_refuses_edits_the_grid_refuses() -> None:
    at = run('st.data_editor([{"n": 1, "s": "a", "ok": True}], disabled=["s"], key="e")')
    e = at.data_editor("e")
    with pytest.raises(AppTestError, match="column 'n' holds int values; 'x' cannot"):
        e.edit_cell(0, "n", "x")
    with pytest.raises(AppTestError, match="column 's' is disabled"):
        e.edit_cell(0, "s", "b")
    with pytest.raises(AppTestError, match=r"has no column 'zz'. Columns: \['n', 's', 'ok'\]"):
        e.edit_cell(0, "zz", 1)
    with pytest.raises(AppTestError, match=r"rows 0\.\.0"):
        e.edit_cell(3, "n", 1)
    with pytest.raises(AppTestError, match="rows cannot be deleted"):
        e.delete_rows(0)
    with pytest.raises(AppTestError, match="takes an edit state"):
        e.set_value({"bogus": 1})
    e.set_value({"edited_rows": {0: {"ok": False}}})


def test_data_editor_with_pandas_returns_a_dataframe() -> None:
    pd = pytest.importorskip("pandas")
    at = AppTest.from_string(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, 2], "b": [0.5, 1.5]})
        out = st.data_editor(df, num_rows="dynamic", key="e")
        st.session_state["out"] = out
        st.session_state["orig"] = df
        """
    ).run()
    at.data_editor("e").edit_cell(1, "b", 9.0).add_row({"a": 3, "b": 2.0}).run()
    out = at.session_state["out"]
    assert isinstance(out, pd.DataFrame)
    assert out.to_dict("list") == {"a": [1, 2, 3], "b": [0.5, 9.0, 2.0]}
    assert list(out.index) == [0, 1, 2]
    assert at.session_state["orig"]["b"].tolist() == [0.5, 1.5]  # the app's data is not changed


def test_data_editor_new_data_is_a_new_widget() -> None:
    """W1: the data is part of the editor's identity, so changed data starts without edits."""
    at = run('d = st.session_state.get("d", [1, 2])\nst.session_state["out"] = st.data_editor(d)')
    at.data_editor[0].edit_cell(0, "0", 7).run()
    assert at.session_state["out"] == [7, 2]
    at.session_state["d"] = [1, 2, 3]
    at.run()
    assert at.session_state["out"] == [1, 2, 3]


def test_data_editor_unsupported_data_is_streamlits_error() -> None:
    at = run('st.data_editor(42)')
    assert at.exception[0].message.startswith("The data type (int) or format is not supported by the data editor.")


# -- download_button / link_button -------------------------------------------------------------
def test_download_button_data_and_rerun_modes() -> None:
    at = run(
        'a = st.download_button("A", "hello", file_name="a.txt")\n'
        'b = st.download_button("B", b"\\x00\\x01", on_click="ignore")\n'
        'c = st.download_button("C", lambda: "lazy")\n'
        'st.write(a, b)'
    )
    a, b, c = at.download_button
    assert (a.data, a.file_name, a.mime) == (b"hello", "a.txt", "text/plain")
    assert (b.data, b.mime) == (b"\x00\x01", "application/octet-stream")
    assert c.data == b"lazy"
    b.click().run()  # downloads without a rerun request: nothing reaches the app
    assert at.markdown.values == ["`False` `False`"]
    a.click().run()
    assert at.markdown.values == ["`True` `False`"]
    at = run('st.download_button("D", 5)')
    assert at.exception[0].message == "Invalid binary data format: <class 'int'>"


def test_link_button_is_an_element_unless_it_has_a_callback() -> None:
    at = run('st.link_button("Docs", "https://docs.streamlit.io")\nst.write(st.session_state.get("x"))')
    link = at.link_button[0]
    assert (link.value, link.label) == ("https://docs.streamlit.io", "Docs")
    assert link.click() is link  # the browser opens the URL; the app does not run
    at = run(
        'def cb():\n    st.session_state.x = "clicked"\n'
        'st.write(st.link_button("Go", "https://x.org", on_click=cb))'
    )
    at.link_button[0].click().run()
    assert at.markdown.values == ["`True`"]
    assert at.session_state["x"] == "clicked"


def test_button_type_error_is_streamlits() -> None:
    at = run('st.button("b", type="loud")')
    assert at.exception[0].message == (
        'The type argument to st.button must be "primary", "secondary", or "tertiary". '
        '\nThe argument passed was "loud".'
    )


# -- chat_input --------------------------------------------------------------------------------
def test_chat_input_sits_in_the_bottom_container_and_resets_to_none() -> None:
    at = run('msg = st.chat_input("Say", max_chars=10)\nst.write(repr(msg))')
    assert at.markdown.values == ["None"]
    chat = at.chat_input[0]
    assert (chat.placeholder, chat.max_chars) == ("Say", 10)
    assert chat.path[0] == 3  # the BOTTOM root
    with pytest.raises(AppTestError, match="max_chars=10"):
        chat.set_value("x" * 11)
    chat.set_value("hello").run()
    assert at.markdown.values == ["'hello'"]
    at.run()
    assert at.markdown.values == ["None"]  # C5: a trigger value lasts one run


def test_chat_input_inside_a_container_is_inline() -> None:
    at = run('with st.container():\n    st.chat_input("Say")')
    assert at.chat_input[0].path[0] == 0


def test_chat_input_with_files_is_not_simulated() -> None:
    at = run('st.chat_input("Say", accept_file=True)')
    assert at.exception[0].exc_type == "StreamlitAPIUnimplementedError"
