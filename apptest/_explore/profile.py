"""The Hypothesis settings profile for app tests: ``settings.load_profile("apptest")``.

A run costs microseconds to milliseconds, but the first run of an app imports its modules
and a sequence of steps runs many times; Hypothesis's ``deadline`` (real time, never the
app's virtual clock) would flag that noise, so the profile turns it off.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

PROFILE = "apptest"


def register_profile() -> None:
    """Register the ``"apptest"`` profile (idempotent): no deadline, no too-slow check."""
    settings.register_profile(
        PROFILE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
    )


__all__ = ["PROFILE", "register_profile"]
