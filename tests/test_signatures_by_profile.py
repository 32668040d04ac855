"""Keywords Streamlit added after 1.58: refused under "seed", accepted under "modern".

Every shim command takes Streamlit 1.58's keywords plus, defaulting to a private sentinel, the
ones 1.67 added (``apptest/_shim/versions.py``, read from the 1.58.0 and 1.67.0 wheels). Under
the seed profile such a keyword is Python's own ``TypeError`` naming Streamlit's mixin, as
1.58 raises it (``st.pyplot`` hands it to matplotlib's ``savefig``, as 1.58 does); under
"modern" it is accepted. 1.58's keywords work under both (``tests/test_shim_signatures.py``).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import apptest._shim as shim
from apptest import AppTest
from apptest._shim import versions
from apptest._shim.delta_generator import DeltaGenerator
from apptest._shim.versions import NEWER_KEYWORDS, NOT_GIVEN

# A value of the type 1.67 documents for each keyword (apptest ignores or records it).
VALUES: dict[str, str] = {
    "alt": '"a description"',
    "anchors": "False",
    "bind": '"query-params"',
    "format": '"12h"',
    "height": '"content"',
    "icon": '":material/info:"',
    "lazy": "True",
    "live": "True",
    "persist_state": '"session"',
    "required": "True",
    "resolution": '"720p"',
    "select_all": "True",
    "submit_mode": '"submit"',
    "validate": "None",  # None is a value: only the sentinel means "not passed"
    "wrap": "True",
}

# Calls whose dummy positionals ("x") 1.58 would refuse for reasons of their own.
CALLS: dict[str, str] = {
    "columns": "st.columns(2, {})",
    "data_editor": 'st.data_editor({{"a": [1]}}, {})',
    "form_submit_button": 'with st.form("f"):\n    st.form_submit_button("x", {})',
    "select_slider": 'st.select_slider("x", ["a", "b"], {})',
    "pagination": "st.pagination(3, {})",
    "pdf": 'st.pdf(b"%PDF", {})',
    "menu_button": 'st.menu_button("x", ["a"], {})',
    "iframe": 'st.iframe("https://example.com", {})',
    "datetime_input": 'st.datetime_input("x", {})',
}

PAIRS = [(name, word) for name, words in sorted(NEWER_KEYWORDS.items()) for word in words]


def _required_positionals(name: str) -> int:
    params = inspect.signature(getattr(shim.sidebar, name)).parameters.values()
    return sum(
        1
        for p in params
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
    )


def _app(name: str, word: str) -> str:
    keyword = f"{word}={VALUES[word]}"
    if name in CALLS:
        call = CALLS[name].format(keyword)
    else:
        args = ['"x"'] * _required_positionals(name) + [keyword]
        call = f"st.{name}({', '.join(args)})"
    return f"import streamlit as st\n{call}\n"


def _newer_parameters(name: str) -> Iterator[inspect.Parameter]:
    for param in inspect.signature(getattr(DeltaGenerator, name)).parameters.values():
        if param.default is NOT_GIVEN:
            yield param


# -- the table and the signatures -----------------------------------------------------------------
def test_the_table_lists_every_keyword_that_defaults_to_the_sentinel() -> None:
    commands = [n for n in dir(DeltaGenerator) if not n.startswith("_")]
    found = {
        name: [p.name for p in _newer_parameters(name)]
        for name in commands
        if callable(getattr(DeltaGenerator, name)) and any(_newer_parameters(name))
    }
    assert found == {name: list(words) for name, words in NEWER_KEYWORDS.items()}
    assert set(VALUES) == {word for words in NEWER_KEYWORDS.values() for word in words}


@pytest.mark.parametrize("name", sorted(NEWER_KEYWORDS))
def test_newer_keywords_are_keyword_only(name: str) -> None:
    assert {p.kind for p in _newer_parameters(name)} == {inspect.Parameter.KEYWORD_ONLY}


def test_the_table_holds_what_1_67_added_to_common_commands() -> None:
    # Spot checks against the 1.67.0 wheel (``lib/streamlit/elements``).
    assert NEWER_KEYWORDS["text_input"] == dict.fromkeys(
        ("required", "validate", "live", "persist_state"), "1.59+"
    )
    assert list(NEWER_KEYWORDS["tabs"]) == ["height", "bind"]
    assert list(NEWER_KEYWORDS["dataframe"]) == ["lazy", "alt"]
    assert "status" not in NEWER_KEYWORDS and "spinner" not in NEWER_KEYWORDS


# -- seed: Python's own TypeError ------------------------------------------------------------------
@pytest.mark.parametrize(("name", "word"), PAIRS)
def test_under_seed_a_newer_keyword_is_pythons_type_error(name: str, word: str) -> None:
    at = AppTest.from_string(_app(name, word), semantics="seed").run()
    assert len(at.exception) == 1, [e.message for e in at.exception]
    exc_type, message = at.exception[0].exc_type, at.exception[0].message
    assert exc_type == "TypeError"
    if name == "pyplot":
        # 1.58 hands unknown keywords to matplotlib's savefig, which refuses them.
        assert message.startswith("st.pyplot() got an unexpected keyword argument 'alt'")
    else:
        mixin = getattr(DeltaGenerator, name).__qualname__.split(".")[0]
        assert message == f"{mixin}.{name}() got an unexpected keyword argument '{word}'"


def test_under_seed_the_message_names_the_mixin_from_a_container() -> None:
    app = 'import streamlit as st\nst.sidebar.columns(2)[1].checkbox("c", persist_state="page")\n'
    at = AppTest.from_string(app).run()
    assert [(e.exc_type, e.message) for e in at.exception] == [
        ("TypeError", "CheckboxMixin.checkbox() got an unexpected keyword argument 'persist_state'")
    ]


_NON_SENTINELS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5))


@given(pair=st.sampled_from([p for p in PAIRS if p[0] != "pyplot"]), value=_NON_SENTINELS)
def test_any_value_of_a_newer_keyword_is_refused_outside_modern(
    pair: tuple[str, str], value: object
) -> None:
    """Rule over every command, keyword and value: outside a "modern" run (here outside any run,
    which reads as the seed), passing the keyword at all is the TypeError."""
    name, word = pair
    command = getattr(shim.sidebar, name)
    with pytest.raises(TypeError, match=f"unexpected keyword argument '{word}'$"):
        command(*["x"] * _required_positionals(name), **{word: value})


# -- modern: accepted -----------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "word"), PAIRS)
def test_under_modern_a_newer_keyword_is_accepted(name: str, word: str) -> None:
    at = AppTest.from_string(_app(name, word), semantics="modern").run()
    assert not at.exception, [e.message for e in at.exception]


def test_under_modern_recording_commands_keep_the_keyword_and_others_ignore_it() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.dataframe({"a": [1]}, alt="numbers", lazy=True)
        st.bar_chart({"a": [1]})
        st.pyplot(None, alt="a figure", dpi=100)
        st.checkbox("c", wrap=True, persist_state="session")
        st.text_input("t", required=True, live=True)
        """,
        semantics="modern",
    ).run()
    assert not at.exception, [e.message for e in at.exception]
    frame = at.get("dataframe")[0].proto
    assert (frame["alt"], frame["lazy"]) == ("numbers", True)
    assert "alt" not in at.get("bar_chart")[0].proto  # not passed: not recorded
    pyplot = at.get("pyplot")[0].proto
    assert (pyplot["alt"], pyplot["kwargs"]) == ("a figure", {"dpi": 100})
    assert at.checkbox[0].value is False
    assert at.text_input[0].value == ""


def test_under_modern_an_unknown_keyword_is_still_refused() -> None:
    at = AppTest.from_string(
        'import streamlit as st\nst.checkbox("c", persist_stat="page")\n', semantics="modern"
    ).run()
    assert [(e.exc_type, e.message) for e in at.exception] == [
        ("TypeError", "CheckboxMixin.checkbox() got an unexpected keyword argument 'persist_stat'")
    ]


# -- the common path -------------------------------------------------------------------------------
def test_calls_without_newer_keywords_never_reach_the_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The commands compare with the sentinel first: the profile is read only when one is given.
    def fail() -> None:
        raise AssertionError("the profile was read for a call without a newer keyword")

    monkeypatch.setattr(versions, "current_run", fail)
    at = AppTest.from_string(
        """
        import streamlit as st
        st.title("T")
        st.markdown("m")
        st.dataframe({"a": [1]})
        st.line_chart({"a": [1]})
        st.checkbox("c")
        st.text_input("t")
        st.selectbox("s", ["a"])
        st.slider("n")
        st.tabs(["a"])
        st.expander("e")
        """,
        semantics="seed",
    ).run()
    assert not at.exception, [e.message for e in at.exception]
