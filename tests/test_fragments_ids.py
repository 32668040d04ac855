"""Fragment ids come from a memo (ID1) and ``@st.fragment`` copies the function's metadata
without ``functools.update_wrapper`` (D7): both per-run shortcuts (issue 13) are checked against
the general computation, on lookalike inputs that a careless memo key would confuse.
"""

from __future__ import annotations

import dataclasses
import functools
import types
from typing import Any

from hypothesis import given
from hypothesis import strategies as hs

from apptest._profile import SEED, Semantics, blake2b_hex, md5_hex
from apptest._server import fragments
from apptest._server.fragments import fragment_id_for, make_fragment

MD5 = dataclasses.replace(SEED, name="md5", hash_name="md5")


def _run(profile: Semantics) -> Any:
    """What ``fragment_id_for`` reads of a run: its session's profile."""
    return types.SimpleNamespace(session=types.SimpleNamespace(profile=profile))


def _function(module: object, qualname: str) -> Any:
    def f() -> None:
        pass

    f.__module__ = module  # type: ignore[assignment]
    f.__qualname__ = qualname
    return f


class _Named:
    """A callable object: ID2 takes its ``__qualname__`` attribute (not the type's)."""

    def __init__(self, qualname: object) -> None:
        self.__qualname__ = qualname
        self.__module__ = "objects"

    def __call__(self) -> None:
        pass


# Module, name, path and extra split the same text in different ways ("a.b" + "c" and
# "a" + "b.c"; [0, 1] + "0" and [0, 10]...), and both hashes are used.
_FUNCS = hs.builds(
    _function,
    hs.sampled_from(["a", "a.b", "", "__main__", None]),
    hs.sampled_from(["c", "b.c", "f", "f.<locals>.g"]),
) | hs.builds(_Named, hs.sampled_from(["c", "b.c", 3]))
_CALLS = hs.tuples(
    _FUNCS,
    hs.sampled_from([(), (0,), (0, 1), (0, 10), (0, 1, 0), (1,), (2, 0, 0)]),
    hs.sampled_from(["", "0", "d1", "1"]),
    hs.sampled_from([SEED, MD5]),
)


def _expected(func: Any, path: tuple[int, ...], extra: str, profile: Semantics) -> str:
    module = getattr(func, "__module__", None) or type(func).__module__
    text = f"{module}.{fragments.object_name(func)}{list(path)}{extra}"
    return md5_hex(text) if profile.hash_name == "md5" else blake2b_hex(text)


@given(hs.lists(_CALLS, min_size=1, max_size=8))
def test_remembered_fragment_ids_are_the_hash_of_their_own_text(calls: list[Any]) -> None:
    for func, path, extra, profile in calls + calls:  # the second round answers from the memo
        assert fragment_id_for(_run(profile), func, path, extra) == _expected(
            func, path, extra, profile
        )


def test_a_str_subclass_that_formats_differently_is_never_remembered() -> None:
    class Shown(str):
        def __format__(self, spec: str) -> str:
            return "shown"

    fragments._ID_MEMO.clear()
    odd = _function(Shown("m"), "f")
    plain = _function("m", "f")
    assert fragment_id_for(_run(SEED), odd, (0, 1)) == blake2b_hex("shown.f[0, 1]")
    assert fragment_id_for(_run(SEED), plain, (0, 1)) == blake2b_hex("m.f[0, 1]")
    assert fragment_id_for(_run(SEED), odd, (0, 1)) == blake2b_hex("shown.f[0, 1]")
    assert list(fragments._ID_MEMO) == [("m", "f", (0, 1), "", "blake2b")]


def _reference(func: Any) -> Any:
    """What ``functools.wraps`` makes of ``func`` (the wrapper before the fast path)."""

    def wrap(*args: Any, **kwargs: Any) -> Any:
        return None

    wrap.__qualname__ = "make_fragment.<locals>.wrap"  # what a partial leaves in place
    return functools.update_wrapper(wrap, func)


_COPIED = (*functools.WRAPPER_ASSIGNMENTS, "__dict__", "__wrapped__")


def _metadata(wrapper: Any) -> dict[str, Any]:
    return {name: getattr(wrapper, name, "<missing>") for name in _COPIED}


def test_the_fragment_wrapper_carries_what_functools_wraps_copies() -> None:
    def plain() -> None:
        pass

    def rich(a: int, *, b: str = "") -> int:
        """Doc."""
        return a

    rich.extra = [1]  # type: ignore[attr-defined]
    rich.__wrapped__ = plain  # type: ignore[attr-defined]  # replaced by ``rich`` itself
    no_module = _function(None, "q")
    for func in (plain, rich, no_module, functools.partial(rich, 1), _Named("n")):
        made = make_fragment(func, run_every=None, main=None)  # type: ignore[arg-type]
        assert _metadata(made) == _metadata(_reference(func)), func
        assert made.__wrapped__ is func  # type: ignore[attr-defined]
