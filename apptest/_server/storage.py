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
    """The session's fragment storage: survives runs, pruned by completed full runs (F5).

    Kept with an index of each fragment's children, so that a fragment run's eviction (N3)
    visits the fragments under it only, and a log of the names stored since the last
    ``take_names``, so that the test side learns names without a loop over all fragments.
    """

    fragments: dict[str, StoredFragment] = field(default_factory=dict)
    _seq: int = 0
    #: parent id -> ids of the stored fragments whose ``parent`` it is (in storing order).
    _children: dict[str, dict[str, None]] = field(default_factory=dict)
    #: id -> function name of the fragments stored since the last ``take_names``.
    _named: dict[str, str] = field(default_factory=dict)

    def set(self, fragment: StoredFragment) -> None:
        self._seq += 1
        fragment.seq = self._seq
        known = self.fragments.get(fragment.id)
        if known is not None and known.parent != fragment.parent:
            self._unlink(known)
        self.fragments[fragment.id] = fragment
        if fragment.parent is not None:
            self._children.setdefault(fragment.parent, {})[fragment.id] = None
        self._named[fragment.id] = fragment.name

    def _unlink(self, fragment: StoredFragment) -> None:
        siblings = self._children.get(fragment.parent) if fragment.parent is not None else None
        if siblings is not None:
            siblings.pop(fragment.id, None)

    def get(self, fragment_id: str) -> StoredFragment | None:
        return self.fragments.get(fragment_id)

    def take_names(self) -> dict[str, str]:
        """The names of the fragments stored since the last call, by id (then forgotten)."""
        named, self._named = self._named, {}
        return named

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
        so is everything under it. Visits the fragments under ``root`` only."""
        stale: list[str] = []
        seen = {root}
        pending = list(self._children.get(root, ()))
        while pending:
            fragment_id = pending.pop()
            fragment = self.fragments.get(fragment_id)
            if fragment_id in seen or fragment is None:
                continue
            seen.add(fragment_id)
            uncalled = fragment.seq <= since
            if keep_dialogs and uncalled and fragment.is_dialog:
                continue  # an uncalled dialog and everything under it stay (1.67 N3)
            if uncalled:
                stale.append(fragment_id)
            pending.extend(self._children.get(fragment_id, ()))
        for fragment_id in stale:
            self._unlink(self.fragments.pop(fragment_id))
        return stale

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
        """F5: after a completed full run, only the fragments it ran stay."""
        if not self.fragments:
            return  # an app without fragments: nothing to keep or drop
        keep = set(fragment_ids)
        self.fragments = {k: v for k, v in self.fragments.items() if k in keep}
        self._children = {}
        for fragment in self.fragments.values():
            if fragment.parent is not None:
                self._children.setdefault(fragment.parent, {})[fragment.id] = None


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
