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
        "== input 'Name=Ada'",
        "== check 'Agree'",
        "== click 'Send'",
    ]
    assert out.rstrip().endswith("markdown 'sent Ada True'")


def test_bad_label_exits_2_with_the_listing(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["run", str(COUNTERS), "--click", "Nope"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err == (
        "apptest: No button with key or label 'Nope'. Found: button(label='Rerun fragment'), "
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
    assert "No button with key or label 'Nope'. Found: button(label='Rerun fragment')" in (
        result.stderr
    )


def test_usage_error_exits_2() -> None:
    result = _cli("run", cwd=ROOT)
    assert result.returncode == 2
    assert "usage: apptest run" in result.stderr


# -- issue 11: steps for every widget, exit statuses, JSON, scenarios -------------------------
WIDGETS = """\
import datetime
import streamlit as st
n = st.number_input("Count", 0, 10, key="count")
low, high = st.slider("Range", 0, 100, (10, 20))
tags = st.multiselect("Tags", ["a", "b", "c"])
day = st.date_input("Day", datetime.date(2024, 1, 1))
on = st.toggle("On")
city = st.radio("City", ["Oslo", "Rome"])
with st.form("order"):
    qty = st.number_input("Qty", 1, 5)
    sent = st.form_submit_button("Send order")
st.write(f"{n} {low}-{high} {tags} {day} {on} {city} {qty} {sent}")
"""


def _app(tmp_path: Path, source: str, name: str = "app.py") -> Path:
    script = tmp_path / name
    script.write_text(source, encoding="utf-8")
    return script


def test_set_is_typed_per_widget_and_submit_clicks_a_forms_button(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = _app(tmp_path, WIDGETS)
    steps = ["--set", "count=3", "--set", "Range=30..40", "--set", "Tags=a,c",
             "--set", "Day=2024-02-03", "--set", "On=true", "--select", "City=Rome",
             "--set", "Qty=4", "--submit", "order"]
    assert main(["run", str(script), *steps]) == 0
    last = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert last == "  markdown \"3 30-40 ['a', 'c'] 2024-02-03 True Rome 4 True\""


def test_a_value_a_widget_cannot_take_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = _app(tmp_path, WIDGETS)
    assert main(["run", str(script), "--set", "count=many"]) == 2
    assert "number_input 'Count' takes a number, not 'many'" in capsys.readouterr().err
    assert main(["run", str(script), "--set", "count=11"]) == 2
    assert main(["run", str(script), "--submit", "nope"]) == 2
    assert "No form 'nope'. Forms: 'order'." in capsys.readouterr().err
    assert main(["run", str(script), "--set", "Day=2024-13-01"]) == 2
    err = capsys.readouterr().err
    assert "takes an ISO date such as 2024-01-31, not '2024-13-01'" in err
    assert "Traceback" not in err
    assert main(["run", str(script), "--set", "Day=2024-02-03"]) == 0  # the next run works


def test_app_exception_exits_1_unless_allowed(capsys: pytest.CaptureFixture[str]) -> None:
    raises = str(ROOT / "examples" / "raises.py")
    assert main(["run", raises]) == 1
    err = capsys.readouterr().err
    assert "ZeroDivisionError: division by zero" in err and "raises.py" in err
    assert main(["run", raises, "--allow-exceptions"]) == 0


def test_relative_paths_never_resolve_inside_the_package(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["run", "plugin.py"]) == 2  # apptest has a plugin.py; the cwd has none
    assert f"looked at {tmp_path / 'plugin.py'}" in capsys.readouterr().err
    _app(tmp_path, "import streamlit as st\nst.write('my plugin page')", "plugin.py")
    assert main(["run", "plugin.py"]) == 0
    assert "markdown 'my plugin page'" in capsys.readouterr().out


def test_json_output_has_tree_and_runs_per_step(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import json

    script = _app(tmp_path, "import streamlit as st\nif st.button('Go'):\n    st.write('went')")
    assert main(["run", str(script), "--click", "Go", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["semantics"] == "seed"
    assert [step["step"] for step in document["steps"]] == [f"run {script}", "click 'Go'"]
    second = document["steps"][1]
    assert second["runs"] == [
        {"id": 2, "scope": "app", "trigger": "user", "fragments": [], "status": "finished",
         "exceptions": []}
    ]
    assert second["tree"] == ["main", "  button 'Go'", "  markdown 'went'"]


def test_advance_and_rerun_steps(capsys: pytest.CaptureFixture[str]) -> None:
    ticker = str(ROOT / "examples" / "ticker.py")
    assert main(["run", ticker, "--advance", "2s", "--rerun"]) == 0
    titles = [line for line in capsys.readouterr().out.splitlines() if line.startswith("== ")]
    assert titles == [f"== run {ticker}", "== advance '2s'", "== run"]


def test_check_passes_fails_with_a_diff_and_updates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import json

    _app(tmp_path, "import streamlit as st\nif st.button('Go'):\n    st.write('went')")
    scenario = tmp_path / "app.scenario.json"
    scenario.write_text(json.dumps({"app": "app.py", "steps": [{"run": True}, {"click": "Go"}]}))
    assert main(["check", str(scenario), "--update"]) == 0
    assert json.loads(scenario.read_text())["steps"][1]["tree"][-1] == "  markdown 'went'"
    assert main(["check", str(scenario)]) == 0
    capsys.readouterr()
    _app(tmp_path, "import streamlit as st\nif st.button('Go'):\n    st.write('gone')")
    assert main(["check", str(scenario)]) == 1
    out = capsys.readouterr().out
    assert f"--- {scenario} step 2 (click 'Go'): expected" in out
    assert "-  markdown 'went'\n+  markdown 'gone'" in out
    assert main(["check", str(scenario), "--update"]) == 0
    assert main(["check", str(scenario)]) == 0


def test_check_example_scenario_matches() -> None:
    pytest.importorskip("pandas")
    assert main(["check", str(ROOT / "examples" / "filter.scenario.json")]) == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "is not valid JSON"),
        ('{"steps": []}', 'needs an "app"'),
        ('{"app": "x.py", "steps": [{"click": "a", "set": "b=1"}]}', "one action key"),
    ],
)
def test_malformed_scenario_is_a_usage_error(
    content: str, message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    scenario = tmp_path / "s.json"
    scenario.write_text(content)
    assert main(["check", str(scenario)]) == 2
    assert message in capsys.readouterr().err


def test_a_verb_can_be_registered(capsys: pytest.CaptureFixture[str]) -> None:
    from apptest import cli

    cli.register("hello", cli.Command("say hello", lambda p: None, lambda a: print("hi") or 0))
    try:
        assert main(["hello"]) == 0
        assert capsys.readouterr().out == "hi\n"
    finally:
        del cli.COMMANDS["hello"]


def test_upload_chat_and_select_slider_steps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = tmp_path / "data.csv"
    data.write_text("a,b\n1,2\n")
    script = _app(
        tmp_path,
        "import streamlit as st\n"
        "f = st.file_uploader('Data')\n"
        "low, high = st.select_slider('Level', ['lo', 'mid', 'hi'], ('lo', 'mid'))\n"
        "said = st.chat_input('Say something')\n"
        "st.write(f'{f.name if f else None} {f.read() if f else b\"\"} {low}-{high} {said}')\n",
    )
    steps = ["--set", f"Data=@{data}", "--set", "Level=mid..hi", "--set", "Say something=hi"]
    assert main(["run", str(script), *steps]) == 0
    lines = capsys.readouterr().out.rstrip().splitlines()
    assert lines[-3:] == [
        "  markdown \"data.csv b'a,b\\\\n1,2\\\\n' mid-hi hi\"",
        "bottom",
        "  chat_input ''",
    ]


def test_select_on_a_widget_without_options_says_what_it_takes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    script = _app(tmp_path, "import streamlit as st\nst.text_input('Name')\n")
    assert main(["run", str(script), "--select", "Name=Ann"]) == 2
    assert "has no select(): it takes" in capsys.readouterr().err
