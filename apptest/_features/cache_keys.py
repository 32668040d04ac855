"""Keys of ``st.cache_data``/``st.cache_resource`` entries, and the caching errors.

Streamlit 1.58, ``runtime/caching/hashing.py``, ``cache_utils.py`` and ``cache_errors.py``:

- the *function key* hashes a function's module, qualname and source code (bytecode when the
  source cannot be read);
- the *value key* hashes each argument's name and value, skipping names that start with
  ``_``. Hashing is type-aware (``1``, ``1.0`` and ``True`` differ), containers hash their
  items in order, and an object with no dedicated rule is hashed through ``__reduce__``, so
  instances of plain classes and functions are unhashable unless ``hash_funcs`` names
  their type (``UnhashableParamError``, with Streamlit's message).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import inspect
import io
import re
import struct
import sys
import textwrap
import types
from collections.abc import Callable, ItemsView, Mapping
from typing import Any, Literal

from apptest import _st_errors as errors
from apptest._st_errors import StreamlitBadTimeStringError
from apptest._time.timestring import TimeStringError, parse_time_string

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
        """Streamlit's ``_to_bytes``: the first rule that applies, in Streamlit's order (the
        overrides, then plain values and containers, then library and runtime objects, and
        last ``__reduce__``)."""
        type_name = _fqn_type(obj)
        found = self._override_bytes(obj, type_name)
        if found is None:
            found = self._value_bytes(obj)
        if found is None:
            found = self._object_bytes(obj, type_name)
        return found if found is not None else self._reduced_bytes(obj)

    def _override_bytes(self, obj: Any, type_name: str) -> bytes | None:
        """Mocks hash by identity, bytes as themselves, and a type named in ``hash_funcs``
        by what its function returns (a failing function raises ``UserHashError``)."""
        if type_name in ("unittest.mock.Mock", "unittest.mock.MagicMock"):
            return self.to_bytes(id(obj))
        if isinstance(obj, (bytes, bytearray)):
            return bytes(obj)
        if type_name not in self._funcs:
            return None
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

    def _value_bytes(self, obj: Any) -> bytes | None:
        """Plain values by their contents (float and int by their binary form, datetimes by
        ISO text), containers by the digest of their items in order, dataclasses as dicts,
        enum members by ``str``."""
        if isinstance(obj, str):
            return obj.encode()
        if isinstance(obj, float):
            return struct.pack("<d", obj)
        if isinstance(obj, int):
            return obj.to_bytes((obj.bit_length() + 8) // 8, "little", signed=True)
        uuid = sys.modules.get("uuid")  # not imported here: no UUID exists until it is
        if uuid is not None and isinstance(obj, uuid.UUID):
            return bytes(obj.bytes)
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
        return None

    def _object_bytes(self, obj: Any, type_name: str) -> bytes | None:
        """numpy arrays by shape, dtype and data; pandas objects pickled; builtins, modules
        and classes by name; mapping proxies, patterns, in-memory files and partials by
        what they hold."""
        if type_name.startswith("numpy.") and hasattr(obj, "tobytes"):
            return self._digest_of(tuple(obj.shape), str(obj.dtype), obj.tobytes())
        if type_name.startswith("pandas."):
            import pickle

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
        return None

    def _reduced_bytes(self, obj: Any) -> bytes:
        """Last resort, as in Streamlit: hash what ``__reduce__`` returns. Functions
        (including the reconstructor of plain class instances) cannot be reduced, so they
        are unhashable (``UnhashableTypeError``)."""
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
        (names[index] if index < len(names) else None, value) for index, value in enumerate(args)
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


def ttl_to_ns(ttl: object, *, missing_space: bool = False) -> int | None:
    """``ttl`` in nanoseconds; ``None`` (or infinity) means entries never expire.
    ``missing_space``: E20's wording of the profile (``time_string_error_missing_space``)."""

    if ttl is None:
        return None
    if isinstance(ttl, datetime.timedelta):
        seconds = ttl.total_seconds()
    elif isinstance(ttl, str):
        try:
            seconds = parse_time_string(ttl)
        except TimeStringError:
            raise StreamlitBadTimeStringError(ttl, missing_space=missing_space) from None
    elif isinstance(ttl, (int, float)) and not isinstance(ttl, bool):
        seconds = float(ttl)
    else:
        raise TypeError(f"ttl must be a number, a timedelta, a string or None, not {ttl!r}")
    if seconds == float("inf"):
        return None
    return round(seconds * 1_000_000_000)
