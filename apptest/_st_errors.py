"""``streamlit.errors`` as apps and tests see it under apptest.

The class names and hierarchy match Streamlit's, so ``except StreamlitAPIException`` in an app
or ``pytest.raises(StreamlitDuplicateElementKey)`` in a test work unchanged. Messages are
written as ``../shared/spec/streamlit-semantics.md`` quotes them.
"""

from __future__ import annotations

from typing import Any

from apptest._errors import FragmentHandledException


class Error(Exception):
    """Base class of every Streamlit error."""


class MarkdownFormattedException(Error):
    """An exception whose message is markdown (shown formatted in the exception element)."""


class StreamlitAPIException(MarkdownFormattedException):
    """Raised when a Streamlit command is used incorrectly."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class StreamlitAPIWarning(StreamlitAPIException, Warning):
    """A misuse that Streamlit shows as a warning."""


class LocalizableStreamlitException(StreamlitAPIException):
    """Streamlit's base of errors with a message template: ``message.format(**kwargs)``."""

    def __init__(self, message: str = "", **kwargs: Any) -> None:
        super().__init__(message.format(**kwargs) if kwargs else message)
        self._exec_kwargs = kwargs

    @property
    def exec_kwargs(self) -> dict[str, Any]:
        return self._exec_kwargs


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


class StreamlitFragmentWidgetsNotAllowedOutsideError(LocalizableStreamlitException):
    """A fragment wrote a widget outside its own area (L3, seed profile)."""

    def __init__(self) -> None:
        super().__init__("Fragments cannot write widgets to outside containers.")


class StreamlitWidgetAlreadyInstantiatedError(LocalizableStreamlitException):
    """``st.session_state[k]`` was set after widget ``k`` was created in this run (E19)."""


class StreamlitValueAssignmentNotAllowedError(LocalizableStreamlitException):
    """A read-only widget's key was assigned through Session State (SS2)."""

    def __init__(self, key: str) -> None:
        super().__init__(
            "Values for the widget with `key` '{key}' cannot be set using `st.session_state`.",
            key=key,
        )


class StreamlitInvalidFormCallbackError(LocalizableStreamlitException):
    """A widget inside a form other than the submit button has a callback (FM3)."""

    def __init__(self) -> None:
        super().__init__(
            "Within a form, callbacks can only be defined on `st.form_submit_button`. Defining "
            "callbacks on other widgets inside a form is not allowed."
        )


class StreamlitSetPageConfigMustBeFirstCommandError(LocalizableStreamlitException):
    """``st.set_page_config`` was called after another command."""


class StreamlitValueError(LocalizableStreamlitException):
    """A parameter has a value the command does not accept."""


class StreamlitInvalidParameterTypeError(LocalizableStreamlitException):
    """A parameter has a type the command does not accept."""


class StreamlitMissingRequiredParameterError(LocalizableStreamlitException):
    """A required parameter was not given."""


class StreamlitBadTimeStringError(LocalizableStreamlitException):
    """A time string such as ``run_every="2s"`` could not be parsed (E20).

    ``missing_space=True`` gives 1.58's words, which run "as" into the example.
    """

    def __init__(self, time_string: str, *, missing_space: bool = False) -> None:
        space = "" if missing_space else " "
        super().__init__(
            f"Time string doesn't look right. It should be formatted as{space}`'1d2h34m'` or "
            f"`2 days`, for example. Got: {time_string}"
        )


class StreamlitSecretNotFoundError(LocalizableStreamlitException, FileNotFoundError):
    """No secrets file was found (Streamlit's bases)."""


# -- the rest of Streamlit's classes (1.39 and 1.58), so apps can import and catch them --------
class CustomComponentError(Error):
    """A custom component failed."""


class StreamlitComponentRegistryError(Error):
    """The component registry failed."""


class DeprecationError(Error):
    """A deprecated feature was used."""


class FragmentStorageKeyError(Error, KeyError):
    """A fragment id is not in the session's fragment storage."""


class NoStaticFiles(Error):
    """Streamlit's static files are missing."""


class StreamlitMaxRetriesError(Error):
    """A file or folder could not be accessed after several retries."""


class UncaughtAppException(Error):
    """An app exception shown with its details redacted (1.39)."""

    def __init__(self, exc: BaseException) -> None:
        super().__init__(str(exc))
        self.exc = exc


class UnserializableSessionStateError(StreamlitAPIException):
    """Session State holds a value that cannot be pickled."""


class StreamlitAuthError(StreamlitAPIException):
    """Authentication failed."""


class StreamlitMissingAuthlibError(StreamlitAuthError):
    """Authentication needs Authlib."""

    def __init__(self) -> None:
        super().__init__(
            "Authentication requires Authlib>=1.3.2. Install it via `pip install streamlit[auth]`."
        )


class StreamlitModuleNotFoundError(StreamlitAPIWarning):
    """A command needs a module that is not installed."""

    def __init__(self, module_name: str, *args: Any) -> None:
        super().__init__(
            f'This Streamlit command requires module "{module_name}" to be installed.', *args
        )


class StreamlitInvalidColumnSpecError(LocalizableStreamlitException):
    """``st.columns`` got no weights, or a weight that is not positive."""

    def __init__(self) -> None:
        super().__init__(
            "The `spec` argument to `st.columns` must be either a positive integer (number of "
            "columns) or a list of positive numbers (width ratios of the columns). See "
            "[documentation](https://docs.streamlit.io/develop/api-reference/layout/st.columns) "
            "for more information."
        )


class StreamlitInvalidColumnGapError(LocalizableStreamlitException):
    """``st.columns`` got a ``gap`` it does not know (1.39 text)."""

    def __init__(self, gap: object) -> None:
        super().__init__(
            'The `gap` argument to `st.columns` must be `"small"`, `"medium"`, or `"large"`. \n'
            "The argument passed was {gap}.",
            gap=gap,
        )


class StreamlitInvalidVerticalAlignmentError(LocalizableStreamlitException):
    """``st.columns`` got a ``vertical_alignment`` it does not know (1.39 text)."""

    def __init__(self, vertical_alignment: object) -> None:
        super().__init__(
            'The `vertical_alignment` argument to `st.columns` must be `"top"`, '
            '`"center"`, or `"bottom"`. \nThe argument passed was {vertical_alignment}.',
            vertical_alignment=vertical_alignment,
        )


class StreamlitInvalidPageLayoutError(LocalizableStreamlitException):
    """Bad `layout`."""


class StreamlitInvalidSidebarStateError(LocalizableStreamlitException):
    """Bad `initial_sidebar_state`."""


class StreamlitInvalidMenuItemKeyError(LocalizableStreamlitException):
    """Bad menu item key."""


class StreamlitInvalidURLError(LocalizableStreamlitException):
    """Bad menu item URL."""


class StreamlitInvalidHorizontalAlignmentError(LocalizableStreamlitException):
    """Bad `horizontal_alignment`."""


class StreamlitInvalidTextAlignmentError(LocalizableStreamlitException):
    """Bad `text_alignment`."""


class StreamlitInvalidBindValueError(LocalizableStreamlitException):
    """Bad `bind`."""


class StreamlitSelectionCountExceedsMaxError(LocalizableStreamlitException):
    """More options selected than `max_selections`."""


class StreamlitInvalidMaxError(LocalizableStreamlitException):
    """Bad maximum."""


class StreamlitMixedNumericTypesError(LocalizableStreamlitException):
    """Numeric arguments of different types."""


class StreamlitValueBelowMinError(LocalizableStreamlitException):
    """`value` < `min_value`."""


class StreamlitValueAboveMaxError(LocalizableStreamlitException):
    """`value` > `max_value`."""


class StreamlitJSNumberBoundsError(LocalizableStreamlitException):
    """A number outside JavaScript's safe range."""


class StreamlitInvalidNumberFormatError(LocalizableStreamlitException):
    """Bad number format string."""


class StreamlitMissingPageLabelError(LocalizableStreamlitException):
    """A page without label."""


class StreamlitQueryParamDictValueError(LocalizableStreamlitException):
    """A dict as a query parameter value."""


class StreamlitPageNotFoundError(LocalizableStreamlitException):
    """Unknown page."""


class StreamlitInvalidColorError(LocalizableStreamlitException):
    """Bad color."""


class StreamlitInvalidWidthError(LocalizableStreamlitException):
    """Bad `width`."""


class StreamlitInvalidHeightError(LocalizableStreamlitException):
    """Bad `height`."""


class StreamlitInvalidSizeError(LocalizableStreamlitException):
    """Bad size."""


class StreamlitInvalidThemeError(LocalizableStreamlitException):
    """Bad theme."""


class StreamlitInvalidThemeOptionError(LocalizableStreamlitException):
    """Bad theme option."""


class StreamlitInvalidThemeSectionError(LocalizableStreamlitException):
    """Bad theme section."""


class BidiComponentInvalidIdError(LocalizableStreamlitException):
    """Bad component id."""


class BidiComponentInvalidCallbackNameError(LocalizableStreamlitException):
    """Bad component callback name."""


class BidiComponentInvalidDefaultKeyError(LocalizableStreamlitException):
    """Bad component default key."""


class BidiComponentUnserializableDataError(LocalizableStreamlitException):
    """Component data that cannot be serialized."""


class StreamlitValueOutOfRangeError(LocalizableStreamlitException):
    """A number outside its allowed range (1.67)."""


class StreamlitInvalidMinMaxError(LocalizableStreamlitException):
    """Reversed (or, for sliders, equal) bounds (1.67)."""


class StreamlitIncompatibleParametersError(LocalizableStreamlitException):
    """Parameters that cannot be used together (1.67)."""


class StreamlitAPIUnimplementedError(StreamlitAPIException, AttributeError):
    """A Streamlit command apptest does not simulate (yet)."""


__all__ = [
    "BidiComponentInvalidCallbackNameError",
    "BidiComponentInvalidDefaultKeyError",
    "BidiComponentInvalidIdError",
    "BidiComponentUnserializableDataError",
    "CustomComponentError",
    "DeprecationError",
    "DuplicateWidgetID",
    "Error",
    "FragmentHandledException",
    "FragmentStorageKeyError",
    "LocalizableStreamlitException",
    "MarkdownFormattedException",
    "NoSessionContext",
    "NoStaticFiles",
    "StreamlitAPIException",
    "StreamlitAPIUnimplementedError",
    "StreamlitAPIWarning",
    "StreamlitAuthError",
    "StreamlitBadTimeStringError",
    "StreamlitComponentRegistryError",
    "StreamlitDuplicateElementId",
    "StreamlitDuplicateElementKey",
    "StreamlitFragmentWidgetsNotAllowedOutsideError",
    "StreamlitInvalidBindValueError",
    "StreamlitInvalidColorError",
    "StreamlitInvalidColumnGapError",
    "StreamlitInvalidColumnSpecError",
    "StreamlitInvalidFormCallbackError",
    "StreamlitInvalidHeightError",
    "StreamlitInvalidHorizontalAlignmentError",
    "StreamlitInvalidLayoutContextError",
    "StreamlitInvalidMaxError",
    "StreamlitInvalidMenuItemKeyError",
    "StreamlitInvalidNumberFormatError",
    "StreamlitInvalidPageLayoutError",
    "StreamlitIncompatibleParametersError",
    "StreamlitInvalidMinMaxError",
    "StreamlitInvalidParameterTypeError",
    "StreamlitInvalidSidebarStateError",
    "StreamlitInvalidSizeError",
    "StreamlitInvalidTextAlignmentError",
    "StreamlitInvalidThemeError",
    "StreamlitInvalidThemeOptionError",
    "StreamlitInvalidThemeSectionError",
    "StreamlitInvalidURLError",
    "StreamlitInvalidVerticalAlignmentError",
    "StreamlitInvalidWidthError",
    "StreamlitJSNumberBoundsError",
    "StreamlitMaxRetriesError",
    "StreamlitMissingAuthlibError",
    "StreamlitMissingPageLabelError",
    "StreamlitMissingRequiredParameterError",
    "StreamlitMixedNumericTypesError",
    "StreamlitModuleNotFoundError",
    "StreamlitPageNotFoundError",
    "StreamlitQueryParamDictValueError",
    "StreamlitSecretNotFoundError",
    "StreamlitSelectionCountExceedsMaxError",
    "StreamlitSetPageConfigMustBeFirstCommandError",
    "StreamlitValueAboveMaxError",
    "StreamlitValueAssignmentNotAllowedError",
    "StreamlitValueBelowMinError",
    "StreamlitValueError",
    "StreamlitValueOutOfRangeError",
    "StreamlitWidgetAlreadyInstantiatedError",
    "UncaughtAppException",
    "UnserializableSessionStateError",
]
