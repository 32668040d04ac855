"""``at.to_html()``, ``apptest run --html`` and ``--apptest-html`` (issue 11): a static,
self-contained picture of the app, read back here with ``html.parser``."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from apptest import AppTest
from apptest.cli import main

APP = """
import streamlit as st
st.sidebar.radio("Mode", ["Fast", "Slow"], index=1)
st.title("Shop")
left, right = st.columns([2, 1])
left.text_input("Name", "Ann")
right.checkbox("Gift", True)
st.text_input("Password", "hunter2", type="password")
st.slider("Qty", 0, 10, 4)
st.multiselect("Tags", ["a", "b", "c"], ["b", "c"])
one, two = st.tabs(["One", "Two"])
one.write("first tab")
two.write("second tab")
with st.expander("More", expanded=False):
    st.write("hidden text")
st.metric("Total", "42 €", "+2")
st.button("Buy")
@st.dialog("Confirm")
def confirm():
    st.write("Sure?")
confirm()
st.write(1 / 0)
"""


class Page(HTMLParser):
    """Every start tag with its attributes, and the text inside each class of element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text_in: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag not in ("input", "meta", "hr", "img"):
            self.stack.append(str(found.get("class") or tag))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("input", "meta", "hr", "img") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for name in self.stack:
            self.text_in.setdefault(name, []).append(data)

    def having(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]

    def text(self, css_class: str) -> str:
        return "".join(self.text_in.get(css_class, []))


@pytest.fixture(scope="module")
def page() -> Page:
    parser = Page()
    parser.feed(AppTest.from_string(APP).run().to_html(title="Shop page"))
    return parser


def test_page_is_self_contained(page: Page) -> None:
    assert page.text("title") == "Shop page"
    assert not [a for t, a in page.tags if t in ("script", "link")]
    assert all(not (a.get("src") or "data:").startswith("http") for _, a in page.tags)


def test_widgets_are_disabled_controls_with_their_values(page: Page) -> None:
    texts = page.having("input", type="text")
    assert [a["value"] for a in texts] == ["Ann"]
    assert all("disabled" in a for _, a in page.tags if _ in ("input", "select", "button"))
    [gift] = page.having("input", type="checkbox")
    assert "checked" in gift
    [password] = page.having("input", type="password")
    assert password["value"] == "********"
    [qty] = page.having("input", type="range")
    assert (qty["min"], qty["max"], qty["value"]) == ("0", "10", "4")
    assert len([a for a in page.having("select") if "multiple" in a]) == 1
    assert "Buy" in page.text("widget button")


def test_layout_sidebar_columns_tabs_expander_dialog(page: Page) -> None:
    assert "Fast" in page.text("sidebar") and "Shop" not in page.text("sidebar")
    assert [a["style"] for a in page.having("div", **{"class": "column"})] == [
        "flex:0.6666666666666666",
        "flex:0.3333333333333333",
    ]
    assert "first tab" in page.text("tab") and "second tab" in page.text("tab")
    [expander] = page.having("details", **{"class": "expander"})
    assert "open" not in expander and "hidden text" in page.text("expander")
    assert ["open" in a for a in page.having("dialog")] == [True]
    assert "Confirm" in page.text("dialog")
    assert "Sure?" in page.text("dialog")


def test_exception_in_red_with_its_trace(page: Page) -> None:
    [box] = page.having("div", **{"class": "exception"})
    assert "#b00020" in str(box["style"])
    assert "ZeroDivisionError" in page.text("exception")
    assert "division by zero" in page.text("exception")
    assert "st.write(1 / 0)" in page.text("exception")


def test_text_is_escaped() -> None:
    at = AppTest.from_string("import streamlit as st\nst.text('<script>alert(1)</script>')").run()
    assert "<script>alert" not in at.to_html() and "&lt;script&gt;" in at.to_html()


def test_cli_html_option_writes_the_page(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import streamlit as st\nst.title('Hello page')\n")
    out = tmp_path / "page.html"
    assert main(["run", str(script), "--html", str(out)]) == 0
    parser = Page()
    parser.feed(out.read_text(encoding="utf-8"))
    assert parser.text("h1") == "Hello page"


def test_plugin_writes_a_page_per_failing_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_failing_pages="""
        def test_fails(app_from_string):
            app_from_string("import streamlit as st\\nst.title('Broken page')").run()
            assert False

        def test_passes(app_from_string):
            app_from_string("import streamlit as st\\nst.title('Fine page')").run()
        """
    )
    out = pytester.path / "pages"
    pytester.runpytest("-p", "no:cacheprovider", f"--apptest-html={out}").assert_outcomes(
        failed=1, passed=1
    )
    [written] = sorted(out.iterdir())
    assert written.name == "test_failing_pages.py_test_fails.html"
    assert "Broken page" in written.read_text(encoding="utf-8")


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no Chromium at /usr/bin/chromium")
def test_chromium_renders_a_screenshot(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(AppTest.from_string(APP).run().to_html(), encoding="utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run(
        [str(shutil.which(str(CHROMIUM)) or CHROMIUM), "--headless", "--no-sandbox",
         "--disable-gpu", f"--screenshot={shot}", "--window-size=1200,900", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )
    assert shot.read_bytes().startswith(b"\x89PNG")
