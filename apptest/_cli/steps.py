"""The steps ``apptest run`` and ``apptest check`` apply: one user action each, then a run.

A step names a widget by its key or its label (a key wins; an ambiguous label is refused with
the widgets it could mean)::

    click LABEL          any button: st.button, st.form_submit_button, st.download_button
    set LABEL=VALUE      VALUE typed for the widget: true/false for a checkbox or toggle, a
                         number for a number input or slider ("3..7" for a range), an option
                         label for a choice ("a,b" for a multiselect or multi pills), an ISO date
                         or time, "@path" to upload a file, text for the text widgets
    select LABEL=OPTION  choose an option (added to a multiselect's selection)
    submit FORM          click the submit button of the form with this key
    advance TIME         move the virtual clock ("5s"), firing run_every timers
    run                  a plain rerun
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from apptest._api.apptest import AppTest
from apptest._api.describe import MASK
from apptest._api.nodes import Widget
from apptest._api.query import Block
from apptest._errors import AppTestError

#: The step verbs, in the order ``apptest run --help`` lists them.
VERBS = ("click", "set", "select", "submit", "advance", "run", "check", "input")
BUTTONS = ("button", "form_submit_button", "download_button")


@dataclass(frozen=True)
class Step:
    """One action: ``Step("set", "Region=North")``; ``str(step)`` is ``set 'Region=North'``."""

    verb: str
    arg: str = ""

    def __str__(self) -> str:
        return f"{self.verb} {self.arg!r}" if self.arg else self.verb


def find_widget(at: AppTest, name: str, kinds: tuple[str, ...] = ()) -> Widget:
    """The widget with key ``name``, else the one labelled ``name`` (of ``kinds`` if given)."""
    widgets = [
        n for n in at._descendants() if isinstance(n, Widget) and (not kinds or n.type in kinds)
    ]
    by_key = [w for w in widgets if w.key == name]
    matches = by_key or [w for w in widgets if w.label == name]
    if not matches:  # a chat input has no label: its placeholder names it
        matches = [w for w in widgets if w.proto.get("placeholder") == name]
    what = kinds[0] if kinds else "widget"  # "button": any of the button kinds
    if len(matches) == 1:
        return matches[0]
    if matches:
        where = ", ".join(f"{w.type} at {w.path}" for w in matches)
        raise AppTestError(
            f"{len(matches)} {what}s are labelled {name!r} ({where}): give one a key= and "
            "name it by its key."
        )
    found = ", ".join(f"{w.type}(label={w.label!r})" for w in widgets) or "none"
    raise AppTestError(f"No {what} with key or label {name!r}. Found: {found}.")


def _split(arg: str, verb: str) -> tuple[str, str]:
    name, sep, value = arg.partition("=")
    if not sep:
        raise AppTestError(f"{verb} takes LABEL=VALUE (e.g. {verb} 'Region=North'), not {arg!r}.")
    return name, value


_TRUE = {"true", "yes", "on", "1", "checked"}
_FALSE = {"false", "no", "off", "0", "unchecked"}


def _boolean(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in _TRUE | _FALSE:
        return lowered in _TRUE
    raise AppTestError(f"A checkbox or toggle takes true or false, not {text!r}.")


def _number(widget: Widget, text: str) -> Any:
    if widget.proto.get("data_type") == "int":
        try:
            return int(text)
        except ValueError:
            pass
    try:
        return float(text)
    except ValueError:
        raise AppTestError(
            f"{widget.type} {widget.label!r} takes a number, not {text!r}."
        ) from None


def _range(text: str) -> list[str] | None:
    for sep in ("..", ","):
        if sep in text:
            return [part.strip() for part in text.split(sep, 1)]
    return None


def _scalar(widget: Widget, text: str) -> Any:
    kind = widget.type
    data_type = widget.proto.get("data_type")
    if kind == "date_input" or data_type == "date":
        return _iso(widget, text, dt.date.fromisoformat, "an ISO date such as 2024-01-31")
    if kind == "time_input" or data_type == "time":
        return _iso(widget, text, dt.time.fromisoformat, "an ISO time such as 07:30")
    if data_type == "datetime" or kind == "datetime_input":
        return _iso(
            widget, text, dt.datetime.fromisoformat, "an ISO datetime such as 2024-01-31T07:30"
        )
    if kind in ("number_input", "slider"):
        return _number(widget, text)
    return text


def _iso(widget: Widget, text: str, parse: Any, what: str) -> Any:
    try:
        return parse(text)
    except ValueError as exc:
        raise AppTestError(
            f"{widget.type} {widget.label!r} takes {what}, not {text!r} ({exc})."
        ) from None


def typed_value(widget: Widget, text: str) -> Any:
    """``text`` as the value ``widget`` takes (see the module's docstring)."""
    kind = widget.type
    if kind in ("checkbox", "toggle"):
        return _boolean(text)
    ranged = bool(getattr(widget, "is_range", False))
    if ranged:
        parts = _range(text)
        if parts is None:
            raise AppTestError(f"{kind} {widget.label!r} is a range: write LOW..HIGH.")
        return tuple(_scalar(widget, part) for part in parts)
    multi = kind == "multiselect" or widget.proto.get("selection_mode") == "multi"
    if multi:
        return [part.strip() for part in text.split(",") if part.strip()]
    if kind == "feedback":
        try:
            return int(text)
        except ValueError:
            raise AppTestError(
                f"feedback {widget.label!r} takes the index of a choice (0, 1 ...), not {text!r}."
            ) from None
    return _scalar(widget, text)


def _upload(widget: Any, text: str) -> None:
    path = Path(text[1:])
    if not path.is_file():
        raise AppTestError(f"No file to upload at {path} (the path after @ is read).")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    widget.upload(path.name, path.read_bytes(), mime)


def shown_step(at: AppTest, step: Step) -> str:
    """``str(step)`` for output, with the text typed into a password field masked (issue 15)."""
    name, sep, _ = step.arg.partition("=")
    if step.verb in ("set", "input") and sep:
        try:
            widget = find_widget(at, name)
        except AppTestError:
            return str(step)
        if widget.proto.get("type") == "password":
            return str(Step(step.verb, f"{name}={MASK}"))
    return str(step)


def apply_step(at: AppTest, step: Step) -> None:
    """Stage the step's action on ``at`` and run it (``advance`` runs due timers)."""
    __tracebackhide__ = True
    verb, arg = step.verb, step.arg
    if verb == "run":
        at.run()
    elif verb == "advance":
        at.clock.advance(arg)
    elif verb == "click":
        button: Any = find_widget(at, arg, BUTTONS)
        button.click()
        at.run()
    elif verb == "submit":
        _submit(at, arg)
    elif verb in ("set", "select", "check", "input"):
        _set(at, verb, arg)
    else:
        raise AppTestError(f"Unknown step {verb!r}: the steps are {', '.join(VERBS)}.")


def _set(at: AppTest, verb: str, arg: str) -> None:
    if verb == "check":
        name, value = arg, "true"
    else:
        name, value = _split(arg, verb)
    widget: Any = find_widget(at, name)
    if widget.type in ("file_uploader", "camera_input") and value.startswith("@"):
        _upload(widget, value)
    elif verb == "select":
        widget.select(value)  # a widget without select() says which verbs it has
    else:
        widget.set_value(typed_value(widget, value))
    at.run()


def _submit(at: AppTest, form: str) -> None:
    forms = [n for n in at._descendants() if isinstance(n, Block) and n.type == "form"]
    chosen = [f for f in forms if f.proto.get("form_id") == form or f.key == form]
    if not chosen:
        names = ", ".join(repr(f.proto.get("form_id")) for f in forms) or "none"
        raise AppTestError(f"No form {form!r}. Forms: {names}.")
    buttons = [n for n in chosen[0].get("form_submit_button") if isinstance(n, Widget)]
    if len(buttons) != 1:
        labels = ", ".join(repr(b.label) for b in buttons) or "none"
        raise AppTestError(
            f"Form {form!r} has {len(buttons)} submit buttons ({labels}): click one by label."
        )
    submit: Any = buttons[0]
    submit.click()
    at.run()


__all__ = ["VERBS", "Step", "apply_step", "find_widget", "typed_value"]
