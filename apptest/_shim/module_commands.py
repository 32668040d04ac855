"""Module-level commands of ``st`` that are not element commands: ``st.echo``,
``st.cache`` (1.58's deprecated alias), ``st.App`` and the ``st.typing`` namespace (1.67).

``st.echo`` runs its block and shows the block's source (``st.code``) above or below what
it wrote. ``st.cache`` warns (as Streamlit does, when ``client.showErrorDetails`` is "full")
and is ``st.cache_data``, or ``st.cache_resource`` with ``allow_output_mutation=True``.
``st.App`` is Streamlit's ASGI application: it is accepted (its arguments are kept) but
serving it needs a web server, which apptest does not run.
"""

from __future__ import annotations

import ast
import contextlib
import linecache
import sys
import textwrap
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from apptest._features.cache import cache_data, cache_resource
from apptest._features.options import get_option
from apptest._run.layout import MAIN, current_run
from apptest._shim.delta_generator import DeltaGenerator
from apptest._st_errors import StreamlitAPIUnimplementedError
from apptest._values.uploads import UploadedFile

_main = DeltaGenerator(MAIN)

_CACHE_DOCS_URL = "https://docs.streamlit.io/develop/concepts/architecture/caching"
CACHE_WARNING = f"""
`st.cache` is deprecated and will be removed soon. Please use one of Streamlit's new
caching commands, `st.cache_data` or `st.cache_resource`. More information
[in our docs]({_CACHE_DOCS_URL}).

**Note**: The behavior of `st.cache` was updated in Streamlit 1.36 to the new caching
logic used by `st.cache_data` and `st.cache_resource`. This might lead to some problems
or unexpected behavior in certain edge cases.
"""


def _block_source(filename: str, line: int) -> str:
    """The dedented source of the body of the ``with`` statement at ``line``."""
    source = "".join(linecache.getlines(filename))
    if not source:
        raise FileNotFoundError(f"No such file: '{filename}'")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.With) and node.lineno == line:
            lines = source.splitlines(keepends=True)
            return textwrap.dedent("".join(lines[node.body[0].lineno - 1 : node.end_lineno]))
    return ""


@contextlib.contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Run the block and show its code (``code_location``: "above" or "below" its output)."""
    if code_location == "below":
        show_code, show_warning = _main.code, _main.warning
    else:
        placeholder = _main.empty()
        show_code, show_warning = placeholder.code, placeholder.warning
    frame = sys._getframe(2)  # the app's ``with st.echo():`` line (contextmanager, then us)
    try:
        code = _block_source(frame.f_code.co_filename, frame.f_lineno)
    except FileNotFoundError as err:
        yield
        show_warning(f"Unable to display code. {err}")
        return
    yield
    show_code(code, "python")


def cache(
    func: Callable[..., Any] | None = None,
    persist: bool = False,
    allow_output_mutation: bool = False,
    show_spinner: bool = True,
    suppress_st_warning: bool = False,
    hash_funcs: Mapping[Any, Callable[[Any], Any]] | None = None,
    max_entries: int | None = None,
    ttl: float | None = None,
) -> Any:
    """Legacy caching decorator (deprecated): ``st.cache_data`` or ``st.cache_resource``."""
    if current_run() is not None and get_option("client.showErrorDetails") in ("full", True):
        _main.warning(CACHE_WARNING)
    if allow_output_mutation:
        return cache_resource(
            func, show_spinner=show_spinner, hash_funcs=hash_funcs, max_entries=max_entries, ttl=ttl
        )
    return cache_data(
        func,
        persist=persist,
        show_spinner=show_spinner,
        hash_funcs=hash_funcs,
        max_entries=max_entries,
        ttl=ttl,
    )


class App:
    """``st.App``: Streamlit's ASGI application for ``script_path``. apptest keeps the
    arguments; running it as a web app is not simulated (test the script with ``AppTest``)."""

    def __init__(
        self,
        script_path: str | Path,
        *,
        secrets: Mapping[str, Any] | None = None,
        lifespan: Callable[..., Any] | None = None,
        routes: Sequence[Any] | None = None,
        middleware: Sequence[Any] | None = None,
        on_script_error: Callable[..., Any] | None = None,
        exception_handlers: Mapping[Any, Any] | None = None,
        debug: bool = False,
    ) -> None:
        self._script_path = Path(script_path)
        self._secrets = dict(secrets or {})
        self._routes = list(routes or [])
        self._middleware = list(middleware or [])
        self._debug = debug
        self._state: dict[str, Any] = {}

    @property
    def script_path(self) -> Path:
        return self._script_path

    @property
    def state(self) -> dict[str, Any]:
        return self._state

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raise StreamlitAPIUnimplementedError(
            "Serving `st.App` (ASGI) is not simulated by apptest: it needs a web server. Test "
            f"the app's script with AppTest.from_file({str(self._script_path)!r})."
        )


#: ``st.typing`` (1.67): the types Streamlit exports for annotations.
typing = types.ModuleType("streamlit.typing", "Types of Streamlit's API, for annotations.")
typing.UploadedFile = UploadedFile  # type: ignore[attr-defined]
typing.__all__ = ["UploadedFile"]  # type: ignore[attr-defined]

__all__ = ["App", "cache", "echo", "typing"]
