"""Shared test fixtures: paths into the repository.

The tests write nothing into the repository (README: a test run leaves `git status` clean,
ignored caches included): hypothesis keeps its example database in the system's temporary
folder; pytest's own cache is off (pyproject.toml), ruff and mypy caches go to the temporary
folder too (test_quality.py).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parent.parent
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "lea-rules-hypothesis"))


@pytest.fixture
def root() -> Path:
    return ROOT
