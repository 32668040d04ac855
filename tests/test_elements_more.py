"""``st.badge``, ``st.space``, ``st.pdf``, ``st.iframe`` (and ``components.v1.html``/``iframe``),
``st.page_link`` and ``st.bottom``: what they record, how tests read them, Streamlit's errors."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from apptest import AppTest


def run(body: str, **kwargs: object) -> AppTest:
    source = "import streamlit as st\n" + textwrap.dedent(body)
    return AppTest.from_string(source, **kwargs).run()  # type: ignore[arg-type]


def test_badge_is_markdown_as_in_streamlit() -> None:
    at = run('st.badge("New [beta]", icon="🔥", color="green")')
    assert at.markdown[0].value == ":green-badge[🔥 New \\[beta\\]]"
    at = run('st.badge("x", color="pink")')  # Streamlit does not check the colour either
    assert not at.exception and at.markdown[0].value == ":pink-badge[x]"


@pytest.mark.parametrize(("size", "shown"), [("small", "small"), ("xxlarge", "xxlarge"), (40, 40)])
def test_space_records_its_size(size: object, shown: object) -> None:
    at = run(f"st.space({size!r})")
    assert at.space[0].value == shown
    assert f"space {shown!r}" in at.tree


@pytest.mark.parametrize("size", ["huge", 0, -3, 1.5])
def test_space_size_errors_are_streamlits(size: object) -> None:
    at = run(f"st.space({size!r})")
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "StreamlitInvalidSizeError",
        f"Invalid size value: {size!r}. Size must be either a positive integer (pixels), "
        "'stretch', 'small', 'medium', or 'large'.",
    )


def test_pdf_reads_bytes_files_buffers_and_urls(tmp_path: Path) -> None:
    doc = tmp_path / "doc.pdf"
    doc.write_bytes(b"%PDF-file")
    at = run(
        f"""
        import io
        st.pdf(b"%PDF-bytes")
        st.pdf({str(doc)!r}, height=300)
        st.pdf(io.BytesIO(b"%PDF-buffer"))
        st.pdf("https://example.com/a.pdf")
        """
    )
    assert [p.value for p in at.pdf] == [
        b"%PDF-bytes",
        b"%PDF-file",
        b"%PDF-buffer",
        "https://example.com/a.pdf",
    ]
    assert at.pdf[1].height == 300
    assert run("st.pdf(None)").exception[0].message.startswith("The PDF data cannot be None.")


def test_iframe_tells_urls_from_html_and_html_files(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>from a file</p>", encoding="utf-8")
    at = run(
        f"""
        from pathlib import Path
        st.iframe("https://example.com")
        st.iframe("<h1>inline</h1>")
        st.iframe(Path({str(page)!r}))
        st.iframe("/relative/url")
        st.components.v1.html("<b>old</b>", height=50)
        st.components.v1.iframe("https://old.example.com")
        """
    )
    assert [(f.src, f.srcdoc) for f in at.iframe] == [
        ("https://example.com", None),
        (None, "<h1>inline</h1>"),
        (None, "<p>from a file</p>"),
        ("/relative/url", None),
        (None, "<b>old</b>"),
        ("https://old.example.com", None),
    ]
    assert at.get("iframe") == at.iframe
    at = run('st.iframe("https://example.com", tab_index=-2)')
    assert at.exception[0].message == "tab_index must be None, -1, or a non-negative integer."


def test_page_link_to_an_external_url_needs_a_label() -> None:
    at = run('st.page_link("https://example.com", label="Out", icon="🌍")')
    link = at.page_link[0]
    assert (link.value, link.page, link.icon) == ("Out", "https://example.com", "🌍")
    at = run('st.page_link("https://example.com")')
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "StreamlitMissingPageLabelError",
        "The `label` param is required for external links used with `st.page_link` - please "
        "provide a `label`.",
    )


def test_page_link_to_a_page_of_the_pages_folder(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "2_Sales_report.py").write_text("import streamlit as st\n")
    main = tmp_path / "app.py"
    main.write_text(
        "import streamlit as st\n"
        'st.page_link("pages/2_Sales_report.py")\n'
        'st.page_link("app.py", label="Home")\n'
        'st.page_link("pages/missing.py")\n'
    )
    at = AppTest.from_file(str(main)).run()
    assert [(p.value, p.page) for p in at.page_link] == [
        ("Sales report", "Sales_report"),
        ("Home", ""),
    ]
    assert at.exception[0].exc_type == "StreamlitPageNotFoundError"
    assert at.exception[0].message == (
        "Could not find page: `pages/missing.py`. You must provide a file path relative to the "
        f"entrypoint file (from the directory `{tmp_path.name}`). Only the entrypoint file and "
        "files in the `pages/` directory are supported."
    )


def test_page_link_to_an_st_page() -> None:
    at = run(
        """
        def home():
            st.page_link(other, icon="➡️")
        def other_page():
            st.write("other")
        other = st.Page(other_page, title="Other", url_path="other")
        st.navigation([st.Page(home, title="Home"), other]).run()
        """
    )
    assert not at.exception
    assert (at.page_link[0].value, at.page_link[0].page, at.page_link[0].icon) == (
        "Other",
        "other",
        "➡️",
    )


def test_bottom_is_a_root_container_of_the_main_area_only() -> None:
    at = run(
        """
        st.bottom.write("one")
        with st.bottom:
            st.write("two")
        st.write("main")
        """
    )
    assert at.bottom.markdown.values == ["one", "two"]
    assert at.main.markdown.values == ["main"]
    at = run('with st.sidebar:\n    st.bottom.write("x")')
    assert at.exception[0].message == (
        "`st.bottom` cannot be used inside `st.sidebar`. The bottom container is only available "
        "in the main app area."
    )
