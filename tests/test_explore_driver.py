"""The explorer's driver: what it keeps between steps and sequences is only reused when it is
what would be built anew."""

from __future__ import annotations

from hypothesis import strategies as st

from apptest import AppTest
from apptest._explore.checks import Checks
from apptest._explore.driver import Driver, Strategies
from apptest._explore.values import REGISTRY, register

APP = """
import streamlit as st
st.slider("Size", 0, 10, 5)
st.selectbox("Colour", ["red", "green"])
"""


def _driver(strategies: Strategies) -> Driver:
    return Driver(AppTest.from_string(APP).run(), Checks(()), strategies)


def test_a_new_sequence_reuses_the_strategies_of_widgets_with_the_same_properties() -> None:
    shared = Strategies()
    first, second = _driver(shared), _driver(shared)
    for old, new in zip(first.widgets(), second.widgets(), strict=True):
        assert old is not new  # another AppTest: other nodes
        assert second.strategy(new) is first.strategy(old)


def test_a_widget_showing_another_value_gets_a_strategy_built_from_it() -> None:
    # Across sequences only equal properties (the value included) share: some kinds draw
    # around the current value, and a replay must draw what a fresh build draws.
    shared = Strategies()
    first = _driver(shared)
    slider = first.widgets()[0]
    kept = first.strategy(slider)
    at = AppTest.from_string(APP).run()
    at.slider[0].set_value(7).run()
    second = Driver(at, Checks(()), shared)
    moved = second.widgets()[0]
    assert moved.value == 7
    assert second.strategy(moved) is not kept


def test_a_kind_registered_again_is_not_served_the_old_strategy() -> None:
    shared = Strategies()
    first = _driver(shared)
    before = first.strategy(first.widgets()[1])
    original = REGISTRY["selectbox"]
    marker = st.just("red")
    try:
        register("selectbox", lambda widget: marker)
        second = _driver(shared)
        assert second.strategy(second.widgets()[1]) is marker
    finally:
        REGISTRY["selectbox"] = original
    assert before is not marker
