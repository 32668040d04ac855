"""How the shim's element and layout commands write: the base of their mixins.

``DeltaGenerator`` is composed from command mixins (``text``, ``status_elements``,
``data_media``, ``charts``, ``write``, ``layouts``, ``chat``, ``embeds``, ``newer``,
``widgets``). Those that write elements or
open blocks inherit ``Plumbing`` and call ``self._el(kind, **props)``, ``self._record(...)``
or ``self._block(kind, **props)``, which hand the properties to the runtime
(``apptest._run.layout``). The mixins cannot import ``DeltaGenerator`` (it imports them), so
their methods are typed on ``W``: each returns a container of its own class.
"""

from __future__ import annotations

from typing import Any, TypeVar

from apptest._run.layout import Container, emit_block, emit_element
from apptest._shim.versions import NOT_GIVEN

W = TypeVar("W", bound="Plumbing")


class Plumbing(Container):
    """A container whose commands write elements (``_el``, ``_record``) and blocks (``_block``)."""

    def _el(self: W, kind: str, **props: Any) -> W:
        return emit_element(self, kind, props)  # type: ignore[return-value]

    def _record(
        self: W, kind: str, arguments: dict[str, Any], data: str = "data", **extra: Any
    ) -> W:
        """Emit ``kind`` with each of the command's ``arguments`` (its ``locals()``) as a prop.

        The argument named ``data`` is recorded as the ``data`` prop; ``extra`` props are added.
        A 1.59+ keyword the app did not pass (``NOT_GIVEN``) is left out.
        """
        props = {
            name: value
            for name, value in arguments.items()
            if name != "self" and value is not NOT_GIVEN
        }
        props["data"] = props.pop(data)
        props.update(extra)
        return emit_element(self, kind, props)  # type: ignore[return-value]

    def _block(self: W, kind: str, **props: Any) -> W:
        return emit_block(self, kind, props)  # type: ignore[return-value]
