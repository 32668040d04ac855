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
from apptest._browser.timers import Timer, Timers, browser_delay_ms
from apptest._features import session_apis
from apptest._server.records import RunRecord
from apptest._time.clock import MS, Clock


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
        known = self._by_kind or {}
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
    assert builds == [
        (id(block), "markdown"),
        (id(block), "text_input"),
        (id(block), "button"),
        (id(block), "form_submit_button"),  # at.button lists submit buttons too, as AppTest's
    ]
    at.run()
    assert len(at.button) == 20
    assert (id(at.main), "button") in builds  # a full run wrote every node: a new snapshot


# -- a fragment step and a timer tick: bookkeeping over what they touch only -----------------
class _CountingDict(dict[Any, Any]):
    """A dict counting the keys it is asked about: one per item read or write, one per key
    for each iteration or copy (a copy of a dict subclass goes through ``keys``)."""

    def __init__(self, items: Any, counter: list[int]) -> None:
        super().__init__(items)
        self.counter = counter

    def _visit(self, n: int = 1) -> None:
        self.counter[0] += n

    def __getitem__(self, key: Any) -> Any:
        self._visit()
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        self._visit()
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._visit()
        return super().__contains__(key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._visit()
        super().__setitem__(key, value)

    def pop(self, key: Any, *default: Any) -> Any:
        self._visit()
        return super().pop(key, *default)

    def __iter__(self) -> Iterator[Any]:
        self._visit(len(self))
        return super().__iter__()

    def keys(self) -> Any:
        self._visit(len(self))
        return super().keys()

    def items(self) -> Any:
        self._visit(len(self))
        return super().items()

    def values(self) -> Any:
        self._visit(len(self))
        return super().values()


_FRAGMENT = """
@st.fragment
def inside():
    if st.button("go", key="go", on_click=lambda: None):
        st.session_state.clicks = st.session_state.get("clicks", 0) + 1
    st.text_input("name", key="name", on_change=lambda: None)
    st.write(f"clicks {st.session_state.get('clicks', 0)}")
inside()
"""

_OUTSIDE = {
    "keyed widgets": "for i in range({n}):\n    st.checkbox(str(i), key=f'k{{i}}')\n",
    "widgets with callbacks": (
        "for i in range({n}):\n    st.checkbox(str(i), key=f'k{{i}}', on_change=print)\n"
    ),
    "fragments": "@st.fragment\ndef other(i):\n    pass\nfor i in range({n}):\n    other(i)\n",
    "state keys": (
        "if 'x0' not in st.session_state:\n"
        "    for i in range({n}):\n        st.session_state[f'x{{i}}'] = i\n"
    ),
}


def _watch(at: AppTest) -> list[int]:
    """Swap the session's and the browser's per-key maps for counting ones."""
    counter = [0]
    session = at._session
    state = session.state
    for name in ("user", "incoming", "old", "key_to_id", "id_to_key", "meta", "registered"):
        setattr(state, name, _CountingDict(getattr(state, name), counter))
    frontend = at._browser.frontend
    frontend.widget_values = _CountingDict(frontend.widget_values, counter)
    fragments = session.fragments
    fragments.fragments = _CountingDict(fragments.fragments, counter)
    timers = at._browser.timers
    timers._timers = _CountingDict(timers._timers, counter)
    return counter


def _fragment_step_visits(outside: str, n: int) -> int:
    """Keys visited by two fragment steps (click + run, type + run) and their reads."""
    script = "import streamlit as st\n" + outside.format(n=n) + _FRAGMENT
    at = AppTest.from_string(script).run()
    at.button("go").click().run()  # the fragment ran once: its own bookkeeping exists
    counter = _watch(at)
    at.button("go").click().run()
    at.text_input("name").input("x").run()
    assert at.markdown[-1].value == "clicks 2"
    assert at.session_state["name"] == "x"
    return counter[0]


@pytest.mark.parametrize("what", list(_OUTSIDE))
def test_a_fragment_step_visits_the_same_keys_whatever_lies_outside(what: str) -> None:
    """Issue 13: stale-widget cleanup (C2), trigger resets (C5), callback detection (CB1),
    the request's widget values and the fragment loop after a run look at what the fragment
    touched, not at the 5,000 keyed widgets, fragments or state keys outside it."""
    small = _fragment_step_visits(_OUTSIDE[what], 5)
    large = _fragment_step_visits(_OUTSIDE[what], 5_000)
    assert small == large


def _tick_visits(others: int) -> int:
    script = (
        "import streamlit as st\n"
        "@st.fragment(run_every=1000)\ndef other(i):\n    pass\n"
        f"for i in range({others}):\n    other(i)\n"
        "@st.fragment(run_every=1)\ndef ticking():\n    st.write('tick')\n"
        "ticking()\n"
    )
    at = AppTest.from_string(script).run()
    at.clock.advance(1)
    counter = _watch(at)
    at.clock.advance(2)  # two ticks
    assert len(at.runs) == 4 and at.runs[-1].fragments == ("ticking",)
    return counter[0]


def test_a_timer_tick_visits_the_same_timers_with_1_or_1000_others() -> None:
    """Issue 13, T7-T12: the next tick is found without looking at every armed timer."""
    assert _tick_visits(1) == _tick_visits(1_000)


# -- the timer heap keeps the scanning semantics ---------------------------------------------
class _ScanTimers:
    """The timers as a plain list scanned on every question: the reference (T7-T12)."""

    def __init__(self, clock: Clock, one_per_fragment: bool) -> None:
        self.clock, self.one, self.timers, self.order = clock, one_per_fragment, [], 0

    def arm(self, fragment_id: str, seconds: float) -> None:
        if self.one:
            same = [t for t in self.timers if t.fragment_id == fragment_id]
            if same and same[0].seconds == seconds:
                return
            self.timers = [t for t in self.timers if t.fragment_id != fragment_id]
        self.order += 1
        interval = browser_delay_ms(seconds) * MS
        self.timers.append(
            Timer(fragment_id, seconds, interval, self.clock.now_ns + interval, self.order)
        )

    def next_due(self, until: int) -> Timer | None:
        due = [t for t in self.timers if t.interval > 0 and t.due <= until]
        return min(due, key=lambda t: (t.due, t.order), default=None)

    def collect_overdue(self) -> list[str]:
        now = self.clock.now_ns
        due = sorted(
            (t for t in self.timers if t.interval > 0 and t.due < now),
            key=lambda t: (t.due, t.order),
        )
        for t in due:
            t.due += ((now - t.due) // t.interval + 1) * t.interval
        return list(dict.fromkeys(t.fragment_id for t in due))


_timer_ops = hs.lists(
    hs.one_of(
        hs.tuples(hs.just("arm"), hs.sampled_from("abc"), hs.sampled_from([0, 0.5, 1, 3])),
        hs.tuples(hs.just("tick"), hs.integers(0, 4_000), hs.just(0)),
        hs.tuples(hs.just("late"), hs.integers(0, 4_000), hs.just(0)),
        hs.tuples(hs.just("disarm"), hs.sampled_from("abc"), hs.just(0)),
    ),
    max_size=30,
)


@given(_timer_ops, hs.booleans())
def test_the_timer_heap_answers_as_a_scan_of_every_timer(
    ops: list[tuple[str, Any, Any]], one_per_fragment: bool
) -> None:
    """T7-T12 (stacked timers under seed included): the next tick, the overdue ticks and the
    pending list are those a scan of every timer finds."""
    clock = Clock(0)
    heap = Timers(clock, one_timer_per_fragment=one_per_fragment)
    scan = _ScanTimers(clock, one_per_fragment)
    for op, arg, seconds in ops:
        if op == "arm":
            heap.arm(arg, seconds)
            scan.arm(arg, seconds)
        elif op == "tick":  # what Browser.advance does for one tick due by now + arg ms
            until = clock.now_ns + arg * MS
            got, want = heap.next_due(until), scan.next_due(until)
            assert (got and (got.fragment_id, got.due)) == (want and (want.fragment_id, want.due))
            if got is not None and want is not None:
                clock.now_ns = got.due
                heap.fire(got)
                want.due += want.interval
        elif op == "late":  # a run took ``arg`` ms: ticks due meanwhile are overdue (T12)
            clock.now_ns += arg * MS
            assert heap.has_overdue() == bool(scan.next_due(clock.now_ns - 1))
            assert heap.collect_overdue() == scan.collect_overdue()
        else:  # T10
            heap.disarm({arg})
            scan.timers = [t for t in scan.timers if t.fragment_id != arg]
        pending = sorted(scan.timers, key=lambda t: (t.due, t.order))
        assert [(p.fragment_id, p.due) for p in heap.pending()] == [
            (t.fragment_id, clock.as_datetime(t.due)) for t in pending
        ]
        hot = heap.hot_timer()
        want_hot = next((t for t in scan.timers if t.interval <= 0), None)
        assert (hot and hot.order) == (want_hot and want_hot.order)


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
                frontend.put_block(path[:-1], path[-1], kind, props, fragment_id)
            else:
                frontend.put_element(path[:-1], path[-1], kind, props, fragment_id)
        if data.draw(hs.booleans(), label="snapshot"):
            _check_snapshot(frontend)
    _check_snapshot(frontend)


def test_a_snapshot_taken_mid_run_does_not_hide_what_the_fragment_run_clears() -> None:
    """FE5 after a mid-run snapshot (``at.tree`` from a callback): the snapshot consumed the
    marks of the run's writes, so clearing marks the path to the cleared block again."""
    frontend = Frontend(cast(Any, None))
    frontend.begin_run(1, ())
    block = frontend.put_block((0,), 0, "container", {}, "f")
    frontend.put_element(block, 0, "markdown", {"body": 1}, "f")
    frontend.put_element(block, 1, "markdown", {"body": 2}, "f")
    frontend.clear_stale()
    _check_snapshot(frontend)
    frontend.begin_run(2, ("f",))
    frontend.put_element((0, 0), 0, "markdown", {"body": 3}, "f")
    _check_snapshot(frontend)  # mid-run
    frontend.clear_stale()  # FE5: the second markdown was not written again
    _check_snapshot(frontend)
    main = snapshot.freeze_roots(frontend.roots, cast(Any, None))[0]
    assert [m.proto["body"] for m in main.markdown] == [3]
