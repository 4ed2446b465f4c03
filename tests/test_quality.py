"""Code quality gates run with the tests: ruff and mypy (strict) must be clean.

Their caches go to the system's temporary folder, not into the repository.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "lea-rules-quality-cache"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True,
                          check=False)


def test_ruff_clean() -> None:
    if shutil.which("ruff") is None and _run("ruff", "--version").returncode != 0:
        pytest.fail("ruff is not installed: install the test extras (pip install '.[test]')")
    result = _run("ruff", "check", "--no-cache", "lea_rules", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_clean() -> None:
    result = _run("mypy", "--no-error-summary", "--cache-dir", str(CACHE / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr
