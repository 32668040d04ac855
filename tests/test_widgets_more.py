"""``st.audio_input``, ``st.datetime_input``, ``st.menu_button``, ``st.pagination`` and custom
components (``components.v1.declare_component``): their values, what a test can stage, and
Streamlit 1.58's errors."""

from __future__ import annotations

import datetime as dt
import io
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from apptest import AppTest, AppTestError, UploadedFile


def run(body: str, **kwargs: object) -> AppTest:
    source = "import datetime as dt\nimport streamlit as st\n" + textwrap.dedent(body)
    return AppTest.from_string(source, **kwargs).run()  # type: ignore[arg-type]


# -- st.audio_input ----------------------------------------------------------------------------
def test_audio_input_takes_one_wav_recording() -> None:
    at = run(
        """
        clip = st.audio_input("Record", key="rec")
        st.session_state.got = None if clip is None else (clip.name, clip.type, clip.getvalue())
        """
    )
    assert at.audio_input("rec").value is None and at.session_state.got is None
    at.audio_input("rec").upload("clip.wav", b"RIFF").run()
    assert at.session_state.got == ("clip.wav", "audio/wav", b"RIFF")
    assert isinstance(at.audio_input("rec").value, UploadedFile)
    at.run()  # the recording stays
    assert at.session_state.got == ("clip.wav", "audio/wav", b"RIFF")
    at.audio_input("rec").clear().run()
    assert at.session_state.got is None
    recording = io.BytesIO(b"RIFF2")
    recording.name = "take2.wav"
    at.audio_input("rec").set_value(recording).run()  # an uploaded-file-like object
    assert at.session_state.got == ("take2.wav", "audio/wav", b"RIFF2")


def test_audio_input_refuses_what_the_browser_cannot_record() -> None:
    at = run('st.audio_input("Record")')
    with pytest.raises(AppTestError, match="records WAV audio"):
        at.audio_input[0].upload("clip.mp3", b"x", "audio/mpeg")
    with pytest.raises(AppTestError, match="one recording"):
        at.audio_input[0].set_value([("a.wav", b"x", "audio/wav")])
    assert at.audio_input[0].sample_rate == 16000


def test_audio_input_sample_rate_error_is_streamlits() -> None:
    at = run('st.audio_input("Record", sample_rate=12345)')
    assert at.exception[0].message == (
        "Invalid sample_rate: 12345. Must be one of [8000, 11025, 16000, 22050, 24000, 32000, "
        "44100, 48000] Hz, or None for browser default."
    )


# -- st.datetime_input --------------------------------------------------------------------------
def test_datetime_input_holds_a_datetime_in_whole_minutes() -> None:
    at = run(
        """
        st.session_state.v = st.datetime_input(
            "When", dt.datetime(2024, 5, 1, 9, 30, 45), key="w"
        )
        """
    )
    assert at.session_state.v == dt.datetime(2024, 5, 1, 9, 30)
    w = at.datetime_input("w")
    assert (w.min, w.max) == (dt.datetime(2014, 5, 1, 0, 0), dt.datetime(2034, 5, 1, 23, 59))
    w.set_value(dt.datetime(2025, 1, 2, 3, 4)).run()
    assert at.session_state.v == dt.datetime(2025, 1, 2, 3, 4)
    with pytest.raises(AppTestError, match="whole minutes"):
        at.datetime_input("w").set_value(dt.datetime(2025, 1, 2, 3, 4, 5))
    with pytest.raises(AppTestError, match="cannot be cleared"):
        at.datetime_input("w").set_value(None)
    with pytest.raises(AppTestError, match="from 2014-05-01 00:00:00 to 2034-05-01 23:59:00"):
        at.datetime_input("w").set_value(dt.datetime(2040, 1, 1))
    assert at.get("date_time_input") == at.datetime_input  # AppTest's node type name


def test_datetime_input_now_reads_the_virtual_clock_and_none_is_clearable() -> None:
    at = run(
        """
        st.session_state.now = st.datetime_input("Now")
        st.session_state.empty = st.datetime_input("Empty", None)
        """,
        start_time="2030-06-15T10:20:30+00:00",
    )
    assert at.session_state.now == dt.datetime(2030, 6, 15, 10, 20)
    assert at.session_state.empty is None
    at.datetime_input[1].set_value(dt.date(2030, 1, 1)).run()
    assert at.session_state.empty == dt.datetime(2030, 1, 1, 0, 0)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.datetime_input("d", "2024-01-01 10:00", min_value="2024-02-01")',
            "The default `value` of 2024-01-01 10:00:00 must lie between the `min_value` of "
            "2024-02-01 00:00:00 and the `max_value` of 2034-01-01 23:59:00, inclusively.",
        ),
        (
            'st.datetime_input("d", format="YY/MM/DD")',
            "The provided format (`YY/MM/DD`) is not valid. DateTimeInput format should be one "
            "of `YYYY/MM/DD`, `DD/MM/YYYY`, or `MM/DD/YYYY` and can also use a period (.) or "
            "hyphen (-) as separators.",
        ),
        (
            'st.datetime_input("d", step=30)',
            "`step` must be between 60 seconds and 23 hours but is currently set to 30 seconds.",
        ),
        (
            'st.datetime_input("d", value=[1])',
            "The type of value should be one of datetime, date, time, ISO string, or 'now'.",
        ),
    ],
)
def test_datetime_input_errors_are_streamlits(call: str, message: str) -> None:
    at = run(call)
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "StreamlitAPIException",
        message,
    )


# -- st.menu_button -----------------------------------------------------------------------------
MENU = """
st.session_state.setdefault("log", [])
picked = st.menu_button(
    "Export", ["csv", "json"], format_func=str.upper, key="m",
    on_click=lambda: st.session_state.log.append("clicked"),
)
st.session_state.picked = picked
"""


def test_menu_button_returns_the_picked_option_for_one_run() -> None:
    at = run(MENU)
    m = at.menu_button("m")
    assert (m.value, m.options, m.label) == (None, ["CSV", "JSON"], "Export")
    m.click("json").run()
    assert at.session_state.picked == "json" and at.session_state.log == ["clicked"]
    at.run()
    assert at.session_state.picked is None
    at.menu_button("m").click("CSV").run()  # a label works too
    assert at.session_state.picked == "csv"
    at.menu_button("m").click_index(1).run()
    assert at.session_state.picked == "json"
    with pytest.raises(AppTestError):
        at.menu_button("m").click("xml")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'st.menu_button("m", [])',
            "The options argument to st.menu_button must contain at least one option.",
        ),
        (
            'st.menu_button("m", ["a", "b"], format_func=lambda o: "x")',
            "The `format_func` produced duplicate labels for the menu button options. Each "
            "formatted option label must be unique.",
        ),
        (
            'st.menu_button("m", ["a"], type="big")',
            "Invalid `type` value. Supported values: 'primary', 'secondary', 'tertiary'.",
        ),
        (
            'with st.form("f"):\n    st.menu_button("m", ["a"])',
            "`st.menu_button()` can't be used in an `st.form()`.\n\nFor more information, refer "
            "to the\n[documentation for forms](https://docs.streamlit.io/develop/api-reference/"
            "execution-flow/st.form).",
        ),
    ],
)
def test_menu_button_errors_are_streamlits(call: str, message: str) -> None:
    assert run(call).exception[0].message == message


# -- st.pagination ------------------------------------------------------------------------------
def test_pagination_holds_a_page_number() -> None:
    at = run('st.session_state.page = st.pagination(5, default=2, key="p")')
    assert at.session_state.page == 2 and at.pagination("p").num_pages == 5
    at.pagination("p").select(4).run()
    assert at.session_state.page == 4 and at.pagination("p").value == 4
    for bad in (0, 6, "2", True):
        with pytest.raises(AppTestError):
            at.pagination("p").set_value(bad)
    assert "pagination page 4 of 5" in at.tree


def test_pagination_falls_back_to_its_default_when_the_page_count_shrinks() -> None:
    at = run(
        """
        n = st.session_state.get("n", 5)
        st.session_state.page = st.pagination(n, key="p")
        """
    )
    at.pagination("p").select(5).run()
    at.session_state["n"] = 3
    at.run()
    assert at.session_state.page == 1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.pagination(0)", "`num_pages` must be an integer of at least 1. Got 0."),
        ("st.pagination(3, default=4)", "`default` must be between 1 and `num_pages` (3). Got 4."),
        (
            "st.pagination(3, max_visible_pages=-1)",
            "`max_visible_pages` must be a non-negative integer or None. Got -1.",
        ),
    ],
)
def test_pagination_errors_are_streamlits(call: str, message: str) -> None:
    assert run(call).exception[0].message == message


# -- custom components --------------------------------------------------------------------------
COMPONENT = """
import streamlit.components.v1 as components
rating = components.declare_component("rating", url="http://localhost:3001")
st.session_state.setdefault("changes", 0)
def changed():
    st.session_state.changes += 1
st.session_state.value = rating(stars=5, default=0, key="r", on_change=changed)
"""


def _component_app() -> AppTest:
    # ``import streamlit.components.v1`` is issue 15's; the attribute path works here.
    return run(
        COMPONENT.replace(
            "import streamlit.components.v1 as components", "components = st.components.v1"
        )
    )


def test_a_custom_component_is_a_widget_whose_value_a_test_sets() -> None:
    at = _component_app()
    c = at.component_instance[0]
    assert (c.name, c.args, c.value) == (
        "<streamlit app>.rating",
        {"stars": 5, "default": 0, "key": "r"},
        0,
    )
    assert at.session_state.value == 0
    c.set_value(4).run()
    assert at.session_state.value == 4 and at.session_state.changes == 1
    assert at.get_by_key("r").value == 4


def test_a_custom_component_takes_keyword_arguments_only() -> None:
    at = run(
        """
        c = st.components.v1.declare_component("c", url="http://x")
        c(1)
        """
    )
    assert (at.exception[0].exc_type, at.exception[0].message) == (
        "MarshallComponentException",
        "Argument '1' needs a label",
    )
    at = run('st.components.v1.declare_component("c")')
    assert at.exception[0].message == "Either 'path' or 'url' must be set."


_APPS: dict[str, AppTest] = {}


def _datetime_app() -> AppTest:
    """One app for every example (hypothesis runs many): staging is all that changes."""
    if "datetime" not in _APPS:
        _APPS["datetime"] = run(
            """
            st.session_state.v = st.datetime_input(
                "d", dt.datetime(2024, 1, 1), dt.datetime(2020, 1, 1), dt.datetime(2030, 12, 31, 12)
            )
            """
        )
    return _APPS["datetime"]


@settings(max_examples=40, deadline=None)
@given(hst.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2050, 1, 1)))
def test_datetime_input_stages_whole_minutes_within_its_bounds(value: dt.datetime) -> None:
    at = _datetime_app()
    low, high = dt.datetime(2020, 1, 1), dt.datetime(2030, 12, 31, 12)
    if value.second or value.microsecond or not low <= value <= high:
        with pytest.raises(AppTestError):
            at.datetime_input[0].set_value(value)
    else:
        at.datetime_input[0].set_value(value).run()
        assert at.session_state.v == value


@settings(max_examples=30, deadline=None)
@given(hst.integers(min_value=-3, max_value=12), hst.integers(min_value=1, max_value=9))
def test_pagination_takes_exactly_its_pages(page: int, pages: int) -> None:
    at = run(f"st.session_state.page = st.pagination({pages})")
    if 1 <= page <= pages:
        at.pagination[0].set_value(page).run()
        assert at.session_state.page == page
    else:
        with pytest.raises(AppTestError, match=f"has pages 1..{pages}"):
            at.pagination[0].set_value(page)
