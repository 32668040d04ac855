"""Script sources, the script's module context, compile-once and magic (issue 2, point 3).

Rule ids: D10 (each full run executes the page in a new ``__main__`` module).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as hs

import apptest._server.script
from apptest import AppTest, AppTestError

APPS = Path(__file__).parent / "apps"


# -- sources ---------------------------------------------------------------------------------
def test_from_file_relative_path_resolves_against_the_calling_test_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the working directory plays no part
    at = AppTest.from_file("apps/core_script_env.py").run()
    assert at.markdown[1].value == str(APPS / "core_script_env.py")


def test_from_file_accepts_an_absolute_path_and_a_pathlike() -> None:
    at = AppTest.from_file(APPS / "core_script_env.py").run()
    assert at.markdown[1].value == str(APPS / "core_script_env.py")


def test_from_file_missing_relative_path_names_the_paths_tried() -> None:
    with pytest.raises(AppTestError) as info:
        AppTest.from_file("apps/no_such_app.py")
    message = str(info.value)
    assert "'apps/no_such_app.py'" in message
    assert str(APPS / "no_such_app.py") in message  # next to this test file
    assert str(Path.cwd() / "apps" / "no_such_app.py") in message
    assert "relative" in message.lower()


def test_from_file_missing_absolute_path_is_an_apptest_error(tmp_path: Path) -> None:
    missing = tmp_path / "gone.py"
    with pytest.raises(AppTestError, match=str(missing)):
        AppTest.from_file(missing)


def test_from_file_reads_source_as_python_does(tmp_path: Path) -> None:
    """A UTF-8 byte order mark and a PEP 263 coding line are honoured (as tokenize.open)."""
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbfimport streamlit as st\nst.write('caf\xc3\xa9')\n")
    latin = tmp_path / "latin.py"
    latin.write_bytes(b"# -*- coding: latin-1 -*-\nimport streamlit as st\nst.write('caf\xe9')\n")
    assert AppTest.from_file(bom).run().markdown.values == ["café"]
    assert AppTest.from_file(latin).run().markdown.values == ["café"]


def test_from_string_dedents_the_source() -> None:
    at = AppTest.from_string(
        """
            import streamlit as st
            if True:
                st.write("indented")
        """
    ).run()
    assert at.markdown.values == ["indented"]


def test_from_string_refuses_a_non_string() -> None:
    with pytest.raises(AppTestError, match="source text"):
        AppTest.from_string(b"import streamlit")  # type: ignore[arg-type]


def test_from_function_passes_args_and_kwargs() -> None:
    def app(greeting, *, name="nobody"):  # type: ignore[no-untyped-def]
        import streamlit as st

        st.write(f"{greeting}, {name}")

    at = AppTest.from_function(app, args=("Hello",), kwargs={"name": "Ada"}).run()
    assert at.markdown.values == ["Hello, Ada"]
    # The same arguments on every run.
    at.run()
    assert at.markdown.values == ["Hello, Ada"]


def test_from_function_without_arguments() -> None:
    def app():  # type: ignore[no-untyped-def]
        import streamlit as st

        st.title("plain")

    assert AppTest.from_function(app).run().title.values == ["plain"]


def test_from_function_refuses_a_non_callable() -> None:
    with pytest.raises(AppTestError, match="takes a function"):
        AppTest.from_function("not a function")  # type: ignore[arg-type]


def test_from_function_without_source_says_where_to_put_it() -> None:
    namespace: dict[str, Any] = {}
    exec("def app():\n    import streamlit as st\n    st.write('hi')\n", namespace)
    with pytest.raises(AppTestError, match=r"reads the source of 'app'.*\.py file"):
        AppTest.from_function(namespace["app"])
    assert AppTest.from_string("import streamlit as st\nst.write('hi')").run().markdown[0].value


# -- the script's module context --------------------------------------------------------------
def test_script_runs_as_main_with_file_and_folder_on_sys_path() -> None:
    script = APPS / "core_script_env.py"
    at = AppTest.from_file(script).run()
    assert at.markdown.values == ["__main__", str(script), "`True`"]
    assert at.json.values == [json.dumps([str(script)])]  # sys.argv during the run


def test_sys_path_and_argv_restored_after_the_run() -> None:
    path_before = list(sys.path)
    argv_before = list(sys.argv)
    AppTest.from_file(APPS / "core_script_env.py").run()
    assert sys.path == path_before
    assert sys.argv == argv_before
    assert str(APPS) not in sys.path


def test_sys_path_and_argv_restored_when_the_app_changes_them() -> None:
    path_before = list(sys.path)
    argv_before = list(sys.argv)
    at = AppTest.from_string(
        """
        import sys
        sys.path.append("/nowhere")
        sys.argv.append("--flag")
        raise RuntimeError("after changing sys")
        """
    ).run()
    assert at.exception[0].message == "after changing sys"
    assert sys.path == path_before
    assert sys.argv == argv_before


def test_string_script_has_no_file_and_runs_as_main() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(__name__, "__file__" in globals())
        """
    ).run()
    assert at.markdown.values == ["__main__ `False`"]


def test_code_is_compiled_once_per_apptest(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = apptest._server.script.compile_script

    def counting(source: str, filename: str):  # type: ignore[no-untyped-def]
        calls.append(filename)
        return real(source, filename)

    monkeypatch.setattr(apptest._server.script, "compile_script", counting)
    at = AppTest.from_string("import streamlit as st\nst.write('x')")
    for _ in range(3):
        at.run()
    assert len(calls) == 1
    assert at.markdown.values == ["x"]
    assert len(at.runs) == 3


def test_D10_each_full_run_gets_a_new_module_namespace() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write("leftover" in globals())
        leftover = 1
        """
    ).run()
    assert at.markdown.values == ["`False`"]
    at.run()
    assert at.markdown.values == ["`False`"]


def test_D10_main_module_is_the_running_page() -> None:
    at = AppTest.from_string(
        """
        import sys
        import streamlit as st
        marker = object()
        st.write(sys.modules["__main__"].marker is marker)
        """
    ).run()
    assert at.markdown.values == ["`True`"]


def test_main_module_restored_after_the_run() -> None:
    before = sys.modules["__main__"]
    AppTest.from_string("x = 1").run()
    assert sys.modules["__main__"] is before


def test_working_directory_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    at = AppTest.from_string("import os, streamlit as st\nst.write(os.getcwd())").run()
    assert at.markdown.values == [str(tmp_path)]
    assert os.getcwd() == str(tmp_path)


# -- syntax errors -----------------------------------------------------------------------------
def test_syntax_error_becomes_an_exception_element_and_the_apptest_keeps_working() -> None:
    script = APPS / "core_syntax_error.py"
    at = AppTest.from_file(script).run()
    [exc] = at.exception
    assert exc.exc_type == "SyntaxError"
    assert exc.message.startswith(f'File "{script}", line 4')
    assert "x = (1," in exc.message
    assert not at.markdown  # nothing of the script ran
    assert at.runs[-1].status == "compile_error"
    at.run()  # does not raise; shows the same error again
    assert [e.exc_type for e in at.exception] == ["SyntaxError"]
    assert len(at.runs) == 2


def test_syntax_error_message_has_interpreter_layout() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write(\n").run()
    message = at.exception[0].message
    lines = message.split("\n")
    assert lines[0] == 'File "<streamlit app>", line 2'
    assert lines[-1].startswith("SyntaxError: ")
    assert "^" in lines[-2]


def test_string_script_tracebacks_show_source_lines() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        value = 1 / 0
        """
    ).run()
    [line] = at.exception[0].stack_trace
    assert line.startswith('File "<streamlit app>", line 3, in <module>')
    assert "value = 1 / 0" in line


# -- magic -------------------------------------------------------------------------------------
def magic(source: str) -> list[str]:
    """The markdown values a script writes (magic writes strings and values as markdown)."""
    at = AppTest.from_string(source).run()
    assert not at.exception, at.exception[0].message
    return list(at.markdown.values)


def test_magic_writes_bare_expressions() -> None:
    assert magic(
        """
        import streamlit as st
        x = 41
        x + 1
        "text"
        x
        """
    ) == ["`42`", "text", "`41`"]


def test_magic_works_without_importing_streamlit() -> None:
    assert magic("x = 'no import needed'\nx") == ["no import needed"]


def test_magic_does_not_write_calls() -> None:
    assert magic(
        """
        import streamlit as st
        len([1, 2, 3])
        str(5)
        (lambda: "lambda result")()
        st.write("only this")
        """
    ) == ["only this"]


def test_magic_skips_the_module_docstring() -> None:
    assert magic(
        '''
        """The module docstring."""
        import streamlit as st
        "a later string"
        '''
    ) == ["a later string"]


def test_magic_string_after_an_import_is_not_a_docstring() -> None:
    assert magic(
        '''
        import streamlit as st
        """Not a docstring: the import comes first."""
        '''
    ) == ["Not a docstring: the import comes first."]


def test_magic_inside_blocks() -> None:
    assert magic(
        """
        import streamlit as st
        with st.container():
            "in with"
        for i in range(2):
            i
        else:
            "for-else"
        while False:
            pass
        else:
            "while-else"
        if False:
            pass
        elif True:
            "elif"
        try:
            "try"
            raise ValueError
        except ValueError:
            "except"
        else:
            pass
        finally:
            "finally"
        match 3:
            case 3:
                "match case"
        """
    ) == [
        "in with", "`0`", "`1`", "for-else", "while-else", "elif", "try", "except",
        "finally", "match case",
    ]


def test_magic_in_function_bodies_skips_their_docstring() -> None:
    assert magic(
        '''
        import streamlit as st
        def f():
            """Docstring of f."""
            "body of f"
        f()
        '''
    ) == ["body of f"]


def test_magic_not_in_class_bodies_but_in_methods() -> None:
    assert magic(
        """
        import streamlit as st
        class C:
            "class docstring"
            "class body expression"
            def method(self):
                "method docstring"
                "method body"
        C().method()
        """
    ) == ["method body"]


def test_magic_writes_a_tuple_as_several_arguments() -> None:
    assert magic(
        """
        import streamlit as st
        n = 3
        "n =", n
        1, 2
        """
    ) == ["n = `3`", "`1` `2`"]


def test_magic_single_element_tuple_writes_the_element() -> None:
    at = AppTest.from_string("import streamlit as st\n[1, 2],").run()
    assert at.json.values == ["[1, 2]"]


def test_magic_skips_yield_and_await() -> None:
    assert magic(
        """
        import streamlit as st
        def gen():
            yield "yielded"
            "after yield"
        list(gen())
        async def coro():
            await something()
        """
    ) == ["after yield"]


def test_magic_writes_none_and_semicolon_terminated_expressions() -> None:
    assert magic("import streamlit as st\nNone\nx = 2\nx;") == ["`None`", "`2`"]


def test_magic_in_from_function_skips_the_function_docstring() -> None:
    def app():  # type: ignore[no-untyped-def]
        """Docstring."""
        "written"
        value = 7
        value  # noqa: B018 (magic writes it)

    at = AppTest.from_function(app).run()
    assert at.markdown.values == ["written", "`7`"]


@given(hs.integers())
def test_magic_writes_any_int_as_inline_code(number: int) -> None:
    code = apptest._server.script.compile_script(f"x = {number}\nx", "<magic>")
    written: list[tuple[object, ...]] = []
    namespace = {apptest._server.script.MAGIC_NAME: lambda *values: written.append(values)}
    exec(code, namespace)
    assert written == [(number,)]
