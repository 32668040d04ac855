"""The names of element properties that more than one module reads, and the one widget test.

An element's properties (``TreeNode.props`` in the runtime, ``Node.proto`` in the query
layer) are a plain dict. The runtime writes them (``register_widget``, the shim's commands,
``call_fragment``); the frontend tree, forms and the query layer read them. Spell a key
shared across modules through these names, so that a renamed key is one change and a typo
is an import error instead of a silent ``None``.

This module imports nothing from apptest: every layer may use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

# -- what register_widget writes on every input widget's element -------------------------------
#: The widget id (W1). Only widgets have one: see :func:`is_widget`.
ID: Final = "id"
#: The user key (``str``, or None for an unkeyed widget).
KEY: Final = "key"
LABEL: Final = "label"
#: The key of the enclosing ``st.form`` ("" outside a form); also set on the form's block.
FORM_ID: Final = "form_id"
#: True for trigger widgets (buttons, chat input): their value lasts one run.
TRIGGER: Final = "trigger"
#: The value the widget shows in this run.
VALUE: Final = "value"

# -- what the shim writes on some widgets, read by the frontend and the query layer ------------
#: The value the widget starts from (read by FM4's ``clear_on_submit`` reset and ``.default``).
DEFAULT: Final = "default"
#: The resolved argument spec (``SliderSpec``, ``NumberSpec`` …) that checks staged values.
SPEC: Final = "spec"
#: True when the widget can be cleared to None.
CLEARABLE: Final = "clearable"
#: The formatted options of a choice widget (``st.feedback``: its icon set).
OPTIONS: Final = "options"
PLACEHOLDER: Final = "placeholder"

# -- blocks --------------------------------------------------------------------------------------
#: On the container block a fragment call opens (its own area, F14).
FRAGMENT_ID: Final = "fragment_id"


def is_widget(props: Mapping[str, Any]) -> bool:
    """True for the element of an input widget: ``register_widget`` is the only writer of
    an ``id``, and every widget has one. Blocks and plain elements have none."""
    return ID in props


def keeps_value(props: Mapping[str, Any]) -> bool:
    """True for a widget whose value the browser keeps and sends with every rerun request
    (FE8): every widget except trigger widgets, whose value is True for one run only."""
    return ID in props and not props.get(TRIGGER)
