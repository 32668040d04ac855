"""``apptest check SCENARIO``: replay a scenario file and compare the tree after each step.

A scenario is a small JSON file (``examples/filter.scenario.json``)::

    {
      "app": "filter.py",
      "semantics": "seed",
      "steps": [
        {"run": true, "tree": ["main", "  title 'Sales'", "..."]},
        {"select": "Region=North", "tree": ["..."]},
        {"click": "Refresh"},
        {"advance": "5s"}
      ]
    }

``app`` is relative to the scenario file; ``semantics`` is optional (default: as ``apptest
run``). Each step has one action key (``run``, ``click``, ``set``, ``select``, ``submit``,
``advance``: the ``apptest run`` options) and the expected ``tree`` after it, as a list of lines.
A step without a tree is not compared. ``--update`` writes the trees the app shows now.

Exit status: 0 when every tree matches (or after ``--update``), 1 when one differs (a unified
diff per step is printed), 2 for a usage error (no such file, a malformed scenario, a step
naming no widget).
"""

from __future__ import annotations

import argparse
import difflib
import json
from pathlib import Path
from typing import Any

from apptest._api.apptest import AppTest
from apptest._cli.run import APP_ERROR, OK, add_semantics
from apptest._cli.steps import VERBS, Step, apply_step
from apptest._errors import AppTestError


def configure(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``apptest check``."""
    parser.add_argument("scenario", help="the scenario JSON file")
    parser.add_argument(
        "--update", action="store_true", help="record the trees the app shows now into the file"
    )
    add_semantics(parser)


def load_scenario(path: Path) -> dict[str, Any]:
    """The scenario at ``path``, checked: an ``app`` and a list of ``steps``."""
    if not path.is_file():
        raise AppTestError(f"Scenario not found: {path}.")
    try:
        scenario = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise AppTestError(f"Scenario {path} is not valid JSON: {exc}.") from None
    if not isinstance(scenario, dict) or not isinstance(scenario.get("app"), str):
        raise AppTestError(f'Scenario {path} needs an "app" (the script path) and "steps".')
    steps = scenario.setdefault("steps", [{"run": True}])
    if not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise AppTestError(f'Scenario {path}: "steps" is a list of objects like {{"run": true}}.')
    for step in steps:
        step_of(step)
    return scenario


def step_of(entry: dict[str, Any]) -> Step:
    """The action of one scenario step: its one key among the step verbs."""
    actions = [key for key in entry if key in VERBS]
    unknown = [key for key in entry if key not in VERBS and key != "tree"]
    if len(actions) != 1 or unknown:
        raise AppTestError(
            f"A scenario step has one action key ({', '.join(VERBS)}) and an optional "
            f'"tree"; found {sorted(entry)}.'
        )
    verb = actions[0]
    return Step(verb, "" if verb == "run" else str(entry[verb]))


def check_command(args: argparse.Namespace) -> int:
    """``apptest check``: replay, compare (or record), report."""
    path = Path(args.scenario)
    scenario = load_scenario(path)
    script = (path.parent / scenario["app"]).resolve()
    if not script.is_file():
        raise AppTestError(f"Scenario {path}: app {scenario['app']!r} not found at {script}.")
    semantics = args.semantics or scenario.get("semantics")
    at = AppTest.from_file(script, semantics=semantics)
    differences = 0
    for number, entry in enumerate(scenario["steps"], start=1):
        step = step_of(entry)
        apply_step(at, step)
        actual = at.tree.splitlines()
        if args.update:
            entry["tree"] = actual
            continue
        expected = entry.get("tree")
        if expected is not None and expected != actual:
            differences += 1
            where = f"step {number} ({step})"
            diff = difflib.unified_diff(
                list(expected), actual, f"{path} {where}: expected", "the app now", lineterm=""
            )
            print("\n".join(diff))
    if args.update:
        text = json.dumps(scenario, indent=2, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        print(f"apptest: recorded {len(scenario['steps'])} tree(s) in {path}")
        return OK
    if differences:
        print(f"apptest: {differences} tree(s) differ from {path} (apptest check --update)")
        return APP_ERROR
    print(f"apptest: {len(scenario['steps'])} step(s) match {path}")
    return OK


__all__ = ["check_command", "configure", "load_scenario", "step_of"]
