"""What input widgets hold: defaults from a command's arguments, and the values a user can give.

One representation everywhere: a widget's value in Session State, in the browser's widget
values (``Frontend.widget_values``), in its element's ``props["value"]`` and in a staged test
interaction is the widget's **return value** (the option object a selectbox returns, a
``(low, high)`` tuple for a range slider, a ``date``, an ``UploadedFile`` …). There is no
wire serialization. The one exception is ``st.data_editor``, whose value is its edit state
(``{"edited_rows": …, "added_rows": […], "deleted_rows": […]}``), which is also what
``st.session_state[key]`` shows in Streamlit; the command returns the data with those edits
applied (``apptest._values.data_editor``).

Two kinds of checks live in this package:

* the command's own argument checks, raising Streamlit's exceptions with Streamlit's texts
  (seed era, 1.58) — used by the shim;
* the staging checks (``check_*``), raising :class:`~apptest.InvalidValueError` (an
  AppTestError and a ValueError) when a test stages a value a browser user could not give the
  widget, naming what was wrong and what the widget takes.

This module holds the small checks several widgets share: ``label_visibility`` (Streamlit's
``maybe_raise_label_warnings``), a button's ``type``, ``key_state`` (what Session State holds
for a key, for the ``value=None`` rules), typed text and ``max_chars``, colours (the
``st.color_picker`` default check with Streamlit's texts), feedback option counts, booleans,
and ``describe`` (how staging errors name a widget). Choice options are in
``apptest._values.choices``, ``st.number_input`` in ``apptest._values.number_input``, sliders
in ``apptest._values.sliders``, dates and times in ``apptest._values.dates``, uploads in
``apptest._values.uploads``, the data editor in ``apptest._values.data_editor``.
"""

from __future__ import annotations

import re
from typing import Any

from apptest._errors import InvalidValueError, hide_test_errors
from apptest._run.layout import current_run
from apptest._st_errors import StreamlitAPIException

# pytest leaves this module's frames out of the traceback of an AppTestError (a value a widget
# verb refused): the test's line and the message say it all.
__tracebackhide__ = hide_test_errors

_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
LABEL_VISIBILITIES = ("visible", "hidden", "collapsed")


def check_label_visibility(label_visibility: object) -> None:
    """Streamlit's ``maybe_raise_label_warnings`` (an empty label only logs there)."""
    if label_visibility not in LABEL_VISIBILITIES:
        raise StreamlitAPIException(
            f"Unsupported label_visibility option '{label_visibility}'. "
            "Valid values are 'visible', 'hidden' or 'collapsed'."
        )


def check_button_type(command: str, kind: object) -> None:
    if kind not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(
            f'The type argument to {command} must be "primary", "secondary", or "tertiary". '
            f'\nThe argument passed was "{kind}".'
        )


def key_state(key: object) -> tuple[bool, Any]:
    """Whether Session State holds ``key`` right now, and its value (for ``value=None`` rules)."""
    run = current_run()
    if run is None or key is None:
        return False, None
    try:
        return True, run.session.state.get_item(str(key))  # one lookup (widgets call this)
    except KeyError:
        return False, None


# -- text ----------------------------------------------------------------------------------------
def check_text(what: str, value: Any, max_chars: int | None, *, secret: bool = False) -> str | None:
    """Staging typed text: a string (or None) no longer than ``max_chars``. A ``secret`` text
    (a password field) is never shown in the message."""
    if value is not None and not isinstance(value, str):
        raise InvalidValueError(
            f"{what} takes a string (or None), not {type(value).__name__} {value!r}."
        )
    if value is not None and max_chars is not None and len(value) > max_chars:
        raise InvalidValueError(
            f"{what} accepts at most max_chars={max_chars} characters; "
            f"{'the text' if secret else repr(value)} has {len(value)}. Stage a shorter text."
        )
    return value


def check_color(what: str, value: Any) -> str:
    if not isinstance(value, str) or not _HEX_COLOR.match(value):
        raise InvalidValueError(
            f"{what} takes a hex colour such as '#00ffaa' or '#0fa', not {value!r}. "
            "Use .pick('00ffaa') to add the '#'."
        )
    return value


def check_color_default(value: object) -> str:
    if value is None:
        return "#000000"
    if not isinstance(value, str):
        raise StreamlitAPIException(
            f"\nColor Picker Value has invalid type: {type(value).__name__}. Expects a hex "
            "string\nlike '#00FFAA' or '#000'.\n"
        )
    if not _HEX_COLOR.match(value):
        raise StreamlitAPIException(
            f"\n'{value}' is not a valid hex code for colors. Valid ones are like\n"
            "'#00FFAA' or '#000'.\n"
        )
    return value


# -- feedback ------------------------------------------------------------------------------------
FEEDBACK_OPTIONS = {"thumbs": 2, "faces": 5, "stars": 5}


def check_feedback(what: str, count: int, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < count:
        raise InvalidValueError(
            f"{what} takes an option index 0..{count - 1} (or None to clear), not {value!r}."
        )
    return value


def checked_bool(what: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidValueError(f"{what} takes True or False, not {value!r}.")
    return value


def describe(kind: str, label: str, key: str | None) -> str:
    """How staging errors name a widget: ``st.selectbox 'Pick' (key='p')``."""
    text = f"st.{kind}"
    if label:
        text += f" {label!r}"
    if key is not None and not key.startswith("FormSubmitter:"):
        text += f" (key={key!r})"
    return text
