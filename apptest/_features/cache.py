"""``st.cache_data`` and ``st.cache_resource``, with one cache store per AppTest.

What Streamlit does, and what this module simulates (Streamlit 1.58,
``runtime/caching/cache_utils.py``, ``hashing.py``, ``cached_message_replay.py``):

- A cached function's cache is found by a *function key*: a hash of its module, qualname and
  source code (bytecode when the source cannot be read). A redefinition with the same source
  in the next run finds the same cache.
- A call's *value key* hashes every argument by name and value, except arguments whose name
  starts with ``_``. Hashing is type-aware (``1``, ``1.0`` and ``True`` differ) and follows
  Streamlit's rules: objects without a dedicated rule are hashed through ``__reduce__``, so
  instances of plain classes and functions are unhashable (``UnhashableParamError``) unless
  ``hash_funcs`` names their type.
- ``ttl`` (seconds, timedelta or a time string) is measured on the AppTest's virtual clock;
  ``max_entries`` evicts the least recently used entry. Changing either starts a new, empty
  cache for the function.
- ``cache_data`` stores a pickle of the value and returns a fresh copy on every hit (a miss
  returns the computed object itself); ``cache_resource`` returns the same object, checks it
  with ``validate`` on every hit and calls ``on_release`` when an entry is evicted, expires
  or is cleared.
- Elements written inside a cached function are recorded and replayed on a hit, so the page
  looks the same either way. A write to a container created outside the function (other
  than ``st``/``st.sidebar``) cannot be replayed: the hit raises ``CacheReplayClosureError``.
  Widgets are not replayed (Streamlit warns about widgets in cached functions).
- ``show_spinner`` records the spinner text in the run's history (``at.runs[-1].spinners``)
  on a miss of the outermost cached call; it adds no element to the tree (1.58 spinners are
  transient).

Caches live on the :class:`~apptest._server.session.Session`, so two AppTests never share entries.
Called outside a script run, a cached function just calls the function. Keys, hashing and the
caching errors are in :mod:`apptest._features.cache_keys`.
"""

from __future__ import annotations

import datetime
import functools
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from apptest._features.cache_keys import (
    CacheKind,
    HashFuncs,
    function_key,
    positional_names,
    replay_closure_error,
    ttl_to_ns,
    unserializable_return_error,
    value_key,
)
from apptest._run.host import StoreKey
from apptest._run.layout import Container, ScriptRun, current_run, emit_block, emit_element
from apptest._st_errors import StreamlitAPIException


# -- storage -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Write:
    """One write recorded during a cache miss, replayed on hits."""

    what: str
    on: int | None
    kind: str
    props: dict[str, Any]
    index: int
    form_id: str
    in_dialog: bool
    #: For a write on a root container (``on`` < 0): that container (``st``, ``st.sidebar``),
    #: so a replay writes through the same kind of object the app used.
    root: Container | None = None


@dataclass
class Entry:
    """One cached value: the object (resource) or its pickle (data), plus its writes."""

    value: Any
    writes: tuple[Write, ...]
    written_ns: int


@dataclass
class FunctionCache:
    """The cache of one decorated function (one function key) in one session."""

    kind: CacheKind
    name: str
    ttl_ns: int | None
    max_entries: int | None
    on_release: Callable[[Any], Any] | None = None
    entries: OrderedDict[str, Entry] = field(default_factory=OrderedDict)

    def _release(self, entry: Entry) -> None:
        if self.on_release is not None:
            self.on_release(entry.value)

    def expire(self, now_ns: int) -> None:
        if self.ttl_ns is None:
            return
        for key in [k for k, e in self.entries.items() if now_ns >= e.written_ns + self.ttl_ns]:
            self._release(self.entries.pop(key))

    def read(self, key: str, now_ns: int) -> Entry | None:
        self.expire(now_ns)
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)  # least recently used goes first
        return entry

    def write(self, key: str, entry: Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self._release(old)
        self.entries[key] = entry
        if self.max_entries is not None:
            while len(self.entries) > max(self.max_entries, 0):
                _, evicted = self.entries.popitem(last=False)
                self._release(evicted)

    def drop(self, key: str) -> None:
        """Remove without ``on_release`` (a failed ``validate``, as in Streamlit)."""
        self.entries.pop(key, None)

    def clear(self, key: str | None = None) -> None:
        if key is not None:
            entry = self.entries.pop(key, None)
            if entry is not None:
                self._release(entry)
            return
        while self.entries:
            _, entry = self.entries.popitem(last=False)
            self._release(entry)


@dataclass
class CacheStore:
    """Every function cache of one session (one AppTest)."""

    functions: dict[str, FunctionCache] = field(default_factory=dict)

    def cache_for(
        self,
        kind: CacheKind,
        key: str,
        *,
        name: str,
        ttl_ns: int | None,
        max_entries: int | None,
        on_release: Callable[[Any], Any] | None = None,
    ) -> FunctionCache:
        """The function's cache; new parameters (ttl, max_entries) start a new, empty one."""
        cache = self.functions.get(key)
        if cache is not None and (cache.ttl_ns, cache.max_entries) == (ttl_ns, max_entries):
            cache.on_release = on_release
            return cache
        cache = FunctionCache(kind, name, ttl_ns, max_entries, on_release)
        self.functions[key] = cache
        return cache

    def clear(self, kind: CacheKind) -> None:
        for cache in self.functions.values():
            if cache.kind == kind:
                cache.clear()

    def entry_count(self, kind: CacheKind | None = None) -> int:
        return sum(
            len(c.entries) for c in self.functions.values() if kind is None or c.kind == kind
        )


#: The session's function caches, in its stores.
CACHES: StoreKey[CacheStore] = StoreKey("caches", CacheStore)


# -- recording and replaying writes ------------------------------------------------------------
class _Recorder:
    """Records the writes of one cached call (Streamlit's message replay context)."""

    def __init__(self) -> None:
        self.writes: list[Write] = []
        self._made: dict[int, tuple[int, Container]] = {}
        self.saw_widget = False

    def _token(self, container: Container) -> int | None:
        made = self._made.get(id(container))
        if made is not None and made[1] is container:
            return made[0]
        return None

    def __call__(
        self,
        invoked: Container,
        acting: Container,
        kind: str,
        props: dict[str, Any],
        result: Container,
        what: str,
    ) -> None:
        if what == "widget":
            self.saw_widget = True
            return
        # Note [DeltaGenerator method invocation]: a write lands on the block it acted on if
        # that block was made inside the function, else on the container it was called on.
        on = self._token(acting)
        if on is None:
            on = self._token(invoked)
        if on is None and invoked._cursor is None:
            on = -1 - invoked._root  # a root container: st, st.sidebar, the event root
        index = len(self._made)
        self._made[id(result)] = (index, result)
        self.writes.append(
            Write(
                what,
                on,
                kind,
                dict(props),
                index,
                result._form_id,
                result._in_dialog,
                invoked.at_root(invoked._root) if on is not None and on < 0 else None,
            )
        )


def _replay(writes: tuple[Write, ...], kind: CacheKind, func: Callable[..., Any]) -> None:
    made: dict[int, Container] = {}
    for write in writes:
        target: Container | None
        if write.on is None:
            target = None  # an explicit call on a block made outside the function
        elif write.on >= 0:
            target = made.get(write.on)
        else:
            target = write.root
        if target is None:
            raise replay_closure_error(kind, func)
        if write.what == "block":
            made[write.index] = emit_block(
                target,
                write.kind,
                dict(write.props),
                form_id=write.form_id,
                in_dialog=write.in_dialog,
            )
        else:
            made[write.index] = emit_element(target, write.kind, dict(write.props))


def _recording(run: ScriptRun) -> bool:
    return any(isinstance(observer, _Recorder) for observer in run.observers)


# -- the decorated function --------------------------------------------------------------------
@dataclass(frozen=True)
class Options:
    """What a cache decorator was given."""

    ttl: object = None
    max_entries: int | None = None
    show_spinner: bool | str = True
    hash_funcs: HashFuncs | None = None
    validate: Callable[[Any], bool] | None = None
    on_release: Callable[[Any], Any] | None = None


class CachedFunc:
    """What ``@st.cache_data`` / ``@st.cache_resource`` return: callable, with ``clear()``."""

    def __init__(self, func: Callable[..., Any], kind: CacheKind, options: Options) -> None:
        functools.update_wrapper(self, func)
        self._func = func
        self._kind: CacheKind = kind
        self._options = options
        self._function_key: str | None = None
        self._names: tuple[str, ...] | None = None

    @property
    def _key(self) -> str:
        # Computed on first use: the script redefines the function on every full run.
        if self._function_key is None:
            self._function_key = function_key(self._kind, self._func)
        return self._function_key

    def __repr__(self) -> str:
        return f"<CachedFunc: {self._func}>"

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return _BoundCachedFunc(self, instance)

    def _cache(self, run: ScriptRun) -> FunctionCache:
        name = getattr(self._func, "__qualname__", repr(self._func))
        return run.session.stores[CACHES].cache_for(
            self._kind,
            self._key,
            name=name,
            ttl_ns=ttl_to_ns(
                self._options.ttl,
                missing_space=run.session.profile.time_string_error_missing_space,  # E20
            ),
            max_entries=self._options.max_entries,
            on_release=self._options.on_release if self._kind == "resource" else None,
        )

    def _value_key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        if self._names is None:
            self._names = positional_names(self._func)
        return value_key(
            self._kind, self._func, args, kwargs, self._options.hash_funcs, self._names
        )

    def _spinner_text(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
        show = self._options.show_spinner
        if isinstance(show, str):
            return show
        if show is True:
            name = getattr(self._func, "__qualname__", "function")
            return f"Running `{name}()`." if not args and not kwargs else f"Running `{name}(...)`."
        return None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        run = current_run()
        if run is None:
            return self._func(*args, **kwargs)
        cache = self._cache(run)
        key = self._value_key(args, kwargs)
        clock = run.session.clock
        entry = cache.read(key, clock.now_ns)
        if entry is not None and self._kind == "resource" and self._options.validate is not None:
            if not self._options.validate(entry.value):
                cache.drop(key)
                entry = None
        if entry is not None:
            _replay(entry.writes, self._kind, self._func)
            if self._kind == "data":
                import pickle  # here, not at the top: most apps never cache data

                return pickle.loads(entry.value)
            return entry.value
        spinner = self._spinner_text(args, kwargs)
        if spinner is not None and not _recording(run):
            run.spinners.append(spinner)
        recorder = _Recorder()
        run.observers.append(recorder)
        try:
            value = self._func(*args, **kwargs)
        finally:
            run.observers.remove(recorder)
        stored = value
        if self._kind == "data":
            import pickle

            try:
                stored = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                raise unserializable_return_error(self._func, value) from exc
        cache.write(key, Entry(stored, tuple(recorder.writes), clock.now_ns))
        return value

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Clear every cached value of this function, or only the one for these arguments."""
        run = current_run()
        if run is None:
            return
        cache = run.session.stores[CACHES].functions.get(self._key)
        if cache is None:
            return
        if args or kwargs:
            cache.clear(self._value_key(args, kwargs))
        else:
            cache.clear()


class _BoundCachedFunc:
    """A cached method bound to an instance (the instance is the first, hashed argument)."""

    def __init__(self, cached: CachedFunc, instance: object) -> None:
        self._cached = cached
        self._instance = instance
        functools.update_wrapper(self, cached._func)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached(self._instance, *args, **kwargs)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        if args or kwargs:
            self._cached.clear(self._instance, *args, **kwargs)
        else:
            self._cached.clear()


# -- the public decorators ---------------------------------------------------------------------
class CacheDataAPI:
    """``st.cache_data``: ``@st.cache_data``, ``@st.cache_data(ttl=...)``, ``.clear()``."""

    kind: CacheKind = "data"

    def __call__(
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: float | datetime.timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: str | bool | None = None,
        hash_funcs: HashFuncs | None = None,
        scope: str = "global",
    ) -> Any:

        if persist not in (None, True, False, "disk"):
            raise StreamlitAPIException(
                f"Unsupported persist option '{persist}'. Valid values are 'disk' or None."
            )
        _check_scope(scope)
        options = Options(ttl, max_entries, show_spinner, hash_funcs)
        return _decorate(func, self.kind, options)

    def clear(self) -> None:
        """Clear every data cache of the running app's session."""
        run = current_run()
        if run is not None:
            run.session.stores[CACHES].clear(self.kind)


class CacheResourceAPI(CacheDataAPI):
    """``st.cache_resource``: like ``st.cache_data`` but returns the cached object itself."""

    kind: CacheKind = "resource"

    def __call__(  # type: ignore[override]
        self,
        func: Callable[..., Any] | None = None,
        *,
        ttl: float | datetime.timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: Callable[[Any], bool] | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], Any] | None = None,
        scope: str = "global",
    ) -> Any:
        _check_scope(scope)
        options = Options(ttl, max_entries, show_spinner, hash_funcs, validate, on_release)
        return _decorate(func, self.kind, options)


def _check_scope(scope: str) -> None:

    if scope not in ("global", "session"):
        raise StreamlitAPIException(
            f"Unsupported scope option '{scope}'. Valid values are 'global' or 'session'."
        )


def _decorate(func: Callable[..., Any] | None, kind: CacheKind, options: Options) -> Any:
    if func is None:
        return lambda f: CachedFunc(f, kind, options)
    return CachedFunc(func, kind, options)


cache_data = CacheDataAPI()
cache_resource = CacheResourceAPI()

__all__ = ["CacheStore", "CachedFunc", "cache_data", "cache_resource"]
