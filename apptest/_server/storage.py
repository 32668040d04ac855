"""What the server keeps for a session between runs: its fragments (F11) and its pages.

Plain data, read and written by the run loop (``apptest._server.runner``), fragments
(``apptest._server.fragments``) and pages (``apptest._server.pages``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from apptest._paths import Path
from apptest._server.script import Script


@dataclass
class StoredFragment:
    """A fragment as the session stores it between runs (F11)."""

    id: str
    name: str
    path: Path
    parent: str | None
    run_every: float | None
    rerun: Callable[[], None]
    is_dialog: bool = False
    seq: int = 0
    #: The fragment's ``key=`` (1.67, F11), shared by every call site of its definition.
    key: str | None = None


@dataclass
class FragmentStorage:
    """The session's fragment storage: survives runs, pruned by completed full runs (F5)."""

    fragments: dict[str, StoredFragment] = field(default_factory=dict)
    #: The name of every fragment ever stored, pruned ones too (``at.fragments``' names, tree).
    names: dict[str, str] = field(default_factory=dict)
    _seq: int = 0

    def set(self, fragment: StoredFragment) -> None:
        self._seq += 1
        fragment.seq = self._seq
        self.fragments[fragment.id] = fragment
        self.names[fragment.id] = fragment.name

    def get(self, fragment_id: str) -> StoredFragment | None:
        return self.fragments.get(fragment_id)

    def with_key(self, key: str) -> list[str]:
        """RR4, M10: the ids of every stored call site of the fragment keyed ``key``, in
        registration order."""
        return [f.id for f in self.fragments.values() if f.key == key]

    @property
    def sequence(self) -> int:
        """How many fragments were stored so far (a mark for ``drop_uncalled_descendants``)."""
        return self._seq

    def drop_uncalled_descendants(
        self, root: str, since: int, *, keep_dialogs: bool = False
    ) -> list[str]:
        """N3: drop every descendant of ``root`` not stored again after mark ``since``; return
        the ids dropped. With ``keep_dialogs`` (1.67), a dialog (full-app-scoped) is kept, and
        so is everything under it."""
        stale = [
            fragment.id
            for fragment in self.fragments.values()
            if fragment.seq <= since
            and fragment.id != root
            and self._descends(fragment, root, since if keep_dialogs else None)
        ]
        for fragment_id in stale:
            del self.fragments[fragment_id]
        return stale

    def _descends(self, fragment: StoredFragment, root: str, dialogs_kept: int | None) -> bool:
        """Whether ``fragment`` is under ``root``; with ``dialogs_kept`` (a mark), not when an
        uncalled dialog stands between them, the fragment itself included (1.67 N3)."""
        seen = {fragment.id}
        current: StoredFragment | None = fragment
        while current is not None:
            if dialogs_kept is not None and current.is_dialog and current.seq <= dialogs_kept:
                return False
            parent = current.parent
            if parent is None or parent in seen:
                return False
            if parent == root:
                return True
            seen.add(parent)
            current = self.fragments.get(parent)
        return False

    def ancestors_first(self, fragment_ids: tuple[str, ...]) -> tuple[str, ...]:
        """R2 (1.67): the queue reordered so that a queued ancestor comes before its queued
        descendants; otherwise in the order given."""
        remaining = list(fragment_ids)
        ordered: list[str] = []
        while remaining:
            queued = frozenset(remaining)
            ready = next((f for f in remaining if not self._ancestor_in(f, queued)), None)
            if ready is None:  # a parent cycle cannot be ordered: keep what is left as is
                ordered.extend(remaining)
                break
            ordered.append(ready)
            remaining.remove(ready)
        return tuple(ordered)

    def _ancestor_in(self, fragment_id: str, candidates: frozenset[str]) -> bool:
        stored = self.fragments.get(fragment_id)
        parent = stored.parent if stored is not None else None
        seen = {fragment_id}
        while parent is not None and parent not in seen:
            if parent in candidates:
                return True
            seen.add(parent)
            stored = self.fragments.get(parent)
            parent = stored.parent if stored is not None else None
        return False

    def keep_only(self, fragment_ids: list[str]) -> None:
        keep = set(fragment_ids)
        self.fragments = {k: v for k, v in self.fragments.items() if k in keep}


@dataclass(frozen=True)
class PageInfo:
    """One page of the app, as ``at.pages`` and ``at.current_page`` show it."""

    title: str
    url_path: str
    icon: str
    script_path: str | None
    hash: str
    is_default: bool = False
    section: str = ""
    hidden: bool = False


@dataclass
class Pages:
    """A session's multipage state."""

    #: Page hash asked for (``at.switch_page``/``st.switch_page``) for the next full run.
    requested: str | None = None
    requested_label: str = ""
    #: Hash of the page the session is on ("" for a one-page app's main script).
    current: str = ""
    #: The pages known after the last full run (pages/ folder or st.navigation).
    registry: dict[str, PageInfo] = field(default_factory=dict)
    #: The app called st.navigation: its pages/ folder is ignored from then on.
    navigation_used: bool = False
    #: ``position`` of the last st.navigation call.
    navigation_position: str = ""
    #: The last requested page was not among the app's pages (the default page ran).
    page_not_found: bool = False
    scripts: dict[str, Script] = field(default_factory=dict)


__all__ = ["FragmentStorage", "PageInfo", "Pages", "StoredFragment"]
