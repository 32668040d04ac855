"""The shim's input widgets, gathered into ``WidgetCommands``.

``WidgetCommands`` is mixed into ``DeltaGenerator``; it composes one mixin per kind of widget:
buttons, menu buttons, page links and ``st.form`` in ``widgets_buttons``, checkbox and toggle
in ``widgets_toggles``, text, colour and chat input in ``widgets_text``, choices in
``widgets_choice``, pills, segmented controls and feedback in ``widgets_groups``, numbers,
sliders and pagination in ``widgets_values``, dates and times in ``widgets_dates``, files,
camera and audio input and the data editor in ``widgets_data``. Each method translates
Streamlit's signature (seed era, 1.58) into ``register_widget``/``emit_element``/``emit_block``
calls; values and their rules live in ``apptest._values.common`` and friends.
"""

from __future__ import annotations

from apptest._run.layout import Container
from apptest._shim.widgets_buttons import ButtonWidgets
from apptest._shim.widgets_choice import ChoiceWidgets
from apptest._shim.widgets_data import DataWidgets
from apptest._shim.widgets_dates import DateWidgets
from apptest._shim.widgets_groups import GroupWidgets
from apptest._shim.widgets_text import TextWidgets
from apptest._shim.widgets_toggles import ToggleWidgets
from apptest._shim.widgets_values import ValueWidgets


class WidgetCommands(
    ButtonWidgets,
    ToggleWidgets,
    TextWidgets,
    ChoiceWidgets,
    GroupWidgets,
    ValueWidgets,
    DateWidgets,
    DataWidgets,
    Container,
):
    """Every input widget command of ``st`` (and of any container), plus ``st.form``."""
