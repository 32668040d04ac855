"""Semantics profiles: every behaviour that differs between Streamlit versions, in one place.

The default profile, ``"seed"``, is what the ``st.fragment`` documentation page describes
(Streamlit 1.36-1.58): elements a fragment writes to outside containers accumulate (L1, L2),
widgets written outside raise (L3), direct sidebar writes raise (L4). Where the spec has a note
"1.58 (seed, observed in the browser)", the seed follows it.

``"modern"`` stands for Streamlit 1.59-1.67 and follows the spec's 1.67 rules, as far as they
are simulated, the outside-container wrappers (O1-O9), keyed fragments and keyed ``st.rerun``
(D3, D5, F10, RR4, E3-E7) and ``parallel=`` (F13, E13, M11, run inline in call order) included.

The runtime reads only these fields, never a version number. Without ``semantics=``, the
profile comes from (first found): the ``apptest_semantics`` pytest marker, the
``apptest_semantics`` ini option, the ``APPTEST_SEMANTICS`` environment variable, ``"seed"``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from apptest._errors import AppTestError
from apptest._plugin_state import current_scope

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
    #: The Streamlit releases this profile stands for ("1.58", "1.59-1.67").
    versions: str
    #: How fragment writes to containers created outside them behave (section 7): they
    #: accumulate at the container's live cursor (L1, L2), or go through per-fragment wrapper
    #: blocks redrawn in place (O1-O9, 1.59+).
    outside_writes: Literal["accumulate", "wrappers"]
    #: L3: a widget written outside the fragment's own area raises.
    widgets_outside_raise: bool
    #: L4: a direct ``st.sidebar.<cmd>`` write from a fragment raises.
    sidebar_write_in_fragment_raises: bool
    #: RR7: ``st.rerun()`` in a widget callback is a no-op plus a warning (1.39), or honoured.
    rerun_in_callback: Literal["noop-warning", "honoured"]
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
    #: E12: class of the error for ``@st.dialog`` without a title (1.67: a missing parameter).
    dialog_title_error: Literal["StreamlitAPIException", "StreamlitMissingRequiredParameterError"]
    #: E19: class (and message) of the error for setting a created widget's key.
    widget_already_instantiated_error: Literal[
        "StreamlitAPIException", "StreamlitWidgetAlreadyInstantiatedError"
    ]
    #: N3, DG5: a parent rerun that no longer calls a dialog it opened drops the dialog's
    #: fragment too (1.58, observed) or keeps it, being full-app-scoped (1.67).
    evict_dialogs_with_opener: bool
    #: T10: evicted fragments get ``stop_auto_rerun`` (1.67); 1.58 has no such message, their
    #: timers keep firing and the ticks are ignored.
    stop_auto_rerun_for_evicted: bool
    #: R2: a fragment run orders queued ancestors before their descendants (1.67), or keeps
    #: the order the requests arrived in.
    queued_ancestors_first: bool
    #: D11: ``st.experimental_fragment`` still exists as a deprecated alias (1.37-1.48 only;
    #: removed in 1.49, so neither 1.58 nor 1.67 has it).
    experimental_fragment_alias: bool
    #: D11: the ``AttributeError`` for a removed command names its successor (1.67's
    #: ``command_suggestions``); 1.58 gives Python's plain "module has no attribute" message.
    removed_command_hints: bool
    #: Command signatures take the keywords Streamlit added in 1.59-1.67 (``wrap=``, ``alt=``,
    #: ``persist_state=`` ...); without it such a keyword is Python's TypeError, as in 1.58.
    accepts_newer_keywords: bool
    #: The ``st`` module of 1.67: ``st.grid``, ``st.skeleton``, ``st.echarts_chart``,
    #: ``st.mermaid_chart``, ``st.typing`` and 1.67's config options exist, ``st.bokeh_chart``,
    #: ``st.cache`` and the ``mapbox.token`` option do not (1.58: the other way round); the
    #: commands both have check their arguments as 1.67 does, with its error classes
    #: (``apptest._run.layout.newer_commands`` reads it).
    newer_commands: bool
    #: D3, D5, F10, E6, E7: ``@st.fragment(key=...)`` exists (1.67); 1.58 has no ``key``
    #: parameter, so passing one is a ``TypeError``.
    fragment_keys: bool
    #: RR1, RR4, E3-E5: ``st.rerun`` takes its scope positionally and accepts fragment keys and
    #: lists of keys (1.67); 1.58 takes only ``scope="app"|"fragment"`` by keyword.
    keyed_rerun: bool
    #: F13, M11, E13: on a full run a ``parallel=True`` fragment is detached from the script
    #: (1.67): its call returns None, its exception is shown in it without stopping the
    #: script, and it may not open a dialog or switch page. False: ``parallel`` is ignored.
    parallel_fragments_detached: bool
    #: RR8: a fragment-scoped or keyed rerun asked for by a callback carries the interaction's
    #: triggers over, so the clicked button reads True in that rerun (1.67).
    replay_triggers_on_callback_rerun: bool
    #: Hash behind fragment and widget ids (ID1, W1).
    hash_name: Literal["md5", "blake2b"]
    #: E20: 1.58's bad time string message lacks the space before its example
    #: ("formatted as`'1d2h34m'`"); 1.67 has it.
    time_string_error_missing_space: bool

    def __str__(self) -> str:
        return f"{self.name} (Streamlit {self.versions})"

    @property
    def calc_hash(self) -> Callable[[str], str]:
        """The hash function itself (``profile.calc_hash(text)``): one object per hash, so
        callers can use it as a cache key."""
        return md5_hex if self.hash_name == "md5" else blake2b_hex


SEED = Semantics(
    name="seed",
    versions="1.58",
    outside_writes="accumulate",
    widgets_outside_raise=True,
    sidebar_write_in_fragment_raises=True,
    rerun_in_callback="noop-warning",
    callbacks_carry_fragment_id=False,
    layout_error="StreamlitAPIException",
    dialog_title_error="StreamlitAPIException",
    widget_already_instantiated_error="StreamlitAPIException",
    evict_uncalled_children=True,  # N3, DG5: 1.58 drops uncalled children at once (observed)
    evict_dialogs_with_opener=True,  # DG5 1.58 note: the dialog's clicks then rerun nothing
    stop_auto_rerun_for_evicted=False,
    queued_ancestors_first=False,
    stale_cleanup_after_rerun=True,
    skip_descendants_of_queued_ancestor=False,
    one_timer_per_fragment=False,  # T8: 1.58 browsers stacked one timer per message (observed)
    experimental_fragment_alias=False,  # D11: removed in 1.49
    removed_command_hints=False,
    accepts_newer_keywords=False,
    newer_commands=False,
    fragment_keys=False,  # D3: 1.58's st.fragment has no key parameter
    keyed_rerun=False,  # RR1: st.rerun(*, scope="app"|"fragment")
    parallel_fragments_detached=False,
    replay_triggers_on_callback_rerun=False,  # RR7: callbacks' reruns are no-ops anyway
    hash_name="blake2b",  # 1.57+ hashes ids with BLAKE2b; 1.58 is the seed era's last release.
    time_string_error_missing_space=True,  # E20, 1.58 errors.py
)

MODERN = Semantics(
    name="modern",
    versions="1.59-1.67",
    outside_writes="wrappers",  # O1-O9, E8
    widgets_outside_raise=False,  # E8: widgets outside go through wrappers (O7)
    sidebar_write_in_fragment_raises=False,  # E9, O8
    rerun_in_callback="honoured",  # RR7
    callbacks_carry_fragment_id=True,  # CB3
    layout_error="StreamlitInvalidLayoutContextError",  # E1, E10, E11 (1.63+)
    dialog_title_error="StreamlitMissingRequiredParameterError",  # E12
    widget_already_instantiated_error="StreamlitWidgetAlreadyInstantiatedError",  # E19
    evict_uncalled_children=True,  # N3
    evict_dialogs_with_opener=False,  # N3, DG5: a full-app-scoped child is kept
    stop_auto_rerun_for_evicted=True,  # T10
    queued_ancestors_first=True,  # R2
    stale_cleanup_after_rerun=False,  # F6, C1
    skip_descendants_of_queued_ancestor=True,  # N4, R5.1
    one_timer_per_fragment=True,  # T8 (1.60+)
    experimental_fragment_alias=False,  # D11: removed in 1.49
    removed_command_hints=True,  # D11: 1.67's command_suggestions
    accepts_newer_keywords=True,  # apptest/_shim/versions.py lists them
    newer_commands=True,  # apptest/_shim/newer.py, apptest/_features/config_defaults.py
    fragment_keys=True,  # D3, D5, F10, E6, E7
    keyed_rerun=True,  # RR1, RR4, E3-E5
    parallel_fragments_detached=True,  # F13, M11, E13 (run inline, in call order)
    replay_triggers_on_callback_rerun=True,  # RR8
    hash_name="blake2b",  # ID1
    time_string_error_missing_space=False,  # E20
)

PROFILES: dict[str, Semantics] = {SEED.name: SEED, MODERN.name: MODERN}

#: The environment variable that names the default profile (below the marker and ini option).
ENV_VAR = "APPTEST_SEMANTICS"


def default_semantics() -> tuple[str, str]:
    """The profile name used when ``semantics=`` is not given, and where it came from:
    the pytest marker or ini option (set by the plugin), then ``APPTEST_SEMANTICS``, then
    ``"seed"``."""
    scope = current_scope()
    if scope is not None and scope.semantics is not None:
        return scope.semantics, "the apptest_semantics marker or ini option"
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        return from_env, f"the {ENV_VAR} environment variable"
    return SEED.name, "the default"


def resolve_profile(semantics: str | Semantics | None, source: str = "") -> Semantics:
    """Turn the ``semantics=`` argument of ``AppTest`` into a profile, or say what exists;
    ``None`` takes the default (:func:`default_semantics`)."""

    if isinstance(semantics, Semantics):
        return semantics
    if semantics is None:
        semantics, source = default_semantics()
    try:
        return PROFILES[semantics]
    except KeyError:
        known = ", ".join(repr(name) for name in sorted(PROFILES))
        where = f" (from {source})" if source else ""
        raise AppTestError(
            f"Unknown semantics profile {semantics!r}{where}. Known profiles: {known}. "
            "Pass one of these names, or a Semantics object."
        ) from None
