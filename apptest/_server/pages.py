"""Multipage apps: a ``pages/`` folder, ``st.navigation``/``st.Page``, page switching.

The three shapes an app can have, as Streamlit 1.58 runs them:

- **One page**: the main script is the app.
- **A ``pages/`` folder** beside the main script (MPA v1): the main script and every
  ``pages/*.py`` (sorted by Streamlit's page order: leading number, then name) are pages;
  each full run executes exactly one of them. ``at.switch_page("pages/other.py")`` or
  ``st.switch_page("pages/other.py")`` selects which.
- **``st.navigation``** (MPA v2): the main script runs on every full run as a router;
  ``st.navigation([...])`` returns the selected page (the one asked for, else the page the
  session is on, else the default) and ``page.run()`` executes it. Once an app has called
  ``st.navigation``, its ``pages/`` folder is ignored.

A page switch is always a full run of the target page (E17, M8): ``st.switch_page`` ends the
current run, even a fragment run, and the next run is a full run, which clears every
``run_every`` timer (T9) and prunes the fragments of the page left behind (F5). The session
stays on a page until it is switched away from. A page's identity is Streamlit's page hash
(a hash of its URL path), which widget ids include (W1), so the same widget on two pages is
two widgets; widgets of the ``st.navigation`` router itself keep their ids on every page.
"""

from __future__ import annotations

import os
import re
import types
import unicodedata
from pathlib import Path

from apptest._errors import AppTestError, RerunException, hide_test_errors
from apptest._features.apis import apis_of
from apptest._server.script import MAGIC_NAME, Script
from apptest._server.session import Session
from apptest._server.storage import PageInfo, Pages
from apptest._st_errors import StreamlitAPIException

PAGE_FILENAME = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


class PageNotFoundError(AppTestError, ValueError):
    """``at.switch_page`` was given a page the app does not have (a ``ValueError`` too,
    as Streamlit's ``AppTest.switch_page`` raises)."""


class SwitchPageException(RerunException):
    """``st.switch_page``: end this run; a full run of the target page follows (E17)."""


# -- page names (source_util.py, string_util.py) -----------------------------------------------
def _leading_emoji(text: str) -> tuple[str, str]:
    """Split a leading emoji off ``text`` (with the ``_``/``-``/space separator after it).

    An emoji is a run of non-ASCII symbols (``So``), skin-tone modifiers, variation selectors
    and joiners; ASCII symbols such as a backtick (``Sk``) never are."""
    end = 0
    while end < len(text) and (
        (unicodedata.category(text[end]) == "So" and text[end] > "\x7f")
        or "\U0001f3fb" <= text[end] <= "\U0001f3ff"
        or text[end] in ("\ufe0f", "\u200d")
        or (end > 0 and unicodedata.category(text[end]) == "Mn")
    ):
        end += 1
    if end == 0:
        return "", text
    return text[:end], text[end:].lstrip("_- ")


def page_icon_and_name(path: Path) -> tuple[str, str]:
    """The icon and URL name Streamlit infers from a page's file name."""
    match = PAGE_FILENAME.search(path.name)
    if match is None:
        return "", ""
    icon_and_name = re.sub(r"[_ ]+", "_", match.group(2)).strip() or match.group(1)
    return _leading_emoji(icon_and_name)


def page_sort_key(path: Path) -> tuple[float, str]:
    number, label = PAGE_FILENAME.findall(path.name)[0]
    return (float(number) if number else float("inf"), label.lower())


def script_folder(session: Session) -> Path | None:
    return Path(session.script.folder) if session.script.folder else None


def uses_pages_folder(session: Session) -> bool:
    if session.pages.navigation_used:
        return False
    # Checked on every full run: the path is joined once per script; ``os.access`` first
    # because a missing folder (nearly every app) then costs no raised FileNotFoundError,
    # which ``isdir``'s stat raises and catches.
    folder = session.script.pages_folder
    return folder is not None and os.access(folder, os.F_OK) and os.path.isdir(folder)


def _page_hash(session: Session, url_path: str) -> str:
    return session.profile.calc_hash(url_path)


def _file_page(session: Session, path: Path, *, default: bool = False) -> PageInfo:
    icon, name = page_icon_and_name(path)
    return PageInfo(
        title=name.replace("_", " "),
        url_path="" if default else name,
        icon=icon,
        script_path=str(path.resolve()),
        hash=_page_hash(session, name),
        is_default=default,
    )


def folder_pages(session: Session) -> list[PageInfo]:
    """MPA v1: the main script (default page) and ``pages/*.py`` in Streamlit's order."""
    assert session.script.path is not None
    folder = Path(session.script.path).parent / "pages"
    files = sorted(
        (p for p in folder.glob("*.py") if not p.name.startswith(".") and p.name != "__init__.py"),
        key=page_sort_key,
    )
    main = _file_page(session, Path(session.script.path), default=True)
    return [main, *(_file_page(session, f) for f in files)]


# -- running a full run's page ----------------------------------------------------------------
def _script_for(session: Session, path: str) -> Script:
    script = session.pages.scripts.get(path)
    if script is None:
        script = Script(Path(path).read_text(encoding="utf-8"), path)
        session.pages.scripts[path] = script
    return script


def exec_page_file(session: Session, path: str, module: types.ModuleType) -> None:

    main = session.script.path
    is_main = main is not None and Path(path).resolve() == Path(main).resolve()
    script = session.script if is_main else _script_for(session, path)
    if script.code is None:
        assert script.compile_error is not None
        raise script.compile_error
    module.__dict__["__file__"] = path
    module.__dict__.setdefault(MAGIC_NAME, session.magic)
    exec(script.code, module.__dict__)


def pick_page(session: Session) -> PageInfo | None:
    """The page a full run shows: the one asked for, else the current one, else the default.

    Consumes the request. ``None`` when the registry is empty.
    """
    pages = session.pages
    requested, pages.requested = pages.requested, None
    pages.page_not_found = False
    default = next((p for p in pages.registry.values() if p.is_default), None)
    if requested is not None:
        page = pages.registry.get(requested)
        if page is None:
            pages.page_not_found = True
        return page or default
    return pages.registry.get(pages.current) or default


def run_page(session: Session, module: types.ModuleType) -> None:
    """The body of a full run: the main script, or (``pages/`` folder) the selected page."""
    pages = session.pages
    session.page_hash = ""
    apis_of(session).logo = None  # a full run that does not call st.logo shows none
    if not uses_pages_folder(session):
        if pages.requested == "":
            pages.requested = None  # the main script was asked for: it runs anyway
        if not pages.navigation_used:
            pages.current = ""
        _exec_main(session, module)
        return
    pages.registry = {page.hash: page for page in folder_pages(session)}
    page = pick_page(session)
    assert page is not None and page.script_path is not None
    pages.current = page.hash
    session.page_hash = page.hash
    exec_page_file(session, page.script_path, module)


def _exec_main(session: Session, module: types.ModuleType) -> None:
    if session.script.code is None:
        assert session.script.compile_error is not None
        raise session.script.compile_error
    exec(session.script.code, module.__dict__)


def _pages_now(session: Session) -> list[PageInfo]:
    if session.pages.navigation_used and session.pages.registry:
        return list(session.pages.registry.values())
    if uses_pages_folder(session):
        return folder_pages(session)
    path = session.script.path
    return [PageInfo("", "", "", path, "", True)] if path else []


#: The pages the app has now (``st.page_link`` resolves its target among them).
app_pages = _pages_now


def hash_of_file(session: Session, page: str) -> str:
    folder = script_folder(session)
    base = str(folder) if folder is not None else os.getcwd()
    wanted = os.path.realpath(os.path.join(base, page))
    for info in _pages_now(session):
        if info.script_path and os.path.realpath(info.script_path) == wanted:
            return info.hash
    raise StreamlitAPIException(
        f"Could not find page: `{page}`. Must be the file path relative to the main script, "
        f"from the directory: `{os.path.basename(base)}`. Only the main app file and files in "
        "the `pages/` directory are supported."
    )


def request_from_test(session: Session, page_path: str) -> None:
    """``at.switch_page``: the next run shows ``page_path`` (relative to the main script)."""
    __tracebackhide__ = hide_test_errors
    if session.script.path is None:
        raise AppTestError(
            "at.switch_page() needs an app loaded with AppTest.from_file(): pages are files "
            "relative to the main script, and this app has no script file."
        )
    folder = Path(session.script.path).parent
    full = folder / page_path
    if not full.is_file():
        raise PageNotFoundError(
            f"Unable to find script at {page_path}, make sure the page given is relative to "
            f"the main script. (Looked for {full}.)"
        )
    resolved = str(full.resolve())
    if not full.resolve().is_relative_to(folder.resolve()):
        raise AppTestError(
            f"at.switch_page({page_path!r}) points outside the app's folder ({folder}): pages "
            "are files in the main script's folder or below it. Pass a path such as "
            "'pages/two.py'."
        )
    registry = session.pages.registry
    matches = [p for p in registry.values() if p.script_path == resolved]
    if matches:
        _, name = page_icon_and_name(full)
        target = next((p for p in matches if p.url_path == name), matches[0]).hash
    elif session.pages.navigation_used and registry:
        listed = ", ".join(repr(p.script_path or p.title) for p in registry.values())
        raise PageNotFoundError(
            f"{page_path!r} is not one of the pages the app passed to st.navigation in its "
            f"last run: {listed}. Switch to one of those, or check the app's st.navigation "
            "call."
        )
    elif resolved == str(Path(session.script.path).resolve()) and not uses_pages_folder(session):
        target = ""
    else:
        _, name = page_icon_and_name(full)
        target = session.profile.calc_hash(name)
    session.pages.requested = target
    session.pages.requested_label = page_path


def request_url_path(session: Session, url_path: str) -> None:
    """``at.switch_page(url_path=...)``: a registered page, as the navigation menu shows it."""
    __tracebackhide__ = hide_test_errors
    pages = session.pages
    wanted = url_path.strip("/")
    for page in pages.registry.values():
        if page.url_path == wanted:
            pages.requested = page.hash
            pages.requested_label = url_path
            return
    listed = ", ".join(repr(p.url_path) for p in pages.registry.values()) or "none"
    raise PageNotFoundError(
        f"No page with URL path {url_path!r}. The app's pages after its last run have the URL "
        f"paths {listed}. Run the app first, or pass one of those."
    )


def unresolved_request(session: Session) -> str | None:
    """A test's page request that the last run could not honour (a one-page app)."""
    pages = session.pages
    if pages.requested is None:
        return None
    label = pages.requested_label
    pages.requested = None
    return label


__all__ = [
    "PageInfo",
    "PageNotFoundError",
    "SwitchPageException",
    "app_pages",
    "hash_of_file",
    "Pages",
    "page_icon_and_name",
    "request_from_test",
    "run_page",
]
