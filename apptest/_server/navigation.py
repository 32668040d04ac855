"""``st.Page`` and ``st.navigation`` (MPA v2), as Streamlit 1.58 has them.

``st.navigation`` registers the app's pages (validating them with Streamlit's errors) and
returns the page this run shows: the one asked for (``at.switch_page``/``st.switch_page``),
else the page the session is on, else the default page (the first one, or the one with
``default=True``). ``page.run()`` executes it with the page's identity (its hash), so its
widgets are its own (W1); the router's own widgets keep the main script's identity.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from apptest._errors import RerunRequest
from apptest._features.query_params import QUERY
from apptest._profile import SEED
from apptest._run.layout import current_run, emit_element, require_run
from apptest._server.fragments import check_not_parallel_worker
from apptest._server.pages import (
    PageInfo,
    SwitchPageException,
    exec_page_file,
    hash_of_file,
    page_icon_and_name,
    pick_page,
    script_folder,
)
from apptest._server.script import MAGIC_NAME
from apptest._server.session import RERUN_NOOP_WARNING, Session, session_of
from apptest._st_errors import StreamlitAPIException


def _is_url(value: str) -> bool:
    from urllib.parse import urlparse

    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


class StreamlitPage:
    """What ``st.Page`` returns; ``st.navigation`` returns the selected one."""

    def __init__(
        self,
        page: str | Path | Callable[[], None],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: str = "visible",
    ) -> None:
        self._default = default
        self._external_url: str | None = None
        self._can_be_called = False
        if visibility not in ("visible", "hidden"):
            raise StreamlitAPIException(
                "Invalid `visibility` value. Supported values: visible, hidden."
            )
        self._visibility = visibility
        run = current_run()
        session = session_of(run) if run is not None else None
        self._page: Path | Callable[[], None] | None
        if isinstance(page, str) and _is_url(page):
            self._init_external(page, title, icon, url_path, default)
        else:
            self._init_internal(session, page, title, icon, url_path, default)
        calc = session.profile.calc_hash if session is not None else _default_hash
        self._hash = calc(self._url_path)

    def _init_external(
        self, url: str, title: str | None, icon: str | None, url_path: str | None, default: bool
    ) -> None:
        if title is None or not title.strip():
            raise StreamlitAPIException(
                "External URL pages require a "
                + ("" if title is None else "non-empty ")
                + f"`title` parameter. Please provide a title for the URL: {url}"
            )
        if default:
            raise StreamlitAPIException("External URL pages cannot be set as the default page.")
        self._external_url = url
        self._page = None
        self._title = title
        self._icon = icon or ""
        path = url_path if url_path is not None else re.sub(r"\s+", "_", title.lower())
        self._url_path = path.strip().strip("/")
        if not self._url_path:
            raise StreamlitAPIException(
                "The URL path cannot be empty. Please provide a valid `url_path` or a `title` "
                "that can be converted to a valid URL path."
            )
        if "/" in self._url_path:
            raise StreamlitAPIException("The URL path cannot contain a nested path (e.g. foo/bar).")

    def _init_internal(
        self,
        session: Session | None,
        page: str | Path | Callable[[], None],
        title: str | None,
        icon: str | None,
        url_path: str | None,
        default: bool,
    ) -> None:
        folder = script_folder(session) if session is not None else None
        inferred_icon = inferred_name = ""
        if isinstance(page, (str, Path)):
            page = ((folder or Path.cwd()) / Path(page)).resolve()
            if not page.is_file():
                raise StreamlitAPIException(
                    f"Unable to create Page. The file `{page.name}` could not be found."
                )
            inferred_icon, inferred_name = page_icon_and_name(page)
        elif hasattr(page, "__name__"):
            inferred_name = str(page.__name__)
        elif title is None:
            raise StreamlitAPIException(
                "Cannot infer page title for Callable. Set the `title=` keyword argument."
            )
        self._page = page
        self._title = title or inferred_name.replace("_", " ")
        self._icon = icon or inferred_icon
        if not self._title.strip():
            raise StreamlitAPIException(
                "The title of the page cannot be empty or consist of underscores/spaces only"
            )
        self._url_path = inferred_name
        if url_path is not None:
            stripped = url_path.strip().strip("/")
            if not stripped.strip() and not default:
                raise StreamlitAPIException(
                    "The URL path cannot be an empty string unless the page is the default page."
                )
            self._url_path = stripped
            if "/" in self._url_path:
                raise StreamlitAPIException(
                    "The URL path cannot contain a nested path (e.g. foo/bar)."
                )

    @property
    def title(self) -> str:
        return self._title

    @property
    def icon(self) -> str:
        return self._icon

    @property
    def url_path(self) -> str:
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> str:
        return self._visibility

    @property
    def is_external(self) -> bool:
        return self._external_url is not None

    @property
    def external_url(self) -> str | None:
        return self._external_url

    def info(self, section: str = "") -> PageInfo:
        path = str(self._page) if isinstance(self._page, Path) else None
        return PageInfo(
            self.title,
            self.url_path,
            self.icon,
            path,
            self._hash,
            self._default,
            section,
            self._visibility == "hidden",
        )

    def run(self) -> None:
        """Execute the page; only the page ``st.navigation`` returned, once per run."""
        if not self._can_be_called:
            raise StreamlitAPIException(
                "This page cannot be called directly. Only the page returned from "
                "st.navigation can be called once."
            )
        self._can_be_called = False
        run = current_run()
        if self.is_external or run is None:
            return
        session = session_of(run)
        previous, session.page_hash = session.page_hash, self._hash
        try:
            if isinstance(self._page, Path):
                module = types.ModuleType("__main__")
                module.__dict__[MAGIC_NAME] = session.magic
                exec_page_file(session, str(self._page), module)
            elif self._page is not None:
                self._page()
        finally:
            session.page_hash = previous

    def __repr__(self) -> str:
        return f"StreamlitPage(title={self._title!r}, url_path={self.url_path!r})"


def _default_hash(text: str) -> str:

    return SEED.calc_hash(text)


def Page(  # Streamlit's name
    page: str | Path | Callable[[], None],
    *,
    title: str | None = None,
    icon: str | None = None,
    url_path: str | None = None,
    default: bool = False,
    visibility: str = "visible",
) -> StreamlitPage:
    """``st.Page``: a page for ``st.navigation`` (a file path relative to the main script,
    or a function)."""
    return StreamlitPage(
        page, title=title, icon=icon, url_path=url_path, default=default, visibility=visibility
    )


def _as_page(item: object) -> StreamlitPage:
    if isinstance(item, StreamlitPage):
        return item
    if isinstance(item, (str, Path)) or callable(item):
        return StreamlitPage(item)
    raise StreamlitAPIException(
        f"Invalid page type: {type(item)}. Must be either a string path, a pathlib.Path, a "
        "callable function, or a st.Page object."
    )


def _check_position(position: object) -> None:
    """``position`` is ``"sidebar"``, ``"hidden"`` or ``"top"``."""
    if not isinstance(position, str) or position not in ("sidebar", "hidden", "top"):
        raise StreamlitAPIException(
            f'Invalid position "{position}". The position parameter must be one of "sidebar", '
            '"hidden", or "top".'
        )


def _listed_pages(
    pages: Sequence[Any] | Mapping[str, Sequence[Any]],
) -> list[tuple[str, StreamlitPage]]:
    """``(section, page)`` for every page, in order: a mapping's keys are section headers, a
    list is one unnamed section; strings, paths and callables become pages. At least one."""
    if isinstance(pages, Mapping):
        sections = {str(k): [_as_page(p) for p in v] for k, v in pages.items()}
    else:
        sections = {"": [_as_page(p) for p in pages]}
    listed = [(section, page) for section, items in sections.items() for page in items]
    if not listed:
        raise StreamlitAPIException("`st.navigation` must be called with at least one `st.Page`.")
    return listed


def _default_page(listed: list[tuple[str, StreamlitPage]]) -> StreamlitPage:
    """The page marked ``default=True`` (at most one), else the first page that is not an
    external URL, which is then marked default."""
    defaults = [page for _, page in listed if page._default]
    if len(defaults) > 1:
        raise StreamlitAPIException(
            "Multiple Pages specified with `default=True`. At most one Page can be set to default."
        )
    if defaults:
        return defaults[0]
    internal = [page for _, page in listed if not page.is_external]
    if not internal:
        raise StreamlitAPIException(
            "At least one non-external page is required. External URL pages cannot be "
            "the default page."
        )
    internal[0]._default = True
    return internal[0]


def _page_registry(listed: list[tuple[str, StreamlitPage]]) -> dict[str, PageInfo]:
    """The pages by URL-path hash; two pages with the same URL path are an error."""
    registry: dict[str, PageInfo] = {}
    for section, page in listed:
        if page._hash in registry:
            raise StreamlitAPIException(
                f"Multiple Pages specified with URL pathname {page.url_path}. URL pathnames "
                "must be unique. The url pathname may be inferred from the filename, callable "
                "name, or title."
            )
        registry[page._hash] = page.info(section)
    return registry


def navigation(
    pages: Sequence[Any] | Mapping[str, Sequence[Any]],
    *,
    position: str = "sidebar",
    expanded: bool | int = False,
) -> StreamlitPage:
    """``st.navigation``: register the app's pages and return the one to run: the page asked
    for (a page switch or a URL path), else the current one, else the default; never an
    external page."""
    _check_position(position)
    listed = _listed_pages(pages)
    default = _default_page(listed)
    run = current_run()
    if run is None:
        default._can_be_called = True
        return default
    registry = _page_registry(listed)
    session = session_of(run)
    state = session.pages
    state.registry = registry
    state.navigation_used = True
    state.navigation_position = position
    chosen = pick_page(session)
    target = next(
        (page for _, page in listed if chosen is not None and page._hash == chosen.hash), None
    )
    if target is None or target.is_external:
        target = default
    target._can_be_called = True
    state.current = target._hash
    return target


# -- switching ---------------------------------------------------------------------------------
def switch_page(page: str | Path | StreamlitPage, *, query_params: Any = None) -> NoReturn:
    """``st.switch_page``: stop this run; the next (full) run shows ``page`` (E17, M8)."""
    run = require_run("st.switch_page")
    check_not_parallel_worker("st.switch_page")  # E13
    session = session_of(run)
    if isinstance(page, StreamlitPage):
        if page.is_external:
            raise StreamlitAPIException(
                "Cannot use st.switch_page with external URL pages. Use st.page_link instead "
                "to create a link to external pages."
            )
        target = page._hash
    else:
        target = hash_of_file(session, str(page))
    query = session.stores[QUERY]
    if query_params is None:
        query.clear()
    elif isinstance(query_params, (str, bytes)) or not (
        isinstance(query_params, Mapping) or hasattr(query_params, "__iter__")
    ):
        raise StreamlitAPIException(
            "`query_params` must be a mapping or an iterable of (key, value) pairs not a "
            f"`{type(query_params)}`."
        )
    else:
        query.from_dict(query_params)
    if run.in_callback and session.profile.rerun_in_callback == "noop-warning":
        # 1.37-1.58 (seed): the rerun it requests is raised inside the callback and dropped there.
        emit_element(session.main, "warning", {"body": RERUN_NOOP_WARNING, "icon": None})
        return  # type: ignore[misc]
    session.pages.requested = target
    session.pages.requested_label = str(page)
    raise SwitchPageException(RerunRequest())


__all__ = ["Page", "StreamlitPage", "navigation", "switch_page"]
