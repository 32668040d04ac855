"""``apptest run``: run an app headlessly, apply actions, print the tree (issue 2, point 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from apptest.cli import main

ROOT = Path(__file__).resolve().parent.parent
COUNTERS = ROOT / "examples" / "counters.py"

AFTER_CLICK = """\
== click 'Rerun fragment'
   <run 2: fragment my_fragment (user) finished>
main
  fragment 'my_fragment'
    button 'Rerun fragment'
    markdown 'Fragment says it ran 2 times.'
  button 'Rerun full app'
  markdown 'Full app says it ran 1 times.'
  markdown 'Full app sees that fragment ran 1 times.'
"""


def test_run_and_click_prints_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(COUNTERS), "--click", "Rerun fragment"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith(f"== run {COUNTERS}\n   <run 1: app (initial) finished>\nmain\n")
    assert "    markdown 'Fragment says it ran 1 times.'" in out
    assert AFTER_CLICK in out


def test_actions_run_in_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    script = tmp_path / "form_app.py"
    script.write_text(
        "import streamlit as st\n"
        "name = st.text_input('Name')\n"
        "agree = st.checkbox('Agree')\n"
        "if st.button('Send'):\n"
        "    st.write(f'sent {name} {agree}')\n"
    )
    code = main(
        ["run", str(script), "--input", "Name", "Ada", "--check", "Agree", "--click", "Send"]
    )
    out = capsys.readouterr().out
    assert code == 0
    titles = [line for line in out.splitlines() if line.startswith("== ")]
    assert titles == [
        f"== run {script}",
        "== input 'Name Ada'",
        "== check 'Agree'",
        "== click 'Send'",
    ]
    assert out.rstrip().endswith("markdown 'sent Ada True'")


def test_bad_label_exits_2_with_the_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(COUNTERS), "--click", "Nope"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == (
        "apptest: No button with label='Nope'. Found: button(label='Rerun fragment'), "
        "button(label='Rerun full app').\n"
    )


def test_missing_script_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["run", str(tmp_path / "missing.py")])
    assert code == 2
    assert "AppTest script not found" in capsys.readouterr().err


def test_relative_script_path_is_taken_from_the_working_directory(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["run", "examples/counters.py"]) == 0
    assert "== run examples/counters.py" in capsys.readouterr().out


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "apptest.cli", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120, check=False,
    )


def test_module_entry_point_prints_the_tree() -> None:
    result = _cli("run", "examples/counters.py", "--click", "Rerun fragment", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert AFTER_CLICK in result.stdout


def test_module_entry_point_bad_label_exits_2() -> None:
    result = _cli("run", "examples/counters.py", "--click", "Nope", cwd=ROOT)
    assert result.returncode == 2
    assert "No button with label='Nope'. Found: button(label='Rerun fragment')" in result.stderr


def test_usage_error_exits_2() -> None:
    result = _cli("run", cwd=ROOT)
    assert result.returncode == 2
    assert "usage: apptest run" in result.stderr
