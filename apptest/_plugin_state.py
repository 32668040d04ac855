"""What the pytest plugin tells AppTest about the test in progress (a leaf: imports nothing).

The plugin pushes one :class:`TestScope` when a test starts and pops it when the test ends
(pytester runs a session inside a test, so scopes nest). ``AppTest`` reads the innermost scope:
it records itself there (the plugin's failure report lists the AppTests a test created) and
takes ``raise_app_exceptions`` from it when the test did not choose; the profile's default
(``apptest._profile.default_semantics``) takes ``semantics`` from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: How many of a test's AppTests its report can show (the last ones; a Hypothesis test makes
#: one per example, and only the last few are worth keeping alive).
KEPT = 5


@dataclass
class TestScope:
    """One test's settings from the ``apptest`` marker and ini options, and its AppTests."""

    raise_app_exceptions: bool = False
    #: The profile the marker or ini option chose (None: neither did).
    semantics: str | None = None
    created: list[Any] = field(default_factory=list)
    #: How many AppTests the test made (``created`` keeps the last ``KEPT``).
    count: int = 0


_scopes: list[TestScope] = []


def push_scope(scope: TestScope) -> None:
    """A test starts."""
    _scopes.append(scope)


def pop_scope() -> None:
    """The test ended: back to the scope of the test around it, if any."""
    if _scopes:
        _scopes.pop()


def current_scope() -> TestScope | None:
    """The innermost test's scope, or None outside pytest."""
    return _scopes[-1] if _scopes else None


def note_created(app_test: object) -> None:
    """An AppTest was made: the running test's report will show it."""
    if _scopes:
        scope = _scopes[-1]
        scope.count += 1
        scope.created.append(app_test)
        del scope.created[:-KEPT]


__all__ = ["KEPT", "TestScope", "current_scope", "note_created", "pop_scope", "push_scope"]
