"""The query API is typed (issue item 3): mypy knows ``at.button`` is a ``WidgetList[Button]``.

mypy runs on small test files written to a temporary folder, with ``mypy_path`` set to this
checkout so that ``import apptest`` is this repository's package (not an installed one). The
cache is the repository's ``.mypy_cache`` (``test_quality`` fills it), so a run takes seconds.

The runtime half: every typed accessor returns the list class and node class its annotation
names, on an app that shows one element of every kind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import apptest
from apptest import AppTest, ElementList, WidgetList
from apptest._api.query import QueryMixin

ROOT = Path(__file__).resolve().parent.parent

BAD = """\
from apptest import AppTest

at = AppTest.from_file("app.py").run()
at.button[0].clikc()  # BAD: misspelt verb
at.slider("s").set_vlaue(3)  # BAD: misspelt verb through the callable list
at.checkbox[0].click()  # BAD: a checkbox has no click
at.buton  # BAD: misspelt accessor
reveal_type(at.slider)  # REVEAL: WidgetList[Slider]
reveal_type(at.button("k"))  # REVEAL: Button
reveal_type(at.button(label="Go"))  # REVEAL: Button
reveal_type(at.columns)  # REVEAL: ElementList[Column]
reveal_type(at.columns[0].button(label="Go"))  # REVEAL: Button
reveal_type(at.sidebar.markdown)  # REVEAL: ElementList[Markdown]
reveal_type(at.selectbox("city").select("Oslo"))  # REVEAL: Selectbox
reveal_type(at.exception[0])  # REVEAL: Exception_
"""

GOOD = """\
from apptest import AppTest, Button, Column, Markdown, Slider


def check(at: AppTest) -> None:
    at.button[0].click().run()
    at.slider("s").set_value(3)
    text: object = at.sidebar.markdown[0].value
    go: Button = at.columns[0].button(label="Go")
    column: Column = at.columns[0]
    slider: Slider = at.slider("s").set_range(1, 2)
    notes: list[Markdown] = list(at.main.markdown)
    assert at.text_input("name").input("Ann").run() is at
"""


def _marked_lines(source: str, marker: str) -> dict[int, str]:
    """Line number -> what follows ``marker`` on that line."""
    return {
        number: line.split(marker, 1)[1].strip()
        for number, line in enumerate(source.splitlines(), start=1)
        if marker in line
    }


def _short_type(revealed: str) -> str:
    """``apptest._api.lists.WidgetList[apptest._api.widget_nodes_values.Slider]`` ->
    ``WidgetList[Slider]``
    (the module paths are internal and move; the class names are the API)."""
    return re.sub(r"\b(?:\w+\.)+(\w+)", r"\1", revealed)


@pytest.fixture(scope="module")
def mypy_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, list[str]], str]:
    """mypy's report lines by file name ("bad", "good"), and its verbose log."""
    api = pytest.importorskip("mypy.api", reason="mypy comes with the 'test' extra")
    folder = tmp_path_factory.mktemp("typing")
    (folder / "bad_usage.py").write_text(BAD, encoding="utf-8")
    (folder / "good_usage.py").write_text(GOOD, encoding="utf-8")
    config = folder / "mypy.ini"
    config.write_text(
        "[mypy]\n"
        f"mypy_path = {ROOT}\n"
        "strict = True\n"
        "python_version = 3.10\n"
        f"cache_dir = {ROOT / '.mypy_cache'}\n",
        encoding="utf-8",
    )
    stdout, stderr, _status = api.run(
        [
            *("--config-file", str(config), "--no-error-summary", "--show-error-codes"),
            *("--verbose", str(folder / "bad_usage.py"), str(folder / "good_usage.py")),
        ]
    )
    report: dict[str, list[str]] = {"bad": [], "good": []}
    for line in stdout.splitlines():
        name = Path(line.split(":", 1)[0]).name.removesuffix("_usage.py")
        report.setdefault(name, []).append(line)
    return report, stderr


def test_mypy_checks_the_repositorys_package(mypy_run: tuple[dict[str, list[str]], str]) -> None:
    _, log = mypy_run
    assert f"{ROOT / 'apptest' / '__init__.py'}" in log, "mypy did not read this checkout's apptest"
    assert set(mypy_run[0]) == {"bad", "good"}, mypy_run[0]  # nothing about other files


def test_a_misspelt_verb_or_accessor_is_an_attr_defined_error(
    mypy_run: tuple[dict[str, list[str]], str],
) -> None:
    report, _ = mypy_run
    errors = {int(line.split(":")[1]): line for line in report["bad"] if ": error: " in line}
    expected = _marked_lines(BAD, "# BAD:")
    assert sorted(errors) == sorted(expected), "\n".join(report["bad"])
    assert all(line.endswith("[attr-defined]") for line in errors.values()), errors
    clikc = BAD.splitlines().index("at.button[0].clikc()  # BAD: misspelt verb") + 1
    assert '"Button" has no attribute "clikc"' in errors[clikc]


def test_reveal_type_shows_the_list_and_node_classes(
    mypy_run: tuple[dict[str, list[str]], str],
) -> None:
    report, _ = mypy_run
    revealed = {
        int(line.split(":")[1]): _short_type(line.split('Revealed type is "', 1)[1].rstrip('"'))
        for line in report["bad"]
        if "Revealed type is" in line
    }
    assert revealed == _marked_lines(BAD, "# REVEAL:")


def test_correct_use_type_checks_clean(mypy_run: tuple[dict[str, list[str]], str]) -> None:
    report, _ = mypy_run
    assert report["good"] == []


# -- the annotations match what the accessors return -----------------------------------------
ACCESSORS = [
    name
    for cls in QueryMixin.__mro__
    for name, value in vars(cls).items()
    if isinstance(value, property)
]
ANNOTATION = re.compile(r"^(ElementList|WidgetList)\[(\w+)\]$")


@pytest.fixture(scope="module")
def all_kinds() -> AppTest:
    return AppTest.from_file("apps/query_all_kinds.py").run()


def test_the_accessors_are_the_ones_there_were() -> None:
    """Typing them added and dropped none (the list before: issue item 3; ``html``,
    ``image`` and ``progress`` added with AppTest's accessors, issue 14 item 2)."""
    assert sorted(ACCESSORS) == sorted(
        "button form_submit_button checkbox toggle text_input radio selectbox multiselect "
        "slider select_slider number_input text_area date_input time_input color_picker "
        "chat_input download_button link_button pills segmented_control feedback file_uploader "
        "camera_input data_editor markdown title header subheader caption text code latex json "
        "divider metric error warning info success exception toast dataframe table columns "
        "tabs expander status form container dialog popover html image progress help".split()
    )


@pytest.mark.parametrize("name", ACCESSORS)
def test_each_accessor_returns_what_its_annotation_says(all_kinds: AppTest, name: str) -> None:
    annotation = getattr(QueryMixin, name).fget.__annotations__["return"]
    match = ANNOTATION.match(annotation)
    assert match, f"at.{name} is annotated {annotation!r}"
    list_class = {"ElementList": ElementList, "WidgetList": WidgetList}[match[1]]
    node_class = getattr(apptest, match[2])
    found = getattr(all_kinds, name)
    assert type(found) is list_class
    assert len(found) >= 1, f"the app shows no {name}: the check would be vacuous"
    assert all(isinstance(node, node_class) for node in found), [type(n) for n in found]
    assert all_kinds.get(name) == found  # get(kind) agrees with the accessor


def test_blocks_have_the_typed_accessors(all_kinds: AppTest) -> None:
    column = all_kinds.columns[0]
    assert isinstance(column, apptest.Column)
    assert type(column.button) is WidgetList
    assert isinstance(column.button("left"), apptest.Button)
    assert all_kinds.form[0].text_input("inform").label == "In form"
    assert type(all_kinds.sidebar.markdown) is ElementList


def test_container_leaves_out_fragment_areas() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        @st.fragment
        def part():
            st.write("in fragment")
        part()
        with st.container(key="box"):
            st.write("in box")
        """
    ).run()
    assert [c.key for c in at.container] == ["box"]
    assert at.get("container") == at.container
