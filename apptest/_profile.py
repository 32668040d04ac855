"""Semantics profiles: every behaviour that differs between Streamlit versions, in one place.

The default profile, ``"seed"``, is what the ``st.fragment`` documentation page describes
(Streamlit 1.36-1.58): elements a fragment writes to outside containers accumulate (L1, L2),
widgets written outside raise (L3), direct sidebar writes raise (L4). Where the spec has a note
"1.58 (seed, observed in the browser)", the seed follows it. A later profile (1.59+)
is added by constructing another :class:`Semantics` and registering it in ``PROFILES``; the
runtime reads only these fields, never a version number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from apptest._errors import AppTestError

# hashlib is imported where it is used: loading it (OpenSSL) costs about 3 ms, which
# ``import apptest`` does not pay; once loaded, the import statement is a dict lookup.


def md5_hex(text: str) -> str:
    """Streamlit's ``calc_hash`` on builds before the switch to BLAKE2b (ID1)."""
    import hashlib

    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def blake2b_hex(text: str) -> str:
    """Streamlit 1.67's ``calc_hash``: BLAKE2b with a 16-byte digest (ID1)."""
    import hashlib

    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Semantics:
    """One version family's execution-model choices. Pass its ``name`` to ``AppTest``."""

    name: str
    #: How fragment writes to containers created outside them behave (section 7).
    outside_writes: Literal["accumulate"]
    #: L3: a widget written outside the fragment's own area raises.
    widgets_outside_raise: bool
    #: L4: a direct ``st.sidebar.<cmd>`` write from a fragment raises.
    sidebar_write_in_fragment_raises: bool
    #: RR7: ``st.rerun()`` in a widget callback is a no-op plus a warning (1.39), or honoured.
    rerun_in_callback: Literal["noop-warning"]
    #: CB3: callbacks of fragment widgets run with the fragment id set (1.67) or untagged.
    callbacks_carry_fragment_id: bool
    #: Class of layout-context errors (E1, E10, E11, forms): 1.63 introduced a subclass.
    layout_error: Literal["StreamlitAPIException", "StreamlitInvalidLayoutContextError"]
    #: N3: a parent rerun that no longer calls a child evicts it at once (1.58, 1.67) or only at
    #: the next full run (1.39). 1.58 evicts a dialog the parent opened earlier too (DG5).
    evict_uncalled_children: bool
    #: F6, C1: a run ended by ``st.rerun()`` still removes the widgets it had not registered yet
    #: (1.58, observed: they read their defaults in the next run); 1.67 skips the cleanup.
    stale_cleanup_after_rerun: bool
    #: R5: a queued ancestor makes its queued descendants skip (1.67).
    skip_descendants_of_queued_ancestor: bool
    #: T8: one timer per fragment id (1.60+); up to 1.58 every ``auto_rerun`` message added
    #: another interval timer, until the next full run cleared them all (T9).
    one_timer_per_fragment: bool
    #: D11: ``st.experimental_fragment`` still exists as a deprecated alias.
    experimental_fragment_alias: bool
    #: Hash behind fragment and widget ids (ID1, W1).
    hash_name: Literal["md5", "blake2b"]

    @property
    def calc_hash(self) -> Callable[[str], str]:
        """The hash function itself (``profile.calc_hash(text)``): one object per hash, so
        callers can use it as a cache key."""
        return md5_hex if self.hash_name == "md5" else blake2b_hex


SEED = Semantics(
    name="seed",
    outside_writes="accumulate",
    widgets_outside_raise=True,
    sidebar_write_in_fragment_raises=True,
    rerun_in_callback="noop-warning",
    callbacks_carry_fragment_id=False,
    layout_error="StreamlitAPIException",
    evict_uncalled_children=True,  # N3, DG5: 1.58 drops uncalled children at once (observed)
    stale_cleanup_after_rerun=True,
    skip_descendants_of_queued_ancestor=False,
    one_timer_per_fragment=False,  # T8: 1.58 browsers stacked one timer per message (observed)
    experimental_fragment_alias=True,
    hash_name="blake2b",  # 1.57+ hashes ids with BLAKE2b; 1.58 is the seed era's last release.
)

PROFILES: dict[str, Semantics] = {SEED.name: SEED}


def resolve_profile(semantics: str | Semantics) -> Semantics:
    """Turn the ``semantics=`` argument of ``AppTest`` into a profile, or say what exists."""

    if isinstance(semantics, Semantics):
        return semantics
    try:
        return PROFILES[semantics]
    except KeyError:
        known = ", ".join(repr(name) for name in sorted(PROFILES))
        raise AppTestError(
            f"Unknown semantics profile {semantics!r}. Known profiles: {known}. "
            "Pass one of these names, or a Semantics object."
        ) from None
