"""Session State's error messages: a missing key (KeyError, AttributeError) and E19/SS1.

Apart from ``apptest._run.state`` so that the store's hot paths stay readable there.
"""

from __future__ import annotations

from apptest._st_errors import StreamlitAPIException, StreamlitWidgetAlreadyInstantiatedError

INIT_HINT = (
    "Did you forget to initialize it? More info: "
    "https://docs.streamlit.io/develop/concepts/architecture/session-state#initialization"
)


def no_key(key: object) -> KeyError:
    """A read or delete of a key Session State does not have."""
    return KeyError(f'st.session_state has no key "{key}". {INIT_HINT}')


def no_attribute(name: str) -> AttributeError:
    """The same, for ``st.session_state.<name>``."""
    return AttributeError(f'st.session_state has no attribute "{name}". {INIT_HINT}')


def already_instantiated(key: str, error_class: str) -> StreamlitAPIException:
    """E19 / SS1 in the active profile's class and words."""
    if error_class == "StreamlitWidgetAlreadyInstantiatedError":
        # 1.67 formats the key as Python subscript code, in a Markdown code span whose fence
        # is longer than any run of backticks in the key.
        code = f"st.session_state[{key!r}]"
        fence = "`"
        while fence in code:
            fence += "`"
        item = f"{fence}{code}{fence}"
        return StreamlitWidgetAlreadyInstantiatedError(
            f"{item} cannot be modified after the widget with that key is instantiated. Assign "
            f"{item} before creating the widget, or update it from an `on_change` or "
            "`on_click` callback, which runs before the widget is instantiated. If this is a "
            "read-only session state key (buttons, file and media inputs, `st.data_editor`, "
            "forms, chart or `ButtonColumn` selections), store the value under a different "
            "session state key."
        )
    return StreamlitAPIException(
        f"`st.session_state.{key}` cannot be modified after the widget with key `{key}` is "
        "instantiated."
    )
