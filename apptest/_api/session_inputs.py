"""The AppTest side of the session-level APIs: what a test gives the app, and reads back.

Mixed into :class:`~apptest.AppTest`::

    at = AppTest.from_file("app.py")
    at.secrets["password"] = "hunter2"        # st.secrets (replaces .streamlit/secrets.toml)
    at.query_params["tab"] = "settings"       # the URL's ?tab=settings
    at.context.headers = {"User-Agent": "pytest"}   # st.context
    at.user = {"is_logged_in": True, "name": "Ann"}  # st.user
    at.connections["db"] = FakeConnection()   # st.connection("db")
    at.options["client.toolbarMode"] = "minimal"   # st.get_option
    at.run()
    at.query_params                            # the URL after the run
    at.page_config, at.logo                    # st.set_page_config / st.logo
    at.switch_page("pages/other.py").run()     # the next run shows that page
    at.current_page, at.pages                  # multipage state

Inputs are read at the start of every run (also runs caused by ``at.clock.advance``), so a
test can change them between runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from apptest._errors import AppTestError, hide_test_errors
from apptest._features.browser_inputs import DEFAULT_USER, ContextSettings, check_user
from apptest._server.requests import Request, merge_requests

if TYPE_CHECKING:
    from apptest._features.apis import Logo, SessionAPIs
    from apptest._features.query_params import QueryParams
    from apptest._features.secrets import SecretsSource
    from apptest._server.session import Session
    from apptest._server.storage import PageInfo

# The runtime modules below are imported inside the methods that use them: they load with the
# first AppTest (``apptest._api.runtime``), not with ``import apptest``.


class _RunStores(NamedTuple):
    """The stores every run reads and writes the session inputs through."""

    apis: SessionAPIs
    query: QueryParams
    secrets: SecretsSource


def _check_mappings(**inputs: object) -> None:
    """``at.secrets``, ``at.query_params`` and ``at.connections`` are dicts (or mappings)."""
    __tracebackhide__ = hide_test_errors
    for name, value in inputs.items():
        if not isinstance(value, Mapping):
            raise AppTestError(f"at.{name} must be a dict, not {type(value).__name__}.")


class SessionInputsMixin:
    """``at.secrets``, ``at.query_params``, ``at.context``, ``at.user``, pages, page config."""

    _session: Session
    secrets: dict[str, Any]
    query_params: dict[str, Any]
    user: dict[str, Any]
    connections: dict[str, Any]
    options: dict[str, Any]
    _context: ContextSettings

    def _init_session_inputs(self) -> None:
        #: Secrets the app reads as ``st.secrets``. When not empty they replace
        #: ``.streamlit/secrets.toml`` (as in Streamlit's AppTest).
        self.secrets = {}
        #: The URL's query parameters: seeded before a run, replaced by what the URL says
        #: after it (one value: ``str``; a repeated key: ``list[str]``).
        self.query_params = {}
        #: The identity the app reads as ``st.user`` (AppTest's default).
        self.user = dict(DEFAULT_USER)
        #: What ``st.connection(name)`` returns, by name (a fake, or a real connection).
        self.connections = {}
        #: Streamlit config options the app reads with ``st.get_option`` (what the app sets
        #: with ``st.set_option`` shows here after the run).
        self.options = {}
        self._context = ContextSettings()
        self._run_stores: _RunStores | None = None

    @property
    def context(self) -> ContextSettings:
        """What the browser sends as ``st.context``: ``at.context.timezone = "UTC"``."""
        return self._context

    @context.setter
    def context(self, values: Mapping[str, Any]) -> None:
        if not isinstance(values, Mapping):
            raise AppTestError(
                f"at.context takes a dict such as {{'timezone': 'UTC'}}, not "
                f"{type(values).__name__}."
            )
        self._context = ContextSettings(values)

    # -- around every run ------------------------------------------------------------------
    def _session_stores(self) -> _RunStores:
        """The session's API, query and secrets stores, looked up once (they live as long as
        the session): a run then reads them without a store lookup or an import."""
        stores = self._run_stores
        if stores is None:
            from apptest._features.apis import apis_of  # lazy: see the note above
            from apptest._features.query_params import QUERY  # lazy: see the note above
            from apptest._features.secrets import SECRETS  # lazy: see the note above

            session = self._session
            stores = _RunStores(apis_of(session), session.stores[QUERY], session.stores[SECRETS])
            self._run_stores = stores
        return stores

    def _load_session_inputs(self, request: Request) -> Request:
        __tracebackhide__ = hide_test_errors
        session = self._session
        stores = self._run_stores or self._session_stores()
        secrets, query, connections = self.secrets, self.query_params, self.connections
        if type(secrets) is not dict or type(query) is not dict or type(connections) is not dict:
            _check_mappings(secrets=secrets, query_params=query, connections=connections)
        apis = stores.apis
        context = self._context
        apis.context = context.validated() if context else {}  # (empty: the usual case)
        apis.user = check_user(self.user)
        apis.connections = dict(connections) if connections else {}
        if self.options or type(self.options) is not dict:
            from apptest._features.options import check_options  # lazy: see the note above

            apis.options = check_options(self.options, session.profile.newer_commands)
        else:
            apis.options = {}
        stores.query.load(query)
        stores.secrets.begin_run(secrets, session.script.folder)
        if session.pages.requested is not None and not request.is_full:
            # A page switch is a full run of the new page, whatever else was staged.
            request = merge_requests(request, Request.full(request.widget_states, request.trigger))
        return request

    def _read_session_outputs(self) -> None:
        stores = self._run_stores or self._session_stores()
        stores.secrets.end_run()
        self.query_params = stores.query.for_test()
        self.user = dict(stores.apis.user)
        options = stores.apis.options
        self.options = dict(options) if options else {}

    def _check_page_request(self) -> None:
        __tracebackhide__ = hide_test_errors
        session = self._session
        if session.pages.requested is None:
            return  # nearly every run: no import, and no look for a pages/ folder on disk
        from apptest._server.pages import (  # lazy: see the note above
            unresolved_request,
            uses_pages_folder,
        )

        if session.pages.navigation_used or uses_pages_folder(session):
            return
        label = unresolved_request(session)
        if label is not None:
            raise AppTestError(
                f"at.switch_page({label!r}) had no effect: the app has no pages/ folder beside "
                "its main script and did not call st.navigation, so its main script ran. "
                "Switch pages only in a multipage app, or test the page file on its own "
                "(AppTest.from_file of that page)."
            )

    # -- pages -----------------------------------------------------------------------------
    def switch_page(self, page_path: str | None = None, *, url_path: str | None = None) -> Any:
        """Show ``page_path`` (relative to the main script) from the next ``run()`` on.

        As in Streamlit's AppTest, this does not run the app. The next run is a full run of
        that page (timers are cleared, T9). ``url_path=`` picks a page the app registered in
        its last run by its URL path instead (``""`` is the default page): the way to reach a
        function page of ``st.navigation``, as a click in the navigation menu does.
        """
        __tracebackhide__ = True  # a refused call shows the test's line and the message
        from apptest._server.pages import (  # lazy: see the note above
            request_from_test,
            request_url_path,
        )

        if (page_path is None) == (url_path is None):
            raise AppTestError(
                "switch_page() takes a page file (at.switch_page('pages/other.py')) or a URL "
                "path (at.switch_page(url_path='settings')), one of the two."
            )
        if url_path is not None:
            request_url_path(self._session, url_path)
        else:
            assert page_path is not None
            request_from_test(self._session, page_path)
        return self

    @property
    def pages(self) -> list[PageInfo]:
        """The app's pages after the last full run (``pages/`` folder or ``st.navigation``)."""
        return list(self._session.pages.registry.values())

    @property
    def current_page(self) -> PageInfo | None:
        """The page the session is on; ``None`` for a one-page app."""
        pages = self._session.pages
        return pages.registry.get(pages.current)

    # -- what the app set ------------------------------------------------------------------
    @property
    def page_config(self) -> dict[str, Any]:
        """``st.set_page_config`` calls so far, merged (later calls override given keys)."""
        return dict(self._session.page_config)

    @property
    def logo(self) -> Logo | None:
        """What the last full run passed to ``st.logo`` (``None`` if it did not call it)."""
        from apptest._features.apis import apis_of  # lazy: see the note above

        return apis_of(self._session).logo


__all__ = ["SessionInputsMixin"]
