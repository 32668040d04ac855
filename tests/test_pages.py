"""Multipage apps (issue 3, item 4): a pages/ folder, st.navigation/st.Page, page switching.

A page switch is a full run of the target page: it clears every run_every timer (T9) and,
from a fragment run, ends that run so a full run follows (E17, M8).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from apptest import AppTest, AppTestError
from apptest._server.pages import PageNotFoundError, page_icon_and_name, page_sort_key

APPS = Path(__file__).parent / "apps"


def mpa() -> AppTest:
    return AppTest.from_file("apps/mpa/home.py").run()


def nav() -> AppTest:
    return AppTest.from_file("apps/nav/app.py").run()


# -- page names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "icon", "url"),
    [
        ("1_other.py", "", "other"),
        ("2_🎈_balloons.py", "🎈", "balloons"),
        ("10 - my page.py", "", "my_page"),
        ("42.py", "", "42"),
    ],
)
def test_page_icon_and_name_from_the_file_name(name: str, icon: str, url: str) -> None:
    assert page_icon_and_name(Path(name)) == (icon, url)


def test_pages_are_ordered_by_number_then_name() -> None:
    names = ["b.py", "10_z.py", "2_a.py", "a.py"]
    assert sorted(names, key=lambda n: page_sort_key(Path(n))) == ["2_a.py", "10_z.py", "a.py", "b.py"]


# -- MPA v1: a pages/ folder ----------------------------------------------------------------------
def test_pages_folder_lists_the_pages_and_starts_on_the_main_script() -> None:
    at = mpa()
    assert at.title.values == ["Home"]
    assert [(p.title, p.url_path, p.icon, p.is_default) for p in at.pages] == [
        ("home", "", "", True),
        ("other", "other", "", False),
        ("balloons", "balloons", "🎈", False),
    ]
    assert at.current_page is not None and at.current_page.title == "home"


def test_at_switch_page_takes_effect_on_the_next_run_and_stays() -> None:
    at = mpa()
    at.switch_page("pages/1_other.py")
    assert at.title.values == ["Home"]  # AppTest semantics: switching does not run the app
    at.run()
    assert at.title.values == ["Other"]
    at.run()
    assert at.title.values == ["Other"]
    assert at.session_state["visits"] == ["home", "other", "other"]
    at.switch_page("pages/2_🎈_balloons.py").run()
    assert at.current_page is not None and at.current_page.url_path == "balloons"


def test_at_switch_page_to_a_missing_file_is_a_value_error() -> None:
    at = mpa()
    with pytest.raises(PageNotFoundError, match=re.escape("Unable to find script at pages/nope.py")) as info:
        at.switch_page("pages/nope.py")
    assert isinstance(info.value, ValueError)


def test_st_switch_page_ends_the_run_and_a_full_run_of_the_target_follows() -> None:
    at = mpa()
    at.query_params["from"] = "home"
    at.button(label="Go to other").click().run()
    assert at.title.values == ["Other"]
    assert [(r.scope, r.trigger, r.status) for r in at.runs[-2:]] == [
        ("app", "user", "rerun"),
        ("app", "rerun", "finished"),
    ]
    assert at.query_params == {}  # st.switch_page clears the query parameters
    at.button(label="Back home").click().run()
    assert at.title.values == ["Home"]


def test_st_switch_page_to_an_unknown_page_raises_streamlits_error() -> None:
    at = AppTest.from_file("apps/mpa/pages/2_🎈_balloons.py")
    at.run()
    at = AppTest.from_string("import streamlit as st\nst.switch_page('nowhere.py')\n").run()
    assert at.exception[0].exc_type == "StreamlitAPIException"
    assert at.exception[0].message.startswith(
        "Could not find page: `nowhere.py`. Must be the file path relative to the main script, "
        "from the directory: `"
    )
    assert at.exception[0].message.endswith(
        "Only the main app file and files in the `pages/` directory are supported."
    )


def test_T9_page_switch_clears_every_timer() -> None:
    at = mpa().switch_page("pages/1_other.py").run()
    assert [t.fragment for t in at.clock.pending()] == ["ticker"]
    at.clock.advance(5)
    assert at.markdown.values == ["ticks=2"]
    at.switch_page("home.py").run()
    assert at.clock.pending() == []
    at.clock.advance(60)
    assert at.session_state["ticks"] == 2  # the old page's fragment never ran again
    assert at.fragments == []


def test_E17_M8_switch_page_in_a_fragment_run_ends_it_and_a_full_run_follows() -> None:
    at = mpa().switch_page("pages/1_other.py").run()
    at.button(label="Leave from the fragment").click().run()
    assert [(r.scope, r.status) for r in at.runs[-2:]] == [("fragment", "rerun"), ("app", "finished")]
    assert at.title.values == ["Balloons"]
    assert at.fragments == [] and at.clock.pending() == []  # pruned by the full run (M8), T9


def test_st_switch_page_in_a_callback_warns_in_a_multipage_app(tmp_path: Path) -> None:
    """Seed (1.39-1.62): the rerun st.switch_page asks for is raised inside the callback and
    dropped there, with the warning st.rerun gets."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "next.py").write_text("import streamlit as st\nst.title('Next')\n")
    main = tmp_path / "main.py"
    main.write_text(
        "import streamlit as st\n"
        "st.title('Main')\n"
        "st.button('go', on_click=lambda: st.switch_page('pages/next.py'))\n"
    )
    at = AppTest.from_file(main).run()
    at.button[0].click().run()
    assert at.title.values == ["Main"]
    assert at.warning.values == ["Calling st.rerun() within a callback is a no-op."]


def test_at_switch_page_in_a_one_page_app_says_it_had_no_effect(tmp_path: Path) -> None:
    main = tmp_path / "main.py"
    main.write_text("import streamlit as st\nst.title('Main')\n")
    (tmp_path / "other.py").write_text("import streamlit as st\nst.title('Other')\n")
    at = AppTest.from_file(main).run()
    at.switch_page("main.py").run()  # the main script itself: fine
    assert at.title.values == ["Main"]
    with pytest.raises(AppTestError, match="had no effect: the app has no pages/ folder"):
        at.switch_page("other.py").run()


def test_at_switch_page_needs_a_script_file() -> None:
    at = AppTest.from_string("import streamlit as st").run()
    with pytest.raises(AppTestError, match=re.escape("needs an app loaded with AppTest.from_file")):
        at.switch_page("pages/x.py")


def test_W1_the_same_widget_on_two_pages_is_two_widgets(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    page = "import streamlit as st\nst.checkbox('Remember me', key='remember')\n"
    (tmp_path / "pages" / "b.py").write_text(page)
    main = tmp_path / "a.py"
    main.write_text(page)
    at = AppTest.from_file(main).run()
    first_id = at.checkbox[0].id
    at.checkbox[0].check().run()
    at.switch_page("pages/b.py").run()
    assert at.checkbox[0].id != first_id
    assert at.checkbox[0].value is False  # the other page's widget is new


# -- MPA v2: st.navigation ------------------------------------------------------------------------
def test_navigation_registers_pages_and_runs_the_default() -> None:
    at = nav()
    assert at.title.values == ["Home page"]
    assert at.sidebar.markdown.values == ["on home"]
    assert [(p.title, p.url_path, p.section, p.is_default) for p in at.pages] == [
        ("home", "", "Main", True),
        ("Reports", "reports", "Main", False),
        ("settings", "settings", "Account", False),
    ]


def test_navigation_switch_page_by_file_and_by_page_object() -> None:
    at = nav().switch_page("views/reports.py").run()
    assert at.title.values == ["Reports"]
    assert at.current_page is not None and at.current_page.icon == "📊"
    at.switch_page(url_path="settings").run()  # a function page, as the menu selects it
    assert at.title.values == ["Settings"]
    at.button(label="Go to reports").click().run()  # st.switch_page(st.Page object)
    assert at.title.values == ["Reports"]
    assert at.session_state["visits"] == ["home", "reports", "settings", "settings", "reports"]


def test_navigation_at_switch_page_to_an_unregistered_page_is_refused() -> None:
    at = nav()
    with pytest.raises(PageNotFoundError, match=re.escape("not one of the pages the app passed to st.navigation")):
        at.switch_page("app.py")  # the router itself is not a page
    with pytest.raises(PageNotFoundError, match="No page with URL path 'nope'"):
        at.switch_page(url_path="nope")
    with pytest.raises(AppTestError, match="one of the two"):
        at.switch_page()


def test_navigation_router_widgets_keep_their_state_across_pages() -> None:
    """The router's widgets have the main script's identity on every page (doc example 4)."""
    at = nav()
    at.checkbox(key="dark").check().run()
    at.switch_page("views/reports.py").run()
    assert at.sidebar.checkbox(key="dark").value is True
    assert at.session_state["dark"] is True


def test_M9_fragment_rerun_on_a_navigation_page_keeps_its_widgets() -> None:
    at = nav().switch_page("views/reports.py").run()
    at.checkbox(key="only_open").check().run()
    at.button(label="Refresh").click().run()
    assert at.runs[-1].scope == "fragment"
    assert at.checkbox(key="only_open").value is True


def test_navigation_ignores_the_pages_folder(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "old.py").write_text("import streamlit as st\nst.title('Old')\n")
    main = tmp_path / "main.py"
    main.write_text(
        "import streamlit as st\n"
        "def a():\n    st.title('A')\n"
        "def b():\n    st.title('B')\n"
        "st.navigation([a, b]).run()\n"
    )
    at = AppTest.from_file(main).run()
    assert at.title.values == ["A"]
    assert [p.title for p in at.pages] == ["a", "b"]
    at.run()
    assert at.title.values == ["A"]


def test_context_url_carries_the_current_page_path() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def a():
            st.text(st.context.url)
        def b():
            st.text(st.context.url)
        st.navigation([a, st.Page(b, url_path="bee")]).run()
        """
    )
    at.context.url = "http://localhost:8501/bee"  # the page in the URL is replaced
    at.run()
    assert at.text.values == ["http://localhost:8501"]
    at.switch_page(url_path="bee").run()
    assert at.text.values == ["http://localhost:8501/bee"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.navigation([])", "`st.navigation` must be called with at least one `st.Page`."),
        (
            "st.navigation([a], position='left')",
            'Invalid position "left". The position parameter must be one of "sidebar", "hidden", or "top".',
        ),
        (
            "st.navigation([st.Page(a, default=True), st.Page(b, default=True)])",
            "Multiple Pages specified with `default=True`. At most one Page can be set to default.",
        ),
        (
            "st.navigation([st.Page(a, url_path='x'), st.Page(b, url_path='x')])",
            "Multiple Pages specified with URL pathname x. URL pathnames must be unique. The url "
            "pathname may be inferred from the filename, callable name, or title.",
        ),
        ("st.navigation([42])", "Invalid page type: <class 'int'>. Must be either a string path, "
         "a pathlib.Path, a callable function, or a st.Page object."),
        ("st.Page('missing.py')", "Unable to create Page. The file `missing.py` could not be found."),
        ("st.Page(a, url_path='x/y')", "The URL path cannot contain a nested path (e.g. foo/bar)."),
        ("st.Page(a, url_path='/')", "The URL path cannot be an empty string unless the page is the default page."),
        ("st.Page(a).run()", "This page cannot be called directly. Only the page returned from st.navigation can be called once."),
        ("p = st.navigation([a]); p.run(); p.run()", "This page cannot be called directly. Only the page returned from st.navigation can be called once."),
    ],
)
def test_navigation_and_page_errors_match_streamlit(call: str, message: str) -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "def a():\n    st.write('a')\n"
        "def b():\n    st.write('b')\n"
        f"{call}\n"
    ).run()
    assert at.exception[0].exc_type == "StreamlitAPIException"
    assert at.exception[0].message == message


def test_external_url_page_needs_a_title_and_cannot_be_switched_to() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        def a():
            st.write("a")
        docs = st.Page("https://docs.streamlit.io", title="Docs")
        st.write(docs.is_external, docs.url_path)
        pg = st.navigation([a, docs])
        pg.run()
        st.switch_page(docs)
        """
    ).run()
    assert at.markdown.values == ["`True` docs", "a"]
    assert at.exception[0].message == (
        "Cannot use st.switch_page with external URL pages. Use st.page_link instead to create "
        "a link to external pages."
    )
