"""Tests for apptest._time.timestring.

Rule ids: T2 = string-to-seconds conversion, T3 = permissive parsing
(pandas quirks), E20 = bad strings raise TimeStringError.  The property tests
compare against pandas.Timedelta(s).total_seconds(), which Streamlit uses for
st.fragment(run_every="...") strings.
"""

from __future__ import annotations

import math
import warnings
from types import ModuleType

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from apptest._time.timestring import TimeStringError, parse_time_string

# --------------------------------------------------------------------------
# Plain examples (no pandas needed)

T2_TABLE = [
    ("10s", 10.0),
    ("1 minute", 60.0),
    ("1m", 60.0),
    ("1.5 days", 129600.0),
    ("1D", 86400.0),
    ("1h23s", 3623.0),
    ("P1D", 86400.0),
    ("P1DT2H3M4.5S", 93784.5),
    ("PT5S", 5.0),
    ("-PT5S", -5.0),
    ("P1W", 604800.0),
    ("00:00:05", 5.0),
    ("1 days 00:00:05", 86405.0),
    ("-00:00:05", -5.0),
    ("00:00:05.5", 5.5),
    ("5 sec", 5.0),
    ("5S", 5.0),
    ("1ms", 0.001),
    ("1us", 1e-06),
    ("1µs", 1e-06),
    ("1ns", 1e-09),
    ("-5s", -5.0),
    ("10", 1e-08),
    ("1d 2h 3m 4s", 93784.0),
    ("1 day, 2:03:04", 93784.0),
    ("2 days", 172800.0),
    ("2 hours", 7200.0),
    ("3 minutes", 180.0),
    ("4 seconds", 4.0),
    ("5 milliseconds", 0.005),
    ("6 microseconds", 6e-06),
    ("7 nanoseconds", 7e-09),
    ("1hr", 3600.0),
    ("1min", 60.0),
    ("1w", 604800.0),
    ("1W", 604800.0),
    ("1H", 3600.0),
]


@pytest.mark.parametrize(("text", "seconds"), T2_TABLE)
def test_T2_conversion_table(text: str, seconds: float) -> None:
    assert parse_time_string(text) == seconds


T3_EXAMPLES = [
    (" 5s ", 5.0),  # spaces are skipped anywhere
    ("1 0s", 10.0),  # ... even inside a number
    ("1,000s", 1000.0),  # commas are skipped too
    ("+5s", 5.0),
    ("- 5s", -5.0),
    ("5 s", 5.0),
    ("1 DAY", 86400.0),  # units are case-insensitive
    ("1 HOURS", 3600.0),
    ("1MS", 0.001),
    ("2sEcOnDs", 2.0),
    ("1s1m", 61.0),  # any order, repeats allowed
    ("1 day 1 day", 172800.0),
    ("5.s", 5.0),
    ("1:2:3", 3723.0),
    ("1days1:2:3", 90123.0),
    ("-1 days 1:00:00", -82800.0),  # the clock part is not negated
    ("1:2:3.1234567891", 3723.123456789),  # fraction cut at 9 digits
    ("P1D2H", 93600.0),  # ISO without the T
    ("P1DT", 86400.0),
    ("-P-1D", 86400.0),
    ("PT1.5M", 301.0),  # pandas reads "1." as seconds, then 5 minutes
    ("0.0000000001s", 0.0),  # rounded to whole nanoseconds
    ("1.5ns", 1e-09),
    ("5-s", -5.0),  # "-" is allowed anywhere before the first unit
    ("-1ns", -1 + 0.999999999),  # pandas' float formula: -9.999999717e-10
]


@pytest.mark.parametrize(("text", "seconds"), T3_EXAMPLES)
def test_T3_examples(text: str, seconds: float) -> None:
    assert parse_time_string(text) == seconds


E20_BAD = [
    "",
    "NaT",
    "nat",
    "nan",
    "NaN",
    " NaT",
    " ",
    ",",
    "-",
    "s",
    "1M",
    "1 y",
    "1Y",
    "1year",
    "1 weeks",
    "1T",
    "1L",
    "1U",
    "1N",
    "1.5",
    ".5s",
    "1e3s",
    "--5s",
    "5s-",
    "1d-2h",
    "1s s",
    "1_000s",
    "\t1s",
    "1s\n",
    "\uff11s",  # fullwidth digit one
    "12:00",
    "1:2:3:4",
    "1:2:3s",
    "1 day 1:2:3 1s",
    "00:00:05.",
    "5::",
    "p1d",
    "  P1D",
    "P1DT2H3M4.5S ",
    "P",
    "PT",
    "-P",
    "P1Y",
    "PT100H",
    "PT1.S",
    "PT1.1234567891S",
    "P-1DT-1H",
    "106752 days",
    "9223372037 s",
    "99999999999999999999",
]


@pytest.mark.parametrize("text", E20_BAD)
def test_E20_bad_strings(text: str) -> None:
    with pytest.raises(TimeStringError) as info:
        parse_time_string(text)
    assert str(info.value) == text
    assert isinstance(info.value, ValueError)


# --------------------------------------------------------------------------
# Comparison with pandas


@pytest.fixture(scope="module")
def pd() -> ModuleType:
    module: ModuleType = pytest.importorskip("pandas")
    return module


def _pandas_seconds(pd: ModuleType, text: str) -> float | None:
    """pandas' answer, or None where pandas raises ValueError or gives NaT."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated aliases such as "S"
        try:
            td = pd.Timedelta(text)
        except ValueError:
            return None
    if td is pd.NaT:
        return None
    return float(td.total_seconds())


def _assert_agrees(pd: ModuleType, text: str) -> None:
    expected = _pandas_seconds(pd, text)
    if expected is None:
        with pytest.raises(TimeStringError):
            parse_time_string(text)
    else:
        got = parse_time_string(text)
        assert math.isclose(got, expected, rel_tol=1e-9), (text, got, expected)


@pytest.mark.parametrize(
    "text",
    [text for text, _ in T2_TABLE + T3_EXAMPLES] + E20_BAD,
)
def test_T2_T3_E20_tables_agree_with_pandas(pd: ModuleType, text: str) -> None:
    _assert_agrees(pd, text)


# Grammar of valid and near-valid strings.

_digits = st.text("0123456789", min_size=1, max_size=3)
_numbers = st.one_of(
    _digits,
    st.builds("{}.{}".format, _digits, st.text("0123456789", max_size=10)),
    st.builds(".{}".format, _digits),
    st.text("0123456789", min_size=10, max_size=21),  # overflow territory
)
_VALID_UNITS = [
    "w", "W", "d", "D", "day", "days", "Day", "DAYS",
    "h", "H", "hr", "hour", "hours", "HOUR",
    "m", "min", "minute", "minutes", "MIN", "Min",
    "s", "S", "sec", "second", "seconds", "Sec",
    "ms", "MS", "Ms", "milli", "millis", "millisecond", "milliseconds",
    "us", "US", "µs", "µS", "micro", "micros", "microsecond", "microseconds",
    "ns", "NS", "nano", "nanos", "nanosecond", "nanoseconds",
]  # fmt: skip
# "\u03bcs" is Greek mu, not the micro sign of "µs".
_BAD_UNITS = ["M", "Y", "y", "weeks", "year", "T", "L", "U", "N", "x", "mins", "\u03bcs"]
_units = st.sampled_from(_VALID_UNITS + _BAD_UNITS)
_seps = st.sampled_from(["", "", " ", "  ", ",", ", "])
_signs = st.sampled_from(["", "", "", "-", "+", "- ", "--"])


@st.composite
def _unit_exprs(draw: st.DrawFn) -> str:
    pairs = draw(
        st.lists(
            st.builds("{}{}{}".format, _numbers, _seps, _units),
            min_size=1,
            max_size=4,
        )
    )
    return draw(_signs) + draw(_seps).join(pairs)


_two = st.text("0123456789", min_size=1, max_size=2)
_fraction = st.one_of(
    st.just(""),
    st.builds(".{}".format, st.text("0123456789", max_size=12)),
)


@st.composite
def _clocks(draw: st.DrawFn) -> str:
    fields = draw(st.lists(_two, min_size=1, max_size=4))  # 3 is valid
    days = draw(st.sampled_from(["", "1 days ", "2 day, ", "1d", "3 days "]))
    return draw(_signs) + days + ":".join(fields) + draw(_fraction)


@st.composite
def _isos(draw: st.DrawFn) -> str:
    def component(letter: str) -> str:
        return draw(st.one_of(st.just(""), _digits.map(lambda d: d + letter)))

    date = component("W") + component("D")
    time = component("H") + component("M")
    seconds = draw(st.one_of(st.just(""), st.builds("{}{}S".format, _digits, _fraction)))
    t_part = "T" + time + seconds if draw(st.booleans()) else time + seconds
    return draw(st.sampled_from(["", "", "-"])) + "P" + date + t_part


_JUNK_ALPHABET = "0123456789 .,:+-PTWDHMSsmhdwnuµyY\tx"
_junk = st.text(_JUNK_ALPHABET, max_size=12)
_wellformed = st.one_of(_unit_exprs(), _clocks(), _isos())


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    """A grammar string with one character inserted, deleted or replaced."""
    text = draw(_wellformed)
    pos = draw(st.integers(0, len(text)))
    char = draw(st.sampled_from(_JUNK_ALPHABET))
    edit = draw(st.sampled_from(["insert", "delete", "replace"]))
    if edit == "insert":
        return text[:pos] + char + text[pos:]
    if edit == "delete":
        return text[:pos] + text[pos + 1 :]
    return text[:pos] + char + text[pos + 1 :]


@given(text=st.one_of(_wellformed, _mutated(), _junk))
@example(text="1:2:3.5s.")
@example(text="PT1.5S5S")
@example(text="-9223372036 s 854775808 ns")  # the int64 NaT sentinel
@example(text="106751.99 days")
def test_T2_T3_E20_matches_pandas(pd: ModuleType, text: str) -> None:
    _assert_agrees(pd, text)


@given(text=st.one_of(_unit_exprs(), _clocks(), _isos()))
def test_E20_error_message_is_the_input(text: str) -> None:
    try:
        parse_time_string(text)
    except TimeStringError as err:
        assert str(err) == text
