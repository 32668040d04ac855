"""``apptest explore APP``: explore an app at random and print the shortest failing sequence.

Exit status 1 with the sequence as apptest code (a test body to paste) when an invariant
breaks; 0 with the number of interactions tried when none does; 2 for a usage error::

    apptest explore examples/counters.py --max-steps 30 --max-examples 200
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from apptest._errors import AppTestError

#: The built-in invariants (``checks.BUILTIN``; spelled out so the parser loads no Hypothesis).
BUILTIN = ("no_exception", "fragment_isolation", "widget_values")
EXPLORE_HELP = "click around an app at random, move its clock, report the shortest failing sequence"


def setup_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of ``apptest explore`` on ``parser``."""
    parser.add_argument("script", help="path to the Streamlit app script")
    parser.add_argument("--max-steps", type=int, default=20, help="steps per sequence (20)")
    parser.add_argument("--max-examples", type=int, default=100, help="sequences to try (100)")
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=BUILTIN,
        help="switch off a built-in invariant (repeatable)",
    )
    parser.add_argument("--semantics", default=None, metavar="NAME", help="semantics profile")
    parser.add_argument(
        "--no-database",
        action="store_true",
        help="do not read or write Hypothesis's example database",
    )
    return parser


def explore_command(argv: Sequence[str]) -> int:
    """Run ``apptest explore`` with ``argv`` (the arguments after ``explore``)."""
    args = setup_parser(argparse.ArgumentParser(prog="apptest explore")).parse_args(argv)
    return run_explore(args)


def run_explore(args: argparse.Namespace) -> int:
    """Explore ``args.script`` as the parsed options say; print the outcome."""
    # lazy: Hypothesis loads only when a command explores (``apptest run`` stays light)
    from apptest._explore.explorer import explore

    invariants = [name for name in BUILTIN if name not in args.skip]
    options = {} if not args.no_database else {"database": None}
    try:
        result = explore(
            args.script,
            max_steps=args.max_steps,
            max_examples=args.max_examples,
            invariants=invariants,
            semantics=args.semantics,
            **options,
        )
    except AppTestError as exc:
        print(f"apptest: {exc}", file=sys.stderr)
        return 2
    if result.unknown_kinds:
        kinds = ", ".join(result.unknown_kinds)
        print(f"note: left alone widgets with no value strategy: {kinds}", file=sys.stderr)
    if result.failed:
        print(f"{result.app}: {type(result.error).__name__}: {result.error}")
        print(f"\nShortest failing sequence ({len(result.steps)} steps), as a test:\n")
        print(result.code)
        return 1
    print(
        f"{result.app}: no failure; {result.interactions} interactions tried in "
        f"{result.examples} sequences."
    )
    return 0


__all__ = ["EXPLORE_HELP", "explore_command", "run_explore", "setup_parser"]
