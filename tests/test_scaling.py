"""Work that must not grow with the app or the session (issue 13), asserted by counts.

No wall-clock time here: each test counts what the code touches (list reads, slug
computations, tree nodes visited), so it cannot flake on a loaded machine.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as hyp

from apptest import AppTest
from apptest._api.query import QueryMixin
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
def visits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the nodes every tree walk (``_descendants``) yields, one entry per walk."""
    counts: list[int] = []
    walk = QueryMixin._descendants

    def counting(self: QueryMixin) -> Iterator[Any]:
        counts.append(0)
        for node in walk(self):
            counts[-1] += 1
            yield node

    monkeypatch.setattr(QueryMixin, "_descendants", counting)
    return counts


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


def test_ten_accessors_on_one_snapshot_walk_the_tree_once(visits: list[int]) -> None:
    at = AppTest.from_string(_APP).run()
    assert _ten_reads(at) == [20, 21, 1, 1, 1, 1, 0, 0, 20, 0]
    assert len(visits) == 1  # one walk for all ten
    nodes = visits[0]
    assert _ten_reads(at) == [20, 21, 1, 1, 1, 1, 0, 0, 20, 0]
    assert visits == [nodes]  # the second round walks nothing
    assert at.button("b3").label == "b3" and at.markdown[-1].value == "inside"


def test_a_block_indexes_its_subtree_once_and_a_new_run_rebuilds(visits: list[int]) -> None:
    at = AppTest.from_string(_APP).run()
    block = at.expander[0]
    assert [len(block.markdown), len(block.text_input), len(block.button)] == [1, 1, 0]
    assert [len(block.markdown), len(block.text_input)] == [1, 1]
    assert visits == [visits[0], 2]  # the app's walk, then the expander's two children once
    at.run()
    assert len(at.button) == 20
    assert len(visits) == 3  # a new snapshot is walked again, once


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


_timer_ops = hyp.lists(
    hyp.one_of(
        hyp.tuples(hyp.just("arm"), hyp.sampled_from("abc"), hyp.sampled_from([0, 0.5, 1, 3])),
        hyp.tuples(hyp.just("tick"), hyp.integers(0, 4_000), hyp.just(0)),
        hyp.tuples(hyp.just("late"), hyp.integers(0, 4_000), hyp.just(0)),
        hyp.tuples(hyp.just("disarm"), hyp.sampled_from("abc"), hyp.just(0)),
    ),
    max_size=30,
)


@given(_timer_ops, hyp.booleans())
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
