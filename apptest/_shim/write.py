"""``st.write`` and ``st.help`` of the shim.

``st.write`` picks, for each argument, the element Streamlit 1.58 shows for its type (text,
exception, dataframe, json, help, inline code), so ``WriteCommands`` builds on the mixins that
define those commands. It is mixed into ``DeltaGenerator``.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, ValuesView
from types import MappingProxyType
from typing import Any

from apptest._shim.data_media import DataMediaCommands
from apptest._shim.plumbing import W
from apptest._shim.status_elements import StatusElements
from apptest._shim.text import TextCommands

#: Stands for Streamlit's default of ``st.help(obj=streamlit)``: the streamlit module itself.
_STREAMLIT: Any = object()


def _is_dataframe_like(obj: object) -> bool:
    module = type(obj).__module__
    return module.startswith(("pandas", "polars", "pyarrow", "numpy"))


_JSON_TYPES = (
    dict,
    list,
    map,
    enumerate,
    MappingProxyType,
    UserDict,
    ChainMap,
    UserList,
    ItemsView,
    KeysView,
    ValuesView,
)
_HELP_TYPES = (
    types.BuiltinFunctionType,
    types.BuiltinMethodType,
    types.FunctionType,
    types.MethodType,
    types.ModuleType,
)


_MEM_ADDRESS = re.compile(r"^\<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-f]+\>$")


def _is_namedtuple(obj: object) -> bool:
    return isinstance(obj, tuple) and hasattr(obj, "_asdict") and hasattr(obj, "_fields")


def _inline_code(text: str) -> str:
    """How ``st.write`` shows a plain value: inline code, or a fenced block when multi-line."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    if "\n" in text:
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{text}\n{fence}"
    ticks = "`" * (longest + 1)
    return f"{ticks}{text}{ticks}"


class WriteCommands(TextCommands, StatusElements, DataMediaCommands):
    """``st.write`` (any values) and ``st.help`` (an object's documentation)."""

    def write(self, *args: Any, unsafe_allow_html: bool = False) -> None:
        """Write each argument with the element its type calls for; strings join into one."""
        if len(args) == 1 and type(args[0]) is str:
            # The usual call, one string (``st.write(f"...")``): the markdown the loop below
            # makes of it, without the loop's list and closure.
            self.markdown(args[0], unsafe_allow_html=unsafe_allow_html)
            return
        pending: list[str] = []

        def flush() -> None:
            if pending:
                self.markdown(" ".join(pending), unsafe_allow_html=unsafe_allow_html)
                pending.clear()

        for arg in args:
            if isinstance(arg, str):
                pending.append(arg)
                continue
            if isinstance(arg, BaseException):
                flush()
                self.exception(arg)
            elif _is_dataframe_like(arg):
                flush()
                self.dataframe(arg)
            elif isinstance(arg, _JSON_TYPES) or _is_namedtuple(arg):
                flush()
                self.json(arg._asdict() if _is_namedtuple(arg) else arg)
            elif (
                isinstance(arg, _HELP_TYPES)
                or inspect.isclass(arg)
                or dataclasses.is_dataclass(arg)
            ):
                flush()
                self.help(arg)
            elif _MEM_ADDRESS.match(text := str(arg)):
                flush()
                self.help(arg)  # "<foo object at 0x...>": Streamlit shows help, not the text
            else:
                pending.append(_inline_code(text))
        flush()

    def help(self: W, obj: object = _STREAMLIT, *, width: int | str = "stretch") -> W:
        if obj is _STREAMLIT:
            obj = importlib.import_module("apptest._shim")  # st.help(): help on streamlit itself
        doc = getattr(obj, "__doc__", None) or ""
        return self._el("help", name=getattr(obj, "__name__", repr(obj)), body=doc.strip())
