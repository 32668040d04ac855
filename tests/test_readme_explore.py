"""The README's "Exploring an app" examples run as written (issue 12, item 5)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent


def blocks() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Exploring an app", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def run_block(source: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "readme_example"}
    exec(compile(source, __file__, "exec"), namespace)  # paths resolve as from this folder
    return namespace


def test_the_section_has_its_three_examples() -> None:
    assert len(blocks()) == 3


def test_explore_with_a_custom_invariant(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    monkeypatch.chdir(ROOT)
    namespace = run_block(blocks()[0])
    assert namespace["result"].failed
    assert "at.clock.advance(" in capsys.readouterr().out


def test_the_counters_state_machine_holds() -> None:
    namespace = run_block(blocks()[1])
    case = namespace["TestCounters"]
    case.settings = settings(case.settings, max_examples=20)
    case().runTest()


def test_the_strategy_examples_pass() -> None:
    namespace = run_block(blocks()[2])
    namespace["test_any_size_renders"]()
    namespace["test_any_first_interaction"]()
