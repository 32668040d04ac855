"""The explorer benchmark stays runnable (``bench/explore.py --quick``); no timing is checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_run_prints_every_row() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "explore.py"), "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    for app in ("counters example", "20 widgets"):
        for harness in ("explore", "plain loop", "Streamlit AppTest"):
            assert f"| {app} | {harness} |" in proc.stdout
    assert "load average before" in proc.stdout
