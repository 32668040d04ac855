"""``streamlit.errors`` as apps and tests see it under apptest.

The class names and hierarchy match Streamlit's, so ``except StreamlitAPIException`` in an app
or ``pytest.raises(StreamlitDuplicateElementKey)`` in a test work unchanged. Messages are
written as ``../shared/spec/streamlit-semantics.md`` quotes them.
"""

from __future__ import annotations


class Error(Exception):
    """Base class of every Streamlit error."""


class StreamlitAPIException(Error):
    """Raised when a Streamlit command is used incorrectly."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A misuse that Streamlit shows as a warning."""


class NoSessionContext(Error):
    """A command needed a session but ran outside any script run."""


class DuplicateWidgetID(StreamlitAPIException):
    """Two elements of one run share an id."""


class StreamlitDuplicateElementId(DuplicateWidgetID):
    """Two unkeyed elements of one run got the same auto-generated id (W2, E18)."""

    def __init__(self, element_type: str) -> None:
        super().__init__(
            f"There are multiple `{element_type}` elements with the same auto-generated ID. "
            "When this element is created, it is assigned an internal ID based on the element "
            "type and provided parameters. Multiple elements with the same type and parameters "
            "will cause this error.\n\n"
            "To fix this error, please pass a unique `key` argument to the "
            f"`{element_type}` element."
        )


class StreamlitDuplicateElementKey(DuplicateWidgetID):
    """Two elements of one run use the same ``key`` (W2, E6)."""

    def __init__(self, user_key: str) -> None:
        super().__init__(
            f"There are multiple elements with the same `key='{user_key}'`. To fix this, please "
            "make sure that the `key` argument is unique for each element you create."
        )


class StreamlitInvalidLayoutContextError(StreamlitAPIException):
    """A command was used in a layout context that does not allow it."""


class StreamlitFragmentWidgetsNotAllowedOutsideError(StreamlitAPIException):
    """A fragment wrote a widget outside its own area (L3, seed profile)."""

    def __init__(self) -> None:
        super().__init__("Fragments cannot write widgets to outside containers.")


class StreamlitWidgetAlreadyInstantiatedError(StreamlitAPIException):
    """``st.session_state[k]`` was set after widget ``k`` was created in this run (E19)."""


class StreamlitValueAssignmentNotAllowedError(StreamlitAPIException):
    """A read-only widget's key was assigned through Session State (SS2)."""


class StreamlitInvalidFormCallbackError(StreamlitAPIException):
    """A widget inside a form other than the submit button has a callback (FM3)."""

    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining "
            "callbacks on other widgets inside a form is not allowed."
        )


class StreamlitSetPageConfigMustBeFirstCommandError(StreamlitAPIException):
    """``st.set_page_config`` was called after another command."""


class StreamlitValueError(StreamlitAPIException):
    """A parameter has a value the command does not accept."""


class StreamlitInvalidParameterTypeError(StreamlitAPIException):
    """A parameter has a type the command does not accept."""


class StreamlitMissingRequiredParameterError(StreamlitAPIException):
    """A required parameter was not given."""


class StreamlitBadTimeStringError(StreamlitAPIException):
    """A time string such as ``run_every="2s"`` could not be parsed (E20)."""

    def __init__(self, time_string: str) -> None:
        super().__init__(
            "Time string doesn't look right. It should be formatted as `'1d2h34m'` or "
            f"`2 days`, for example. Got: {time_string}"
        )


class StreamlitSecretNotFoundError(StreamlitAPIException, KeyError):
    """A secret was read that does not exist."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class StreamlitAPIUnimplementedError(StreamlitAPIException, AttributeError):
    """A Streamlit command apptest does not simulate (yet)."""


__all__ = [
    "DuplicateWidgetID",
    "Error",
    "NoSessionContext",
    "StreamlitAPIException",
    "StreamlitAPIUnimplementedError",
    "StreamlitAPIWarning",
    "StreamlitBadTimeStringError",
    "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey",
    "StreamlitFragmentWidgetsNotAllowedOutsideError",
    "StreamlitInvalidFormCallbackError",
    "StreamlitInvalidLayoutContextError",
    "StreamlitInvalidParameterTypeError",
    "StreamlitMissingRequiredParameterError",
    "StreamlitSecretNotFoundError",
    "StreamlitSetPageConfigMustBeFirstCommandError",
    "StreamlitValueAssignmentNotAllowedError",
    "StreamlitValueError",
    "StreamlitWidgetAlreadyInstantiatedError",
]
