"""Shared by the report tests: every edition `lea report` makes, for every shipped agenda.

An edition is the extra arguments of `lea report` that make it. The editions are read from the
command line itself, so that a new one (the council edition, default, with `--werkversie` for the
working edition) is tested as soon as `lea report` has it, without editing the tests.
"""

from __future__ import annotations

import argparse
import os
import warnings
from functools import cache
from pathlib import Path

import pytest

from lea_rules.cli import build_parser
from lea_rules.report.pdf import find_chromium, playwright_available

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = ("hengelo", "enschede", "midden-groningen")
WORKING_FLAG = "--werkversie"
# A4 pages at most, for the council edition (issue 12)
COUNCIL_PAGE_LIMITS = {"hengelo": 24, "midden-groningen": 16, "enschede": 32}


def _report_options() -> set[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices["report"]._option_string_actions)
    raise AssertionError("lea has no report command")


@cache
def editions() -> dict[str, tuple[str, ...]]:
    """Edition name -> the extra arguments of `lea report` that make it."""
    if WORKING_FLAG in _report_options():
        return {"raad": (), "werk": (WORKING_FLAG,)}
    return {"rapport": ()}


def is_council(edition: str) -> bool:
    return edition == "raad"


def cases() -> list[tuple[str, str]]:
    """(agenda, edition) for every shipped agenda and every edition."""
    return [(agenda, edition) for agenda in AGENDAS for edition in editions()]


def case_id(case: tuple[str, str]) -> str:
    return f"{case[0]}-{case[1]}"


def require_browser() -> str:
    """Chromium's path, for the browser tests. Outside CI they skip, loudly, when Chromium or
    Playwright is missing; with CI=true they fail instead, so a CI run cannot pass without them."""
    chromium = find_chromium()
    missing = []
    if chromium is None:
        missing.append("Chromium (Debian: sudo apt install chromium)")
    if not playwright_available():
        missing.append("the Python package playwright (pip install '.[test]')")
    if missing:
        reason = "browser tests need " + " and ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; in CI they must run")
        warnings.warn(f"SKIPPING REPORT BROWSER TESTS: {reason}", stacklevel=2)
        pytest.skip(f"SKIPPED LOUDLY: {reason}")
    assert chromium is not None
    return chromium
