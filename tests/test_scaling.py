"""Work that must not grow with the app or the session (issue 13), asserted by counts.

No wall-clock time here: each test counts what the code touches (list reads, slug
computations, tree nodes visited), so it cannot flake on a loaded machine.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from apptest import AppTest
from apptest._api import snapshot
from apptest._api.nodes import Node
from apptest._api.query import Block
from apptest._browser.frontend import Frontend, TreeNode
from apptest._features import session_apis
from apptest._server.records import RunRecord


# -- at.runs: a live, read-only view ---------------------------------------------------------
class _CountingList(list[RunRecord]):
    """The session's run list, counting whole-list reads (a copy iterates) and item reads."""

    def __init__(self, items: list[RunRecord]) -> None:
        super().__init__(items)
        self.iterations = 0
        self.item_reads = 0

    def __iter__(self) -> Iterator[RunRecord]:
        self.iterations += 1
        return super().__iter__()

    def __getitem__(self, index: Any) -> Any:
        self.item_reads += 1
        return super().__getitem__(index)


def _last_run_reads(at: AppTest, history: int) -> tuple[int, int, int]:
    """(iterations, item reads, len) of the run list for ``at.runs[-1]`` + ``len(at.runs)``."""
    first = at._session.runs[0]
    runs = _CountingList([first] * history)
    at._session.runs = runs
    assert at.runs[-1] is first
    assert len(at.runs) == history
    return runs.iterations, runs.item_reads, len(runs)


def test_last_run_and_length_read_the_live_list_without_copying_it() -> None:
    at = AppTest.from_string("import streamlit as st\nst.write('hi')").run()
    small = _last_run_reads(at, 1_000)
    large = _last_run_reads(at, 100_000)
    # the same work (one item read, no iteration) whatever the history's length
    assert small[:2] == large[:2] == (0, 1)


def test_runs_is_a_live_view_that_compares_equal_to_a_list() -> None:
    at = AppTest.from_string("import streamlit as st")
    runs = at.runs
    assert runs == [] and runs == () and not runs
    at.run()
    at.run()
    assert len(runs) == 2  # the view taken before the runs sees them
    assert runs == list(at._session.runs) == at.runs
    assert runs[-2:] == [runs[0], runs[1]]
    assert runs != [runs[0]]
    assert repr(runs) == repr(list(at._session.runs))


def test_runs_cannot_be_changed_by_the_test() -> None:
    at = AppTest.from_string("import streamlit as st").run()
    runs: Any = at.runs
    with pytest.raises(TypeError):
        runs[0] = runs[0]
    with pytest.raises(TypeError):
        del runs[0]
    for name in ("append", "clear", "pop", "extend", "insert", "remove"):
        assert not hasattr(runs, name)
    with pytest.raises(TypeError):
        hash(runs)  # equal to a list, so unhashable like one
    runs[:].clear()  # a slice is the test's own list
    assert len(at.runs) == 1


# -- heading anchors: one slug per distinct text -------------------------------------------
def test_a_header_slugs_its_text_once_over_100_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    text = f"Header {uuid.uuid4().hex}"  # a text no earlier test cached
    calls: list[str] = []
    slugify = session_apis.slugify

    def counting(value: str) -> str:
        calls.append(value)
        return slugify(value)

    monkeypatch.setattr(session_apis, "slugify", counting)
    at = AppTest.from_string(f"import streamlit as st\nst.header({text!r}, anchor=False)")
    for _ in range(100):
        at.run()
    assert calls == [text]
    assert at.header[0].proto["anchor"] == slugify(text)


def test_anchor_cache_keeps_the_given_anchor_and_the_hash_fallback() -> None:
    at = AppTest.from_string(
        "import streamlit as st\n"
        "st.header('Same', anchor='mine')\n"
        "st.header('Same')\n"
        "st.header('你好')\n"
    )
    at.run().run()
    anchors = [h.proto["anchor"] for h in at.header]
    assert anchors == ["mine", "same", session_apis.anchor_from_text("你好")]
    assert anchors[2] == format(session_apis.xxh32("你好".encode(), 0xABCD), "x")


# -- typed accessors: one tree walk per snapshot -------------------------------------------
_APP = """
import streamlit as st
st.title("T")
for i in range(20):
    st.markdown(f"m{i}")
    st.button(f"b{i}", key=f"b{i}")
with st.sidebar:
    st.checkbox("c", key="c")
with st.expander("more"):
    st.text_input("name", key="name")
    st.markdown("inside")
"""


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    """Records each kind list a block builds (``Block._collect`` from ``_of_kind``)."""
    found: list[tuple[int, str]] = []
    of_kind = Block._of_kind

    def counting(self: Block, kind: str) -> list[Any]:
        known = getattr(self, "_by_kind", {})
        if kind not in known:
            found.append((id(self), kind))
        return of_kind(self, kind)

    monkeypatch.setattr(Block, "_of_kind", counting)
    return found


def _ten_reads(scope: Any) -> list[int]:
    return [
        len(scope.button),
        len(scope.markdown),
        len(scope.checkbox),
        len(scope.text_input),
        len(scope.title),
        len(scope.expander),
        len(scope.slider),
        len(scope.container),
        len(scope.get("button")),
        len(scope.columns),
    ]


def test_ten_accessors_on_one_snapshot_build_each_list_once(
    builds: list[tuple[int, str]],
) -> None:
    at = AppTest.from_string(_APP).run()
    assert _ten_reads(at) == [20, 21, 1, 1, 1, 1, 0, 0, 20, 0]
    built = list(builds)
    assert len(built) == len(set(built))  # no list built twice
    assert _ten_reads(at) == [20, 21, 1, 1, 1, 1, 0, 0, 20, 0]
    assert builds == built  # the second round builds nothing
    assert at.button("b3").label == "b3" and at.markdown[-1].value == "inside"


def test_a_block_lists_each_kind_once_and_a_new_run_rebuilds(
    builds: list[tuple[int, str]],
) -> None:
    at = AppTest.from_string(_APP).run()
    block = at.expander[0]
    builds.clear()
    assert [len(block.markdown), len(block.text_input), len(block.button)] == [1, 1, 0]
    assert [len(block.markdown), len(block.text_input)] == [1, 1]
    assert builds == [(id(block), "markdown"), (id(block), "text_input"), (id(block), "button")]
    at.run()
    assert len(at.button) == 20
    assert (id(at.main), "button") in builds  # a full run wrote every node: a new snapshot


# -- the frozen tree: a fragment step re-freezes only the fragment's path ----------------------
def _fragment_app(outside: int) -> str:
    return (
        "import streamlit as st\n"
        f"for i in range({outside}):\n"
        "    st.markdown(f'outside {i}')\n"
        "@st.fragment\n"
        "def inner():\n"
        "    st.button('Rerun fragment')\n"
        "    st.write(f'inside {st.session_state.setdefault(\"n\", 0)}')\n"
        "    st.session_state.n += 1\n"
        "inner()\n"
    )


@pytest.fixture
def freezes(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts the nodes the snapshot visits (``freeze``) and makes (``Node.__init__``), and the
    blocks a query searches (``Block._collect``)."""
    counts: Counter[str] = Counter()
    freeze, init, collect = snapshot.freeze, Node.__init__, Block._collect

    def counting_freeze(*args: Any) -> Any:
        counts["visited"] += 1
        return freeze(*args)

    def counting_init(self: Node, *args: Any) -> None:
        counts["made"] += 1
        init(self, *args)

    def counting_collect(self: Block, *args: Any) -> None:
        counts["searched"] += 1
        collect(self, *args)

    monkeypatch.setattr(snapshot, "freeze", counting_freeze)
    monkeypatch.setattr(Node, "__init__", counting_init)
    monkeypatch.setattr(Block, "_collect", counting_collect)
    return counts


def _fragment_step(outside: int, counts: Counter[str]) -> Counter[str]:
    at = AppTest.from_string(_fragment_app(outside)).run()
    at.button(label="Rerun fragment").click().run()
    assert len(at.markdown) == outside + 1  # the first snapshot: every node
    counts.clear()
    at.button(label="Rerun fragment").click().run()
    assert at.runs[-1].scope == "fragment"
    assert at.button(label="Rerun fragment").label == "Rerun fragment"
    assert at.main[-1].markdown[0].value == "inside 2"
    assert at.main[outside - 1].value == f"outside {outside - 1}"
    return Counter(counts)


def test_a_fragment_step_freezes_and_searches_as_much_with_5_or_5000_outside(
    freezes: Counter[str],
) -> None:
    small = _fragment_step(5, freezes)
    large = _fragment_step(5_000, freezes)
    assert small == large
    assert 0 < small["made"] <= 8  # main, the fragment's block and what the fragment wrote


def test_a_fragment_step_shares_the_frozen_nodes_outside_the_fragment() -> None:
    at = AppTest.from_string(_fragment_app(3)).run()
    before = at.main
    at.button(label="Rerun fragment").click().run()
    after = at.main
    assert after is not before  # main holds the fragment: a new block
    assert after.children[:3] == before.children[:3]
    assert all(a is b for a, b in zip(after.children[:3], before.children[:3], strict=True))
    assert after[3] is not before[3] and at.sidebar is at.sidebar
    assert after.run_id == after[3].run_id == at.runs[-1].id  # FE1: ancestors take it
    assert before.markdown[-1].value == "inside 0"  # an old snapshot does not change
    assert after.markdown[-1].value == "inside 1"


# -- writes: a block is reached from the root once per run, whatever its depth ----------------
def _nested_app(depth: int) -> str:
    return (
        "import streamlit as st\n"
        "c = st.container()\n"
        f"for _ in range({depth - 1}):\n"
        "    c = c.container()\n"
        "for i in range(200):\n"
        "    c.markdown(f'x{i}')\n"
    )


def _levels_walked(depth: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(walks from the root, ancestors they touched) in the second run of ``_nested_app``."""
    at = AppTest.from_string(_nested_app(depth)).run()
    walks: list[int] = []
    walk = Frontend._walk

    def counting(self: Frontend, block_path: tuple[int, ...]) -> Any:
        walks.append(len(block_path))
        return walk(self, block_path)

    with monkeypatch.context() as patch:
        patch.setattr(Frontend, "_walk", counting)
        at.run()
    block: Any = at.main
    for _ in range(depth):  # FE1: every block on the way took the run's id
        block = block[0]
        assert block.run_id == at.runs[-1].id
    assert [m.value for m in block.markdown] == [f"x{i}" for i in range(200)]
    assert len(block.path) == depth + 1
    return len(walks), sum(walks)


def test_writes_touch_as_many_ancestors_at_depth_200_as_at_depth_1(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _levels_walked(200, monkeypatch) == _levels_walked(1, monkeypatch) == (1, 1)


# -- the shared snapshot equals a fresh one, whatever the writes ------------------------------
def _blocks(node: TreeNode, path: tuple[int, ...]) -> Iterator[tuple[TreeNode, tuple[int, ...]]]:
    if node.children is not None:
        yield node, path
        for index, child in enumerate(node.children):
            yield from _blocks(child, (*path, index))


def _expected(node: TreeNode, path: tuple[int, ...]) -> Any:
    children = node.children
    below = None if children is None else [_expected(c, (*path, i)) for i, c in enumerate(children)]
    return (node.kind, path, node.run_id, node.fragment_id, dict(node.props), below)


def _shown(node: Any) -> Any:
    below = None if not isinstance(node, Block) else [_shown(c) for c in node.children]
    return (node.type, node.path, node.run_id, node.fragment_id, dict(node.proto), below)


def _check_snapshot(frontend: Frontend) -> None:
    roots = snapshot.freeze_roots(frontend.roots, cast(Any, None))
    frontend.snapshot_taken()
    for index, (root, frozen) in enumerate(zip(frontend.roots, roots, strict=True)):
        expected = _expected(root, (index,))
        assert _shown(frozen)[1:] == expected[1:]  # the roots' types are main, sidebar, event
        for block in [frozen, *frozen.expander, *frozen.container]:
            for kind in ("markdown", "button", "container", "expander"):
                walked = [n for n in block._descendants() if n.type == kind]
                assert block._of_kind(kind) == walked


_KINDS = ("markdown", "button", "container", "expander")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hs.data())
def test_the_shared_snapshot_equals_one_frozen_from_scratch(data: hs.DataObject) -> None:
    """FE1-FE5 writes, fragment runs, clears and snapshots in any order (mid-run too): each
    snapshot, built from the previous one, shows exactly the frontend tree and its kinds."""
    frontend = Frontend(cast(Any, None))
    run_id = 0
    spinners: list[tuple[tuple[int, ...], TreeNode]] = []
    for _ in range(data.draw(hs.integers(1, 25), label="steps")):
        step = data.draw(hs.sampled_from(["run", "write", "write", "props", "spin", "unspin"]))
        if step == "unspin" and spinners:
            frontend.remove_transient(*spinners.pop(data.draw(hs.integers(0, len(spinners) - 1))))
        elif step == "run":
            if run_id:
                frontend.clear_stale()
            run_id += 1
            frontend.begin_run(run_id, data.draw(hs.sampled_from([(), ("f",), ("f", "g")])))
        elif run_id:
            blocks = [b for root in range(3) for b in _blocks(frontend.roots[root], (root,))]
            block, at = data.draw(hs.sampled_from(blocks))
            assert block.children is not None
            path = (*at, data.draw(hs.integers(0, len(block.children))))
            kind = data.draw(hs.sampled_from(_KINDS))
            fragment_id = data.draw(hs.sampled_from(["", "f", "g"]))
            props = {"body": data.draw(hs.integers(0, 3))}
            if step == "props":
                if path[-1] < len(block.children):
                    frontend.update_props(path, block.children[path[-1]].kind, props)
            elif step == "spin":
                shown = frontend.put_transient(path, "spinner", props, fragment_id)
                if shown is not None:
                    spinners.append((path, shown))
            elif kind in ("container", "expander"):
                frontend.put_block(path, kind, props, fragment_id)
            else:
                frontend.put_element(path, kind, props, fragment_id)
        if data.draw(hs.booleans(), label="snapshot"):
            _check_snapshot(frontend)
    _check_snapshot(frontend)


def test_a_snapshot_taken_mid_run_does_not_hide_what_the_fragment_run_clears() -> None:
    """FE5 after a mid-run snapshot (``at.tree`` from a callback): the snapshot consumed the
    marks of the run's writes, so clearing marks the path to the cleared block again."""
    frontend = Frontend(cast(Any, None))
    frontend.begin_run(1, ())
    frontend.put_block((0, 0), "container", {}, "f")
    frontend.put_element((0, 0, 0), "markdown", {"body": 1}, "f")
    frontend.put_element((0, 0, 1), "markdown", {"body": 2}, "f")
    frontend.clear_stale()
    _check_snapshot(frontend)
    frontend.begin_run(2, ("f",))
    frontend.put_element((0, 0, 0), "markdown", {"body": 3}, "f")
    _check_snapshot(frontend)  # mid-run
    frontend.clear_stale()  # FE5: the second markdown was not written again
    _check_snapshot(frontend)
    main = snapshot.freeze_roots(frontend.roots, cast(Any, None))[0]
    assert [m.proto["body"] for m in main.markdown] == [3]
