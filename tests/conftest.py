"""Shared test fixtures: paths into the repository.

The tests write nothing into the repository (README: a test run leaves `git status` clean,
ignored caches included): hypothesis keeps its example database in the system's temporary
folder; pytest's own cache is off (pyproject.toml), ruff and mypy caches go to the temporary
folder too (test_quality.py). And nothing into the user's own lea cache: LEA_CACHE_DIR
points, for the whole session and every process it starts, to a private temporary folder
that is removed at the end (tests/test_parse_cache.py checks that).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parent.parent
set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "lea-rules-hypothesis"))

SESSION_CACHE = tempfile.mkdtemp(prefix="lea-rules-test-cache-")
os.environ["LEA_CACHE_DIR"] = SESSION_CACHE
atexit.register(shutil.rmtree, SESSION_CACHE, ignore_errors=True)


@pytest.fixture
def root() -> Path:
    return ROOT
