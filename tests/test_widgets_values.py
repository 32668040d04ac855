"""Number, slider, date and time widgets: argument rules, value types, staging bounds.

Streamlit 1.58's argument handling (int/float inference, default ranges, Streamlit's error
texts) and the values a browser can send: numbers inside ``[min, max]``, slider thumbs in
range and in order, dates inside the bounds, times in whole minutes.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from apptest import AppTest, AppTestError


def run(source: str, start_time: str | None = None) -> AppTest:
    app = "import datetime as dt\nimport streamlit as st\n" + source
    return AppTest.from_string(app, start_time=start_time).run()


def shown(source: str) -> object:
    at = run(f"st.session_state['v'] = {source}")
    assert not at.exception, at.exception
    return at.session_state["v"]


# -- number_input ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "expected", "kind"),
    [
        ('st.number_input("n")', 0.0, float),
        ('st.number_input("n", value=5)', 5, int),
        ('st.number_input("n", min_value=2)', 2, int),
        ('st.number_input("n", min_value=1.5)', 1.5, float),
        ('st.number_input("n", 0, 10, step=2)', 0, int),
        ('st.number_input("n", value=None)', None, type(None)),
    ],
)
def test_number_input_infers_int_or_float_as_streamlit_does(call: str, expected: object, kind: type) -> None:
    value = shown(call)
    assert value == expected and type(value) is kind


def test_number_input_data_type_and_bounds_are_exposed() -> None:
    at = run('st.number_input("n", 1, 9, step=2)')
    n = at.number_input[0]
    assert (n.data_type, n.min, n.max, n.step, n.format) == ("int", 1, 9, 2, "%d")
    at = run('st.number_input("n")')
    assert (at.number_input[0].min, at.number_input[0].max, at.number_input[0].step) == (None, None, 0.01)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        ('st.number_input("n", 0, 10.0, 5)', "StreamlitMixedNumericTypesError",
         "All numerical arguments must be of the same type.\n`value` has int type.\n`min_value` has int type.\n`max_value` has float type."),
        ('st.number_input("n", 5, 10, 1)', "StreamlitValueBelowMinError", "The `value` 1 is less than the `min_value` 5."),
        ('st.number_input("n", 0, 10, 11)', "StreamlitValueAboveMaxError", "The `value` 11 is greater than the `max_value` 10."),
        ('st.number_input("n", format="%q")', "StreamlitInvalidNumberFormatError", "Format string for `st.number_input` contains invalid characters: %q"),
        ('st.number_input("n", value=2**60)', "StreamlitJSNumberBoundsError", "`value` (1152921504606846976) must be <= (1 << 53) - 1"),
    ],
)
def test_number_input_argument_errors_are_streamlits(call: str, error: str, message: str) -> None:
    at = run(call)
    assert (at.exception[0].exc_type, at.exception[0].message) == (error, message)


def test_number_input_format_mismatch_shows_streamlits_warning() -> None:
    at = run('st.number_input("n", value=1.5, format="%d")')
    assert at.warning.values == [
        "Warning: NumberInput value below has type float, but format %d displays as integer."
    ]


def test_number_input_int_widget_refuses_fractions_and_float_widget_takes_ints() -> None:
    at = run('st.number_input("i", 0, 10)\nst.number_input("f", 0.0, 10.0)')
    with pytest.raises(AppTestError, match="holds integers"):
        at.number_input[0].set_value(2.5)
    at.number_input[0].set_value(4.0)
    assert at.number_input[0].value == 4 and type(at.number_input[0].value) is int
    at.number_input[1].set_value(3)
    assert at.number_input[1].value == 3.0 and type(at.number_input[1].value) is float
    with pytest.raises(AppTestError, match="takes a number"):
        at.number_input[1].set_value(True)


def test_number_input_none_only_when_created_empty() -> None:
    at = run('st.number_input("a", value=None)\nst.number_input("b")')
    at.number_input[0].set_value(3.0).run()
    at.number_input[0].set_value(None).run()
    assert at.number_input[0].value is None
    with pytest.raises(AppTestError, match="cannot be cleared"):
        at.number_input[1].set_value(None)


def test_number_input_increment_and_decrement_clamp_to_bounds() -> None:
    """Deliberate difference: AppTest treats max_value=0 as 'no bound' and steps past it."""
    at = run('st.number_input("n", -3, 0, -1)')
    n = at.number_input[0]
    assert n.increment().value == 0
    assert n.increment().value == 0
    assert n.decrement().decrement().decrement().decrement().value == -3
    at = run('st.number_input("n", value=None)')
    assert at.number_input[0].increment().value is None


@given(st.integers(min_value=-1000, max_value=1000))
def test_number_input_in_range_ints_round_trip_out_of_range_refused(value: int) -> None:
    at = run('st.session_state["v"] = st.number_input("n", -100, 100)')
    if -100 <= value <= 100:
        at.number_input[0].set_value(value).run()
        assert at.session_state["v"] == value
    else:
        with pytest.raises(AppTestError, match=r"outside the widget's range \[-100, 100\]"):
            at.number_input[0].set_value(value)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_number_input_in_range_floats_round_trip_out_of_range_refused(value: float) -> None:
    at = run('st.session_state["v"] = st.number_input("n", -10.0, 10.0)')
    if -10.0 <= value <= 10.0:
        at.number_input[0].set_value(value).run()
        assert at.session_state["v"] == value
    else:
        with pytest.raises(AppTestError, match="outside"):
            at.number_input[0].set_value(value)


def test_number_input_out_of_range_value_from_state_falls_back_to_the_default() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        hi = st.session_state.get("hi", 10)
        st.session_state["v"] = st.number_input("n", 0, hi, 2, key="n")
        """
    ).run()
    at.number_input("n").set_value(9).run()
    at.session_state["hi"] = 5
    at.run()
    assert at.session_state["v"] == 2  # 1.58 value_needs_reset


# -- slider --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ('st.slider("s")', 0),
        ('st.slider("s", 0.0, 1.0)', 0.0),
        ('st.slider("s", value=(10, 20))', (10, 20)),
        ('st.slider("s", 0, 10, [8, 3])', (3, 8)),
        ('st.slider("s", 0, 10, 15)', 15),
        ('st.slider("s", value=dt.date(2024, 5, 1))', dt.date(2024, 5, 1)),
        ('st.slider("s", value=dt.time(12, 0))', dt.time(12, 0)),
        ('st.slider("s", value=(dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 5)))', (dt.datetime(2024, 1, 1), dt.datetime(2024, 1, 5))),
    ],
)
def test_slider_defaults_and_types(call: str, expected: object) -> None:
    assert shown(call) == expected


def test_slider_default_range_widens_to_include_the_value() -> None:
    at = run('st.slider("s", 0, 10, 15)')
    assert (at.slider[0].min, at.slider[0].max) == (0, 15)


def test_slider_properties() -> None:
    at = run('st.slider("s", 0.0, 2.0, (0.5, 1.5), 0.25)')
    s = at.slider[0]
    assert (s.min, s.max, s.step, s.data_type, s.is_range) == (0.0, 2.0, 0.25, "float", True)
    at = run('st.slider("s", value=dt.date(2024, 5, 1))')
    d = at.slider[0]
    assert (d.min, d.max, d.step) == (dt.date(2024, 4, 17), dt.date(2024, 5, 15), dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.slider("s", 0, 10, step=0)', "Slider components cannot be passed a `step` of 0."),
        ('st.slider("s", 0, 10.0)', "Slider value arguments must be of matching types.\n`min_value` has int type.\n`max_value` has float type.\n`step` has int type."),
        ('st.slider("s", 3, 3)', "Slider `min_value` must be less than the `max_value`.\nThe values were 3 and 3."),
        ('st.slider("s", value=[1, 2.5])', "Slider tuple/list components must be of the same type.\nBut were: [<class 'int'>, <class 'float'>]"),
    ],
)
def test_slider_argument_errors_are_streamlits(call: str, message: str) -> None:
    assert run(call).exception[0].message == message


def test_slider_session_state_out_of_range_is_streamlits_error() -> None:
    at = run('st.session_state.s = 50\nst.slider("s", 0, 10, key="s")')
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "StreamlitValueAboveMaxError", "The `value` 50 is greater than the `max_value` 10.",
    )


def test_slider_staging_shape_and_type_errors() -> None:
    at = run('st.slider("one", 0, 10)\nst.slider("two", 0, 10, (1, 2))\nst.slider("d", value=dt.date(2024, 1, 1))')
    with pytest.raises(AppTestError, match="one thumb"):
        at.slider[0].set_value((1, 2))
    at.slider[0].set_value(5)
    with pytest.warns(UserWarning, match="one thumb"):  # AppTest's result: the default again
        assert at.slider[0].set_range(1, 2).value == 0
    with pytest.raises(AppTestError, match="range slider and takes two values"):
        at.slider[1].set_value(3)
    with pytest.raises(AppTestError, match=r"holds int values; 2\.5"):
        at.slider[0].set_value(2.5)
    with pytest.raises(AppTestError, match="holds date values"):
        at.slider[2].set_value("2024-01-02")
    at.slider[2].set_value(dt.date(2024, 1, 3)).run()
    assert at.slider[2].value == dt.date(2024, 1, 3)


@given(st.integers(-50, 150), st.integers(-50, 150))
def test_slider_range_in_order_round_trips_else_refused(low: int, high: int) -> None:
    at = run('st.session_state["v"] = st.slider("s", 0, 100, (10, 20))')
    if 0 <= low <= high <= 100:
        at.slider[0].set_range(low, high).run()
        assert at.session_state["v"] == (low, high)
    else:
        with pytest.raises(AppTestError):
            at.slider[0].set_range(low, high)


@given(st.times())
def test_slider_time_values_in_range_round_trip(value: dt.time) -> None:
    at = run('st.session_state["v"] = st.slider("s", dt.time(6, 0), dt.time(18, 0), dt.time(8, 0))')
    if dt.time(6, 0) <= value <= dt.time(18, 0):
        at.slider[0].set_value(value).run()
        assert at.session_state["v"] == value
    else:
        with pytest.raises(AppTestError, match="outside the slider's range"):
            at.slider[0].set_value(value)


# -- select_slider -------------------------------------------------------------------------------
SIZES = ["XS", "S", "M", "L", "XL"]


def test_select_slider_range_and_errors() -> None:
    at = run(f'st.session_state["v"] = st.select_slider("s", {SIZES!r}, value=("L", "S"))')
    assert at.session_state["v"] == ("S", "L")  # a reversed default is put in order
    assert at.select_slider[0].is_range and at.select_slider[0].indices == [1, 3]
    at = run(f'st.select_slider("s", {SIZES!r}, value="XXL")')
    assert (at.exception[0].exc_type, at.exception[0].message) == ("ValueError", "XXL is not in iterable")
    at = run('st.select_slider("s", [])')
    assert at.exception[0].message == "The `options` argument needs to be non-empty"


@given(st.sampled_from(SIZES), st.sampled_from(SIZES))
def test_select_slider_pairs_round_trip_in_option_order(low: str, high: str) -> None:
    at = run(f'st.session_state["v"] = st.select_slider("s", {SIZES!r}, value=("S", "M"))')
    at.select_slider[0].set_range(low, high).run()
    if SIZES.index(low) <= SIZES.index(high):
        assert at.session_state["v"] == (low, high)
    else:  # a reversed pair is sorted into option order, as Streamlit's AppTest does
        assert at.session_state["v"] == (high, low)


@given(st.text())
def test_select_slider_refuses_values_not_offered(value: str) -> None:
    assume(value not in SIZES)
    at = run(f'st.select_slider("s", {SIZES!r})')
    with pytest.raises(AppTestError, match="not one of its options"):
        at.select_slider[0].set_value(value)


# -- date_input ----------------------------------------------------------------------------------
def test_date_input_today_is_the_virtual_clock_date() -> None:
    at = run('st.session_state["v"] = st.date_input("d")', start_time="2030-06-15T10:00:00+00:00")
    assert at.session_state["v"] == dt.date(2030, 6, 15)
    assert (at.date_input[0].min, at.date_input[0].max) == (dt.date(2020, 6, 15), dt.date(2040, 6, 15))


def test_date_input_range_modes_and_clearing() -> None:
    at = run('st.session_state["v"] = st.date_input("d", [])')
    assert at.session_state["v"] == () and at.date_input[0].is_range
    at.date_input[0].set_value((dt.date(2024, 1, 2),)).run()  # the start picked, no end yet
    assert at.session_state["v"] == (dt.date(2024, 1, 2),)
    at.date_input[0].set_value(None).run()
    assert at.session_state["v"] == ()
    at = run('st.session_state["v"] = st.date_input("d", None)')
    assert at.session_state["v"] is None
    at.date_input[0].set_value(dt.datetime(2024, 3, 3, 12, 0)).run()
    assert at.session_state["v"] == dt.date(2024, 3, 3)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.date_input("d", min_value=dt.date(2024, 2, 1), max_value=dt.date(2024, 1, 1))',
         "The `min_value`, set to 2024-02-01, shouldn't be larger than the `max_value`, set to 2024-01-01."),
        ('st.date_input("d", "2024-01-01", format="YY/MM/DD")',
         "The provided format (`YY/MM/DD`) is not valid. DateInput format should be one of `YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or hyphen (-) as separators."),
        ('st.date_input("d", [dt.date(2024, 1, 1)] * 3)',
         "DateInput value should either be an date/datetime or a list/tuple of 0 - 2 date/datetime values"),
    ],
)
def test_date_input_argument_errors_are_streamlits(call: str, message: str) -> None:
    assert run(call).exception[0].message == message


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2050, 12, 31)))
def test_date_input_dates_in_bounds_round_trip_others_refused(day: dt.date) -> None:
    at = run('st.session_state["v"] = st.date_input("d", dt.date(2024, 1, 1), dt.date(2020, 1, 1), dt.date(2030, 12, 31))')
    if dt.date(2020, 1, 1) <= day <= dt.date(2030, 12, 31):
        at.date_input[0].set_value(day).run()
        assert at.session_state["v"] == day
    else:
        with pytest.raises(AppTestError, match=r"outside the widget's range \[2020-01-01, 2030-12-31\]"):
            at.date_input[0].set_value(day)


def test_date_input_value_outside_new_bounds_is_reset() -> None:
    at = AppTest.from_string(
        """
        import datetime as dt
        import streamlit as st
        low = st.session_state.get("low", dt.date(2024, 1, 1))
        st.session_state["v"] = st.date_input("d", dt.date(2024, 6, 1), low, dt.date(2024, 12, 31), key="d")
        """
    ).run()
    at.date_input("d").set_value(dt.date(2024, 2, 1)).run()
    at.session_state["low"] = dt.date(2024, 5, 1)
    at.run()
    assert at.session_state["v"] == dt.date(2024, 6, 1)


# -- time_input ----------------------------------------------------------------------------------
def test_time_input_now_is_the_virtual_clock_in_minutes() -> None:
    at = run('st.session_state["v"] = st.time_input("t")', start_time="2030-06-15T10:42:31+00:00")
    assert at.session_state["v"] == dt.time(10, 42)


def test_time_input_step_and_wraparound() -> None:
    at = run('st.time_input("t", dt.time(23, 30), step=dt.timedelta(hours=1))')
    t = at.time_input[0]
    assert t.step == 3600
    assert t.increment().value == dt.time(0, 30)
    assert t.decrement().decrement().value == dt.time(22, 30)
    at = run('st.time_input("t", step=30)')
    assert at.exception[0].message == (
        "`step` must be between 60 seconds and 23 hours but is currently set to 30 seconds."
    )


def test_time_input_none_only_when_created_empty() -> None:
    at = run('st.session_state["v"] = st.time_input("t", None)\nst.time_input("u", dt.time(1, 0))')
    assert at.session_state["v"] is None
    at.time_input[0].set_value(dt.time(7, 5)).run()
    assert at.session_state["v"] == dt.time(7, 5)
    with pytest.raises(AppTestError, match="cannot be cleared"):
        at.time_input[1].set_value(None)
    with pytest.raises(AppTestError, match=r"takes datetime\.time"):
        at.time_input[1].set_value("07:00")


@given(st.times())
def test_time_input_whole_minutes_round_trip_seconds_refused(value: dt.time) -> None:
    at = run('st.session_state["v"] = st.time_input("t", dt.time(0, 0))')
    if value.second == 0 and value.microsecond == 0:
        at.time_input[0].set_value(value).run()
        assert at.session_state["v"] == value
    else:
        with pytest.raises(AppTestError, match="hours and minutes only"):
            at.time_input[0].set_value(value)


# -- text max_chars --------------------------------------------------------------------------
@given(st.text(max_size=12))
def test_text_input_max_chars_round_trip_or_refused(text: str) -> None:
    at = run('st.session_state["v"] = st.text_input("t", max_chars=6)')
    if len(text) <= 6:
        at.text_input[0].input(text).run()
        assert at.session_state["v"] == text
    else:
        with pytest.raises(AppTestError, match="at most max_chars=6"):
            at.text_input[0].input(text)


def test_text_input_default_longer_than_max_chars_is_cut() -> None:
    assert shown('st.text_input("t", "abcdef", max_chars=3)') == "abc"


def test_text_input_errors_and_password_type() -> None:
    at = run('st.text_input("t", type="secret")')
    assert at.exception[0].message == "'secret' is not a valid text_input type. Valid types are 'default' and 'password'."
    at = run('st.text_input("t", type="password", placeholder="pw")')
    assert at.text_input[0].proto["type"] == "password"
    assert at.text_input[0].placeholder == "pw"
    assert at.text_input[0].proto["autocomplete"] == "new-password"


# -- remembered plans: what must still be computed in every run ---------------------------------
def test_number_input_warning_is_shown_in_every_run() -> None:
    at = run('st.number_input("n", value=1.5, format="%d")')
    at.run()
    at.run()
    assert len(at.warning) == 1


def test_date_input_today_and_time_input_now_follow_the_clock_from_run_to_run() -> None:
    source = 'st.date_input("d")\nst.time_input("t")\nst.date_input("d2", dt.date(2030, 1, 1))'
    at = run(source, start_time="2030-06-15T10:00:00+00:00")
    at.clock.advance("2d")
    at.clock.advance("1h")
    at.run()
    assert at.date_input[0].min == dt.date(2020, 6, 17)
    assert at.date_input[1].value == dt.date(2030, 1, 1)
    # the values stay as the widgets hold them; their defaults are the clock's, as new
    fresh = run(source, start_time="2030-06-17T11:00:00+00:00")
    assert at.date_input[0].proto["default"] == fresh.date_input[0].proto["default"]
    assert at.time_input[0].proto["default"] == fresh.time_input[0].proto["default"]


def test_a_slider_without_value_asks_session_state_in_every_run() -> None:
    at = run('st.slider("s", 0, 10, key="s")')
    assert at.slider[0].value == 0
    at.session_state["s"] = (2, 5)
    at.run()
    assert at.slider[0].value == (2, 5)
