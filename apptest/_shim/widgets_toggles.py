"""Toggle widgets of the shim: checkbox and toggle.

Thin translations of Streamlit's signatures (seed era, 1.58) to ``register_plan``: a toggle's
arguments resolve once into a plan that later runs of the same call reuse
(``apptest._run.widgets``).

The keywords 1.67 added (``wrap=`` ...) end the signatures, defaulting to ``NOT_GIVEN``:
refused under the seed; under "modern" accepted and ignored (``apptest._shim.versions``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apptest._props import DEFAULT
from apptest._run.layout import Container
from apptest._run.widgets import (
    WidgetCall,
    WidgetPlan,
    known_plan,
    register_plan,
    remember_plan,
)
from apptest._shim.versions import NOT_GIVEN, newer_keywords
from apptest._values.common import check_label_visibility

Callback = Callable[..., Any] | None


class ToggleWidgets(Container):
    """``st.checkbox`` and ``st.toggle``."""

    # -- toggles ---------------------------------------------------------------------------------
    def checkbox(
        self,
        label: str,
        value: bool = False,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        wrap: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> bool:
        if wrap is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "checkbox", wrap=wrap, persist_state=persist_state)
        return self._checkbox(
            "checkbox",
            label,
            value,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
            width,
        )

    def toggle(
        self,
        label: str,
        value: bool = False,
        key: object = None,
        help: str | None = None,
        on_change: Callback = None,
        args: Any = None,
        kwargs: Any = None,
        *,
        disabled: bool = False,
        label_visibility: str = "visible",
        width: Any = "content",
        bind: Any = None,
        wrap: object = NOT_GIVEN,
        persist_state: object = NOT_GIVEN,
    ) -> bool:
        if wrap is not NOT_GIVEN or persist_state is not NOT_GIVEN:
            newer_keywords(self, "toggle", wrap=wrap, persist_state=persist_state)
        return self._checkbox(
            "toggle",
            label,
            value,
            key,
            help,
            on_change,
            args,
            kwargs,
            disabled,
            label_visibility,
            width,
        )

    def _checkbox(
        self,
        kind: str,
        label: str,
        value: bool,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> bool:
        # Everything the plan depends on: the same call in the next run finds it remembered.
        arguments: tuple[Any, ...] = (label, value, key, help, on_change, args, kwargs, disabled)
        arguments += (label_visibility, width)
        plan = known_plan(kind, arguments) or remember_plan(
            kind, arguments, self._checkbox_plan(kind, *arguments)
        )
        return bool(register_plan(self, plan))

    def _checkbox_plan(
        self,
        kind: str,
        label: str,
        value: bool,
        key: object,
        help: str | None,
        on_change: Callback,
        args: Any,
        kwargs: Any,
        disabled: bool,
        label_visibility: str,
        width: Any,
    ) -> WidgetPlan:
        check_label_visibility(label_visibility)
        return WidgetPlan(
            WidgetCall(
                kind,
                label=label,
                key=key,
                key_identity=True,
                identity={"value": bool(value), "help": help, "width": width},
                on_change=on_change,
                args=args,
                kwargs=kwargs,
            ),
            default=bool(value),
            props={
                DEFAULT: bool(value),
                "help": help,
                "disabled": disabled,
                "label_visibility": label_visibility,
            },
        )
