"""The real agendas pass `lea check` without errors, quickly, with only known warnings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from shipped import shipped_agendas

from lea_rules.api import check_file

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = shipped_agendas()


def test_there_are_agendas() -> None:
    assert len(AGENDAS) >= 3


@pytest.mark.parametrize("path", AGENDAS, ids=lambda p: p.stem)
def test_agenda_has_no_errors(path: Path) -> None:
    start = time.perf_counter()
    checked = check_file(path)
    elapsed = time.perf_counter() - start
    assert checked.ok, [f"{d.code} {d.span.line}:{d.span.column} {d.message}" for d in checked.errors]
    # Warnings are allowed, but only the kind that documents a deliberate choice.
    assert {d.code for d in checked.diagnostics} <= {"W260", "W261", "W262", "W210"}
    assert elapsed < 3, f"lea check op {path.name} duurde {elapsed:.1f} s"
