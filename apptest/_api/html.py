"""A static HTML picture of an AppTest's element tree (filled in below)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from apptest._api.apptest import AppTest


def to_html(at: AppTest, title: str = "apptest") -> str:
    """A self-contained HTML page of the app's tree."""
    return f"<!doctype html><title>{html.escape(title)}</title><pre>{html.escape(at.tree)}</pre>"
