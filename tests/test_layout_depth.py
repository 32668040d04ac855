"""Writes inside nested containers cost the same at any depth (issue 13), asserted by counts.

No wall-clock time: the tests count apptest's own Python calls and look at the path objects
the frontend hands out, so they cannot flake on a loaded machine.
"""

from __future__ import annotations

import sys
import textwrap
from collections import Counter
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

import apptest
from apptest import AppTest
from apptest._browser.frontend import Frontend

_OWN = apptest.__file__.rsplit("/", 1)[0] + "/"


def _nested(depth: int, count: int) -> str:
    return textwrap.dedent(
        f"""\
        import streamlit as st

        def nest(level):
            if level == 0:
                for i in range({count}):
                    st.markdown(f"line {{i}}")
            else:
                with st.container():
                    nest(level - 1)

        nest({depth})
        """
    )


def _side_by_side(containers: int, count: int) -> str:
    return textwrap.dedent(
        f"""\
        import streamlit as st

        for _ in range({containers} - 1):
            with st.container():
                pass
        with st.container():
            for i in range({count}):
                st.markdown(f"line {{i}}")
        """
    )


def _own_calls(at: AppTest) -> Counter[str]:
    """apptest's own Python calls during one ``run()``, by function."""
    calls: Counter[str] = Counter()

    def profile(frame: FrameType, event: str, arg: object) -> None:
        code = frame.f_code
        if event == "call" and code.co_filename.startswith(_OWN):
            calls[f"{code.co_filename[len(_OWN) :]}:{code.co_name}"] += 1

    sys.setprofile(profile)
    try:
        at.run()
    finally:
        sys.setprofile(None)
    return calls


def test_a_nesting_level_makes_the_calls_of_a_container_side_by_side() -> None:
    """200 nested containers cost apptest the calls of 200 containers side by side."""
    nested = AppTest.from_string(_nested(200, 20)).run()
    side = AppTest.from_string(_side_by_side(200, 20)).run()
    assert _own_calls(nested) == _own_calls(side)
    assert not nested.exception and not side.exception


def _block_paths(at: AppTest, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, ...]]:
    """The paths ``put_block`` returns during one ``run()``, in order."""
    paths: list[tuple[int, ...]] = []
    put_block = Frontend.put_block

    def recording(self: Frontend, *args: Any) -> tuple[int, ...]:
        path = put_block(self, *args)
        paths.append(path)
        return path

    with monkeypatch.context() as patch:
        patch.setattr(Frontend, "put_block", recording)
        at.run()
    return paths


def test_a_block_kept_in_place_is_handed_its_path_of_the_last_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = AppTest.from_string(_nested(200, 3)).run()
    first = _block_paths(at, monkeypatch)
    second = _block_paths(at, monkeypatch)
    assert first == [(0,) + (0,) * depth for depth in range(1, 201)]
    # no block path was built again: a level costs no d-tuple
    assert all(new is old for new, old in zip(second, first, strict=True))
    block: Any = at.main
    for _ in range(200):
        block = block[0]
    assert [m.value for m in block.markdown] == ["line 0", "line 1", "line 2"]
    assert block.path == (0,) * 201


def test_a_block_that_moved_gets_its_new_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """An element written before the blocks in one run moves them: their paths (and those of
    the blocks inside them) are built anew, and the writes land where Streamlit puts them."""
    script = textwrap.dedent(
        """\
        import streamlit as st

        if st.session_state.setdefault("runs", 0) % 2:
            st.markdown("first")
        st.session_state.runs += 1
        with st.container():
            with st.container():
                with st.expander("x"):
                    st.markdown("deep")
        """
    )
    at = AppTest.from_string(script).run()
    assert _block_paths(at, monkeypatch) == [(0, 1), (0, 1, 0), (0, 1, 0, 0)]
    assert at.markdown.values == ["first", "deep"]
    assert at.expander[0].path == (0, 1, 0, 0)
    assert _block_paths(at, monkeypatch) == [(0, 0), (0, 0, 0), (0, 0, 0, 0)]
    assert at.markdown.values == ["deep"]
    assert at.markdown[0].path == (0, 0, 0, 0, 0)


def test_a_block_of_another_kind_at_a_kept_path_starts_empty() -> None:
    """FE2 still holds when the path is reused: a new kind at the slot keeps no children."""
    script = textwrap.dedent(
        """\
        import streamlit as st

        runs = st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        block = st.expander("x") if runs % 2 else st.container()
        with block:
            st.markdown(f"run {runs}")
            with st.container():
                st.markdown("inner")
        """
    )
    at = AppTest.from_string(script).run()
    assert at.container[0].markdown.values == ["run 0", "inner"]
    at.run()
    assert not at.container or at.container[0].path != (0, 0)
    assert at.expander[0].markdown.values == ["run 1", "inner"]
    assert at.expander[0].container[0].path == (0, 0, 1)
    at.run()
    assert at.main[0].type == "container"
    assert at.main[0].markdown.values == ["run 2", "inner"]


# -- an element sent again to its slot: the node is reused, what a test sees is not ------------
def test_an_element_sent_again_shows_its_new_fields_and_old_snapshots_keep_theirs() -> None:
    script = textwrap.dedent(
        """\
        import streamlit as st

        runs = st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.markdown(f"run {runs}")
        if runs % 2:
            st.text("odd")
        else:
            st.markdown("even")

        @st.fragment
        def inner():
            st.markdown(f"fragment {runs}")

        inner()
        """
    )
    at = AppTest.from_string(script).run()
    before = at.main
    node = at._session.frontend.roots[0].children[0]  # type: ignore[index]
    at.run()
    after = at.main
    assert at._session.frontend.roots[0].children[0] is node  # type: ignore[index]
    assert [m.value for m in before.markdown] == ["run 0", "even", "fragment 0"]
    assert [m.value for m in after.markdown] == ["run 1", "fragment 1"]
    assert after.text[0].value == "odd" and after.text[0].path == (0, 1)
    assert after[0].run_id == at.runs[-1].id != before[0].run_id
    at.run()
    assert [m.value for m in at.markdown] == ["run 2", "even", "fragment 2"]
    assert not at.text


_SPEC = hs.recursive(
    hs.sampled_from(["a", "b", "c", "wa", "wb"]),
    lambda inner: hs.lists(inner, max_size=4),
    max_leaves=12,
)
_SHOWN = hs.sets(hs.sampled_from(["a", "b", "c", "wa", "wb"]))

_DRAW = """\
import streamlit as st

def draw(node, where):
    for n, item in enumerate(node):
        if isinstance(item, list):
            with st.container():
                draw(item, f"{where}.{n}")
        elif item in st.session_state.get("shown", ()):
            if item.startswith("w"):
                st.checkbox(item, key=f"{item}{where}.{n}")
            else:
                st.markdown(item)

draw(SPEC, "")
"""


@settings(max_examples=40, deadline=None)
@given(spec=hs.lists(_SPEC, max_size=4), shown=hs.lists(_SHOWN, min_size=1, max_size=4))
def test_FE4_removals_at_any_depth_leave_the_tree_a_fresh_run_draws(
    spec: list[Any], shown: list[set[str]]
) -> None:
    """Elements and widgets that go at any depth, run after run (the tree read after each run,
    so the snapshot re-freezes from the change marks): the tree and the widget values are
    those of a new AppTest drawing the same."""
    source = _DRAW.replace("SPEC", repr(spec))
    at = AppTest.from_string(source)
    for names in shown:
        at.session_state["shown"] = names
        at.run()
        fresh = AppTest.from_string(source)
        fresh.session_state["shown"] = names
        fresh.run()
        assert at.tree == fresh.tree
        assert {c.key: c.value for c in at.checkbox} == {c.key: c.value for c in fresh.checkbox}


def test_a_container_has_the_fields_the_hot_paths_copy_one_by_one() -> None:
    """``emit_element`` and ``emit_block`` copy a container of ``_FIELDS`` attributes field by
    field; one with more (a status container, an attribute the app set) is copied whole."""
    from apptest._run.layout import _FIELDS, Container

    assert len(Container().__dict__) == _FIELDS
    at = AppTest.from_string(
        """
        import streamlit as st
        box = st.container()
        box.note = "mine"
        st.session_state["kept"] = box.markdown("x").note
        s = st.status("S")
        s.markdown("in").update(label="T")
        """
    ).run()
    assert at.session_state["kept"] == "mine"
    assert "status 'T'" in at.tree


def test_a_cursor_has_the_fields_the_hot_paths_set_one_by_one() -> None:
    """``emit_element`` and ``emit_block`` make cursors without ``Cursor.__init__``, setting
    these four slots: a field added to ``Cursor`` must be set there too."""
    import dataclasses

    from apptest._run.script_run import Cursor

    assert [f.name for f in dataclasses.fields(Cursor)] == [
        "parent",
        "index",
        "locked",
        "fragment_id",
    ]
