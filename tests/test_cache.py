"""st.cache_data and st.cache_resource (issue 3, item 4): keys, ttl, LRU, clear, copies, replay.

Caches live on the AppTest's session, so every test starts with empty caches. Time is the
AppTest's virtual clock: ``ttl`` expiry follows ``at.clock.advance``.
"""

from __future__ import annotations

import datetime
import threading
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from apptest import AppTest
from apptest._features.cache import cache_data as shim_cache_data

if TYPE_CHECKING:
    from conftest import RunApp


def counter_app(decorator: str, body: str) -> str:
    """An app whose cached function ``f`` counts its real calls in ``calls``."""
    return (
        "import streamlit as st\n"
        "st.session_state.setdefault('calls', [])\n"
        f"@{decorator}\n"
        "def f(x, *rest):\n"
        "    st.session_state.calls.append(x)\n"
        "    return [x]\n"
        f"{body}\n"
    )


# -- isolation -----------------------------------------------------------------------------------
def test_cache_data_two_apptests_in_a_row_each_start_with_an_empty_cache() -> None:
    """The same app file in two AppTests: the second computes again (no leak between tests)."""
    first = AppTest.from_file("apps/cache_counter.py").run()
    assert first.markdown.values == ["calls=1", "rows=[0, 1, 2]"]
    first.run()
    assert first.markdown.values[0] == "calls=1"  # a hit in the same AppTest
    second = AppTest.from_file("apps/cache_counter.py").run()
    assert second.markdown.values == ["calls=1", "rows=[0, 1, 2]"]
    second.run()
    assert second.markdown.values[0] == "calls=1"


def test_cached_function_called_outside_a_run_calls_through() -> None:
    calls: list[int] = []

    @shim_cache_data
    def double(x: int) -> int:
        calls.append(x)
        return 2 * x

    assert double(2) == 4 and double(2) == 4
    assert calls == [2, 2]
    double.clear()  # no session: nothing to clear, no error


# -- keys ----------------------------------------------------------------------------------------
def test_equal_arguments_hit_and_different_ones_miss(app: RunApp) -> None:
    at = app(counter_app("st.cache_data", "f(1); f(1); f(2); f(1, 'a'); f(x=1); f(1.0); f(True)"))
    # f(x=1) hashes the same (name, value) pair as f(1); 1, 1.0 and True are different types.
    assert at.session_state["calls"] == [1, 2, 1, 1.0, True]


def test_arguments_with_a_leading_underscore_are_not_hashed(app: RunApp) -> None:
    at = app(
        """
        import threading
        import streamlit as st
        st.session_state.setdefault('calls', 0)
        @st.cache_data
        def query(_connection, sql):
            st.session_state.calls += 1
            return sql.upper()
        st.write(query(threading.Lock(), "select 1"), query(threading.Lock(), "select 1"))
        st.write(query(threading.Lock(), "select 2"))
        st.write(f"calls={st.session_state.calls}")
        """
    )
    assert at.markdown.values == ["SELECT 1 SELECT 1", "SELECT 2", "calls=2"]


def test_unhashable_argument_raises_streamlits_error_naming_it(app: RunApp) -> None:
    at = app(
        """
        import threading
        import streamlit as st
        @st.cache_data
        def query(connection, sql):
            return sql
        query(threading.Lock(), "select 1")
        """
    )
    assert at.exception[0].exc_type == "UnhashableParamError"
    assert at.exception[0].message.startswith(
        "Cannot hash argument 'connection' (of type `_thread.lock`) in 'query'.\n"
        "To address this, you can tell Streamlit not to hash this argument by adding a\n"
        "leading underscore to the argument's name in the function signature:"
    )
    assert "def query(_connection, ...):" in at.exception[0].message


def test_hash_funcs_make_a_custom_type_hashable(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        class Conn:
            def __init__(self, url):
                self.url = url
        st.session_state.setdefault('calls', 0)
        @st.cache_data(hash_funcs={Conn: lambda c: c.url})
        def rows(conn):
            st.session_state.calls += 1
            return conn.url
        rows(Conn("a")); rows(Conn("a")); rows(Conn("b"))
        st.write(st.session_state.calls)
        """
    )
    assert at.markdown.values == ["`2`"]


def test_custom_class_instances_are_unhashable_as_in_streamlit(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        class Conn:
            pass
        @st.cache_data
        def rows(conn):
            return 1
        rows(Conn())
        """
    )
    assert at.exception[0].exc_type == "UnhashableParamError"
    assert "Cannot hash argument 'conn' (of type `__main__.Conn`)" in at.exception[0].message


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=3)
    | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=6,
)


@given(st.lists(values, min_size=1, max_size=5))
def test_property_hits_for_equal_arguments_misses_for_different_ones(args: list[object]) -> None:
    """Calls with the same value (same types, same order) hit; any difference misses.

    ``repr`` tells the values apart as Streamlit's hasher does: by type (``1``/``1.0``/
    ``True``, list/tuple) and in order (dict items).
    """
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.calls = 0
        @st.cache_data
        def echo(x):
            st.session_state.calls += 1
            return x
        st.session_state.results = [echo(v) for v in st.session_state["args"]]
        """
    )
    at.session_state["args"] = args
    at.run()
    assert not at.exception
    assert at.session_state["calls"] == len({repr(v) for v in args})
    assert at.session_state["results"] == args


# -- ttl and max_entries -------------------------------------------------------------------------
@pytest.mark.parametrize("ttl", ["seconds", "string", "timedelta"])
def test_ttl_expiry_follows_the_virtual_clock(ttl: str) -> None:
    at = AppTest.from_file("apps/cache_ttl.py")
    at.session_state["ttl"] = ttl
    at.run()
    assert at.markdown.values == ["value=1 calls=1"]
    at.clock.advance(9.999)
    at.run()
    assert at.markdown.values == ["value=1 calls=1"]
    at.clock.advance("1ms")  # exactly ttl seconds after the value was written: expired
    at.run()
    assert at.markdown.values == ["value=2 calls=2"]
    at.clock.advance(datetime.timedelta(seconds=5))
    at.run()
    assert at.markdown.values == ["value=2 calls=2"]


def test_ttl_counts_from_the_write_and_time_sleep_in_the_app_moves_the_clock(app: RunApp) -> None:
    at = app(
        """
        import time
        import streamlit as st
        st.session_state.setdefault('calls', 0)
        @st.cache_data(ttl=60)
        def f():
            st.session_state.calls += 1
            return st.session_state.calls
        f()
        time.sleep(61)
        st.write(f())
        """
    )
    assert at.markdown.values == ["`2`"]


def test_bad_ttl_string_raises_streamlits_time_string_error_at_the_call(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.cache_data(ttl="soon")
        def f():
            return 1
        st.write("before")
        f()
        """
    )
    assert at.markdown.values == ["before"]
    assert at.exception[0].exc_type == "StreamlitBadTimeStringError"
    assert at.exception[0].message.endswith("Got: soon")


def test_max_entries_evicts_the_least_recently_used_entry(app: RunApp) -> None:
    at = app(counter_app("st.cache_data(max_entries=2)", "f('a'); f('b'); f('a'); f('c'); f('a'); f('b')"))
    # 'a' was used after 'b', so 'c' evicts 'b'; 'a' still hits, 'b' is computed again.
    assert at.session_state["calls"] == ["a", "b", "c", "b"]


def test_changing_ttl_or_max_entries_starts_a_new_empty_cache() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault('calls', 0)
        @st.cache_data(max_entries=st.session_state.get('size', 5))
        def f():
            st.session_state.calls += 1
        f()
        """
    ).run()
    at.run()
    assert at.session_state["calls"] == 1
    at.session_state["size"] = 6
    at.run()
    assert at.session_state["calls"] == 2


# -- clear ---------------------------------------------------------------------------------------
def test_clear_on_the_function_all_values_or_one_argument() -> None:
    at = AppTest.from_string(
        counter_app(
            "st.cache_data",
            "f(1); f(2)\n"
            "what = st.session_state.get('clear')\n"
            "if what == 'all': f.clear()\n"
            "if what == 'one': f.clear(1)\n"
            "f(1); f(2)",
        )
    ).run()
    assert at.session_state["calls"] == [1, 2]
    at.session_state["clear"] = "one"
    at.run()
    assert at.session_state["calls"] == [1, 2, 1]
    at.session_state["clear"] = "all"
    at.run()
    assert at.session_state["calls"] == [1, 2, 1, 1, 2]


def test_global_clear_clears_only_its_own_kind() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault('calls', [])
        @st.cache_data
        def data():
            st.session_state.calls.append('data')
        @st.cache_resource
        def resource():
            st.session_state.calls.append('resource')
        if st.session_state.get('clear') == 'data':
            st.cache_data.clear()
        if st.session_state.get('clear') == 'resource':
            st.cache_resource.clear()
        data(); resource()
        """
    ).run()
    at.session_state["clear"] = "data"
    at.run()
    assert at.session_state["calls"] == ["data", "resource", "data"]
    at.session_state["clear"] = "resource"
    at.run()
    assert at.session_state["calls"] == ["data", "resource", "data", "resource"]


# -- copies and shared objects -------------------------------------------------------------------
def test_cache_data_returns_a_copy_cache_resource_the_same_object(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.cache_data
        def data():
            return {"n": 0}
        @st.cache_resource
        def resource():
            return {"n": 0}
        a = data(); a["n"] += 1
        b = data(); b["n"] += 1
        r = resource(); r["n"] += 1
        s = resource(); s["n"] += 1
        st.write(f"data={data()['n']} same={a is b} resource={resource()['n']} same={r is s}")
        """
    )
    assert at.markdown.values == ["data=0 same=False resource=2 same=True"]


def test_cache_resource_object_survives_reruns_of_the_same_apptest(app: RunApp) -> None:
    source = """
        import streamlit as st
        @st.cache_resource
        def connection():
            return object()
        st.session_state.setdefault('ids', []).append(id(connection()))
        """
    at = app(source)
    at.run()
    ids = at.session_state["ids"]
    assert len(ids) == 2 and ids[0] == ids[1]
    other = app(source)
    assert other.session_state["ids"][0] != ids[0]  # another AppTest, another object


def test_cache_data_unpicklable_return_value_raises_streamlits_error(app: RunApp) -> None:
    at = app(
        """
        import threading
        import streamlit as st
        @st.cache_data
        def lock():
            return threading.Lock()
        lock()
        """
    )
    assert at.exception[0].exc_type == "UnserializableReturnValueError"
    assert at.exception[0].message.startswith(
        "Cannot serialize the return value (of type `_thread.lock`)\nin `lock()`. `st.cache_data` uses"
    )
    assert at.exception[0].is_markdown


def test_cache_resource_validate_recomputes_when_it_fails() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault('calls', 0)
        @st.cache_resource(validate=lambda conn: conn["open"])
        def connect():
            st.session_state.calls += 1
            return {"open": True}
        conn = connect()
        if st.session_state.get('close'):
            conn["open"] = False
        """
    ).run()
    at.run()
    assert at.session_state["calls"] == 1
    at.session_state["close"] = True
    at.run()
    at.session_state["close"] = False
    at.run()
    assert at.session_state["calls"] == 2


def test_cache_resource_on_release_runs_on_eviction_and_clear(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        released = []
        @st.cache_resource(max_entries=1, on_release=released.append)
        def connect(name):
            return name
        connect("a"); connect("b"); connect.clear()
        st.write(released)
        """
    )
    assert at.json[0].value == '["a", "b"]'


# -- spinner -------------------------------------------------------------------------------------
def test_show_spinner_is_recorded_on_a_miss_only(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.cache_data
        def load():
            return 1
        @st.cache_data
        def load_one(x):
            return x
        @st.cache_data(show_spinner="Fetching rows...")
        def rows():
            return 2
        @st.cache_data(show_spinner=False)
        def quiet():
            return 3
        load(); load(); load_one(1); rows(); quiet()
        """
    )
    assert at.runs[-1].spinners == ("Running `load()`.", "Running `load_one(...)`.", "Fetching rows...")
    assert at.get("spinner") == []  # 1.58 spinners are transient: nothing stays in the tree
    at.run()
    assert at.runs[-1].spinners == ()


def test_nested_cached_function_shows_only_the_outer_spinner(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        @st.cache_data
        def inner():
            return 1
        @st.cache_data
        def outer():
            return inner() + 1
        outer()
        """
    )
    assert at.runs[-1].spinners == ("Running `outer()`.",)


# -- replay of elements --------------------------------------------------------------------------
def test_elements_written_in_a_cached_function_are_replayed_on_a_hit() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault('calls', 0)
        @st.cache_data
        def load():
            st.session_state.calls += 1
            st.write("loaded")
            with st.expander("details"):
                st.caption("inside")
            st.sidebar.info("in the sidebar")
            return 1
        st.title("top")
        with st.container():
            load()
        st.write("after")
        """
    ).run()
    first = at.tree
    at.run()
    assert at.session_state["calls"] == 1
    assert at.tree == first
    assert at.markdown.values == ["loaded", "after"]
    assert at.expander[0].caption.values == ["inside"]
    assert at.sidebar.info.values == ["in the sidebar"]
    assert at.container[0].markdown.values == ["loaded"]


def test_write_to_a_block_made_outside_the_function_cannot_be_replayed(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        box = st.container()
        @st.cache_data
        def load(target):
            box.write("hi")
            return 1
        load(1)
        st.write("first done")
        load(1)
        """
    )
    assert at.markdown.values == ["hi", "first done"]
    assert at.exception[0].exc_type == "CacheReplayClosureError"
    assert at.exception[0].message.startswith(
        "While running `load()`, a streamlit element is called on some layout block\n"
        "created outside the function."
    )


def test_cached_function_that_raises_is_not_cached() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.session_state.setdefault('calls', 0)
        @st.cache_data
        def flaky():
            st.session_state.calls += 1
            if st.session_state.calls == 1:
                raise RuntimeError("first call fails")
            return "ok"
        st.write(flaky())
        """
    ).run()
    assert at.exception[0].message == "first call fails"
    at.run()
    assert at.markdown.values == ["ok"] and not at.exception


def test_decorator_forms_and_bad_options(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        def plain(x):
            return x + 1
        wrapped = st.cache_data(plain, max_entries=3)
        st.write(wrapped(1), wrapped.__name__)
        st.cache_data(persist="memory")
        """
    )
    assert at.markdown.values == ["`2` plain"]
    assert at.exception[0].message == (
        "Unsupported persist option 'memory'. Valid values are 'disk' or None."
    )


def test_cached_method_hashes_the_instance_unless_named_with_underscore(app: RunApp) -> None:
    at = app(
        """
        import streamlit as st
        class Repo:
            @st.cache_data
            def rows(_self, n):
                return list(range(n))
        st.write(Repo().rows(2), Repo().rows(2))
        """
    )
    assert at.json.values == ["[0, 1]", "[0, 1]"]


def test_threading_lock_passed_positionally_without_name_is_reported_unnamed() -> None:
    lock = threading.Lock()
    at = AppTest.from_function(
        lambda_app, args=(lock,)
    ).run()
    assert at.exception[0].exc_type == "UnhashableParamError"
    assert "Cannot hash argument '(unnamed)'" in at.exception[0].message


def lambda_app(lock: object) -> None:
    import streamlit as st

    @st.cache_data
    def f(*args: object) -> int:
        return 1

    f(lock)
