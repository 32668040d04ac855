"""``apptest run APP [--click LABEL] [--advance TIME] …``: run an app and print what it shows.

Actions run in the order given; the element tree and the run history are printed after the
first run and after each action::

    apptest run examples/counters.py --click "Rerun fragment" --click "Rerun fragment"
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from apptest._api.apptest import AppTest
from apptest._errors import AppTestError
from apptest._explore.cli import add_explore_parser, run_explore
from apptest._profile import ENV_VAR, PROFILES


class _Ordered(argparse.Action):
    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        actions = getattr(namespace, "actions", None) or []
        actions.append((self.dest, values))
        namespace.actions = actions


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apptest", description="Run a Streamlit app headlessly and show its element tree."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run an app script and print its element tree")
    run.add_argument("script", help="path to the Streamlit app script")
    run.add_argument(
        "--click",
        action=_Ordered,
        metavar="LABEL",
        help="click the button with this label (repeatable)",
    )
    run.add_argument(
        "--check", action=_Ordered, metavar="LABEL", help="check the checkbox with this label"
    )
    run.add_argument(
        "--input",
        action=_Ordered,
        nargs=2,
        metavar=("LABEL", "TEXT"),
        help="type TEXT into the text input with this label",
    )
    run.add_argument(
        "--advance",
        action=_Ordered,
        metavar="TIME",
        help="advance the virtual clock, e.g. 5s, firing run_every timers",
    )
    run.add_argument(
        "--semantics",
        default=None,
        metavar="NAME",
        help=f"semantics profile: {', '.join(sorted(PROFILES))} (default: ${ENV_VAR}, else seed)",
    )
    add_explore_parser(commands)  # apptest explore APP (issue 12)
    return parser


def _show(at: AppTest, title: str, seen: int) -> int:
    print(f"== {title}")
    for record in at.runs[seen:]:
        print(f"   {record!r}")
    print(at.tree)
    print()
    return len(at.runs)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "explore":
        return run_explore(args)
    try:
        at = AppTest.from_file(args.script, semantics=args.semantics).run()
        seen = _show(at, f"run {args.script}", 0)
        for action, value in getattr(args, "actions", None) or []:
            if action == "click":
                at.button(label=value).click().run()
            elif action == "check":
                at.checkbox(label=value).check().run()
            elif action == "input":
                at.text_input(label=value[0]).input(value[1]).run()
            elif action == "advance":
                at.clock.advance(value)
            shown = " ".join(value) if isinstance(value, list) else value
            seen = _show(at, f"{action} {shown!r}", seen)
    except AppTestError as exc:
        print(f"apptest: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (``apptest run ... | head``): stop quietly, as Unix tools do.
        sys.stdout = open(os.devnull, "w")  # the interpreter flushes stdout at exit
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
