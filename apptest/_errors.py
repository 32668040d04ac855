"""Errors of the harness itself, and the control-flow signals a script run uses.

``AppTestError`` is what a *test* gets when it uses apptest wrongly (clicking a checkbox,
asking for a widget that is not there). Errors of the *app* never raise out of ``run()``: they
become exception elements, as in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass


class AppTestError(Exception):
    """A test used apptest incorrectly; the message says what was found and how to fix it."""


def hide_test_errors(excinfo: object) -> bool:
    """pytest's ``__tracebackhide__`` for apptest's inner frames: left out of the traceback
    when the error is an AppTestError (the test's mistake; the message says what to fix), shown
    for any other error (a bug in apptest).

    The functions a test calls (``at.button("k")``, ``.set_value(...)``, ``run()`` …) set
    ``__tracebackhide__ = True``; the frames below them, or a whole module of checks, set
    ``__tracebackhide__ = hide_test_errors``. A failed lookup then shows the test's line and
    the message. ``pytest --full-trace`` shows every frame.
    """
    return isinstance(getattr(excinfo, "value", None), AppTestError)


class ElementNotFoundError(AppTestError, KeyError):
    """No element matches a key or label (a ``KeyError``, as in Streamlit's AppTest)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ElementIndexError(AppTestError, IndexError):
    """An element list has no item at an index (an ``IndexError``, as for a list)."""


class InvalidValueError(AppTestError, ValueError):
    """A test staged a value the widget cannot take (an option it does not offer, a number
    outside its range ...): a ``ValueError``, as Streamlit's AppTest raises for an unknown
    option, so ``pytest.raises(ValueError)`` works with either."""


class OptionIndexError(InvalidValueError, IndexError):
    """``select_index`` past a widget's options: also an ``IndexError``, as in AppTest."""


class ScriptTimeoutError(AppTestError):
    """The script ran longer than the AppTest's timeout (real seconds, not virtual ones)."""


class RerunLimitError(AppTestError):
    """``run()`` kept rerunning (``st.rerun()`` in a loop) past its budget."""


# -- control flow inside a run ---------------------------------------------------------------
# Streamlit raises these from st.rerun / st.stop. They derive from BaseException so that an
# app's ``try: ... except Exception:`` does not swallow them (RR5).


class ScriptControlException(BaseException):
    """Base of the signals that end a script run early."""


@dataclass(frozen=True)
class RerunRequest:
    """What ``st.rerun`` asked for: a full run, or a rerun of the given fragments."""

    fragment_ids: tuple[str, ...] = ()
    fragment_scoped: bool = False


class RerunException(ScriptControlException):
    """Raised by ``st.rerun()``; the runner starts the requested run next."""

    def __init__(self, request: RerunRequest) -> None:
        super().__init__(request)
        self.request = request


class StopException(ScriptControlException):
    """Raised by ``st.stop()``; the run ends where it is."""


class ScriptInterrupt(ScriptControlException):
    """Raised into a script that ran past the timeout."""


class FragmentHandledException(Exception):
    """An exception a fragment already displayed in its own container (F16, X2, X3).

    It is an ``Exception``: an app's ``try/except Exception`` around the fragment call catches
    it, and ``args == (original,)``.
    """
