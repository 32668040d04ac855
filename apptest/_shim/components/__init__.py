"""``st.components``: the shim's ``streamlit.components`` package (``v1`` inside)."""

from __future__ import annotations

from apptest._shim.components import v1

__all__ = ["v1"]
