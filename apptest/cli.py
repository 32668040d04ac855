"""The ``apptest`` command: run an app headlessly from a shell or CI.

::

    apptest run examples/counters.py --click "Rerun fragment"
    apptest run examples/filter.py --select Region=North --json
    apptest check examples/filter.scenario.json          # --update records the trees

Exit statuses (every verb): 0 success; 1 the app failed (it showed an exception, timed out or
kept rerunning; for ``check``: a tree differs); 2 a usage error (bad options, no such file, a
step naming no widget, a value the widget cannot take).

Verbs live in :data:`COMMANDS`; another module adds one with :func:`register`::

    register("explore", Command("explore an app", setup_parser, run_explore))
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from apptest._cli import check, run
from apptest._errors import AppTestError, RerunLimitError, ScriptTimeoutError
from apptest._explore.cli import EXPLORE_HELP, run_explore, setup_parser

OK, APP_ERROR, USAGE_ERROR = run.OK, run.APP_ERROR, run.USAGE_ERROR
EXIT_STATUS = (
    "Exit status: 0 success; 1 the app failed (an exception shown, a timeout, a rerun loop) "
    "or a scenario's tree differs; 2 a usage error."
)


@dataclass(frozen=True)
class Command:
    """One verb: its help line, how it adds its arguments, and what it does (-> exit status)."""

    help: str
    configure: Callable[[argparse.ArgumentParser], object]  # adds the verb's arguments
    main: Callable[[argparse.Namespace], int]


#: The verbs of the command, by name.
COMMANDS: dict[str, Command] = {}


def register(name: str, command: Command) -> None:
    """Add the verb ``name`` (``apptest NAME ...``)."""
    COMMANDS[name] = command


register(
    "run",
    Command("run an app, apply steps, print the tree after each", run.configure, run.run_command),
)
register(
    "check",
    Command("replay a scenario file and diff its trees", check.configure, check.check_command),
)
register("explore", Command(EXPLORE_HELP, setup_parser, run_explore))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="apptest",
        description="Run a Streamlit app headlessly and show its element tree.",
        epilog=EXIT_STATUS,
    )
    verbs = parser.add_subparsers(dest="command", required=True)
    for name, command in COMMANDS.items():
        sub = verbs.add_parser(
            name, help=command.help, description=command.help, epilog=EXIT_STATUS
        )
        command.configure(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line, run the verb, return the exit status."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command].main(args)
    except (ScriptTimeoutError, RerunLimitError) as exc:
        print(f"apptest: {exc}", file=sys.stderr)
        return APP_ERROR
    except AppTestError as exc:
        print(f"apptest: {exc}", file=sys.stderr)
        return USAGE_ERROR
    except BrokenPipeError:
        # The reader went away (``apptest run ... | head``): stop quietly, as Unix tools do.
        sys.stdout = open(os.devnull, "w")  # the interpreter flushes stdout at exit
        return OK


if __name__ == "__main__":
    raise SystemExit(main())
