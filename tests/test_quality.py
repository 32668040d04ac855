"""The package stays `ruff` and `mypy --strict` clean (the standards in DEVELOPERS.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_is_clean_on_the_package() -> None:
    if shutil.which("ruff") is None:
        pytest.skip("ruff is not installed (it comes with the 'test' extra)")
    result = _run("ruff", "check", "apptest")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean_on_the_package() -> None:
    pytest.importorskip("mypy", reason="mypy comes with the 'test' extra")
    result = _run(sys.executable, "-m", "mypy", "--strict", "apptest")
    assert result.returncode == 0, result.stdout + result.stderr
