"""``apptest run APP [steps]``: run an app, apply steps in order, print the tree after each.

Exit status: 0 when the app showed no exception; 1 when it did (``--allow-exceptions`` keeps
0), or timed out, or kept rerunning; 2 for a usage error (a bad option, no such script, no
such widget, a value the widget cannot take).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from apptest._api.apptest import AppTest
from apptest._api.report import exception_lines
from apptest._cli.report import step_json, step_text
from apptest._cli.steps import Step, apply_step, shown_step
from apptest._errors import AppTestError
from apptest._profile import ENV_VAR, PROFILES

#: Exit statuses of ``apptest run`` and ``apptest check``.
OK, APP_ERROR, USAGE_ERROR = 0, 1, 2


class _Ordered(argparse.Action):
    """Collects every step option into ``namespace.steps``, in command-line order."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        steps = getattr(namespace, "steps", None) or []
        arg = " ".join(values) if isinstance(values, list) else str(values or "")
        if self.dest == "input" and isinstance(values, list):
            arg = f"{values[0]}={values[1]}"
        steps.append(Step(self.dest, arg))
        namespace.steps = steps


_STEP_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("click", "LABEL", "click the button (any kind, form submit buttons too) with this label/key"),
    ("set", "LABEL=VALUE", "set a widget's value, typed for the widget (true, 3, 3..7, a,b, …)"),
    ("select", "LABEL=OPTION", "choose an option of a selectbox, radio, multiselect, pills …"),
    ("submit", "FORM", "click the submit button of the form with this key"),
    ("advance", "TIME", "advance the virtual clock, e.g. 5s, firing run_every timers"),
    ("check", "LABEL", "check the checkbox with this label (same as --set LABEL=true)"),
)


def add_semantics(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--semantics",
        default=None,
        metavar="NAME",
        help=f"semantics profile: {', '.join(sorted(PROFILES))} (default: ${ENV_VAR}, else seed)",
    )


def configure(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``apptest run``."""
    parser.add_argument("script", help="the app script (relative to the working directory)")
    for name, metavar, text in _STEP_OPTIONS:
        parser.add_argument(f"--{name}", action=_Ordered, metavar=metavar, help=text)
    parser.add_argument(
        "--input", action=_Ordered, nargs=2, metavar=("LABEL", "TEXT"), help=argparse.SUPPRESS
    )
    parser.add_argument("--rerun", action=_Ordered, nargs=0, dest="run", help="rerun the app")
    add_semantics(parser)
    parser.add_argument("--json", action="store_true", help="print the steps as one JSON object")
    parser.add_argument("--html", metavar="FILE", help="write the last page as HTML to FILE")
    parser.add_argument(
        "--allow-exceptions",
        action="store_true",
        help="exit 0 even when the app shows an exception",
    )


def script_path(text: str) -> Path:
    """A script path from the command line: relative to the working directory, never the
    package; a missing file is a usage error."""
    path = Path(text)
    if not path.is_absolute():
        path = Path.cwd() / path
    if not path.is_file():
        raise AppTestError(f"AppTest script not found: {text!r} (looked at {path}).")
    return path


def run_command(args: argparse.Namespace) -> int:
    """``apptest run``: the steps, the output, the exit status."""
    at = AppTest.from_file(script_path(args.script), semantics=args.semantics).run()
    showed_exception = bool(at.exception)
    steps: list[dict[str, Any]] = []
    seen = _emit(at, f"run {args.script}", 0, args.json, steps)
    for step in getattr(args, "steps", None) or []:
        apply_step(at, step)
        showed_exception = showed_exception or bool(at.exception)
        seen = _emit(at, shown_step(at, step), seen, args.json, steps)
    if args.json:
        document = {"app": args.script, "semantics": at.semantics.name, "steps": steps}
        print(json.dumps(document, indent=2, ensure_ascii=False, default=str))
    if args.html:
        # lazy: the HTML writer loads only for --html
        from apptest._api.html import to_html

        Path(args.html).write_text(to_html(at, title=args.script), encoding="utf-8")
    if showed_exception and not args.allow_exceptions:
        shown = "\n".join(exception_lines(at)) if at.exception else "(not on the last page)"
        print(
            f"apptest: the app showed an exception (--allow-exceptions: exit 0)\n{shown}",
            file=sys.stderr,
        )
        return APP_ERROR
    return OK


def _emit(at: AppTest, title: str, seen: int, as_json: bool, out: list[dict[str, Any]]) -> int:
    if as_json:
        out.append(step_json(at, title, seen))
    else:
        print(step_text(at, title, seen))
    return len(at.runs)


__all__ = ["APP_ERROR", "OK", "USAGE_ERROR", "configure", "run_command", "script_path"]
