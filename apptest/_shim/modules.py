"""Which ``sys.modules`` names resolve to the shim while a script runs."""

from __future__ import annotations

import types

from apptest import _st_errors as errors


def shim_modules() -> dict[str, types.ModuleType]:
    """``streamlit`` and its public submodules, mapped to apptest's shim modules."""
    from apptest import _shim  # the package itself: imported after it finished loading

    return {"streamlit": _shim, "streamlit.errors": errors}
