"""``st.page_link``: the page a link points to, as Streamlit 1.58 resolves it.

A ``st.Page`` links to its URL path (an external page to its URL); a string is an external
URL (which needs a ``label``) or a file path relative to the main script, which must be one
of the app's pages. The label defaults to the page's title.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from apptest._run.layout import current_run, newer_commands
from apptest._server.navigation import StreamlitPage, _is_url
from apptest._server.pages import app_pages, script_folder, uses_pages_folder
from apptest._server.session import session_of
from apptest._st_errors import (
    StreamlitMissingPageLabelError,
    StreamlitMissingRequiredParameterError,
    StreamlitPageNotFoundError,
)

_NOT_FOUND_NAV = (
    "Could not find page: `{page}`. You must provide a `StreamlitPage` object or file path "
    "relative to the entrypoint file. Only pages previously defined by `st.Page` and passed "
    "to `st.navigation` are allowed."
)
_NOT_FOUND_FOLDER = (
    "Could not find page: `{page}`. You must provide a file path relative to the entrypoint "
    "file (from the directory `{directory}`). Only the entrypoint file and files in the "
    "`pages/` directory are supported."
)


def page_link_target(page: Any, label: str | None) -> tuple[str, str]:
    """``(label, url)`` of a ``st.page_link`` to ``page``; Streamlit's errors otherwise."""
    if isinstance(page, StreamlitPage):
        shown = page.title if label is None else label
        return shown, page.external_url or "" if page.is_external else page.url_path
    text = str(page) if isinstance(page, Path) else page
    if _is_url(text):
        if not label and newer_commands():
            raise StreamlitMissingRequiredParameterError(
                "The `label` parameter is required. Streamlit cannot infer a label for an "
                "external URL."
            )
        if not label:
            raise StreamlitMissingPageLabelError(
                "The `label` param is required for external links used with `st.page_link` "
                "- please provide a `label`."
            )
        return label, text
    run = current_run()
    if run is None:
        return label or "", ""
    session = session_of(run)
    folder = script_folder(session)
    base = str(folder) if folder is not None else os.getcwd()
    wanted = os.path.realpath(os.path.join(base, text))
    for info in app_pages(session):
        if info.script_path and os.path.realpath(info.script_path) == wanted:
            return (info.title if label is None else label), info.url_path
    template = _NOT_FOUND_FOLDER if uses_pages_folder(session) else _NOT_FOUND_NAV
    raise StreamlitPageNotFoundError(template, page=text, directory=os.path.basename(base))
