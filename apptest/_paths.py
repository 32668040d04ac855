"""Delta paths: where an element sits in the app, as Streamlit's frontend addresses it.

A path is the root's index followed by the index of each block on the way down:
``(MAIN, 2, 0)`` is the first element inside the third block of the main area. One
representation everywhere (server, browser, query API).
"""

from __future__ import annotations

MAIN, SIDEBAR, EVENT, BOTTOM = 0, 1, 2, 3
ROOT_NAMES = ("main", "sidebar", "event", "bottom")

Path = tuple[int, ...]

__all__ = ["BOTTOM", "EVENT", "MAIN", "ROOT_NAMES", "SIDEBAR", "Path"]
