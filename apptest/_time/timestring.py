"""Convert duration strings to seconds like pandas does, without importing pandas.

Streamlit converts ``st.fragment(run_every="...")`` strings to seconds with
``pandas.Timedelta(text).total_seconds()``. :func:`parse_time_string` returns
the same value (checked against pandas 3.1.1). It raises :class:`TimeStringError`
wherever pandas raises or returns ``NaT``.

Accepted input:

* Number-unit pairs, repeated in any order: ``"10s"``, ``"1.5 days"``,
  ``"1h23s"``, ``"1d 2h 3m 4s"``. Units ignore case: ``w``, ``d``/``day(s)``,
  ``h``/``hr``/``hour(s)``, ``m``/``min``/``minute(s)``,
  ``s``/``sec``/``second(s)``, ``ms``/``milli(s)``/``millisecond(s)``,
  ``us``/``µs``/``micro(s)``/``microsecond(s)`` and
  ``ns``/``nano(s)``/``nanosecond(s)``. ``M``, ``Y``, ``y``, ``weeks``,
  ``T``, ``L``, ``U`` and ``N`` are rejected.
* A bare integer is a number of nanoseconds (``"10"`` gives 1e-08). A bare
  decimal such as ``"1.5"`` is rejected.
* Clock form ``[pairs] hh:mm:ss[.fffffffff]``, for example ``"00:00:05.5"``
  or ``"1 day, 2:03:04"``.
* ISO 8601 durations such as ``"P1DT2H3M4.5S"``, ``"PT5S"`` and ``"-P1W"``.
  pandas reads ``M`` as minutes even before ``T``, so ``"P1M"`` is 60 s.
  ``Y`` is rejected.
* Outside ISO strings, spaces, commas and ``+`` are skipped anywhere. One
  ``-`` that comes before the first unit letter or colon negates the value.
* ``""`` and the ``NaT``/``nan`` spellings are errors.

pandas uses a character-by-character state machine, and so does this module.
It therefore keeps pandas' quirks: ``"1 0s"`` is 10 s, ``"1s1m"`` is 61 s and
``"5-"`` is -5 ns. The clock part of ``"-1 days 1:00:00"`` is not negated, so
that string is -23 h. Values are summed as int64 nanoseconds with pandas'
rounding, and values out of range raise.

Known gaps vs pandas:

* pandas emits a FutureWarning for the deprecated aliases ``S``, ``H``, ``d``,
  ``w`` and ``MS``. This module accepts them without a warning.
* A few durations of more than about 1 year whose sub-microsecond part is
  non-zero come out one ulp (relative error about 1e-16) away from pandas'
  ``total_seconds()``.
"""

from __future__ import annotations

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_NAT_STRINGS = frozenset({"NaT", "nat", "NAT", "nan", "NaN", "NAN"})

_SECOND = 10**9
_UNIT_NS: dict[str, int] = {  # lower-cased unit alias -> nanoseconds
    alias: ns
    for ns, aliases in [
        (7 * 86_400 * _SECOND, "w"),
        (86_400 * _SECOND, "d day days"),
        (3_600 * _SECOND, "h hr hour hours"),
        (60 * _SECOND, "m min minute minutes"),
        (_SECOND, "s sec second seconds"),
        (10**6, "ms milli millis millisecond milliseconds"),
        (10**3, "us µs micro micros microsecond microseconds"),
        (1, "ns nano nanos nanosecond nanoseconds"),
    ]
    for alias in aliases.split()
}


class TimeStringError(ValueError):
    """A string pandas.Timedelta cannot turn into a duration; ``str(err)`` is it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def parse_time_string(text: str) -> float:
    """Return ``pandas.Timedelta(text).total_seconds()``, computed without pandas."""
    try:
        if text == "" or text in _NAT_STRINGS:
            raise ValueError("NaT")
        if text.startswith(("P", "-P")):
            ns = _parse_iso(text)
        else:
            ns = _parse_plain(text)
        if ns == _INT64_MIN:  # pandas' NaT sentinel
            raise ValueError("NaT")
    except (ValueError, OverflowError) as err:
        raise TimeStringError(text) from err
    seconds, rest = divmod(ns, _SECOND)  # pandas' formula: "-1ns" -> -9.9999997e-10
    return seconds + rest / _SECOND


def _int64(value: int) -> int:
    """Mimic pandas' overflow-checked int64 arithmetic."""
    if not _INT64_MIN <= value <= _INT64_MAX:
        raise OverflowError(value)
    return value


def _from_spec(number: str, frac: str, unit: str) -> int:
    """Nanoseconds in ``<number>.<frac> <unit>``, rounded like pandas."""
    if unit in ("M", "Y", "y"):
        raise ValueError(f"ambiguous unit {unit!r}")
    scale = _UNIT_NS.get(unit.lower())
    if scale is None:
        raise ValueError(f"invalid unit {unit!r}")
    value = float(f"{number}.{frac}")
    whole = _int64(int(value))
    fraction = value - whole
    digits = len(str(scale)) - 1  # floor(log10(scale))
    if digits:
        fraction = round(fraction, digits)
    return _int64(_int64(whole * scale) + _int64(int(fraction * scale)))


def _parse_plain(ts: str) -> int:
    """Unit pairs and clock strings (pandas' ``parse_timedelta_string``): one pass over the
    characters, then the end-of-string rules. Spaces, commas and ``+`` are skipped."""
    state = _PlainState()
    for c in ts:
        if c in " ,+":
            continue
        if c == "-":
            state.minus()
        elif "0" <= c <= "9":
            state.digit(c)
        elif c == ":":
            state.colon()
        elif c == ".":
            state.dot()
        else:
            state.letter(c)
    return state.finish()


class _PlainState:
    """What pandas' ``parse_timedelta_string`` tracks while it reads a plain string: the sum
    so far, the sign, the number/fraction/unit being read and the last clock field."""

    def __init__(self) -> None:
        self.total = 0
        self.neg = self.have_dot = self.have_value = self.have_hhmmss = False
        self.clock_unit: str | None = None  # last clock field read: None, "h", "m", "s"
        self.clock_scale = 0
        self.number = self.frac = self.unit = ""

    def add(self, ns: int) -> None:
        self.total = _int64(self.total + (-ns if self.neg else ns))

    def minus(self) -> None:
        """One ``-``, before any unit letter or colon, negates what follows."""
        if self.neg or self.have_value or self.have_hhmmss:
            raise ValueError("only leading negative signs are allowed")
        self.neg = True

    def digit(self, c: str) -> None:
        """A digit extends the number or its fraction; after a unit it starts a new pair."""
        if self.have_dot and self.unit:  # "5s.5": pandas appends to the old number
            self.number += c
            self.have_dot = False
        elif self.have_dot:
            self.frac += c
        elif not self.unit:
            self.number += c
        else:  # a digit after a unit ends that pair
            self.add(_from_spec(self.number, self.frac, self.unit))
            self.number, self.frac, self.unit = c, "", ""

    def colon(self) -> None:
        """A ``:`` ends a clock field: hours at the first, minutes at the second. A sign
        read before a unit pair does not apply to the clock ("-1 days 1:00:00" is -23 h)."""
        if self.have_value:
            self.neg = False
        if not self.number:
            raise ValueError("expecting hh:mm:ss format")
        if self.clock_unit != "s":
            self.clock_unit = {None: "h", "h": "m", "m": "s"}[self.clock_unit]
            self.clock_scale = {"h": 3_600, "m": 60, "s": 1}[self.clock_unit] * _SECOND
        self.add(_int64(_int64(int(self.number)) * self.clock_scale))
        self.have_hhmmss = True
        self.number = self.unit = ""

    def dot(self) -> None:
        """A ``.`` starts a fraction; in a clock string it first adds the whole seconds."""
        if self.number and self.clock_unit is not None:  # seconds of hh:mm:ss.fff
            if self.clock_unit != "m":
                raise ValueError("expected hh:mm:ss format before .")
            self.add(_int64(_int64(int(self.number)) * _SECOND))
            self.have_value = True
            self.number = self.frac = self.unit = ""
        self.have_dot = True

    def letter(self, c: str) -> None:
        """Any other character belongs to the unit of the current pair."""
        self.unit += c
        self.have_value = True
        self.have_dot = False

    def finish(self) -> int:
        """The end of the string: add the last pair, fraction of seconds or clock seconds;
        a bare integer is nanoseconds; leftovers are errors. Returns the total in ns."""
        number, frac, unit = self.number, self.frac, self.unit
        if self.have_dot and unit:
            self.add(_from_spec(number, frac, unit))
        elif self.have_dot:  # fraction of seconds; int("") raises like pandas
            if (number or frac) and self.clock_unit is None:
                raise ValueError("no units specified")
            digits = frac[:9]
            self.add(int(digits) * 10 ** (9 - len(digits)))
        elif self.clock_unit is not None:
            if self.clock_unit != "m":
                raise ValueError("expected hh:mm:ss format")
            if unit:
                raise ValueError("unexpected characters after hh:mm:ss format")
            self.add(_int64(_int64(int(number)) * _SECOND))
        elif unit:
            if not number:
                raise ValueError("unit abbreviation without a number")
            self.add(_from_spec(number, frac, unit))
        elif not number:
            raise ValueError("symbols without a number")
        elif self.have_value:
            raise ValueError("leftover units")
        else:
            self.add(_from_spec(number, frac, "ns"))
        return self.total


def _parse_iso(ts: str) -> int:
    """ISO 8601 durations (pandas' ``parse_iso_format_string``)."""
    sign = 1
    if ts.startswith("-"):
        sign, ts = -1, ts[1:]
    total = 0
    neg = have_dot = have_value = False
    dec_unit, places = "ms", 0  # sub-second digits come in groups of three
    number = ""

    def add(ns: int) -> None:
        nonlocal total
        total = _int64(total + (-ns if neg else ns))

    for c in ts:
        if "0" <= c <= "9":
            have_value = True
            if have_dot:
                if places == 3 and dec_unit != "ns":
                    add(_from_spec(number, "0", dec_unit))
                    neg, number = False, ""
                    dec_unit, places = {"ms": "us", "us": "ns"}[dec_unit], 0
                places += 1
            number += c
        elif c in "PT+":
            pass
        elif c == "-":
            if neg or have_value:
                raise ValueError("misplaced '-'")
            neg = True
        elif c in "WDHM":
            if c in "HM" and len(number) > 2:
                raise ValueError("more than two digits of hours or minutes")
            add(_from_spec(number, "0", {"W": "w", "D": "d", "H": "h", "M": "m"}[c]))
            neg, number = False, ""
        elif c == ".":
            if number:
                add(_from_spec(number, "0", "s"))
                number = ""
            have_dot = True
        elif c == "S" and have_dot:
            if not number or places > 3:
                raise ValueError("bad fractional seconds")
            number += "0" * (3 - places)  # kept: pandas does not reset it
            add(_from_spec(number, "0", dec_unit))
        elif c == "S":
            add(_from_spec(number, "0", "s"))
        else:
            raise ValueError(f"unexpected {c!r}")
    if not have_value:
        raise ValueError("no digits")
    return _int64(sign * total)
