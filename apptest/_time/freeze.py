"""Frozen app time: each script run sees its own virtual clock; everything else, the real one.

Inside a run, the app's ``time.time()``, ``time.monotonic()``, ``time.perf_counter()`` (and
their ``_ns`` variants), ``time.localtime()``, ``time.gmtime()``, ``time.strftime()``,
``datetime.datetime.now()``/``utcnow()``/``today()`` and ``datetime.date.today()`` read that
run's clock, through freezegun's fakes. The app's time zone is UTC. ``time.sleep(s)`` returns at
once after moving that clock forward by ``s``; so does ``await asyncio.sleep(s)`` in an event
loop the run made (``asyncio.run``): its selector moves the clock instead of waiting
(:class:`_VirtualTimeSelector`; selector loops only, not Windows' proactor loop). Outside
runs (the test itself, Hypothesis, pytest) everything reads the real clock and ``time.sleep``
really sleeps.

The time belongs to the run, not to the process. The fakes stay on the ``time`` and
``datetime`` modules while any run is active anywhere (counted), but each one asks a context
variable which clock the *calling context* runs under, and without one calls the real function.
So a test thread calling ``time.sleep`` while an AppTest runs in another thread really sleeps
and leaves that AppTest's clock alone, and two AppTests running in two threads each see their
own clock. The variable is set per run, next to the run context of :mod:`apptest._run.layout`:
wherever ``st.*`` commands work, time is virtual. A thread the app starts itself does not
inherit it (``threading`` does not copy contexts), so it sees the real clock, as it has no run
context (in Streamlit such a thread has no ``ScriptRunContext`` either, and its clock is the
real one like everything else there). ``contextvars.copy_context().run`` and asyncio tasks do
carry it.

Cost. ``freezegun.freeze_time().start()`` scans every loaded module for names bound to the
real functions (``from time import time``) on each start, so its cost grows with
``sys.modules``. Here a run sets a context variable; the first of overlapping runs swaps a
dozen attributes of the ``time`` and ``datetime`` modules and a few methods of freezegun's
classes, plus the few bindings remembered from modules first loaded during earlier runs.

Modules loaded during a run. A C extension imported for the first time while
``datetime.date`` is freezegun's ``FakeDate`` records the fake class ("datetime.date size
changed, may indicate binary incompatibility", wrong type checks later). So a module that is
*loaded* while the fakes are installed (``import``, ``importlib.import_module``: anything that
goes through ``importlib._bootstrap._load_unlocked``) is loaded with the real objects in place.
Afterwards a pure-Python module loaded by a run is scanned once: names bound to the real objects
(``from datetime import datetime`` in the app's helper module) are remembered and patched on
every later run, so such helpers see virtual time as well. Modules on freezegun's ignore list
(``threading``, ``queue`` …), apptest, pytest and Hypothesis are never patched.

Limits: a module imported *before* the first run that binds a real function by name keeps it
(use ``import time`` and ``time.time()`` there, or import the helper from the app); code that
runs while a module is being loaded sees real time, and so, for that moment, do runs in other
threads; C code that reads the system clock itself (``pandas.Timestamp.now()``,
``numpy.datetime64("now")``) sees real time. While a run is active, a freezegun freeze the test
started itself is set aside in the other threads (they see the real clock).
"""

from __future__ import annotations

import calendar
import contextvars
import datetime as _dt
import operator
import selectors
import sys
import threading
import time as _time
import weakref
from collections.abc import Callable
from types import ModuleType
from typing import Any, Protocol

_REAL_SLEEP = _time.sleep
_REAL_SELECTOR = selectors.DefaultSelector
_REAL_PERF_NS = _time.perf_counter_ns
_REAL_DATETIME = _dt.datetime
_EPOCH = _dt.datetime(1970, 1, 1)
_ZERO = _dt.timedelta(0)

#: Modules never patched by name, besides freezegun's own ignore list.
_NEVER_PATCH = ("apptest.", "apptest", "freezegun", "hypothesis", "_pytest", "pytest", "pluggy")


class TimeSource(Protocol):
    """What freezing needs from a clock."""

    now_ns: int

    def sleep(self, seconds: float) -> None: ...


#: The clock of the run executing in this context; None outside runs (real time).
_CLOCK: contextvars.ContextVar[TimeSource | None] = contextvars.ContextVar(
    "apptest_frozen_clock", default=None
)


def virtual_sleep(seconds: float) -> None:
    """``time.sleep`` of the app: this run's clock moves on; outside runs, a real sleep."""
    clock = _CLOCK.get()
    if clock is None:
        _REAL_SLEEP(seconds)
    else:
        clock.sleep(seconds)


class _VirtualTimeSelector(selectors.BaseSelector):
    """The selector of an event loop made during a run: waiting moves the run's clock.

    asyncio's loop reads ``time.monotonic()`` (the run's clock) and, when its next timer is
    ``t`` seconds away, waits in ``select(t)``. Here that wait returns at once after moving the
    clock on by ``t``, rounded up to the microsecond the frozen functions show, plus one: so
    ``await asyncio.sleep(5)`` behaves as ``time.sleep(5)`` does, give or take a microsecond.
    (The app's monotonic clock counts from 1970, where a float cannot hold asyncio's 1 ns
    clock resolution: a timer is due only once the clock is strictly past it.) Ready I/O is
    still returned first; with real I/O registered (sockets besides the loop's own wake-up
    pipe) the wait is real and the clock moves by as long. Outside runs it is the real selector.
    """

    def __init__(self) -> None:
        self._real = _REAL_SELECTOR()

    def register(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._real.register(fileobj, events, data)

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        return self._real.unregister(fileobj)

    def modify(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._real.modify(fileobj, events, data)

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        clock = _CLOCK.get()
        if clock is None or timeout is None or timeout <= 0:
            return self._real.select(timeout)
        ready = self._real.select(0)
        if ready:
            return ready
        wait_ns = -(-round(timeout * 1e9) // 1000) * 1000
        if len(self._real.get_map()) > 1:  # real I/O in flight: wait for it for real
            started = _REAL_PERF_NS()
            ready = self._real.select(timeout)
            if ready:
                wait_ns = _REAL_PERF_NS() - started
        clock.now_ns += wait_ns + 1000  # past the timer: see the class docstring
        return ready

    def close(self) -> None:
        self._real.close()

    def get_map(self) -> Any:
        return self._real.get_map()


def _frozen_now() -> _dt.datetime:
    """freezegun's time factory: this run's clock as a naive UTC datetime.

    Outside runs it is reached only through freezegun's own fakes that a test's freeze bound by
    name somewhere; they get the real time too.
    """
    clock = _CLOCK.get()
    if clock is None:
        return _REAL_DATETIME.now(_dt.timezone.utc).replace(tzinfo=None)
    return _EPOCH + _dt.timedelta(microseconds=clock.now_ns // 1000)


_REAL_GMTIME = _time.gmtime
_REAL_STRFTIME = _time.strftime
_REAL_ASCTIME = _time.asctime
_NS = 1_000_000_000


def _utc_localtime(seconds: float | None = None) -> _time.struct_time:
    """``time.localtime`` in a run: the run's clock (or ``seconds``) in UTC, the app's zone."""
    if seconds is None:
        clock = _CLOCK.get()
        seconds = 0 if clock is None else clock.now_ns // _NS
    return _REAL_GMTIME(seconds)


def _utc_strftime(format: str, t: Any = None) -> str:
    return _REAL_STRFTIME(format, _utc_localtime() if t is None else t)


def _utc_mktime(t: Any) -> float:
    return float(calendar.timegm(tuple(t)))


def _utc_asctime(t: Any = None) -> str:
    return _REAL_ASCTIME(_utc_localtime() if t is None else t)


def _utc_ctime(seconds: float | None = None) -> str:
    return _REAL_ASCTIME(_utc_localtime(seconds))


#: The app's zone is UTC: these replace the real (machine-zone) functions in runs.
_UTC_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "localtime": _utc_localtime,
    "strftime": _utc_strftime,
    "mktime": _utc_mktime,
    "asctime": _utc_asctime,
    "ctime": _utc_ctime,
}


def _per_run(fake: Callable[..., Any], real: Callable[..., Any]) -> Callable[..., Any]:
    """``fake`` where a run's clock is in context, else ``real``."""

    def time_function(*args: Any, **kwargs: Any) -> Any:
        if _CLOCK.get() is None:
            return real(*args, **kwargs)
        return fake(*args, **kwargs)

    time_function.__name__ = time_function.__qualname__ = real.__name__
    time_function.__doc__ = real.__doc__
    return time_function


def _tz_offset(cls: type) -> _dt.timedelta:
    """freezegun's zone offset, UTC when no freeze is active: a naive datetime an app made
    (UTC, the app's zone) still gives its ``timestamp()`` after the run."""
    offsets = _FREEZER.api.tz_offsets
    return offsets[-1] if offsets else _ZERO


def _per_run_method(cls: type, name: str, real_cls: type) -> Any:
    """A method of freezegun's class ``cls`` that acts as ``real_cls``'s outside runs while
    a run is active somewhere, and as freezegun's own method when none is (a test's own
    freezegun freeze then reads its time)."""
    original = vars(cls)[name]
    fake = original.__func__ if isinstance(original, classmethod) else original

    def method(owner: Any, *args: Any, **kwargs: Any) -> Any:
        if _CLOCK.get() is None and _FREEZER.runs:
            if isinstance(original, classmethod):
                return getattr(real_cls, name)(*args, **kwargs)
            return getattr(real_cls, name)(owner, *args, **kwargs)
        return fake(owner, *args, **kwargs)

    method.__name__ = method.__qualname__ = name
    return classmethod(method) if isinstance(original, classmethod) else method


Swap = tuple[Any, str, Any]
_MISSING = object()

#: freezegun's class methods that read its global clock, made per run while installed.
_FAKE_METHODS = (
    ("FakeDatetime", "now", "real_datetime"),
    ("FakeDatetime", "utcnow", "real_datetime"),
    ("FakeDatetime", "fromtimestamp", "real_datetime"),
    ("FakeDatetime", "timestamp", "real_datetime"),
    ("FakeDate", "today", "real_date"),
)


class _Freezer:
    """Installs the fakes when the first run becomes active, removes them with the last.

    Runs in several threads may overlap, and any thread may load a module while the fakes are
    installed, so the counts and the module attributes change under one lock.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.runs = 0  # active runs, in any thread
        self.loads = 0  # modules being loaded through _load, in any thread
        self.swaps: list[Swap] = []
        self.real_swaps: list[Swap] = []
        self.reals: dict[int, Any] = {}  # id(real object) -> real object
        self.fakes: dict[int, Any] = {}  # id(real object) -> its fake
        self.groups: list[_Group] = []
        self.saved_values: list[tuple[_Group, Any]] = []
        self.bindings: list[tuple[weakref.ref[ModuleType], str]] = []
        self.fresh: list[tuple[weakref.ref[ModuleType], str]] = []
        self.patched: list[Swap] = []
        self.ignore: tuple[str, ...] = _NEVER_PATCH
        self.bootstrap: ModuleType | None = None
        self.real_load: Callable[[Any], ModuleType] | None = None
        self.api: Any = None  # freezegun.api, imported on first use

    def _setup(self) -> None:
        from freezegun import api
        from freezegun.config import settings

        self.api = api
        pairs: list[tuple[Any, str, Any, Any]] = [
            (_time, "sleep", virtual_sleep, _REAL_SLEEP),
            (_dt, "datetime", api.FakeDatetime, api.real_datetime),
            (_dt, "date", api.FakeDate, api.real_date),
            (
                selectors,
                "DefaultSelector",
                _per_run(_VirtualTimeSelector, _REAL_SELECTOR),
                _REAL_SELECTOR,
            ),
        ]
        names = ["time", "monotonic", "perf_counter", "gmtime"]
        for name in (*names, "time_ns", "monotonic_ns", "perf_counter_ns"):
            fake = getattr(api, f"fake_{name}", None)
            real = getattr(api, f"real_{name}", None)
            if fake is not None and real is not None:
                pairs.append((_time, name, _per_run(fake, real), real))
        for name, utc in _UTC_FUNCTIONS.items():
            real = getattr(_time, name)
            pairs.append((_time, name, _per_run(utc, real), real))
        for cls in (api.FakeDatetime, api.FakeDate):
            cls._tz_offset = classmethod(_tz_offset)  # type: ignore[assignment]
        self.swaps = [(obj, name, fake) for obj, name, fake, _ in pairs]
        self.groups = _Group.of(self.swaps, {(id(obj), name): real for obj, name, _, real in pairs})
        self.real_swaps = [(obj, name, real) for obj, name, _, real in pairs]
        self.reals = {id(real): real for *_, real in pairs}
        self.fakes = {id(real): fake for _, _, fake, real in pairs}
        # Set once for good: with no run active they act as freezegun's own (see
        # _per_run_method), so no run has to swap them in and out (a class attribute set
        # costs more than a module's: it empties the type's caches).
        for cls_name, name, real_name in _FAKE_METHODS:
            cls = getattr(api, cls_name)
            setattr(cls, name, _per_run_method(cls, name, getattr(api, real_name)))
        self.ignore = (*settings.default_ignore_list, *_NEVER_PATCH)
        self.bootstrap = sys.modules.get("importlib._bootstrap")
        load = getattr(self.bootstrap, "_load_unlocked", None)
        self.real_load = load if callable(load) else None

    def enter(self) -> None:
        with self.lock:
            if self.runs == 0:
                self._install()
            self.runs += 1

    def exit(self) -> None:
        with self.lock:
            self.runs -= 1
            if self.runs == 0:
                self._uninstall()

    def _install(self) -> None:
        if not self.swaps:
            self._setup()
        saved = self.saved_values = []
        for group in self.groups:
            values = group.read(group.namespace)
            # None: the module held the real objects (nearly always), put back from a ready
            # dict. A tuple compares item by item, identity first.
            saved.append((group, None if values == group.real_values else values))
        api = self.api
        api.freeze_factories.append(_frozen_now)
        api.tz_offsets.append(_ZERO)
        api.ignore_lists.append(())
        api.tick_flags.append(False)
        # A module still loading in another thread (begun under the previous install) keeps
        # the real objects until it is done; _load then puts the fakes in.
        if self.loads == 0:
            for group in self.groups:
                group.namespace.update(group.fakes)
        else:
            _set(self.real_swaps)
        self.patched = []
        if self.bindings:
            self._patch_bindings(self.bindings, prune=True)
        if self.real_load is not None:
            self.bootstrap._load_unlocked = self._load  # type: ignore[union-attr]

    def _uninstall(self) -> None:
        api = self.api
        if self.real_load is not None:
            self.bootstrap._load_unlocked = self.real_load  # type: ignore[union-attr]
        for group, values in self.saved_values:
            if values is None:
                group.namespace.update(group.reals)
            elif group.single:
                group.namespace[group.names[0]] = values
            else:
                group.namespace.update(zip(group.names, values, strict=True))
        self.saved_values = []
        if self.patched:
            _set(reversed(self.patched))
            self.patched = []
        api.freeze_factories.pop()
        api.tz_offsets.pop()
        api.ignore_lists.pop()
        api.tick_flags.pop()

    # -- bindings made by name in modules loaded during runs -------------------------------
    def _patch_bindings(
        self, bindings: list[tuple[weakref.ref[ModuleType], str]], *, prune: bool
    ) -> None:
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
        """``_load_unlocked`` while installed: load new modules with the real objects in place.

        Loads nest (a module imports others) and may run in several threads at once: the real
        objects stay until the last one is done, whose thread then patches the names bound by
        the modules the runs loaded meanwhile.
        """
        assert self.real_load is not None
        with self.lock:
            if self.loads == 0 and self.runs:
                _set(self.real_swaps)  # real even if the test has a freezegun freeze of its own
            self.loads += 1
        try:
            module = self.real_load(spec)
        finally:
            with self.lock:
                self.loads -= 1
                if self.loads == 0 and self.runs:
                    _set(self.swaps)
        with self.lock:
            if _CLOCK.get() is not None:  # loaded by a run, not by code outside runs
                self._scan(module)
            if self.loads == 0 and self.fresh:
                fresh, self.fresh = self.fresh, []
                if self.runs:
                    self._patch_bindings(fresh, prune=False)
        return module


class _Group:
    """The names one module swaps, read with one ``itemgetter`` call and written with one
    ``dict.update`` of its namespace: a run installs and removes the fakes with a few C calls,
    not a ``setattr`` per name."""

    __slots__ = ("fakes", "names", "namespace", "read", "real_values", "reals", "single")

    def __init__(self, module: ModuleType, fakes: dict[str, Any], reals: dict[str, Any]) -> None:
        self.namespace: dict[str, Any] = module.__dict__
        self.names = tuple(fakes)
        self.fakes = fakes
        self.reals = {name: reals[name] for name in self.names}
        #: ``read(namespace)``: the names' values now: a tuple, or the value of a single name.
        self.read: Callable[[dict[str, Any]], Any] = operator.itemgetter(*self.names)
        self.single = len(self.names) == 1
        #: What ``read`` gives while the module holds the real objects.
        self.real_values = self.read(self.reals)

    @classmethod
    def of(cls, swaps: list[Swap], reals: dict[tuple[int, str], Any]) -> list[_Group]:
        """The swaps by module; ``reals``: the real object of each (id(module), name)."""
        by_module: dict[int, tuple[ModuleType, dict[str, Any], dict[str, Any]]] = {}
        for module, name, fake in swaps:
            entry = by_module.setdefault(id(module), (module, {}, {}))
            entry[1][name] = fake
            entry[2][name] = reals[(id(module), name)]
        return [cls(module, fakes, real) for module, fakes, real in by_module.values()]


def _set(swaps: Any) -> None:
    for obj, name, value in swaps:
        setattr(obj, name, value)


_FREEZER = _Freezer()


class frozen:
    """While the block runs, this context's time functions read ``clock`` (nested: the
    innermost); other contexts and threads keep their own clock, or the real one."""

    __slots__ = ("clock", "token")

    def __init__(self, clock: TimeSource) -> None:
        self.clock = clock
        self.token: contextvars.Token[TimeSource | None] | None = None

    def __enter__(self) -> None:
        _FREEZER.enter()
        self.token = _CLOCK.set(self.clock)

    def __exit__(self, *exc: object) -> None:
        assert self.token is not None
        _CLOCK.reset(self.token)
        self.token = None
        _FREEZER.exit()
