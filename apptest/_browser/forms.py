"""Forms as the browser handles them (FM1-FM4).

* FM1: a widget inside ``st.form`` keeps a staged value in the browser (``AppTest._staged``
  entries with a ``form_id``) until the form's submit button is clicked; the click sends every
  staged value of that form plus the button's trigger in one request, so one run sees them all
  and the button reads True in it. Staged values survive unrelated runs.
* FM4 ``clear_on_submit``: right after sending, the browser resets each widget of the form to
  its element's default and keeps those defaults as the form's *pending* values (Streamlit's
  ``WidgetStateManager.submitForm`` emits ``formCleared``; widgets store the default with
  ``fromUi``, i.e. in the form's buffer). The app is not told: a later unrelated run still
  sees the submitted values (and ``st.session_state`` keeps them) until the next submit sends
  the defaults. :func:`pending_defaults` computes those pending values.
* A form without a submit button: Streamlit shows "Missing Submit Button" in the browser only
  (no delta, no Python warning), so apptest records nothing for it.

The server-side errors (submit button outside a form, nested forms, ``st.button`` or
``st.download_button`` or ``st.chat_input`` in a form, callbacks on form widgets, duplicate
form keys) are raised by the shim (``apptest._shim.widgets_buttons``) and ``register_widget``
(FM3).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from apptest._browser.frontend import Frontend, TreeNode
from apptest._props import DEFAULT, FORM_ID, ID, keeps_value


@dataclass(frozen=True)
class PendingDefault:
    """A form widget's value after ``clear_on_submit``, held by the browser until submit."""

    widget_id: str
    value: Any
    fragment_id: str
    form_id: str


def _clearing_forms(frontend: Frontend, submitted: set[str]) -> set[str]:
    return {
        str(node.props.get(FORM_ID))
        for root in frontend.roots
        for node in root.walk()
        if node.kind == "form"
        and node.props.get(FORM_ID) in submitted
        and node.props.get("clear_on_submit")
    }


def pending_defaults(frontend: Frontend, submitted: Iterable[str]) -> list[PendingDefault]:
    """FM4: for each submitted ``clear_on_submit`` form, its value widgets back at their
    defaults (read from the elements the browser shows when the submit is clicked)."""
    wanted = set(submitted)
    if not wanted:
        return []  # every run() asks: without a submit, no walk over the whole tree
    forms = _clearing_forms(frontend, wanted)
    if not forms:
        return []
    result: list[PendingDefault] = []
    for root in frontend.roots:
        for node in root.walk():
            if _is_clearable_widget(node) and node.props.get(FORM_ID) in forms:
                result.append(
                    PendingDefault(
                        str(node.props[ID]),
                        node.props.get(DEFAULT),
                        node.fragment_id,
                        str(node.props[FORM_ID]),
                    )
                )
    return result


def _is_clearable_widget(node: TreeNode) -> bool:
    """FM4: a form's value widget with a default to go back to (trigger widgets have none)."""
    return node.children is None and keeps_value(node.props) and DEFAULT in node.props
