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

Caches live on the :class:`~apptest._session.Session`, so two AppTests never share entries.
Called outside a script run, a cached function just calls the function.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import inspect
import io
import pickle
import re
import struct
import textwrap
import types
import uuid
from collections import OrderedDict
from collections.abc import Callable, ItemsView, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from apptest._layout import MAIN, SIDEBAR, Container, ScriptRun, current_run

CacheKind = Literal["data", "resource"]
HashFuncs = Mapping[Any, Callable[[Any], Any]]

CACHE_DOCS_URL = "https://docs.streamlit.io/develop/concepts/architecture/caching"


# -- errors (Streamlit's texts, 1.58) ------------------------------------------------------------
@functools.cache
def error_class(name: str) -> type[Exception]:
    """Streamlit's caching errors (``runtime/caching/cache_errors.py``), made once.

    ``UnserializableReturnValueError`` derives from ``MarkdownFormattedException``, the others
    from ``StreamlitAPIException``. They are built lazily: ``apptest._shim`` imports this module.
    """
    from apptest._shim import errors

    base = (
        errors.MarkdownFormattedException
        if name == "UnserializableReturnValueError"
        else errors.StreamlitAPIException
    )
    return type(name, (base,), {"__module__": "streamlit.runtime.caching.cache_errors"})


def _func_name_md(func: object) -> str:
    if hasattr(func, "__name__"):
        return f"`{func.__name__}()`"
    return f"`{type(func).__name__}`"


def _fqn_type(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def _decorator_name(kind: CacheKind) -> str:
    return "cache_data" if kind == "data" else "cache_resource"


def unhashable_param_error(
    kind: CacheKind, func: Callable[..., Any], arg_name: str | None, arg_value: object
) -> Exception:
    """``UnhashableParamError``: an argument cannot be hashed; rename it with a ``_``."""
    name = arg_name if arg_name is not None else "(unnamed)"
    replacement = f"_{arg_name}" if arg_name is not None else "_arg"
    func_name = getattr(func, "__name__", "unknown")
    message = (
        f"Cannot hash argument '{name}' (of type `{_fqn_type(arg_value)}`) in '{func_name}'.\n"
        "To address this, you can tell Streamlit not to hash this argument by adding a\n"
        "leading underscore to the argument's name in the function signature:\n"
        "```\n"
        f"@st.{_decorator_name(kind)}\n"
        f"def {func_name}({replacement}, ...):\n"
        "    ...\n"
        "```"
    )
    return error_class("UnhashableParamError")(message)


def unserializable_return_error(func: Callable[..., Any], value: object) -> Exception:
    """``UnserializableReturnValueError``: ``cache_data`` could not pickle the value."""
    if hasattr(value, "__module__") and hasattr(type(value), "__name__"):
        value_type = f"`{value.__module__}.{type(value).__name__}`"
    else:
        value_type = _func_name_md(value)
    message = textwrap.dedent(
        f"""\
        Cannot serialize the return value (of type {value_type})
        in {_func_name_md(func)}. `st.cache_data` uses
        [pickle](https://docs.python.org/3/library/pickle.html) to serialize the
        function's return value and safely store it in the cache
        without mutating the original object. Please convert the return value to a
        pickle-serializable type. If you want to cache unserializable objects such
        as database connections or Tensorflow sessions, use `st.cache_resource`
        instead (see [our docs]({CACHE_DOCS_URL}) for differences)."""
    )
    return error_class("UnserializableReturnValueError")(message)


def replay_closure_error(kind: CacheKind, func: Callable[..., Any]) -> Exception:
    """``CacheReplayClosureError``: a recorded write targets a block made outside."""
    name = _func_name_md(func)
    message = (
        f"While running {name}, a streamlit element is called on some layout block\n"
        "created outside the function. This is incompatible with replaying the cached\n"
        "effect of that element, because the referenced block might not exist when\n"
        "the replay happens.\n\n"
        "How to fix this:\n"
        f"* Move the creation of $THING inside {name}.\n"
        f"* Move the call to the streamlit element outside of {name}.\n"
        f"* Remove the `@st.{_decorator_name(kind)}` decorator from {name}."
    )
    return error_class("CacheReplayClosureError")(message)


# -- hashing -----------------------------------------------------------------------------------
class UnhashableTypeError(Exception):
    """An object has no hashing rule (raised inside the hasher, reported per argument)."""


def _fqn(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


class Hasher:
    """Streamlit's ``_CacheFuncHasher``, simplified: type-aware bytes for a value.

    Every value is prefixed with its type's qualname, so ``1``, ``1.0`` and ``True`` differ.
    Containers hash their items in order (two dicts with the same items in another order
    differ, as in Streamlit). Cycles hash to a placeholder.
    """

    def __init__(self, hash_funcs: HashFuncs | None = None) -> None:
        self._funcs: dict[str, Callable[[Any], Any]] = {
            key if isinstance(key, str) else _fqn(key): func
            for key, func in (hash_funcs or {}).items()
        }
        self._stack: list[int] = []

    def update(self, hasher: Any, obj: object) -> None:
        hasher.update(self.to_bytes(obj))

    def to_bytes(self, obj: object) -> bytes:
        if id(obj) in self._stack:
            return b"streamlit-57a8b7c0-cycle"
        self._stack.append(id(obj))
        try:
            return type(obj).__qualname__.encode() + b":" + self._to_bytes(obj)
        finally:
            self._stack.pop()

    def _digest_of(self, *items: object) -> bytes:
        hasher = hashlib.blake2b(digest_size=16)
        for item in items:
            self.update(hasher, item)
        return hasher.digest()

    def _to_bytes(self, obj: Any) -> bytes:
        type_name = _fqn_type(obj)
        if type_name in ("unittest.mock.Mock", "unittest.mock.MagicMock"):
            return self.to_bytes(id(obj))
        if isinstance(obj, (bytes, bytearray)):
            return bytes(obj)
        if type_name in self._funcs:
            func = self._funcs[type_name]
            try:
                output = func(obj)
            except Exception as exc:
                raise error_class("UserHashError")(
                    f"{exc}\n\nThis error is likely due to a bug in "
                    f"{_func_name_md(func)}, which is a user-defined hash function that was "
                    f"passed into the `hash_funcs` of a cached function. It failed when "
                    f"hashing an object of type `{type_name}`."
                ) from exc
            return self.to_bytes(output)
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, float):
            return struct.pack("<d", obj)
        if isinstance(obj, int):
            return obj.to_bytes((obj.bit_length() + 8) // 8, "little", signed=True)
        if isinstance(obj, uuid.UUID):
            return obj.bytes
        if isinstance(obj, datetime.datetime):
            return obj.isoformat().encode()
        if isinstance(obj, (list, tuple)):
            return self._digest_of(*obj)
        if isinstance(obj, dict):
            return self._digest_of(*obj.items())
        if obj is None:
            return b"0"
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return self.to_bytes(dataclasses.asdict(obj))
        if isinstance(obj, enum.Enum):
            return str(obj).encode()
        if type_name.startswith("numpy.") and hasattr(obj, "tobytes"):
            return self._digest_of(tuple(obj.shape), str(obj.dtype), obj.tobytes())
        if type_name.startswith("pandas."):
            return pickle.dumps(obj, pickle.HIGHEST_PROTOCOL)
        if inspect.isbuiltin(obj):
            return str(obj.__name__).encode()
        if isinstance(obj, (types.MappingProxyType, ItemsView)):
            return self.to_bytes(dict(obj))
        if isinstance(obj, re.Pattern):
            return self.to_bytes([obj.pattern, obj.flags])
        if isinstance(obj, (io.StringIO, io.BytesIO)):
            return self._digest_of(obj.tell(), obj.getvalue())
        if inspect.ismodule(obj) or inspect.isclass(obj):
            return self.to_bytes(obj.__name__)
        if isinstance(obj, functools.partial):
            return self._digest_of(obj.args, obj.func, obj.keywords)
        # Last resort, as in Streamlit: hash what __reduce__ returns. Functions (including
        # the reconstructor of plain class instances) cannot be reduced, so they are
        # unhashable.
        try:
            reduced = obj.__reduce__()
        except Exception as exc:
            raise UnhashableTypeError() from exc
        if isinstance(reduced, str):
            return reduced.encode()
        return self._digest_of(*reduced)


def function_key(kind: CacheKind, func: Callable[..., Any]) -> str:
    """The key of a function's cache: module, qualname and source (or bytecode)."""
    hasher = hashlib.blake2b(digest_size=16)
    quals = Hasher()
    quals.update(hasher, (kind, getattr(func, "__module__", ""), getattr(func, "__qualname__", "")))
    source: str | bytes
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):
        code = getattr(func, "__code__", None)
        source = code.co_code if code is not None else repr(func)
    quals.update(hasher, source)
    return hasher.hexdigest()


def positional_names(func: Callable[..., Any]) -> tuple[str, ...]:
    """The names of ``func``'s leading positional parameters (``*args`` and after: none)."""
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return ()
    names: list[str] = []
    for param in params:
        if param.kind not in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            break
        names.append(param.name)
    return tuple(names)


def value_key(
    kind: CacheKind,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    hash_funcs: HashFuncs | None,
    names: tuple[str, ...] | None = None,
) -> str:
    """The key of one call: every argument by name, except names that start with ``_``."""
    if names is None:
        names = positional_names(func)
    pairs: list[tuple[str | None, Any]] = [
        (names[index] if index < len(names) else None, value)
        for index, value in enumerate(args)
    ]
    pairs.extend(kwargs.items())
    hasher = hashlib.blake2b(digest_size=16)
    for name, value in pairs:
        if name is not None and name.startswith("_"):
            continue
        try:
            Hasher().update(hasher, name)
            Hasher(hash_funcs).update(hasher, value)
        except UnhashableTypeError:
            raise unhashable_param_error(kind, func, name, value) from None
    return hasher.hexdigest()


def ttl_to_ns(ttl: object) -> int | None:
    """``ttl`` in nanoseconds; ``None`` (or infinity) means entries never expire."""
    from apptest._shim.errors import StreamlitBadTimeStringError
    from apptest._timestring import TimeStringError, parse_time_string

    if ttl is None:
        return None
    if isinstance(ttl, datetime.timedelta):
        seconds = ttl.total_seconds()
    elif isinstance(ttl, str):
        try:
            seconds = parse_time_string(ttl)
        except TimeStringError:
            raise StreamlitBadTimeStringError(ttl) from None
    elif isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
        seconds = float(ttl)
    else:
        raise TypeError(f"ttl must be a number, a timedelta, a string or None, not {ttl!r}")
    if seconds == float("inf"):
        return None
    return round(seconds * 1_000_000_000)


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
            Write(what, on, kind, dict(props), index, result._form_id, result._in_dialog)
        )


def _replay(writes: tuple[Write, ...], kind: CacheKind, func: Callable[..., Any]) -> None:
    from apptest._layout import emit_block, emit_element
    from apptest._shim import _main, sidebar

    made: dict[int, Container] = {}
    for write in writes:
        target: Container | None
        if write.on is None:
            target = None  # an explicit call on a block made outside the function
        elif write.on >= 0:
            target = made.get(write.on)
        else:
            root = -1 - write.on
            target = _main if root == MAIN else sidebar if root == SIDEBAR else _main.at_root(root)
        if target is None:
            raise replay_closure_error(kind, func)
        if write.what == "block":
            made[write.index] = emit_block(
                target, write.kind, dict(write.props), form_id=write.form_id,
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
        return run.session.caches.cache_for(
            self._kind,
            self._key,
            name=name,
            ttl_ns=ttl_to_ns(self._options.ttl),
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
            return pickle.loads(entry.value) if self._kind == "data" else entry.value
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
        cache = run.session.caches.functions.get(self._key)
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
        from apptest._shim.errors import StreamlitAPIException

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
            run.session.caches.clear(self.kind)


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
    from apptest._shim.errors import StreamlitAPIException

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

__all__ = ["CacheStore", "CachedFunc", "Hasher", "cache_data", "cache_resource", "value_key"]
