"""Typed nodes for the widgets Streamlit added in 1.5x and for custom components.

- ``AudioInput`` (``st.audio_input``): one WAV recording, ``upload(name, data)``.
- ``DateTimeInput`` (``st.datetime_input``): ``set_value(datetime)`` within its bounds.
- ``MenuButton`` (``st.menu_button``): ``click(option)`` makes it return that option for one
  run, as a button reads True for one run.
- ``Pagination`` (``st.pagination``): ``set_value(page)``/``select(page)``, 1..``num_pages``.
- ``ComponentInstance`` (``components.v1.declare_component``): ``set_value(value)`` is what the
  component's frontend would send (``Streamlit.setComponentValue``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from apptest._api.nodes import Widget, _short
from apptest._api.widget_nodes import InputWidget
from apptest._api.widget_nodes_data import CameraInput
from apptest._errors import AppTestError
from apptest._props import CLEARABLE, DEFAULT, OPTIONS, SPEC, VALUE
from apptest._values.choices import Options, check_choice
from apptest._values.datetimes import DateTimeSpec, check_datetime

_WAV = "audio/wav"


class AudioInput(CameraInput):
    """``st.audio_input``: one WAV recording, or None.
    ``at.audio_input[0].upload("clip.wav", wav_bytes).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def allowed_type(self) -> list[str]:
        """Always ``[".wav"]``: the browser records WAV."""
        return [".wav"]

    @property
    def sample_rate(self) -> int | None:
        """The ``sample_rate=`` the app gave (None: the browser's rate)."""
        rate = self.proto.get("sample_rate")
        return rate if isinstance(rate, int) else None

    def set_value(self, files: Any) -> AudioInput:
        """Stage one recording: ``(name, data, "audio/wav")`` (``name`` ending in ``.wav``),
        an uploaded-file-like object (``.name`` and ``.getvalue()``/``.read()``), or None."""
        __tracebackhide__ = True
        if files is not None:
            files = self._recording(files)
        result = super().set_value(files)
        assert isinstance(result, AudioInput)
        return result

    def _recording(self, files: Any) -> tuple[str, bytes, str]:
        if not isinstance(files, tuple) and hasattr(files, "name"):
            read = getattr(files, "getvalue", None) or getattr(files, "read", None)
            if callable(read):
                files = (str(files.name), read(), getattr(files, "type", None) or _WAV)
        if not isinstance(files, tuple) or len(files) not in (2, 3):
            raise AppTestError(
                f"{self._what} takes one recording as (name, data, 'audio/wav') or a file-like "
                f"object, not {_short(files)}."
            )
        mime = files[2] if len(files) == 3 else _WAV
        if mime != _WAV or not str(files[0]).lower().endswith(".wav"):
            raise AppTestError(
                f"{self._what} records WAV audio: the name must end in .wav and the type "
                f"be 'audio/wav' (got {files[0]!r}, {mime!r})."
            )
        return (files[0], files[1], _WAV)

    def upload(self, name: str, data: bytes, mime_type: str = _WAV) -> AudioInput:
        """Record ``data`` (WAV bytes) as ``name``."""
        __tracebackhide__ = True
        return self.set_value((name, data, mime_type))


class DateTimeInput(InputWidget):
    """``st.datetime_input``: ``at.datetime_input("when").set_value(datetime(2024, 1, 2, 9))``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def min(self) -> datetime:
        """The earliest datetime the input accepts."""
        return self._spec.min

    @property
    def max(self) -> datetime:
        """The latest datetime the input accepts."""
        return self._spec.max

    @property
    def step(self) -> int:
        """The step of the time picker, in seconds."""
        return int(self.proto.get("step", 900))

    @property
    def format(self) -> str:
        """The date format the browser shows ("YYYY/MM/DD" ...)."""
        return str(self.proto.get("format", "YYYY/MM/DD"))

    @property
    def _spec(self) -> DateTimeSpec:
        spec = self.proto[SPEC]
        assert isinstance(spec, DateTimeSpec)
        return spec

    def set_value(self, value: Any) -> DateTimeInput:
        """Stage a ``datetime`` in whole minutes within the bounds (None when clearable)."""
        __tracebackhide__ = True
        clearable = bool(self.proto.get(CLEARABLE))
        return self._put(check_datetime(self._what, self._spec, value, clearable=clearable))

    def _describe(self) -> str:
        value = self.proto.get(VALUE)
        shown = value.isoformat(" ", "minutes") if isinstance(value, datetime) else value
        return f"datetime_input {_short(self.label)} = {shown}"


class MenuButton(InputWidget):
    """``st.menu_button``: ``at.menu_button("Export").click("CSV").run()``; the app gets the
    option in that run, None in the others."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def _options(self) -> Options:
        return Options(
            tuple(self.proto.get("option_values", ())),
            tuple(self.proto.get(OPTIONS, ())),
            self.proto.get("format_func") or str,
        )

    @property
    def options(self) -> list[str]:
        """The options as the menu shows them (``format_func`` applied)."""
        return list(self.proto.get(OPTIONS, ()))

    @property
    def value(self) -> Any:
        """The option picked in the last run (or staged), else None."""
        return self._at._staged_value(self.id, self.proto.get(VALUE))

    def set_value(self, value: Any) -> MenuButton:
        """Stage picking ``value`` (an option or its label), as ``click``."""
        __tracebackhide__ = True
        option = check_choice(self._what, self._options, value, clearable=False)
        return self._put(option, trigger=True)

    def click(self, value: Any) -> MenuButton:
        """Stage picking ``value`` from the menu (an option or its label)."""
        __tracebackhide__ = True
        return self.set_value(value)

    def click_index(self, index: int) -> MenuButton:
        """Stage picking the option at ``index``."""
        __tracebackhide__ = True
        raw = self._options.raw
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(raw):
            raise AppTestError(
                f"{self._what} has options 0..{len(raw) - 1}; index {index!r} is not one."
            )
        return self.set_value(raw[index])

    def _describe(self) -> str:
        return f"menu_button {_short(self.label)} {self.options}"


class Pagination(InputWidget):
    """``st.pagination``: ``at.pagination[0].select(3).run()``; pages count from 1."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def num_pages(self) -> int:
        """How many pages there are."""
        return int(self.proto.get("num_pages", 1))

    @property
    def value(self) -> int:
        """The current page (1-based)."""
        return int(super().value)

    def set_value(self, value: Any) -> Pagination:
        """Stage going to page ``value`` (1..``num_pages``)."""
        __tracebackhide__ = True
        if isinstance(value, bool) or not isinstance(value, int):
            raise AppTestError(f"{self._what} takes a page number (int), not {value!r}.")
        if not 1 <= value <= self.num_pages:
            raise AppTestError(
                f"{self._what} has pages 1..{self.num_pages}; page {value} is not one."
            )
        return self._put(value)

    def select(self, page: int) -> Pagination:
        """Stage going to ``page``, as ``set_value``."""
        __tracebackhide__ = True
        return self.set_value(page)

    def _describe(self) -> str:
        return f"pagination page {self.value} of {self.num_pages}"


class ComponentInstance(InputWidget):
    """A custom component (``components.v1.declare_component``): ``.name``, ``.args`` (the
    keyword arguments the app passed) and ``set_value(v)``, what its frontend would send.
    ``at.get("component_instance")[0].set_value({"clicked": 1}).run()``."""

    __module__ = "apptest"
    __slots__ = ()

    @property
    def name(self) -> str:
        """The component's full name (``"module.name"``)."""
        return str(self.proto.get("component_name", ""))

    @property
    def args(self) -> dict[str, Any]:
        """The keyword arguments the app passed to the component (``default``, ``key``
        included, as Streamlit sends them)."""
        return dict(self.proto.get("json_args", {}))

    @property
    def value(self) -> Any:
        """What the app gets: the value sent (or staged), else the ``default=`` it passed."""
        value = self._at._staged_value(self.id, self.proto.get(VALUE))
        return self.proto.get(DEFAULT) if value is None else value

    def set_value(self, value: Any) -> ComponentInstance:
        """Stage ``value`` as the component's frontend would send it."""
        __tracebackhide__ = True
        return self._put(value)

    def _describe(self) -> str:
        return f"component {self.name!r} = {_short(self.value)}"


#: The node class of each widget kind this module defines.
CLASSES: dict[str, type[Widget]] = {
    "audio_input": AudioInput,
    "datetime_input": DateTimeInput,
    "menu_button": MenuButton,
    "pagination": Pagination,
    "component_instance": ComponentInstance,
}
