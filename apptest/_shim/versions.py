"""Keywords Streamlit added to its commands after 1.58, and the check that gates them.

The shim's signatures are Streamlit 1.58's plus, at the end, the keywords 1.67 has that 1.58
lacks (``NEWER_KEYWORDS``), each defaulting to ``NOT_GIVEN``. A command compares those
parameters with ``NOT_GIVEN`` first and calls :func:`newer_keywords` only when one was given,
so a call without them costs one identity test per keyword. Under a profile without
``accepts_newer_keywords`` (the seed) that call raises the ``TypeError`` Python raises for an
unknown keyword, naming Streamlit's mixin as 1.58 does; under ``"modern"`` the keyword is
accepted. Commands that record their arguments as properties (``Plumbing._record``: charts,
``st.dataframe``, ``st.image`` ...) record a given keyword; the others accept it and ignore it,
as apptest does not simulate what it changes (wrapping, icons, persisted state ...).

``NEWER_KEYWORDS`` was read once from the ``lib/streamlit/elements`` signatures of the 1.58.0
and 1.67.0 wheels (``ast``), for the commands the shim has: ``"1.59+"`` means added after 1.58
and present in 1.67. No keyword of those commands was removed between 1.58 and 1.67.
Commands new in 1.59-1.67 (``st.grid``, ``st.skeleton`` ...) are not in the shim at all.
"""

from __future__ import annotations

from typing import Final

from apptest._run.layout import current_run

#: command -> keyword -> the releases that have it.
NEWER_KEYWORDS: Final[dict[str, dict[str, str]]] = {
    "altair_chart": {"alt": "1.59+"},
    "area_chart": {"alt": "1.59+"},
    "audio": {"alt": "1.59+"},
    "bar_chart": {"alt": "1.59+"},
    "button": {"wrap": "1.59+"},
    "camera_input": {"resolution": "1.59+"},
    "caption": {"wrap": "1.59+"},
    "chat_input": {"submit_mode": "1.59+"},
    "checkbox": {"wrap": "1.59+", "persist_state": "1.59+"},
    "color_picker": {"persist_state": "1.59+"},
    "columns": {"wrap": "1.59+"},
    "container": {"wrap": "1.59+"},
    "data_editor": {"alt": "1.59+"},
    "dataframe": {"lazy": "1.59+", "alt": "1.59+"},
    "date_input": {"required": "1.59+", "persist_state": "1.59+"},
    "datetime_input": {"required": "1.59+", "persist_state": "1.59+"},
    "download_button": {"wrap": "1.59+"},
    "expander": {"bind": "1.59+"},
    "feedback": {"bind": "1.59+", "persist_state": "1.59+"},
    "form_submit_button": {"wrap": "1.59+"},
    "graphviz_chart": {"alt": "1.59+"},
    "header": {"icon": "1.59+", "wrap": "1.59+"},
    "iframe": {"alt": "1.59+"},
    "image": {"alt": "1.59+"},
    "line_chart": {"alt": "1.59+"},
    "link_button": {"wrap": "1.59+"},
    "map": {"alt": "1.59+"},
    "menu_button": {"wrap": "1.59+"},
    "markdown": {"anchors": "1.59+", "wrap": "1.59+"},
    "metric": {"icon": "1.59+"},
    "multiselect": {"select_all": "1.59+", "wrap": "1.59+", "persist_state": "1.59+"},
    "number_input": {"required": "1.59+", "persist_state": "1.59+"},
    "pagination": {"persist_state": "1.59+"},
    "pdf": {"alt": "1.59+"},
    "pills": {"wrap": "1.59+", "persist_state": "1.59+"},
    "plotly_chart": {"alt": "1.59+"},
    "popover": {"wrap": "1.59+"},
    "pydeck_chart": {"alt": "1.59+"},
    "pyplot": {"alt": "1.59+"},
    "radio": {"persist_state": "1.59+"},
    "scatter_chart": {"alt": "1.59+"},
    "segmented_control": {"wrap": "1.59+", "persist_state": "1.59+"},
    "select_slider": {"persist_state": "1.59+"},
    "selectbox": {"required": "1.59+", "icon": "1.59+", "persist_state": "1.59+"},
    "slider": {"persist_state": "1.59+"},
    "subheader": {"icon": "1.59+", "wrap": "1.59+"},
    "table": {"alt": "1.59+"},
    "tabs": {"height": "1.59+", "bind": "1.59+"},
    "text": {"wrap": "1.59+"},
    "text_area": {"required": "1.59+", "persist_state": "1.59+"},
    "text_input": {
        "required": "1.59+",
        "validate": "1.59+",
        "live": "1.59+",
        "persist_state": "1.59+",
    },
    "time_input": {"required": "1.59+", "format": "1.59+", "persist_state": "1.59+"},
    "title": {"icon": "1.59+", "wrap": "1.59+"},
    "toggle": {"wrap": "1.59+", "persist_state": "1.59+"},
    "vega_lite_chart": {"alt": "1.59+"},
    "video": {"alt": "1.59+"},
}


class _NotGiven:
    """The default of a 1.59+ keyword: tells "not passed" from any value an app passes."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = _NotGiven()


def accepts_newer_keywords() -> bool:
    """Whether the active profile takes 1.59+ keywords (seed, outside a run: no)."""
    run = current_run()
    return run is not None and run.session.profile.accepts_newer_keywords


def newer_keywords(container: object, command: str, **given: object) -> None:
    """Call when one of ``command``'s 1.59+ keywords is not ``NOT_GIVEN``.

    Under the seed this raises ``TypeError`` for the first one given (in signature order: a
    call's keyword order is not kept), worded as Python's own; under "modern" it returns.
    """
    if accepts_newer_keywords():
        return
    name = next(name for name, value in given.items() if value is not NOT_GIVEN)
    qualname = getattr(type(container), command).__qualname__
    raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
