"""Per-fragment wrapper blocks for writes into outside containers (spec 7.1, O1-O10).

Under the modern profile (``outside_writes="wrappers"``), a fragment's first write to a
container created outside it opens a transparent block at that container's cursor slot; the
fragment's writes to that container go into it, and its fragment reruns redraw it in place.
This module holds what the session keeps of them between runs and the errors' words;
``apptest._run.layout`` routes the writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from apptest._paths import Path
from apptest._run.host import StoreKey

if TYPE_CHECKING:
    from apptest._run.layout import Container

NO_WRAPPER = (
    "A fragment tried to write to a container created outside it, but the fragment did not "
    "write to that container during the last full app run, so Streamlit could not reserve a "
    "stable position for it.\n\n"
    "If this fragment uses `parallel=True`, writing to containers created outside it is not "
    "supported, including `st.sidebar` and `st.bottom`. Move the element inside the fragment "
    "body.\n\n"
    "Otherwise, inside the fragment function, write to the container on every full app run "
    "(e.g. `outside_container.empty()` or `with outside_container: st.empty()`), then fill it "
    "during fragment reruns."
)
PARALLEL_OUTSIDE = (
    "Writing to a container created outside a parallel fragment, including `st.sidebar` and "
    "`st.bottom`, is not supported on a full app run or a later fragment rerun.\n\n"
    "To fix this, move the element inside the fragment body."
)
WRAPPER_PROPS: dict[str, Any] = {"allow_empty": True}


@dataclass(slots=True)
class Wrapper:
    """O1: fragment F's slot in one outside container C, and the container writing into it."""

    path: Path
    container: Container
    #: The fragment that created C ("" for the main script): O5 step 1 drops the wrapper
    #: when that fragment reruns.
    creator: str


@dataclass
class WrapperStore:
    """A session's wrappers (O1-O5): by fragment, then by outside container; plus, for O5
    step 1, which (fragment, container) pairs each creating fragment's rerun drops."""

    by_fragment: dict[str, dict[Path, Wrapper]] = field(default_factory=dict)
    by_creator: dict[str, set[tuple[str, Path]]] = field(default_factory=dict)

    def forget_all(self) -> None:
        """O4 / F4: a full run starts."""
        self.by_fragment.clear()
        self.by_creator.clear()

    def forget_fragments(self, fragment_ids: list[str]) -> None:
        """O10: evicted fragments' wrappers leave storage."""
        for fragment_id in fragment_ids:
            self.by_fragment.pop(fragment_id, None)

    def add(self, fragment_id: str, key: Path, wrapper: Wrapper) -> None:
        self.by_fragment.setdefault(fragment_id, {})[key] = wrapper
        if wrapper.creator:
            self.by_creator.setdefault(wrapper.creator, set()).add((fragment_id, key))

    def drop_created_by(self, creator: str) -> None:
        """O5 step 1: ``creator`` reruns and makes those containers anew."""
        for fragment_id, key in self.by_creator.pop(creator, ()):
            self.by_fragment.get(fragment_id, {}).pop(key, None)


WRAPPERS = StoreKey("outside_wrappers", WrapperStore)
