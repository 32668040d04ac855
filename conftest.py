"""Repository-wide pytest configuration: Hypothesis profiles.

``CI=true`` selects the "ci" profile (more examples, no deadline: timing is never asserted).
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")
