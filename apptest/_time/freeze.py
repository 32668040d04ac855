"""Frozen app time: freezegun's fakes on ``time`` and ``datetime`` while a script runs.

While a run is active, the app's ``time.time()``, ``time.monotonic()``, ``time.perf_counter()``
(and their ``_ns`` variants), ``time.localtime()``, ``time.gmtime()``, ``time.strftime()``,
``datetime.datetime.now()``/``utcnow()`` and ``datetime.date.today()`` read the innermost
active clock, through freezegun's fakes. The app's time zone is UTC. ``time.sleep(s)`` returns
at once after moving that clock forward by ``s``. Outside runs (the test itself, Hypothesis,
pytest) everything is the real thing again.

Cost. ``freezegun.freeze_time().start()`` scans every loaded module for names bound to the
real functions (``from time import time``) on each start, so its cost grows with
``sys.modules``. Here a run swaps a dozen attributes of the ``time`` and ``datetime`` modules,
plus the few bindings remembered from modules first loaded during earlier runs (below).

Modules loaded during a run. A C extension imported for the first time while
``datetime.date`` is freezegun's ``FakeDate`` records the fake class ("datetime.date size
changed, may indicate binary incompatibility", wrong type checks later). So a module that is
*loaded* during a run (``import``, ``importlib.import_module``: anything that goes through
``importlib._bootstrap._load_unlocked``) is loaded with the real objects in place. Afterwards
a pure-Python module is scanned once: names bound to the real objects (``from datetime import
datetime`` in the app's helper module) are remembered and patched on every later run, so such
helpers see virtual time as well. Modules on freezegun's ignore list (``threading``, ``queue``
…), apptest, pytest and Hypothesis are never patched.

Limits: a module imported *before* the first run that binds a real function by name keeps it
(use ``import time`` and ``time.time()`` there, or import the helper from the app); code that
runs while a module is being loaded sees real time; C code that reads the system clock itself
(``pandas.Timestamp.now()``, ``numpy.datetime64("now")``) sees real time.
"""

from __future__ import annotations

import datetime as _dt
import sys
import time as _time
import weakref
from collections.abc import Callable
from types import ModuleType
from typing import Any, Protocol

_REAL_SLEEP = _time.sleep
_EPOCH = _dt.datetime(1970, 1, 1)
_ZERO = _dt.timedelta(0)

#: Modules never patched by name, besides freezegun's own ignore list.
_NEVER_PATCH = ("apptest.", "apptest", "freezegun", "hypothesis", "_pytest", "pytest", "pluggy")


class TimeSource(Protocol):
    """What freezing needs from a clock."""

    now_ns: int

    def sleep(self, seconds: float) -> None: ...


_ACTIVE: list[TimeSource] = []


def virtual_sleep(seconds: float) -> None:
    """``time.sleep`` of the app: the active clock moves on; outside runs, a real sleep."""
    if _ACTIVE:
        _ACTIVE[-1].sleep(seconds)
    else:
        _REAL_SLEEP(seconds)


def _frozen_now() -> _dt.datetime:
    """freezegun's time factory: the active clock as a naive UTC datetime."""
    return _EPOCH + _dt.timedelta(microseconds=_ACTIVE[-1].now_ns // 1000)


Swap = tuple[Any, str, Any]
_MISSING = object()


class _Freezer:
    """Installs the fakes when the first clock becomes active, removes them with the last."""

    def __init__(self) -> None:
        self.swaps: list[Swap] = []
        self.real_swaps: list[Swap] = []
        self.reals: dict[int, Any] = {}  # id(real object) -> real object
        self.fakes: dict[int, Any] = {}  # id(real object) -> its fake
        self.saved: list[Swap] = []
        self.bindings: list[tuple[weakref.ref[ModuleType], str]] = []
        self.fresh: list[tuple[weakref.ref[ModuleType], str]] = []
        self.patched: list[Swap] = []
        self.loading = 0
        self.ignore: tuple[str, ...] = _NEVER_PATCH
        self.bootstrap: ModuleType | None = None
        self.real_load: Callable[[Any], ModuleType] | None = None
        self.api: Any = None  # freezegun.api, imported on first use

    def _setup(self) -> None:
        from freezegun import api
        from freezegun.config import settings

        self.api = api
        pairs: list[tuple[Any, str, Any, Any]] = [
            (_time, "time", api.fake_time, api.real_time),
            (_time, "monotonic", api.fake_monotonic, api.real_monotonic),
            (_time, "perf_counter", api.fake_perf_counter, api.real_perf_counter),
            (_time, "localtime", api.fake_localtime, api.real_localtime),
            (_time, "gmtime", api.fake_gmtime, api.real_gmtime),
            (_time, "strftime", api.fake_strftime, api.real_strftime),
            (_time, "sleep", virtual_sleep, _REAL_SLEEP),
            (_dt, "datetime", api.FakeDatetime, api.real_datetime),
            (_dt, "date", api.FakeDate, api.real_date),
        ]
        for name in ("time_ns", "monotonic_ns", "perf_counter_ns"):
            fake = getattr(api, f"fake_{name}", None)
            real = getattr(api, f"real_{name}", None)
            if fake is not None and real is not None:
                pairs.append((_time, name, fake, real))
        self.swaps = [(obj, name, fake) for obj, name, fake, _ in pairs]
        self.real_swaps = [(obj, name, real) for obj, name, _, real in pairs]
        self.reals = {id(real): real for *_, real in pairs}
        self.fakes = {id(real): fake for _, _, fake, real in pairs}
        self.ignore = (*settings.default_ignore_list, *_NEVER_PATCH)
        self.bootstrap = sys.modules.get("importlib._bootstrap")
        load = getattr(self.bootstrap, "_load_unlocked", None)
        self.real_load = load if callable(load) else None

    def install(self) -> None:
        if not self.swaps:
            self._setup()
        self.saved = [(obj, name, getattr(obj, name)) for obj, name, _ in self.swaps]
        api = self.api
        api.freeze_factories.append(_frozen_now)
        api.tz_offsets.append(_ZERO)
        api.ignore_lists.append(())
        api.tick_flags.append(False)
        _set(self.swaps)
        self.patched = []
        self._patch_bindings(self.bindings, prune=True)
        if self.real_load is not None:
            self.bootstrap._load_unlocked = self._load  # type: ignore[union-attr]

    def uninstall(self) -> None:
        api = self.api
        if self.real_load is not None:
            self.bootstrap._load_unlocked = self.real_load  # type: ignore[union-attr]
        _set(self.saved)
        _set(reversed(self.patched))
        self.patched = []
        api.freeze_factories.pop()
        api.tz_offsets.pop()
        api.ignore_lists.pop()
        api.tick_flags.pop()

    # -- bindings made by name in modules loaded during runs -------------------------------
    def _patch_bindings(self, bindings: list[tuple[weakref.ref[ModuleType], str]], *, prune: bool) -> None:
        alive = []
        for ref, name in bindings:
            module = ref()
            if module is None:
                continue
            alive.append((ref, name))
            value = module.__dict__.get(name)
            if self._is_real(value):
                setattr(module, name, self.fakes[id(value)])
                self.patched.append((module, name, value))
        if prune:
            self.bindings = alive

    def _is_real(self, value: object) -> bool:
        return self.reals.get(id(value), _MISSING) is value

    def _scan(self, module: ModuleType) -> None:
        name = getattr(module, "__name__", None)
        file = getattr(module, "__file__", None)
        if not isinstance(name, str) or not isinstance(file, str) or not file.endswith(".py"):
            return  # C extensions and namespace packages are left alone.
        if name.startswith(self.ignore):
            return
        for attr, value in list(module.__dict__.items()):
            if self._is_real(value):
                binding = (weakref.ref(module), attr)
                self.bindings.append(binding)
                self.fresh.append(binding)

    def _load(self, spec: Any) -> ModuleType:
        """``_load_unlocked`` while frozen: load new modules with the real objects in place."""
        assert self.real_load is not None
        outer = self.loading == 0
        if outer:
            _set(self.real_swaps)  # real even if the test has a freezegun freeze of its own
        self.loading += 1
        try:
            module = self.real_load(spec)
        finally:
            self.loading -= 1
            if outer:
                _set(self.swaps)
        self._scan(module)
        if outer and self.fresh:
            fresh, self.fresh = self.fresh, []
            self._patch_bindings(fresh, prune=False)
        return module


def _set(swaps: Any) -> None:
    for obj, name, value in swaps:
        setattr(obj, name, value)


_FREEZER = _Freezer()


class frozen:
    """While the block runs, the app's time functions read ``clock`` (nested: the innermost)."""

    __slots__ = ("clock",)

    def __init__(self, clock: TimeSource) -> None:
        self.clock = clock

    def __enter__(self) -> None:
        if not _ACTIVE:
            _FREEZER.install()
        _ACTIVE.append(self.clock)

    def __exit__(self, *exc: object) -> None:
        _ACTIVE.pop()
        if not _ACTIVE:
            _FREEZER.uninstall()
