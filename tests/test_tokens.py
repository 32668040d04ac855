"""Value tokens (``apptest._run.tokens``): equal tokens mean equal reprs, so a memo keyed by
tokens never answers one call with another's result (widget ids W1, slider specs)."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as hs

from apptest import AppTest
from apptest._run.tokens import NO_TOKEN, Memo, token, tokens

LOOKALIKES = [
    0, 0.0, -0.0, 1, 1.0, True, False, None, "1", (1,), [1], (1.0,), (True,), [[0.0]], [[-0.0]],
    ("a", 1), ("a", 1.0), datetime.time(7), datetime.time(7, fold=1),
    datetime.time(7, tzinfo=datetime.timezone.utc), datetime.datetime(2000, 1, 1),
    datetime.date(2000, 1, 1), datetime.timedelta(seconds=1), float("nan"), object(),
]
VALUES = hs.recursive(
    hs.sampled_from(LOOKALIKES) | hs.floats(width=16),
    lambda inner: hs.lists(inner, max_size=3) | hs.lists(inner, max_size=3).map(tuple),
    max_leaves=4,
)


@given(VALUES, VALUES)
def test_equal_tokens_mean_equal_reprs_and_types(a: object, b: object) -> None:
    ta, tb = token(a), token(b)
    if ta is not NO_TOKEN and ta == tb:
        assert repr(a) == repr(b) and type(a) is type(b)


def test_every_pair_of_lookalikes_keeps_its_own_token() -> None:
    for a in LOOKALIKES:
        for b in LOOKALIKES:
            ta, tb = token(a), token(b)
            if ta is not NO_TOKEN and ta == tb:
                assert a is b or repr(a) == repr(b), (a, b)


def test_values_without_a_token_are_never_remembered() -> None:
    assert token(float("nan")) is NO_TOKEN and token(object()) is NO_TOKEN
    assert token(datetime.time(7, tzinfo=datetime.timezone.utc)) is NO_TOKEN
    assert tokens((1, [object()])) is None and tokens((1, "a")) == ((int, 1), (str, "a"))


def test_a_full_memo_starts_again() -> None:
    memo: Memo[int] = Memo(limit=2)
    memo.remember((1,), 1)
    memo.remember((2,), 2)
    memo.remember((3,), 3)
    assert memo == {(3,): 3}


def test_sliders_of_ints_and_floats_keep_their_own_specs() -> None:
    """The slider spec memo: ``st.slider(0, 10, 5)`` and ``(0.0, 10.0, 5.0)`` read as what
    each app passed, whichever ran first."""
    ints = "import streamlit as st\nst.session_state.v = st.slider('s', 0, 10, 5)"
    floats = "import streamlit as st\nst.session_state.v = st.slider('s', 0.0, 10.0, 5.0)"
    for first, second in ((ints, floats), (floats, ints)):
        for source in (first, second):
            at = AppTest.from_string(source).run()
            value = at.session_state.v
            assert type(value) is (int if source is ints else float)
            assert type(at.slider[0].max) is type(value)


def test_freezeguns_dates_have_tokens_of_their_own() -> None:
    """Inside a run ``datetime.date(...)`` is freezegun's ``FakeDate``: remembered like a date,
    never mistaken for one (their reprs differ)."""
    from freezegun.api import FakeDate, FakeDatetime

    fake, real = FakeDate(2024, 1, 1), datetime.date(2024, 1, 1)
    assert token(fake) == token(FakeDate(2024, 1, 1)) != token(real)
    assert token(FakeDatetime(2024, 1, 1)) != token(datetime.datetime(2024, 1, 1))
    aware = FakeDatetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
    assert token(aware) is NO_TOKEN
