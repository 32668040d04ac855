"""``st.bottom``: the app's bottom container, usable from the main area only (Streamlit 1.58's
``BottomContainerProxy``).

Every attribute access checks the innermost ``with`` container: inside ``st.sidebar``, a
dialog or the event container it raises Streamlit's ``StreamlitAPIException``.
"""

from __future__ import annotations

from typing import Any

from apptest._run.layout import EVENT, SIDEBAR, current_run
from apptest._st_errors import StreamlitAPIException

_ONLY_MAIN = "The bottom container is only available in the main app area."


class BottomContainerProxy:
    """What ``st.bottom`` is: the bottom root container, behind a context check."""

    _bottom_dg: Any

    def __init__(self, bottom_dg: Any) -> None:
        object.__setattr__(self, "_bottom_dg", bottom_dg)

    def _check_context(self) -> None:
        run = current_run()
        if run is None or not run.stack:
            return
        current = run.stack[-1]
        if current._root == SIDEBAR:
            raise StreamlitAPIException(
                f"`st.bottom` cannot be used inside `st.sidebar`. {_ONLY_MAIN}"
            )
        if current._in_dialog:
            raise StreamlitAPIException(f"`st.bottom` cannot be used inside a dialog. {_ONLY_MAIN}")
        if current._root == EVENT:
            raise StreamlitAPIException(
                f"`st.bottom` cannot be used inside event containers. {_ONLY_MAIN}"
            )

    def __getattr__(self, name: str) -> Any:
        self._check_context()
        return getattr(self._bottom_dg, name)

    def __dir__(self) -> list[str]:
        return dir(self._bottom_dg)

    def __enter__(self) -> None:
        self._check_context()
        self._bottom_dg.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._bottom_dg.__exit__(*exc)

    def __repr__(self) -> str:
        return "DeltaGenerator(bottom)"
